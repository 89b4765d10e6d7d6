//! The default pipeline (every built-in stage), one thread, in MB/s of article text.
//! Reads up to `ISNAD_BENCH_MB` (default 8) MB of SaudiNewsNet articles from
//! `../shared/corpus` at run time; without it, the repository's fixtures.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus_sample() -> Vec<String> {
    let limit: usize = std::env::var("ISNAD_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(8) * 1_000_000;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut texts = Vec::new();
    let mut size = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        'files: for file in files {
            let Ok(data) = std::fs::read_to_string(&file) else { continue };
            for line in data.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
                if let Some(text) = v["content"].as_str() {
                    size += text.len();
                    texts.push(text.to_owned());
                    if size >= limit {
                        break 'files;
                    }
                }
            }
        }
    }
    if texts.is_empty() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for file in isnad::testing::fixture_files(&fixtures) {
            texts.push(std::fs::read_to_string(file).unwrap());
        }
    }
    texts
}

fn default_pipeline(c: &mut Criterion) {
    let texts = corpus_sample();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let pipeline = isnad::default_pipeline().unwrap();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("default", |b| {
        b.iter(|| {
            for text in &texts {
                std::hint::black_box(pipeline.run(text).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, default_pipeline);
criterion_main!(benches);
