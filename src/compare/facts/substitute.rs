//! Substitutions the alignment sees: in two aligned sentences of versions
//! in one language, a name replaced by another (`Shipenko`/`Klimenko`,
//! `Vyzov`/`Vesuvius`, `Liman`/`Lyman`) is a conflict, however little the
//! two look alike. The word diff already pairs what was deleted with what
//! was inserted in its place; a capitalised word for a capitalised word,
//! neither a common word, is a name changed.

use super::extract::Found;
use super::group::PairAlignment;
use super::names::bare;
use super::{Fact, FactKind, Mention};
use crate::compare::diff::{self, DiffOptions, OpKind};
use crate::corpus::segment;
use crate::lang::{self, Language};

/// A word of a sentence the diff deleted or inserted, by byte range.
#[derive(Debug, Clone)]
struct Changed {
    start: usize,
    text: String,
}

/// Conflicts of names substituted in aligned sentences that the other
/// passes do not already report (different values of one name, which
/// spelling variants are, are grouped there).
pub fn find(
    found: &[Found],
    pairs: &[PairAlignment],
    sentences: &[Vec<&str>],
    languages: &[&Language],
) -> Vec<Fact> {
    let mut facts = Vec::new();
    for pair in pairs {
        if languages[pair.a].code != languages[pair.b].code || languages[pair.a].is_neutral() {
            continue;
        }
        for link in &pair.links {
            let ([left], [right]) = (link.left.as_slice(), link.right.as_slice()) else {
                continue;
            };
            let (a, b) = (sentences[pair.a][*left], sentences[pair.b][*right]);
            if a == b {
                continue;
            }
            let Some(ops) = diff::diff(a, b, DiffOptions::default(), None) else {
                continue;
            };
            for (deleted, inserted) in replacements(&ops) {
                let language = languages[pair.a];
                if !is_name(a, &deleted, language) || !is_name(b, &inserted, language) {
                    continue;
                }
                let norm = |w: &str| {
                    let lower = w.to_lowercase();
                    language.spelling_norm(&lower).to_owned()
                };
                if super::names::same_name(&deleted.text, &inserted.text)
                    || norm(&deleted.text) == norm(&inserted.text)
                {
                    continue;
                }
                // A number or a date in the place of a name is no name.
                let covered = |article: usize, sentence: usize, at: usize| {
                    found.iter().any(|f| {
                        f.article == article
                            && f.sentence == sentence
                            && f.kind != FactKind::Name
                            && f.span.contains(&at)
                    })
                };
                if covered(pair.a, *left, deleted.start) || covered(pair.b, *right, inserted.start)
                {
                    continue;
                }
                let mention = |article: usize, sentence: usize, word: &Changed| Mention {
                    article,
                    sentence,
                    span: word.start..word.start + word.text.len(),
                    text: word.text.clone(),
                    value: word.text.clone(),
                    speaker: None,
                    cut_off: false,
                    partial: false,
                };
                facts.push(Fact {
                    kind: FactKind::Name,
                    label: format!("name: {} or {}", deleted.text, inserted.text),
                    conflict: true,
                    mentions: vec![
                        mention(pair.a, *left, &deleted),
                        mention(pair.b, *right, &inserted),
                    ],
                    quote_changes: Vec::new(),
                });
            }
        }
    }
    facts
}

/// Each deleted word replaced by one inserted word, where the diff puts a
/// single word out and a single word in at one place (whitespace and marks
/// aside).
fn replacements(ops: &[diff::Op]) -> Vec<(Changed, Changed)> {
    let mut out = Vec::new();
    let (mut left_at, mut right_at) = (0usize, 0usize);
    let mut k = 0;
    while k < ops.len() {
        let op = &ops[k];
        match op.op {
            OpKind::Equal => {
                left_at += op.text.len();
                right_at += op.text.len();
                k += 1;
            }
            OpKind::Delete | OpKind::Insert => {
                // A run of changes: its deleted and inserted words.
                let mut deleted = Vec::new();
                let mut inserted = Vec::new();
                while let Some(change) = ops.get(k).filter(|o| o.op != OpKind::Equal) {
                    let (list, at) = if change.op == OpKind::Delete {
                        (&mut deleted, &mut left_at)
                    } else {
                        (&mut inserted, &mut right_at)
                    };
                    list.extend(segment::words(&change.text).map(|range| Changed {
                        start: *at + range.start,
                        text: change.text[range].to_owned(),
                    }));
                    *at += change.text.len();
                    k += 1;
                }
                if let ([d], [i]) = (deleted.as_slice(), inserted.as_slice()) {
                    out.push((d.clone(), i.clone()));
                }
            }
        }
    }
    out
}

/// A capitalised word that is not the first of its sentence, nor a common
/// word of the language (`Actress`, a month, a function word).
fn is_name(sentence: &str, word: &Changed, language: &Language) -> bool {
    let text = bare(&word.text);
    let capitalised = text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().skip(1).any(char::is_lowercase);
    let first = sentence[..word.start].chars().all(|c| !c.is_alphanumeric());
    let english = lang::known("en");
    let common = [Some(language), english].into_iter().flatten().any(|l| {
        l.is_stopword(&text.to_lowercase())
            || l.is_not_name(text)
            || l.month(text).is_some()
            || l.weekday(text).is_some()
    });
    capitalised && !first && !common && text.chars().count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replaced(a: &str, b: &str) -> Vec<(String, String)> {
        let ops = diff::diff(a, b, DiffOptions::default(), None).unwrap();
        replacements(&ops)
            .into_iter()
            .map(|(d, i)| {
                assert_eq!(&a[d.start..d.start + d.text.len()], d.text);
                assert_eq!(&b[i.start..i.start + i.text.len()], i.text);
                (d.text, i.text)
            })
            .collect()
    }

    #[test]
    fn a_word_for_a_word() {
        assert_eq!(
            replaced(
                "The film is directed by Klim Shipenko, who also shoots it.",
                "The film is directed by Klim Klimenko, who also shoots it."
            ),
            [("Shipenko".to_owned(), "Klimenko".to_owned())]
        );
        assert!(replaced("A cat sat.", "A cat sat down.").is_empty());
    }
}
