//! Prints, for each `<code>-….txt` under the folders given, the language
//! function words name (`lang::identify`) and whatlang's, on the kilobyte
//! the loader samples: the table `tests/langid.rs` thresholds were read
//! from. `cargo run --release --example langid_report -- tests/fixtures/langid`
use spacefilm::lang::{self, identify};

fn main() {
    for dir in std::env::args().skip(1) {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("folder")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let sample = &text[..text.floor_char_boundary(1024)];
            let words =
                identify::evidence(sample, lang::function_words()).map_or("-".to_owned(), |e| {
                    format!(
                        "{}{} n{} cov{:.2} mar{:.1} short{:.2}",
                        if e.is_plain() { "+" } else { "?" },
                        e.language.code,
                        e.words,
                        e.coverage,
                        e.margin,
                        e.short_share
                    )
                });
            let trigrams = whatlang::detect(sample).map_or("-".to_owned(), |info| {
                format!("{}{:.2}", info.lang().code(), info.confidence())
            });
            let name = path.file_name().unwrap().to_string_lossy();
            println!("{name:<24} {words:<40} whatlang {trigrams}");
        }
    }
}
