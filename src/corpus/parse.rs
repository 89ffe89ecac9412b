//! Decoded text → [`Article`]: clean, find the language, read Markdown,
//! take the metadata out, heal paragraphs, find subheads, cut sentences,
//! mark datelines inside the text, and say whether the copy was cut off.

use super::article::{Article, Meta, Notice, Paragraph, ParagraphKind, Sentence, Source};
use super::decode::Decoded;
use super::markdown::Block;
use super::{clean, dateline, markdown, meta, segment};
use crate::lang::{self, Language};

/// Longest title made from the first sentence, in characters.
const FALLBACK_TITLE_CHARS: usize = 64;

/// How much text the language guesser reads: about a kilobyte is as
/// reliable as more (whatlang's own figures) and keeps loading fast.
const LANGUAGE_SAMPLE_BYTES: usize = 1024;

/// Most words in a subhead: a short, title-like line between paragraphs.
const MAX_SUBHEAD_WORDS: usize = 8;

pub fn parse_article(id: String, source: Source, decoded: Decoded) -> Article {
    parse_article_in(id, source, decoded, None)
}

/// [`parse_article`], the language given (`--lang`) rather than detected.
pub fn parse_article_in(
    id: String,
    source: Source,
    decoded: Decoded,
    language: Option<&str>,
) -> Article {
    let Decoded {
        text,
        encoding,
        mut notices,
    } = decoded;
    let text = if clean::needs_normalizing(&text) {
        clean::normalize(&text)
    } else {
        text
    };
    let (date, body) = meta::take_date_prefix(&text);
    let code = language.map(str::to_owned).or_else(|| guess_language(body));
    let language = lang::language(code.as_deref());
    let body = dashed_subheads(body);
    let parsed = markdown::parse(&body, lines_are_paragraphs(&body));
    drop(text);

    let mut meta = Meta {
        date,
        language: code,
        ..Meta::default()
    };
    let mut blocks = parsed.blocks;
    meta::extract(
        &mut blocks,
        parsed.front_matter.as_deref(),
        &mut meta,
        language,
    );
    let mut blocks = clean::heal(blocks);
    mark_subheads(&mut blocks);
    meta.truncated = ends_mid_sentence(&blocks, language);
    blocks.extend(
        parsed.footnotes.iter().enumerate().map(|(k, target)| {
            Block::text(ParagraphKind::Footnote, &format!("[{}] {target}", k + 1))
        }),
    );

    let mut paragraphs = Vec::with_capacity(blocks.len());
    // Room for a sentence every 40 bytes, more than prose has (news
    // sentences run 100 to 200 bytes), so that the list is not grown and
    // copied a dozen times on a long text; room never written costs no
    // memory.
    let text_bytes: usize = blocks.iter().map(|block| block.text.len()).sum();
    let mut sentences = Vec::with_capacity(text_bytes / 40 + 1);
    for block in blocks {
        let first = sentences.len();
        let index = paragraphs.len();
        let ranges = if block.kind.is_unit() {
            let trimmed = block.text.trim();
            let start = block.text.len() - block.text.trim_start().len();
            std::iter::once(start..start + trimmed.len())
                .filter(|range| !range.is_empty())
                .collect()
        } else {
            segment::sentences_in(&block.text, language)
        };
        for range in ranges {
            let dateline = (first + sentences.len() > 0 || index > 0)
                .then(|| inline_dateline(&block.text[range.clone()], language))
                .flatten()
                .map(|len| range.start..range.start + len);
            sentences.push(Sentence {
                paragraph: index,
                range,
                dateline,
            });
        }
        paragraphs.push(Paragraph {
            kind: block.kind,
            text: block.text,
            styles: block.styles,
            sentences: first..sentences.len(),
        });
    }

    if parsed.controls_shown > 0 {
        notices.push(Notice::ControlsShown(parsed.controls_shown));
    }
    if paragraphs.is_empty() {
        notices.push(Notice::Empty);
    }
    if meta.truncated {
        notices.push(Notice::CutOff);
    }

    let mut article = Article {
        label: id.clone(),
        id,
        source,
        meta,
        paragraphs,
        sentences,
        notices,
        encoding,
        word_count: std::sync::OnceLock::new(),
    };
    if article.meta.title.is_none() && !article.sentences.is_empty() {
        article.meta.title = Some(fallback_title(article.sentence_text(0)));
    }
    article
}

/// A dateline inside the text, where a story goes on from a second place
/// (`WASHINGTON, Oct. 5 (Reuters) - U.S. officials…`): only with an agency
/// or a date, so that a sentence opening on a name in capitals is not one.
fn inline_dateline(sentence: &str, language: &Language) -> Option<usize> {
    // Every sentence is asked: most are turned away by what the dateline
    // must hold, a digit of its date or the bracket or slash round its
    // agency.
    let head = &sentence[..sentence.floor_char_boundary(dateline::MAX_DATELINE_BYTES)];
    if !head
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'(' || b == b'/')
    {
        return None;
    }
    let found = dateline::parse(sentence, language)?;
    (found.agency.is_some() || found.date.is_some())
        .then_some(found.len)
        .filter(|&len| len < sentence.len())
        .map(|len| sentence[..len].trim_end().len())
}

/// AFP-style subheads, a line of their own between dashes (`- Doctor who?
/// -`), become Markdown headings before Markdown reads them as list items.
fn dashed_subheads(text: &str) -> std::borrow::Cow<'_, str> {
    let dashed = |line: &str| -> Option<String> {
        let line = line.trim();
        let inner = ["- ", "– ", "— ", "* "]
            .iter()
            .find_map(|open| line.strip_prefix(open))?;
        let inner = [" -", " –", " —", " *"]
            .iter()
            .find_map(|close| inner.strip_suffix(close))?
            .trim();
        (!inner.is_empty() && inner.split_whitespace().count() <= MAX_SUBHEAD_WORDS * 2)
            .then(|| format!("## {inner}"))
    };
    // One search per mark: a search for any of several chars goes char by
    // char.
    if !['-', '–', '—', '*'].iter().any(|&mark| text.contains(mark)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let blank = |k: Option<&&str>| k.is_none_or(|l| l.trim().is_empty());
    let one_per_line = lines_are_paragraphs(text);
    let mut changed = false;
    let mut out = Vec::with_capacity(lines.len());
    for (k, line) in lines.iter().enumerate() {
        let alone = blank(k.checked_sub(1).and_then(|p| lines.get(p))) && blank(lines.get(k + 1))
            || one_per_line;
        match dashed(line).filter(|_| alone) {
            Some(heading) => {
                out.push(std::borrow::Cow::Owned(heading));
                changed = true;
            }
            None => out.push(std::borrow::Cow::Borrowed(*line)),
        }
    }
    if !changed {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(out.join("\n"))
}

/// A short line of its own between two paragraphs, with no full stop, after
/// a paragraph that ends a sentence and before one that starts one, is a
/// subhead (`Long wait`, `hard training for space`).
fn mark_subheads(blocks: &mut [Block]) {
    for k in 1..blocks.len().saturating_sub(1) {
        let (before, rest) = blocks.split_at_mut(k);
        let (current, after) = rest.split_at_mut(1);
        let (previous, block, next) = (&before[k - 1], &mut current[0], &after[0]);
        if block.kind != ParagraphKind::Text
            || !block.line_starts.is_empty()
            || next.kind != ParagraphKind::Text
        {
            continue;
        }
        let text = block.text.trim();
        let words = text.split_whitespace().take(MAX_SUBHEAD_WORDS + 1).count();
        let unpunctuated = !text.ends_with(['.', ',', ';', ':', '…', '"', '”', '»', ')']);
        let previous_ends = previous
            .text
            .trim_end()
            .ends_with(['.', '!', '?', '…', '"', '”', '»', ')', '“']);
        let next_starts = next
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«„'‘".contains(c));
        if (1..=MAX_SUBHEAD_WORDS).contains(&words) && unpunctuated && previous_ends && next_starts
        {
            block.kind = ParagraphKind::Heading(2);
        }
    }
}

/// Whether the body visibly ends mid-sentence: its last paragraph stops on
/// a word, a comma or a dash, or inside an open quotation.
fn ends_mid_sentence(blocks: &[Block], language: &Language) -> bool {
    let Some(last) = blocks.last() else {
        return false;
    };
    if !matches!(last.kind, ParagraphKind::Text | ParagraphKind::Quote) {
        return false;
    }
    let text = last.text.trim_end();
    let Some(end) = text.chars().next_back() else {
        return false;
    };
    if end.is_alphanumeric() || matches!(end, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '/' | '&')
    {
        return true;
    }
    if text.ends_with("...") || end == '…' {
        return true;
    }
    open_quotation(text, language)
}

/// Whether a quotation is left open at the end of `text`: more opening
/// than closing marks of the language's pairs, or an odd count of a mark
/// that both opens and closes.
fn open_quotation(text: &str, language: &Language) -> bool {
    let last_sentence = segment::sentences_in(text, language)
        .last()
        .map_or(text, |r| &text[r.clone()]);
    language.quote_pairs.iter().any(|&(open, close)| {
        if open == close {
            last_sentence.chars().filter(|&c| c == open).count() % 2 == 1
        } else {
            let opened = last_sentence.chars().filter(|&c| c == open).count();
            let closed = last_sentence.chars().filter(|&c| c == close).count();
            opened > closed
        }
    })
}

/// Plain text with one paragraph per line and no blank lines between them
/// would otherwise read as a single Markdown paragraph.
fn lines_are_paragraphs(text: &str) -> bool {
    let body = text.trim();
    body.contains('\n') && !body.lines().any(|line| line.trim().is_empty())
}

/// A short title from a sentence, cut at a word boundary.
pub fn fallback_title(sentence: &str) -> String {
    let sentence = sentence.trim_end_matches(['.', '!', '?']);
    if sentence.chars().count() <= FALLBACK_TITLE_CHARS {
        return sentence.to_owned();
    }
    // Cut at the last space before the limit, or at the limit in a text
    // without spaces.
    let limit = sentence
        .char_indices()
        .nth(FALLBACK_TITLE_CHARS)
        .map_or(sentence.len(), |(at, _)| at);
    let cut = match sentence[..limit].rfind(char::is_whitespace) {
        Some(space) if space > 0 => space,
        _ => limit,
    };
    format!(
        "{}…",
        sentence[..cut].trim_end_matches([',', ';', ':', ' '])
    )
}

/// The language of a text, from about a kilobyte of it: by function words
/// when they plainly name a language with a file ([`lang::identify`]),
/// else by whatlang's trigram model (a third of the loading time when it
/// read every article); none when the guess is unsure.
pub fn guess_language(text: &str) -> Option<String> {
    let sample = &text[..text.floor_char_boundary(LANGUAGE_SAMPLE_BYTES)];
    if let Some(language) = lang::identify::by_function_words(sample, lang::function_words()) {
        return Some(language.code.clone());
    }
    let info = whatlang::detect(sample)?;
    (info.is_reliable() || info.confidence() >= 0.5)
        .then(|| iso_639_1(info.lang().code()).to_owned())
}

/// ISO 639-1 for the languages whatlang knows that have one.
fn iso_639_1(code3: &'static str) -> &'static str {
    const CODES: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("cym", "cy"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    CODES
        .iter()
        .find(|(three, _)| *three == code3)
        .map_or(code3, |(_, two)| two)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        let decoded = Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            notices: Vec::new(),
        };
        parse_article("t".into(), Source::Seed("t.txt"), decoded)
    }

    #[test]
    fn fallback_title_is_cut_at_a_word() {
        let a = article(
            "Six decades after Yuri Gagarin's feat, the Russians want to get back in front of the Americans.",
        );
        assert_eq!(
            a.meta.title.as_deref(),
            Some("Six decades after Yuri Gagarin's feat, the Russians want to get…")
        );
        assert_eq!(fallback_title("Short one."), "Short one");
    }

    #[test]
    fn lines_without_blank_lines_are_paragraphs() {
        let a = article("First paragraph here.\nSecond paragraph here.\n");
        assert_eq!(a.paragraphs.len(), 2);
        let b = article("One paragraph\nwrapped over lines.\n\nAnother.");
        assert_eq!(b.paragraphs.len(), 2);
        assert_eq!(b.paragraphs[0].text, "One paragraph wrapped over lines.");
    }

    #[test]
    fn empty_text_is_an_empty_article_with_a_notice() {
        let a = article("  \n\n \t\n");
        assert!(a.is_empty());
        assert_eq!(a.notices, [Notice::Empty]);
        assert_eq!(a.meta.title, None);
    }

    #[test]
    fn controls_are_counted() {
        let a = article("Evil \x1b]0;pwn\x07 title.");
        assert_eq!(a.paragraphs[0].text, "Evil ␛]0;pwn␇ title.");
        assert_eq!(a.notices, [Notice::ControlsShown(2)]);
    }

    #[test]
    fn language_is_guessed() {
        let a = article(
            "Russia sent an actress and a director into space on Tuesday to shoot the first feature film in orbit.",
        );
        assert_eq!(a.meta.language.as_deref(), Some("en"));
        let b = article(
            "Россия отправила актрису и режиссёра в космос, чтобы снять первый художественный фильм на орбите.",
        );
        assert_eq!(b.meta.language.as_deref(), Some("ru"));
    }
}
