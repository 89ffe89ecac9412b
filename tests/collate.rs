//! `collate`: every base sentence has its row, every sentence of every
//! other version appears exactly once, and the text marks differences.

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .arg("collate")
        .args(args)
        .output()
        .unwrap()
}

fn sentence_count(prefix: &str) -> usize {
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let list: Value = serde_json::from_slice(&output.stdout).unwrap();
    list["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_str().unwrap().starts_with(prefix))
        .unwrap()["sentences"]
        .as_u64()
        .unwrap() as usize
}

#[test]
fn json_rows_cover_every_sentence_once() {
    let output = run(&["002", "--format", "json"]);
    assert!(output.status.success());
    let collation: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(collation["base"], "002_f13625239639c7a3");
    let versions: Vec<&str> = collation["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(versions.len(), 4);
    let rows = collation["rows"].as_array().unwrap();
    let base_rows: Vec<u64> = rows
        .iter()
        .filter_map(|r| r["base_index"].as_u64())
        .collect();
    assert_eq!(
        base_rows,
        (0..sentence_count("002") as u64).collect::<Vec<_>>()
    );
    for version in versions {
        let mut seen: Vec<u64> = rows
            .iter()
            .flat_map(|r| r["versions"].as_array().unwrap())
            .filter(|c| c["article"] == version)
            .flat_map(|c| {
                c["sentences"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_u64().unwrap())
            })
            .collect();
        seen.sort_unstable();
        let prefix = &version[..3];
        assert_eq!(
            seen,
            (0..sentence_count(prefix) as u64).collect::<Vec<_>>(),
            "{version}"
        );
    }
    // 002's "Their mission?" is word for word in 003.
    let mission = rows
        .iter()
        .find(|r| r["base_text"] == "Their mission?")
        .unwrap();
    let in_003 = mission["versions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["article"] == "003_3d879c792c9c72a1")
        .unwrap();
    assert_eq!(in_003["kind"], "equal");
}

#[test]
fn text_marks_what_each_version_changes() {
    let output = run(&["002", "003", "--width", "100"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("{+Sixty years+}"), "{text}");
    assert!(text.contains("[-Six decades-]"), "{text}");
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100)
    );
}

#[test]
fn an_unknown_base_exits_2() {
    let output = run(&["nope"]);
    assert_eq!(output.status.code(), Some(2));
}
