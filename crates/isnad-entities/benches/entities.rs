//! The entity stage alone (tokens and sentences precomputed by the normalize stage) over
//! SaudiNewsNet articles from `../shared/corpus` if present, else over the seed fixture.
//! `cargo bench -p isnad-entities --bench entities`; throughput is reported in bytes/s.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use isnad_core::{Document, Stage};

const SEED: &str = include_str!("../../../tests/fixtures/nato-iraq-k24.txt");
const MAX_BYTES: usize = 4 << 20;

/// Article texts read at run time (the corpus is never copied into the repository).
fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut texts = Vec::new();
    let mut total = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
    {
        let Ok(content) = std::fs::read_to_string(path) else {
            continue;
        };
        for line in content.lines() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(text) = value.get("content").and_then(|c| c.as_str()) {
                total += text.len();
                texts.push(text.to_owned());
            }
            if total >= MAX_BYTES {
                return texts;
            }
        }
    }
    if texts.is_empty() {
        texts = vec![SEED.to_owned(); 50];
    }
    texts
}

fn bench(c: &mut Criterion) {
    let normalize = isnad_normalize::NormalizeStage::default();
    let stage = isnad_entities::EntityStage::default();
    let docs: Vec<Document> = corpus()
        .into_iter()
        .map(|t| {
            let mut d = Document::new(t);
            normalize.process(&mut d).expect("normalizes");
            d
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!("{} documents, {} bytes", docs.len(), bytes);
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("stage", |b| {
        b.iter_batched(
            || docs.clone(),
            |mut docs| {
                for d in &mut docs {
                    stage.process(d).expect("runs");
                }
                docs
            },
            criterion::BatchSize::LargeInput,
        )
    });
    // as in a pipeline: each document's tokens were just written by the normalize stage and
    // are still in cache; only the entity stage is timed
    group.bench_function("stage_warm", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                for d in &docs {
                    let mut doc = d.clone();
                    let start = std::time::Instant::now();
                    stage.process(&mut doc).expect("runs");
                    total += start.elapsed();
                }
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
