//! Tags a CoNLL file (one token per line, last column ignored, blank line between
//! sentences) and writes `token TAG` lines with the same sentence breaks.
//! `isnad-ner-conll [--model FILE] [FILE|-]` (stdin by default; the built-in model unless
//! `--model` names another, for tuning).

use std::io::{BufWriter, Read, Write};

fn main() -> std::io::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut model = None;
    if let Some(i) = args.iter().position(|a| a == "--model") {
        let path = args.get(i + 1).cloned().unwrap_or_default();
        let bytes = std::fs::read(&path)?;
        model = Some(
            isnad_entities::model::Model::from_bytes(&bytes).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{path} is not a model"),
                )
            })?,
        );
        args.drain(i..(i + 2).min(args.len()));
    }
    let lexicon = isnad_entities::lexicon::Lexicon::builtin();
    let model = model
        .as_ref()
        .unwrap_or_else(|| isnad_entities::tagger::builtin_model());
    let mut input = String::new();
    match args.first().filter(|a| *a != "-") {
        Some(path) => input = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut input)?;
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    let sentences = isnad_entities::training::read_conll(&input);
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
        .collect();
    let tags = isnad_entities::training::tag_sentences(model, lexicon, &words);
    for (words, tags) in words.iter().zip(tags) {
        for (word, tag) in words.iter().zip(tags) {
            writeln!(out, "{word} {}", isnad_entities::model::TAGS[tag])?;
        }
        writeln!(out)?;
    }
    out.flush()
}
