//! Peak heap memory of story grouping of 10,000 generated articles of
//! about 800 words, measured with a counting allocator, above the texts
//! themselves.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

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
    let (texts, _) = common::story_corpus(10_000, 800, 42);
    let input: usize = texts.iter().map(String::len).sum();
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let groups = common::group_stories(&texts);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!(
        "stories of 10k articles ({:.1} MB of text): peak {:.1} MB above the texts, {} groups",
        input as f64 / 1e6,
        peak as f64 / 1e6,
        groups.len()
    );
}
