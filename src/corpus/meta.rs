//! Metadata found in the text: a title heading, a byline, a dateline, a
//! source url, credit and copyright lines, YAML front matter and the
//! ` date YYYY-MM-DD` prefix of some corpus exports. What is taken as
//! metadata leaves the body.

use super::article::{Meta, ParagraphKind};
use super::boundary;
use super::clean;
use super::dates;
use super::markdown::Block;
use super::segment;

/// Longest byline, in words (`By Marina Lapenkova for AFP`).
const MAX_BYLINE_WORDS: usize = 12;

/// Longer blocks are prose, never a metadata line; checking this first keeps
/// a 50 MB single-line file from being scanned as a candidate dateline.
const MAX_META_BYTES: usize = 400;

/// Takes a ` date YYYY-MM-DD ` prefix off the start of the raw text.
pub fn take_date_prefix(text: &str) -> (Option<String>, &str) {
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix("date ") {
        let candidate = rest.get(..10).unwrap_or("");
        if let Some(date) = dates::parse_numeric(candidate)
            && rest[10..].starts_with(char::is_whitespace)
        {
            return (Some(date.to_string()), rest[10..].trim_start());
        }
    }
    (None, text)
}

/// Splits the metadata off the blocks of an article.
pub fn extract(blocks: &mut Vec<Block>, front_matter: Option<&str>, meta: &mut Meta) {
    if let Some(yaml) = front_matter {
        read_front_matter(yaml, meta);
    }
    read_header(blocks, meta);
    read_footer(blocks, meta);
    if meta.outlet.is_none() {
        meta.outlet = meta.url.as_deref().and_then(outlet_of_url);
    }
}

fn read_front_matter(yaml: &str, meta: &mut Meta) {
    for line in yaml.lines() {
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']);
            set_labelled(key.trim(), value, meta);
        }
    }
}

/// Applies a `Key: value` line; false when the key means nothing to us.
fn set_labelled(key: &str, value: &str, meta: &mut Meta) -> bool {
    if value.is_empty() {
        return false;
    }
    let slot = match key.to_ascii_lowercase().as_str() {
        "title" | "headline" => &mut meta.title,
        "by" | "byline" | "author" | "authors" => &mut meta.byline,
        "outlet" | "publisher" | "publication" | "site" => &mut meta.outlet,
        "url" | "link" | "source url" | "original url" | "canonical" => &mut meta.url,
        "credit" | "photo credit" | "image credit" | "picture credit" => &mut meta.credit,
        "language" | "lang" => &mut meta.language,
        "copyright" => &mut meta.copyright,
        "date" | "published" | "dateline" => {
            let Some(date) = dates::parse_date_line(value) else {
                return false;
            };
            meta.date.get_or_insert(date.to_string());
            return true;
        }
        _ => return false,
    };
    // Front matter has not been through Markdown, so it is made safe here.
    slot.get_or_insert_with(|| clean::visible(value).into_owned());
    true
}

fn read_header(blocks: &mut Vec<Block>, meta: &mut Meta) {
    // Header lines are taken off the front one at a time.
    let index = 0;
    while let Some(block) = blocks.first() {
        let text = block.text.as_str();
        let short = text.len() <= MAX_META_BYTES;
        let taken = if let ParagraphKind::Heading(_) = block.kind {
            meta.title.is_none() && {
                meta.title = Some(text.to_owned());
                true
            }
        } else if let Some(credit) = credit_label(text) {
            let credit_len = credit_length(credit);
            meta.credit
                .get_or_insert_with(|| credit[..credit_len].trim().to_owned());
            let rest_start = text.len() - credit.len() + credit_len;
            if text[rest_start..].trim().is_empty() {
                true
            } else {
                // A credit glued to the first sentence: keep the sentence.
                blocks[index].drop_prefix(rest_start);
                blocks[index].trim();
                break;
            }
        } else if !short {
            false
        } else if let Some(byline) = byline(text) {
            meta.byline.get_or_insert(byline);
            true
        } else if let Some(date) = dates::parse_date_line(text) {
            meta.date.get_or_insert(date.to_string());
            true
        } else if is_url(text) {
            meta.url.get_or_insert_with(|| text.to_owned());
            true
        } else if let Some((key, value)) = label(text) {
            set_labelled(key, value, meta)
        } else {
            false
        };
        if !taken {
            break;
        }
        blocks.remove(index);
    }
}

fn read_footer(blocks: &mut Vec<Block>, meta: &mut Meta) {
    while let Some(block) = blocks.last() {
        let text = block.text.trim();
        let taken = if text.len() > MAX_META_BYTES {
            false
        } else if is_url(text) {
            meta.url.get_or_insert_with(|| text.to_owned());
            // "Original url:" on the line before.
            if blocks.len() >= 2 && is_bare_label(&blocks[blocks.len() - 2].text) {
                blocks.pop();
            }
            true
        } else if is_copyright(text) {
            meta.copyright.get_or_insert_with(|| text.to_owned());
            true
        } else if let Some(credit) = credit_label(text) {
            meta.credit.get_or_insert_with(|| credit.trim().to_owned());
            true
        } else if let Some((key, value)) = label(text) {
            matches!(
                key.to_ascii_lowercase().as_str(),
                "url" | "original url" | "source" | "link"
            ) && is_url(value)
                && {
                    meta.url.get_or_insert_with(|| value.to_owned());
                    true
                }
        } else {
            false
        };
        if !taken {
            break;
        }
        blocks.pop();
    }
    // A copyright line run into the last sentence: `…into space.2021 AFP`.
    if let Some(last) = blocks.last_mut()
        && let Some(start) = glued_copyright(&last.text)
    {
        meta.copyright
            .get_or_insert_with(|| last.text[start..].trim().to_owned());
        last.truncate(start);
        last.trim();
        if last.text.is_empty() {
            blocks.pop();
        }
    }
}

/// `Credit: Pixabay` → `Pixabay`.
fn credit_label(text: &str) -> Option<&str> {
    let (key, value) = text.split_once(':')?;
    matches!(
        key.trim().to_ascii_lowercase().as_str(),
        "credit" | "photo credit" | "image credit" | "picture credit" | "photo"
    )
    .then_some(value)
}

/// Where a credit ends when the first sentence was run into it
/// (`public domainSixty years after…`): at a lower-case word glued to a
/// capitalised one. Otherwise a long block is cut after its first sentence.
fn credit_length(credit: &str) -> usize {
    let chars: Vec<(usize, char)> = credit.char_indices().collect();
    for window in 2..chars.len().saturating_sub(1) {
        let (at, c) = chars[window];
        let (_, prev) = chars[window - 1];
        let (_, next) = chars[window + 1];
        if c.is_uppercase() && next.is_lowercase() && prev.is_lowercase() {
            let word_start = chars[..window]
                .iter()
                .rposition(|(_, ch)| !ch.is_alphabetic())
                .map_or(0, |p| p + 1);
            if window - word_start >= 2
                && chars[word_start..window]
                    .iter()
                    .all(|(_, ch)| ch.is_lowercase())
            {
                return at;
            }
        }
    }
    if credit.split_whitespace().count() > 20
        && let Some(first) = segment::sentences(credit).first()
    {
        return first.end;
    }
    credit.len()
}

fn byline(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))?;
    let words = rest.split_whitespace().count();
    (words > 0 && words <= MAX_BYLINE_WORDS && !rest.trim_end().ends_with(['.', '?', '!']))
        .then(|| rest.trim().to_owned())
}

/// `Key: value` on one short line.
fn label(text: &str) -> Option<(&str, &str)> {
    let (key, value) = text.split_once(':')?;
    (key.split_whitespace().count() <= 3 && !key.is_empty()).then(|| (key.trim(), value.trim()))
}

/// `Original url:`, a label waiting for its value on the next line.
fn is_bare_label(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(':') && text.split_whitespace().count() <= 4
}

fn is_url(text: &str) -> bool {
    let text = text.trim();
    (text.starts_with("http://") || text.starts_with("https://"))
        && !text.contains(char::is_whitespace)
}

/// `© 2021 AFP`, `(c) 2021 Reuters`, `Copyright 2021 The Associated Press`,
/// `2021 AFP`.
fn is_copyright(text: &str) -> bool {
    let rest = text
        .trim_start_matches('©')
        .trim_start_matches("(c)")
        .trim_start_matches("(C)")
        .trim_start_matches("Copyright")
        .trim_start();
    let Some((year, owner)) = rest.split_once(' ') else {
        return false;
    };
    let is_year =
        year.len() == 4 && year.starts_with(['1', '2']) && year.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = owner.split_whitespace().collect();
    is_year
        && (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// The start of a copyright line at the very end of a paragraph, right after
/// the end of its last sentence.
fn glued_copyright(text: &str) -> Option<usize> {
    let boundary = boundary::after_last(text.trim_end(), |c| {
        matches!(c, '.' | '!' | '?' | '"' | '”')
    })?;
    if text.len() - boundary > MAX_META_BYTES {
        return None;
    }
    let tail = &text[boundary..];
    (is_copyright(tail.trim()) && boundary < text.len()).then_some(boundary)
}

/// Well-known outlets by their web domain; other domains stand for themselves.
const OUTLETS: &[(&str, &str)] = &[
    ("themoscowtimes.com", "The Moscow Times"),
    ("afp.com", "AFP"),
    ("france24.com", "France 24"),
    ("apnews.com", "AP"),
    ("reuters.com", "Reuters"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("theguardian.com", "The Guardian"),
    ("dw.com", "Deutsche Welle"),
    ("aljazeera.com", "Al Jazeera"),
    ("cnn.com", "CNN"),
    ("npr.org", "NPR"),
    ("phys.org", "Phys.org"),
    ("space.com", "Space.com"),
    ("lemonde.fr", "Le Monde"),
    ("lefigaro.fr", "Le Figaro"),
    ("spiegel.de", "Der Spiegel"),
    ("tass.com", "TASS"),
    ("tass.ru", "TASS"),
    ("ria.ru", "RIA Novosti"),
    ("rt.com", "RT"),
    ("japantimes.co.jp", "The Japan Times"),
    ("straitstimes.com", "The Straits Times"),
    ("hindustantimes.com", "Hindustan Times"),
    ("thehindu.com", "The Hindu"),
    ("abc.net.au", "ABC News"),
    ("cbc.ca", "CBC"),
    ("yahoo.com", "Yahoo News"),
    ("msn.com", "MSN"),
];

/// The outlet behind a url: a known name, or the bare domain.
pub fn outlet_of_url(url: &str) -> Option<String> {
    let host = url.split("://").nth(1)?.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() {
        return None;
    }
    let known = OUTLETS
        .iter()
        .find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")));
    Some(known.map_or_else(|| host.to_owned(), |(_, name)| (*name).to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| Block::text(ParagraphKind::Text, t))
            .collect()
    }

    fn run(mut input: Vec<Block>) -> (Meta, Vec<String>) {
        let mut meta = Meta::default();
        if input.first().is_some_and(|b| b.text.starts_with("# ")) {
            input[0].kind = ParagraphKind::Heading(1);
            input[0].drop_prefix(2);
        }
        extract(&mut input, None, &mut meta);
        (meta, input.into_iter().map(|b| b.text).collect())
    }

    #[test]
    fn header_lines() {
        let (meta, body) = run(blocks(&[
            "# A Title",
            "By Jane Doe for AFP",
            "July 01, 2021",
            "Body starts here.",
        ]));
        assert_eq!(meta.title.as_deref(), Some("A Title"));
        assert_eq!(meta.byline.as_deref(), Some("Jane Doe for AFP"));
        assert_eq!(meta.date.as_deref(), Some("2021-07-01"));
        assert_eq!(body, ["Body starts here."]);
    }

    #[test]
    fn footer_url_and_copyright() {
        let (meta, body) = run(blocks(&[
            "Body.",
            "© 2021 AFP",
            "Original url:",
            "https://www.themoscowtimes.com/2021/07/01/a",
        ]));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://www.themoscowtimes.com/2021/07/01/a")
        );
        assert_eq!(meta.outlet.as_deref(), Some("The Moscow Times"));
        assert_eq!(meta.copyright.as_deref(), Some("© 2021 AFP"));
        assert_eq!(body, ["Body."]);
    }

    #[test]
    fn glued_credit_and_copyright() {
        let (meta, body) = run(blocks(&[
            "Credit: Pixabay/CC0 public domainSixty years after Gagarin, Russia races.It ends in space.2021 AFP",
        ]));
        assert_eq!(meta.credit.as_deref(), Some("Pixabay/CC0 public domain"));
        assert_eq!(meta.copyright.as_deref(), Some("2021 AFP"));
        assert_eq!(
            body,
            ["Sixty years after Gagarin, Russia races.It ends in space."]
        );
    }

    #[test]
    fn credit_names_with_inner_capitals_stay_whole() {
        let (meta, body) = run(blocks(&["Credit: McDonald Photos", "Text."]));
        assert_eq!(meta.credit.as_deref(), Some("McDonald Photos"));
        assert_eq!(body, ["Text."]);
    }

    #[test]
    fn date_prefix() {
        assert_eq!(
            take_date_prefix(" date 2021-10-06 Russia sent"),
            (Some("2021-10-06".to_owned()), "Russia sent")
        );
        assert_eq!(
            take_date_prefix("date night was fun"),
            (None, "date night was fun")
        );
    }

    #[test]
    fn outlets() {
        assert_eq!(
            outlet_of_url("https://edition.cnn.com/x").as_deref(),
            Some("CNN")
        );
        assert_eq!(
            outlet_of_url("https://news.example.org/x").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(outlet_of_url("not a url"), None);
    }
}
