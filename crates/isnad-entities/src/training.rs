//! Training and evaluation of the name tagger on CoNLL data.

use std::collections::HashSet;

use crate::features::analyse;
use crate::lexicon::Lexicon;
use crate::model::{tag_index, Example, Model, Trainer, TAGS};
use crate::tagger::{propagate_in_document, propagation_key, tag_indices, TaggerScratch};

/// One CoNLL sentence: words and their gold tags (last column).
pub type ConllSentence = Vec<(String, String)>;

/// Reads `token … TAG` lines with blank lines between sentences.
pub fn read_conll(text: &str) -> Vec<ConllSentence> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        let mut cols = line.split_whitespace();
        match cols.next() {
            None => {
                if !current.is_empty() {
                    sentences.push(std::mem::take(&mut current));
                }
            }
            Some(word) => {
                let tag = cols.last().unwrap_or("O");
                current.push((word.to_owned(), tag.to_owned()));
            }
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub bits: u32,
    pub dev_fraction: f64,
    pub seed: u64,
    pub word_dropout: f64,
    pub outside_penalty: f64,
    /// Trainers run with different shuffles whose averaged weights are summed (3 runs: dev
    /// F1 +0.5 over one; 5 runs with an `O` handicap of 12: +0.35 over 3 with 15, mean of
    /// nine tenths of train held out in turn).
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            bits: 17,
            dev_fraction: 0.0,
            seed: 0x15AD,
            word_dropout: 0.2,
            outside_penalty: 12.0,
            runs: 5,
        }
    }
}

/// A tiny deterministic generator (xorshift64*) for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains on all sentences but the held-out tail (if `dev_fraction` > 0), printing the
/// training error and the dev scores after each epoch.
pub fn train(sentences: &[ConllSentence], options: &TrainOptions) -> Model {
    let lexicon = Lexicon::builtin();
    let n_dev = (sentences.len() as f64 * options.dev_fraction).round() as usize;
    let (train_part, dev_part) = sentences.split_at(sentences.len() - n_dev);
    let examples: Vec<Example> = train_part
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.iter().map(|(w, _)| w.as_str()).collect();
            let mut infos = Vec::new();
            analyse(&words, lexicon, &mut infos, &mut Default::default());
            Example::new(infos, s.iter().map(|(_, t)| tag_index(t)).collect())
        })
        .collect();
    let words: usize = examples.iter().map(|e| e.gold.len()).sum();
    eprintln!(
        "training on {} sentences ({words} words), dev {} sentences",
        examples.len(),
        dev_part.len()
    );
    let mut others = Vec::new();
    let mut trainer = run(&examples, options, options.seed, &[], lexicon, dev_part);
    for k in 1..options.runs.max(1) {
        others.push(trainer.averaged_weights());
        trainer = run(
            &examples,
            options,
            options.seed.wrapping_add(k as u64 * 0x9E37),
            &others,
            lexicon,
            dev_part,
        );
    }
    let mut model = trainer.averaged_with(&others);
    model.lexicon_fingerprint = lexicon.fingerprint;
    model
}

/// One training run (one shuffle), printing the training error and the dev scores (of the
/// run's model together with `others`) after each epoch.
fn run(
    examples: &[Example],
    options: &TrainOptions,
    seed: u64,
    others: &[Vec<f64>],
    lexicon: &Lexicon,
    dev_part: &[ConllSentence],
) -> Trainer {
    let mut trainer = Trainer::new(options.bits);
    trainer.word_dropout = options.word_dropout;
    trainer.outside_penalty = options.outside_penalty;
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        let errors = trainer.epoch(examples, &order);
        let mut line = format!("epoch {epoch}: train word errors {errors}");
        if !dev_part.is_empty() {
            let model = trainer.averaged_with(others);
            let scores = evaluate(&model, lexicon, dev_part);
            line.push_str(&format!(" | dev {}", scores.summary()));
        }
        eprintln!("{line}");
    }
    trainer
}

/// Entity-level counts per type (PER, LOC, ORG, MISC).
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub per_type: [(usize, usize, usize); 4],
}

fn spans(tags: &[&str]) -> HashSet<(usize, usize, String)> {
    let mut out = HashSet::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        let (bio, typ) = match tag.split_once('-') {
            Some((b, t)) => (b, t.replace("PERS", "PER")),
            None => ("O", String::new()),
        };
        if let Some((start, t)) = &open {
            if bio != "I" || typ != *t {
                out.insert((*start, i, t.clone()));
                open = None;
            }
        }
        if bio == "B" || (bio == "I" && open.is_none()) {
            open = Some((i, typ));
        }
    }
    out
}

impl Scores {
    const TYPES: [&'static str; 4] = ["PER", "LOC", "ORG", "MISC"];

    pub fn add(&mut self, gold: &[&str], pred: &[&str]) {
        let (g, p) = (spans(gold), spans(pred));
        for (k, typ) in Self::TYPES.iter().enumerate() {
            let of = |s: &HashSet<(usize, usize, String)>| {
                s.iter()
                    .filter(|x| x.2 == *typ)
                    .cloned()
                    .collect::<HashSet<_>>()
            };
            let (gt, pt) = (of(&g), of(&p));
            let tp = gt.intersection(&pt).count();
            self.per_type[k].0 += tp;
            self.per_type[k].1 += pt.len() - tp;
            self.per_type[k].2 += gt.len() - tp;
        }
    }

    fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else {
            0.0
        };
        let r = if tp + fn_ > 0 {
            tp as f64 / (tp + fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (100.0 * p, 100.0 * r, 100.0 * f)
    }

    pub fn micro_f1(&self) -> f64 {
        let sum = self
            .per_type
            .iter()
            .fold((0, 0, 0), |a, x| (a.0 + x.0, a.1 + x.1, a.2 + x.2));
        Self::prf(sum.0, sum.1, sum.2).2
    }

    pub fn summary(&self) -> String {
        let mut s = format!("micro F1 {:.2}", self.micro_f1());
        for (k, typ) in Self::TYPES.iter().enumerate() {
            let (tp, fp, fn_) = self.per_type[k];
            s.push_str(&format!(" {typ} {:.1}", Self::prf(tp, fp, fn_).2));
        }
        s
    }
}

/// CoNLL input has no document breaks, but ANERcorp's sentences come in article order: the
/// sentences within this distance stand for the document.
pub const CONLL_DOCUMENT_WINDOW: usize = 20;

/// Tags CoNLL sentences with the full tagger (model, gazetteer, document consistency).
pub fn tag_sentences(model: &Model, lexicon: &Lexicon, words: &[Vec<&str>]) -> Vec<Vec<usize>> {
    let mut scratch = TaggerScratch::default();
    let mut keys = Vec::with_capacity(words.len());
    let mut tags: Vec<Vec<usize>> = words
        .iter()
        .map(|w| {
            let tags = tag_indices(model, lexicon, w, &mut scratch);
            keys.push(scratch.infos.iter().map(propagation_key).collect());
            tags
        })
        .collect();
    propagate_in_document(&keys, &mut tags, CONLL_DOCUMENT_WINDOW);
    tags
}

/// Scores the full tagger (model + gazetteer) on gold sentences.
pub fn evaluate(model: &Model, lexicon: &Lexicon, sentences: &[ConllSentence]) -> Scores {
    let mut scores = Scores::default();
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|(w, _)| w.as_str()).collect())
        .collect();
    let tags = tag_sentences(model, lexicon, &words);
    for (s, tags) in sentences.iter().zip(tags) {
        let gold: Vec<&str> = s.iter().map(|(_, t)| t.as_str()).collect();
        let pred: Vec<&str> = tags.into_iter().map(|t| TAGS[t]).collect();
        scores.add(&gold, &pred);
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_reading_and_span_scoring() {
        let s = read_conll("فرانكفورت B-LOC\nأعلن O\n\nمارك B-PERS\nروتي I-PERS\n");
        assert_eq!(s.len(), 2);
        let mut scores = Scores::default();
        scores.add(&["B-PERS", "I-PERS", "O"], &["B-PER", "I-PER", "O"]);
        scores.add(&["B-LOC", "O"], &["B-ORG", "O"]);
        assert_eq!(scores.per_type[0], (1, 0, 0));
        assert_eq!(scores.per_type[1], (0, 0, 1));
        assert_eq!(scores.per_type[2], (0, 1, 0));
    }
}
