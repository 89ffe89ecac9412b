//! The command line, run as a binary: `list`, `show`, errors and the hostile
//! inputs 1–16 of `shared/spec/hostile-inputs.md`, generated here.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// The binary with a private, empty home and no colour preference.
fn bin(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("spacefilm-tui").expect("the binary is built");
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR")
        .timeout(Duration::from_secs(20));
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(home: &Path, args: &[&str]) -> Run {
    let output = bin(home).args(args).output().expect("runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn run_path(home: &Path, args: &[&str], path: &Path) -> Run {
    let mut all: Vec<&str> = args.to_vec();
    all.push(path.to_str().unwrap());
    run(home, &all)
}

/// Nothing from an article may reach the terminal as a control sequence.
fn assert_inert(text: &str) {
    for (i, c) in text.char_indices() {
        let allowed = c == '\n' || !(c.is_control() || ('\u{80}'..='\u{9f}').contains(&c));
        assert!(
            allowed,
            "control U+{:04X} at byte {i} in output:\n{text}",
            c as u32
        );
        assert!(
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}'),
            "invisible U+{:04X} in output",
            c as u32
        );
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn list_shows_the_seeds_as_a_table() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["list"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("ID"));
    assert_eq!(lines.len(), 6);
    assert!(
        out.stdout
            .contains("002_f13625239639c7a3  2021-07-01  The Moscow Times")
    );
    assert!(
        out.stdout
            .contains("Russia Races Tom Cruise and Musk for First Movie in Space")
    );
    assert!(!out.stdout.contains('\x1b'), "no colour into a pipe");
}

#[test]
fn list_json_follows_the_contract() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["list", "--format", "json"]);
    assert_eq!(out.code, 0);
    let doc = json(&out.stdout);
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let a = &articles[2];
    assert_eq!(a["id"], "002_f13625239639c7a3");
    assert_eq!(
        a["title"],
        "Russia Races Tom Cruise and Musk for First Movie in Space"
    );
    assert_eq!(a["outlet"], "The Moscow Times");
    assert_eq!(a["date"], "2021-07-01");
    assert_eq!(a["language"], "en");
    assert_eq!(a["source"], "seeds/002_f13625239639c7a3.txt");
    assert!(
        a["url"]
            .as_str()
            .unwrap()
            .starts_with("https://www.themoscowtimes.com/")
    );
    assert!(a["words"].as_u64().unwrap() > 700);
    assert!(a["sentences"].as_u64().unwrap() > 30);
    assert_eq!(articles[0]["date"], Value::Null);
    assert_eq!(articles[0]["url"], Value::Null);
}

#[test]
fn show_prints_header_then_wrapped_paragraphs() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["show", "002", "--width", "60"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "Russia Races Tom Cruise and Musk for First Movie in Space"
    );
    assert_eq!(
        lines[1],
        "Marina Lapenkova · AFP · The Moscow Times · 2021-07-01"
    );
    assert!(
        lines.iter().all(|l| l.width() <= 60),
        "a line is wider than 60"
    );
    assert!(
        out.stdout
            .contains("\nSix decades after Soviet cosmonaut Yuri Gagarin")
    );
    assert!(!out.stdout.contains("**") && !out.stdout.contains("](#)"));
}

#[test]
fn references_by_id_prefix_and_path() {
    let home = tempfile::tempdir().unwrap();
    let full = run(home.path(), &["show", "003_3d879c792c9c72a1"]);
    let prefix = run(home.path(), &["show", "003"]);
    assert_eq!(full.code, 0);
    assert_eq!(full.stdout, prefix.stdout);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "mine.txt", b"# Mine\n\nA body of text.\n");
    let by_path = run_path(home.path(), &["show"], &path);
    assert_eq!(by_path.code, 0);
    assert!(by_path.stdout.starts_with("Mine\n"));
}

#[test]
fn unknown_and_ambiguous_references_exit_2_with_candidates() {
    let home = tempfile::tempdir().unwrap();
    let unknown = run(home.path(), &["show", "999"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("no article matches \"999\""));
    assert!(
        unknown.stderr.contains("004_ba6c03b084f54831"),
        "candidates are listed"
    );
    let ambiguous = run(home.path(), &["show", "00"]);
    assert_eq!(ambiguous.code, 2);
    assert!(ambiguous.stderr.contains("more than one article"));
    assert!(
        ambiguous.stderr.contains("000_0ac90385ad601620")
            && ambiguous.stderr.contains("004_ba6c03b084f54831")
    );
    assert!(ambiguous.stdout.is_empty());
}

#[test]
fn help_and_version() {
    let home = tempfile::tempdir().unwrap();
    let help = run(home.path(), &["--help"]);
    assert_eq!(help.code, 0);
    for word in ["list", "show", "--with-seeds", "--encoding", "--color"] {
        assert!(help.stdout.contains(word), "--help mentions {word}");
    }
    let version = run(home.path(), &["--version"]);
    assert_eq!(
        version.stdout.trim(),
        format!("spacefilm-tui {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(run(home.path(), &["--no-such-flag"]).code, 2);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let home = tempfile::tempdir().unwrap();
    let always = run(home.path(), &["show", "002", "--color", "always"]);
    assert!(
        always.stdout.contains("\x1b[1m"),
        "bold title with --color always"
    );
    let never = run(home.path(), &["show", "002", "--color", "never"]);
    assert!(!never.stdout.contains('\x1b'));
    let output = bin(home.path())
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "0")
        .args(["show", "002"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(output.stdout).unwrap().contains('\x1b'));
}

#[test]
fn the_reader_needs_a_terminal() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "no garbage into the pipe");
    assert!(out.stderr.contains("needs a terminal"));
    assert!(out.stderr.contains("spacefilm-tui list") && out.stderr.contains("spacefilm-tui show"));
}

// ---- Hostile inputs 1–9: text content -------------------------------------

/// Loads a file with `show` and `list`, and checks every byte printed.
fn show_hostile(name: &str, bytes: &[u8]) -> (Run, Run) {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, bytes);
    let shown = run_path(
        home.path(),
        &["show", "--color", "always", "--width", "40"],
        &path,
    );
    let listed = run_path(home.path(), &["list", "--color", "always"], &path);
    for out in [&shown, &listed] {
        assert_eq!(out.code, 0, "{}", out.stderr);
        // Colour is on, so ESC appears, but only as SGR sequences we wrote.
        let without_sgr = strip_sgr(&out.stdout);
        assert_inert(&without_sgr);
        assert_inert(&out.stderr);
    }
    (shown, listed)
}

/// Removes `ESC [ … m` colour sequences.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            let mut sequence = String::from("\x1b[");
            chars.next();
            for d in chars.by_ref() {
                sequence.push(d);
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            if sequence.ends_with('m')
                && sequence[2..sequence.len() - 1]
                    .chars()
                    .all(|d| d.is_ascii_digit() || d == ';')
            {
                continue;
            }
            out.push_str(&sequence);
            continue;
        }
        out.push(c);
    }
    out
}

#[test]
fn hostile_1_osc52_is_shown_inert() {
    let (shown, _) = show_hostile("osc52.txt", b"Copy \x1b]52;c;SGVsbG8=\x07 this.\n");
    assert!(shown.stdout.contains("␛]52;c;SGVsbG8=␇"));
}

#[test]
fn hostile_2_screen_title_and_hyperlink_sequences() {
    let (shown, _) = show_hostile(
        "seq.txt",
        b"Clear \x1b[2J\x1b[H now. Title \x1b]0;pwn\x07 here. Link \x1b]8;;http://x\x1b\\ there.\n",
    );
    assert!(shown.stdout.contains("␛[2J␛[H"));
    assert!(shown.stdout.contains("␛]0;pwn␇"));
    assert!(shown.stdout.contains("␛]8;;http://x␛\\"));
}

#[test]
fn hostile_3_c1_controls() {
    let (shown, _) = show_hostile(
        "c1.txt",
        "CSI \u{9b}2J and OSC \u{9d}0;x\u{9c} end.\n".as_bytes(),
    );
    assert!(shown.stdout.contains("⟨U+009B⟩2J"));
    assert!(shown.stdout.contains("⟨U+009D⟩0;x⟨U+009C⟩"));
}

#[test]
fn hostile_4_file_names_with_controls() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "\x1b]0;x\x07.txt", b"A title\n\nSome text.\n");
    let listed = run_path(home.path(), &["list", "--format", "json"], &good);
    assert_inert(&listed.stdout);
    assert!(
        listed.stdout.contains("␛]0;x␇"),
        "the id is shown sanitised"
    );
    let bad = write(dir.path(), "\x1b[2J\x07bad.txt", b"\0\0\0\0binary");
    let failed = run_path(home.path(), &["list"], &bad);
    assert_eq!(failed.code, 1);
    assert_inert(&failed.stderr);
    assert!(failed.stderr.contains("looks binary:") && failed.stderr.contains("␛[2J␇bad.txt"));
}

#[test]
fn hostile_5_entities_that_decode_to_controls() {
    let (shown, _) = show_hostile(
        "entities.md",
        b"Red &#27;[31m text, &amp;#27; kept, &#x9b;2J gone.\n",
    );
    assert!(shown.stdout.contains("␛[31m text"));
    assert!(shown.stdout.contains("&#27; kept"));
    assert!(shown.stdout.contains("⟨U+009B⟩2J"));
}

#[test]
fn hostile_6_bidi_overrides() {
    let (shown, _) = show_hostile(
        "bidi.txt",
        "Pay \u{202E}0001$ now. Open \u{2067}isolate never closed.\n".as_bytes(),
    );
    assert!(shown.stdout.contains("Pay ⟨U+202E⟩0001$ now."));
    assert!(shown.stdout.contains("⟨U+2067⟩isolate"));
}

#[test]
fn hostile_7_zero_width_characters() {
    let (shown, listed) = show_hostile("zw.txt", "a\u{200B}b c\u{2060}d e\u{FEFF}f.\n".as_bytes());
    assert!(shown.stdout.contains("a⟨U+200B⟩b c⟨U+2060⟩d e⟨U+FEFF⟩f."));
    assert!(
        listed.stdout.contains('^'),
        "the notice mark is shown in list"
    );
}

#[test]
fn hostile_8_tabs_and_line_endings() {
    let (shown, _) = show_hostile(
        "endings.txt",
        b"One\ttab.\r\n\r\nTwo.\r\rThree.\n\nabc\rXYZ\n",
    );
    let text = strip_sgr(&shown.stdout);
    assert!(!text.contains('\r') && !text.contains('\t'));
    let body: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    // Tab stops every 8 columns; CR, CRLF and CR CR all end lines.
    assert!(body.contains(&"One     tab."), "{body:?}");
    assert!(body.contains(&"Two.") && body.contains(&"Three."));
    // `abc\rXYZ` is two lines of one paragraph: both stay visible.
    assert!(body.contains(&"abc XYZ"));
}

#[test]
fn hostile_9_wide_and_combining_text_fits_the_width() {
    let text = "上一上一上一上一上一上一上一上一上一上一 👨‍👩‍👧‍👦 🇷🇺 ♻️ е́е́е́е́е́ Россия 日本語のテキストはここにあります\n";
    let (shown, _) = show_hostile("wide.txt", text.as_bytes());
    for line in strip_sgr(&shown.stdout).lines() {
        assert!(line.width() <= 40, "{line:?} is {} wide", line.width());
    }
    assert!(shown.stdout.contains("👨‍👩‍👧‍👦") && shown.stdout.contains("е́"));
}

// ---- Hostile inputs 10–16: encodings and file kinds -----------------------

#[test]
fn hostile_10_utf8_bom_is_invisible() {
    let (shown, listed) = show_hostile("bom.txt", b"\xEF\xBB\xBFTitle line\n\nBody.\n");
    assert!(!shown.stdout.contains('\u{FEFF}') && !shown.stdout.contains("U+FEFF"));
    assert!(shown.stdout.starts_with("\x1b[1mTitle line"));
    assert!(!listed.stdout.contains('^'), "a BOM is not a notice");
}

#[test]
fn hostile_11_utf16_with_bom() {
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in "上一 title\n\nSecond paragraph.\n".encode_utf16() {
            bytes.extend_from_slice(&if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let (shown, _) = show_hostile("utf16.txt", &bytes);
        let text = strip_sgr(&shown.stdout);
        assert!(text.starts_with("上一 title\n"), "{text}");
        assert!(text.contains("UTF-16"));
        assert!(text.contains("\nSecond paragraph.\n"));
    }
}

const RUSSIAN: &str = "Российская актриса Юлия Пересильд и режиссёр Клим Шипенко отправились на \
    Международную космическую станцию, чтобы снять первый художественный фильм на орбите.";

#[test]
fn hostile_12_russian_legacy_encodings() {
    for label in ["windows-1251", "koi8-r"] {
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
        for text in [RUSSIAN, "Привет, мир!"] {
            let (bytes, _, _) = encoding.encode(text);
            let (shown, listed) = show_hostile("ru.txt", &bytes);
            assert!(
                strip_sgr(&shown.stdout).contains(text.split(' ').next().unwrap()),
                "{label}: {}",
                shown.stdout
            );
            assert!(
                shown
                    .stdout
                    .contains(&format!("encoding guessed: {}", encoding.name())),
                "{label}"
            );
            assert!(
                listed.stdout.contains('?'),
                "{label}: guessed encodings are marked in list"
            );
        }
    }
    // --encoding overrides the guess.
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
    let path = write(dir.path(), "ru.txt", &bytes);
    let forced = run_path(home.path(), &["show", "--encoding", "koi8-r"], &path);
    assert_eq!(forced.code, 0);
    assert!(forced.stdout.contains("encoding set by --encoding: KOI8-R"));
    assert!(!forced.stdout.contains("Российская"));
    let unknown = run_path(home.path(), &["show", "--encoding", "klingon"], &path);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("unknown encoding"));
}

#[test]
fn hostile_13_invalid_utf8_is_replaced_and_flagged() {
    for bytes in [
        &b"Text with a cut tail \xE2\x80"[..],
        b"Overlong \xC0\xAF slash.",
        b"Surrogate \xED\xA0\x80 here.",
    ] {
        let (shown, listed) = show_hostile("bad.txt", bytes);
        assert!(shown.stdout.contains('\u{FFFD}'));
        assert!(shown.stdout.contains("replaced by"));
        assert!(listed.stdout.contains('!'));
    }
}

/// Deterministic pseudo-random bytes (xorshift), enough to look binary.
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

#[test]
fn hostile_14_binary_files_are_refused_and_the_rest_loads() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a_good.txt", b"Good text.\n");
    write(
        dir.path(),
        "nul.txt",
        &[b'a', 0, 0, 0, b'b', 0, 0, 0, 0, 0, 0, 1, 2, 3].repeat(100),
    );
    write(dir.path(), "random.txt", &noise(1024 * 1024));
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    png.extend(noise(2048));
    write(dir.path(), "picture.md", &png);
    let out = run(
        home.path(),
        &["list", "--format", "json", dir.path().to_str().unwrap()],
    );
    assert_eq!(out.code, 1, "partial failure is not success");
    let doc = json(&out.stdout);
    let ids: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a_good"]);
    for name in ["nul.txt", "random.txt", "picture.md"] {
        assert!(
            out.stderr.contains(&format!(
                "looks binary: {}",
                dir.path().join(name).display()
            )),
            "{name}: {}",
            out.stderr
        );
    }
}

#[test]
fn hostile_15_empty_files_are_empty_articles() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "blank.txt", b"  \n\t\n \r\n");
    let out = run(
        home.path(),
        &["list", "--format", "json", dir.path().to_str().unwrap()],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = json(&out.stdout);
    for article in doc["articles"].as_array().unwrap() {
        assert_eq!(article["words"], 0);
        assert_eq!(article["sentences"], 0);
        assert_eq!(article["title"], Value::Null);
        assert!(article["notices"][0].as_str().unwrap().starts_with("empty"));
    }
    let shown = run(
        home.path(),
        &["show", dir.path().join("empty.txt").to_str().unwrap()],
    );
    assert_eq!(shown.code, 0);
    assert!(shown.stdout.contains("! empty"));
}

#[test]
fn hostile_16_missing_loops_fifos_and_unreadable_files() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.txt");
    let out = run_path(home.path(), &["list"], &missing);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains(&format!("no such file or folder: {}", missing.display()))
    );

    let tree = dir.path().join("tree");
    fs::create_dir(&tree).unwrap();
    write(&tree, "one.txt", b"One.\n");
    std::os::unix::fs::symlink(&tree, tree.join("loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", tree.join("self.txt")).unwrap();
    let fifo = tree.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let locked = write(&tree, "locked.txt", b"Secret.\n");
    fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let root_reads_anything = fs::read(&locked).is_ok();

    let out = run(
        home.path(),
        &["list", "--format", "json", tree.to_str().unwrap()],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = json(&out.stdout);
    let ids: Vec<&str> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"one"));
    // Links are not followed in a folder unless asked: both are skipped,
    // and said to be.
    assert!(
        out.stderr
            .contains("2 symbolic link(s) in the folders were not followed"),
        "{}",
        out.stderr
    );
    // With --follow, each loop is named.
    let followed = run(
        home.path(),
        &[
            "list",
            "--format",
            "json",
            "--follow",
            tree.to_str().unwrap(),
        ],
    );
    assert!(
        followed.stderr.contains(&format!(
            "symlink loop, skipped: {}",
            tree.join("loop").display()
        )),
        "{}",
        followed.stderr
    );
    assert!(followed.stderr.contains(&format!(
        "symlink loop, skipped: {}",
        tree.join("self.txt").display()
    )));
    assert!(out.stderr.contains(&format!(
        "not a regular file (FIFO, socket or device): {}",
        fifo.display()
    )));
    if !root_reads_anything {
        assert!(out.stderr.contains(&format!(
            "cannot read (permission denied): {}",
            locked.display()
        )));
    }
    // A FIFO named explicitly is refused without blocking.
    let named = run_path(home.path(), &["show"], &fifo);
    assert_eq!(named.code, 1);
    assert!(named.stderr.contains("not a regular file"));
}

// ---- align and diff ---------------------------------------------------------

#[test]
fn align_json_follows_the_contract() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["align", "002", "003", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = json(&out.stdout);
    assert_eq!(doc["left"]["id"], "002_f13625239639c7a3");
    assert_eq!(doc["right"]["id"], "003_3d879c792c9c72a1");
    let left = doc["left"]["sentences"].as_array().unwrap();
    let right = doc["right"]["sentences"].as_array().unwrap();
    // `NASA / Roscosmos`, the picture credit, is metadata.
    assert!(
        left[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Six decades after Soviet cosmonaut")
    );
    assert!(left.iter().all(|s| s["paragraph"].is_u64()));
    let mut seen_left = vec![0; left.len()];
    let mut seen_right = vec![0; right.len()];
    for link in doc["links"].as_array().unwrap() {
        let kind = link["kind"].as_str().unwrap();
        assert!(["equal", "changed", "moved", "deleted", "inserted"].contains(&kind));
        let l = link["left"].as_array().unwrap();
        let r = link["right"].as_array().unwrap();
        for i in l {
            seen_left[i.as_u64().unwrap() as usize] += 1;
        }
        for j in r {
            seen_right[j.as_u64().unwrap() as usize] += 1;
        }
        if !l.is_empty() && !r.is_empty() {
            let s = link["similarity"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&s));
        }
        assert!(link.get("ops").is_none(), "align has no word operations");
    }
    assert!(seen_left.iter().chain(&seen_right).all(|&c| c == 1));
}

#[test]
fn diff_json_operations_rebuild_the_sentences() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["diff", "000", "002", "--format", "json"]);
    assert_eq!(out.code, 0);
    let doc = json(&out.stdout);
    let text = |side: &str, ix: &Value| -> String {
        ix.as_array()
            .unwrap()
            .iter()
            .map(|i| {
                doc[side]["sentences"][i.as_u64().unwrap() as usize]["text"]
                    .as_str()
                    .unwrap()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    for link in doc["links"].as_array().unwrap() {
        let (mut l, mut r) = (String::new(), String::new());
        for op in link["ops"].as_array().unwrap() {
            let t = op["text"].as_str().unwrap();
            match op["op"].as_str().unwrap() {
                "equal" => {
                    l.push_str(t);
                    r.push_str(t);
                }
                "delete" => l.push_str(t),
                "insert" => r.push_str(t),
                other => panic!("unknown op {other}"),
            }
        }
        assert_eq!(l, text("left", &link["left"]));
        assert_eq!(r, text("right", &link["right"]));
    }
}

#[test]
fn a_long_comparison_is_printed_as_compact_json_and_a_short_one_indented() {
    let home = tempfile::tempdir().unwrap();
    let short = run(home.path(), &["diff", "002", "003", "--format", "json"]);
    assert_eq!(short.code, 0);
    assert!(short.stdout.lines().count() > 100, "{}", short.stdout);
    // 600 sentences, one word changed in every tenth: 600 links.
    let sentences = |changed: &str| -> String {
        (0..600)
            .map(|k| {
                let word = if k % 10 == 0 { changed } else { "quiet" };
                format!("Sentence number {k} of the long report was {word} today.")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let left = write(home.path(), "long-left.txt", sentences("calm").as_bytes());
    let right = write(home.path(), "long-right.txt", sentences("loud").as_bytes());
    let long = run(
        home.path(),
        &[
            "diff",
            left.to_str().unwrap(),
            right.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(long.code, 0, "{}", long.stderr);
    assert_eq!(long.stdout.lines().count(), 1);
    let doc = json(&long.stdout);
    assert_eq!(doc["links"].as_array().unwrap().len(), 600);
    assert_eq!(doc["counts"]["changed"], 60);
}

#[test]
fn diff_text_marks_changes_without_colour_and_fits_the_width() {
    let home = tempfile::tempdir().unwrap();
    let plain = run(home.path(), &["diff", "002", "003", "--width", "90"]);
    assert_eq!(plain.code, 0);
    assert!(!plain.stdout.contains('\x1b'));
    assert!(plain.stdout.contains("[-Six decades-]") && plain.stdout.contains("{+Sixty years+}"));
    assert!(
        plain.stdout.lines().all(|l| l.width() <= 90),
        "a line is wider than 90"
    );
    assert!(
        plain
            .stdout
            .contains("similarity 0.66 · 1 equal · 35 changed · 0 moved · 1 removed · 4 added")
    );
    let coloured = run(home.path(), &["diff", "002", "003", "--color", "always"]);
    // Deleted: red and struck through; inserted: green and underlined.
    assert!(
        coloured.stdout.contains("\x1b[9m\x1b[31mSix decades"),
        "{}",
        coloured.stdout
    );
    assert!(coloured.stdout.contains("\x1b[4m\x1b[32mSixty years"));
    assert!(
        !coloured.stdout.contains("[-Six"),
        "colour needs no brackets"
    );
    let missing = run(home.path(), &["diff", "002", "nope"]);
    assert_eq!(missing.code, 2);
}

/// Sentences of invented words: `prefix` keeps two texts apart.
fn invented(sentences: usize, prefix: &str) -> String {
    (0..sentences)
        .map(|i| {
            let words: Vec<String> = (0..8)
                .map(|w| format!("{prefix}{}x{}", (i * 7 + w) % 997, w))
                .collect();
            format!("{}.", words.join(" "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn hostile_18_large_unrelated_and_identical_texts_finish_or_say_so() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", invented(20_000, "ka").as_bytes());
    let b = write(dir.path(), "b.txt", invented(20_000, "zo").as_bytes());
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for (left, right) in [(a, b), (a, a)] {
        let full = run(
            home.path(),
            &[
                "align",
                left,
                right,
                "--format",
                "json",
                "--budget-ms",
                "60000",
            ],
        );
        assert_eq!(full.code, 0, "{}", full.stderr);
        let doc = json(&full.stdout);
        assert_eq!(doc["coarse"].as_array().unwrap().len(), 0);
        let counts = &doc["counts"];
        if left == right {
            assert_eq!(counts["equal"], 20_000);
        } else {
            assert_eq!(counts["deleted"], 20_000);
            assert_eq!(counts["inserted"], 20_000);
        }
        // With no time at all, a coarser result, and it says so.
        let rushed = run(
            home.path(),
            &["diff", left, right, "--format", "json", "--budget-ms", "0"],
        );
        assert_eq!(rushed.code, 0);
        let doc = json(&rushed.stdout);
        let coarse = doc["coarse"].as_array().unwrap();
        assert!(!coarse.is_empty(), "the coarse fallback is reported");
        assert!(
            coarse[0]["reason"]
                .as_str()
                .unwrap()
                .contains("time budget")
        );
        let text = run(
            home.path(),
            &["diff", left, right, "--budget-ms", "0", "--width", "100"],
        );
        assert!(text.stdout.contains("! coarse result"));
    }
}
