//! Work done away from the UI thread. `update` asks for a comparison, a
//! ledger or a collation with a request; the run loop executes it on a thread and hands the result back
//! as an action, so input is never blocked. Tests execute requests inline.

use std::sync::Arc;

use crate::compare::{self, Budget, CompareOptions, DEFAULT_BUDGET, collate, facts, stories};
use crate::corpus::Article;

use super::app::Action;

#[derive(Debug, Clone)]
pub enum Request {
    Compare {
        /// Answers to an older job are ignored.
        job: u64,
        articles: Arc<Vec<Article>>,
        left: usize,
        right: usize,
        options: CompareOptions,
    },
    /// The discrepancy ledger of every article.
    Facts {
        job: u64,
        articles: Arc<Vec<Article>>,
    },
    /// The similarity matrix and the stories of every article.
    Stories {
        job: u64,
        articles: Arc<Vec<Article>>,
        /// Where the grouping counts what it has done, for a progress bar.
        progress: Arc<crate::progress::Progress>,
    },
    /// Every article collated against `base`.
    Collate {
        job: u64,
        articles: Arc<Vec<Article>>,
        base: usize,
        /// The versions to set under the base; `None`: the base's story.
        versions: Option<Vec<usize>>,
    },
}

impl Request {
    /// The job this request answers.
    pub fn job(&self) -> u64 {
        match self {
            Request::Compare { job, .. }
            | Request::Facts { job, .. }
            | Request::Stories { job, .. }
            | Request::Collate { job, .. } => *job,
        }
    }
}

/// [`execute`] under [`crate::catch::catch`]: a panic in the work (a bug of
/// ours) comes back as [`Action::Failed`], and the app goes on.
pub fn execute_caught(request: Request) -> Action {
    let job = request.job();
    crate::catch::catch(move || execute(request))
        .unwrap_or_else(|message| Action::Failed { job, message })
}

/// Does the work of a request and returns what to tell the app.
pub fn execute(request: Request) -> Action {
    match request {
        Request::Compare {
            job,
            articles,
            left,
            right,
            options,
        } => {
            let comparison = compare::compare(
                &articles[left],
                &articles[right],
                options,
                &Budget::new(DEFAULT_BUDGET),
            );
            Action::Compared {
                job,
                comparison: Box::new(comparison),
            }
        }
        Request::Facts { job, articles } => {
            let all: Vec<&Article> = articles.iter().collect();
            let ledger = facts::ledger(&all, &Budget::new(DEFAULT_BUDGET));
            Action::Ledger {
                job,
                ledger: Box::new(ledger),
            }
        }
        Request::Stories {
            job,
            articles,
            progress,
        } => {
            let all: Vec<&Article> = articles.iter().collect();
            let map = stories::map_counted(&all, &Budget::new(DEFAULT_BUDGET), &progress);
            Action::Mapped {
                job,
                map: Box::new(map),
            }
        }
        Request::Collate {
            job,
            articles,
            base,
            versions,
        } => {
            let budget = Budget::new(DEFAULT_BUDGET);
            let all: Vec<&Article> = articles.iter().collect();
            // The base's story, found as `matrix` groups stories.
            let members: Vec<usize> = match versions {
                Some(versions) => std::iter::once(base)
                    .chain(versions.into_iter().filter(|&v| v != base))
                    .collect(),
                None => stories::stories(&all, &budget)
                    .into_iter()
                    .find(|story| story.contains(&base))
                    .unwrap_or_else(|| vec![base]),
            };
            let chosen: Vec<&Article> = members.iter().map(|&i| all[i]).collect();
            let at = members.iter().position(|&i| i == base).unwrap_or(0);
            let mut collation = collate::collate(&chosen, at, CompareOptions::default(), &budget);
            // Back to indices into all the articles.
            collation.base = members[collation.base];
            for version in &mut collation.versions {
                *version = members[*version];
            }
            Action::Collated {
                job,
                collation: Box::new(collation),
            }
        }
    }
}
