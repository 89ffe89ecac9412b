//! Peak heap memory of align + word diff on the 100k-word pairs, measured
//! with a counting allocator. Target: under 50 MB. Prints one line a pair.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use spacefilm::compare::{Budget, CompareOptions, compare_sentences};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with the same layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let vocabulary = common::Vocabulary::new(20_000, 1);
    let original = common::document(100_000, &vocabulary, 2);
    let versions = [
        (
            "near-identical",
            common::near_identical(&original, &vocabulary, 3),
        ),
        (
            "paraphrased",
            common::paraphrased(&original, &vocabulary, 4),
        ),
        ("unrelated", common::document(100_000, &vocabulary, 5)),
    ];
    let left = common::sentences(&original);
    for (name, version) in &versions {
        let right = common::sentences(version);
        let before = CURRENT.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let comparison = compare_sentences(
            &left,
            &right,
            CompareOptions::default(),
            &Budget::unlimited(),
        );
        let peak = PEAK.load(Ordering::Relaxed) - before;
        println!(
            "align+diff 100k words, {name}: peak {:.1} MB above the inputs ({} links)",
            peak as f64 / 1e6,
            comparison.alignment.links.len()
        );
    }
}
