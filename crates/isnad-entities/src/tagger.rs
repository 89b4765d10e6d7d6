//! The name tagger: the built-in model, and document-level consistency of person names.

use std::sync::OnceLock;

use crate::features::{analyse_with, LexiconMatches, WordInfo, WordMemo};
use crate::lexicon::Lexicon;
use crate::model::{Model, WordCache, TAGS};

/// The committed model, parsed once (an unreadable file gives a model that finds nothing).
pub fn builtin_model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_bytes(include_bytes!("../model/ner.bin")).unwrap_or_else(Model::empty)
    })
}

/// Reusable buffers, so tagging many sentences allocates little.
#[derive(Default)]
pub struct TaggerScratch {
    pub infos: Vec<WordInfo>,
    pub matches: LexiconMatches,
    features: Vec<u64>,
    cache: WordCache,
    memo: WordMemo,
}

/// Tags the words of one sentence; returns indices into [`TAGS`].
pub fn tag_indices(
    model: &Model,
    lexicon: &Lexicon,
    words: &[&str],
    scratch: &mut TaggerScratch,
) -> Vec<usize> {
    analyse_with(
        words,
        lexicon,
        &mut scratch.infos,
        &mut scratch.matches,
        Some(&mut scratch.memo),
    );
    // gazetteer names the model leaves out are not forced in: with Viterbi decoding and
    // the gazetteer features, doing so cost 1.3 points of F1 on ANERcorp's dev part (the
    // stage still restores known names in its own rules)
    model.tag(
        &scratch.infos,
        &mut scratch.features,
        &mut scratch.cache,
        Some(&mut scratch.memo),
    )
}

/// IOB2 tags (`B-PER`, `I-ORG`, `O`, …) for one sentence of words, with the same model and
/// gazetteers as the entity stage. Used by `isnad conll`.
pub fn tag_conll_sentence(words: &[&str]) -> Vec<String> {
    with_scratch(|scratch| tag_indices(builtin_model(), Lexicon::builtin(), words, scratch))
        .into_iter()
        .map(|t| TAGS[t].to_owned())
        .collect()
}

/// IOB2 tags for consecutive sentences of one text (CoNLL input), with document-level
/// consistency over neighbouring sentences ([`crate::training::CONLL_DOCUMENT_WINDOW`]), as
/// `isnad-ner-conll` and `scripts/eval_ner.sh` tag them.
pub fn tag_conll_sentences(sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
    crate::training::tag_sentences(builtin_model(), Lexicon::builtin(), sentences)
        .into_iter()
        .map(|tags| tags.into_iter().map(|t| TAGS[t].to_owned()).collect())
        .collect()
}

/// Runs `f` with this thread's scratch (buffers and word-score cache persist between calls).
pub fn with_scratch<T>(f: impl FnOnce(&mut TaggerScratch) -> T) -> T {
    thread_local! {
        static SCRATCH: std::cell::RefCell<TaggerScratch> = std::cell::RefCell::new(TaggerScratch::default());
    }
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut TaggerScratch::default()),
    })
}

/// The key under which a word's tag is shared with the other occurrences of its stem in a
/// document; 0 for words too short to be told apart from function words.
pub fn propagation_key(info: &WordInfo) -> u64 {
    // `long_stem`: at least `features::PROPAGATION_MIN_CHARS` chars
    if info.long_stem {
        info.stem_hash | 1
    } else {
        0
    }
}

/// Passes a key that is a hash already through.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A word left outside names joins a person's name if its stem was in one at least once for
/// every this many times it was left outside elsewhere (ANERcorp, nine held-out tenths of
/// train, mean micro F1: more than as often 75.84, a half 76.04, a quarter 76.17, an eighth
/// 76.02, any time 74.41).
const PERSON_SHARE: i32 = 4;

fn type_of(tag: usize) -> usize {
    tag.div_ceil(2)
}

/// Document-level consistency: a word the tagger left outside any name, whose stem the
/// tagger put in a person's name elsewhere in the document (sentences `s - window ..=
/// s + window`) more often than in any other type, and at least a quarter as often as it
/// left it out ([`PERSON_SHARE`]), becomes (part of) a person's name. `keys` and `tags`
/// hold one vector per sentence.
pub fn propagate_in_document(keys: &[Vec<u64>], tags: &mut [Vec<usize>], window: usize) {
    use std::collections::HashMap;
    let n = keys.len().min(tags.len());
    // most sentences of most documents name nobody twice: nothing to spread
    if !tags.iter().flatten().any(|&t| type_of(t) == 1) {
        return;
    }
    // the keys are hashes already
    let mut votes: HashMap<u64, [i32; 5], std::hash::BuildHasherDefault<KeyHasher>> =
        HashMap::default();
    let count = |votes: &mut HashMap<u64, [i32; 5], _>, keys: &[u64], tags: &[usize], sign: i32| {
        for (&k, &t) in keys.iter().zip(tags) {
            if k != 0 {
                votes.entry(k).or_default()[type_of(t)] += sign;
            }
        }
    };
    // a window over the whole document needs no copy of the tags to move it
    let whole = window >= n;
    let original: Vec<Vec<usize>> = if whole {
        // only the stems tagged as a person somewhere can change: the votes of the others
        // are not counted (a map entry per word of the document cost 3% of the stage)
        for s in 0..n {
            for (&k, &t) in keys[s].iter().zip(&tags[s]) {
                if k != 0 && type_of(t) == 1 {
                    votes.entry(k).or_default();
                }
            }
        }
        for s in 0..n {
            for (&k, &t) in keys[s].iter().zip(&tags[s]) {
                // key 0 (short words, a third of the text) never has a vote: not looked up
                if k == 0 {
                    continue;
                }
                if let Some(v) = votes.get_mut(&k) {
                    v[type_of(t)] += 1;
                }
            }
        }
        Vec::new()
    } else {
        tags.to_vec()
    };
    let mut entered = 0;
    for s in 0..n {
        while !whole && entered < n && entered <= s.saturating_add(window) {
            count(&mut votes, &keys[entered], &original[entered], 1);
            entered += 1;
        }
        if !whole && s > window {
            let left = s - window - 1;
            count(&mut votes, &keys[left], &original[left], -1);
        }
        let sentence = &mut tags[s];
        for i in 0..sentence.len().min(keys[s].len()) {
            let key = keys[s][i];
            if key == 0 || sentence[i] != 0 {
                continue;
            }
            let Some(v) = votes.get(&key) else { continue };
            let best = (1..5)
                .max_by_key(|&t| (v[t], std::cmp::Reverse(t)))
                .unwrap_or(1);
            // only persons: spreading places and organizations cost F1 on ANERcorp's dev part
            if best != 1 || v[best] * PERSON_SHARE <= v[0] {
                continue;
            }
            let begin = 2 * best - 1;
            let continues = i > 0 && type_of(sentence[i - 1]) == best;
            sentence[i] = if continues { begin + 1 } else { begin };
            // a name that followed now continues this one only if it is of the same type
            if let Some(next) = sentence.get_mut(i + 1) {
                if *next == begin + 1 {
                    // already inside: stays valid
                } else if *next % 2 == 0 && *next != 0 {
                    *next -= 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod propagation_tests {
    use super::*;

    #[test]
    fn a_person_tag_reaches_the_other_occurrences_of_the_stem() {
        // stem 7 is a person twice and untagged once; stem 9 a place (places never spread)
        let keys = vec![vec![5, 7], vec![7, 8], vec![3, 7, 9], vec![9]];
        let mut tags = vec![vec![1, 2], vec![1, 0], vec![0, 0, 3], vec![0]];
        propagate_in_document(&keys, &mut tags, usize::MAX);
        assert_eq!(
            tags[2],
            vec![0, 1, 3],
            "the untagged occurrence becomes B-PER"
        );
        assert_eq!(tags[3], vec![0], "places do not spread");
        // outside the window nothing changes
        let mut tags = vec![vec![1, 2], vec![1, 0], vec![0, 0, 3], vec![0]];
        let far = vec![vec![5, 7], vec![7, 8], vec![3, 4, 9], vec![9]];
        propagate_in_document(&far, &mut tags, 0);
        assert_eq!(tags[2], vec![0, 0, 3]);
    }

    #[test]
    fn conll_sentences_keep_their_lengths() {
        let sentences = vec![vec!["قال", "مارك", "روتي"], vec![], vec!["روتي"]];
        let tags = tag_conll_sentences(&sentences);
        let lengths: Vec<usize> = tags.iter().map(Vec::len).collect();
        assert_eq!(lengths, vec![3, 0, 1]);
    }

    #[test]
    fn propagation_keeps_iob2_valid() {
        // the untagged word after B-PER continues it; a following I-LOC is then cut to B-LOC
        let keys = vec![vec![7], vec![7], vec![2, 7, 4]];
        let mut tags = vec![vec![1], vec![1], vec![1, 0, 4]];
        propagate_in_document(&keys, &mut tags, usize::MAX);
        assert_eq!(tags[2], vec![1, 2, 3]);
    }
}
