//! Times the parts of the stage over corpus articles: `profile_parts FILE.jsonl`.

use std::time::Instant;

use isnad_core::{Document, Stage};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: profile_parts FILE.jsonl");
    let content = std::fs::read_to_string(path).expect("readable");
    let normalize = isnad_normalize::NormalizeStage::default();
    let docs: Vec<Document> = content
        .lines()
        .take(500)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("content").and_then(|c| c.as_str()).map(str::to_owned))
        .map(|t| {
            let mut d = Document::new(t);
            normalize.process(&mut d).expect("normalizes");
            d
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    // the best of three runs: the machine is shared
    let only = std::env::var("ONLY").unwrap_or_default();
    let time = |name: &str, f: &dyn Fn(&Document)| {
        if !only.is_empty() && only != name {
            return;
        }
        let mut best = f64::MAX;
        let mut best_cpu = f64::MAX;
        let reps: usize = std::env::var("REPS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(3);
        for _ in 0..reps {
            let (start, cpu) = (Instant::now(), cpu_seconds());
            for d in &docs {
                f(d);
            }
            best = best.min(start.elapsed().as_secs_f64());
            best_cpu = best_cpu.min(cpu_seconds() - cpu);
        }
        println!(
            "{name}: {:.1} MB/s wall, {:.1} MB/s of CPU time",
            mb / best,
            mb / best_cpu
        );
    };
    time("values", &|d| {
        std::hint::black_box(isnad_entities::values::find_values(&d.text, d.tokens()));
    });
    time("tagger", &|d| {
        let mut view = isnad_entities::mentions::DocView::new(&d.text, d.tokens(), d.sentences());
        let mut scratch = Default::default();
        std::hint::black_box(isnad_entities::mentions::find_names(
            &mut view,
            isnad_entities::tagger::builtin_model(),
            isnad_entities::lexicon::Lexicon::builtin(),
            &mut scratch,
        ));
    });
    let no_values = isnad_entities::EntityOptions {
        values: false,
        ..Default::default()
    };
    time("extract without values", &|d| {
        std::hint::black_box(isnad_entities::extract(
            &d.text,
            d.tokens(),
            d.sentences(),
            &no_values,
        ));
    });
    time("extract", &|d| {
        std::hint::black_box(isnad_entities::extract(
            &d.text,
            d.tokens(),
            d.sentences(),
            &Default::default(),
        ));
    });
    // as in a pipeline: the document's tokens were just written by the normalize stage, so
    // they are in cache; only the stage is timed
    if only.is_empty() || only == "warm" {
        let stage = isnad_entities::EntityStage::default();
        let (mut best, mut best_cpu) = (f64::MAX, f64::MAX);
        for _ in 0..3 {
            let (mut wall, mut cpu) = (0.0, 0.0);
            for d in &docs {
                let mut doc = d.clone();
                let (start, cpu_start) = (Instant::now(), cpu_seconds());
                stage.process(&mut doc).expect("runs");
                wall += start.elapsed().as_secs_f64();
                cpu += cpu_seconds() - cpu_start;
            }
            best = best.min(wall);
            best_cpu = best_cpu.min(cpu);
        }
        println!(
            "stage on warm documents: {:.1} MB/s wall, {:.1} MB/s of CPU time",
            mb / best,
            mb / best_cpu
        );
    }
}

/// Time this thread spent on a CPU (Linux; 0 elsewhere), which a busy machine distorts less
/// than wall time.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|n| n.parse::<f64>().ok())
        })
        .map_or(0.0, |ns| ns / 1e9)
}
