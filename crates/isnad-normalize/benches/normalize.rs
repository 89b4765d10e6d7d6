//! Throughput of normalization + tokenization + sentence splitting, one thread.
//!
//! Reads the SaudiNewsNet article texts from `../shared/corpus` (or `$ISNAD_CORPUS`) at run
//! time; without them, a synthetic Arabic text. `$ISNAD_BENCH_MB` (default 16) caps the
//! per-article benches; `camel_whole_corpus` normalizes every article joined into one string,
//! as `isnad normalize --profile camel` does with the corpus as one file.
//!
//!     cargo bench -p isnad-normalize -- --warm-up-time 1 --measurement-time 5

use std::path::PathBuf;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use isnad_normalize::{normalize, split_sentences, tokenize, Profile};

fn corpus_dir() -> PathBuf {
    std::env::var_os("ISNAD_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"))
}

/// Every article's `content`, or a synthetic text when the corpus is absent.
fn articles() -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(corpus_dir()) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "jsonl")) {
            let Ok(data) = std::fs::read_to_string(path) else { continue };
            for line in data.lines() {
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(line) {
                    if let Some(content) = value.get("content").and_then(|c| c.as_str()) {
                        out.push(content.to_owned());
                    }
                }
            }
        }
    }
    if out.is_empty() {
        eprintln!("no corpus at {}: benchmarking a synthetic text", corpus_dir().display());
        let paragraph = "وقال الأمين العامُّ للحلف، مارك روتي، في مؤتمر صحفي بالعاصمة بغداد إن «الناتو باقٍ في العراق». \
            وأضاف أن المهمة ستستمر ١٥ شهرا بكلفة 3.5 مليون دولار، أي نحو 97% من الميزانية… انظر https://www.nato.int/ #الناتو\n";
        out = (0..2000).map(|i| format!("{i} {paragraph}{paragraph}")).collect();
    }
    out
}

fn capped(articles: &[String], max_bytes: usize) -> &[String] {
    let mut total = 0;
    let n = articles.iter().take_while(|a| {
        total += a.len();
        total <= max_bytes
    });
    &articles[..n.count().max(1).min(articles.len())]
}

fn bench(c: &mut Criterion) {
    let all = articles();
    let cap_mb: usize = std::env::var("ISNAD_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(16);
    let sample = capped(&all, cap_mb * 1_000_000);
    let sample_bytes: usize = sample.iter().map(String::len).sum();

    let mut group = c.benchmark_group("articles");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(sample_bytes as u64));
    for profile in Profile::ALL {
        group.bench_function(format!("tokenize_split_{profile}"), |b| {
            b.iter(|| {
                let mut n = 0;
                for text in sample {
                    let tokens = tokenize(text, profile);
                    n += split_sentences(text, &tokens).len() + tokens.len();
                }
                black_box(n)
            })
        });
        group.bench_function(format!("normalize_tokenize_split_{profile}"), |b| {
            b.iter(|| {
                let mut n = 0;
                for text in sample {
                    n += normalize(text, profile).len();
                    let tokens = tokenize(text, profile);
                    n += split_sentences(text, &tokens).len() + tokens.len();
                }
                black_box(n)
            })
        });
        group.bench_function(format!("normalize_{profile}"), |b| {
            b.iter(|| sample.iter().map(|text| normalize(text, profile).len()).sum::<usize>())
        });
    }
    group.finish();

    let whole = all.join("\n");
    let mut group = c.benchmark_group("whole_corpus");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(whole.len() as u64));
    group.bench_function("normalize_camel", |b| b.iter(|| normalize(&whole, Profile::Camel).len()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
