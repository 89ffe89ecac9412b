//! Quantities as news text writes them, in the article's language: digits
//! with the language's separators (`3,000`, `3 000`, `3.000`, `3,5`, `1 500
//! 000`), fractions (`2½`, `two and a half`), number words (`twelve`,
//! `zwölf`, `twenty-five`), scales (`3 million`, `$2bn`, `1,5 milliard`),
//! vague magnitudes (`tens of millions`, `dozens`), and a qualifier in front
//! (`more than`, `about`, `plus de`).

use super::Context;
use super::scan::Token;

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

    /// The quantity times `factor` (a unit conversion).
    pub fn scaled(self, factor: f64) -> Quantity {
        Quantity {
            low: self.low * factor,
            high: self.high * factor,
            qualifier: self.qualifier,
        }
    }
}

/// A number as few digits as say it: `3000`, `1.5`.
pub fn plain(value: f64) -> String {
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

/// Parses the quantity starting at token `i`; returns it and the index
/// after it.
pub fn parse_at(tokens: &[Token], i: usize, cx: &Context) -> Option<(Quantity, usize)> {
    let (qualifier, start) = qualifier_at(tokens, i, cx);
    let (mut quantity, end) = bare_at(tokens, start, cx)?;
    quantity.qualifier = qualifier;
    Some((quantity, end))
}

fn lower<'t>(tokens: &'t [Token], i: usize) -> Option<&'t str> {
    tokens.get(i).filter(|t| t.is_word()).map(Token::lower)
}

/// `more than`, `about`, `plus de`, `mehr als`, in the article's language
/// or in English.
fn qualifier_at(tokens: &[Token], i: usize, cx: &Context) -> (Option<char>, usize) {
    let word = |k: usize| lower(tokens, k);
    for language in cx.languages() {
        if let Some((len, mark)) = language.qualifiers.longest(word, i) {
            return (Some(*mark), i + len);
        }
    }
    (None, i)
}

/// A number word, a scale word, a vague magnitude: in the article's
/// language, then in English.
fn number_word(word: &str, cx: &Context) -> Option<f64> {
    cx.languages().find_map(|l| l.number_word(word))
}

pub fn scale(word: &str, cx: &Context) -> Option<f64> {
    cx.languages().find_map(|l| l.scale(word))
}

fn vague(word: &str, cx: &Context) -> Option<(f64, f64)> {
    cx.languages().find_map(|l| l.vague(word))
}

/// A quantity without qualifier.
fn bare_at(tokens: &[Token], i: usize, cx: &Context) -> Option<(Quantity, usize)> {
    let word = lower(tokens, i)?;
    // Vague magnitudes: "tens of millions", "hundreds of thousands",
    // "dozens", "thousands of".
    if let Some((low, high)) = vague(word, cx) {
        let mut end = i + 1;
        let mut factor = 1.0;
        let joined =
            lower(tokens, end).is_some_and(|w| cx.languages().any(|l| l.vague_joiners.contains(w)));
        if joined
            && let Some(scale) = lower(tokens, end + 1).and_then(|w| scale(w, cx))
            && scale > 100.0
        {
            factor = scale;
            end += 2;
        }
        return Some((
            Quantity {
                low: low * factor,
                high: high * factor,
                qualifier: None,
            },
            end,
        ));
    }
    // "a million", "a dozen": one of the scale, which follows.
    let (mut value, mut end) = if cx.languages().any(|l| l.indefinite.contains(word)) {
        match lower(tokens, i + 1) {
            Some(w) if scale(w, cx).is_some() && !is_plural_scale(w, cx) => (1.0, i + 1),
            _ => return None,
        }
    } else {
        digits_at(tokens, i, cx).or_else(|| words_at(tokens, i, cx))?
    };
    // Digits with a scale stuck on: "3.5m", "2bn", "€2m".
    if tokens[i].is_digits()
        && let Some(split) = word.find(|c: char| c.is_alphabetic())
        && let Some(factor) = scale(&word[split..], cx)
        && let Some(number) = read_digits(&tokens[i].text[..split], cx)
    {
        value = number * factor;
    }
    // "and a half": "two and a half hours".
    for language in cx.languages() {
        if let Some((len, _)) = language.and_a_half.longest(|k| lower(tokens, k), end) {
            value += 0.5;
            end += len;
            break;
        }
    }
    // Scale words: "3 million", "two hundred thousand", "1,5 milliard".
    while let Some(factor) =
        lower(tokens, end).and_then(|w| scale(w, cx).filter(|_| !is_plural_scale(w, cx)))
    {
        value *= factor;
        end += 1;
    }
    Some((Quantity::exact(value), end))
}

/// `millions` in "millions of people" is vague, not a scale.
fn is_plural_scale(word: &str, cx: &Context) -> bool {
    vague(word, cx).is_some()
}

/// A number in digits starting at `i`, with thousands groups the language
/// writes apart (`1 500 000`): the value and the index after it.
fn digits_at(tokens: &[Token], i: usize, cx: &Context) -> Option<(f64, usize)> {
    let first = &tokens[i];
    if !first.is_digits() {
        return None;
    }
    let mut text = first.text.to_owned();
    let mut end = i + 1;
    // `1 500 000`: groups of three digits joined by one space, after a lead
    // of one to three digits.
    let lead_digits = text.chars().take_while(char::is_ascii_digit).count();
    if lead_digits == text.len() && lead_digits <= 3 {
        while let Some(next) = tokens.get(end)
            && next.spaced
            && next.text.len() == 3
            && next.text.bytes().all(|b| b.is_ascii_digit())
        {
            text.push_str(next.text);
            end += 1;
        }
    }
    let digits_end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '\'' | '’')))
        .unwrap_or(text.len());
    let mut value = read_digits(&text[..digits_end], cx)?;
    // `2½`: a vulgar fraction after the digits.
    if let Some(fraction) = text[digits_end..].chars().next().and_then(vulgar) {
        value += fraction;
    }
    Some((value, end))
}

/// `½`, `¼`, `¾` and the other vulgar fractions.
fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅛' => 0.125,
        _ => return None,
    })
}

/// Digits with the marks between them read as the language writes them:
/// `3,000` is three thousand in English and three in French, `4.000` four
/// thousand in French and German; where the language allows both, the
/// digits decide (three digits after a single mark are a thousands group).
pub fn read_digits(text: &str, cx: &Context) -> Option<f64> {
    let text = text.trim_end_matches(['.', ',']);
    if text.is_empty() || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let marks: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    if marks.is_empty() {
        return text.parse().ok();
    }
    let groups: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).collect();
    let all_threes = groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3;
    let kinds: Vec<char> = {
        let mut k: Vec<char> = marks.iter().map(|&(_, c)| c).collect();
        k.dedup();
        k
    };
    let language = cx.language;
    let decimal_marks: Vec<char> = if language.decimal.is_empty() {
        vec!['.']
    } else {
        language.decimal.clone()
    };
    let as_number = |thousands: &[char], decimal: Option<char>| -> Option<f64> {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if c.is_ascii_digit() {
                out.push(c);
            } else if Some(c) == decimal {
                out.push('.');
            } else if !thousands.contains(&c) {
                return None;
            }
        }
        out.parse().ok()
    };
    match kinds.as_slice() {
        // `1,500,000.5` / `1.500.000,5`: the last kind is the decimal mark.
        [thousands, decimal] => {
            let (_, last) = *marks.last()?;
            (last == *decimal).then(|| as_number(&[*thousands], Some(*decimal)))?
        }
        [mark] => {
            let single = marks.len() == 1;
            let is_decimal = decimal_marks.contains(mark);
            let is_thousands = language.thousands.contains(mark) || *mark == '\'' || *mark == '’';
            if !single {
                // `1.500.000`, `1,500,000`: groups.
                return all_threes.then(|| as_number(&[*mark], None))?;
            }
            match (is_decimal, is_thousands && all_threes) {
                (true, true) => {
                    // Either: three digits after the mark read as thousands
                    // unless the language decides otherwise (French `3,500`
                    // is three and a half).
                    if language.thousands.contains(mark) || language.is_neutral() {
                        as_number(&[*mark], None)
                    } else {
                        as_number(&[], Some(*mark))
                    }
                }
                // `4.000` in an English copy of a Spanish wire: three
                // zeros after a decimal mark are no decimals anyone writes.
                (true, false) if all_threes && text.ends_with("000") && !is_thousands => {
                    as_number(&[*mark], None)
                }
                (true, false) => as_number(&[], Some(*mark)),
                (false, true) => as_number(&[*mark], None),
                // A mark the language does not use: the digits decide.
                (false, false) if all_threes => as_number(&[*mark], None),
                (false, false) => as_number(&[], Some(*mark)),
            }
        }
        _ => None,
    }
}

/// A number in words: `twelve`, `twenty-five`, `vingt-cinq`, `two`.
fn words_at(tokens: &[Token], i: usize, cx: &Context) -> Option<(f64, usize)> {
    let word = lower(tokens, i)?;
    if let Some(value) = number_word(word, cx) {
        return Some((value, i + 1));
    }
    // `twenty-five`, `vingt-cinq`.
    let (tens, units) = word.split_once('-')?;
    let (t, u) = (number_word(tens, cx)?, number_word(units, cx)?);
    (t >= 20.0 && u < 10.0).then_some((t + u, i + 1))
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokens;
    use super::*;
    use crate::lang;

    fn parse_in(code: &str, text: &str) -> Option<(String, usize)> {
        let tokens = tokens(text);
        let cx = Context::new(lang::language(Some(code)), None);
        parse_at(&tokens, 0, &cx).map(|(q, end)| (q.normal(), end))
    }

    fn parse(text: &str) -> Option<(String, usize)> {
        parse_in("en", text)
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
    fn separators_by_language() {
        assert_eq!(parse_in("fr", "4.000 candidates"), Some(("4000".into(), 1)));
        assert_eq!(parse_in("en", "4,000 candidates"), Some(("4000".into(), 1)));
        assert_eq!(parse_in("en", "4.000 companies"), Some(("4000".into(), 1)));
        assert_eq!(parse_in("en", "4.500 km"), Some(("4.5".into(), 1)));
        assert_eq!(parse_in("fr", "7,7 km"), Some(("7.7".into(), 1)));
        assert_eq!(
            parse_in("de", "1.500.000 Euro"),
            Some(("1500000".into(), 1))
        );
        assert_eq!(parse_in("de", "1.500,5 Euro"), Some(("1500.5".into(), 1)));
        assert_eq!(parse_in("en", "1,500,000.5"), Some(("1500000.5".into(), 1)));
        assert_eq!(
            parse_in("fr", "1\u{202F}500\u{202F}000 euros"),
            Some(("1500000".into(), 3))
        );
        assert_eq!(
            parse_in("en", "1 500 000 euros"),
            Some(("1500000".into(), 3))
        );
        assert_eq!(parse_in("fr", "3 000 candidats"), Some(("3000".into(), 2)));
        assert_eq!(
            parse_in("fr", "1,5 milliard"),
            Some(("1500000000".into(), 2))
        );
        assert_eq!(parse_in("es", "doce días"), Some(("12".into(), 1)));
    }

    #[test]
    fn fractions() {
        assert_eq!(parse("2½ hours"), Some(("2.5".into(), 1)));
        assert_eq!(parse("two and a half hours"), Some(("2.5".into(), 4)));
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
        assert_eq!(parse_in("fr", "plus de 3 000"), Some((">3000".into(), 4)));
    }
}
