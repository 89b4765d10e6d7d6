//! Times the parts of the stage over corpus articles: `profile_parts FILE.jsonl`.

use std::time::Instant;

use isnad_core::{Document, Stage};

fn main() {
    let path = std::env::args().nth(1).expect("usage: profile_parts FILE.jsonl");
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
    let time = |name: &str, f: &dyn Fn(&Document)| {
        let start = Instant::now();
        for d in &docs {
            f(d);
        }
        let s = start.elapsed().as_secs_f64();
        println!("{name}: {:.1} MB/s", mb / s);
    };
    time("values", &|d| {
        std::hint::black_box(isnad_entities::values::find_values(&d.text, d.tokens()));
    });
    time("tagger", &|d| {
        let view = isnad_entities::mentions::DocView::new(&d.text, d.tokens(), d.sentences());
        let mut scratch = Default::default();
        std::hint::black_box(isnad_entities::mentions::find_names(
            &view,
            isnad_entities::tagger::builtin_model(),
            isnad_entities::lexicon::Lexicon::builtin(),
            &mut scratch,
        ));
    });
    let no_values = isnad_entities::EntityOptions { values: false, ..Default::default() };
    time("extract without values", &|d| {
        std::hint::black_box(isnad_entities::extract(&d.text, d.tokens(), d.sentences(), &no_values));
    });
    time("extract", &|d| {
        std::hint::black_box(isnad_entities::extract(&d.text, d.tokens(), d.sentences(), &Default::default()));
    });
}
