//! The shared `align/` cases (copied to `tests/fixtures/cases/align/`),
//! each with its right answer, through the binary's JSON: which links are
//! moved, unchanged words kept in place, `-i` and whitespace.

use std::path::Path;

use serde_json::Value;

mod common;

/// `diff name-a name-b --format json` (with `extra` options).
fn diff(name: &str, extra: &[&str]) -> Value {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases/align");
    let side = |end: &str| folder.join(format!("{name}-{end}.txt")).into_os_string();
    let args = [
        "diff".into(),
        side("a"),
        side("b"),
        "--format".into(),
        "json".into(),
    ];
    let extra = extra.iter().map(std::ffi::OsString::from);
    common::run_json(&args.into_iter().chain(extra).collect::<Vec<_>>())
}

fn kinds(doc: &Value) -> Vec<(Vec<u64>, Vec<u64>, String)> {
    let indices = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap())
            .collect()
    };
    doc["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                indices(&l["left"]),
                indices(&l["right"]),
                l["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The link's operations as `=text`, `-text`, `+text`.
fn ops(link: &Value) -> Vec<String> {
    link["ops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|op| {
            let mark = match op["op"].as_str().unwrap() {
                "equal" => '=',
                "delete" => '-',
                "insert" => '+',
                other => panic!("unknown op {other}"),
            };
            format!("{mark}{}", op["text"].as_str().unwrap())
        })
        .collect()
}

#[test]
fn a_lede_swapped_with_the_last_paragraph_moves_those_two() {
    let doc = diff("lede-swap", &[]);
    let mut found = kinds(&doc);
    found.sort();
    assert_eq!(
        found,
        vec![
            (vec![0], vec![2], "moved".to_owned()),
            (vec![1], vec![1], "changed".to_owned()),
            (vec![2], vec![0], "moved".to_owned()),
        ]
    );
    assert_eq!(doc["counts"]["moved"], 2);
}

#[test]
fn reordered_adjectives_keep_the_unchanged_one_equal() {
    let doc = diff("reordered-list", &[]);
    let first = &doc["links"][0];
    assert_eq!(
        ops(first),
        [
            "=The big, ",
            "+old, ",
            "=grey",
            "-, rusty",
            "= ferry sank near the pier."
        ]
    );
    assert_eq!(doc["links"][1]["kind"], "equal");
}

#[test]
fn with_ignore_case_only_case_and_punctuation_changes_are_equal() {
    let ignoring = diff("ignore-case", &["-i"]);
    assert_eq!(ignoring["counts"]["equal"], 2, "{ignoring:#}");
    assert_eq!(ignoring["counts"]["changed"], 3);
    // The links still changed change a word.
    for link in ignoring["links"].as_array().unwrap() {
        if link["kind"] == "changed" {
            assert!(ops(link).iter().any(|op| !op.starts_with('=')), "{link:#}");
        }
    }
    // Without -i, every link is changed and each change is marked.
    let strict = diff("ignore-case", &[]);
    assert_eq!(strict["counts"]["changed"], 5);
    for link in strict["links"].as_array().unwrap() {
        assert!(ops(link).iter().any(|op| !op.starts_with('=')), "{link:#}");
    }
}

#[test]
fn whitespace_alone_is_never_a_change() {
    for extra in [&[][..], &["-i"][..]] {
        let doc = diff("whitespace", extra);
        let links = kinds(&doc);
        assert_eq!(
            links[0],
            (vec![0], vec![0], "equal".to_owned()),
            "{extra:?}"
        );
    }
    // A case change in the second sentence is one without -i, and marked.
    let doc = diff("whitespace", &[]);
    assert_eq!(doc["links"][1]["kind"], "changed");
    assert!(ops(&doc["links"][1]).iter().any(|op| op.starts_with('-')));
    assert_eq!(diff("whitespace", &["-i"])["links"][1]["kind"], "equal");
}
