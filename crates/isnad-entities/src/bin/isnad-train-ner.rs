//! Trains the name tagger on a CoNLL file (ANERcorp) and writes the model.
//!
//! cargo run --release -p isnad-entities --bin isnad-train-ner -- \
//!     --train ../shared/data/anercorp/ANERCorp_CamelLab_train.txt --out crates/isnad-entities/model/ner.bin
//! Options: --epochs N (default 12), --bits B (hash buckets 2^B, default 17),
//! --word-dropout P (hide word identity features with probability P in training, default 0.2),
//! --outside-penalty W (subtracted from the averaged weight of `O` for every word, default 12),
//! --runs R (training runs with different shuffles, their averaged weights summed, default 5),
//! --dev-fraction F (hold out the last F of the sentences and report dev F1 per epoch; 0 = train on all).

use std::process::ExitCode;

use isnad_entities::training::{read_conll, train, TrainOptions};

fn main() -> ExitCode {
    let mut options = TrainOptions::default();
    let mut train_path = None;
    let mut out_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--train" => train_path = Some(value()),
            "--out" => out_path = Some(value()),
            "--epochs" => options.epochs = value().parse().unwrap_or(options.epochs),
            "--bits" => options.bits = value().parse().unwrap_or(options.bits),
            "--word-dropout" => {
                options.word_dropout = value().parse().unwrap_or(options.word_dropout)
            }
            "--outside-penalty" => {
                options.outside_penalty = value().parse().unwrap_or(options.outside_penalty)
            }
            "--runs" => options.runs = value().parse().unwrap_or(options.runs),
            "--dev-fraction" => {
                options.dev_fraction = value().parse().unwrap_or(options.dev_fraction)
            }
            other => {
                eprintln!("unknown argument {other}; usage: --train FILE --out FILE [--epochs N] [--bits B] [--dev-fraction F]");
                return ExitCode::FAILURE;
            }
        }
    }
    let (Some(train_path), Some(out_path)) = (train_path, out_path) else {
        eprintln!("usage: isnad-train-ner --train FILE --out FILE [--epochs N] [--bits B] [--dev-fraction F]");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&train_path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {train_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let sentences = read_conll(&text);
    let model = train(&sentences, &options);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&out_path, &bytes) {
        eprintln!("cannot write {out_path}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {out_path} ({} bytes)", bytes.len());
    ExitCode::SUCCESS
}
