//! What running the quote stage as a plugin costs over running it builtin: the same stage,
//! once called directly and once through the C ABI (document to JSON, the plugin's parse and
//! reply, the host's checks and merge). Inputs are SaudiNewsNet articles with tokens,
//! sentences and entities precomputed, read at run time from `../shared/corpus` when it exists
//! (never copied), else the repository's fixtures.
//!
//! Only the layers a stage requires or extends cross the boundary: for the quote stage, the
//! text and the entities.
//!
//! `cargo bench -p isnad-plugin --bench overhead` (builds the plugins in release first).



use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
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
    let load = |path: std::path::PathBuf| {
        Plugin::open(&path.display().to_string()).and_then(|p| p.instantiate(&Default::default())).unwrap()
    };
    let through_plugin = load(dir.join(library_file_name("isnad-quotes-plugin")));
    let builtin = isnad_quotes::QuoteStage::default();

    // Each pass works on fresh copies of the inputs, made outside the timed part.
    let run = |stage: &dyn Stage, docs: &mut [Document]| {
        for doc in docs {
            stage.process(doc).unwrap();
        }
    };
    let stages: [(&str, &dyn Stage); 2] = [("builtin", &builtin), ("plugin", &through_plugin)];
    print_ratios(&stages, &inputs, &run);

    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64)).sample_size(10);
    for (name, stage) in stages {
        group.bench_function(name, |b| {
            b.iter_batched_ref(|| inputs.clone(), |docs| run(stage, docs), BatchSize::LargeInput)
        });
    }
    group.finish();
}

/// The best of ten interleaved passes of each stage over all inputs, and its ratio to the
/// first: on a shared machine, interleaving and taking the minimum is steadier than criterion's
/// separate, consecutive measurements.
fn print_ratios(stages: &[(&str, &dyn Stage)], inputs: &[Document], run: &dyn Fn(&dyn Stage, &mut [Document])) {
    let mut best = vec![f64::MAX; stages.len()];
    for _ in 0..10 {
        for (best, (_, stage)) in best.iter_mut().zip(stages) {
            let mut docs = inputs.to_vec();
            let start = std::time::Instant::now();
            run(*stage, &mut docs);
            *best = best.min(start.elapsed().as_secs_f64());
        }
    }
    for ((name, _), time) in stages.iter().zip(&best) {
        println!("{name:32} best of 10: {:7.1} ms, {:.2}x builtin", time * 1e3, time / best[0]);
    }
}

criterion_group!(benches, overhead);
criterion_main!(benches);
