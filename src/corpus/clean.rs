//! Text hygiene: line endings and tabs, controls made visible and inert, and
//! paragraphs that a hard line break cut in two healed back together.

use std::borrow::Cow;

use super::article::ParagraphKind;
use super::markdown::Block;

const TAB_STOP: usize = 8;

/// Whether [`normalize`] would change `text`; most files need nothing.
pub fn needs_normalizing(text: &str) -> bool {
    // Vectorised searches (memchr): a pass testing each byte five ways
    // cost more than the rest of reading a file's lines.
    let bytes = text.as_bytes();
    text.starts_with('\u{FEFF}')
        || memchr::memchr2(b'\r', b'\t', bytes).is_some()
        || ["\u{85}", "\u{2028}", "\u{2029}"]
            .iter()
            .any(|c| memchr::memmem::find(bytes, c.as_bytes()).is_some())
}

/// Line endings become `\n` (CRLF, lone CR, NEL, U+2028, U+2029), tabs are
/// expanded to tab stops, and a leading BOM is dropped.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut column = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                column = 0;
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// What a character becomes on screen when it must not reach the terminal as
/// itself.
enum Replacement {
    Keep,
    Drop,
    Picture(char),
    CodePoint,
}

fn replacement(c: char) -> Replacement {
    match c {
        '\u{0}'..='\u{1F}' => Replacement::Picture(
            char::from_u32(0x2400 + c as u32).expect("control pictures are assigned"),
        ),
        '\u{7F}' => Replacement::Picture('\u{2421}'),
        '\u{2028}' | '\u{2029}' => Replacement::Picture('\u{2424}'),
        // C1 controls (CSI, OSC, ST, …) have no pictures of their own.
        '\u{80}'..='\u{9F}' => Replacement::CodePoint,
        // Bidi controls reorder whatever follows them, borders included.
        '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            Replacement::CodePoint
        }
        // Invisible characters that would hide a difference or shift columns.
        // ZWJ and ZWNJ stay: emoji sequences and several scripts need them.
        '\u{200B}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{180E}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{3164}'
        | '\u{FFA0}' => Replacement::CodePoint,
        '\u{AD}' => Replacement::Drop,
        _ => Replacement::Keep,
    }
}

/// The opening and closing brackets of a visible code-point marker.
const MARKER_OPEN: char = '⟨';
const MARKER_CLOSE: char = '⟩';

/// The byte length of the visible marker (`⟨U+200B⟩`, see [`visible`]) that
/// starts at byte `at` of `text`, if one does.
///
/// Markers stand for invisible characters and are for the screen only: the
/// word scanners skip them whole, so that comparison, facts and search never
/// read `200B` as a word or a number.
pub fn marker_len(text: &str, at: usize) -> Option<usize> {
    let rest = text
        .get(at..)?
        .strip_prefix(MARKER_OPEN)?
        .strip_prefix("U+")?;
    let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
    if !(4..=6).contains(&hex) || !rest[hex..].starts_with(MARKER_CLOSE) {
        return None;
    }
    Some(MARKER_OPEN.len_utf8() + 2 + hex + MARKER_CLOSE.len_utf8())
}

/// Makes every control, bidi and invisible character visible and inert:
/// `ESC` becomes `␛`, `U+202E` becomes `⟨U+202E⟩`. Safe to print.
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_counted(text).0
}

/// [`visible`], but line breaks stay line breaks: for the program's own
/// multi-line messages, which may quote a file name.
pub fn visible_lines(text: &str) -> String {
    text.split('\n').map(visible).collect::<Vec<_>>().join("\n")
}

/// [`visible`], also counting the characters that were replaced.
pub fn visible_counted(text: &str) -> (Cow<'_, str>, usize) {
    // Printable ASCII, checked 64 bytes at a time without stopping early
    // so that the check vectorises.
    let printable = |chunk: &[u8]| {
        chunk
            .iter()
            .fold(true, |ok, &b| ok & (0x20..0x7F).contains(&b))
    };
    if text.as_bytes().chunks(64).all(printable) {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut replaced = 0;
    for c in text.chars() {
        match replacement(c) {
            Replacement::Keep => out.push(c),
            Replacement::Drop => {}
            Replacement::Picture(p) => {
                out.push(p);
                replaced += 1;
            }
            Replacement::CodePoint => {
                out.push_str(&format!("{MARKER_OPEN}U+{:04X}{MARKER_CLOSE}", c as u32));
                replaced += 1;
            }
        }
    }
    if replaced == 0 && out.len() == text.len() {
        return (Cow::Borrowed(text), 0);
    }
    (Cow::Owned(out), replaced)
}

/// Joins paragraphs that a stray blank line cut in the middle of a sentence
/// (`…star Tom` / `Cruise and…`). A paragraph is joined to the next when it
/// does not end a sentence and is either long (a subhead is short) or
/// followed by a paragraph that starts in lower case.
pub fn heal(blocks: Vec<Block>) -> Vec<Block> {
    let mut healed: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let Some(previous) = healed.last_mut()
            && breaks_mid_sentence(previous, &block)
        {
            previous.append(" ", &block);
            continue;
        }
        healed.push(block);
    }
    healed
}

/// Subheads and captions are short; a line cut mid-sentence is not.
const MIN_WORDS_OF_CUT_LINE: usize = 8;

fn breaks_mid_sentence(previous: &Block, next: &Block) -> bool {
    if previous.kind != ParagraphKind::Text || next.kind != ParagraphKind::Text {
        return false;
    }
    let Some(last) = previous.text.trim_end().chars().last() else {
        return false;
    };
    if !(last.is_alphanumeric() || matches!(last, ',' | ';' | '-' | '–' | '—')) {
        return false;
    }
    let Some(first) = next.text.trim_start().chars().next() else {
        return false;
    };
    if !first.is_alphanumeric() {
        return false;
    }
    // A bold or linked line is a label ("**NASA / Roscosmos**"), not prose.
    if previous
        .styles
        .iter()
        .any(|s| s.range.start == 0 && s.range.end >= previous.text.len())
    {
        return false;
    }
    first.is_lowercase() || previous.text.split_whitespace().count() >= MIN_WORDS_OF_CUT_LINE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_tabs() {
        assert_eq!(normalize("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(normalize("abc\rXYZ"), "abc\nXYZ");
        assert_eq!(normalize("\u{FEFF}x\u{2028}y\u{85}z"), "x\ny\nz");
        assert_eq!(normalize("a\tb\n\tc\tdd"), "a       b\n        c       dd");
    }

    #[test]
    fn controls_become_pictures() {
        assert_eq!(visible("\x1b]52;c;SGVsbG8=\x07"), "␛]52;c;SGVsbG8=␇");
        assert_eq!(visible("\x1b[2J\x1b[H"), "␛[2J␛[H");
        assert_eq!(
            visible("\u{9b}2J \u{9d}0;x\u{9c}"),
            "⟨U+009B⟩2J ⟨U+009D⟩0;x⟨U+009C⟩"
        );
        assert_eq!(visible("a\u{7f}b"), "a␡b");
    }

    #[test]
    fn bidi_and_invisible_characters_are_marked() {
        assert_eq!(visible("abc\u{202E}def"), "abc⟨U+202E⟩def");
        assert_eq!(visible("open \u{2067}isolate"), "open ⟨U+2067⟩isolate");
        assert_eq!(
            visible("a\u{200B}b\u{2060}c\u{FEFF}d"),
            "a⟨U+200B⟩b⟨U+2060⟩c⟨U+FEFF⟩d"
        );
        assert_eq!(visible_counted("a\u{200B}b").1, 1);
    }

    #[test]
    fn markers_are_found_whole() {
        let text = visible("a\u{200B}b");
        let at = text.find('⟨').unwrap();
        assert_eq!(marker_len(&text, at), Some("⟨U+200B⟩".len()));
        assert_eq!(marker_len("⟨U+E0020⟩", 0), Some("⟨U+E0020⟩".len()));
        assert_eq!(marker_len("⟨U+20⟩", 0), None);
        assert_eq!(marker_len("⟨U+200B", 0), None);
        assert_eq!(marker_len("x⟨U+200B⟩", 2), None, "inside a character");
    }

    #[test]
    fn ordinary_text_is_borrowed() {
        assert!(matches!(visible("plain ASCII"), Cow::Borrowed(_)));
        assert!(matches!(visible("Юлия 👨‍👩‍👧‍👦 е́"), Cow::Borrowed(_)));
    }
}
