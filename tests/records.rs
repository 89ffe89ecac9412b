//! A researcher's corpus in one file: JSON Lines and CSV records through
//! the binary, with configurable field names, bad records reported by line
//! while the others load, and stories taken from passim's clusters.

use assert_cmd::Command;
use serde_json::Value;

const RECORDS: &str = "tests/fixtures/records";

fn run(args: &[&str]) -> (Value, String, i32) {
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    let stdout = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (stdout, stderr, output.status.code().unwrap_or(-1))
}

fn field<'v>(articles: &'v Value, key: &str) -> Vec<&'v str> {
    articles["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a[key].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn news_please_json_lines_with_renamed_fields() {
    let file = format!("{RECORDS}/news-please.jsonl");
    let (list, stderr, code) = run(&[
        "list",
        &file,
        "--format",
        "json",
        "--field",
        "text=maintext",
        "--field",
        "date=date_publish",
        "--field",
        "outlet=source_domain",
    ]);
    // Two bad lines: each named with the file, the others load.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("line 4: not JSON") && stderr.contains("news-please.jsonl"),
        "{stderr}"
    );
    assert!(stderr.contains("line 5: no text"), "{stderr}");
    assert_eq!(
        field(&list, "outlet"),
        ["apnews.com", "france24.com", "reuters.com", "lepoint.fr"]
    );
    assert_eq!(
        field(&list, "date"),
        ["2021-10-12", "2021-10-12", "2021-08-15", "2021-10-12"]
    );
    assert_eq!(field(&list, "language"), ["en", "en", "en", "fr"]);
    assert_eq!(field(&list, "title")[3], "Pont effondré en Serbie");
    assert!(field(&list, "source")[1].ends_with("news-please.jsonl line 2"));
}

#[test]
fn csv_records_are_grouped_into_stories_like_files() {
    let file = format!("{RECORDS}/mediacloud.csv");
    let (list, stderr, code) = run(&["list", &file, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(field(&list, "id"), ["mc-1", "mc-2", "mc-3"]);
    assert_eq!(field(&list, "outlet"), ["AP", "France 24", "Reuters"]);
    let (matrix, _, _) = run(&["matrix", &file, "--format", "json"]);
    assert_eq!(matrix["measure"], "alignment");
    assert_eq!(
        matrix["stories"],
        serde_json::json!([["mc-1", "mc-2"], ["mc-3"]])
    );
}

#[test]
fn a_csv_without_its_text_column_is_one_error_naming_the_file() {
    let file = format!("{RECORDS}/mediacloud.csv");
    let (_, stderr, code) = run(&["list", &file, "--field", "text=body"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("CSV without a \"body\" column") && stderr.contains("mediacloud.csv"),
        "{stderr}"
    );
}

/// passim writes one record per reused passage, with its `cluster`: the
/// stories are passim's, no pair is compared, and a document's passages
/// are told apart by their `begin` offsets.
#[test]
fn passim_clusters_are_taken_as_the_stories() {
    let folder = format!("{RECORDS}/part-00000-passim.json");
    let (matrix, stderr, code) = run(&["matrix", &folder, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(matrix["measure"], "given");
    assert_eq!(matrix["pairs"], serde_json::json!([]));
    assert!(matrix.get("similarity").is_none(), "{matrix}");
    assert_eq!(
        matrix["stories"],
        serde_json::json!([
            ["ap-bridge@146", "afp-bridge@160"],
            ["ap-bridge@252", "afp-bridge@253"]
        ])
    );
    // passim's `series` stands for the outlet.
    let (list, _, _) = run(&["list", &folder, "--format", "json"]);
    assert_eq!(field(&list, "outlet"), ["ap", "afp", "ap", "afp"]);
}

#[test]
fn an_unknown_field_key_is_a_usage_error() {
    let (_, stderr, code) = run(&["list", "--field", "colour=red"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown key \"colour\""), "{stderr}");
}

/// In a folder, `.json` files are read only when they are JSON Lines
/// (passim's `out.json/part-*.json`); a pretty-printed JSON document is not
/// an article and is passed over without an error.
#[test]
fn a_folder_reads_json_lines_parts_and_passes_over_other_json() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        format!("{RECORDS}/part-00000-passim.json"),
        folder.path().join("part-00000.json"),
    )
    .unwrap();
    std::fs::write(folder.path().join("manifest.json"), "{\n  \"run\": 3\n}\n").unwrap();
    std::fs::write(folder.path().join("_SUCCESS"), "").unwrap();
    let (list, stderr, code) = run(&["list", folder.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(field(&list, "id").len(), 4, "{list}");
}
