//! Writes the generated story corpus of the benchmarks to a folder, one
//! `.txt` file per article, to time the CLI end to end:
//!
//! ```text
//! cargo run --release --example story_corpus -- /tmp/corpus-10k 10000
//! /usr/bin/time -v target/release/spacefilm-tui matrix /tmp/corpus-10k --format json >/dev/null
//! ```
//!
//! With `--jsonl`, writes one JSON Lines file instead, with `id`, `title`
//! and `text` fields (and `story` with `--stories`). With
//! `--large-stories`, one story in ten has 100 versions.

#[path = "../benches/common/mod.rs"]
mod common;

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(count)) = (args.first(), args.get(1)) else {
        eprintln!("usage: story_corpus DIR COUNT [--jsonl] [--stories] [--large-stories]");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("COUNT is a number");
    let jsonl = args.iter().any(|a| a == "--jsonl");
    let with_stories = args.iter().any(|a| a == "--stories");
    let (texts, truth) = if args.iter().any(|a| a == "--large-stories") {
        common::story_corpus_with_large(count, 800, 42)
    } else {
        common::story_corpus(count, 800, 42)
    };
    std::fs::create_dir_all(out)?;
    if jsonl {
        let file = std::fs::File::create(format!("{out}/corpus.jsonl"))?;
        let mut file = BufWriter::new(file);
        for (k, (text, story)) in texts.iter().zip(&truth).enumerate() {
            let title = text.lines().next().unwrap_or_default();
            let mut record = serde_json::json!({
                "id": format!("a{k:06}"),
                "title": title,
                "text": text,
            });
            if with_stories {
                record["story"] = serde_json::json!(format!("s{story}"));
            }
            writeln!(file, "{record}")?;
        }
        return file.flush();
    }
    for (k, (text, story)) in texts.iter().zip(&truth).enumerate() {
        std::fs::write(format!("{out}/a{k:06}-s{story}.txt"), text)?;
    }
    Ok(())
}
