//! The shared document: the original text and one optional field per layer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Layer, Span, Token};

/// Version of the JSON form of a [`Document`]. Bump it on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// One document under analysis. `text` is the original and is never modified; each layer
/// is `None` until the one stage that produces it has run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema_version: u32,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<Sentence>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<Entity>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<Quote>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<Token>>,
    /// Layers that are not built in (added by plugins), by name.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        rename = "layers",
        serialize_with = "crate::json::serialize_extensions"
    )]
    pub extensions: BTreeMap<String, serde_json::Value>,
}

impl Document {
    pub fn new(text: impl Into<String>) -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            text: text.into(),
            metadata: None,
            sentences: None,
            entities: None,
            quotes: None,
            tokens: None,
            extensions: BTreeMap::new(),
        }
    }

    /// Whether `layer` has been produced.
    pub fn has(&self, layer: &Layer) -> bool {
        match layer.as_str() {
            "tokens" => self.tokens.is_some(),
            "sentences" => self.sentences.is_some(),
            "entities" => self.entities.is_some(),
            "quotes" => self.quotes.is_some(),
            "metadata" => self.metadata.is_some(),
            other => self.extensions.contains_key(other),
        }
    }

    /// The tokens, or an empty slice if the layer is absent.
    pub fn tokens(&self) -> &[Token] {
        self.tokens.as_deref().unwrap_or_default()
    }

    pub fn sentences(&self) -> &[Sentence] {
        self.sentences.as_deref().unwrap_or_default()
    }

    pub fn entities(&self) -> &[Entity] {
        self.entities.as_deref().unwrap_or_default()
    }

    pub fn quotes(&self) -> &[Quote] {
        self.quotes.as_deref().unwrap_or_default()
    }

    /// The text a span covers (empty if the span does not slice the text).
    pub fn slice(&self, span: Span) -> &str {
        span.get(&self.text).unwrap_or("")
    }

    /// Moves `layer` from `other` into `self`, replacing what `self` had.
    pub fn take_layer(&mut self, other: &mut Document, layer: &Layer) {
        match layer.as_str() {
            "tokens" => self.tokens = other.tokens.take(),
            "sentences" => self.sentences = other.sentences.take(),
            "entities" => self.entities = other.entities.take(),
            "quotes" => self.quotes = other.quotes.take(),
            "metadata" => self.metadata = other.metadata.take(),
            name => match other.extensions.remove(name) {
                Some(v) => {
                    self.extensions.insert(name.to_owned(), v);
                }
                None => {
                    self.extensions.remove(name);
                }
            },
        }
    }

    /// Appends `other`'s items of the list `layer` (tokens, sentences, entities, quotes) to
    /// this document's, taking them; the layer is created if absent. Other layers are left.
    pub fn append_layer(&mut self, other: &mut Document, layer: &Layer) {
        fn append<T>(to: &mut Option<Vec<T>>, from: &mut Option<Vec<T>>) {
            if let Some(items) = from.take() {
                to.get_or_insert_with(Vec::new).extend(items);
            }
        }
        match layer.as_str() {
            "tokens" => append(&mut self.tokens, &mut other.tokens),
            "sentences" => append(&mut self.sentences, &mut other.sentences),
            "entities" => append(&mut self.entities, &mut other.entities),
            "quotes" => append(&mut self.quotes, &mut other.quotes),
            _ => {}
        }
    }

    /// Names of the layers present, built-in ones first.
    pub fn layers(&self) -> Vec<Layer> {
        let mut out: Vec<Layer> = Layer::BUILTIN.into_iter().filter(|l| self.has(l)).collect();
        out.extend(self.extensions.keys().map(|k| Layer::from(k.as_str())));
        out
    }
}

/// A sentence, with the range of token indices it covers (`doc.tokens()[tokens]`, empty
/// when the token layer is absent). In JSON the range is `[first, end]`, an array, so that
/// it is never mistaken for a byte span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "flat::SentenceFields")]
pub struct Sentence {
    #[serde(flatten)]
    pub span: Span,
    #[serde(default, with = "index_range")]
    pub tokens: std::ops::Range<usize>,
}

mod index_range {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::ops::Range;

    pub fn serialize<S: Serializer>(range: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
        [range.start, range.end].serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Range<usize>, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(start..end)
    }
}

/// An entity's type: ANERcorp's four name types and the rule-based value types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    Misc,
    Date,
    Duration,
    Number,
    Percent,
    Money,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
            EntityLabel::Date => "DATE",
            EntityLabel::Duration => "DURATION",
            EntityLabel::Number => "NUMBER",
            EntityLabel::Percent => "PERCENT",
            EntityLabel::Money => "MONEY",
        }
    }

    /// Names of people, organizations, places and others, as opposed to values.
    pub fn is_name(self) -> bool {
        matches!(self, EntityLabel::Per | EntityLabel::Org | EntityLabel::Loc | EntityLabel::Misc)
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A name, full or partial (`مارك روتي`, `روتي`).
    #[default]
    Name,
    /// A title or description standing for the entity (`الأمين العام للحلف`).
    Title,
    /// An abbreviation or alternative name (`الناتو` for `حلف شمال الأطلسي`).
    Alias,
    /// A value expression (dates, numbers).
    Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "flat::MentionFields")]
pub struct Mention {
    #[serde(flatten)]
    pub span: Span,
    #[serde(default)]
    pub kind: MentionKind,
}

/// One real-world entity and all its mentions in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `E1`, `E2`, … in order of first mention.
    pub id: String,
    pub label: EntityLabel,
    /// The most complete name the document gives it.
    pub canonical: String,
    pub mentions: Vec<Mention>,
    /// Titles next to a person's name (`وزير الدفاع الأميركي` before `لويد اوستن`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Span>,
    /// The normalized value of a DATE, DURATION, NUMBER, PERCENT or MONEY (`2024-09-06`, `P15M`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Entity {
    /// The entity with a mention overlapping `span`, if any.
    pub fn find_overlapping(entities: &[Entity], span: Span) -> Option<&Entity> {
        entities.iter().find(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
    }
}

/// A field of article metadata: where it is, and its value (the name without its label).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "flat::MetadataFieldFields")]
pub struct MetadataField {
    #[serde(flatten)]
    pub span: Span,
    pub value: String,
}

/// What an article says about itself: who wrote or translated it, where from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<MetadataField>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<MetadataField>,
    /// The outlet the article is taken from (`- عن K24 الإخباري` → `K24`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_outlet: Option<MetadataField>,
    /// Place and agency before the first sentence (`الرياض - واس`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<MetadataField>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// Who said a quote: the canonical name of their entity, the entity's id, and the mention
/// in the quote's own clause (`None` when the subject is dropped: `وأضاف …`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub entity: Option<String>,
    pub mention: Option<Span>,
}

/// A quotation and its attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The quoted words, without quotation marks or complementizer.
    pub content: Span,
    /// The reporting word(s) (`وقال`, `مشيرا الى`), or the colon or marks for a quote
    /// attributed by punctuation alone.
    pub cue: Span,
    pub speaker: Option<Speaker>,
    /// In [0, 1]; written with three decimals (an `f32` printed in full reads `0.72674996`).
    #[serde(serialize_with = "three_decimals")]
    pub confidence: f32,
}

fn three_decimals<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 1000.0).round() / 1000.0)
}

/// The flat forms the span-carrying structs are read from. Serde's `flatten` buffers every
/// object into an intermediate map before reading it, which made reading a document's entities
/// several times slower than the rest of it (it is on every plugin call); writing keeps
/// `flatten`, which costs nothing there.
mod flat {
    use serde::de::IgnoredAny;
    use serde::Deserialize;

    use super::{Mention, MentionKind, MetadataField, Sentence, Span};

    #[derive(Deserialize)]
    pub struct MentionFields {
        start: usize,
        end: usize,
        #[serde(default)]
        kind: MentionKind,
        /// Written beside a span by `json::document_to_*`; the span alone is the truth.
        #[serde(default, rename = "text")]
        _text: IgnoredAny,
    }

    impl From<MentionFields> for Mention {
        fn from(f: MentionFields) -> Mention {
            Mention { span: Span::new(f.start, f.end), kind: f.kind }
        }
    }

    #[derive(Deserialize)]
    pub struct SentenceFields {
        start: usize,
        end: usize,
        #[serde(default, with = "super::index_range")]
        tokens: std::ops::Range<usize>,
        #[serde(default, rename = "text")]
        _text: IgnoredAny,
    }

    impl From<SentenceFields> for Sentence {
        fn from(f: SentenceFields) -> Sentence {
            Sentence { span: Span::new(f.start, f.end), tokens: f.tokens }
        }
    }

    #[derive(Deserialize)]
    pub struct MetadataFieldFields {
        start: usize,
        end: usize,
        value: String,
        #[serde(default, rename = "text")]
        _text: IgnoredAny,
    }

    impl From<MetadataFieldFields> for MetadataField {
        fn from(f: MetadataFieldFields) -> MetadataField {
            MetadataField { span: Span::new(f.start, f.end), value: f.value }
        }
    }
}
