//! Quantities as news text writes them: digits (`3,000`, `1.5`), number
//! words (`twelve`, `twenty-five`, `two hundred`), scales (`3 million`,
//! `$2bn`), vague magnitudes (`tens of millions`, `dozens`), and a
//! qualifier in front (`more than`, `about`).

use super::scan::Token;
use crate::compare::tokens::number_value;

/// A number or a range of them, with how exact the text says it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    pub low: f64,
    pub high: f64,
    /// `>` more than, `<` less than, `~` about; none when exact.
    pub qualifier: Option<char>,
}

impl Quantity {
    pub fn exact(value: f64) -> Quantity {
        Quantity {
            low: value,
            high: value,
            qualifier: None,
        }
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }

    /// A whole number in 0..=max, without qualifier.
    pub fn as_whole(&self, max: u32) -> Option<u32> {
        (self.is_exact()
            && self.qualifier.is_none()
            && self.low.fract() == 0.0
            && (0.0..=f64::from(max)).contains(&self.low))
        .then_some(self.low as u32)
    }

    /// The normal form: `3000`, `1.5`, `1e7..1e8`, `>20`.
    pub fn normal(&self) -> String {
        let mut out = String::new();
        if let Some(q) = self.qualifier {
            out.push(q);
        }
        if self.is_exact() {
            out.push_str(&plain(self.low));
        } else {
            out.push_str(&format!(
                "{}..{}",
                magnitude(self.low),
                magnitude(self.high)
            ));
        }
        out
    }
}

fn plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// `1e7` for a power of ten, else the plain number.
fn magnitude(value: f64) -> String {
    let exponent = value.log10();
    if value > 0.0 && exponent.fract() == 0.0 && exponent >= 1.0 {
        format!("1e{}", exponent as i32)
    } else {
        plain(value)
    }
}

/// The factor a scale word stands for.
pub fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" | "hundreds" => 1e2,
        "thousand" | "thousands" | "k" => 1e3,
        "million" | "millions" | "mln" | "m" => 1e6,
        "billion" | "billions" | "bn" | "b" => 1e9,
        "trillion" | "trillions" | "tn" => 1e12,
        _ => return None,
    })
}

/// Parses the quantity starting at token `i`; returns it and the index
/// after it.
pub fn parse_at(tokens: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let (qualifier, start) = qualifier_at(tokens, i);
    let (mut quantity, end) = bare_at(tokens, start)?;
    quantity.qualifier = qualifier;
    Some((quantity, end))
}

fn lower<'t>(tokens: &'t [Token], i: usize) -> Option<&'t str> {
    tokens.get(i).filter(|t| t.is_word()).map(Token::lower)
}

fn qualifier_at(tokens: &[Token], i: usize) -> (Option<char>, usize) {
    let first = lower(tokens, i).unwrap_or_default();
    let second = lower(tokens, i + 1).unwrap_or_default();
    match (first, second) {
        ("more" | "greater", "than") | ("at", "least") => (Some('>'), i + 2),
        ("less" | "fewer", "than") | ("up", "to") => (Some('<'), i + 2),
        ("over", _) => (Some('>'), i + 1),
        ("under", _) => (Some('<'), i + 1),
        ("about" | "around" | "nearly" | "almost" | "roughly" | "approximately" | "some", _) => {
            (Some('~'), i + 1)
        }
        _ => (None, i),
    }
}

/// A quantity without qualifier.
fn bare_at(tokens: &[Token], i: usize) -> Option<(Quantity, usize)> {
    let word = lower(tokens, i)?;
    // Vague magnitudes: "tens of millions", "hundreds of thousands",
    // "dozens", "thousands of".
    let vague_base = match word {
        "tens" => Some(10.0),
        "dozens" => Some(12.0),
        "hundreds" => Some(100.0),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    };
    if let Some(base) = vague_base {
        let mut low = base;
        let mut end = i + 1;
        if lower(tokens, end) == Some("of")
            && let Some(factor) = lower(tokens, end + 1).and_then(scale)
            && factor > 100.0
        {
            low *= factor;
            end += 2;
        }
        let high = if base == 12.0 { low * 12.0 } else { low * 10.0 };
        return Some((
            Quantity {
                low,
                high,
                qualifier: None,
            },
            end,
        ));
    }
    let (mut value, mut end) = if word == "a" || word == "an" {
        match lower(tokens, i + 1) {
            Some("dozen") => (12.0, i + 2),
            Some(w) if scale(w).is_some() && !w.ends_with('s') => (1.0, i + 1),
            _ => return None,
        }
    } else if word == "dozen" {
        (12.0, i + 1)
    } else {
        let (value, next) = single(word).map(|v| (v, i + 1))?;
        // "twenty five", "one hundred".
        (value, next)
    };
    // Digits with an attached scale: "3.5m", "2bn".
    if tokens[i].is_digits()
        && let Some(split) = word.find(|c: char| c.is_ascii_alphabetic())
        && let Some(factor) = scale(&word[split..])
    {
        value = number_value(&word[..split])? * factor;
    }
    // Scale words: "3 million", "two hundred thousand".
    while let Some(factor) = lower(tokens, end).and_then(|w| scale(w).filter(|_| !w.ends_with('s')))
    {
        value *= factor;
        end += 1;
    }
    Some((Quantity::exact(value), end))
}

/// One token's number: digits, a number word, or `twenty-five`.
fn single(word: &str) -> Option<f64> {
    if word.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        let digits: String = word
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .filter(|&c| c != ',')
            .collect();
        return digits.parse().ok();
    }
    if let Some((tens, units)) = word.split_once('-') {
        let (t, u) = (number_value(tens)?, number_value(units)?);
        return (t >= 20.0 && u < 10.0).then_some(t + u);
    }
    number_value(word)
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokens;
    use super::*;

    fn parse(text: &str) -> Option<(String, usize)> {
        let tokens = tokens(text);
        parse_at(&tokens, 0).map(|(q, end)| (q.normal(), end))
    }

    #[test]
    fn digits_words_and_scales() {
        assert_eq!(parse("3,000 candidates"), Some(("3000".into(), 1)));
        assert_eq!(parse("twelve days"), Some(("12".into(), 1)));
        assert_eq!(parse("twenty-five"), Some(("25".into(), 1)));
        assert_eq!(parse("1.5 million dollars"), Some(("1500000".into(), 2)));
        assert_eq!(parse("3.5m"), Some(("3500000".into(), 1)));
        assert_eq!(parse("two hundred thousand"), Some(("200000".into(), 3)));
        assert_eq!(parse("a dozen eggs"), Some(("12".into(), 2)));
        assert_eq!(parse("film"), None);
        assert_eq!(parse("a film"), None);
    }

    #[test]
    fn vague_magnitudes_and_qualifiers() {
        assert_eq!(
            parse("tens of millions of dollars"),
            Some(("1e7..1e8".into(), 3))
        );
        assert_eq!(
            parse("tens of thousands of dollars"),
            Some(("1e4..1e5".into(), 3))
        );
        assert_eq!(parse("hundreds of people"), Some(("1e2..1e3".into(), 1)));
        assert_eq!(parse("more than 20 years"), Some((">20".into(), 3)));
        assert_eq!(parse("about 30 movies"), Some(("~30".into(), 2)));
        assert_eq!(parse("over three"), Some((">3".into(), 2)));
    }
}
