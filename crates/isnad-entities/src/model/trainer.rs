//! Training the model: the averaged structured perceptron (f32 weights, Viterbi decoding
//! of whole sentences) and its examples. A child of `model` so that it builds the model's
//! private parts.

use super::{allowed, backtrack, next_model_id, Model, Row, LANES, N_TAGS, START, TRANSITION_CLASSES};
use crate::features::{bias_feature, static_features, transition_features, FeatureSink, WordInfo};

/// The best tag sequence of `n` words under the IOB2 constraints. `local(i, prev, out)` fills
/// the score of every tag of word `i` after tag `prev` ([`START`] for the first word).
pub(crate) fn viterbi(
    n: usize,
    mut local: impl FnMut(usize, usize, &mut [f64; N_TAGS]),
) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let mut delta = vec![[f64::NEG_INFINITY; N_TAGS]; n];
    let mut back = vec![[0u8; N_TAGS]; n];
    let mut scores = [0f64; N_TAGS];
    local(0, START, &mut scores);
    for t in 0..N_TAGS {
        if allowed(START, t) {
            delta[0][t] = scores[t];
        }
    }
    for i in 1..n {
        for prev in 0..N_TAGS {
            let base = delta[i - 1][prev];
            if base == f64::NEG_INFINITY {
                continue;
            }
            local(i, prev, &mut scores);
            for t in 0..N_TAGS {
                let candidate = base + scores[t];
                if allowed(prev, t) && candidate > delta[i][t] {
                    delta[i][t] = candidate;
                    back[i][t] = prev as u8;
                }
            }
        }
    }
    backtrack(&delta[n - 1], &back)
}

/// One training sentence: analysed words and gold tag indices.
pub struct Example {
    pub infos: Vec<WordInfo>,
    pub gold: Vec<usize>,
    /// Static features per word, computed once.
    features: Vec<Vec<u64>>,
}

impl Example {
    pub fn new(infos: Vec<WordInfo>, gold: Vec<usize>) -> Example {
        let features = (0..infos.len())
            .map(|i| {
                let mut v = Vec::with_capacity(40);
                static_features(&infos, i, &mut FeatureSink(&mut v));
                v
            })
            .collect();
        Example {
            infos,
            gold,
            features,
        }
    }
}

/// Averaged-perceptron training state (f32 weights, lazily averaged).
pub struct Trainer {
    bits: u32,
    weights: Vec<f32>,
    /// Sum of step·update, for averaging: avg = w − totals/steps.
    totals: Vec<f64>,
    steps: u64,
    /// Probability of hiding a word's own word and stem features during training.
    pub word_dropout: f64,
    /// Subtracted from the averaged score of `O` for every word.
    pub outside_penalty: f64,
    rng: u64,
}

impl Trainer {
    pub fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * N_TAGS;
        Trainer {
            bits,
            weights: vec![0.0; n],
            totals: vec![0.0; n],
            steps: 1,
            word_dropout: 0.0,
            outside_penalty: 0.0,
            rng: 0x9E37_79B9_7F4A_7C15,
        }
    }

    fn next_unit(&mut self) -> f64 {
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        (self.rng.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn bucket(&self, feature: u64) -> usize {
        (feature >> (64 - self.bits)) as usize
    }

    fn scores(&self, features: &[u64]) -> [f32; N_TAGS] {
        let mut scores = [0f32; N_TAGS];
        for &f in features {
            let row = self.bucket(f) * N_TAGS;
            for (score, w) in scores.iter_mut().zip(&self.weights[row..row + N_TAGS]) {
                *score += w;
            }
        }
        scores
    }

    fn update_one(&mut self, features: &[u64], tag: usize, delta: f32) {
        let step = self.steps as f64 * delta as f64;
        for &f in features {
            let cell = self.bucket(f) * N_TAGS + tag;
            self.weights[cell] += delta;
            self.totals[cell] += step;
        }
    }

    /// One pass over `examples` in the given order (structured perceptron: whole sentences
    /// decoded with Viterbi); returns the number of word errors.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let mut errors = 0;
        let mut statics: Vec<Vec<u64>> = Vec::new();
        for &e in order {
            let ex = &examples[e];
            let n = ex.infos.len();
            statics.clear();
            for i in 0..n {
                let mut f = ex.features[i].clone();
                // hide the word's identity now and then, so that context, affixes and
                // lexicon features learn to carry words never seen in training
                if self.word_dropout > 0.0 && self.next_unit() < self.word_dropout {
                    f.drain(0..2);
                }
                statics.push(f);
            }
            let static_scores: Vec<[f32; N_TAGS]> =
                statics.iter().map(|f| self.scores(f)).collect();
            let guess = viterbi(n, |i, prev, out| {
                let transitions = self.scores(&transition_features(
                    prev,
                    ex.infos[i].transition_class as usize,
                ));
                for t in 0..N_TAGS {
                    out[t] = (transitions[t] + static_scores[i][t]) as f64;
                }
            });
            for i in 0..n {
                let gold = ex.gold[i];
                let gold_prev = if i == 0 { START } else { ex.gold[i - 1] };
                let guess_prev = if i == 0 { START } else { guess[i - 1] };
                if guess[i] != gold {
                    errors += 1;
                    self.update_one(&statics[i], gold, 1.0);
                    self.update_one(&statics[i], guess[i], -1.0);
                }
                if guess[i] != gold || guess_prev != gold_prev {
                    let class = ex.infos[i].transition_class as usize;
                    self.update_one(&transition_features(gold_prev, class), gold, 1.0);
                    self.update_one(&transition_features(guess_prev, class), guess[i], -1.0);
                }
            }
            self.steps += 1;
        }
        errors
    }

    /// The averaged weights, quantized to i8, as a model.
    pub fn averaged(&self) -> Model {
        self.averaged_with(&[])
    }

    /// The averaged weights (before quantization).
    pub fn averaged_weights(&self) -> Vec<f64> {
        let steps = self.steps as f64;
        self.weights
            .iter()
            .zip(&self.totals)
            .map(|(&w, &t)| w as f64 - t / steps)
            .collect()
    }

    /// The averaged weights plus those of other trainers (`others`: their
    /// [`Trainer::averaged_weights`], same size), quantized to i8, as a model.
    pub fn averaged_with(&self, others: &[Vec<f64>]) -> Model {
        let mut avg = self.averaged_weights();
        for other in others {
            for (a, o) in avg.iter_mut().zip(other) {
                *a += o;
            }
        }
        // the perceptron learns to leave too much outside names (dev precision 74, recall 62):
        // a handicap on `O`, through the bias feature every word has, evens them out
        avg[self.bucket(bias_feature()) * N_TAGS] -=
            self.outside_penalty * (1 + others.len()) as f64;
        let max = avg.iter().fold(0f64, |m, w| m.max(w.abs())).max(1e-9);
        let scale = 127.0 / max;
        let rows = avg
            .chunks_exact(N_TAGS)
            .map(|ws| {
                let mut row = [0i8; LANES];
                for (r, w) in row.iter_mut().zip(ws) {
                    *r = (w * scale).round() as i8;
                }
                Row(row)
            })
            .collect();
        Model {
            bits: self.bits,
            rows,
            id: next_model_id(),
            lexicon_fingerprint: 0,
            transitions: [[[0; N_TAGS]; N_TAGS + 1]; TRANSITION_CLASSES],
            absent: [0; N_TAGS],
        }
        .with_transitions()
    }
}
