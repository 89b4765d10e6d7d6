//! The name tagger: the built-in model plus gazetteer matches it missed.

use std::sync::OnceLock;

use crate::features::{analyse, LexiconMatches, WordInfo};
use crate::lexicon::{Lexicon, PhraseMatch};
use crate::model::{Model, WordCache, N_TAGS, TAGS};

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
}

/// Tags the words of one sentence; returns indices into [`TAGS`].
pub fn tag_indices(
    model: &Model,
    lexicon: &Lexicon,
    words: &[&str],
    scratch: &mut TaggerScratch,
) -> Vec<usize> {
    analyse(words, lexicon, &mut scratch.infos, &mut scratch.matches);
    let mut tags = model.tag(&scratch.infos, &mut scratch.features, &mut scratch.cache);
    add_gazetteer_names(lexicon, &scratch.matches.gazetteer, &mut tags);
    tags
}

/// Tags gazetteer names the model left entirely outside any name.
fn add_gazetteer_names(lexicon: &Lexicon, matches: &[PhraseMatch], tags: &mut [usize]) {
    for m in matches {
        // names the model found inside a known name are kept: on ANERcorp's dev part,
        // letting the longer gazetteer name absorb them costs 3 points of F1
        let untouched = tags[m.start..m.end].iter().all(|&t| t == 0)
            && tags.get(m.end).is_none_or(|&t| t == 0 || t % 2 == 1);
        if !untouched {
            continue;
        }
        let begin = match lexicon.entry_of(m).label {
            isnad_core::EntityLabel::Per => 1,
            isnad_core::EntityLabel::Loc => 3,
            isnad_core::EntityLabel::Org => 5,
            _ => 7,
        };
        debug_assert!(begin + 1 < N_TAGS);
        tags[m.start] = begin;
        for t in &mut tags[m.start + 1..m.end] {
            *t = begin + 1;
        }
    }
}

/// IOB2 tags (`B-PER`, `I-ORG`, `O`, …) for one sentence of words, with the same model and
/// gazetteers as the entity stage. Used by `isnad conll`.
pub fn tag_conll_sentence(words: &[&str]) -> Vec<String> {
    with_scratch(|scratch| tag_indices(builtin_model(), Lexicon::builtin(), words, scratch))
        .into_iter()
        .map(|t| TAGS[t].to_owned())
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
