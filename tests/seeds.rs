//! What the rules must get right on the seed corpus, through the public API.

use spacefilm::corpus::{Article, InlineStyle, seeds};

fn seed(prefix: &str) -> Article {
    seeds()
        .into_iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

fn sentences(article: &Article) -> Vec<&str> {
    (0..article.sentences.len())
        .map(|i| article.sentence_text(i))
        .collect()
}

fn body(article: &Article) -> String {
    article
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_five_seeds_are_embedded_with_their_ids() {
    let ids: Vec<String> = seeds().into_iter().map(|a| a.id).collect();
    assert_eq!(
        ids,
        [
            "000_0ac90385ad601620",
            "001_68204c46c6310e18",
            "002_f13625239639c7a3",
            "003_3d879c792c9c72a1",
            "004_ba6c03b084f54831"
        ]
    );
}

#[test]
fn seed_002_metadata() {
    let a = seed("002");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Russia Races Tom Cruise and Musk for First Movie in Space")
    );
    assert_eq!(a.meta.byline.as_deref(), Some("Marina Lapenkova"));
    assert_eq!(a.meta.agency.as_deref(), Some("AFP"));
    assert_eq!(a.meta.credit.as_deref(), Some("NASA / Roscosmos"));
    assert_eq!(a.meta.date.as_deref(), Some("2021-07-01"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some(
            "https://www.themoscowtimes.com/2021/07/01/russia-races-tom-cruise-and-musk-for-first-movie-in-space-a74394"
        )
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("The Moscow Times"));
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    let text = body(&a);
    for metadata in [
        "Marina Lapenkova",
        "July 01, 2021",
        "Original url",
        "themoscowtimes.com",
        "Russia Races Tom",
    ] {
        assert!(
            !text.contains(metadata),
            "{metadata:?} is metadata, not body"
        );
    }
}

#[test]
fn dates_from_the_date_prefix() {
    assert_eq!(seed("001").meta.date.as_deref(), Some("2021-10-06"));
    assert_eq!(seed("004").meta.date.as_deref(), Some("2022-02-23"));
    assert!(sentences(&seed("001"))[0].starts_with("Russia sent an actress"));
    assert!(sentences(&seed("004"))[0].starts_with("The dream of traveling"));
}

#[test]
fn seed_003_credit_is_not_body() {
    let a = seed("003");
    assert_eq!(a.meta.credit.as_deref(), Some("Pixabay/CC0 public domain"));
    assert!(!body(&a).contains("Pixabay"));
    assert!(sentences(&a)[0].starts_with("Sixty years after Soviet cosmonaut"));
    assert_eq!(a.meta.copyright.as_deref(), Some("2021 AFP"));
}

#[test]
fn seed_003_run_together_sentences_are_split() {
    let a = seed("003");
    let s = sentences(&a);
    for expected in [
        "Russia now faces Washington in a space race.",
        "This time, however, the stakes seem a little higher.",
        "Their mission?",
        "Film the first film from orbit before the Americans.",
        "Who is Doctor Who?",
        "They must believe in the impossible.",
        "Russia is a great place to send a film crew and a Japanese billionaire into space.",
    ] {
        assert!(s.contains(&expected), "missing sentence {expected:?}");
    }
    assert!(
        s.iter()
            .all(|x| !x.contains("race.This") && !x.contains("mission?Film"))
    );
}

#[test]
fn seed_002_cut_paragraph_is_healed() {
    let a = seed("002");
    let s = sentences(&a);
    assert!(
        s.iter()
            .any(|x| x
                .contains("Mission Impossible star Tom Cruise and Hollywood director Doug Liman")),
        "the sentence cut after 'Tom' is whole again"
    );
    assert!(!a.paragraphs.iter().any(|p| p.text.ends_with("star Tom")));
}

#[test]
fn markdown_is_styled_not_shown() {
    let a = seed("002");
    let text = body(&a);
    for markup in ["**", "](#)", "# ", "[On Gagarin"] {
        assert!(!text.contains(markup), "raw markup {markup:?} in the body");
    }
    let related = a
        .paragraphs
        .iter()
        .find(|p| p.text.starts_with("Related article:"))
        .expect("the related-article line stays as text");
    assert!(
        related
            .styles
            .iter()
            .any(|s| s.style.contains(InlineStyle::BOLD))
    );
    assert!(
        related
            .styles
            .iter()
            .any(|s| s.style.contains(InlineStyle::LINK))
    );
}

#[test]
fn abbreviations_and_quotes_keep_sentences_whole() {
    let s002 = seed("002");
    let s = sentences(&s002);
    assert!(
        s.iter()
            .any(|x| x.starts_with("On Oct. 5, one of Russia's most celebrated actresses"))
    );
    assert!(
        s.iter()
            .any(|x| x.ends_with("technological advancement to U.S. rivals."))
    );
    assert!(s.iter().any(|x| x.starts_with(
        "\"I really want us to be not only the first but also the best,\" Peresild told AFP"
    )));
    let s000 = seed("000");
    assert!(sentences(&s000).iter().any(|x| {
        x.starts_with("“Enough sleeping! Let’s be the heroes of the country!”, Proclaims")
    }));
}

#[test]
fn every_seed_has_a_title_language_and_body() {
    for a in seeds() {
        assert!(
            a.meta
                .title
                .as_deref()
                .is_some_and(|t| !t.is_empty() && t.chars().count() <= 65),
            "{}",
            a.id
        );
        assert_eq!(a.meta.language.as_deref(), Some("en"), "{}", a.id);
        assert!(a.sentences.len() >= 20, "{}", a.id);
        assert!(a.word_count() >= 550, "{}", a.id);
        assert!(a.notices.is_empty(), "{}: {:?}", a.id, a.notices);
    }
}

#[test]
fn fallback_titles_are_cut_at_a_word() {
    let a = seed("000");
    let title = a.meta.title.unwrap();
    assert!(title.ends_with('…'));
    let stem = title.trim_end_matches('…');
    assert!(sentences(&seed("000"))[0].starts_with(stem));
    let next = sentences(&seed("000"))[0][stem.len()..].chars().next();
    assert_eq!(next, Some(' '), "cut at a word boundary");
}
