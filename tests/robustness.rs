//! Never a crash, whatever the bytes, the folder or the signal: the inputs
//! of `tests/fixtures/cases/crash/` (copied from the shared cases), a file
//! that grows while it is read, symbolic links out of a folder, and
//! out-of-range widths, through the binary and the app.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

use common::tui::{app_with, draw, press, text};
use spacefilm::corpus::{Article, LoadOptions, load_file};

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(path)
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(home: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .timeout(Duration::from_secs(30))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn ids(list_json: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(list_json).unwrap();
    doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

fn load(path: &Path) -> Article {
    load_file(path, LoadOptions::default()).unwrap()
}

#[test]
fn copies_cut_inside_a_quote_and_no_break_spaces_load() {
    let home = tempfile::tempdir().unwrap();
    for (file, title) in [
        ("crash/curly-quote-at-end.txt", "Mayor opens the new bridge"),
        ("crash/nbsp-before-decimal.txt", "a\u{a0}1.5"),
    ] {
        let out = run(
            home.path(),
            &["list", "--format", "json", fixture(file).to_str().unwrap()],
        );
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        let doc: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(doc["articles"][0]["title"], title, "{file}");
    }
    let lone = load(&fixture("crash/lone-closing-quote.txt"));
    assert_eq!(lone.sentences.len(), 1);
}

#[test]
fn one_bad_file_never_takes_the_folder_down() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "curly-quote-at-end.txt",
        "lone-closing-quote.txt",
        "nbsp-before-decimal.txt",
    ] {
        fs::copy(fixture(&format!("crash/{file}")), dir.path().join(file)).unwrap();
    }
    fs::write(dir.path().join("good.txt"), "A good article. It loads.\n").unwrap();
    fs::write(
        dir.path().join("image.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2],
    )
    .unwrap();
    let out = run(
        home.path(),
        &["list", "--format", "json", dir.path().to_str().unwrap()],
    );
    // The binary file is refused by name; every other file loads.
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("looks binary"), "{}", out.stderr);
    assert!(out.stderr.contains("image.txt"), "{}", out.stderr);
    let mut loaded = ids(&out.stdout);
    loaded.sort();
    assert_eq!(
        loaded,
        [
            "curly-quote-at-end",
            "good",
            "lone-closing-quote",
            "nbsp-before-decimal"
        ]
    );
}

#[test]
fn markers_of_invisible_characters_are_not_numbers() {
    let home = tempfile::tempdir().unwrap();
    let a = fixture("crash/placeholders-as-numbers/ph-a.txt");
    let b = fixture("crash/placeholders-as-numbers/ph-b.txt");
    let out = run(
        home.path(),
        &[
            "facts",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("200B"), "{}", out.stdout);
    assert!(!out.stdout.contains("202E"), "{}", out.stdout);
    // The markers are still shown, and the invisible difference is a
    // visible change in the diff.
    let shown = run(home.path(), &["show", a.to_str().unwrap()]);
    assert!(shown.stdout.contains("⟨U+"), "{}", shown.stdout);
    let diff = run(
        home.path(),
        &[
            "diff",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let doc: Value = serde_json::from_str(&diff.stdout).unwrap();
    let changed = doc["links"]
        .as_array()
        .unwrap()
        .iter()
        .any(|link| link["kind"] != "equal");
    assert!(changed, "{}", diff.stdout);
}

#[test]
fn the_facts_pane_draws_french_text_with_no_break_spaces() {
    let articles = vec![
        load(&fixture("crash/facts-pane-nbsp/a.txt")),
        load(&fixture("crash/facts-pane-nbsp/b.txt")),
    ];
    for (width, height) in [(80, 24), (120, 40), (30, 12)] {
        let mut app = app_with(articles.clone(), width, height, true);
        press(&mut app, "F");
        let screen = text(draw(&app).backend().buffer());
        if width >= 80 {
            assert!(screen.contains("12"), "{screen}");
        }
        press(&mut app, "n n j n");
        draw(&app);
    }
}

#[test]
fn search_where_lower_case_changes_byte_lengths() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.txt");
    fs::write(&path, "ẞȺ and İstanbul: ẞȺ again, İİ.\n").unwrap();
    let mut app = app_with(vec![load(&path)], 80, 24, true);
    press(&mut app, "enter");
    for query in ["ß", "i", "ⱥ", "İ", "stanbul"] {
        press(&mut app, "/");
        for c in query.chars() {
            let key = spacefilm::tui::keymap::Key {
                code: crossterm::event::KeyCode::Char(c),
                modifiers: crossterm::event::KeyModifiers::NONE,
            };
            spacefilm::tui::app::update(&mut app, spacefilm::tui::app::Action::Key(key));
        }
        press(&mut app, "enter");
        let screen = text(draw(&app).backend().buffer());
        assert!(screen.contains("match 1/"), "{query}: {screen}");
        press(&mut app, "n esc");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_that_grows_while_it_is_read_stops_at_the_cap() {
    // A file whose size, when checked, is less than what reading it gives:
    // a log appended to while it is read, or a /proc file, whose size is 0
    // and whose text is tens of kilobytes. The /proc file makes the case
    // without a race: the size check passes and only the read can stop it.
    const CAP: u64 = 4096;
    let options = LoadOptions {
        max_bytes: CAP,
        ..LoadOptions::default()
    };
    let path = Path::new("/proc/self/smaps");
    assert_eq!(fs::metadata(path).unwrap().len(), 0);
    let article = load_file(path, options).unwrap();
    let bytes: usize = article.paragraphs.iter().map(|p| p.text.len()).sum();
    assert!(bytes > 0 && bytes as u64 <= CAP, "{bytes} bytes read");
    assert!(
        article
            .notices
            .iter()
            .any(|n| matches!(n, spacefilm::corpus::Notice::Capped(CAP))),
        "{:?}",
        article.notices
    );
}

#[test]
fn a_file_past_the_cap_is_read_only_up_to_it() {
    // The cap itself, on a file that is already past it when read: the
    // size check refuses it by name.
    use spacefilm::corpus::load::MAX_FILE_BYTES;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: no disk used
    let error = load_file(&path, LoadOptions::default()).unwrap_err();
    assert!(error.to_string().contains("too large"), "{error}");
    assert!(error.to_string().contains("huge.txt"), "{error}");
}

#[test]
fn a_link_to_the_root_is_not_walked() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("story.txt"), "The story. It is here.\n").unwrap();
    std::os::unix::fs::symlink("/", dir.path().join("root")).unwrap();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "Not in the folder.\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("secret-link.txt"),
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = run(
        home.path(),
        &["list", "--format", "json", dir.path().to_str().unwrap()],
    );
    assert!(started.elapsed() < Duration::from_secs(10), "it walked /");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(ids(&out.stdout), ["story"]);
    assert!(
        out.stderr.contains("3 symbolic link(s)") && out.stderr.contains("--follow"),
        "{}",
        out.stderr
    );
    // With --follow, the links to files and folders outside are read.
    let followed = run(
        home.path(),
        &[
            "list",
            "--format",
            "json",
            "--follow",
            outside.path().to_str().unwrap(),
            dir.path().join("elsewhere").to_str().unwrap(),
        ],
    );
    assert_eq!(ids(&followed.stdout), ["secret", "secret~2"]);
}

#[test]
fn with_follow_a_link_back_up_is_a_loop_named_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("inner");
    fs::create_dir(&inner).unwrap();
    fs::write(inner.join("one.txt"), "One. Only once.\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), inner.join("up")).unwrap();
    let out = run(
        home.path(),
        &[
            "list",
            "--format",
            "json",
            "--follow",
            dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(ids(&out.stdout), ["one"]);
    assert!(
        out.stderr.contains(&format!(
            "symlink loop, skipped: {}",
            inner.join("up").display()
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn out_of_range_widths_are_usage_errors() {
    let home = tempfile::tempdir().unwrap();
    for width in [
        "18446744073709551615",
        "4294967296",
        "0",
        "5",
        "1001",
        "wide",
    ] {
        let out = run(home.path(), &["show", "002", "--width", width]);
        assert_eq!(out.code, 2, "--width {width}");
        assert!(out.stderr.contains("--width"), "{}", out.stderr);
        assert!(out.stdout.is_empty());
    }
    let fine = run(home.path(), &["show", "002", "--width", "1000"]);
    assert_eq!(fine.code, 0, "{}", fine.stderr);
}

#[test]
fn our_messages_keep_their_line_breaks() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["show", "nothing-like-this"]);
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains('␊'), "{}", out.stderr);
    assert!(out.stderr.lines().count() >= 6, "{}", out.stderr);
}
