//! Throughput of the quote stage alone (tokens, sentences and entities precomputed) and of
//! the whole default pipeline, over SaudiNewsNet texts when `../shared/corpus` exists
//! (read at run time, never copied), else over a synthetic text.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use isnad_core::Document;
use isnad_quotes::QuoteStage;

const BENCH_BYTES: usize = 8 << 20;

fn corpus_text() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut out = String::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(data) = std::fs::read_to_string(&p) else {
                continue;
            };
            for line in data.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(c) = v.get("content").and_then(|c| c.as_str()) {
                        out.push_str(c);
                        out.push_str("\n\n");
                    }
                }
                if out.len() >= BENCH_BYTES {
                    return out;
                }
            }
        }
    }
    if out.is_empty() {
        let para = "وقال وزير الخارجية سامي نور في تصريح اليوم إن «المحادثات ستستأنف غدا»، مشيرا الى ان الوفد وصل. يذكر أن المهرجان يقام كل عام.\n";
        while out.len() < BENCH_BYTES {
            out.push_str(para);
        }
    }
    out
}

/// Splits the corpus text back into article-sized documents for the pipeline.
fn documents(text: &str) -> Vec<&str> {
    text.split("\n\n").filter(|s| !s.is_empty()).collect()
}

fn bench(c: &mut Criterion) {
    let text = corpus_text();
    let docs = documents(&text);
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let prepared: Vec<Document> = docs
        .iter()
        .map(|t| {
            let mut d = Document::new(*t);
            prepare(&mut d);
            d
        })
        .collect();
    let stage = QuoteStage::default();
    let mut group = c.benchmark_group("quotes");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("quote_stage_alone", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &prepared {
                n += stage.analyze(d).0.len();
            }
            n
        })
    });
    if let Some(pipeline) = full_pipeline() {
        group.bench_function("default_pipeline", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|t| pipeline.run(t).map(|d| d.quotes().len()).unwrap_or(0))
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

include!("../examples/common/pipeline.rs");

criterion_group!(benches, bench);
criterion_main!(benches);
