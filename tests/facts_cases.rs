//! The ledger on the shared `facts/` cases (copied to
//! `tests/fixtures/cases/facts/`), each with its right answer, through the
//! binary's JSON: values read right, compatible values sharing one value,
//! cut-off and partial mentions never a conflict.

use std::path::Path;

use serde_json::Value;

mod common;

/// The ledger of the pair `name-a` ⇄ `name-b`.
fn facts(name: &str) -> Vec<Value> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases/facts");
    let side = |end: &str| folder.join(format!("{name}-{end}.txt")).into_os_string();
    let doc = common::run_json(&[
        "facts".into(),
        side("a"),
        side("b"),
        "--format".into(),
        "json".into(),
    ]);
    doc["facts"].as_array().unwrap().clone()
}

/// The fact of `kind` whose mentions' texts include `text`.
fn fact<'a>(facts: &'a [Value], kind: &str, text: &str) -> &'a Value {
    facts
        .iter()
        .find(|f| {
            f["kind"] == kind
                && f["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m["text"].as_str().unwrap().contains(text))
        })
        .unwrap_or_else(|| panic!("no {kind} fact with {text:?} in {facts:#?}"))
}

/// The normalised value of the mention whose text includes `text`.
fn value(fact: &Value, text: &str) -> String {
    fact["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["text"].as_str().unwrap().contains(text))
        .map(|m| m["value"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| panic!("no mention {text:?} in {fact:#}"))
}

fn conflicts(facts: &[Value]) -> usize {
    facts.iter().filter(|f| f["conflict"] == true).count()
}

#[test]
fn day_month_and_month_day_dates() {
    let facts = facts("dmy-vs-mdy");
    let date = fact(&facts, "date", "05.10.2021");
    assert_eq!(value(date, "05.10.2021"), "2021-10-05");
    // No country says which order `10/06/2021` is in: both readings, and
    // neither is the 5th of October.
    assert_eq!(value(date, "10/06/2021"), "2021-10-06|2021-06-10");
    assert_eq!(date["conflict"], true);
    // The times of the ceremony are one value each, and differ.
    let time = fact(&facts, "time", "10:30 a.m.");
    assert_eq!(value(time, "10:30"), "10:30");
    assert_eq!(value(time, "11:45"), "11:45");
    assert_eq!(time["conflict"], true);
    assert_eq!(conflicts(&facts), 2, "{facts:#?}");
}

#[test]
fn per_cent_is_a_percentage() {
    let facts = facts("per-cent");
    let share = fact(&facts, "percent", "64.5 per cent");
    assert_eq!(value(share, "64.5"), "64.5%");
    assert_eq!(value(share, "46.5%"), "46.5%");
    assert_eq!(share["conflict"], true);
    assert_eq!(conflicts(&facts), 1);
}

#[test]
fn currency_codes_before_the_number() {
    let facts = facts("currency-code");
    let sum = fact(&facts, "money", "EUR 2 million");
    assert_eq!(value(sum, "EUR 2 million"), "2000000 EUR");
    assert_eq!(value(sum, "1 million euros"), "1000000 EUR");
    assert_eq!(sum["conflict"], true);
}

#[test]
fn space_thousands_are_one_number() {
    let facts = facts("space-thousands");
    let sum = fact(&facts, "money", "euros");
    for m in sum["mentions"].as_array().unwrap() {
        assert_eq!(m["value"], "1500000 EUR", "{m}");
    }
    assert_eq!(conflicts(&facts), 0, "{facts:#?}");
}

#[test]
fn dot_thousands_in_french() {
    let facts = facts("dot-thousands");
    let count = fact(&facts, "count", "4.000");
    assert_eq!(value(count, "4.000"), "4000");
    assert_eq!(value(count, "4,000"), "4000");
    assert_eq!(conflicts(&facts), 0);
}

#[test]
fn a_time_of_day_is_one_value() {
    let facts = facts("times");
    let time = fact(&facts, "time", "10:30 a.m.");
    assert_eq!(value(time, "10:30"), "10:30");
    assert_eq!(value(time, "11:30"), "11:30");
    // No time's minutes or hours stand as numbers of their own.
    assert!(
        !facts.iter().any(|f| f["kind"] == "number"
            && f["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["text"] == "30" || m["text"] == "10")),
        "{facts:#?}"
    );
    // Every planted change is one conflict: day, sum, aid, turnout, doses,
    // date, time.
    assert_eq!(conflicts(&facts), 7, "{facts:#?}");
}

#[test]
fn a_quote_cut_by_the_end_of_a_copy_is_no_conflict() {
    let facts = facts("cut-off-quote");
    let quote = fact(&facts, "quote", "We will finish the bridge");
    assert_eq!(quote["conflict"], false, "{quote:#}");
    let cut = quote["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["text"].as_str().unwrap().ends_with("spr"))
        .unwrap();
    assert_eq!(cut["cut_off"], true);
    assert_eq!(conflicts(&facts), 0);
}

#[test]
fn a_fragment_of_a_quote_is_partial() {
    let facts = facts("partial-quote");
    let quote = fact(&facts, "quote", "long and hard");
    assert_eq!(quote["conflict"], false);
    let fragment = quote["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["text"] == "long and hard")
        .unwrap();
    assert_eq!(fragment["partial"], true);
}

#[test]
fn a_different_surname_for_the_same_director() {
    let facts = facts("surname");
    let name = fact(&facts, "name", "Holmberg");
    assert_eq!(name["conflict"], true, "{name:#}");
    assert!(
        name["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["text"].as_str().unwrap().contains("Halmgren"))
    );
    // The age of the director, the same in both, is no conflict.
    assert_eq!(fact(&facts, "age", "41")["conflict"], false);
}

#[test]
fn fractions_in_digits_and_words() {
    let facts = facts("fraction");
    let duration = fact(&facts, "duration", "2½");
    assert_eq!(value(duration, "2½"), value(duration, "two and a half"));
    assert_eq!(value(duration, "2½"), "~2.5 hours");
    assert_eq!(conflicts(&facts), 0);
}

#[test]
fn miles_and_kilometres_are_one_distance() {
    let facts = facts("units");
    let distance = fact(&facts, "measure", "miles");
    assert_eq!(value(distance, "miles"), value(distance, "km"));
    assert_eq!(distance["conflict"], false);
    // Shown once, with both articles.
    assert_eq!(distance["values"].as_array().unwrap().len(), 1);
    assert_eq!(
        distance["values"][0]["articles"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn the_seed_ledger_shows_each_value_once_with_its_articles() {
    let doc = common::run_json(&["facts", "--format", "json"]);
    let facts = doc["facts"].as_array().unwrap();
    let age = facts
        .iter()
        .find(|f| f["label"] == "age of Yulia Peresild")
        .unwrap();
    let values: Vec<(String, usize)> = age["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_owned(),
                v["articles"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(values, [("36".to_owned(), 3), ("37".to_owned(), 1)]);
}

#[test]
fn a_dateline_without_a_year_takes_the_story_year() {
    // `Sept 16 (Reuters)` and a copy dated 2021-09-16: Tuesday is the 14th.
    let facts = facts("weekday-yearless");
    let date = fact(&facts, "date", "Tuesday");
    assert_eq!(value(date, "Tuesday"), "2021-09-14");
    assert_eq!(value(date, "Wednesday"), "2021-09-15");
    assert_eq!(date["conflict"], true);
}

#[test]
fn weekdays_of_undated_copies_still_differ() {
    // Neither copy has a year: the weekdays stay unresolved, yet a Tuesday
    // is not a Wednesday.
    let facts = facts("weekday-undated");
    let date = fact(&facts, "date", "Tuesday");
    assert_eq!(value(date, "Wednesday"), "?Wed");
    assert_eq!(date["conflict"], true);
    assert_eq!(conflicts(&facts), 1);
}
