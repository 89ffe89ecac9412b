//! Names of people and organisations: runs of capitalised words, and the
//! test that tells two spellings of one name (`Peresild`/`Peressild`,
//! `Shipenko`/`Chipenko`, `Yulia`/`Julia`) from two names.

use std::ops::Range;

use super::scan::Token;
use crate::compare::tokens::{fold, is_stopword, split_contraction, translit_key};
use crate::corpus::dates::{month_number, weekday_number};
use crate::lang::{self, Language};

/// A run of capitalised words, by token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    pub tokens: Range<usize>,
}

/// A word without its possessive ending: `Gagarin’s` → `Gagarin`.
pub fn bare(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

/// Whether a word may be part of a name: capitalised, with lower-case
/// letters (so not an acronym), not a function word, month or weekday, and
/// not a word the language says is never a name by itself (`Actress`,
/// `President`, `United`).
fn name_word(token: &Token, language: &Language) -> bool {
    if !token.is_word() || !token.is_capitalised() {
        return false;
    }
    let word = bare(token.text);
    // The cheap tests first: most capitalised words fail none of them.
    if !word.chars().skip(1).any(char::is_lowercase) || word.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let folded = fold(word);
    let (base, _) = split_contraction(&folded);
    let english = lang::known("en");
    let common = [Some(language), english].into_iter().flatten().any(|l| {
        l.is_stopword(base)
            || l.is_not_name(word)
            || l.month(word).is_some()
            || l.weekday(word).is_some()
    });
    !is_stopword(base) && !common && month_number(word).is_none() && weekday_number(word).is_none()
}

/// The names of a sentence. A sentence's first word alone counts only when
/// `known` says it is a name elsewhere (written capitalised mid-sentence).
/// `common` says whether a (lower-case) word is written in lower case
/// somewhere in the corpus.
pub fn find(
    tokens: &[Token],
    known: &dyn Fn(&str) -> bool,
    common: &dyn Fn(&str) -> bool,
    language: &Language,
) -> Vec<NameSpan> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !name_word(&tokens[i], language) {
            i += 1;
            continue;
        }
        let start = i;
        while i < tokens.len() && name_word(&tokens[i], language) {
            i += 1;
            // A possessive ends the name: "Gagarin’s feat".
            if bare(tokens[i - 1].text) != tokens[i - 1].text {
                break;
            }
        }
        let mut start = start;
        let first_of_sentence = !tokens[..start]
            .iter()
            .any(|t| t.is_word() || t.is("\"") || t.is("“"));
        // "Dmitry Rogozin, the head…" opens with a name: a run of two
        // capitalised words is one, even at the start; but "Since Mikkel
        // Dahlgaard" opens with a word the corpus writes in lower case.
        let word = bare(tokens[start].text);
        if first_of_sentence && !known(word) && (i - start == 1 || common(&word.to_lowercase())) {
            start += 1;
        }
        if start < i {
            spans.push(NameSpan { tokens: start..i });
        }
    }
    spans
}

/// A name in Latin letters: transliterated by the table of the script it
/// is written in (Cyrillic, Greek), else as it is.
pub fn latin(name: &str) -> std::borrow::Cow<'_, str> {
    if name.is_ascii() {
        return std::borrow::Cow::Borrowed(name);
    }
    match name
        .chars()
        .filter(|c| !c.is_ascii())
        .find_map(lang::script_of)
        .and_then(|script| script.transliterate(name))
    {
        Some(latin) => std::borrow::Cow::Owned(latin),
        None => std::borrow::Cow::Borrowed(name),
    }
}

/// Whether two spellings are one name: the same transliteration key (or
/// keys one transposition apart), and few letters changed. Names in other
/// scripts are compared in Latin letters (`Путин`, `Putin`).
pub fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (latin(a), latin(b));
    let (a, b) = (a.as_ref(), b.as_ref());
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    let longest = fa.chars().count().max(fb.chars().count());
    if longest < 4 {
        return false;
    }
    let (ka, kb) = (translit_key(a), translit_key(b));
    let keys_meet = ka == kb || (ka.chars().count() >= 5 && strsim::osa_distance(&ka, &kb) <= 1);
    // With one consonant skeleton, a long name may differ by a third of its
    // letters (`Echeverría`/`Etcheverry`); else by a quarter.
    let letters = if ka == kb { longest / 3 } else { longest / 4 };
    keys_meet && strsim::damerau_levenshtein(&fa, &fb) <= 2.max(letters)
}

#[cfg(test)]
mod tests {
    use super::super::scan::tokens;
    use super::*;

    fn names(text: &str, known: &[&str]) -> Vec<String> {
        let tokens = tokens(text);
        find(
            &tokens,
            &|w| known.contains(&w),
            &|_| false,
            lang::language(Some("en")),
        )
        .into_iter()
        .map(|s| {
            tokens[s.tokens]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
    }

    #[test]
    fn runs_of_capitalised_words() {
        assert_eq!(
            names(
                "On Oct. 5, actress Yulia Peresild flies with NASA and Klim Shipenko.",
                &[]
            ),
            ["Yulia Peresild", "Klim Shipenko"]
        );
        assert_eq!(names("Peresild told AFP.", &["Peresild"]), ["Peresild"]);
        assert_eq!(names("Shoot the film.", &[]), Vec::<String>::new());
        // Titles and common words are not names by themselves.
        assert_eq!(
            names(
                "said Actress Yulia Peresild and Director Klim Shipenko of the United States.",
                &[]
            ),
            ["Yulia Peresild", "Klim Shipenko"]
        );
        assert_eq!(
            names("After Yuri Gagarin’s feat, Moscow won.", &[]),
            ["Yuri Gagarin’s", "Moscow"]
        );
    }

    #[test]
    fn spellings_of_one_name() {
        for (a, b) in [
            ("Peresild", "Peressild"),
            ("Shipenko", "Chipenko"),
            ("Rogozin", "Rogozine"),
            ("Yulia", "Julia"),
            ("Kalachev", "Kalatchev"),
            ("Shkaplerov", "Shkalperov"),
            ("Galchonok", "Galtshonok"),
        ] {
            assert!(same_name(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("Russia", "Rose"),
            ("Ernst", "Musk"),
            ("Moscow", "Mexico"),
            ("Peresild", "Shipenko"),
        ] {
            assert!(!same_name(a, b), "{a} / {b}");
        }
    }
}
