//! Quote attribution for Arabic news (issue 4): every direct and indirect quote, its
//! reporting cue, and its speaker linked to an entity.
//!
//! What counts as a quote follows `shared/gold/GUIDELINES.md`:
//! - **direct**: words in quotation marks (any family, reversed or unbalanced, over several
//!   paragraphs) or after a cue and a colon, attributed by a reporting cue before or after
//!   them, a colon after the source, or `وفق X،`; short marked terms with no attribution
//!   are scare quotes and are left out;
//! - **indirect**: a reporting verb, participle or `قوله` in any person, number and gender,
//!   then (past its subject and adverbials) a complementizer (`أن`, `إن`, `بأن`, `إلى أن`,
//!   hamza-less or with a pronoun); the content runs to the end of the sentence or the
//!   next cue. Cues with a noun object and impersonal framing (`يذكر أن`) are not quotes.
//!
//! The speaker is the subject after the cue, before it, or after the quote; a dropped
//! subject continues the previous speaker that agrees with the cue in gender and number.
//! Speakers are linked to the entity stage's entities; a speaker it missed is appended to
//! the entity layer with the next id.

mod context;
mod detect;
mod lexicon;
mod marks;
mod phrase;
mod realize;
mod speaker;
mod subject;
pub mod table;
mod text;

use isnad_core::{Document, Layer, Quote, QuoteKind, Span, Stage, StageError};

pub use lexicon::{Agreement, CueForm};

/// The quote stage: requires tokens, sentences and entities; produces quotes; may add
/// speakers to the entity layer.
#[derive(Debug, Clone)]
pub struct QuoteStage {
    /// Quotes below this confidence are dropped.
    pub min_confidence: f32,
}

impl Default for QuoteStage {
    fn default() -> Self {
        QuoteStage {
            min_confidence: 0.0,
        }
    }
}

const OPTIONS: &[&str] = &["min_confidence"];

impl QuoteStage {
    /// Builds the stage from a pipeline configuration table. Options: `min_confidence`
    /// (number in [0, 1], default 0).
    pub fn from_config(
        options: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Self, StageError> {
        let mut stage = QuoteStage::default();
        for (key, value) in options {
            match key.as_str() {
                "min_confidence" => {
                    let v = value
                        .as_f64()
                        .filter(|v| (0.0..=1.0).contains(v))
                        .ok_or_else(|| {
                            StageError::new(format!(
                                "quotes: min_confidence must be a number in [0, 1], got {value}"
                            ))
                        })?;
                    stage.min_confidence = v as f32;
                }
                other => {
                    return Err(StageError::new(format!(
                        "quotes: unknown option `{other}` (valid options: {})",
                        OPTIONS.join(", ")
                    )))
                }
            }
        }
        Ok(stage)
    }

    /// Finds the quotes of `doc` and returns them with the entity layer extended by the
    /// speakers it lacked. Does not modify `doc`.
    pub fn analyze(&self, doc: &Document) -> (Vec<Quote>, Option<Vec<isnad_core::Entity>>) {
        let words = text::scan(&doc.text);
        let mut ctx = detect::Context::new(&doc.text, &words);
        ctx.names = doc
            .entities()
            .iter()
            .filter(|e| {
                matches!(
                    e.label,
                    isnad_core::EntityLabel::Per | isnad_core::EntityLabel::Org
                )
            })
            .flat_map(|e| e.mentions.iter().map(|m| m.span))
            .collect();
        ctx.names.sort_unstable();
        ctx.name_starts = doc
            .entities()
            .iter()
            .filter(|e| e.label.is_name())
            .flat_map(|e| e.mentions.iter().map(|m| m.span.start))
            .collect();
        ctx.name_starts.sort_unstable();
        ctx.person_words = doc
            .entities()
            .iter()
            .filter(|e| e.label == isnad_core::EntityLabel::Per)
            .flat_map(|e| e.mentions.iter().filter(|m| m.kind == isnad_core::MentionKind::Name))
            .flat_map(|m| text::normalize(m.span.get(&doc.text).unwrap_or("")).split(' ').map(str::to_owned).collect::<Vec<_>>())
            .filter(|w| w.chars().count() >= 3)
            .collect();
        let found = detect::find(&ctx);
        let bylines: Vec<Span> = doc
            .metadata
            .iter()
            .flat_map(|m| [&m.author, &m.translator, &m.dateline])
            .flatten()
            .map(|field| field.span)
            .collect();
        let mut resolver = speaker::Resolver::new(&doc.text, &ctx, doc.entities().to_vec(), &bylines);
        let mut quotes = Vec::with_capacity(found.len());
        for f in &found {
            let (speaker, factor) = resolver.resolve(f);
            let confidence = (f.confidence * factor).clamp(0.0, 1.0);
            // Speech that no speaker can be found for is kept only when marked or strongly
            // cued: a reported clause after a dropped subject with no one before it (a
            // participle, a columnist's `أعتقد أن`) is more likely no quote at all, and a
            // quote without its speaker tells a reader little.
            let floor = if f.kind == QuoteKind::Direct { 0.45 } else { 0.5 };
            if confidence < self.min_confidence || (speaker.is_none() && confidence < floor) {
                continue;
            }
            quotes.push(Quote {
                kind: f.kind,
                content: f.content,
                cue: f.cue,
                speaker,
                confidence,
            });
        }
        let entities = resolver.added_entities().then(|| resolver.into_entities());
        (quotes, entities)
    }
}

impl Stage for QuoteStage {
    fn name(&self) -> &str {
        "quotes"
    }

    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }

    /// The entities, and the metadata for its bylines (a writer's name there speaks for no
    /// one in the story). Not tokens or sentences: the stage reads the text with its own
    /// scanner (see `text.rs`), and declaring layers it never reads would make a plugin build
    /// of it ship them across the ABI for nothing.
    fn requires(&self) -> Vec<Layer> {
        vec![Layer::ENTITIES, Layer::METADATA]
    }

    fn produces(&self) -> Vec<Layer> {
        vec![Layer::QUOTES]
    }

    fn extends(&self) -> Vec<Layer> {
        vec![Layer::ENTITIES]
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let (quotes, entities) = self.analyze(doc);
        if let Some(entities) = entities {
            doc.entities = Some(entities);
        }
        doc.quotes = Some(quotes);
        Ok(())
    }
}

/// One line of predictions as `score_quotes.py` reads it: the document's JSON (spans with
/// their text) without the token and sentence layers, plus `"id"`.
pub fn prediction_value(doc: &Document, id: serde_json::Value) -> serde_json::Value {
    let mut value = isnad_core::json::document_to_value(doc);
    if let serde_json::Value::Object(map) = &mut value {
        map.remove("tokens");
        map.remove("sentences");
        map.insert("id".to_owned(), id);
    }
    value
}

#[cfg(test)]
mod speaker_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod phrase_tests;
#[cfg(test)]
mod scope_tests;
