//! The averaged perceptron: hashed weights, greedy left-to-right decoding, training and
//! the (quantized, sparse) model file.

use crate::features::{static_features, tag_features, FeatureSink, WordInfo};

/// IOB2 tags in model order.
pub const TAGS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
pub const N_TAGS: usize = TAGS.len();
/// Index of the "previous tag" before a sentence starts.
const START: usize = N_TAGS;

pub fn tag_index(tag: &str) -> usize {
    let tag = tag.replace("PERS", "PER");
    TAGS.iter().position(|t| *t == tag).unwrap_or(0)
}

/// `I-X` may only follow `B-X` or `I-X`.
pub fn allowed(prev: usize, tag: usize) -> bool {
    tag == 0 || tag % 2 == 1 || (prev != START && prev != 0 && (prev + 1) / 2 == (tag + 1) / 2)
}

const MAGIC: &[u8; 8] = b"ISNADNER";
const FORMAT: u32 = 1;

/// A trained model: `2^bits` buckets of `N_TAGS` quantized weights.
pub struct Model {
    bits: u32,
    weights: Vec<i16>,
}

impl Model {
    /// A model that tags everything `O`.
    pub fn empty() -> Model {
        Model { bits: 0, weights: vec![0; N_TAGS] }
    }

    #[inline]
    fn bucket(&self, feature: u64) -> usize {
        if self.bits == 0 {
            0
        } else {
            (feature >> (64 - self.bits)) as usize
        }
    }

    fn add_scores(&self, features: &[u64], scores: &mut [i32; N_TAGS]) {
        for &f in features {
            let row = self.bucket(f) * N_TAGS;
            let w = &self.weights[row..row + N_TAGS];
            for t in 0..N_TAGS {
                scores[t] += w[t] as i32;
            }
        }
    }

    /// Greedy left-to-right tagging of an analysed sentence; returns tag indices.
    pub fn tag(&self, infos: &[WordInfo], buffer: &mut Vec<u64>) -> Vec<usize> {
        let mut tags = Vec::with_capacity(infos.len());
        let (mut prev, mut prev2) = (START, START);
        for i in 0..infos.len() {
            buffer.clear();
            static_features(infos, i, &mut FeatureSink(buffer));
            tag_features(infos, i, prev, prev2, &mut FeatureSink(buffer));
            let mut scores = [0i32; N_TAGS];
            self.add_scores(buffer, &mut scores);
            let best = best_allowed(prev, &scores);
            tags.push(best);
            prev2 = prev;
            prev = best;
        }
        tags
    }

    /// Parses a model file; `None` if it is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader(bytes);
        if r.take(8)? != MAGIC || r.u32()? != FORMAT {
            return None;
        }
        let bits = r.u32()?;
        if r.u32()? as usize != N_TAGS || !(1..=24).contains(&bits) {
            return None;
        }
        let rows = r.u32()? as usize;
        let buckets = 1usize << bits;
        let mut weights = vec![0i16; buckets * N_TAGS];
        for _ in 0..rows {
            let bucket = r.u32()? as usize;
            if bucket >= buckets {
                return None;
            }
            for t in 0..N_TAGS {
                weights[bucket * N_TAGS + t] = r.i16()?;
            }
        }
        Some(Model { bits, weights })
    }
}

fn best_allowed<T: PartialOrd + Copy>(prev: usize, scores: &[T; N_TAGS]) -> usize {
    let mut best = 0;
    for t in 1..N_TAGS {
        if allowed(prev, t) && scores[t] > scores[best] {
            best = t;
        }
    }
    best
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn i16(&mut self) -> Option<i16> {
        Some(i16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
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
        Example { infos, gold, features }
    }
}

/// Averaged-perceptron training state (f32 weights, lazily averaged).
pub struct Trainer {
    bits: u32,
    weights: Vec<f32>,
    /// Sum of step·update, for averaging: avg = w − totals/steps.
    totals: Vec<f64>,
    steps: u64,
}

impl Trainer {
    pub fn new(bits: u32) -> Trainer {
        let n = (1usize << bits) * N_TAGS;
        Trainer { bits, weights: vec![0.0; n], totals: vec![0.0; n], steps: 1 }
    }

    fn bucket(&self, feature: u64) -> usize {
        (feature >> (64 - self.bits)) as usize
    }

    fn scores(&self, features: &[u64]) -> [f32; N_TAGS] {
        let mut scores = [0f32; N_TAGS];
        for &f in features {
            let row = self.bucket(f) * N_TAGS;
            for t in 0..N_TAGS {
                scores[t] += self.weights[row + t];
            }
        }
        scores
    }

    fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        let step = self.steps as f64;
        for &f in features {
            let row = self.bucket(f) * N_TAGS;
            self.weights[row + gold] += 1.0;
            self.totals[row + gold] += step;
            self.weights[row + guess] -= 1.0;
            self.totals[row + guess] -= step;
        }
    }

    /// One pass over `examples` in the given order; returns the number of word errors.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let mut errors = 0;
        let mut buffer = Vec::with_capacity(64);
        for &e in order {
            let ex = &examples[e];
            let (mut prev, mut prev2) = (START, START);
            for i in 0..ex.infos.len() {
                buffer.clear();
                buffer.extend_from_slice(&ex.features[i]);
                tag_features(&ex.infos, i, prev, prev2, &mut FeatureSink(&mut buffer));
                let guess = best_allowed(prev, &self.scores(&buffer));
                let gold = ex.gold[i];
                if guess != gold {
                    errors += 1;
                    self.update(&buffer, gold, guess);
                }
                self.steps += 1;
                prev2 = prev;
                prev = guess;
            }
        }
        errors
    }

    /// The averaged weights, quantized to i16, as a model.
    pub fn averaged(&self) -> Model {
        let steps = self.steps as f64;
        let avg: Vec<f64> = self.weights.iter().zip(&self.totals).map(|(&w, &t)| w as f64 - t / steps).collect();
        let max = avg.iter().fold(0f64, |m, w| m.max(w.abs())).max(1e-9);
        let scale = 32000.0 / max;
        let weights = avg.iter().map(|w| (w * scale).round() as i16).collect();
        Model { bits: self.bits, weights }
    }
}

impl Model {
    /// Serializes the non-zero rows.
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows: Vec<usize> = (0..self.weights.len() / N_TAGS)
            .filter(|r| self.weights[r * N_TAGS..(r + 1) * N_TAGS].iter().any(|&w| w != 0))
            .collect();
        let mut out = Vec::with_capacity(24 + rows.len() * (4 + 2 * N_TAGS));
        out.extend_from_slice(MAGIC);
        for v in [FORMAT, self.bits, N_TAGS as u32, rows.len() as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for r in rows {
            out.extend_from_slice(&(r as u32).to_le_bytes());
            for &w in &self.weights[r * N_TAGS..(r + 1) * N_TAGS] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tags_need_their_begin() {
        assert!(allowed(START, 1));
        assert!(!allowed(START, 2));
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(3, 2));
        assert!(!allowed(0, 4));
        assert!(allowed(0, 0));
    }

    #[test]
    fn model_bytes_round_trip() {
        let mut m = Model { bits: 4, weights: vec![0; 16 * N_TAGS] };
        m.weights[3 * N_TAGS + 2] = -7;
        let back = Model::from_bytes(&m.to_bytes()).expect("parses");
        assert_eq!(back.weights, m.weights);
        assert!(Model::from_bytes(b"garbage").is_none());
    }
}
