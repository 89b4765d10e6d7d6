//! Normalizes the `content` field of every line of JSONL files and prints one JSON string a
//! line (`null` for a line without it), for `scripts/camel_compat.py`.
//!
//!     cargo run --release -p isnad-normalize --example normalize_jsonl -- [--profile camel] [--field content] FILE.jsonl...
//!
//! With `--time-whole`, instead times the profile over all the texts joined by newlines (as
//! one document) and prints the throughput to stderr; with `--time-articles`, times
//! tokenization + sentence splitting of each text in turn (the `normalize` stage's work).

use std::io::Write;
use std::time::Instant;

use isnad_normalize::{normalize, split_sentences, tokenize, Profile};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut profile = Profile::Camel;
    let mut field = "content".to_owned();
    let mut time_whole = false;
    let mut time_articles = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--profile" => profile = args.next().ok_or("--profile needs a value")?.parse()?,
            "--field" => field = args.next().ok_or("--field needs a value")?,
            "--time-whole" => time_whole = true,
            "--time-articles" => time_articles = true,
            _ => files.push(arg),
        }
    }
    let mut texts: Vec<Option<String>> = Vec::new();
    for file in &files {
        for line in std::fs::read_to_string(file)?.lines() {
            let value: serde_json::Value = serde_json::from_str(line)?;
            texts.push(value.get(&field).and_then(|v| v.as_str()).map(str::to_owned));
        }
    }
    if time_articles {
        let texts: Vec<&str> = texts.iter().flatten().map(String::as_str).collect();
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let start = Instant::now();
        let mut count = 0;
        for text in &texts {
            let tokens = tokenize(text, profile);
            count += split_sentences(text, &tokens).len() + tokens.len();
        }
        let seconds = start.elapsed().as_secs_f64();
        eprintln!(
            "{profile} tokenize+split: {:.1} MB in {seconds:.3} s = {:.0} MB/s ({count} tokens and sentences)",
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / seconds
        );
        return Ok(());
    }
    if time_whole {
        let whole = texts.iter().flatten().map(String::as_str).collect::<Vec<_>>().join("\n");
        let runs = 5;
        let mut best = f64::INFINITY;
        for _ in 0..runs {
            let start = Instant::now();
            let out = normalize(&whole, profile);
            best = best.min(start.elapsed().as_secs_f64());
            std::hint::black_box(out);
        }
        eprintln!(
            "{profile}: {:.1} MB in {:.3} s (best of {runs}) = {:.0} MB/s",
            whole.len() as f64 / 1e6,
            best,
            whole.len() as f64 / 1e6 / best
        );
        return Ok(());
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for text in &texts {
        let line = match text {
            Some(t) => serde_json::to_string(&normalize(t, profile))?,
            None => "null".to_owned(),
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}
