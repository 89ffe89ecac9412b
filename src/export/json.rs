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
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub date: Option<&'a str>,
    pub url: Option<&'a str>,
    pub language: Option<&'a str>,
    pub credit: Option<&'a str>,
    pub copyright: Option<&'a str>,
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
            title: meta.title.as_deref(),
            byline: meta.byline.as_deref(),
            outlet: meta.outlet.as_deref(),
            date: meta.date.as_deref(),
            url: meta.url.as_deref(),
            language: meta.language.as_deref(),
            credit: meta.credit.as_deref(),
            copyright: meta.copyright.as_deref(),
            words: article.word_count,
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
