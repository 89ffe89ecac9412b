//! Scoring an alignment against a gold of sentence snippets, the way
//! `shared/eval/score_align.py` does: strict F1 over sentence pairs, lax
//! recall over gold links, one-sided gold links left unpaired.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

pub fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The scores of `score_align.py`: strict F1 over sentence pairs, lax recall
/// over gold links, and one-sided gold links left unpaired.
pub struct Scores {
    pub strict_f1: f64,
    pub lax_recall: f64,
    pub unpaired_ok: usize,
    pub unpaired_total: usize,
}

/// Scores the sentence pairs `tool_pairs` (left index, right index) against
/// a gold of snippets, as `shared/eval/score_align.py` does.
pub fn score(
    gold: &Value,
    left: &[&str],
    right: &[&str],
    tool_pairs: &HashSet<(usize, usize)>,
) -> Scores {
    let lsent: Vec<String> = left.iter().map(|s| norm(s)).collect();
    let rsent: Vec<String> = right.iter().map(|s| norm(s)).collect();
    let find = |snippet: &str, sents: &[String]| -> HashSet<usize> {
        let n = norm(snippet);
        sents
            .iter()
            .enumerate()
            .filter(|(_, s)| s.contains(&n))
            .map(|(i, _)| i)
            .collect()
    };
    let mut lsnip: HashMap<String, HashSet<usize>> = HashMap::new();
    let mut rsnip: HashMap<String, HashSet<usize>> = HashMap::new();
    let mut gold_pairs: BTreeSet<(String, String)> = BTreeSet::new();
    let mut lax_links: Vec<Vec<(String, String)>> = Vec::new();
    let mut one_sided: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for link in gold["links"].as_array().unwrap() {
        let l: Vec<String> = link["left"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect();
        let r: Vec<String> = link["right"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect();
        for s in &l {
            lsnip.insert(s.clone(), find(s, &lsent));
        }
        for s in &r {
            rsnip.insert(s.clone(), find(s, &rsent));
        }
        let pairs: Vec<(String, String)> = l
            .iter()
            .flat_map(|a| r.iter().map(move |b| (a.clone(), b.clone())))
            .collect();
        if pairs.is_empty() {
            one_sided.push((l, r));
        } else {
            gold_pairs.extend(pairs.iter().cloned());
            lax_links.push(pairs);
        }
    }
    for (snippet, found) in lsnip.iter().chain(&rsnip) {
        assert!(
            !found.is_empty(),
            "gold snippet {snippet:?} is in no sentence"
        );
    }
    let found = |pair: &(String, String)| {
        lsnip[&pair.0]
            .iter()
            .any(|&i| rsnip[&pair.1].iter().any(|&j| tool_pairs.contains(&(i, j))))
    };
    let hit = gold_pairs.iter().filter(|p| found(p)).count();
    let recall = hit as f64 / gold_pairs.len() as f64;
    let of = |i: usize, snips: &HashMap<String, HashSet<usize>>| -> Vec<String> {
        snips
            .iter()
            .filter(|(_, ix)| ix.contains(&i))
            .map(|(s, _)| s.clone())
            .collect()
    };
    let judged: Vec<(usize, usize)> = tool_pairs
        .iter()
        .copied()
        .filter(|&(i, j)| !of(i, &lsnip).is_empty() && !of(j, &rsnip).is_empty())
        .collect();
    let good = judged
        .iter()
        .filter(|&&(i, j)| {
            of(i, &lsnip).iter().any(|a| {
                of(j, &rsnip)
                    .iter()
                    .any(|b| gold_pairs.contains(&(a.clone(), b.clone())))
            })
        })
        .count();
    let unpaired_l: HashSet<usize> = one_sided
        .iter()
        .flat_map(|(l, _)| l.iter().flat_map(|s| lsnip[s].iter().copied()))
        .collect();
    let unpaired_r: HashSet<usize> = one_sided
        .iter()
        .flat_map(|(_, r)| r.iter().flat_map(|s| rsnip[s].iter().copied()))
        .collect();
    let wrong_unpaired = tool_pairs
        .iter()
        .filter(|&&(i, j)| {
            (unpaired_l.contains(&i) || unpaired_r.contains(&j)) && !judged.contains(&(i, j))
        })
        .count();
    let denominator = judged.len() + wrong_unpaired;
    let precision = if denominator == 0 {
        1.0
    } else {
        good as f64 / denominator as f64
    };
    let strict_f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let lax = lax_links
        .iter()
        .filter(|link| link.iter().any(&found))
        .count() as f64
        / lax_links.len() as f64;
    let paired_left: HashSet<usize> = tool_pairs.iter().map(|p| p.0).collect();
    let paired_right: HashSet<usize> = tool_pairs.iter().map(|p| p.1).collect();
    let unpaired_ok = one_sided
        .iter()
        .filter(|(l, r)| {
            l.iter()
                .all(|s| lsnip[s].iter().all(|i| !paired_left.contains(i)))
                && r.iter()
                    .all(|s| rsnip[s].iter().all(|j| !paired_right.contains(j)))
        })
        .count();
    Scores {
        strict_f1,
        lax_recall: lax,
        unpaired_ok,
        unpaired_total: one_sided.len(),
    }
}

/// A mention as the scorer sees it: article, text and value, normalised.
type ScoredMention = (String, String, String);

/// (found, total) conflicts, false alarms, (linked, total) agreements, as
/// `score_facts.py` counts them.
pub fn score_facts(gold: &Value, tool: &Value) -> ((usize, usize), usize, (usize, usize)) {
    let facts: Vec<(bool, Vec<ScoredMention>)> = tool["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mentions = f["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["article"].as_str().unwrap().to_owned(),
                        norm(m["text"].as_str().unwrap()),
                        norm(m["value"].as_str().unwrap()),
                    )
                })
                .collect();
            (f["conflict"].as_bool().unwrap(), mentions)
        })
        .collect();
    let hits =
        |mentions: &[(String, String, String)], article: &str, snippet: &str| -> Vec<String> {
            mentions
                .iter()
                .filter(|(a, text, _)| a.starts_with(article) && text.contains(&norm(snippet)))
                .map(|(_, _, value)| value.clone())
                .collect()
        };
    let entries = |key: &str| -> Vec<[String; 4]> {
        gold[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| std::array::from_fn(|i| e[i].as_str().unwrap().to_owned()))
            .collect()
    };
    let conflicts = entries("conflicts");
    let found = conflicts
        .iter()
        .filter(|[a, sa, b, sb]| {
            facts.iter().any(|(conflict, ms)| {
                *conflict
                    && hits(ms, a, sa)
                        .iter()
                        .any(|x| hits(ms, b, sb).iter().any(|y| x != y))
            })
        })
        .count();
    let agreements = entries("agreements");
    let (mut alarms, mut linked) = (0, 0);
    for [a, sa, b, sb] in &agreements {
        let pairs = || {
            facts.iter().flat_map(|(_, ms)| {
                let (xs, ys) = (hits(ms, a, sa), hits(ms, b, sb));
                xs.into_iter()
                    .flat_map(move |x| ys.clone().into_iter().map(move |y| x == y))
            })
        };
        let bad = pairs().any(|same| !same);
        alarms += usize::from(bad);
        linked += usize::from(!bad && pairs().any(|same| same));
    }
    ((found, conflicts.len()), alarms, (linked, agreements.len()))
}
