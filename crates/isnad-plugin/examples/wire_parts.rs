//! Times each part of a plugin call, in process (no library): the host's JSON of the
//! visible layers, the plugin's parse, the stage, its reply, the host's read and span check.
//! `cargo run --release -p isnad-plugin --example wire_parts -- FILE.jsonl`

use std::time::Instant;

use isnad_core::{Document, Layer, Pipeline, Stage};
use isnad_plugin::wire;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: wire_parts FILE.jsonl");
    let content = std::fs::read_to_string(path).expect("readable");
    let upstream = Pipeline::builder()
        .stage(isnad_normalize::NormalizeStage::default())
        .stage(isnad_entities::EntityStage::default())
        .build()
        .unwrap();
    let docs: Vec<Document> = content
        .lines()
        .take(300)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("content").and_then(|c| c.as_str()).map(str::to_owned))
        .map(|t| upstream.run(&t).unwrap())
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let stage = isnad_quotes::QuoteStage::default();
    let visible: Vec<Layer> = stage
        .requires()
        .into_iter()
        .chain(stage.extends())
        .collect();
    let mut declared = stage.produces();
    declared.extend(stage.extends());

    let inputs: Vec<Vec<u8>> = docs
        .iter()
        .map(|d| wire::layers_json(d, &visible, true))
        .collect();
    let parsed: Vec<Document> = inputs
        .iter()
        .map(|i| wire::parse(i).unwrap())
        .collect();
    let processed: Vec<Document> = parsed
        .iter()
        .map(|d| {
            let mut d = d.clone();
            stage.process(&mut d).unwrap();
            d
        })
        .collect();
    let replies: Vec<Vec<u8>> = processed
        .iter()
        .zip(&parsed)
        .map(|(after, before)| {
            let mut whole = stage.produces();
            let mut appended = Vec::new();
            for layer in stage.extends() {
                match wire::change(before, after, &layer) {
                    wire::Change::Unchanged => {}
                    wire::Change::Appended(n) => appended.push((layer, n)),
                    wire::Change::Replaced => whole.push(layer),
                }
            }
            wire::reply_json(after, &whole, &appended, false)
        })
        .collect();
    let changed = processed
        .iter()
        .zip(&parsed)
        .filter(|(a, b)| a.entities != b.entities)
        .count();
    println!(
        "{} docs, {:.2} MB text, {:.2} MB sent, {:.2} MB replied, entities changed in {changed}",
        docs.len(),
        bytes as f64 / 1e6,
        inputs.iter().map(Vec::len).sum::<usize>() as f64 / 1e6,
        replies.iter().map(Vec::len).sum::<usize>() as f64 / 1e6
    );

    let time = |name: &str, f: &dyn Fn()| {
        let mut best = f64::MAX;
        for _ in 0..10 {
            let start = Instant::now();
            f();
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!("{name:28} {:7.2} ms", best * 1e3);
    };
    time("stage (clone + process)", &|| {
        for d in &docs {
            let mut d = d.clone();
            stage.process(&mut d).unwrap();
        }
    });
    time("clone only", &|| {
        for d in &docs {
            std::hint::black_box(d.clone());
        }
    });
    time("host: layers_json", &|| {
        for d in &docs {
            std::hint::black_box(wire::layers_json(d, &visible, true));
        }
    });
    time("plugin: parse", &|| {
        for i in &inputs {
            std::hint::black_box(wire::parse::<Document>(i).unwrap());
        }
    });
    let texts: Vec<Vec<u8>> = docs
        .iter()
        .map(|d| wire::layers_json(d, &[], true))
        .collect();
    time("plugin: parse text only", &|| {
        for i in &texts {
            std::hint::black_box(wire::parse::<Document>(i).unwrap());
        }
    });
    let ents: Vec<Vec<u8>> = docs
        .iter()
        .map(|d| serde_json::to_vec(d.entities()).unwrap())
        .collect();
    time("plugin: parse entities only", &|| {
        for i in &ents {
            std::hint::black_box(wire::parse::<Vec<isnad_core::Entity>>(i).unwrap());
        }
    });
    time("plugin: copy+compare ext", &|| {
        for (b, a) in parsed.iter().zip(&processed) {
            let copy = wire::copy_layers(b, &stage.extends());
            std::hint::black_box(wire::change(&copy, a, &Layer::ENTITIES));
        }
    });
    time("plugin: reply_json", &|| {
        for (after, before) in processed.iter().zip(&parsed) {
            let appended = match wire::change(before, after, &Layer::ENTITIES) {
                wire::Change::Appended(n) => vec![(Layer::ENTITIES, n)],
                _ => vec![],
            };
            std::hint::black_box(wire::reply_json(after, &stage.produces(), &appended, false));
        }
    });
    time("host: read_reply", &|| {
        for r in &replies {
            std::hint::black_box(wire::read_reply(r, &declared).unwrap());
        }
    });
    time("host: check spans", &|| {
        for (r, d) in replies.iter().zip(&docs) {
            let reply = wire::read_reply(r, &declared).unwrap();
            wire::check_layer_spans(&reply.layers, &d.text).unwrap();
        }
    });
}
