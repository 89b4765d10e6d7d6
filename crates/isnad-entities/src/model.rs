//! The averaged (structured) perceptron: hashed weights, Viterbi decoding, training and
//! the (quantized, sparse) model file.

use crate::features::{
    absent_lexicon_features, bias_feature, context_features_sparse, static_features,
    transition_features, word_features, word_form_key, FeatureSink, WordInfo, TRANSITION_CLASSES,
};

/// IOB2 tags in model order.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
pub const N_TAGS: usize = TAGS.len();
/// The transition score of a forbidden transition (`O` → `I-PER`): below any path with
/// allowed ones (scores are at most a few million), far from overflowing.
const FORBIDDEN: i32 = -1_000_000_000;
/// Index of the "previous tag" before a sentence starts.
const START: usize = N_TAGS;

pub fn tag_index(tag: &str) -> usize {
    let tag = tag.replace("PERS", "PER");
    TAGS.iter().position(|t| *t == tag).unwrap_or(0)
}

/// `I-X` may only follow `B-X` or `I-X`.
pub fn allowed(prev: usize, tag: usize) -> bool {
    tag == 0 || tag % 2 == 1 || (prev != START && prev != 0 && prev.div_ceil(2) == tag.div_ceil(2))
}

const MAGIC: &[u8; 8] = b"ISNADNER";
const FORMAT: u32 = 2;

/// Lanes of a weight row: `N_TAGS` padded so that a row is one aligned 32-byte block
/// (one cache line, one vector add).
const LANES: usize = N_TAGS;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C)]
struct Row([i16; LANES]);

/// A trained model: `2^bits` buckets of `N_TAGS` quantized weights.
pub struct Model {
    bits: u32,
    rows: Vec<Row>,
    /// Unique per model made in this process, so caches never mix two models.
    id: usize,
    /// [`crate::lexicon::Lexicon::fingerprint`] of the lexicon the model was trained with:
    /// its gazetteer and trigger features mean something only with that lexicon.
    pub lexicon_fingerprint: u64,
    /// Scores of the transition features by the word's transition class and the previous
    /// tag (`START` last), computed once.
    transitions: [[[i32; N_TAGS]; N_TAGS + 1]; TRANSITION_CLASSES],
    /// Scores of the lexicon features of a word with no lexicon match near it (see
    /// [`context_features_sparse`]), computed once.
    absent: [i32; N_TAGS],
}

fn next_model_id() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Model {
    /// A model that tags everything `O`.
    pub fn empty() -> Model {
        Model {
            bits: 0,
            rows: vec![Row([0; LANES])],
            id: next_model_id(),
            lexicon_fingerprint: 0,
            transitions: [[[0; N_TAGS]; N_TAGS + 1]; TRANSITION_CLASSES],
            absent: [0; N_TAGS],
        }
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
        let mut acc = [0i32; LANES];
        for &f in features {
            let row = &self.rows[self.bucket(f) & (self.rows.len() - 1)].0;
            for t in 0..LANES {
                acc[t] += row[t] as i32;
            }
        }
        scores.copy_from_slice(&acc[..N_TAGS]);
    }

    fn with_transitions(mut self) -> Model {
        let mut absent = [0i32; N_TAGS];
        self.add_scores(&absent_lexicon_features(), &mut absent);
        self.absent = absent;
        for class in 0..TRANSITION_CLASSES {
            for prev in 0..=N_TAGS {
                let mut scores = [0i32; N_TAGS];
                self.add_scores(&transition_features(prev, class), &mut scores);
                // forbidden transitions folded into the table, so decoding needs no test
                for (t, score) in scores.iter_mut().enumerate() {
                    if !allowed(prev, t) {
                        *score = FORBIDDEN;
                    }
                }
                self.transitions[class][prev] = scores;
            }
        }
        self
    }

    /// Viterbi tagging of an analysed sentence under the IOB2 constraints; returns tag indices.
    pub fn tag(
        &self,
        infos: &[WordInfo],
        buffer: &mut Vec<u64>,
        cache: &mut WordCache,
    ) -> Vec<usize> {
        cache.prepare(self);
        // the tag-independent part of every word first: these lookups do not wait on each
        // other, so the memory system can serve many at once
        let static_scores: Vec<[i32; N_TAGS]> = (0..infos.len())
            .map(|i| {
                let key = word_form_key(&infos[i]);
                let slot = (key >> (64 - WordCache::BITS)) as usize;
                let mut scores = match cache.entries[slot] {
                    (k, scores) if k == key => scores,
                    _ => {
                        buffer.clear();
                        word_features(&infos[i], &mut FeatureSink(buffer));
                        let mut scores = [0i32; N_TAGS];
                        self.add_scores(buffer, &mut scores);
                        cache.entries[slot] = (key, scores);
                        scores
                    }
                };
                buffer.clear();
                cache.absent.clear();
                context_features_sparse(
                    infos,
                    i,
                    &mut FeatureSink(buffer),
                    &mut FeatureSink(&mut cache.absent),
                );
                let mut context = [0i32; N_TAGS];
                self.add_scores(buffer, &mut context);
                let mut present = [0i32; N_TAGS];
                if !cache.absent.is_empty() {
                    self.add_scores(&cache.absent, &mut present);
                }
                for t in 0..N_TAGS {
                    scores[t] += context[t] + self.absent[t] - present[t];
                }
                scores
            })
            .collect();
        self.decode(infos, &static_scores)
    }

    /// [`viterbi`] in integers with only the last column of path scores kept: the model's
    /// scores are integers, and this runs for every word the stage reads.
    fn decode(&self, infos: &[WordInfo], static_scores: &[[i32; N_TAGS]]) -> Vec<usize> {
        let n = infos.len().min(static_scores.len());
        if n == 0 {
            return Vec::new();
        }
        let mut back = vec![[0u8; N_TAGS]; n];
        let class = |i: usize| infos[i].transition_class % TRANSITION_CLASSES;
        let first = &self.transitions[class(0)][START];
        let mut delta = [0i64; N_TAGS];
        for t in 0..N_TAGS {
            delta[t] = (first[t] + static_scores[0][t]) as i64;
        }
        for i in 1..n {
            let transitions = &self.transitions[class(i)];
            let mut next = [i64::MIN; N_TAGS];
            // `O` and `B-X` may follow any tag; `I-X` only `B-X` or `I-X` (the others'
            // transitions are forbidden, so they are not tried). The word's own score does
            // not depend on the previous tag: it is added after the best one is chosen.
            for t in (0..N_TAGS).filter(|t| t % 2 == 1 || *t == 0) {
                for prev in 0..N_TAGS {
                    let candidate = delta[prev] + transitions[prev][t] as i64;
                    if candidate > next[t] {
                        next[t] = candidate;
                        back[i][t] = prev as u8;
                    }
                }
            }
            for t in (2..N_TAGS).step_by(2) {
                for prev in [t - 1, t] {
                    let candidate = delta[prev] + transitions[prev][t] as i64;
                    if candidate > next[t] {
                        next[t] = candidate;
                        back[i][t] = prev as u8;
                    }
                }
            }
            for t in 0..N_TAGS {
                next[t] += static_scores[i][t] as i64;
            }
            delta = next;
        }
        let mut best = 0;
        for t in 1..N_TAGS {
            if delta[t] > delta[best] {
                best = t;
            }
        }
        let mut tags = vec![0; n];
        for i in (0..n).rev() {
            tags[i] = best;
            best = back[i][best] as usize;
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
        let fingerprint = r.u32()? as u64 | (r.u32()? as u64) << 32;
        let rows = r.u32()? as usize;
        let buckets = 1usize << bits;
        let mut weights = vec![Row([0; LANES]); buckets];
        for _ in 0..rows {
            let bucket = r.u32()? as usize;
            if bucket >= buckets {
                return None;
            }
            for t in 0..N_TAGS {
                weights[bucket].0[t] = r.i16()?;
            }
        }
        Some(
            Model {
                bits,
                rows: weights,
                id: next_model_id(),
                lexicon_fingerprint: fingerprint,
                transitions: [[[0; N_TAGS]; N_TAGS + 1]; TRANSITION_CLASSES],
                absent: [0; N_TAGS],
            }
            .with_transitions(),
        )
    }
}

/// Scores of the word-only features by word form, for one model (frequent words make most
/// of a text, so most lookups of their ten features are saved).
#[derive(Default)]
pub struct WordCache {
    model: usize,
    entries: Vec<(u64, [i32; N_TAGS])>,
    /// A buffer for the absent lexicon features of one word.
    absent: Vec<u64>,
}

impl WordCache {
    /// As many forms as [`crate::features::WordMemo`] keeps.
    const BITS: u32 = 15;

    fn prepare(&mut self, model: &Model) {
        let id = model.id;
        if self.model != id || self.entries.is_empty() {
            self.model = id;
            self.entries.clear();
            self.entries.resize(1 << Self::BITS, (0, [0; N_TAGS]));
        }
    }
}

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
    let mut best = 0;
    for t in 1..N_TAGS {
        if delta[n - 1][t] > delta[n - 1][best] {
            best = t;
        }
    }
    let mut tags = vec![0; n];
    for i in (0..n).rev() {
        tags[i] = best;
        best = back[i][best] as usize;
    }
    tags
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
                let transitions =
                    self.scores(&transition_features(prev, ex.infos[i].transition_class));
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
                    let class = ex.infos[i].transition_class;
                    self.update_one(&transition_features(gold_prev, class), gold, 1.0);
                    self.update_one(&transition_features(guess_prev, class), guess[i], -1.0);
                }
            }
            self.steps += 1;
        }
        errors
    }

    /// The averaged weights, quantized to i16, as a model.
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
    /// [`Trainer::averaged_weights`], same size), quantized to i16, as a model.
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
        let scale = 32000.0 / max;
        let rows = avg
            .chunks_exact(N_TAGS)
            .map(|ws| {
                let mut row = [0i16; LANES];
                for (r, w) in row.iter_mut().zip(ws) {
                    *r = (w * scale).round() as i16;
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

impl Model {
    /// Serializes the non-zero rows.
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows: Vec<usize> = (0..self.rows.len())
            .filter(|&r| self.rows[r].0.iter().any(|&w| w != 0))
            .collect();
        let mut out = Vec::with_capacity(24 + rows.len() * (4 + 2 * N_TAGS));
        out.extend_from_slice(MAGIC);
        let fingerprint = [
            self.lexicon_fingerprint as u32,
            (self.lexicon_fingerprint >> 32) as u32,
        ];
        for v in [
            FORMAT,
            self.bits,
            N_TAGS as u32,
            fingerprint[0],
            fingerprint[1],
            rows.len() as u32,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for r in rows {
            out.extend_from_slice(&(r as u32).to_le_bytes());
            for &w in &self.rows[r].0[..N_TAGS] {
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
        let mut m = Model {
            bits: 4,
            rows: vec![Row([0; LANES]); 16],
            id: next_model_id(),
            lexicon_fingerprint: 0,
            transitions: [[[0; N_TAGS]; N_TAGS + 1]; TRANSITION_CLASSES],
            absent: [0; N_TAGS],
        };
        m.rows[3].0[2] = -7;
        let back = Model::from_bytes(&m.to_bytes()).expect("parses");
        assert_eq!(back.rows, m.rows);
        assert!(Model::from_bytes(b"garbage").is_none());
    }
}
