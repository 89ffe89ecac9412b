//! Decoded text → [`Article`]: clean, read Markdown, take the metadata out,
//! heal paragraphs, cut sentences.

use super::article::{Article, Meta, Notice, Paragraph, Sentence, Source};
use super::decode::Decoded;
use super::{clean, markdown, meta, segment};

/// Longest title made from the first sentence, in characters.
const FALLBACK_TITLE_CHARS: usize = 64;

/// How much body text the language guesser reads.
const LANGUAGE_SAMPLE_BYTES: usize = 4096;

pub fn parse_article(id: String, source: Source, decoded: Decoded) -> Article {
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
    let parsed = markdown::parse(body, lines_are_paragraphs(body));
    drop(text);

    let mut meta = Meta {
        date,
        ..Meta::default()
    };
    let mut blocks = parsed.blocks;
    meta::extract(&mut blocks, parsed.front_matter.as_deref(), &mut meta);
    let blocks = clean::heal(blocks);

    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut sentences = Vec::new();
    let mut word_count = 0;
    for block in blocks {
        let first = sentences.len();
        let index = paragraphs.len();
        sentences.extend(
            segment::sentences(&block.text)
                .into_iter()
                .map(|range| Sentence {
                    paragraph: index,
                    range,
                }),
        );
        word_count += segment::word_count(&block.text);
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

    let mut article = Article {
        id,
        source,
        meta,
        paragraphs,
        sentences,
        notices,
        encoding,
        word_count,
    };
    if article.meta.title.is_none() && !article.sentences.is_empty() {
        article.meta.title = Some(fallback_title(article.sentence_text(0)));
    }
    if article.meta.language.is_none() {
        article.meta.language = guess_language(&article);
    }
    article
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

fn guess_language(article: &Article) -> Option<String> {
    let mut sample = String::new();
    for paragraph in &article.paragraphs {
        if sample.len() >= LANGUAGE_SAMPLE_BYTES {
            break;
        }
        let end = paragraph.text.floor_char_boundary(LANGUAGE_SAMPLE_BYTES);
        sample.push_str(&paragraph.text[..end]);
        sample.push(' ');
    }
    let info = whatlang::detect(&sample)?;
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
