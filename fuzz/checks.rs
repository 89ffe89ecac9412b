//! The invariants the fuzz targets check, written once. The targets in
//! `fuzz/fuzz_targets/` and the replay and property tests in `tests/` both
//! include this file (`#[path]`), so a replay runs exactly what the fuzzer
//! ran. Every check panics on a broken invariant.

#![allow(dead_code)]

use std::time::Duration;

use arbitrary::{Arbitrary, Unstructured};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use spacefilm::compare::{self, Budget, CompareOptions, DiffOptions, LinkKind, diff};
use spacefilm::corpus::{Article, Source, parse_bytes};
use spacefilm::export;
use spacefilm::tui::app::{Action, App, update};
use spacefilm::tui::keymap::{Key, Keymap};
use spacefilm::tui::theme::Theme;
use spacefilm::tui::worker;

/// Inputs longer than this are cut: the checks compare with no time budget,
/// and the fuzzer should spend its time on variety, not size.
pub const MAX_TEXT_BYTES: usize = 6 * 1024;

/// Encodings a load may be forced to (`--encoding`).
pub const ENCODINGS: [&str; 8] = [
    "utf-8",
    "windows-1251",
    "koi8-r",
    "utf-16le",
    "utf-16be",
    "iso-8859-1",
    "shift_jis",
    "gb18030",
];

// The inputs are read from raw bytes by hand (see each `Arbitrary` impl), in
// a layout that seed files can be written in: a byte or two of options,
// then texts separated by NUL bytes. Only the app's steps are structured.

/// Bytes as a file holds them, loaded with or without a forced encoding.
/// Layout: `[encoding, width, bytes…]`; an even encoding byte means none.
#[derive(Debug)]
pub struct LoadInput {
    pub encoding: Option<u8>,
    pub width: u8,
    pub bytes: Vec<u8>,
}

/// Two versions, compared. Layout: `[flags, width, left, 0, right]`; bit 0
/// of the flags ignores case and punctuation.
#[derive(Debug)]
pub struct PairInput {
    pub left: String,
    pub right: String,
    pub ignore_case_and_punctuation: bool,
    pub width: u8,
}

/// Two or three versions, for the ledger, the collation and the matrix.
/// Layout: `[width, text, 0, text, 0, text]`.
#[derive(Debug)]
pub struct SetInput {
    pub texts: Vec<String>,
    pub width: u8,
}

/// The app, driven by a script. Layout: `[colour, texts separated by 0,
/// 0 0 0, steps]`; the steps are read with `arbitrary`.
#[derive(Debug)]
pub struct AppInput {
    pub texts: Vec<String>,
    pub colour: bool,
    pub steps: Vec<Step>,
}

/// The texts of `bytes` separated by NUL, as lossy UTF-8.
fn texts(bytes: &[u8]) -> Vec<String> {
    bytes
        .split(|&b| b == 0)
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect()
}

fn byte(bytes: &[u8], at: usize) -> u8 {
    bytes.get(at).copied().unwrap_or(0)
}

impl<'a> Arbitrary<'a> for LoadInput {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let bytes = u.bytes(u.len())?;
        let encoding = byte(bytes, 0);
        Ok(LoadInput {
            encoding: (encoding % 2 == 1).then_some(encoding / 2),
            width: byte(bytes, 1),
            bytes: bytes.get(2..).unwrap_or_default().to_vec(),
        })
    }
}

impl<'a> Arbitrary<'a> for PairInput {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let bytes = u.bytes(u.len())?;
        let rest = bytes.get(2..).unwrap_or_default();
        let (left, right) = match rest.iter().position(|&b| b == 0) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, &rest[..0]),
        };
        Ok(PairInput {
            left: String::from_utf8_lossy(left).into_owned(),
            right: String::from_utf8_lossy(right).into_owned(),
            ignore_case_and_punctuation: byte(bytes, 0) & 1 == 1,
            width: byte(bytes, 1),
        })
    }
}

impl<'a> Arbitrary<'a> for SetInput {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let bytes = u.bytes(u.len())?;
        Ok(SetInput {
            width: byte(bytes, 0),
            texts: texts(bytes.get(1..).unwrap_or_default()),
        })
    }
}

impl<'a> Arbitrary<'a> for AppInput {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let bytes = u.bytes(u.len())?;
        let rest = bytes.get(1..).unwrap_or_default();
        let (texts_part, steps_part) = match rest.windows(3).position(|w| w == [0, 0, 0]) {
            Some(at) => (&rest[..at], &rest[at + 3..]),
            None => (rest, &rest[..0]),
        };
        let mut steps = Unstructured::new(steps_part);
        Ok(AppInput {
            texts: texts(texts_part),
            colour: byte(bytes, 0) & 1 == 1,
            steps: steps.arbitrary_iter()?.take(200).flatten().collect(),
        })
    }
}

#[derive(Debug, Arbitrary)]
pub enum Step {
    /// One of the bound keys, by index into [`KEYS`].
    Key(u8),
    /// Any character, typed (into a search, or as a key).
    Char(char),
    /// Text typed one character at a time.
    Text(String),
    Resize(u16, u16),
    Click(u16, u16),
    Wheel(u16, u16, bool),
}

/// Keys the default keymap binds, and a few it does not.
pub const KEYS: &[&str] = &[
    "j",
    "k",
    "g",
    "G",
    "enter",
    "esc",
    "tab",
    "backtab",
    "space",
    "/",
    "n",
    "N",
    "d",
    "s",
    "e",
    "i",
    "m",
    "v",
    "1",
    "2",
    "3",
    "F",
    "C",
    "M",
    "S",
    "c",
    "t",
    "h",
    "l",
    "left",
    "right",
    "up",
    "down",
    "pagedown",
    "pageup",
    "home",
    "end",
    "ctrl-d",
    "ctrl-u",
    "?",
    "f1",
    "backspace",
    "]",
    "[",
    "x",
    "ctrl-z",
];

/// An article from text, as a file would give it; text that looks binary
/// (a soup of controls) is refused by loading, and stands as an empty
/// article here.
pub fn article(id: &str, text: &str) -> Article {
    article_from_bytes(id, text.as_bytes().to_vec(), None)
        .or_else(|| article_from_bytes(id, Vec::new(), None))
        .expect("an empty text is an empty article")
}

fn article_from_bytes(
    id: &str,
    bytes: Vec<u8>,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Option<Article> {
    parse_bytes(
        id.to_owned(),
        Source::File(format!("{id}.txt").into()),
        bytes,
        encoding,
    )
    .ok()
}

fn cut(text: &str) -> &str {
    &text[..text.floor_char_boundary(MAX_TEXT_BYTES)]
}

fn width(raw: u8) -> usize {
    20 + usize::from(raw)
}

/// Text meant for a terminal holds no control, bidi or invisible-formatting
/// character but the line break, and no escape sequence but our own colours
/// (SGR, `ESC [ digits ; m`): nothing from an article can act on the
/// terminal or reorder what is shown.
pub fn assert_inert(what: &str, text: &str) {
    let text = without_sgr(text);
    for (at, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
        assert!(
            !bad,
            "{what}: U+{:04X} at byte {at} reaches the output",
            c as u32
        );
    }
}

/// `text` without its SGR sequences (`ESC [ 1 ; 31 m`).
fn without_sgr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let params = after
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b';')
            .count();
        if after[params..].starts_with('m') {
            rest = &after[params + 1..];
        } else {
            // Not ours: keep the ESC so that the check sees it.
            out.push('\x1b');
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// Bytes → article → `show` text and `list` JSON.
pub fn check_load(input: &LoadInput) {
    let encoding = input.encoding.map(|k| {
        let name = ENCODINGS[usize::from(k) % ENCODINGS.len()];
        encoding_rs::Encoding::for_label(name.as_bytes()).expect("a known label")
    });
    let bytes = input.bytes[..input.bytes.len().min(4 * MAX_TEXT_BYTES)].to_vec();
    let Some(article) = article_from_bytes("fuzz", bytes, encoding) else {
        return;
    };
    for (k, sentence) in article.sentences.iter().enumerate() {
        let text = article.sentence_text(k);
        assert!(!text.trim().is_empty(), "sentence {k} is empty");
        assert!(sentence.paragraph < article.paragraphs.len());
    }
    let shown = export::text::show(&article, width(input.width));
    assert_inert("show", &shown);
    let listed = export::text::list(std::slice::from_ref(&article), Some(width(input.width)));
    assert_inert("list", &listed);
    let json = serde_json::to_string(&export::json::article_list(std::slice::from_ref(&article)))
        .expect("the list serialises");
    let _: serde_json::Value = serde_json::from_str(&json).expect("the list is JSON");
}

/// Two articles → align, diff and every export, with the alignment's
/// invariants: every sentence in exactly one link, the ops rebuild both
/// sides, and mirroring equals swapping.
pub fn check_compare(input: &PairInput) {
    let left = article("left", cut(&input.left));
    let right = article("right", cut(&input.right));
    let options = CompareOptions {
        diff: DiffOptions {
            ignore_case_and_punctuation: input.ignore_case_and_punctuation,
        },
    };
    let forward = compare::compare(&left, &right, options, &Budget::unlimited());
    let backward = compare::compare(&right, &left, options, &Budget::unlimited());
    let l = compare::sentences(&left);
    let r = compare::sentences(&right);
    let mut seen_left = vec![0; l.len()];
    let mut seen_right = vec![0; r.len()];
    for (link, ops) in forward.alignment.links.iter().zip(&forward.ops) {
        link.left.iter().for_each(|&i| seen_left[i] += 1);
        link.right.iter().for_each(|&i| seen_right[i] += 1);
        let (a, b) = diff::rebuild(ops);
        assert_eq!(a, compare::joined(&l, &link.left), "left side of {link:?}");
        assert_eq!(
            b,
            compare::joined(&r, &link.right),
            "right side of {link:?}"
        );
        if link.kind == LinkKind::Equal {
            assert!(
                !ops.iter().any(|op| op.is_change()),
                "equal link {link:?} has changes"
            );
        }
    }
    assert!(
        seen_left.iter().all(|&n| n == 1),
        "left sentences: {seen_left:?}"
    );
    assert!(
        seen_right.iter().all(|&n| n == 1),
        "right sentences: {seen_right:?}"
    );
    assert_eq!(
        forward.clone().mirrored().alignment.links,
        backward.alignment.links,
        "mirroring differs from swapping"
    );

    let table = export::text::alignment_table(&left, &right, &forward, width(input.width));
    assert_inert("align text", &table);
    let side = export::text::side_by_side(&left, &right, &forward, width(input.width), true);
    assert_inert("diff text", &side);
    for with_ops in [false, true] {
        let json =
            serde_json::to_string(&export::json::alignment(&left, &right, &forward, with_ops))
                .expect("the alignment serialises");
        let _: serde_json::Value = serde_json::from_str(&json).expect("the alignment is JSON");
    }
    let pair = [&left, &right];
    let ledger = compare::facts::ledger(&pair, &Budget::unlimited());
    let page = export::html::diff_page(&left, &right, &forward, &ledger, &pair);
    assert_inert("diff html", &page);
}

/// Two or three articles → the ledger (its mentions point at their words,
/// and agreeing values are no conflict), its exports, the collation and the
/// matrix.
pub fn check_set(input: &SetInput) {
    let texts: Vec<&str> = input.texts.iter().take(3).map(|t| cut(t)).collect();
    if texts.len() < 2 {
        return;
    }
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(k, text)| article(&format!("v{k}"), text))
        .collect();
    let refs: Vec<&Article> = articles.iter().collect();
    let budget = Budget::new(Duration::from_secs(5));
    let ledger = compare::facts::ledger(&refs, &budget);
    for fact in &ledger.facts {
        assert!(!fact.mentions.is_empty(), "a fact without mentions");
        for m in &fact.mentions {
            let sentence = articles[m.article].sentence_text(m.sentence);
            assert_eq!(sentence.get(m.span.clone()), Some(m.text.as_str()), "{m:?}");
        }
        let first = &fact.mentions[0].value;
        if fact.kind != compare::facts::FactKind::Quote
            && fact.mentions.iter().all(|m| &m.value == first)
        {
            assert!(!fact.conflict, "agreeing values in conflict: {fact:?}");
        }
    }
    assert_inert(
        "facts text",
        &export::ledger::table(&ledger, width(input.width)),
    );
    assert_inert("facts html", &export::html::ledger_page(&refs, &ledger));
    let json = serde_json::to_string(&export::ledger::json(&refs, &ledger)).expect("serialises");
    let _: serde_json::Value = serde_json::from_str(&json).expect("the ledger is JSON");

    let collation = compare::collate::collate(&refs, 0, CompareOptions::default(), &budget);
    assert_inert(
        "collate text",
        &export::collation::text(&refs, &collation, width(input.width)),
    );
    let map = compare::stories::map(&refs, &budget);
    let grouped: usize = map.stories.iter().map(Vec::len).sum();
    assert_eq!(grouped, refs.len(), "every article in one story");
    assert_inert(
        "matrix text",
        &export::matrix::table(&refs, &map, width(input.width)),
    );
}

/// The app driven by a script of keys, resizes, clicks and typed text,
/// drawn into `TestBackend` after every step at any size from 0×0 to
/// 400×160. No cell may hold a control character.
pub fn check_app(input: &AppInput) {
    let mut articles: Vec<Article> = input
        .texts
        .iter()
        .take(4)
        .enumerate()
        .map(|(k, text)| article(&format!("a{k}"), cut(text)))
        .collect();
    if articles.is_empty() {
        articles.push(article("empty", ""));
    }
    let mut app = App::new(articles, Keymap::defaults(), Theme::defaults(input.colour));
    update(&mut app, Action::Resize(80, 24));
    draw_and_check(&app);
    for step in &input.steps {
        match step {
            Step::Key(k) => press(&mut app, KEYS[usize::from(*k) % KEYS.len()]),
            Step::Char(c) => type_char(&mut app, *c),
            Step::Text(text) => text.chars().take(64).for_each(|c| type_char(&mut app, c)),
            Step::Resize(w, h) => update(&mut app, Action::Resize(w % 401, h % 161)),
            Step::Click(column, row) => update(
                &mut app,
                Action::Click {
                    column: *column,
                    row: *row,
                },
            ),
            Step::Wheel(column, row, down) => update(
                &mut app,
                Action::Wheel {
                    column: *column,
                    row: *row,
                    down: *down,
                },
            ),
        }
        run_requests(&mut app);
        app.suspend = false;
        if app.quit {
            break;
        }
        draw_and_check(&app);
    }
}

fn press(app: &mut App, key: &str) {
    update(app, Action::Key(Key::parse(key).expect("a valid key name")));
}

fn type_char(app: &mut App, c: char) {
    let key = Key {
        code: crossterm::event::KeyCode::Char(c),
        modifiers: crossterm::event::KeyModifiers::NONE,
    };
    update(app, Action::Key(key));
}

fn run_requests(app: &mut App) {
    for request in app.take_requests() {
        update(app, worker::execute(request));
    }
}

fn draw_and_check(app: &App) {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("a test terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("drawing into memory");
    for (k, cell) in terminal.backend().buffer().content.iter().enumerate() {
        assert_inert(&format!("cell {k}"), cell.symbol());
    }
}
