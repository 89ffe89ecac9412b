//! Properties of the comparison engine, over generated texts:
//! the operations rebuild both texts, every sentence stands in exactly one
//! link, identical inputs give only equal links, and swapping the sides
//! mirrors the links; and of the ledger: whatever the text, its mentions
//! point at their words, and agreeing values make no conflict.

use proptest::prelude::*;

use spacefilm::compare::{self, Budget, CompareOptions, Comparison, DiffOptions, LinkKind, diff};

const WORDS: &[&str] = &[
    "the",
    "crew",
    "film",
    "space",
    "Russia",
    "orbit",
    "launch",
    "said",
    "twelve",
    "12",
    "3,000",
    "Peresild",
    "Peressild",
    "“quoted”",
    "Russia's",
    "isn't",
    "е́ж",
    "上一",
    "—",
    "(ISS)",
    "on",
    "Oct.",
    "budget",
    "a",
    "to",
    "director",
    "Moscow",
    "days",
    "first",
    "rocket",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..10),
        prop::sample::select(&[".", "?", "!", ""][..]),
    )
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

fn text() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(sentence(), 0..20)
}

/// A right side made from the left by dropping, duplicating, editing and
/// moving sentences, so that alignments have something to find.
fn edited(left: Vec<String>) -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    let n = left.len();
    (
        prop::collection::vec(0u8..6, n),
        prop::collection::vec(sentence(), n + 1),
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(actions, fresh, index)| {
            let mut right = Vec::new();
            for (k, text) in left.iter().enumerate() {
                match actions[k] {
                    0 => {}
                    1 => {
                        right.push(text.clone());
                        right.push(fresh[k].clone());
                    }
                    2 => right.push(format!("{text} {}", fresh[k])),
                    3 => right.push(text.replacen("the", "a", 1)),
                    _ => right.push(text.clone()),
                }
            }
            if right.len() > 2 {
                let at = index.index(right.len());
                let moved = right.remove(at);
                right.push(moved);
            }
            right.push(fresh[n].clone());
            (left.clone(), right)
        })
}

fn pair() -> impl Strategy<Value = (Vec<String>, Vec<String>)> {
    prop_oneof![(text(), text()), text().prop_flat_map(edited),]
}

fn run(left: &[String], right: &[String]) -> Comparison {
    let l: Vec<&str> = left.iter().map(String::as_str).collect();
    let r: Vec<&str> = right.iter().map(String::as_str).collect();
    compare::compare_sentences(&l, &r, CompareOptions::default(), &Budget::unlimited())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn operations_rebuild_both_texts((left, right) in pair()) {
        let comparison = run(&left, &right);
        let l: Vec<&str> = left.iter().map(String::as_str).collect();
        let r: Vec<&str> = right.iter().map(String::as_str).collect();
        for (link, ops) in comparison.alignment.links.iter().zip(&comparison.ops) {
            let (a, b) = diff::rebuild(ops);
            prop_assert_eq!(a, compare::joined(&l, &link.left));
            prop_assert_eq!(b, compare::joined(&r, &link.right));
        }
        // Also with case and punctuation ignored.
        let ignoring = CompareOptions { diff: DiffOptions { ignore_case_and_punctuation: true } };
        let relaxed = compare::compare_sentences(&l, &r, ignoring, &Budget::unlimited());
        for (link, ops) in relaxed.alignment.links.iter().zip(&relaxed.ops) {
            let (a, b) = diff::rebuild(ops);
            prop_assert_eq!(a, compare::joined(&l, &link.left));
            prop_assert_eq!(b, compare::joined(&r, &link.right));
        }
    }

    #[test]
    fn every_sentence_is_in_exactly_one_link((left, right) in pair()) {
        let comparison = run(&left, &right);
        let mut seen_left = vec![0; left.len()];
        let mut seen_right = vec![0; right.len()];
        for link in &comparison.alignment.links {
            prop_assert!(!link.left.is_empty() || !link.right.is_empty());
            for &i in &link.left { seen_left[i] += 1; }
            for &j in &link.right { seen_right[j] += 1; }
            let expected = match (link.left.is_empty(), link.right.is_empty()) {
                (false, true) => Some(LinkKind::Deleted),
                (true, false) => Some(LinkKind::Inserted),
                _ => None,
            };
            if let Some(kind) = expected {
                prop_assert_eq!(link.kind, kind);
            }
        }
        prop_assert!(seen_left.iter().all(|&c| c == 1), "left coverage {:?}", seen_left);
        prop_assert!(seen_right.iter().all(|&c| c == 1), "right coverage {:?}", seen_right);
    }

    #[test]
    fn identical_inputs_give_only_equal_links(text in text()) {
        let comparison = run(&text, &text);
        for link in &comparison.alignment.links {
            prop_assert_eq!(link.kind, LinkKind::Equal);
            prop_assert_eq!(&link.left, &link.right);
        }
        prop_assert_eq!(comparison.alignment.links.len(), text.len());
    }

    #[test]
    fn swapping_the_sides_mirrors_the_links((left, right) in pair()) {
        let forward = run(&left, &right);
        let backward = run(&right, &left);
        let mirror = |kind: LinkKind| match kind {
            LinkKind::Deleted => LinkKind::Inserted,
            LinkKind::Inserted => LinkKind::Deleted,
            other => other,
        };
        let mut a: Vec<(Vec<usize>, Vec<usize>, LinkKind)> = forward
            .alignment
            .links
            .iter()
            .map(|k| (k.left.clone(), k.right.clone(), k.kind))
            .collect();
        let mut b: Vec<(Vec<usize>, Vec<usize>, LinkKind)> = backward
            .alignment
            .links
            .iter()
            .map(|k| (k.right.clone(), k.left.clone(), mirror(k.kind)))
            .collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn a_mirrored_comparison_equals_the_swapped_one((left, right) in pair()) {
        let mirrored = run(&left, &right).mirrored();
        let swapped = run(&right, &left);
        prop_assert_eq!(&mirrored.alignment.links, &swapped.alignment.links);
        // The operations still rebuild the (now swapped) sides.
        let l: Vec<&str> = right.iter().map(String::as_str).collect();
        let r: Vec<&str> = left.iter().map(String::as_str).collect();
        for (link, ops) in mirrored.alignment.links.iter().zip(&mirrored.ops) {
            let (a, b) = diff::rebuild(ops);
            prop_assert_eq!(a, compare::joined(&l, &link.left));
            prop_assert_eq!(b, compare::joined(&r, &link.right));
        }
    }
}

// ---- The ledger ------------------------------------------------------------

const FACT_WORDS: &[&str] = &[
    "Yulia",
    "Peresild,",
    "36,",
    "36-year-old",
    "(38)",
    "$5",
    "million",
    "tens",
    "of",
    "dollars",
    "last",
    "year",
    "on",
    "Tuesday",
    "October",
    "5",
    "05.10.2021",
    "twelve",
    "days",
    "3,000",
    "candidates",
    "\"",
    "“",
    "”",
    "told",
    "she",
    "said",
    "Chipenko",
    "Shipenko",
    "more",
    "than",
    "60th",
    "%",
];

fn fact_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(FACT_WORDS), 1..14)
            .prop_map(|words| format!("{}.", words.join(" "))),
        1..8,
    )
    .prop_map(|sentences| sentences.join(" "))
}

fn article(id: &str, text: &str) -> spacefilm::corpus::Article {
    use spacefilm::corpus::{Source, decode::decode, parse::parse_article};
    let decoded = decode(text.as_bytes().to_vec(), None).expect("text");
    parse_article(id.to_owned(), Source::File(id.into()), decoded)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Whatever the text, the ledger is built, every mention points at its
    /// words in its sentence, and a fact whose values all agree is no
    /// conflict.
    #[test]
    fn ledger_mentions_point_into_their_sentences(a in fact_text(), b in fact_text()) {
        let articles = [article("a", &a), article("b", &b)];
        let refs: Vec<&spacefilm::corpus::Article> = articles.iter().collect();
        let ledger = spacefilm::compare::facts::ledger(&refs, &Budget::unlimited());
        for fact in &ledger.facts {
            for m in &fact.mentions {
                let sentence = articles[m.article].sentence_text(m.sentence);
                prop_assert_eq!(sentence.get(m.span.clone()), Some(m.text.as_str()));
            }
            let first = &fact.mentions[0].value;
            if fact.kind != spacefilm::compare::facts::FactKind::Quote
                && fact.mentions.iter().all(|m| &m.value == first)
            {
                prop_assert!(!fact.conflict, "{:?}", fact);
            }
        }
    }
}

// ---- Any bytes, any text ---------------------------------------------------

#[path = "../fuzz/checks.rs"]
mod checks;

/// Pieces that broke byte offsets before, or that the scanners treat
/// specially: no-break spaces, combining marks, curly quotes and
/// guillemets, letters whose lower case changes byte length, controls and
/// invisible characters, Markdown, datelines.
const TROUBLE: &[&str] = &[
    "\u{A0}",
    "\u{202F}",
    "\u{2009}",
    "\u{301}",
    "\u{307}",
    "“",
    "”",
    "„",
    "«",
    "»",
    "’",
    "\"",
    "İ",
    "ß",
    "ẞ",
    "Ⱥ",
    "Ω",
    ".",
    "!",
    "?",
    "…",
    ":",
    ";",
    ",",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r",
    "\t",
    "3",
    "000",
    "1.5",
    "12",
    "2021",
    "%",
    "€",
    "$",
    "(",
    ")",
    "[",
    "](http://x.y/a.b)",
    "#",
    "*",
    "-",
    "|",
    "—",
    "\u{200B}",
    "\u{202E}",
    "\u{FEFF}",
    "\x1b[2J",
    "\u{9b}",
    "word",
    "Word",
    "Dr.",
    "U.S.",
    "a.m.",
    "et al.",
    "(AFP) —",
    "By Anna Berg",
    "MOSCOW",
    "Oct. 5",
    "said",
    "told AFP",
    "36-year-old",
    "Юлия",
    "上一",
    "👨‍👩‍👧‍👦",
    "🇷🇺",
    "⟨U+200B⟩",
];

fn trouble() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TROUBLE), 0..80).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_load_and_print_inert(
        encoding in any::<Option<u8>>(),
        width in any::<u8>(),
        bytes in prop::collection::vec(any::<u8>(), 0..2000),
    ) {
        checks::check_load(&checks::LoadInput { encoding, width, bytes });
    }

    #[test]
    fn troublesome_text_loads_and_prints_inert(text in trouble(), width in any::<u8>()) {
        checks::check_load(&checks::LoadInput { encoding: None, width, bytes: text.into_bytes() });
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(80))]

    #[test]
    fn troublesome_pairs_compare_with_every_invariant(
        left in trouble(),
        right in trouble(),
        ignore in any::<bool>(),
        width in any::<u8>(),
    ) {
        checks::check_compare(&checks::PairInput {
            left,
            right,
            ignore_case_and_punctuation: ignore,
            width,
        });
    }

    #[test]
    fn troublesome_sets_make_a_sound_ledger(texts in prop::collection::vec(trouble(), 2..4), width in any::<u8>()) {
        checks::check_set(&checks::SetInput { texts, width });
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_app_draws_troublesome_text_at_any_size(
        texts in prop::collection::vec(trouble(), 1..3),
        keys in prop::collection::vec(any::<u8>(), 0..40),
        sizes in prop::collection::vec((0u16..400, 0u16..160), 1..4),
        colour in any::<bool>(),
    ) {
        let mut steps: Vec<checks::Step> = keys.into_iter().map(checks::Step::Key).collect();
        for (k, (w, h)) in sizes.into_iter().enumerate() {
            steps.insert((k * 7).min(steps.len()), checks::Step::Resize(w, h));
        }
        checks::check_app(&checks::AppInput { texts, colour, steps });
    }
}
