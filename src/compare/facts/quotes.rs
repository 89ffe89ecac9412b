//! Quotations and who is said to speak them: `"…," Peresild told AFP`,
//! `She says, "…"`, `according to Rogozin`.

use std::ops::Range;

use super::names::{NameSpan, bare};
use super::scan::Token;
use crate::lang::{self, Language};

/// Fewer words than this between quote marks is a scare quote (`"afraid"`),
/// not speech.
const MIN_WORDS: usize = 3;

/// A quotation in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The words inside the quote marks, by byte range of the sentence.
    pub inner: Range<usize>,
    /// The closing mark is there (a cut-off copy may end inside a quote).
    pub closed: bool,
    /// The speaker: a name span of the sentence, or a pronoun to resolve.
    pub speaker: Option<Speaker>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    Name(usize),
    Pronoun,
}

/// The quote pairs of the language, then those of every language.
fn pairs(language: &Language) -> impl Iterator<Item = (char, char)> + '_ {
    language
        .quote_pairs
        .iter()
        .chain(Language::neutral().quote_pairs.iter())
        .copied()
}

fn mark(t: &Token) -> Option<char> {
    let mut chars = t.text.chars();
    let c = chars.next()?;
    (chars.next().is_none() && !t.is_word()).then_some(c)
}

fn opens(t: &Token, language: &Language) -> bool {
    mark(t).is_some_and(|c| pairs(language).any(|(open, _)| open == c))
}

fn closes(t: &Token, opener: char, language: &Language) -> bool {
    mark(t).is_some_and(|c| pairs(language).any(|(open, close)| open == opener && close == c))
}

/// The quotations of a sentence, with their speakers.
pub fn find(text: &str, tokens: &[Token], names: &[NameSpan], language: &Language) -> Vec<Quote> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !opens(&tokens[i], language) {
            i += 1;
            continue;
        }
        let opener = mark(&tokens[i]).unwrap_or('"');
        let close = (i + 1..tokens.len())
            .find(|&j| closes(&tokens[j], opener, language))
            .unwrap_or(tokens.len());
        spans.push(i..close);
        i = close + 1;
    }
    spans
        .iter()
        .filter(|s| {
            tokens[s.start + 1..s.end]
                .iter()
                .filter(|t| t.is_word())
                .count()
                >= MIN_WORDS
        })
        .map(|s| {
            let start = tokens[s.start].range.end;
            let end = tokens.get(s.end).map_or(text.len(), |t| t.range.start);
            Quote {
                inner: start..end,
                closed: s.end < tokens.len(),
                speaker: speaker(tokens, names, &spans, language),
            }
        })
        .collect()
}

/// The speaker named next to a speech verb outside every quotation.
fn speaker(
    tokens: &[Token],
    names: &[NameSpan],
    quotes: &[Range<usize>],
    language: &Language,
) -> Option<Speaker> {
    let outside = |k: usize| !quotes.iter().any(|q| q.start <= k && k <= q.end);
    let english = lang::known("en");
    let languages = || [Some(language), english].into_iter().flatten();
    let verbs = (0..tokens.len()).filter(|&k| {
        outside(k)
            && tokens[k].is_word()
            && languages().any(|l| l.speech_verbs.contains(tokens[k].lower()))
    });
    let word = |k: usize| tokens.get(k).filter(|t| t.is_word()).map(Token::lower);
    let according = (0..tokens.len()).filter_map(|k| {
        let (len, _) = languages().find_map(|l| l.according_to.longest(word, k))?;
        outside(k).then_some(k + len - 1)
    });
    for verb in verbs.chain(according.map(|k| k + 1)) {
        // "Peresild told", "said Chipenko"; but "told Pravda" names the
        // listener.
        let listener_follows = languages().any(|l| l.listener_verbs.contains(tokens[verb].lower()));
        // A place after a preposition is no speaker (`said in Moscow`).
        let placed = |s: &NameSpan| {
            s.tokens.start > 0
                && languages().any(|l| {
                    l.place_prepositions
                        .contains(tokens[s.tokens.start - 1].lower())
                })
        };
        let near = |s: &NameSpan| {
            let before = s.tokens.end <= verb && verb - s.tokens.end <= 2;
            let after = !listener_follows && s.tokens.start > verb && s.tokens.start - verb <= 2;
            (before || after) && outside(s.tokens.start) && !placed(s)
        };
        if let Some(k) = names.iter().position(near) {
            // `said Cal Fire spokesperson Dana Whitcombe`: the person after
            // an organisation and a role speaks.
            let role_then_person = names.iter().position(|s| {
                let gap = names[k].tokens.end..s.tokens.start;
                s.tokens.start > names[k].tokens.end
                    && gap.len() <= 2
                    && tokens[gap]
                        .iter()
                        .all(|t| t.is_word() && languages().any(|l| l.is_not_name(t.text)))
            });
            return Some(Speaker::Name(role_then_person.unwrap_or(k)));
        }
        let pronoun = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| t.is_word() && languages().any(|l| l.pronouns.contains(t.lower())))
        };
        if pronoun(verb.wrapping_sub(1)) || pronoun(verb + 1) {
            return Some(Speaker::Pronoun);
        }
    }
    None
}

/// The words of a quotation, folded, for comparing wordings.
pub fn wording(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| crate::compare::tokens::fold(bare(w)).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::names;
    use super::super::scan::tokens;
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let tokens = tokens(text);
        let en = lang::language(Some("en"));
        let names = names::find(&tokens, &|w| w == "Peresild", &|_| false, en);
        find(text, &tokens, &names, en)
            .into_iter()
            .map(|q| {
                let speaker = q.speaker.map(|s| match s {
                    Speaker::Name(k) => tokens[names[k].tokens.clone()]
                        .iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" "),
                    Speaker::Pronoun => "(pronoun)".to_owned(),
                });
                (text[q.inner].to_owned(), speaker)
            })
            .collect()
    }

    #[test]
    fn quotes_and_speakers() {
        assert_eq!(
            quotes(r#""I really want us to be the best," Peresild told AFP."#),
            [(
                "I really want us to be the best,".to_owned(),
                Some("Peresild".to_owned())
            )]
        );
        assert_eq!(
            quotes("“There is no one who can give us advice,” Shipenko said."),
            [(
                "There is no one who can give us advice,".to_owned(),
                Some("Shipenko".to_owned())
            )]
        );
        assert_eq!(
            quotes(r#"She says, "We will have to film in space.""#),
            [(
                "We will have to film in space.".to_owned(),
                Some("(pronoun)".to_owned())
            )]
        );
        assert_eq!(quotes(r#"She felt "afraid" then."#), []);
        assert_eq!(
            quotes("“Cinema has always been a weapon,” he told the daily."),
            [(
                "Cinema has always been a weapon,".to_owned(),
                Some("(pronoun)".to_owned())
            )]
        );
    }

    #[test]
    fn wordings_ignore_case_and_punctuation() {
        assert_eq!(
            wording("I’m not a superhero,"),
            wording("i'm NOT a superhero")
        );
        assert_ne!(wording("not a superhero"), wording("not a superhuman"));
    }
}
