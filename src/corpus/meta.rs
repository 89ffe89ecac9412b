//! Metadata found in the text, as wire copies carry it: a headline (a
//! Markdown heading, or a first line that is not a sentence), a byline, a
//! dateline (place, agency, date), a date line, credit and caption lines, a
//! source url, copyright lines and boilerplate at the end, YAML front
//! matter, and the ` date YYYY-MM-DD` prefix of some corpus exports. What is
//! taken as metadata leaves the body; header lines are taken line by line,
//! so a headline glued to its lede is cut off at its line break.

use super::article::{Meta, ParagraphKind};
use super::boundary;
use super::clean;
use super::dateline;
use super::dates;
use super::markdown::Block;
use super::segment;
use crate::lang::{self, Language};

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

/// Splits the metadata off the blocks of an article, in `language`.
pub fn extract(
    blocks: &mut Vec<Block>,
    front_matter: Option<&str>,
    meta: &mut Meta,
    language: &Language,
) {
    if let Some(yaml) = front_matter {
        read_front_matter(yaml, meta, language);
    }
    read_header(blocks, meta, language);
    read_footer(blocks, meta, language);
    take_captions(blocks, meta, language);
    if meta.outlet.is_none() {
        meta.outlet = meta.url.as_deref().and_then(outlet_of_url);
    }
}

fn read_front_matter(yaml: &str, meta: &mut Meta, language: &Language) {
    for line in yaml.lines() {
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']);
            set_labelled(key.trim(), value, meta, language);
        }
    }
}

/// Applies a `Key: value` line; false when the key means nothing to us.
fn set_labelled(key: &str, value: &str, meta: &mut Meta, language: &Language) -> bool {
    if value.is_empty() {
        return false;
    }
    let slot = match key.to_ascii_lowercase().as_str() {
        "title" | "headline" => &mut meta.title,
        "by" | "byline" | "author" | "authors" => {
            let found = dateline::byline(&format!("By {value}"), language);
            if let Some(found) = found {
                meta.byline.get_or_insert(found.names);
                if let Some(agency) = found.agency {
                    meta.agency.get_or_insert(agency);
                }
                return true;
            }
            &mut meta.byline
        }
        "agency" | "source agency" => &mut meta.agency,
        "outlet" | "publisher" | "publication" | "site" => &mut meta.outlet,
        "url" | "link" | "source url" | "original url" | "canonical" => &mut meta.url,
        "credit" | "photo credit" | "image credit" | "picture credit" => &mut meta.credit,
        "language" | "lang" => {
            // Said by the file itself: it overrides the guess.
            meta.language = Some(clean::visible(value).to_lowercase());
            return true;
        }
        "copyright" => &mut meta.copyright,
        "date" | "published" | "updated" | "dateline" | "publié le" | "publicado" => {
            let Some(date) = dates::parse_date_line(value, language) else {
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

/// What a header line turned out to be.
enum HeaderLine {
    /// Metadata: the line leaves the body.
    Taken,
    /// The first `n` bytes of the block are metadata; the body starts
    /// after them.
    Prefix(usize),
    /// The whole block is metadata (a caption with its credit).
    Block,
    /// The body starts here.
    Body,
}

/// Takes the header off the front of the body, line by line: a title, a
/// byline, a dateline alone on its line, a date line, credits, a url and
/// `Key: value` lines, in any order, then a dateline that leads the first
/// paragraph.
fn read_header(blocks: &mut Vec<Block>, meta: &mut Meta, language: &Language) {
    let mut first_line = true;
    while let Some(block) = blocks.first() {
        let step = header_line(block, blocks.len(), meta, language, first_line);
        first_line = false;
        match step {
            HeaderLine::Taken => {
                if !blocks[0].drop_first_line() {
                    blocks.remove(0);
                }
            }
            HeaderLine::Block => {
                blocks.remove(0);
            }
            HeaderLine::Prefix(n) => {
                blocks[0].drop_prefix(n);
                blocks[0].trim();
                if blocks[0].text.is_empty() {
                    blocks.remove(0);
                }
                break;
            }
            HeaderLine::Body => break,
        }
    }
}

fn header_line(
    block: &Block,
    blocks: usize,
    meta: &mut Meta,
    language: &Language,
    first_line: bool,
) -> HeaderLine {
    let line = block.first_line().trim();
    if let ParagraphKind::Heading(_) = block.kind {
        if meta.title.is_none() && block.line_starts.is_empty() {
            meta.title = Some(block.text.clone());
            return HeaderLine::Taken;
        }
        return HeaderLine::Body;
    }
    if block.kind != ParagraphKind::Text {
        return HeaderLine::Body;
    }
    if let Some(agency) = credited_agency(line) {
        meta.agency.get_or_insert(agency);
        return HeaderLine::Taken;
    }
    if let Some(credit) = credit_label(block.first_line(), language) {
        let credit_len = credit_length(credit);
        let rest_start = block.first_line().len() - credit.len() + credit_len;
        if credit_len < credit.trim_end().len() {
            // A credit glued to the first sentence keeps the sentence.
            meta.credit
                .get_or_insert_with(|| credit[..credit_len].trim().to_owned());
            return HeaderLine::Prefix(rest_start);
        }
        if block.line_starts.is_empty() && meta.credit.is_none() {
            meta.credit = Some(credit.trim().to_owned());
            return HeaderLine::Taken;
        }
    }
    if block.line_starts.is_empty() && meta.credit.is_none() && is_credit_line(line) {
        meta.credit = Some(line.trim_matches('*').trim().to_owned());
        return HeaderLine::Taken;
    }
    if let Some(caption) = caption(block, language) {
        take_caption(caption, meta);
        return HeaderLine::Block;
    }
    if line.len() > MAX_META_BYTES {
        return leading_dateline(block, meta, language);
    }
    if is_credit_line(line) {
        meta.credit.get_or_insert_with(|| line.to_owned());
        return HeaderLine::Taken;
    }
    if let Some(found) = dateline::byline(line, language) {
        meta.byline.get_or_insert(found.names);
        if let Some(agency) = found.agency {
            meta.agency.get_or_insert(agency);
        }
        return HeaderLine::Taken;
    }
    if let Some(found) = dateline::parse(line, language)
        && found.len >= line.len()
    {
        take_dateline(found, meta);
        return HeaderLine::Taken;
    }
    if let Some(date) = dates::parse_date_line(line, language) {
        meta.date.get_or_insert(date.to_string());
        return HeaderLine::Taken;
    }
    if is_url(line) {
        meta.url.get_or_insert_with(|| line.to_owned());
        return HeaderLine::Taken;
    }
    if let Some((key, value)) = label(line)
        && set_labelled(key, value, meta, language)
    {
        return HeaderLine::Taken;
    }
    if let Some(agency) = credited_agency(line) {
        meta.agency.get_or_insert(agency);
        return HeaderLine::Taken;
    }
    if first_line && meta.title.is_none() && is_headline(block, blocks, language) {
        meta.title = Some(line.to_owned());
        return HeaderLine::Taken;
    }
    leading_dateline(block, meta, language)
}

/// A dateline that leads the first paragraph (`MOSCOW (AFP) — Russia…`)
/// leaves it.
fn leading_dateline(block: &Block, meta: &mut Meta, language: &Language) -> HeaderLine {
    match dateline::parse(&block.text, language) {
        Some(found) if found.len < block.text.len() => {
            let len = found.len;
            take_dateline(found, meta);
            HeaderLine::Prefix(len)
        }
        _ => HeaderLine::Body,
    }
}

fn take_dateline(found: dateline::Dateline, meta: &mut Meta) {
    if !found.place.is_empty() {
        meta.place.get_or_insert(found.place);
    }
    if let Some(agency) = found.agency {
        meta.agency.get_or_insert(agency);
    }
    let Some(date) = found.date else { return };
    match date.year.or_else(|| meta.date.as_deref().and_then(year_of)) {
        Some(year) => {
            if let Some(day) = chrono::NaiveDate::from_ymd_opt(year, date.month, date.day) {
                meta.date.get_or_insert(day.to_string());
            }
        }
        None => meta.dateline_day = Some((date.month, date.day)),
    }
}

fn year_of(iso: &str) -> Option<i32> {
    iso.get(..4)?.parse().ok()
}

/// Most words in a headline: a longer line is a paragraph.
const MAX_HEADLINE_WORDS: usize = 40;

/// Most words in a headline that ends with `?` or `!` and runs on into its
/// lede on the next line.
const MAX_GLUED_QUESTION_WORDS: usize = 15;

/// Whether the first line of the text is its headline: it is not a
/// sentence (no full stop, comma, colon or semicolon at its end) and stands
/// alone: in a paragraph of its own with more text after it, or on a line
/// of its own before a lede that starts a new sentence.
fn is_headline(block: &Block, blocks: usize, language: &Language) -> bool {
    let line = block.first_line().trim();
    let words = line.split_whitespace().count();
    if words == 0 || words > MAX_HEADLINE_WORDS {
        return false;
    }
    let core = line.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '”' | '“' | '’' | '\'' | '»' | '«' | ')' | ']' | '*' | '_'
        )
    });
    let Some(last) = core.chars().next_back() else {
        return false;
    };
    let glued = !block.line_starts.is_empty();
    if glued && last == '.' && next_line_is_metadata(block, language) {
        // `Two killed as ferry runs aground.` over a date line.
        return words <= MAX_GLUED_QUESTION_WORDS * 2;
    }
    if matches!(last, '.' | ',' | ';' | ':' | '-' | '–' | '—') {
        return false;
    }
    if line.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if !glued {
        return blocks > 1;
    }
    // Glued to the next line: that line starts a sentence, and this one
    // does not end on a word that leads on (`… by the`).
    let next = block.text[block.line_starts[0]..].trim_start();
    let starts_sentence = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«„'‘".contains(c));
    let last_word = core
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    let leads_on = language.is_stopword(&last_word)
        || lang::known("en").is_some_and(|en| en.is_stopword(&last_word));
    let question = matches!(last, '?' | '!');
    starts_sentence && !leads_on && (!question || words <= MAX_GLUED_QUESTION_WORDS)
}

/// Whether the block's second line is a metadata line: a byline, a date,
/// a dateline on its own, or a `Key: value` label.
fn next_line_is_metadata(block: &Block, language: &Language) -> bool {
    let Some(&start) = block.line_starts.first() else {
        return false;
    };
    let end = block
        .line_starts
        .get(1)
        .copied()
        .unwrap_or(block.text.len());
    let line = block.text[start..end].trim();
    dateline::byline(line, language).is_some()
        || dates::parse_date_line(line, language).is_some()
        || dateline::parse(line, language).is_some_and(|d| d.len >= line.len())
        || credited_agency(line).is_some()
        || label(line).is_some_and(|(key, _)| {
            matches!(
                key.to_lowercase().as_str(),
                "source" | "by" | "date" | "published" | "updated" | "agency"
            )
        })
}

/// A credit line of organisations separated by slashes (`NASA / Roscosmos`,
/// `NTB / Scanpix`, `AFP/Getty Images`): short, capitalised, unpunctuated.
fn is_credit_line(line: &str) -> bool {
    let line = line.trim().trim_matches('*');
    if !line.contains('/') || line.split_whitespace().count() > 8 || is_url(line) {
        return false;
    }
    if line.ends_with(['.', '!', '?', ',', ':', ';']) {
        return false;
    }
    let parts: Vec<&str> = line.split('/').map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            part.chars().any(char::is_alphabetic)
                && part.split_whitespace().all(|word| {
                    word.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                })
        })
}

/// Takes trailing metadata off the end of the body: a url, copyright and
/// credit lines, a byline, and boilerplate (`Read more:`, `Sign up…`).
fn read_footer(blocks: &mut Vec<Block>, meta: &mut Meta, language: &Language) {
    while let Some(block) = blocks.last() {
        let text = block.text.trim();
        let taken = if text.len() > MAX_META_BYTES || block.kind == ParagraphKind::Heading(1) {
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
        } else if let Some(credit) = credit_label(text, language) {
            meta.credit.get_or_insert_with(|| credit.trim().to_owned());
            true
        } else if is_credit_line(text) {
            meta.credit.get_or_insert_with(|| text.to_owned());
            true
        } else if is_boilerplate(text, language) || is_signoff(text) {
            // `The Associated Press contributed to this report.`
            if text.to_lowercase().contains("contributed")
                && let Some(agency) = named_agency(text)
            {
                meta.agency.get_or_insert(agency);
            }
            true
        } else if let Some(found) = dateline::byline(text, language) {
            meta.byline.get_or_insert(found.names);
            if let Some(agency) = found.agency {
                meta.agency.get_or_insert(agency);
            }
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

/// Lines an outlet adds to every story: `Read more: …`, `Sign up for our
/// newsletter`, `The Associated Press contributed to this report.`
fn is_boilerplate(text: &str, language: &Language) -> bool {
    let lower = text.to_lowercase();
    let english = lang::known("en");
    text.split_whitespace().count() <= 25
        && language
            .boilerplate
            .iter()
            .chain(english.into_iter().flat_map(|en| en.boilerplate.iter()))
            .any(|phrase| {
                lower.starts_with(phrase.as_str()) || lower.contains(&format!(" {phrase}"))
            })
}

/// Captions and credits that stand as paragraphs of their own inside the
/// body (`Photo: …`, `Rescue workers at the scene. (Photo by X / AFP)`,
/// `NTB / Scanpix`) are metadata.
fn take_captions(blocks: &mut Vec<Block>, meta: &mut Meta, language: &Language) {
    blocks.retain(|block| match caption(block, language) {
        Some(text) => {
            take_caption(text, meta);
            false
        }
        None => true,
    });
}

fn take_caption(text: String, meta: &mut Meta) {
    meta.captions.push(text);
}

/// The caption a block is, if it is one: a credit line (`Photo: X / AFP`,
/// `NTB / Scanpix`) with what follows it, or a text that ends with its
/// picture's credit (`…in Santiago. Photo: AFP`, `… (Photo by X / AFP)`).
fn caption(block: &Block, language: &Language) -> Option<String> {
    if block.kind != ParagraphKind::Text || block.text.len() > MAX_META_BYTES {
        return None;
    }
    let text = block.text.trim();
    let first = block.first_line().trim();
    let credited_first = credit_label(first, language)
        .is_some_and(|credit| credit_length(credit) >= credit.trim_end().len())
        || is_credit_line(first);
    // A credit label has a colon: most blocks need no segmenting here.
    let credited_last = text.contains(':') && {
        let last_sentence = segment::sentences_in(text, language)
            .last()
            .map_or(text, |range| &text[range.clone()]);
        text != last_sentence && credit_label(last_sentence, language).is_some()
    };
    (credited_first || credited_last || is_captioned(text, language)).then(|| text.to_owned())
}

/// The first agency a short text names (`The Associated Press contributed
/// to this report` → `AP`), by runs of up to three words.
fn named_agency(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    (0..words.len()).find_map(|start| {
        (1..=3)
            .rev()
            .filter(|n| start + n <= words.len())
            .find_map(|n| {
                let run = words[start..start + n].join(" ");
                run.starts_with(|c: char| c.is_uppercase())
                    .then(|| dateline::agency(&run))
                    .flatten()
            })
    })
}

/// `Source: dpa`, `(with dpa)`, `With AFP`: a line that only credits an
/// agency.
fn credited_agency(line: &str) -> Option<String> {
    let line = line.trim().trim_start_matches('(').trim_end_matches(')');
    let lower = line.to_lowercase();
    let rest = ["source:", "agency:", "with", "via"]
        .iter()
        .find_map(|cue| lower.strip_prefix(cue))?;
    dateline::agency(&line[line.len() - rest.len()..])
}

/// A caption ends with its picture's credit in brackets: `(Photo by X /
/// AFP)`, `(AFP Photo)`, `(Photo: X)`, `(Reuters/Anna Berg)`.
fn is_captioned(text: &str, language: &Language) -> bool {
    let Some(inside) = text
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|at| &t[at + 1..]))
    else {
        return false;
    };
    let lower = inside.trim().to_lowercase();
    if lower.split_whitespace().count() > 10 {
        return false;
    }
    let english = lang::known("en");
    let credited = language
        .caption_credits
        .iter()
        .chain(english.into_iter().flat_map(|en| en.caption_credits.iter()))
        .any(|phrase| lower.starts_with(phrase.as_str()) || lower.ends_with(phrase.as_str()));
    // `(AP Photo/Darren Holt)`, `(Reuters/Anna Berg)`, `(X / AFP)`: a
    // picture word or an agency on one side of a slash.
    let picture = ["photo", "foto", "picture", "image", "getty"]
        .iter()
        .any(|word| lower.contains(word));
    let agency_slash = lower.contains('/')
        && (picture
            || lower
                .split('/')
                .any(|part| dateline::agency(part).is_some()));
    credited || agency_slash || (picture && lower.split_whitespace().count() <= 4)
}

/// `Credit: Pixabay` → `Pixabay`, with the language's labels (`Photo:`,
/// `Foto:`, `Crédit :`).
fn credit_label<'a>(text: &'a str, language: &Language) -> Option<&'a str> {
    let (key, value) = text.split_once(':')?;
    let key = key.trim().trim_matches('*').trim().to_lowercase();
    if key.split_whitespace().count() > 3 {
        return None;
    }
    let english = lang::known("en");
    language
        .credit_labels
        .iter()
        .chain(english.into_iter().flat_map(|en| en.credit_labels.iter()))
        .any(|label| *label == key)
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
    let marked = ["©", "(c)", "(C)", "Copyright", "copyright"]
        .iter()
        .find_map(|mark| text.strip_prefix(mark));
    let rest = marked.unwrap_or(text).trim_start();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let is_year = |w: &str| {
        let w = w.trim_end_matches(['.', ',']);
        w.len() == 4 && w.starts_with(['1', '2']) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let years = words.iter().filter(|w| is_year(w)).count();
    let owners: Vec<&&str> = words.iter().filter(|w| !is_year(w)).collect();
    // `© 2021 AFP`, `© EFE 2022`, `2021 AFP`, `(c) Reuters`.
    let owned = !owners.is_empty()
        && owners.len() <= 4
        && owners
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || **w == "by");
    owned
        && years <= 1
        && (years == 1 || marked.is_some())
        && words
            .first()
            .is_some_and(|w| is_year(w) || marked.is_some())
}

/// An editors' sign-off at the end of a wire copy: initials joined by
/// slashes (`pq/lm/bgs`, `ih/ach/jm`).
fn is_signoff(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('/').map(str::trim).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| (1..=5).contains(&p.chars().count()) && p.chars().all(char::is_lowercase))
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
        extract(&mut input, None, &mut meta, lang::language(Some("en")));
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
        assert_eq!(meta.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(meta.agency.as_deref(), Some("AFP"));
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
