//! The discrepancy ledger: the hand-made gold on the seeds (scored as
//! `shared/eval/score_facts.py` scores it, through the binary), and
//! generated stories whose versions change ages, sums, dates, counts,
//! durations and spellings on purpose, so the right answer is known.

use std::collections::HashSet;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use spacefilm::compare::Budget;
use spacefilm::compare::facts::{FactKind, Ledger, QuoteChange, ledger};
use spacefilm::corpus::{self, Article, LoadOptions};

mod common;
use common::Rng;
use common::gold;

fn facts_json(args: &[&str]) -> Value {
    common::run_json(&[&["facts"], args, &["--format", "json"]].concat())
}

#[test]
fn gold_on_the_seeds_every_conflict_no_false_alarm() {
    let gold: Value = serde_json::from_str(include_str!("fixtures/facts-dev.json")).unwrap();
    let tool = facts_json(&[]);
    let ((found, conflicts), alarms, (linked, agreements)) = gold::score_facts(&gold, &tool);
    assert_eq!((found, alarms, linked), (conflicts, 0, agreements));
    assert_eq!(conflicts, 4);
}

#[test]
fn facts_json_follows_the_contract() {
    let tool = facts_json(&["002", "003"]);
    let articles: Vec<&str> = tool["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(articles, ["002_f13625239639c7a3", "003_3d879c792c9c72a1"]);
    let kinds = [
        "number", "date", "money", "age", "duration", "count", "name", "quote",
    ];
    let facts = tool["facts"].as_array().unwrap();
    assert!(!facts.is_empty());
    let mut seen_conflict_after_agreement = false;
    let mut previous_conflict = true;
    for fact in facts {
        assert!(kinds.contains(&fact["kind"].as_str().unwrap()), "{fact}");
        assert!(!fact["label"].as_str().unwrap().is_empty());
        let conflict = fact["conflict"].as_bool().unwrap();
        seen_conflict_after_agreement |= conflict && !previous_conflict;
        previous_conflict = conflict;
        for m in fact["mentions"].as_array().unwrap() {
            let sentence = m["sentence"].as_str().unwrap();
            let text = m["text"].as_str().unwrap();
            assert!(
                sentence.contains(text) || fact["kind"] == "quote",
                "{text} in {sentence}"
            );
            assert!(articles.contains(&m["article"].as_str().unwrap()));
            assert!(m["value"].is_string());
        }
    }
    assert!(!seen_conflict_after_agreement, "conflicts come first");
    // The sum of a Soyuz seat, in the contract's normal form.
    let money = facts
        .iter()
        .find(|f| f["kind"] == "money")
        .expect("a money fact");
    let values: HashSet<&str> = money["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, HashSet::from(["1e7..1e8 USD", "1e4..1e5 USD"]));
    assert_eq!(money["conflict"], true);
}

#[test]
fn facts_text_is_a_table_with_conflicts_first() {
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .args(["facts", "--width", "120"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let header = text.lines().find(|l| l.contains("KIND")).unwrap();
    // Fact rows: after the header, up to the blank line; quote changes are
    // indented under their fact.
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("KIND"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| !l.starts_with("   "))
        .collect();
    assert!(header.contains("VALUES · ARTICLES"), "{header}");
    let first_agreement = rows.iter().position(|r| !r.starts_with('≠')).unwrap();
    assert!(first_agreement > 0 && rows[first_agreement..].iter().all(|r| !r.starts_with('≠')));
    assert!(
        text.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 120),
        "{text}"
    );
    // Each value once, with the labels of the articles that state it: the
    // outlet where it tells an article apart, commas between labels once
    // one has several words.
    let age = rows
        .iter()
        .find(|r| r.contains("age of Yulia Peresild"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        age.ends_with("36 · 000, The Moscow Times, 003 │ 37 · 001"),
        "{age}"
    );
    // A value is never cut at 120 columns: the sums go on to a next line.
    assert!(
        text.contains("tens of millions of dollars · 000, The Moscow Times"),
        "{text}"
    );
    assert!(
        text.contains("tens of thousands of dollars · 003"),
        "{text}"
    );
}

#[test]
fn facts_with_an_unknown_ref_exits_2() {
    let output = Command::cargo_bin("spacefilm-tui")
        .unwrap()
        .args(["facts", "999"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no article matches \"999\""));
}

// ---- Generated stories ----------------------------------------------------

const SYLLABLES: &[&str] = &[
    "va", "ren", "ko", "bel", "si", "mov", "ta", "lin", "gor", "da", "nes", "vi", "ru", "pol",
    "mar", "te",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "August",
    "September",
    "October",
    "November",
];
const PLACES: &[&str] = &[
    "the northern ice field",
    "the delta station",
    "the lunar gateway",
    "the deep trench",
];
const NOUNS: &[&str] = &["volunteers", "engineers", "applicants", "students"];

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn name(rng: &mut Rng, syllables: usize) -> String {
    capitalised(
        &(0..syllables)
            .map(|_| *rng.pick(SYLLABLES))
            .collect::<String>(),
    )
}

/// A respelling of the kind transliterations make: a final `e` after `n`
/// or `v` (`Rogozin`/`Rogozine`), else a doubled consonant after a vowel
/// (`Peresild`/`Peressild`).
fn respell(word: &str) -> String {
    if word.ends_with('n') || word.ends_with('v') {
        return format!("{word}e");
    }
    let chars: Vec<char> = word.chars().collect();
    let vowel = |c: char| "aeiou".contains(c);
    match (1..chars.len() - 1).find(|&k| "slnrt".contains(chars[k]) && vowel(chars[k - 1])) {
        Some(k) => chars[..=k].iter().chain(&chars[k..]).collect(),
        None => format!("{word}e"),
    }
}

/// What a story states, in the form one version writes it.
#[derive(Clone)]
struct Story {
    leader: (String, String),
    official: (String, String),
    leader_age: u32,
    official_age: u32,
    millions: u32,
    day: u32,
    month: usize,
    count: u32,
    days: u32,
    year: u32,
    place: usize,
    noun: usize,
}

impl Story {
    fn new(rng: &mut Rng) -> Story {
        Story {
            leader: (name(rng, 2), name(rng, 3)),
            official: (name(rng, 2), name(rng, 3)),
            leader_age: 30 + rng.below(40) as u32,
            official_age: 30 + rng.below(40) as u32,
            millions: 2 + rng.below(800) as u32,
            day: 1 + rng.below(27) as u32,
            month: rng.below(MONTHS.len()),
            count: 100 * (2 + rng.below(90) as u32),
            days: 3 + rng.below(40) as u32,
            year: 2000 + rng.below(25) as u32,
            place: rng.below(PLACES.len()),
            noun: rng.below(NOUNS.len()),
        }
    }

    /// The original wording.
    fn original(&self) -> String {
        let s = self;
        format!(
            "The expedition to {place} will be led by {lf} {ll}, {la}, who has trained for it since {year}.\n\n\
             It will cost {m} million dollars, according to the agency's annual report.\n\n\
             Some filler sentence about the weather at the base keeps the paragraphs apart.\n\n\
             The team leaves on {month} {day} and will stay for {days} days.\n\n\
             More than {count} {noun} asked to join the crew, the organisers said.\n\n\
             {of} {ol}, the {oa}-year-old head of the agency, approved the plan.\n\n\
             \"We have waited a very long time for this moment,\" {ll} told reporters.\n",
            place = PLACES[s.place],
            lf = s.leader.0,
            ll = s.leader.1,
            la = s.leader_age,
            year = s.year,
            m = s.millions,
            month = MONTHS[s.month],
            day = s.day,
            days = s.days,
            count = s.count,
            noun = NOUNS[s.noun],
            of = s.official.0,
            ol = s.official.1,
            oa = s.official_age,
        )
    }

    /// Another outlet's wording of the same facts: sentences reworded and
    /// reordered, numbers written differently.
    fn reworded(&self) -> String {
        let s = self;
        format!(
            "{lf} {ll} ({la}) is to head the expedition to {place}, having prepared since {year}.\n\n\
             {ol}, {oa}, who runs the agency, signed off on the plan.\n\n\
             The agency's yearly report puts the cost at ${m} million.\n\n\
             Departure is set for {day} {month}, with a stay of {days} days planned.\n\n\
             \"We have waited a very long time for this moment,\" said {ll}.\n\n\
             Over {count} {noun} applied for a seat on the crew.\n",
            place = PLACES[s.place],
            lf = s.leader.0,
            ll = s.leader.1,
            la = s.leader_age,
            year = s.year,
            m = s.millions,
            month = MONTHS[s.month],
            day = s.day,
            days = s.days,
            count = s.count,
            noun = NOUNS[s.noun],
            ol = s.official.1,
            oa = s.official_age,
        )
    }
}

/// The facts a change touches: a kind, and the words that must be found
/// in the first and second version's mentions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Expected {
    kind: FactKind,
    left: String,
    right: String,
}

fn load(dir: &Path, name: &str, text: &str) -> Article {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    corpus::load_file(&path, LoadOptions::default()).unwrap()
}

/// Whether a conflict fact of `ledger` holds both sides of `expected`.
fn reported(ledger: &Ledger, e: &Expected) -> bool {
    ledger.facts.iter().any(|f| {
        f.conflict
            && f.kind == e.kind
            && f.mentions
                .iter()
                .any(|m| m.article == 0 && m.text.contains(&e.left))
            && f.mentions
                .iter()
                .any(|m| m.article == 1 && m.text.contains(&e.right))
    })
}

#[test]
fn generated_versions_changes_found_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0xfac7_5eed);
    let (mut true_positives, mut expected_total, mut reported_conflicts) = (0, 0, 0);
    let mut missed = Vec::new();
    for round in 0..40 {
        let original = Story::new(&mut rng);
        let mut changed = original.clone();
        let mut expected = Vec::new();
        // Each fact changes with probability 1/2.
        if rng.chance(50) {
            changed.leader_age += 1 + rng.below(5) as u32;
            expected.push(Expected {
                kind: FactKind::Age,
                left: original.leader_age.to_string(),
                right: changed.leader_age.to_string(),
            });
        }
        if rng.chance(50) {
            changed.official_age -= 1 + rng.below(5) as u32;
            expected.push(Expected {
                kind: FactKind::Age,
                left: original.official_age.to_string(),
                right: changed.official_age.to_string(),
            });
        }
        if rng.chance(50) {
            changed.millions += 1 + rng.below(50) as u32;
            expected.push(Expected {
                kind: FactKind::Money,
                left: format!("{} million", original.millions),
                right: format!("{} million", changed.millions),
            });
        }
        if rng.chance(50) {
            changed.day = original.day % 27 + 1;
            expected.push(Expected {
                kind: FactKind::Date,
                left: format!("{} {}", MONTHS[original.month], original.day),
                right: format!("{} {}", changed.day, MONTHS[original.month]),
            });
        }
        if rng.chance(50) {
            changed.days += 1 + rng.below(9) as u32;
            expected.push(Expected {
                kind: FactKind::Duration,
                left: format!("{} days", original.days),
                right: format!("{} days", changed.days),
            });
        }
        if rng.chance(50) {
            changed.count += 100;
            expected.push(Expected {
                kind: FactKind::Count,
                left: original.count.to_string(),
                right: changed.count.to_string(),
            });
        }
        if rng.chance(50) {
            changed.year -= 1 + rng.below(3) as u32;
            expected.push(Expected {
                kind: FactKind::Date,
                left: original.year.to_string(),
                right: changed.year.to_string(),
            });
        }
        if rng.chance(50) {
            changed.leader.1 = respell(&original.leader.1);
            expected.push(Expected {
                kind: FactKind::Name,
                left: original.leader.1.clone(),
                right: changed.leader.1.clone(),
            });
        }
        let left = load(dir.path(), &format!("{round}a.txt"), &original.original());
        let right = load(dir.path(), &format!("{round}b.txt"), &changed.reworded());
        let result = ledger(&[&left, &right], &Budget::unlimited());
        for e in &expected {
            if reported(&result, e) {
                true_positives += 1;
            } else {
                missed.push((round, e.clone()));
            }
        }
        expected_total += expected.len();
        reported_conflicts += result.facts.iter().filter(|f| f.conflict).count();
        // Unchanged quotes agree: the quote fact links both versions.
        assert!(
            result.facts.iter().any(|f| f.kind == FactKind::Quote
                && f.mentions.len() == 2
                && !f
                    .quote_changes
                    .iter()
                    .any(|c| matches!(c, QuoteChange::Reworded { .. }))),
            "round {round}: the unchanged quote is linked"
        );
    }
    let recall = true_positives as f64 / expected_total as f64;
    let precision = true_positives as f64 / reported_conflicts.max(1) as f64;
    eprintln!(
        "generated ledgers: recall {recall:.3} ({true_positives}/{expected_total}), precision {precision:.3} ({true_positives}/{reported_conflicts})"
    );
    assert!(recall >= 0.95, "recall {recall:.3}; missed {missed:?}");
    assert!(precision >= 0.95, "precision {precision:.3}");
}

// ---- Generated copies in the forms real outlets use ------------------------

/// A story as wire copies carry it: a headline, a byline and a dateline;
/// two people's ages in one sentence; a clock time, local in one copy and
/// in GMT in the other; sums with thousands apart by spaces; a share in
/// per cent; a distance in kilometres and in miles; a quote cut short in
/// the other copy; and the other copy cut off at its end.
struct WireStory {
    chief: (String, String),
    deputy: (String, String),
    chief_age: u32,
    deputy_age: u32,
    hour: u32,
    euros: u32,
    share: u32,
    km: u32,
    day: u32,
    month: usize,
    count: u32,
}

impl WireStory {
    fn new(rng: &mut Rng) -> WireStory {
        WireStory {
            chief: (name(rng, 2), name(rng, 3)),
            deputy: (name(rng, 2), name(rng, 3)),
            chief_age: 40 + rng.below(30) as u32,
            deputy_age: 25 + rng.below(14) as u32,
            hour: 8 + rng.below(8) as u32,
            euros: 2 + rng.below(9) as u32,
            share: 10 + rng.below(80) as u32,
            km: 100 + rng.below(400) as u32,
            day: 1 + rng.below(27) as u32,
            month: rng.below(MONTHS.len()),
            count: 1000 * (2 + rng.below(8) as u32),
        }
    }

    fn agency_copy(&self) -> String {
        let s = self;
        format!(
            "Port authority approves {place} expansion\n\n\
             By Anna BERG\n\n\
             OSLO (AFP) — The port authority approved the expansion on Tuesday at {h}:30 a.m. local time, its chief {cf} {cl} said.\n\n\
             {cl}, {ca}, and his deputy {df} {dl}, {da}, signed the plan together.\n\n\
             The works will cost {e} 500 000 euros and will take {s} percent of the yearly budget.\n\n\
             The new pier reaches {km} km into the fjord, the widest in the region.\n\n\
             \"We have waited a very long time for this decision, and now it has come,\" {cl} told reporters.\n\n\
             Work starts on {month} {day}, and more than {n} workers will be hired.\n",
            place = PLACES[0],
            h = s.hour,
            cf = s.chief.0,
            cl = s.chief.1,
            ca = s.chief_age,
            df = s.deputy.0,
            dl = s.deputy.1,
            da = s.deputy_age,
            e = s.euros,
            s = s.share,
            km = s.km,
            month = MONTHS[s.month],
            day = s.day,
            n = s.count,
        )
    }

    /// A web pickup: reworded, the time in GMT, the distance in miles, the
    /// quote cut short, and the text cut off in its last sentence.
    fn pickup(&self) -> String {
        let s = self;
        let miles = f64::from(s.km) / 1.609_344;
        format!(
            "Oslo port expansion gets green light\n\n\
             {cf} {cl}, Reuters\n\n\
             Oslo, Oct 5 (Reuters) - Norway's port authority gave its approval at {gmt}:30 GMT on Tuesday, chief {cf} {cl} said.\n\n\
             The plan was signed by {cl} ({ca}) and deputy {df} {dl} ({da}).\n\n\
             It will cost {e}\u{202F}500\u{202F}000 euros, or {s} per cent of the annual budget.\n\n\
             Its pier will run about {miles:.0} miles out.\n\n\
             {cl} said the authority had waited \"a very long time for this decision\".\n\n\
             Building begins {day} {month}, with over {n} workers to be taken on, the authority said in a stat",
            cf = s.chief.0,
            cl = s.chief.1,
            ca = s.chief_age,
            df = s.deputy.0,
            dl = s.deputy.1,
            da = s.deputy_age,
            // Oslo is an hour ahead of GMT in winter: the same moment.
            gmt = s.hour - 1,
            e = s.euros,
            s = s.share,
            month = MONTHS[s.month],
            day = s.day,
            n = s.count,
        )
    }
}

#[test]
fn generated_wire_copies_precision_and_recall() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x5eed_c0de);
    let (mut found, mut planted, mut conflicts) = (0, 0, 0);
    let mut missed = Vec::new();
    let mut extra = Vec::new();
    for round in 0..30 {
        let original = WireStory::new(&mut rng);
        let mut changed = WireStory {
            ..original.clone_story()
        };
        let mut expected: Vec<Expected> = Vec::new();
        let mut plant = |rng: &mut Rng, kind, left: String, right: String| {
            let _ = rng;
            expected.push(Expected { kind, left, right });
        };
        if rng.chance(50) {
            changed.chief_age += 1;
            plant(
                &mut rng,
                FactKind::Age,
                original.chief_age.to_string(),
                changed.chief_age.to_string(),
            );
        }
        if rng.chance(50) {
            changed.deputy_age += 2;
            plant(
                &mut rng,
                FactKind::Age,
                original.deputy_age.to_string(),
                changed.deputy_age.to_string(),
            );
        }
        if rng.chance(50) {
            changed.euros += 1;
            plant(
                &mut rng,
                FactKind::Money,
                format!("{} 500 000", original.euros),
                format!("{}\u{202F}500", changed.euros),
            );
        }
        if rng.chance(50) {
            changed.share += 3;
            plant(
                &mut rng,
                FactKind::Percent,
                format!("{} percent", original.share),
                format!("{} per cent", changed.share),
            );
        }
        if rng.chance(50) {
            changed.day = original.day % 27 + 1;
            plant(
                &mut rng,
                FactKind::Date,
                format!("{} {}", MONTHS[original.month], original.day),
                format!("{} {}", changed.day, MONTHS[original.month]),
            );
        }
        if rng.chance(50) {
            changed.km += 60;
            plant(
                &mut rng,
                FactKind::Measure,
                format!("{} km", original.km),
                "miles".to_owned(),
            );
        }
        if rng.chance(50) {
            changed.chief.1 = respell(&original.chief.1);
            plant(
                &mut rng,
                FactKind::Name,
                original.chief.1.clone(),
                changed.chief.1.clone(),
            );
        }
        let a = load(
            dir.path(),
            &format!("{round}_agency.txt"),
            &original.agency_copy(),
        );
        let b = load(
            dir.path(),
            &format!("{round}_pickup.txt"),
            &changed.pickup(),
        );
        assert!(b.meta.truncated, "round {round}: the pickup is cut off");
        assert_eq!(a.meta.agency.as_deref(), Some("AFP"));
        let result = ledger(&[&a, &b], &Budget::unlimited());
        for e in &expected {
            if reported(&result, e) {
                found += 1;
            } else {
                missed.push((round, e.clone()));
            }
        }
        planted += expected.len();
        for f in result.facts.iter().filter(|f| f.conflict) {
            conflicts += 1;
            let planted_here = expected.iter().any(|e| {
                f.kind == e.kind
                    && f.mentions
                        .iter()
                        .any(|m| m.article == 0 && m.text.contains(&e.left))
            });
            if !planted_here {
                extra.push((round, f.kind, f.label.clone()));
            }
        }
    }
    let true_positives = conflicts - extra.len();
    let recall = found as f64 / planted as f64;
    let precision = true_positives as f64 / conflicts.max(1) as f64;
    eprintln!(
        "generated wire copies: recall {recall:.3} ({found}/{planted}), precision {precision:.3} ({true_positives}/{conflicts})"
    );
    assert!(recall >= 0.9, "recall {recall:.3}; missed {missed:?}");
    assert!(
        precision >= 0.9,
        "precision {precision:.3}; false {extra:?}"
    );
}

impl WireStory {
    fn clone_story(&self) -> WireStory {
        WireStory {
            chief: self.chief.clone(),
            deputy: self.deputy.clone(),
            ..*self
        }
    }
}

/// Forty versions of one story (above the pairwise limit, so every version
/// is aligned to pivots): the two planted changes are found, each against
/// the version that made it, and nothing else is a conflict.
#[test]
fn forty_versions_through_pivots_find_the_changes_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x0040_0040);
    let story = Story::new(&mut rng);
    let mut older = story.clone();
    older.leader_age += 1;
    let mut dearer = story.clone();
    dearer.millions += 40;
    let versions: Vec<Article> = (0..40)
        .map(|k| {
            let text = match k {
                17 => older.reworded(),
                29 => dearer.original(),
                k if k % 2 == 0 => story.original(),
                _ => story.reworded(),
            };
            load(dir.path(), &format!("v{k:02}.txt"), &text)
        })
        .collect();
    let refs: Vec<&Article> = versions.iter().collect();
    assert!(refs.len() > spacefilm::compare::facts::PAIRWISE_MAX_VERSIONS);
    let ledger = ledger(&refs, &Budget::unlimited());
    assert!(ledger.coarse.is_none());
    let conflicts: Vec<_> = ledger.facts.iter().filter(|f| f.conflict).collect();
    let odd_one_out = |kind: FactKind, article: usize, value: &str| {
        conflicts.iter().any(|f| {
            f.kind == kind
                && f.mentions
                    .iter()
                    .any(|m| m.article == article && m.text.contains(value))
                && f.mentions.iter().filter(|m| m.article != article).count() >= 30
        })
    };
    assert!(
        odd_one_out(FactKind::Age, 17, &older.leader_age.to_string()),
        "{conflicts:#?}"
    );
    assert!(
        odd_one_out(FactKind::Money, 29, &dearer.millions.to_string()),
        "{conflicts:#?}"
    );
    assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
}

/// A ledger whose budget is spent before any pair is aligned says so.
#[test]
fn a_ledger_out_of_budget_is_coarse() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x00b0_d9e7);
    let story = Story::new(&mut rng);
    let a = load(dir.path(), "a.txt", &story.original());
    let b = load(dir.path(), "b.txt", &story.reworded());
    let spent = Budget::new(std::time::Duration::ZERO);
    let coarse = ledger(&[&a, &b], &spent).coarse.expect("coarse");
    assert_eq!(coarse.stage, "facts");
    assert!(ledger(&[&a, &b], &Budget::unlimited()).coarse.is_none());
}
