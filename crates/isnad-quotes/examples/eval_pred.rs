//! Runs the default pipeline (normalize → entities → quotes) over documents given as JSON
//! lines `{"id", "text"}` (file argument or stdin) and prints one analysis a line,
//! `{"id", "text", "quotes", …}`, as `score_quotes.py` reads it.
//!
//! `--no-entities`: run the quote stage with an empty entity layer (speakers get entities
//! of their own), to measure the stage without the entity stage.

use std::io::{BufRead, Write};

use isnad_core::{Document, Stage};

include!("common/pipeline.rs");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let no_entities = args.iter().any(|a| a == "--no-entities");
    let input: Box<dyn BufRead> = match args.iter().find(|a| !a.starts_with("--")) {
        Some(path) => Box::new(std::io::BufReader::new(std::fs::File::open(path)?)),
        None => Box::new(std::io::stdin().lock()),
    };
    let normalize = isnad_normalize::NormalizeStage::default();
    let entities = isnad_entities::EntityStage::default();
    let quotes = isnad_quotes::QuoteStage::default();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(&line)?;
        let id = record.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let text = record
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default();
        let mut doc = Document::new(text);
        normalize.process(&mut doc)?;
        if no_entities {
            doc.entities = Some(Vec::new());
        } else {
            entities.process(&mut doc)?;
        }
        quotes.process(&mut doc)?;
        let value = isnad_quotes::prediction_value(&doc, id);
        writeln!(out, "{value}")?;
    }
    Ok(())
}
