//! Tags a CoNLL file (one token per line, last column ignored, blank line between
//! sentences) and writes `token TAG` lines with the same sentence breaks.
//! `isnad-ner-conll [FILE|-]` (stdin by default).

use std::io::{BufWriter, Read, Write};

fn main() -> std::io::Result<()> {
    let mut input = String::new();
    match std::env::args().nth(1).filter(|a| a != "-") {
        Some(path) => input = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut input)?;
        }
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for sentence in isnad_entities::training::read_conll(&input) {
        let words: Vec<&str> = sentence.iter().map(|(w, _)| w.as_str()).collect();
        for (word, tag) in words.iter().zip(isnad_entities::tag_conll_sentence(&words)) {
            writeln!(out, "{word} {tag}")?;
        }
        writeln!(out)?;
    }
    out.flush()
}
