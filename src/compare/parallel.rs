//! Independent pieces of work (one per article, one per pair of articles)
//! spread over the machine's cores, results in input order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// `f` applied to every item, on up to as many threads as there are cores
/// (`std::thread::available_parallelism`), in the order of `items`. Each
/// thread takes the next item as it finishes one, so uneven items share
/// out well.
///
/// A panic in `f` reaches the caller as a panic with the same message,
/// and under [`crate::catch::catch`] stays as quiet as it would on the
/// calling thread.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let catching = crate::catch::is_catching();
    let work = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(k) else {
                return done;
            };
            done.push((k, f(item)));
        }
    };
    let parts: Vec<Result<Vec<(usize, R)>, String>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    if catching {
                        crate::catch::catch(work)
                    } else {
                        Ok(work())
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a worker thread panicked".to_owned()))
            })
            .collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for part in parts {
        match part {
            Ok(done) => {
                for (k, result) in done {
                    slots[k] = Some(result);
                }
            }
            Err(message) => panic!("{message}"),
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every item was taken by a thread"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        assert_eq!(
            map(&items, |n| n * 2),
            items.iter().map(|n| n * 2).collect::<Vec<_>>()
        );
        assert_eq!(map(&[] as &[u8], |n| *n), Vec::<u8>::new());
    }

    #[test]
    fn a_panic_under_catch_comes_back_as_its_message() {
        let items: Vec<u32> = (0..64).collect();
        let caught = crate::catch::catch(|| {
            map(&items, |&n| {
                assert!(n != 40, "item forty");
                n
            })
        });
        assert_eq!(caught, Err("item forty".to_owned()));
    }
}
