//! Feature extraction for the name tagger: each feature is a hashed bucket index.

use isnad_core::EntityLabel;

use crate::lexicon::{Lexicon, MatchWord, PhraseMatch, TriggerKind};
use crate::model::N_TAGS;
use crate::text::{
    fold_into, hash_str, lookup_keys_of, mix, shape, strip_clitics, suffix_chars, Shape,
};

/// What the tagger knows about one word before tagging.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    pub folded: String,
    /// Byte offset in `folded` where the clitic-stripped stem starts.
    pub stem_start: u32,
    /// Where the three lookup keys (as written without article, stem, bare stem) start.
    pub key_starts: [u32; 3],
    pub key_hashes: [u64; 3],
    pub word_hash: u64,
    pub stem_hash: u64,
    /// [`hash_str`] of the last two chars.
    pub suffix2_hash: u64,
    pub shape: u8,
    pub clitics: u64,
    /// 0, or 1 + 2·label + (1 if inside a gazetteer name rather than at its start).
    pub gazetteer: u8,
    /// The trigger phrase covering this word, 0 if none.
    pub trigger_here: u8,
    /// The trigger phrase ending right before this word, 0 if none.
    pub trigger_before: u8,
    /// A common given name.
    pub given_name: bool,
    /// Whether a gazetteer name (bit 0) or a trigger phrase (bit 1) may start here.
    pub starts: u8,
    /// Which proclitics the word has (conjunction, preposition, article: one bit each):
    /// `وحسن` after a name starts another one.
    pub transition_class: u8,
    /// The key of the word's entry in a [`WordMemo`], 0 if none.
    pub form_key: u64,
    /// Whether the stem is long enough to share its tag across the document
    /// ([`crate::tagger::propagation_key`]).
    pub long_stem: bool,
}

impl MatchWord for WordInfo {
    fn folded(&self) -> &str {
        &self.folded
    }
    fn keys(&self) -> [&str; 3] {
        self.key_starts.map(|k| &self.folded[k as usize..])
    }
    fn key_hashes(&self) -> [u64; 3] {
        self.key_hashes
    }
}

impl WordInfo {
    pub fn stem(&self) -> &str {
        &self.folded[self.stem_start as usize..]
    }
}

fn label_code(label: EntityLabel) -> u64 {
    match label {
        EntityLabel::Per => 0,
        EntityLabel::Org => 1,
        EntityLabel::Loc => 2,
        _ => 3,
    }
}

fn trigger_code(kind: TriggerKind) -> u8 {
    match kind {
        TriggerKind::PerTitle => 1,
        TriggerKind::OrgHead => 2,
        TriggerKind::LocHead => 3,
        TriggerKind::CountryAdj => 4,
    }
}

fn shape_code(s: Shape) -> u64 {
    s as u64 + 1
}

/// The gazetteer and trigger phrases found in a sentence.
#[derive(Debug, Clone, Default)]
pub struct LexiconMatches {
    pub gazetteer: Vec<PhraseMatch>,
    pub triggers: Vec<PhraseMatch>,
}

/// Analyses the words of one sentence: folding, stems, gazetteer and trigger matches.
pub fn analyse(
    words: &[&str],
    lexicon: &Lexicon,
    out: &mut Vec<WordInfo>,
    matches: &mut LexiconMatches,
) {
    analyse_with(words, lexicon, out, matches, None)
}

/// [`analyse`], with the analyses of word forms seen before taken from `memo`.
pub fn analyse_with(
    words: &[&str],
    lexicon: &Lexicon,
    out: &mut Vec<WordInfo>,
    matches: &mut LexiconMatches,
    mut memo: Option<&mut WordMemo>,
) {
    // the word strings are reused from sentence to sentence: words past this sentence's
    // end wait in the memo's spare list rather than being dropped and allocated again
    match memo.as_deref_mut() {
        Some(memo) => {
            if out.len() > words.len() {
                memo.spare.extend(out.drain(words.len()..));
            }
            while out.len() < words.len() {
                out.push(memo.spare.pop().unwrap_or_default());
            }
            memo.prefetch(words, lexicon);
        }
        None => {
            out.truncate(words.len());
            out.resize_with(words.len(), WordInfo::default);
        }
    }
    for (k, (info, word)) in out.iter_mut().zip(words).enumerate() {
        match memo.as_deref_mut() {
            Some(memo) => memo.fill(k, word, lexicon, info),
            None => analyse_word(word, lexicon, info),
        }
        info.gazetteer = 0;
        info.trigger_here = 0;
        info.trigger_before = 0;
    }
    matches.gazetteer = lexicon.gazetteer.find_all_where(out, |w| w.starts & 1 != 0);
    matches.triggers = lexicon.triggers.find_all_where(out, |w| w.starts & 2 != 0);
    for m in &matches.gazetteer {
        let label = label_code(lexicon.entry_of(m).label);
        for (k, info) in out[m.start..m.end].iter_mut().enumerate() {
            info.gazetteer = (1 + 2 * label + (k > 0) as u64) as u8;
        }
    }
    for m in &matches.triggers {
        let kind = trigger_code(lexicon.triggers.phrases[m.phrase].payload);
        for info in &mut out[m.start..m.end] {
            info.trigger_here = kind;
        }
        if m.end < out.len() {
            out[m.end].trigger_before = kind;
        }
    }
}

/// The analysis of one word form, independent of its sentence.
fn analyse_word(word: &str, lexicon: &Lexicon, info: &mut WordInfo) {
    info.form_key = 0;
    fold_into(word, &mut info.folded);
    let (stem, code) = strip_clitics(&info.folded);
    // words are far shorter than 4 GB; a longer token only gets odd features
    info.stem_start = (info.folded.len() - stem.len()) as u32;
    let len = info.folded.len();
    info.key_starts = lookup_keys_of(&info.folded, stem, code).map(|k| (len - k.len()) as u32);
    info.key_hashes = info.keys().map(hash_str);
    let flags = lexicon.key_flags(info.key_hashes);
    info.given_name = flags & 1 != 0;
    info.starts = flags >> 1;
    info.word_hash = hash_str(&info.folded);
    info.stem_hash = hash_str(stem);
    info.suffix2_hash = hash_str(suffix_chars(&info.folded, 2));
    info.shape = shape_code(shape(word)) as u8;
    info.clitics = code.as_u64();
    info.transition_class = code.conjunction.is_some() as u8
        | (code.preposition.is_some() as u8) << 1
        | (code.article as u8) << 2;
    info.long_stem = stem.chars().nth(PROPAGATION_MIN_CHARS - 1).is_some();
}

/// Stems shorter than this are not told apart from function words when tags are shared
/// across a document.
pub const PROPAGATION_MIN_CHARS: usize = 3;

impl WordInfo {
    /// Copies `other` without allocating (the derived `clone_from` allocates a new string).
    fn copy_from(&mut self, other: &WordInfo) {
        self.folded.clone_from(&other.folded);
        self.stem_start = other.stem_start;
        self.key_starts = other.key_starts;
        self.key_hashes = other.key_hashes;
        self.word_hash = other.word_hash;
        self.stem_hash = other.stem_hash;
        self.suffix2_hash = other.suffix2_hash;
        self.shape = other.shape;
        self.clitics = other.clitics;
        self.given_name = other.given_name;
        self.starts = other.starts;
        self.transition_class = other.transition_class;
        self.long_stem = other.long_stem;
    }
}

/// Analyses of recent word forms (direct-mapped by a hash of the surface form): a news text
/// repeats its words, and folding, clitic stripping and hashing cost more than a lookup.
/// Each entry also keeps the scores of the form's own features under one model
/// ([`WordMemo::scores_of`]), so a word costs one trip to memory, not two.
#[derive(Default)]
pub struct WordMemo {
    /// The fingerprint of the lexicon the analyses were made with (given names depend on it).
    lexicon: u64,
    entries: Vec<MemoEntry>,
    spare: Vec<WordInfo>,
    /// The keys of the sentence's words ([`WordMemo::prefetch`]).
    keys: Vec<u64>,
}

#[derive(Default)]
struct MemoEntry {
    /// The surface form's [`hash_str`] (0: empty slot). A 64-bit hash stands for the form:
    /// comparing the strings cost a pointer chase and a `memcmp` per word.
    key: u64,
    info: WordInfo,
    /// The model `scores` are of (0: none).
    model: usize,
    scores: [i32; N_TAGS],
}

impl WordMemo {
    /// 2^13 forms: larger memos measured slower (they leave the L2 cache to the weights).
    const BITS: u32 = 13;

    /// Computes the keys of a sentence's words and asks for their entries ahead of use: a
    /// word's entry is rarely in the nearest caches, and waiting for each in turn was most of
    /// the time spent analysing a sentence.
    fn prefetch(&mut self, words: &[&str], lexicon: &Lexicon) {
        self.keys.clear();
        // a lexicon built in a test has no fingerprint to tell it from another
        let id = lexicon.fingerprint;
        if id == 0 {
            return;
        }
        if self.lexicon != id || self.entries.is_empty() {
            self.lexicon = id;
            self.entries.clear();
            self.entries
                .resize_with(1 << Self::BITS, MemoEntry::default);
        }
        for word in words {
            let key = hash_str(word) | 1;
            self.keys.push(key);
            #[cfg(target_arch = "x86_64")]
            {
                let entry = &self.entries[(key >> (64 - Self::BITS)) as usize];
                let at = entry as *const MemoEntry as *const i8;
                // SAFETY: a prefetch is only a hint; both addresses are inside the entry
                unsafe {
                    use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                    _mm_prefetch::<_MM_HINT_T0>(at);
                    _mm_prefetch::<_MM_HINT_T0>(at.add(std::mem::size_of::<MemoEntry>() - 1));
                }
            }
        }
    }

    /// The analysis of word `k` of the sentence given to [`WordMemo::prefetch`].
    fn fill(&mut self, k: usize, word: &str, lexicon: &Lexicon, info: &mut WordInfo) {
        info.form_key = 0;
        let Some(&key) = self.keys.get(k) else {
            return analyse_word(word, lexicon, info);
        };
        let entry = &mut self.entries[(key >> (64 - Self::BITS)) as usize];
        if entry.key != key {
            analyse_word(word, lexicon, &mut entry.info);
            entry.key = key;
            entry.model = 0;
        }
        info.copy_from(&entry.info);
        info.form_key = key;
    }

    /// The scores of `info`'s own features under model `model`, if this memo holds them,
    /// else a place to keep them once computed (`None` if `info` is not in the memo, or no
    /// longer: a later word of the sentence may have taken its slot).
    pub fn scores_of(
        &mut self,
        info: &WordInfo,
        model: usize,
    ) -> Option<(bool, &mut [i32; N_TAGS])> {
        if info.form_key == 0 || self.entries.is_empty() {
            return None;
        }
        let entry = &mut self.entries[(info.form_key >> (64 - Self::BITS)) as usize];
        if entry.key != info.form_key {
            return None;
        }
        let known = entry.model == model;
        entry.model = model;
        Some((known, &mut entry.scores))
    }
}

// Feature templates: distinct constants (gaps: templates dropped because they did not
// help on the dev part — the shape trigram, stem length) so equal values under different templates differ.
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_STEM: u64 = 3;
const T_WORD_AT: u64 = 4;
const T_STEM_AT: u64 = 5;
const T_BIGRAM_LEFT: u64 = 6;
const T_BIGRAM_RIGHT: u64 = 7;
const T_PREFIX: u64 = 8;
const T_SUFFIX: u64 = 9;
const T_SHAPE: u64 = 10;
const T_CLITICS: u64 = 12;
const T_GAZ_AT: u64 = 14;
const T_GAZ_PAIR: u64 = 15;
const T_TRIGGER_HERE: u64 = 16;
const T_TRIGGER_BEFORE: u64 = 17;
const T_TRIGGER_BEFORE2: u64 = 18;
const T_FIRST: u64 = 19;
const T_SUFFIX_LEFT: u64 = 20;
const T_TRIGGER_AFTER: u64 = 21;
const T_GIVEN_NAME: u64 = 22;
const T_STEM_SUFFIX: u64 = 23;
const T_LENGTH: u64 = 24;
const AFFIX_MAX: usize = 5;
const T_PREV_TAG: u64 = 30;
const T_PREV_TAG_CLITICS: u64 = 31;

const OUTSIDE: u64 = 0x0bad_cafe;

/// Collects hashed features (not yet reduced to buckets) into a buffer.
pub struct FeatureSink<'a>(pub &'a mut Vec<u64>);

impl FeatureSink<'_> {
    #[inline]
    fn add(&mut self, template: u64, value: u64) {
        self.0
            .push(mix(mix(0x9e37_79b9_7f4a_7c15, template), value));
    }
}

fn at(infos: &[WordInfo], i: usize, offset: isize) -> Option<&WordInfo> {
    let j = i as isize + offset;
    if j < 0 {
        None
    } else {
        infos.get(j as usize)
    }
}

/// How many features [`word_features`] adds; the first two are the word and its stem.
pub const WORD_FEATURES: usize = 10;

/// The features of the word form alone, so their scores can be cached per form.
pub fn word_features(w: &WordInfo, sink: &mut FeatureSink<'_>) {
    let stem = w.stem();
    sink.add(T_WORD, w.word_hash);
    sink.add(T_STEM, w.stem_hash);
    let chars = stem.chars().count();
    // where the stem's first n chars end and the word's last n chars start, n = 1..=AFFIX_MAX,
    // found in one pass each (a shorter word gives its whole self, as `prefix_chars` does)
    let mut prefix_ends = [stem.len(); AFFIX_MAX];
    for (end, (i, _)) in prefix_ends.iter_mut().zip(stem.char_indices().skip(1)) {
        *end = i;
    }
    let mut suffix_starts = [0; AFFIX_MAX];
    for (start, (i, _)) in suffix_starts.iter_mut().zip(w.folded.char_indices().rev()) {
        *start = i;
    }
    for n in 1..=AFFIX_MAX {
        sink.add(
            mix(T_PREFIX, n as u64),
            hash_str(&stem[..prefix_ends[n - 1]]),
        );
        let suffix = hash_str(&w.folded[suffix_starts[n - 1]..]);
        sink.add(mix(T_SUFFIX, n as u64), suffix);
        // the stem ends the word: its last n chars are the word's
        if n <= chars {
            sink.add(mix(T_STEM_SUFFIX, n as u64), suffix);
        }
    }
    sink.add(T_SHAPE, w.shape as u64);
    sink.add(T_CLITICS, w.clitics);
    sink.add(T_LENGTH, chars.min(12) as u64);
}

/// A key for the word-form cache: everything [`word_features`] reads.
pub fn word_form_key(w: &WordInfo) -> u64 {
    mix(mix(w.word_hash, w.shape as u64), w.clitics) | 1
}

/// The features of word `i` that depend on its context but not on predicted tags.
pub fn context_features(infos: &[WordInfo], i: usize, sink: &mut FeatureSink<'_>) {
    common_context_features(infos, i, sink);
    if i == 0 {
        sink.add(T_FIRST, 1);
    }
    for (template, value) in lexicon_features(infos, i).0 {
        sink.add(template, value);
    }
}

fn common_context_features(infos: &[WordInfo], i: usize, sink: &mut FeatureSink<'_>) {
    let w = &infos[i];
    sink.add(T_BIAS, 0);
    for offset in [-2isize, -1, 1, 2] {
        let word = at(infos, i, offset).map_or(OUTSIDE, |n| n.word_hash);
        sink.add(mix(T_WORD_AT, offset as u64), word);
    }
    let left = at(infos, i, -1);
    let right = at(infos, i, 1);
    sink.add(
        T_BIGRAM_LEFT,
        mix(left.map_or(OUTSIDE, |n| n.stem_hash), w.stem_hash),
    );
    sink.add(
        T_BIGRAM_RIGHT,
        mix(w.stem_hash, right.map_or(OUTSIDE, |n| n.stem_hash)),
    );
    // the neighbours' stems, clitics stripped: `وقال`/`قال` before a name count as one word
    // (dev F1 +0.9, mean of three held-out tenths of train)
    sink.add(mix(T_STEM_AT, 1), left.map_or(OUTSIDE, |n| n.stem_hash));
    sink.add(mix(T_STEM_AT, 2), right.map_or(OUTSIDE, |n| n.stem_hash));
    if let Some(l) = left {
        sink.add(T_SUFFIX_LEFT, l.suffix2_hash);
    }
}

/// How many features [`lexicon_features`] gives.
const LEXICON_FEATURES: usize = 9;

/// The features of word `i` from gazetteer, trigger and given-name matches around it, as
/// (template, value), and whether any match is near (most words have none).
fn lexicon_features(infos: &[WordInfo], i: usize) -> ([(u64, u64); LEXICON_FEATURES], bool) {
    let w = &infos[i];
    let left = at(infos, i, -1);
    let right = at(infos, i, 1);
    let gazetteer = |offset: isize| at(infos, i, offset).map_or(0, |n| n.gazetteer as u64);
    let given = |offset: isize| at(infos, i, offset).is_some_and(|n| n.given_name) as u64;
    let (gl, g, gr) = (gazetteer(-1), gazetteer(0), gazetteer(1));
    let features = [
        (mix(T_GAZ_AT, -1isize as u64), gl),
        (mix(T_GAZ_AT, 0), g),
        (mix(T_GAZ_AT, 1), gr),
        (T_GAZ_PAIR, mix(g, mix(gl, gr))),
        (T_TRIGGER_HERE, w.trigger_here as u64),
        (T_TRIGGER_BEFORE, w.trigger_before as u64),
        (
            T_TRIGGER_BEFORE2,
            left.map_or(0, |n| n.trigger_before as u64),
        ),
        (T_TRIGGER_AFTER, right.map_or(0, |n| n.trigger_here as u64)),
        (T_GIVEN_NAME, given(-1) | given(0) << 1 | given(1) << 2),
    ];
    // every value is 0 without a match but the pair's, which mixes three zeros
    let any = gl | g | gr != 0 || features[4..].iter().any(|&(_, value)| value != 0);
    (features, any)
}

/// [`context_features`] for tagging: the lexicon features go to `sink` only for a word with a
/// match near it, and then those of a word without (which the model adds for every word,
/// [`absent_lexicon_features`]) to `absent`, to be taken away again. Scores are exactly
/// those of [`context_features`], at a third fewer weight lookups for most words.
pub fn context_features_sparse(
    infos: &[WordInfo],
    i: usize,
    sink: &mut FeatureSink<'_>,
    absent: &mut FeatureSink<'_>,
) {
    common_context_features(infos, i, sink);
    if i == 0 {
        sink.add(T_FIRST, 1);
    }
    let (features, any) = lexicon_features(infos, i);
    if any {
        for (template, value) in features {
            sink.add(template, value);
        }
        let none = [WordInfo::default()];
        for (template, value) in lexicon_features(&none, 0).0 {
            absent.add(template, value);
        }
    }
}

/// The lexicon features of a word with no lexicon match anywhere near it.
pub fn absent_lexicon_features() -> Vec<u64> {
    let infos = [WordInfo::default()];
    let mut v = Vec::with_capacity(LEXICON_FEATURES);
    let mut sink = FeatureSink(&mut v);
    for (template, value) in lexicon_features(&infos, 0).0 {
        sink.add(template, value);
    }
    v
}

/// All the features of word `i` that do not depend on predicted tags: the word's own
/// ([`WORD_FEATURES`] of them) first, then its context's.
pub fn static_features(infos: &[WordInfo], i: usize, sink: &mut FeatureSink<'_>) {
    word_features(&infos[i], sink);
    context_features(infos, i, sink);
}

/// The feature every word has.
pub fn bias_feature() -> u64 {
    let mut v = Vec::with_capacity(1);
    FeatureSink(&mut v).add(T_BIAS, 0);
    v[0]
}

/// How many values [`WordInfo::transition_class`] takes.
pub const TRANSITION_CLASSES: usize = 8;

/// The features that depend on the previous tag: the tag transition, alone and with the
/// word's proclitics. (The previous tag paired with the word or stem did not help on the dev
/// part and made Viterbi decoding several times slower: their scores cannot be precomputed
/// per model as these are.)
pub fn transition_features(prev: usize, class: usize) -> [u64; 2] {
    let mut v = Vec::with_capacity(2);
    let mut sink = FeatureSink(&mut v);
    sink.add(T_PREV_TAG, prev as u64);
    sink.add(T_PREV_TAG_CLITICS, mix(prev as u64, class as u64));
    [v[0], v[1]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysed(words: &[&str]) -> Vec<WordInfo> {
        let lex = Lexicon::parse(
            "ORG\tحلف شمال الأطلسي\tالناتو\n",
            "PER_TITLE\tوزير\nORG_HEAD\tحلف\n",
        );
        let mut infos = Vec::new();
        analyse(words, &lex, &mut infos, &mut LexiconMatches::default());
        infos
    }

    #[test]
    fn lexicon_matches_become_word_features() {
        let infos = analysed(&["قال", "وزير", "لويد", "لحلف", "شمال", "الأطلسي"]);
        assert_eq!(infos[2].trigger_before, 1, "the word after a person title");
        assert_eq!(infos[1].trigger_here, 1);
        // ORG is label 1: begin 1 + 2·1, inside one more
        assert_eq!(infos[3].gazetteer, 3);
        assert_eq!(infos[5].gazetteer, 4);
        assert_eq!(infos[0].gazetteer, 0);
        assert_eq!(infos[3].stem(), "لحلف");
    }

    #[test]
    fn features_depend_on_the_word_and_its_context() {
        let a = analysed(&["في", "العراق", "اليوم"]);
        let b = analysed(&["في", "العراق", "امس"]);
        let features = |infos: &[WordInfo], i: usize| {
            let mut v = Vec::new();
            static_features(infos, i, &mut FeatureSink(&mut v));
            v
        };
        let (fa, fb) = (features(&a, 1), features(&b, 1));
        assert_eq!(fa.len(), fb.len());
        assert_eq!(fa, features(&a, 1), "deterministic");
        let differing = fa.iter().zip(&fb).filter(|(x, y)| x != y).count();
        assert!(
            (1..=3).contains(&differing),
            "only the right-context features differ, got {differing}"
        );
        // clitics do not change the stem feature: `والعراق` and `العراق` share it
        let c = analysed(&["في", "والعراق", "اليوم"]);
        assert_eq!(c[1].stem_hash, a[1].stem_hash);
        assert_ne!(c[1].word_hash, a[1].word_hash);
    }
}
