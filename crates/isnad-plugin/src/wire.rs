//! The JSON that crosses the boundary, both ways: a document restricted to some layers.
//!
//! The host sends a plugin the text and only the layers it `requires` or `extends` (a stage sees
//! what it declares, which also keeps undeclared reads from going unnoticed); the plugin replies
//! with only the layers it `produces` or `extends`. Both are `Document` JSON with layers left
//! out, so they are written by one borrowing view and read as a typed `Document`.
//!
//! Reading the reply typed (rather than as a `serde_json::Value`) and checking its spans on the
//! typed layers keeps the plugin boundary cheap: see `benches/overhead.rs`.

use std::collections::BTreeMap;

use isnad_core::{Document, Entity, Layer, Metadata, MetadataField, Quote, Sentence, Span, Token};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `doc` with only `layers`, and the text if `with_text`, in `Document`'s own JSON form.
#[derive(Serialize)]
struct LayerView<'a> {
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<&'a Metadata>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<&'a [Sentence]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<&'a [Entity]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quotes: Option<&'a [Quote]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<&'a [Token]>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    layers: BTreeMap<&'a str, &'a Value>,
}

/// The JSON of `doc` restricted to `layers` (and its text if `with_text`).
pub fn layers_json(doc: &Document, layers: &[Layer], with_text: bool) -> Vec<u8> {
    let wants = |layer: &Layer| layers.contains(layer);
    let view = LayerView {
        schema_version: doc.schema_version,
        text: with_text.then_some(doc.text.as_str()),
        metadata: doc.metadata.as_ref().filter(|_| wants(&Layer::METADATA)),
        sentences: doc.sentences.as_deref().filter(|_| wants(&Layer::SENTENCES)),
        entities: doc.entities.as_deref().filter(|_| wants(&Layer::ENTITIES)),
        quotes: doc.quotes.as_deref().filter(|_| wants(&Layer::QUOTES)),
        tokens: doc.tokens.as_deref().filter(|_| wants(&Layer::TOKENS)),
        layers: doc
            .extensions
            .iter()
            .filter(|(name, _)| wants(&Layer::from(name.as_str())))
            .map(|(name, value)| (name.as_str(), value))
            .collect(),
    };
    serde_json::to_vec(&view).expect("document layers always serialize")
}

/// A copy of `doc`'s `layers` (and nothing else, not even the text).
pub fn copy_layers(doc: &Document, layers: &[Layer]) -> Document {
    let mut copy = Document::new(String::new());
    for layer in layers {
        match layer.as_str() {
            "tokens" => copy.tokens.clone_from(&doc.tokens),
            "sentences" => copy.sentences.clone_from(&doc.sentences),
            "entities" => copy.entities.clone_from(&doc.entities),
            "quotes" => copy.quotes.clone_from(&doc.quotes),
            "metadata" => copy.metadata.clone_from(&doc.metadata),
            name => {
                if let Some(value) = doc.extensions.get(name) {
                    copy.extensions.insert(name.to_owned(), value.clone());
                }
            }
        }
    }
    copy
}

/// Whether `layer` is the same in both documents.
pub fn same_layer(a: &Document, b: &Document, layer: &Layer) -> bool {
    match layer.as_str() {
        "tokens" => a.tokens == b.tokens,
        "sentences" => a.sentences == b.sentences,
        "entities" => a.entities == b.entities,
        "quotes" => a.quotes == b.quotes,
        "metadata" => a.metadata == b.metadata,
        name => a.extensions.get(name) == b.extensions.get(name),
    }
}

/// A plugin's reply, read: the schema version it states and its layers, typed.
pub struct Reply {
    pub schema_version: Option<u64>,
    pub layers: Document,
}

#[derive(Deserialize)]
struct ReplyFields {
    schema_version: Option<u64>,
    metadata: Option<Metadata>,
    sentences: Option<Vec<Sentence>>,
    entities: Option<Vec<Entity>>,
    quotes: Option<Vec<Quote>>,
    tokens: Option<Vec<Token>>,
    #[serde(default)]
    layers: BTreeMap<String, Value>,
}

/// Reads a reply, refusing any top-level field or extension layer not in `declared`.
/// Errors are complete sentences about what the plugin returned.
pub fn read_reply(bytes: &[u8], declared: &[Layer]) -> Result<Reply, String> {
    let undeclared = |name: &str| {
        let names: Vec<String> = declared.iter().map(Layer::to_string).collect();
        format!("returned the `{name}` layer, which it does not declare (it declares: {})", names.join(", "))
    };
    // A first, allocation-free pass over the keys: serde would otherwise skip unknown fields.
    let keys: BTreeMap<String, IgnoredAny> =
        serde_json::from_slice(bytes).map_err(|e| format!("returned invalid JSON: {e}"))?;
    for key in keys.keys() {
        let layer = Layer::from(key.as_str());
        let allowed = key == "schema_version" || key == "layers" || (layer.is_builtin() && declared.contains(&layer));
        if !allowed {
            return Err(undeclared(key));
        }
    }
    let fields: ReplyFields = serde_json::from_slice(bytes)
        .map_err(|e| format!("returned layers that do not fit the document schema: {e}"))?;
    if let Some(name) = fields.layers.keys().find(|name| !declared.contains(&Layer::from(name.as_str()))) {
        return Err(undeclared(name));
    }
    let mut layers = Document::new(String::new());
    layers.metadata = fields.metadata;
    layers.sentences = fields.sentences;
    layers.entities = fields.entities;
    layers.quotes = fields.quotes;
    layers.tokens = fields.tokens;
    layers.extensions = fields.layers;
    Ok(Reply { schema_version: fields.schema_version, layers })
}

/// Checks every span of `layers` against `text`: inside it, on character boundaries, start
/// before end. The error names the span's JSON path.
pub fn check_layer_spans(layers: &Document, text: &str) -> Result<(), String> {
    let check = |span: Span, path: &dyn Fn() -> String| -> Result<(), String> {
        if span.start > span.end || span.end > text.len() {
            return Err(format!("span {} = [{}, {}) lies outside the text ({} bytes)", path(), span.start, span.end, text.len()));
        }
        if span.get(text).is_none() {
            return Err(format!("span {} = [{}, {}) does not fall on UTF-8 character boundaries", path(), span.start, span.end));
        }
        Ok(())
    };
    for (i, token) in layers.tokens().iter().enumerate() {
        check(token.span, &|| format!("$.tokens[{i}]"))?;
        if let Some(clitics) = &token.clitics {
            check(clitics.stem, &|| format!("$.tokens[{i}].clitics.stem"))?;
        }
    }
    for (i, sentence) in layers.sentences().iter().enumerate() {
        check(sentence.span, &|| format!("$.sentences[{i}]"))?;
    }
    for (i, entity) in layers.entities().iter().enumerate() {
        for (j, mention) in entity.mentions.iter().enumerate() {
            check(mention.span, &|| format!("$.entities[{i}].mentions[{j}]"))?;
        }
        for (j, role) in entity.roles.iter().enumerate() {
            check(*role, &|| format!("$.entities[{i}].roles[{j}]"))?;
        }
    }
    for (i, quote) in layers.quotes().iter().enumerate() {
        check(quote.content, &|| format!("$.quotes[{i}].content"))?;
        check(quote.cue, &|| format!("$.quotes[{i}].cue"))?;
        if let Some(mention) = quote.speaker.as_ref().and_then(|s| s.mention) {
            check(mention, &|| format!("$.quotes[{i}].speaker.mention"))?;
        }
    }
    if let Some(metadata) = &layers.metadata {
        let fields: [(&str, &Option<MetadataField>); 4] = [
            ("author", &metadata.author),
            ("translator", &metadata.translator),
            ("source_outlet", &metadata.source_outlet),
            ("dateline", &metadata.dateline),
        ];
        for (name, field) in fields {
            if let Some(field) = field {
                check(field.span, &|| format!("$.metadata.{name}"))?;
            }
        }
    }
    // Extension layers are free-form: every object with integer `start` and `end` is a span.
    for (name, value) in &layers.extensions {
        isnad_core::json::check_spans(value, text).map_err(|e| e.replacen("span $", &format!("span $.layers.{name}"), 1))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_core::{Mention, MentionKind, QuoteKind, Speaker};

    /// The typed check must find every span the generic JSON walk of the core finds: a document
    /// with one bad span in each place must fail both, at the same path.
    #[test]
    fn the_typed_span_check_covers_every_span_of_the_document() {
        let text = "قال روتي";
        let bad = Span::new(1, 2);
        let ok = Span::new(0, 6);
        let entity = |mention: Span, role: Option<Span>| Entity {
            id: "E1".into(),
            label: isnad_core::EntityLabel::Per,
            canonical: "روتي".into(),
            mentions: vec![Mention { span: mention, kind: MentionKind::Name }],
            roles: role.into_iter().collect(),
            value: None,
        };
        let quote = |content: Span, cue: Span, mention: Option<Span>| Quote {
            kind: QuoteKind::Direct,
            content,
            cue,
            speaker: Some(Speaker { name: "روتي".into(), entity: None, mention }),
            confidence: 1.0,
        };
        let token = |span: Span, stem: Option<Span>| Token {
            span,
            kind: isnad_core::TokenKind::Word,
            norm: "".into(),
            clitics: stem.map(|stem| isnad_core::Clitics { proclitics: Default::default(), stem, stem_norm_start: 0 }),
        };
        let field = |span| Some(MetadataField { span, value: String::new() });
        let mut variants: Vec<Document> = Vec::new();
        let mut with = |edit: &dyn Fn(&mut Document)| {
            let mut doc = Document::new(text);
            edit(&mut doc);
            variants.push(doc);
        };
        with(&|d| d.tokens = Some(vec![token(bad, None)]));
        with(&|d| d.tokens = Some(vec![token(ok, Some(bad))]));
        with(&|d| d.sentences = Some(vec![Sentence { span: bad, tokens: 0..0 }]));
        with(&|d| d.entities = Some(vec![entity(bad, None)]));
        with(&|d| d.entities = Some(vec![entity(ok, Some(bad))]));
        with(&|d| d.quotes = Some(vec![quote(bad, ok, None)]));
        with(&|d| d.quotes = Some(vec![quote(ok, bad, None)]));
        with(&|d| d.quotes = Some(vec![quote(ok, ok, Some(bad))]));
        for name in ["author", "translator", "source_outlet", "dateline"] {
            with(&|d| {
                let mut m = Metadata::default();
                *match name {
                    "author" => &mut m.author,
                    "translator" => &mut m.translator,
                    "source_outlet" => &mut m.source_outlet,
                    _ => &mut m.dateline,
                } = field(bad);
                d.metadata = Some(m);
            });
        }
        with(&|d| {
            d.extensions.insert("x".into(), serde_json::json!({"inner": [{"start": 1, "end": 2}]}));
        });
        for doc in &variants {
            let generic = isnad_core::json::check_document(doc).expect_err("the core finds the bad span");
            let typed = check_layer_spans(doc, text).expect_err("the typed check finds the bad span");
            assert_eq!(typed, generic);
        }
        let fine = Document::new(text);
        check_layer_spans(&fine, text).unwrap();
    }

    proptest::proptest! {
        /// Whatever a plugin replies, reading and checking it returns, never panics.
        #[test]
        fn any_reply_is_read_without_panicking(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            start in 0usize..40,
            end in 0usize..40,
            text in "\\PC{0,12}",
        ) {
            let declared = [Layer::QUOTES, Layer::new("x")];
            let _ = read_reply(&bytes, &declared);
            let reply = format!(
                r#"{{"schema_version": 1, "quotes": [{{"kind": "direct", "content": {{"start": {start}, "end": {end}}}, "cue": {{"start": 0, "end": 0}}, "speaker": null, "confidence": 1.0}}], "layers": {{"x": {{"start": {end}, "end": {start}}}}}}}"#
            );
            let read = read_reply(reply.as_bytes(), &declared).expect("a well-formed reply is read");
            let checked = check_layer_spans(&read.layers, &text);
            let valid = |a: usize, b: usize| a <= b && text.get(a..b).is_some();
            proptest::prop_assert_eq!(checked.is_ok(), valid(start, end) && valid(end, start), "{:?}", checked);
        }
    }
}
