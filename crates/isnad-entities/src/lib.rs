//! Entity extraction for isnad (issue 3): an averaged-perceptron name tagger trained on
//! ANERcorp, gazetteers and trigger words, rule-based values, roles, clusters and article
//! metadata, as the `entities` stage.

pub mod features;
pub mod folded;
pub mod lexicon;
pub mod model;
pub mod tagger;
pub mod text;
pub mod training;
pub mod values;

pub use tagger::{tag_conll_sentence, tag_conll_sentences};
pub mod cluster;
pub mod mentions;
pub mod metadata;
pub mod rules;
pub mod simple_tokens;
pub mod stage;

pub use stage::{extract, EntityOptions, EntityStage};
