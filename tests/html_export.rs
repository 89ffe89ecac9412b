//! `diff` and `facts` as one self-contained HTML page: no external
//! reference, article text escaped, moves linked to their counterpart, and
//! the page opened in headless Chromium, whose DOM is checked. Without
//! Chromium that part is skipped with a message (CI installs it).

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn page(args: &[&str]) -> String {
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .args(args)
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/unseen")
        .join(name)
        .display()
        .to_string()
}

/// Every `src`, `href` and `url(` points inside the page.
fn assert_self_contained(html: &str) {
    for needle in ["src=", "@import", "http://", "https://", "url("] {
        assert!(
            !html.contains(needle),
            "the page refers outside itself: {needle}"
        );
    }
    for (at, _) in html.match_indices("href=\"") {
        assert!(html[at + 6..].starts_with('#'), "{}", &html[at..at + 40]);
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<html").count(), 1, "one page");
}

#[test]
fn diff_page_is_self_contained_and_marks_changes() {
    let html = page(&["diff", "002", "003"]);
    assert_self_contained(&html);
    assert!(
        html.contains("<del>Six decades</del>"),
        "deleted words struck"
    );
    assert!(
        html.contains("<ins>Sixty years</ins>"),
        "inserted words underlined"
    );
    assert!(
        html.contains("id=\"ledger\""),
        "the ledger comes with the diff"
    );
    assert!(html.contains("≠ conflict"));
}

#[test]
fn facts_page_has_the_ledger() {
    let html = page(&["facts"]);
    assert_self_contained(&html);
    assert!(html.contains("age of Yulia Peresild"));
    // Value groups: each value once, with the articles that state it, the
    // article's id on hover.
    let age = &html[html.find("age of Yulia Peresild").unwrap()..];
    let age = &age[..age.find("</tr>").unwrap()];
    assert!(
        age.contains("<li><span class=\"value\">36</span> · ")
            && age.contains("<li><span class=\"value\">37</span> · "),
        "{age}"
    );
    assert_eq!(age.matches("<li>").count(), 2, "{age}");
    assert!(age.contains(
        "<span class=\"article\" title=\"002_f13625239639c7a3\">The Moscow Times</span>"
    ));
}

#[test]
fn a_moved_sentence_links_to_its_counterpart() {
    let html = page(&[
        "diff",
        &fixture("harbour-original.txt"),
        &fixture("harbour-paraphrase.txt"),
    ]);
    let links: Vec<&str> = html
        .match_indices("class=\"move\" href=\"#")
        .map(|(at, needle)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    // The moved row and its place in the right version, each to the other.
    assert_eq!(links.len(), 2, "{links:?}");
    for id in links {
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "the link's target {id} exists"
        );
    }
    assert!(html.contains("moved from left"));
}

#[test]
fn article_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let left = dir.path().join("left.txt");
    let right = dir.path().join("right.txt");
    std::fs::write(&left, "The mayor said \"yes\" & left, as 3 < 4.\n").unwrap();
    std::fs::write(&right, "The mayor said 'no' & stayed, as 5 > 4.\n").unwrap();
    let html = page(&["diff", left.to_str().unwrap(), right.to_str().unwrap()]);
    let body = &html[html.find("<h1>").unwrap()..];
    assert!(body.contains("&amp;"), "{body}");
    assert!(body.contains("&lt;") && body.contains("&gt;"), "{body}");
    assert!(
        body.contains("&quot;yes&quot;") && body.contains("&#39;no&#39;"),
        "{body}"
    );
    assert!(!body.contains("3 < 4") && !body.contains("5 > 4"), "{body}");
    assert_self_contained(&html);
}

/// Chromium, from `CHROMIUM` or the usual names.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "headless_shell",
    ]
    .iter()
    .find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        })
    })
}

/// The DOM Chromium builds from a page, or none after 30 s.
fn dump_dom(browser: &Path, file: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", &format!("file://{}", file.display())])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("chromium took more than 30 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_page_opens_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!("skipping: chromium not found (apt-get install chromium, or set CHROMIUM)");
        return;
    };
    let html = page(&["diff", "002", "003"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("diff.html");
    std::fs::write(&file, &html).unwrap();
    let dom = dump_dom(&browser, &file);
    // The title the page was written with (the labels may name the outlet).
    let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap() + 8];
    assert!(
        title.contains("002_f13625239639c7a3") && title.contains("↔ 003_3d879c792c9c72a1"),
        "{title}"
    );
    assert!(dom.contains(title), "{dom}");
    // The browser parsed every row and change the page has.
    for tag in ["<tr class=", "<del>", "<ins>"] {
        assert_eq!(dom.matches(tag).count(), html.matches(tag).count(), "{tag}");
    }
    assert!(dom.contains("<table class=\"ledger\">"));
}
