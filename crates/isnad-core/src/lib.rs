//! The document model every isnad stage reads and writes, the [`Stage`] trait, and the
//! [`Pipeline`] that chains stages after checking that each one's requirements are met.
//!
//! Invariant kept by every type here: the original text is never changed, and every
//! annotation is a [`Span`] of UTF-8 byte offsets into it, on char boundaries.

mod document;
mod error;
pub mod json;
mod layer;
mod pipeline;
mod span;
mod stage;
mod token;

pub use compact_str::CompactString;
pub use document::{
    Document, Entity, EntityLabel, Mention, MentionKind, Metadata, MetadataField, Quote, QuoteKind, Sentence,
    Speaker, SCHEMA_VERSION,
};
pub use error::{Error, StageError};
pub use layer::Layer;
pub use pipeline::{Pipeline, PipelineBuilder};
pub use span::Span;
pub use stage::{Stage, StageInfo};
pub use token::{Clitics, ProcliticIter, Proclitic, Proclitics, Token, TokenKind};
