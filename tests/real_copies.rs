//! Real copies: the metadata a wire copy carries, the sentences it really
//! has, and labels that tell copies apart. Every case of the shared
//! `metadata/`, `segment/` and `render/` folders (copied to
//! `tests/fixtures/cases/`), copies of our own in the same forms
//! (`tests/fixtures/copies/`), and five copies of one story written by a
//! helper who never saw the code, each checked through the binary's JSON.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn json(args: &[&str]) -> Value {
    let home = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .timeout(Duration::from_secs(30))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The labels `list` gives the files of a folder.
fn labels_of(folder: &Path) -> Vec<String> {
    json(&["list", "--format", "json", folder.to_str().unwrap()])["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["label"].as_str().unwrap().to_owned())
        .collect()
}

/// What the binary prints on stdout, without colour.
fn text(args: &[&str]) -> String {
    let home = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .env("HOME", home.path())
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(30))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

/// `list --format json` of one file.
fn listed(path: &Path) -> Value {
    json(&["list", "--format", "json", path.to_str().unwrap()])["articles"][0].clone()
}

/// The body's sentences, as `align` gives them.
fn sentences(path: &Path) -> Vec<Value> {
    let p = path.to_str().unwrap();
    json(&["align", p, p, "--format", "json"])["left"]["sentences"]
        .as_array()
        .unwrap()
        .clone()
}

fn texts(path: &Path) -> Vec<String> {
    sentences(path)
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect()
}

/// Each sentence starts as `starts` says, one for one.
fn assert_starts(path: &Path, starts: &[&str]) {
    let found = texts(path);
    assert_eq!(found.len(), starts.len(), "{}: {found:#?}", path.display());
    for (sentence, start) in found.iter().zip(starts) {
        assert!(
            sentence.starts_with(start),
            "{}: {sentence:?} should start with {start:?}",
            path.display()
        );
    }
}

fn case(path: &str) -> PathBuf {
    fixtures().join("cases").join(path)
}

// ---- The shared cases ------------------------------------------------------

#[test]
fn headline_byline_and_dateline_leave_the_body() {
    let path = case("metadata/headline-byline-dateline.txt");
    let article = listed(&path);
    assert_eq!(
        article["title"],
        "Local council approves plan for a new harbour wall"
    );
    assert_eq!(article["byline"], "Anna Berg");
    assert_eq!(article["place"], "Oslo");
    assert_eq!(article["agency"], "NTB");
    assert_eq!(article["date"], "2022-03-03");
    assert_starts(&path, &["The council voted", "Work starts in May."]);
}

#[test]
fn a_leading_dateline_is_metadata_and_an_inline_one_starts_a_sentence() {
    let path = case("metadata/datelines-inline.txt");
    let article = listed(&path);
    assert_eq!(article["place"], "Moscow");
    assert_eq!(article["agency"], "AFP");
    let found = sentences(&path);
    assert!(
        found[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Russian officials")
    );
    assert!(found[0].get("dateline").is_none());
    let last = found.last().unwrap();
    assert!(
        last["text"]
            .as_str()
            .unwrap()
            .starts_with("WASHINGTON, Oct. 5 (Reuters) -")
    );
    assert_eq!(last["dateline"], "WASHINGTON, Oct. 5 (Reuters) -");
}

#[test]
fn a_subhead_is_one_unit_of_its_own() {
    let path = case("metadata/subhead.txt");
    assert_starts(
        &path,
        &[
            "First paragraph of the story.",
            "A subhead here",
            "More text after the subhead.",
        ],
    );
    let found = sentences(&path);
    // Three paragraphs: the subhead stands alone, never as a `-` sentence.
    assert_eq!(found[1]["paragraph"], 1);
    assert!(
        texts(&path)
            .iter()
            .all(|s| s.chars().any(char::is_alphanumeric))
    );
}

#[test]
fn labels_tell_the_copies_apart_everywhere() {
    let folder = case("metadata/labels");
    assert_eq!(labels_of(&folder), ["gazette", "herald"]);
    let a = folder.join("bridge_gazette.txt");
    let b = folder.join("bridge_herald.txt");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    // The facts table, the matrix and the collation name them by label.
    for args in [
        vec!["facts", a, b, "--width", "100"],
        vec!["matrix", folder.to_str().unwrap(), "--width", "100"],
        vec!["collate", a, b, "--width", "100"],
        vec!["diff", a, b, "--width", "100"],
    ] {
        let text = text(&args);
        assert!(
            text.contains("gazette") && text.contains("herald"),
            "{args:?}:\n{text}"
        );
    }
    // JSON keeps the full ids.
    let facts = json(&["facts", a, b, "--format", "json"]);
    assert_eq!(facts["articles"][0], "bridge_gazette");
}

#[test]
fn segmentation_cases() {
    let rows: &[(&str, &[&str])] = &[
        (
            "segment/guillemets-fr.txt",
            &["« Nous ne céderons pas. Pas cette fois. »", "Le ministre"],
        ),
        (
            "segment/et-al.txt",
            &[
                "A study by Okafor et al. (2019) found",
                "The plant emits sulphur, mercury, dust etc.",
                "Regulators",
            ],
        ),
        (
            "segment/plan-b.txt",
            &["The ministry called it Plan B.", "Critics said"],
        ),
        (
            "segment/lowercase-start.txt",
            &["Laptop sales", "iPhone shipments", "eBay said"],
        ),
        (
            "segment/invisible-after-stop.txt",
            &[
                "The union leader thanked members.",
                "The port authority",
                "Officials said.",
                "The strike ended on Monday.",
                "Dockers returned",
                "Nobody was hurt.",
                "It rained.",
            ],
        ),
        (
            "segment/am-gmt-parenthesis.txt",
            &[
                "The capsule landed at 7:35 a.m. (0435 GMT) on Sunday, officials said.",
                "Crews",
            ],
        ),
        (
            "segment/quote-then-attribution.txt",
            &[
                "\"All systems are fine. The crew is well!\" the agency tweeted on Sunday.",
                "\"All systems are fine. The crew is well!\" Space agency Orbita tweeted on Sunday.",
                "“All systems are fine. The crew is well!” Space agency Orbita tweeted on Sunday.",
            ],
        ),
        (
            "segment/numbered-list.txt",
            &[
                "The council listed three demands:",
                "1. Reopen the harbour by March.",
                "2. Pay the 40 dockers their back wages.",
                "3. Publish the audit.",
                "The mayor rejected all three.",
            ],
        ),
    ];
    for (file, starts) in rows {
        assert_starts(&case(file), starts);
    }
    // No invisible character, nor its marker, reaches a title.
    let title = listed(&case("segment/invisible-after-stop.txt"))["title"].clone();
    assert!(!title.as_str().unwrap().contains('⟨'), "{title}");
}

#[test]
fn a_numbered_list_keeps_its_numbers_in_show() {
    let text = text(&["show", case("segment/numbered-list.txt").to_str().unwrap()]);
    for line in [
        "1. Reopen the harbour",
        "2. Pay the 40 dockers",
        "3. Publish the audit.",
    ] {
        assert!(text.contains(line), "{text}");
    }
}

#[test]
fn link_targets_tables_and_nested_lists() {
    let a = case("render/links-table-nested-a.md");
    let b = case("render/links-table-nested-b.md");
    let found = texts(&a);
    // The link keeps its target as a numbered footnote, in the body.
    assert!(
        found
            .iter()
            .any(|s| s.starts_with("Read the full audit[1],")),
        "{found:#?}"
    );
    assert!(found.contains(&"[1] https://example.org/audit_2021_final.pdf".to_owned()));
    // A table row is a unit; the header and both rows are there.
    for row in ["Port | Ships", "Oslo | 12", "Riga | 9"] {
        assert!(found.contains(&row.to_owned()), "{found:#?}");
    }
    assert!(found.contains(&"Nested item about the harbour".to_owned()));
    // A changed target is a change.
    let diff = json(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let changed: Vec<&Value> = diff["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["kind"] != "equal")
        .collect();
    assert_eq!(changed.len(), 1, "{changed:#?}");
    let right =
        diff["right"]["sentences"][changed[0]["right"][0].as_u64().unwrap() as usize]["text"]
            .as_str()
            .unwrap();
    assert!(right.contains("DRAFT_v1"), "{right}");
    // Shown as a table, nested items indented under their parent.
    let shown = text(&["show", a.to_str().unwrap(), "--width", "80"]);
    assert!(shown.contains("┃ Port │ Ships"), "{shown}");
    assert!(shown.contains("┃ Oslo │ 12"), "{shown}");
    assert!(shown.contains("• Outer item\n  • Nested item"), "{shown}");
    assert!(
        shown.contains("[1] https://example.org/audit_2021_final.pdf"),
        "{shown}"
    );
}

// ---- Copies of our own, and a helper's --------------------------------------

fn check_metadata(path: &Path, expected: &Value) {
    let article = listed(path);
    let name = path.display();
    for field in ["title", "byline", "agency", "place", "truncated"] {
        let want = expected.get(field).unwrap_or(&Value::Null);
        let got = &article[field];
        let same = match (want, got) {
            (Value::Bool(w), Value::Bool(g)) => w == g,
            (Value::Null, Value::Bool(g)) => !g,
            (w, g) => w == g,
        };
        assert!(same, "{name}: {field} is {got}, not {want}");
    }
    if let Some(date) = expected.get("date") {
        assert_eq!(&article["date"], date, "{name}: date");
    }
    let first = expected
        .get("first")
        .or_else(|| expected.get("first_body_sentence_starts"))
        .and_then(Value::as_str)
        .unwrap();
    let found = texts(path);
    assert!(
        found.first().is_some_and(|s| s.starts_with(first)),
        "{name}: the body starts {:?}",
        found.first()
    );
    if let Some(starts) = expected.get("sentences").and_then(Value::as_array) {
        let starts: Vec<&str> = starts.iter().map(|s| s.as_str().unwrap()).collect();
        assert_starts(path, &starts);
    }
    if let Some(datelines) = expected.get("datelines").and_then(Value::as_array) {
        let marked: Vec<Value> = sentences(path)
            .into_iter()
            .filter_map(|s| s.get("dateline").cloned())
            .collect();
        assert_eq!(&marked, datelines, "{name}: datelines");
    }
}

#[test]
fn our_own_copies_in_the_forms_outlets_use() {
    let folder = fixtures().join("copies");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("expected.json")).unwrap())
            .unwrap();
    let mut checked = 0;
    for (name, want) in expected.as_object().unwrap() {
        if name == "about" {
            continue;
        }
        let path = ["txt", "md"]
            .iter()
            .map(|ext| folder.join(format!("{name}.{ext}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("no file for {name}"));
        check_metadata(&path, want);
        checked += 1;
    }
    assert!(checked >= 12, "{checked}");
}

#[test]
fn a_helpers_copies_of_one_story() {
    let folder = fixtures().join("copies/ferry");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("expected.json")).unwrap())
            .unwrap();
    for (name, want) in expected["metadata"].as_object().unwrap() {
        check_metadata(&folder.join(format!("{name}.txt")), want);
    }
    // Their labels are the outlets' part of the names.
    assert_eq!(
        labels_of(&folder),
        ["gazette", "herald", "post", "tribune", "wire"]
    );
}

#[test]
fn a_cut_off_copy_says_so_in_list() {
    let home = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .env("HOME", home.path())
        .args([
            "list",
            fixtures().join("copies/cut-mid-word.txt").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains('✂'), "{text}");
}
