//! The averaged (structured) perceptron: hashed weights, Viterbi decoding, training and
//! the (quantized, sparse) model file.

mod trainer;

pub use trainer::{Example, Trainer};

use crate::features::{
    absent_lexicon_features, context_features_sparse, transition_features, word_features,
    word_form_key, FeatureSink, WordInfo, WordMemo, TRANSITION_CLASSES,
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
/// 3: weights as i8 (2: i16).
const FORMAT: u32 = 3;

/// Lanes of a weight row: one weight per tag. Weights are i8 so that the table (2^17 rows
/// of 9 bytes) stays within a core's 2 MB L2 cache: every feature of every word reads one
/// random row, and with i16 weights those reads missed it (ANERcorp dev F1 -0.1).
const LANES: usize = N_TAGS;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C)]
struct Row([i8; LANES]);

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
        // sums in i16 lanes, a chunk of features at a time: |weight| <= 127, so 256 of them
        // stay below 2^15
        scores.fill(0);
        for chunk in features.chunks(256) {
            let sums = self.sum_rows(chunk);
            for t in 0..N_TAGS {
                scores[t] += sums[t] as i32;
            }
        }
    }

    /// The sum of the rows of `features` (at most 256 of them), lane by lane.
    #[cfg(target_arch = "x86_64")]
    fn sum_rows(&self, features: &[u64]) -> [i16; N_TAGS] {
        use std::arch::x86_64::*;
        // eight lanes in the vector, the ninth apart
        const _: () = assert!(N_TAGS == 9);
        let mask = self.rows.len() - 1;
        let mut last = 0i16;
        // SAFETY: SSE2 is part of x86_64; each load reads the first 8 of a row's 9 bytes,
        // inside `self.rows`, unaligned loads allowed
        unsafe {
            let mut acc = _mm_setzero_si128();
            for &f in features {
                let row = &self.rows[self.bucket(f) & mask].0;
                let bytes = _mm_loadl_epi64(row.as_ptr() as *const __m128i);
                // i8 -> i16: each byte into the high half of a lane, then shifted down with sign
                let wide = _mm_srai_epi16(_mm_unpacklo_epi8(bytes, bytes), 8);
                acc = _mm_add_epi16(acc, wide);
                last = last.wrapping_add(row[8] as i16);
            }
            let mut out = [0i16; N_TAGS];
            _mm_storeu_si128(out.as_mut_ptr() as *mut __m128i, acc);
            out[8] = last;
            out
        }
    }

    #[cfg(not(target_arch = "x86_64"))]
    fn sum_rows(&self, features: &[u64]) -> [i16; N_TAGS] {
        let mut acc = [0i16; N_TAGS];
        for &f in features {
            let row = &self.rows[self.bucket(f) & (self.rows.len() - 1)].0;
            for t in 0..N_TAGS {
                acc[t] = acc[t].wrapping_add(row[t] as i16);
            }
        }
        acc
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
        mut memo: Option<&mut WordMemo>,
    ) -> Vec<usize> {
        cache.prepare(self);
        // the tag-independent part of every word first: these lookups do not wait on each
        // other, so the memory system can serve many at once
        // the score and back-pointer buffers are kept in `cache` from sentence to sentence
        let mut static_scores = std::mem::take(&mut cache.scores);
        static_scores.clear();
        static_scores.extend((0..infos.len()).map(|i| {
                let word_scores = |buffer: &mut Vec<u64>| {
                    buffer.clear();
                    word_features(&infos[i], &mut FeatureSink(buffer));
                    let mut scores = [0i32; N_TAGS];
                    self.add_scores(buffer, &mut scores);
                    scores
                };
                let memoized = memo
                    .as_deref_mut()
                    .and_then(|memo| memo.scores_of(&infos[i], self.id));
                let mut scores = match memoized {
                    Some((true, scores)) => *scores,
                    Some((false, slot)) => {
                        *slot = word_scores(buffer);
                        *slot
                    }
                    None => {
                        let key = word_form_key(&infos[i]);
                        let slot = (key >> (64 - WordCache::BITS)) as usize;
                        match cache.entries[slot] {
                            (k, scores) if k == key => scores,
                            _ => {
                                let scores = word_scores(buffer);
                                cache.entries[slot] = (key, scores);
                                scores
                            }
                        }
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
            }));
        let tags = self.decode(infos, &static_scores);
        cache.scores = static_scores;
        tags
    }

    /// The training decoder (`trainer::viterbi`) in integers, with only the last column of
    /// path scores kept: the model's scores are integers, and this runs for every word the
    /// stage reads.
    fn decode(&self, infos: &[WordInfo], static_scores: &[[i32; N_TAGS]]) -> Vec<usize> {
        let n = infos.len().min(static_scores.len());
        if n == 0 {
            return Vec::new();
        }
        // a local buffer: one kept in the cache measured slower (the loop below then wrote
        // through a pointer it could not keep in registers)
        let mut back = vec![[0u8; N_TAGS]; n];
        let class = |i: usize| infos[i].transition_class as usize % TRANSITION_CLASSES;
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
        backtrack(&delta, &back)
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
                weights[bucket].0[t] = r.i8()?;
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
    /// A buffer for one sentence's word scores.
    scores: Vec<[i32; N_TAGS]>,
}

impl WordCache {
    /// As many forms as [`crate::features::WordMemo`] keeps.
    const BITS: u32 = 13;

    fn prepare(&mut self, model: &Model) {
        let id = model.id;
        if self.model != id || self.entries.is_empty() {
            self.model = id;
            self.entries.clear();
            self.entries.resize(1 << Self::BITS, (0, [0; N_TAGS]));
        }
    }
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
    fn i8(&mut self) -> Option<i8> {
        Some(self.take(1)?[0] as i8)
    }
}

impl Model {
    /// Serializes the non-zero rows.
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows: Vec<usize> = (0..self.rows.len())
            .filter(|&r| self.rows[r].0.iter().any(|&w| w != 0))
            .collect();
        let mut out = Vec::with_capacity(32 + rows.len() * (4 + N_TAGS));
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

/// The tag sequence that ends in the best last tag (the first on ties), read back through
/// the back-pointers of every word: the end of both Viterbi decoders.
fn backtrack<T: PartialOrd>(last: &[T; N_TAGS], back: &[[u8; N_TAGS]]) -> Vec<usize> {
    let mut best = 0;
    for t in 1..N_TAGS {
        if last[t] > last[best] {
            best = t;
        }
    }
    let mut tags = vec![0; back.len()];
    for i in (0..back.len()).rev() {
        tags[i] = best;
        best = back[i][best] as usize;
    }
    tags
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
