//! What running the quote stage as a plugin costs over running it builtin: the same stage,
//! once called directly and once through the C ABI (document to JSON, the plugin's parse and
//! reply, the host's checks and merge). Inputs are SaudiNewsNet articles with tokens,
//! sentences and entities precomputed, read at run time from `../shared/corpus` when it exists
//! (never copied), else the repository's fixtures.
//!
//! `cargo bench -p isnad-plugin --bench overhead` (builds the plugin in release first).



use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use isnad_core::{Document, Pipeline, Stage};
use isnad_plugin::host::Plugin;
use isnad_plugin::testing::{build_plugins, library_file_name, workspace_root, Profile};

const ARTICLES: usize = 300;

fn corpus_articles() -> Vec<String> {
    let dir = workspace_root().join("../shared/corpus");
    let mut articles = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let Ok(data) = std::fs::read_to_string(&path) else { continue };
        for line in data.lines() {
            let content = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("content").and_then(|c| c.as_str()).map(str::to_owned));
            articles.extend(content);
            if articles.len() >= ARTICLES {
                return articles;
            }
        }
    }
    if articles.is_empty() {
        let fixtures = workspace_root().join("tests/fixtures");
        for entry in std::fs::read_dir(fixtures).into_iter().flatten().flatten() {
            articles.extend(std::fs::read_to_string(entry.path()).ok());
        }
        eprintln!("../shared/corpus not found: benchmarking over the {} fixtures", articles.len());
    }
    articles
}

fn overhead(c: &mut Criterion) {
    let upstream = Pipeline::builder()
        .stage(isnad_normalize::NormalizeStage::default())
        .stage(isnad_entities::EntityStage::default())
        .build()
        .unwrap();
    let inputs: Vec<Document> = corpus_articles().iter().map(|text| upstream.run(text).unwrap()).collect();
    let bytes: usize = inputs.iter().map(|d| d.text.len()).sum();

    let dir = build_plugins(&["isnad-quotes-plugin"], false, Profile::Release);
    let plugin = Plugin::open(&dir.join(library_file_name("isnad-quotes-plugin")).display().to_string()).unwrap();
    let through_plugin = plugin.instantiate(&Default::default()).unwrap();
    let builtin = isnad_quotes::QuoteStage::default();

    let run = |stage: &dyn Stage| {
        for input in &inputs {
            let mut doc = input.clone();
            stage.process(&mut doc).unwrap();
            std::hint::black_box(doc);
        }
    };
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64)).sample_size(10);
    group.bench_function("builtin", |b| b.iter(|| run(&builtin)));
    group.bench_function("plugin", |b| b.iter(|| run(&through_plugin)));
    group.finish();
}

criterion_group!(benches, overhead);
criterion_main!(benches);
