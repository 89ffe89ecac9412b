//! How far a long job has got (a load, the grouping of stories), shared
//! between the thread doing it and the one drawing a progress bar. Relaxed
//! atomics: the figures are for a person to watch, and a frame that shows
//! one a step behind is fine.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A job's stage (what it is counting, in the plural: `files`,
/// `articles`), the items it has to do in that stage and those done.
#[derive(Debug, Default)]
pub struct Progress {
    total: AtomicUsize,
    done: AtomicUsize,
    stage: Mutex<Stage>,
}

/// What a stage does and what it counts: (`reading`, `files`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stage {
    pub doing: &'static str,
    pub counting: &'static str,
}

impl Progress {
    /// Starts a stage of `total` items, none done.
    pub fn start(&self, doing: &'static str, counting: &'static str, total: usize) {
        if let Ok(mut stage) = self.stage.lock() {
            *stage = Stage { doing, counting };
        }
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    /// Counts `items` more done.
    pub fn advance(&self, items: usize) {
        self.done.fetch_add(items, Ordering::Relaxed);
    }

    /// The stage, its items done (at most the total) and its total.
    pub fn snapshot(&self) -> (Stage, usize, usize) {
        let stage = self.stage.lock().map(|stage| *stage).unwrap_or_default();
        let total = self.total.load(Ordering::Relaxed);
        (stage, self.done.load(Ordering::Relaxed).min(total), total)
    }

    /// "reading 2500 of 10000 files", or `idle` before any stage began.
    pub fn describe(&self, idle: &str) -> String {
        match self.snapshot() {
            (stage, done, total) if total > 0 && !stage.doing.is_empty() => {
                format!("{} {done} of {total} {}", stage.doing, stage.counting)
            }
            _ => idle.to_owned(),
        }
    }

    /// The share done, 0–1 (0 before a stage began).
    pub fn ratio(&self) -> f64 {
        match self.snapshot() {
            (_, done, total) if total > 0 => done as f64 / total as f64,
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_counts_from_nought_and_says_what_it_counts() {
        let progress = Progress::default();
        assert_eq!(progress.describe("waiting"), "waiting");
        progress.start("reading", "files", 4);
        progress.advance(3);
        assert_eq!(progress.describe("waiting"), "reading 3 of 4 files");
        assert_eq!(progress.ratio(), 0.75);
        progress.start("judging", "pairs", 10);
        progress.advance(20);
        assert_eq!(progress.describe(""), "judging 10 of 10 pairs");
        assert_eq!(progress.ratio(), 1.0);
    }
}
