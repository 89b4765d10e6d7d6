//! The JSON that crosses the boundary, both ways: a document restricted to some layers.
//!
//! The host sends a plugin the text and only the layers it `requires` or `extends` (a stage sees
//! what it declares, which also keeps undeclared reads from going unnoticed); the plugin replies
//! with only the layers it `produces` or `extends`. Both are `Document` JSON with layers left
//! out, so they are written by one borrowing view and read as a typed `Document`.
//!
//! An extended list layer whose items the stage only added to (the quote stage adds the
//! speakers the entity stage missed) goes back as its new items alone, under
//! `"appended": {"entities": [...]}`: the host appends them to its own copy. Sending the whole
//! layer back, and reading it, cost more than the quote stage's own work.
//!
//! Reading the reply typed (rather than as a `serde_json::Value`) and checking its spans on the
//! typed layers keeps the plugin boundary cheap: see `benches/overhead.rs`.

use std::collections::BTreeMap;

use isnad_core::{Document, Entity, Layer, Metadata, MetadataField, Quote, Sentence, Span, Token};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The list layers, whose new items alone may be sent back (`"appended"`).
const LIST_LAYERS: [Layer; 4] = [Layer::TOKENS, Layer::SENTENCES, Layer::ENTITIES, Layer::QUOTES];

/// `doc` with only `layers`, and the text if `with_text`, in `Document`'s own JSON form.
#[derive(Serialize)]
struct LayerView<'a> {
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<&'a Metadata>,
    #[serde(flatten)]
    lists: ListView<'a>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    layers: BTreeMap<&'a str, &'a Value>,
    #[serde(skip_serializing_if = "ListView::is_empty")]
    appended: ListView<'a>,
}

/// Items of the list layers: whole layers, or the new items of extended ones.
#[derive(Serialize, Default)]
struct ListView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<&'a [Sentence]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<&'a [Entity]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quotes: Option<&'a [Quote]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<&'a [Token]>,
}

impl<'a> ListView<'a> {
    /// The items of `doc`'s list layers from index `from(layer)` on, for the layers it names.
    fn of(doc: &'a Document, from: impl Fn(&Layer) -> Option<usize>) -> ListView<'a> {
        fn tail<'a, T>(items: &'a Option<Vec<T>>, from: Option<usize>) -> Option<&'a [T]> {
            items.as_deref().zip(from).and_then(|(items, n)| items.get(n..))
        }
        ListView {
            sentences: tail(&doc.sentences, from(&Layer::SENTENCES)),
            entities: tail(&doc.entities, from(&Layer::ENTITIES)),
            quotes: tail(&doc.quotes, from(&Layer::QUOTES)),
            tokens: tail(&doc.tokens, from(&Layer::TOKENS)),
        }
    }

    fn is_empty(&self) -> bool {
        self.sentences.is_none() && self.entities.is_none() && self.quotes.is_none() && self.tokens.is_none()
    }
}

/// The JSON of `doc` restricted to `layers` (and its text if `with_text`).
pub fn layers_json(doc: &Document, layers: &[Layer], with_text: bool) -> Vec<u8> {
    reply_json(doc, layers, &[], with_text)
}

/// The JSON of `doc` with `whole` layers in full and, for each `(layer, n)` of `appended`,
/// that list layer's items from index `n` on under `"appended"`.
pub fn reply_json(doc: &Document, whole: &[Layer], appended: &[(Layer, usize)], with_text: bool) -> Vec<u8> {
    let wants = |layer: &Layer| whole.contains(layer);
    let view = LayerView {
        schema_version: doc.schema_version,
        text: None,
        metadata: doc.metadata.as_ref().filter(|_| wants(&Layer::METADATA)),
        lists: ListView::of(doc, |layer| wants(layer).then_some(0)),
        layers: doc
            .extensions
            .iter()
            .filter(|(name, _)| wants(&Layer::from(name.as_str())))
            .map(|(name, value)| (name.as_str(), value))
            .collect(),
        appended: ListView::of(doc, |layer| appended.iter().find(|(l, _)| l == layer).map(|&(_, n)| n)),
    };
    let layers = serde_json::to_vec(&view).expect("document layers always serialize");
    if !with_text {
        return layers;
    }
    // The text is most of the bytes, and serde_json escapes a string byte by byte: it goes
    // first, escaped eight bytes at a time, and the layers' object follows without its `{`.
    let mut json = Vec::with_capacity(doc.text.len() + layers.len() + 16);
    json.extend_from_slice(b"{\"text\":");
    write_json_string(&mut json, &doc.text);
    json.push(b',');
    json.extend_from_slice(&layers[1..]);
    json
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it.
fn write_json_string(out: &mut Vec<u8>, text: &str) {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `word` is a control character, `"` or `\\` (a SWAR test: a byte
    // below 0x20, or equal to 0x22 or 0x5C, sets its high bit; false positives only from bytes
    // that already have it set are excluded by `!word`).
    let needs_escape = |word: u64| {
        let below = word.wrapping_sub(LOW * 0x20);
        let quote = (word ^ (LOW * 0x22)).wrapping_sub(LOW);
        let backslash = (word ^ (LOW * 0x5C)).wrapping_sub(LOW);
        (below | quote | backslash) & !word & HIGH != 0
    };
    let bytes = text.as_bytes();
    out.push(b'"');
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if at + 8 <= bytes.len() {
            let word = u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
            if !needs_escape(word) {
                at += 8;
                continue;
            }
        }
        let byte = bytes[at];
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0x00..=0x1F => b"",
            _ => {
                at += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[copied..at]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(byte >> 4) as usize], HEX[(byte & 0xF) as usize]]);
        } else {
            out.extend_from_slice(escape);
        }
        at += 1;
        copied = at;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

/// How a stage changed a layer it extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Unchanged,
    /// A list layer whose first `n` items are those it had before.
    Appended(usize),
    Replaced,
}

/// How `layer` went from `before` to `after`.
pub fn change(before: &Document, after: &Document, layer: &Layer) -> Change {
    fn list<T: PartialEq>(before: &Option<Vec<T>>, after: &Option<Vec<T>>) -> Change {
        match (before, after) {
            (Some(b), Some(a)) if a.len() >= b.len() && a[..b.len()] == b[..] => {
                if a.len() == b.len() {
                    Change::Unchanged
                } else {
                    Change::Appended(b.len())
                }
            }
            (None, None) => Change::Unchanged,
            _ => Change::Replaced,
        }
    }
    match layer.as_str() {
        "tokens" => list(&before.tokens, &after.tokens),
        "sentences" => list(&before.sentences, &after.sentences),
        "entities" => list(&before.entities, &after.entities),
        "quotes" => list(&before.quotes, &after.quotes),
        _ if same_layer(before, after, layer) => Change::Unchanged,
        _ => Change::Replaced,
    }
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

/// Parses JSON that crossed the boundary. The bytes are checked as UTF-8 once, with SIMD, and
/// then parsed as a `&str`: `serde_json::from_slice` would re-check every string byte by byte
/// instead, which was a third of the plugin's parse of a document (Arabic text is all
/// multi-byte characters, the slow path of `std::str::from_utf8`).
pub fn parse<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, ParseError> {
    let text = simdutf8::compat::from_utf8(bytes).map_err(|e| ParseError::Utf8 { byte: e.valid_up_to() })?;
    serde_json::from_str(text).map_err(ParseError::Json)
}

/// Why JSON from the other side of the boundary could not be read.
#[derive(Debug)]
pub enum ParseError {
    Utf8 { byte: usize },
    Json(serde_json::Error),
}

impl ParseError {
    /// Whether the JSON was well formed but did not fit the type it was read as.
    pub fn is_schema_mismatch(&self) -> bool {
        matches!(self, ParseError::Json(e) if e.classify() == serde_json::error::Category::Data)
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            ParseError::Utf8 { byte } => write!(f, "it is not UTF-8 (byte {byte})"),
            ParseError::Json(e) => e.fmt(f),
        }
    }
}

/// A plugin's reply, read: the schema version it states and its layers, typed.
pub struct Reply {
    pub schema_version: Option<u64>,
    /// Whole layers, which replace the host's.
    pub layers: Document,
    /// New items of list layers, which the host appends to its own.
    pub appended: Document,
}

/// A reply's fields, read in one pass that also collects the keys it does not know (serde's
/// derive would skip them, and `flatten` would buffer the whole reply first).
#[derive(Default)]
struct ReplyFields {
    schema_version: Option<u64>,
    metadata: Option<Metadata>,
    sentences: Option<Vec<Sentence>>,
    entities: Option<Vec<Entity>>,
    quotes: Option<Vec<Quote>>,
    tokens: Option<Vec<Token>>,
    layers: BTreeMap<String, Value>,
    appended: Option<AppendedFields>,
    unknown: Vec<String>,
}

impl<'de> Deserialize<'de> for ReplyFields {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = ReplyFields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of layers")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<ReplyFields, A::Error> {
                let mut fields = ReplyFields::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "schema_version" => fields.schema_version = map.next_value()?,
                        "metadata" => fields.metadata = map.next_value()?,
                        "sentences" => fields.sentences = map.next_value()?,
                        "entities" => fields.entities = map.next_value()?,
                        "quotes" => fields.quotes = map.next_value()?,
                        "tokens" => fields.tokens = map.next_value()?,
                        "layers" => fields.layers = map.next_value()?,
                        "appended" => fields.appended = map.next_value()?,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            fields.unknown.push(key);
                        }
                    }
                }
                Ok(fields)
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppendedFields {
    sentences: Option<Vec<Sentence>>,
    entities: Option<Vec<Entity>>,
    quotes: Option<Vec<Quote>>,
    tokens: Option<Vec<Token>>,
}

/// Reads a reply, refusing any top-level field or extension layer not in `declared`.
/// Errors are complete sentences about what the plugin returned.
pub fn read_reply(bytes: &[u8], declared: &[Layer]) -> Result<Reply, String> {
    let undeclared = |name: &str| {
        let names: Vec<String> = declared.iter().map(Layer::to_string).collect();
        format!("returned the `{name}` layer, which it does not declare (it declares: {})", names.join(", "))
    };
    let fields: ReplyFields = parse(bytes).map_err(|e| match e.is_schema_mismatch() {
        true => format!("returned layers that do not fit the document schema: {e}"),
        false => format!("returned invalid JSON: {e}"),
    })?;
    if let Some(key) = fields.unknown.first() {
        return Err(undeclared(key));
    }
    let present = [
        (Layer::METADATA, fields.metadata.is_some()),
        (Layer::SENTENCES, fields.sentences.is_some()),
        (Layer::ENTITIES, fields.entities.is_some()),
        (Layer::QUOTES, fields.quotes.is_some()),
        (Layer::TOKENS, fields.tokens.is_some()),
    ];
    if let Some((layer, _)) = present.iter().find(|(layer, here)| *here && !declared.contains(layer)) {
        return Err(undeclared(layer.as_str()));
    }
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
    let mut appended = Document::new(String::new());
    if let Some(fields) = fields.appended {
        appended.sentences = fields.sentences;
        appended.entities = fields.entities;
        appended.quotes = fields.quotes;
        appended.tokens = fields.tokens;
    }
    if let Some(layer) = LIST_LAYERS.iter().find(|layer| appended.has(layer) && !declared.contains(layer)) {
        return Err(undeclared(&format!("appended.{layer}")));
    }
    Ok(Reply { schema_version: fields.schema_version, layers, appended })
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

    fn entity(id: &str, start: usize, end: usize) -> Entity {
        Entity {
            id: id.into(),
            label: isnad_core::EntityLabel::Per,
            canonical: String::new(),
            mentions: vec![Mention { span: Span::new(start, end), kind: MentionKind::Name }],
            roles: vec![],
            value: None,
        }
    }

    #[test]
    fn a_list_layer_only_added_to_goes_back_as_its_new_items() {
        let mut before = Document::new("قال روتي");
        before.entities = Some(vec![entity("E1", 4, 12)]);
        let mut after = before.clone();
        assert_eq!(change(&before, &after, &Layer::ENTITIES), Change::Unchanged);
        after.entities.as_mut().unwrap().push(entity("E2", 0, 6));
        assert_eq!(change(&before, &after, &Layer::ENTITIES), Change::Appended(1));

        let json = reply_json(&after, &[Layer::QUOTES], &[(Layer::ENTITIES, 1)], false);
        let value: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(value["appended"]["entities"].as_array().unwrap().len(), 1);
        assert_eq!(value["appended"]["entities"][0]["id"], "E2");
        assert!(value.get("entities").is_none(), "{value}");

        let reply = read_reply(&json, &[Layer::QUOTES, Layer::ENTITIES]).unwrap();
        let mut host = before.clone();
        let mut appended = reply.appended;
        check_layer_spans(&appended, &host.text).unwrap();
        host.append_layer(&mut appended, &Layer::ENTITIES);
        assert_eq!(host.entities, after.entities);

        let err = read_reply(&json, &[Layer::QUOTES]).err().unwrap();
        assert!(err.contains("`appended.entities` layer, which it does not declare"), "{err}");
    }

    #[test]
    fn a_list_layer_changed_in_place_goes_back_whole() {
        let mut before = Document::new("قال روتي");
        before.entities = Some(vec![entity("E1", 4, 12), entity("E2", 0, 6)]);
        let mut after = before.clone();
        after.entities.as_mut().unwrap()[0].canonical = "روتي".into();
        after.entities.as_mut().unwrap().push(entity("E3", 0, 6));
        assert_eq!(change(&before, &after, &Layer::ENTITIES), Change::Replaced);
        after.entities.as_mut().unwrap().truncate(1);
        assert_eq!(change(&before, &after, &Layer::ENTITIES), Change::Replaced);
        let mut none = before.clone();
        none.entities = None;
        assert_eq!(change(&none, &before, &Layer::ENTITIES), Change::Replaced);
    }

    #[test]
    fn appended_items_must_be_of_a_list_layer() {
        let reply = br#"{"schema_version": 1, "appended": {"metadata": {}}}"#;
        let err = read_reply(reply, &[Layer::METADATA]).err().unwrap();
        assert!(err.contains("do not fit the document schema") && err.contains("metadata"), "{err}");
    }

    proptest::proptest! {
        /// The fast escaper writes exactly what serde_json writes for the same string.
        #[test]
        fn the_text_is_escaped_as_serde_json_escapes_it(text in "(\\PC|[\\x00-\\x1f\"\\\\]|قال){0,40}") {
            let mut fast = Vec::new();
            write_json_string(&mut fast, &text);
            proptest::prop_assert_eq!(String::from_utf8(fast).unwrap(), serde_json::to_string(&text).unwrap());
        }

        /// A document sent with its text reads back as the same document.
        #[test]
        fn a_document_sent_with_its_text_reads_back_whole(text in "(\\PC|[\\x00-\\x1f\"\\\\]){0,40}") {
            let mut doc = Document::new(text);
            doc.entities = Some(vec![entity("E1", 0, 0)]);
            let read: Document = parse(&layers_json(&doc, &[Layer::ENTITIES], true)).unwrap();
            proptest::prop_assert_eq!(read, doc);
        }

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
