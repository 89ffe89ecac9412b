//! The serde types of the JSON contract (`shared/spec/json-output.md`).
//! Field names are the contract: add fields, never rename or drop one.

use serde::Serialize;

use crate::corpus::Article;

/// `list --format json`.
#[derive(Debug, Serialize)]
pub struct ArticleList<'a> {
    pub articles: Vec<ArticleSummary<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ArticleSummary<'a> {
    pub id: &'a str,
    /// A short name that tells this article apart from the others listed.
    pub label: &'a str,
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub agency: Option<&'a str>,
    pub place: Option<&'a str>,
    pub truncated: bool,
    pub outlet: Option<&'a str>,
    pub date: Option<&'a str>,
    pub url: Option<&'a str>,
    pub language: Option<&'a str>,
    pub credit: Option<&'a str>,
    pub copyright: Option<&'a str>,
    pub captions: &'a [String],
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub source: String,
    pub encoding: &'a str,
    pub notices: Vec<String>,
}

impl<'a> ArticleSummary<'a> {
    pub fn of(article: &'a Article) -> Self {
        let meta = &article.meta;
        ArticleSummary {
            id: &article.id,
            label: &article.label,
            title: meta.title.as_deref(),
            byline: meta.byline.as_deref(),
            agency: meta.agency.as_deref(),
            place: meta.place.as_deref(),
            truncated: meta.truncated,
            outlet: meta.outlet.as_deref(),
            date: meta.date.as_deref(),
            url: meta.url.as_deref(),
            language: meta.language.as_deref(),
            credit: meta.credit.as_deref(),
            copyright: meta.copyright.as_deref(),
            captions: &meta.captions,
            words: article.word_count(),
            sentences: article.sentences.len(),
            paragraphs: article.paragraphs.len(),
            source: article.source.to_string(),
            encoding: article.encoding,
            notices: article.notices.iter().map(ToString::to_string).collect(),
        }
    }
}

pub fn article_list(articles: &[Article]) -> ArticleList<'_> {
    ArticleList {
        articles: articles.iter().map(ArticleSummary::of).collect(),
    }
}

/// One side of `align` and `diff`: the article and its body's sentences.
#[derive(Debug, Serialize)]
pub struct Side<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub title: Option<&'a str>,
    pub language: Option<&'a str>,
    pub sentences: Vec<SentenceOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SentenceOut<'a> {
    pub text: &'a str,
    pub paragraph: usize,
    /// The dateline the sentence starts with, where a story goes on from a
    /// second place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<&'a str>,
}

impl<'a> Side<'a> {
    pub fn of(article: &'a Article) -> Self {
        Side {
            id: &article.id,
            label: &article.label,
            title: article.meta.title.as_deref(),
            language: article.meta.language.as_deref(),
            sentences: (0..article.sentences.len())
                .map(|i| SentenceOut {
                    text: article.sentence_text(i),
                    paragraph: article.sentences[i].paragraph,
                    dateline: article.sentence_dateline(i),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct LinkOut<'a> {
    pub left: &'a [usize],
    pub right: &'a [usize],
    pub kind: crate::compare::LinkKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f32>,
    /// How sure a pairing found on shared rare words is, 0..1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ops: Option<&'a [crate::compare::Op]>,
}

#[derive(Debug, Serialize)]
pub struct Counts {
    pub equal: usize,
    pub changed: usize,
    pub moved: usize,
    pub deleted: usize,
    pub inserted: usize,
}

/// `align --format json` and, with operations, `diff --format json`.
#[derive(Debug, Serialize)]
pub struct AlignmentOut<'a> {
    pub left: Side<'a>,
    pub right: Side<'a>,
    pub links: Vec<LinkOut<'a>>,
    pub similarity: f32,
    /// `lexical` (one language) or `cross-language`.
    pub method: &'static str,
    pub counts: Counts,
    /// Present when the time budget ran out and the result is coarser.
    pub coarse: &'a [crate::compare::Coarse],
}

pub fn alignment<'a>(
    left: &'a Article,
    right: &'a Article,
    comparison: &'a crate::compare::Comparison,
    with_ops: bool,
) -> AlignmentOut<'a> {
    let [equal, changed, moved, deleted, inserted] = comparison.alignment.counts();
    AlignmentOut {
        left: Side::of(left),
        right: Side::of(right),
        links: comparison
            .alignment
            .links
            .iter()
            .zip(&comparison.ops)
            .map(|(link, ops)| LinkOut {
                left: &link.left,
                right: &link.right,
                kind: link.kind,
                similarity: (!link.left.is_empty() && !link.right.is_empty())
                    .then(|| (link.similarity * 1000.0).round() / 1000.0),
                confidence: link.confidence.map(|c| (c * 1000.0).round() / 1000.0),
                ops: with_ops.then_some(ops.as_slice()),
            })
            .collect(),
        similarity: (comparison.alignment.similarity * 1000.0).round() / 1000.0,
        method: comparison.alignment.method.name(),
        counts: Counts {
            equal,
            changed,
            moved,
            deleted,
            inserted,
        },
        coarse: &comparison.coarse,
    }
}
