//! The JSON form of a document: every span object gets the `text` it covers, and any JSON
//! that comes back (from a plugin, say) is checked span by span against the original.
//!
//! A span in JSON is any object with integer `start` and `end` fields. Typed spans
//! ([`crate::Span`]) write their `text` while one of this module's functions serializes the
//! document: the document's text is lent to them through a thread-local for the duration,
//! which keeps serialization a single streaming pass (no intermediate `Value`) at hundreds of
//! MB/s. Extension layers, plain JSON values the core knows nothing about, get the same
//! treatment by walking the value tree ([`attach_span_texts`]).

use std::cell::Cell;

use serde::Serializer;
use serde_json::{Map, Value};

use crate::Document;

thread_local! {
    /// The text of the document being serialized on this thread, as (pointer, length).
    static CURRENT_TEXT: Cell<Option<(*const u8, usize)>> = const { Cell::new(None) };
}

/// Runs `f` with `text` as the current document text for span serialization.
fn with_text<R>(text: &str, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<(*const u8, usize)>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT_TEXT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT_TEXT.with(|c| c.replace(Some((text.as_ptr(), text.len())))));
    f()
}

/// Calls `f` with the current document text, if a document is being serialized.
pub(crate) fn with_current_text<R>(f: impl FnOnce(Option<&str>) -> R) -> R {
    match CURRENT_TEXT.with(|c| c.get()) {
        // SAFETY: the pointer and length come from a `&str` that `with_text` borrows for as long
        // as the value is set; `Restore` unsets it before that borrow ends, even on panic.
        Some((ptr, len)) => f(Some(unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(ptr, len)) })),
        None => f(None),
    }
}

/// Serializes extension layers with `text` added to their spans (see [`attach_span_texts`]).
pub(crate) fn serialize_extensions<S: Serializer>(
    extensions: &std::collections::BTreeMap<String, Value>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    with_current_text(|text| match text {
        Some(text) => {
            let mut with_texts = extensions.clone();
            with_texts.values_mut().for_each(|v| attach_span_texts(v, text));
            with_texts.serialize(serializer)
        }
        None => extensions.serialize(serializer),
    })
}

/// The document as a JSON value, with `text` added to every span.
pub fn document_to_value(doc: &Document) -> Value {
    with_text(&doc.text, || serde_json::to_value(doc)).expect("a Document always serializes")
}

/// The document as one line of JSON, with `text` added to every span.
pub fn document_to_string(doc: &Document) -> String {
    with_text(&doc.text, || serde_json::to_string(doc)).expect("a Document always serializes")
}

/// Writes the document as one line of JSON, with `text` added to every span.
pub fn write_document(writer: impl std::io::Write, doc: &Document) -> serde_json::Result<()> {
    with_text(&doc.text, || serde_json::to_writer(writer, doc))
}

/// The document as indented JSON.
pub fn document_to_pretty(doc: &Document) -> String {
    with_text(&doc.text, || serde_json::to_string_pretty(doc)).expect("a Document always serializes")
}

fn span_bounds(map: &Map<String, Value>) -> Option<(u64, u64)> {
    Some((map.get("start")?.as_u64()?, map.get("end")?.as_u64()?))
}

/// Adds `text` after `end` in every span object under `value`.
pub fn attach_span_texts(value: &mut Value, text: &str) {
    match value {
        Value::Object(map) => {
            if let Some((start, end)) = span_bounds(map) {
                let slice = text.get(start as usize..end as usize).unwrap_or("");
                map.insert("text".to_owned(), Value::String(slice.to_owned()));
            }
            for (key, v) in map.iter_mut() {
                if key != "text" {
                    attach_span_texts(v, text);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| attach_span_texts(v, text)),
        _ => {}
    }
}

/// Checks every span object under `value`: inside `text`, on char boundaries, `start <= end`,
/// and, where it carries a `text`, that text equal to the slice. The error names the JSON path.
pub fn check_spans(value: &Value, text: &str) -> Result<(), String> {
    let mut path = String::from("$");
    walk_check(value, text, &mut path)
}

fn walk_check(value: &Value, text: &str, path: &mut String) -> Result<(), String> {
    match value {
        Value::Object(map) => {
            if let Some((start, end)) = span_bounds(map) {
                let (s, e) = (start as usize, end as usize);
                if start > end || e > text.len() {
                    return Err(format!(
                        "span {path} = [{start}, {end}) lies outside the text ({} bytes)",
                        text.len()
                    ));
                }
                let Some(slice) = text.get(s..e) else {
                    return Err(format!("span {path} = [{start}, {end}) does not fall on UTF-8 character boundaries"));
                };
                if let Some(Value::String(claimed)) = map.get("text") {
                    if claimed != slice {
                        return Err(format!("span {path} = [{start}, {end}) claims text {claimed:?} but covers {slice:?}"));
                    }
                }
            }
            for (key, v) in map {
                if key == "text" && path == "$" {
                    continue;
                }
                let len = path.len();
                path.push('.');
                path.push_str(key);
                walk_check(v, text, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk_check(v, text, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Checks every span of a typed document (see [`check_spans`]).
pub fn check_document(doc: &Document) -> Result<(), String> {
    let mut value = serde_json::to_value(doc).map_err(|e| e.to_string())?;
    if let Value::Object(map) = &mut value {
        map.remove("text");
    }
    check_spans(&value, &doc.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sentence, Span};

    #[test]
    fn spans_carry_their_text() {
        let mut doc = Document::new("قال روتي.");
        doc.sentences = Some(vec![Sentence { span: Span::new(0, doc.text.len()), tokens: 0..0 }]);
        let v = document_to_value(&doc);
        assert_eq!(v["sentences"][0]["text"], "قال روتي.");
        assert!(v["sentences"][0]["tokens"].get("text").is_none(), "token ranges are not spans");
        assert_eq!(v["schema_version"], 1);
        check_spans(&v, &doc.text).unwrap();
    }

    /// Every layer reads back from its JSON, with or without the `text` beside each span.
    #[test]
    fn a_document_reads_back_from_either_form() {
        use crate::{Entity, EntityLabel, Mention, MentionKind, Metadata, MetadataField};
        let mut doc = Document::new("قال روتي.");
        let all = Span::new(0, doc.text.len());
        let name = Span::new(7, 15);
        doc.sentences = Some(vec![Sentence { span: all, tokens: 0..2 }]);
        doc.entities = Some(vec![Entity {
            id: "E1".into(),
            label: EntityLabel::Per,
            canonical: "روتي".into(),
            mentions: vec![Mention { span: name, kind: MentionKind::Title }],
            roles: vec![name],
            value: None,
        }]);
        doc.metadata = Some(Metadata {
            author: Some(MetadataField { span: name, value: "روتي".into() }),
            ..Metadata::default()
        });
        for json in [document_to_string(&doc), serde_json::to_string(&doc).unwrap()] {
            let back: Document = serde_json::from_str(&json).unwrap();
            assert_eq!(back, doc, "{json}");
        }
        let unknown = r#"{"schema_version":1,"text":"x","entities":[{"id":"E1","label":"PER","canonical":"x","mentions":[{"start":0,"end":1}]}]}"#;
        let back: Document = serde_json::from_str(unknown).unwrap();
        assert_eq!(back.entities()[0].mentions[0].kind, MentionKind::Name, "kind defaults to name");
    }

    #[test]
    fn bad_spans_are_named() {
        let text = "قال";
        let v: Value = serde_json::json!({"quotes": [{"content": {"start": 1, "end": 2}}]});
        let err = check_spans(&v, text).unwrap_err();
        assert!(err.contains("$.quotes[0].content"), "{err}");
        assert!(err.contains("boundaries"), "{err}");
        let v: Value = serde_json::json!({"x": {"start": 0, "end": 99}});
        assert!(check_spans(&v, text).unwrap_err().contains("outside"));
        let v: Value = serde_json::json!({"x": {"start": 0, "end": 2, "text": "ل"}});
        assert!(check_spans(&v, text).unwrap_err().contains("claims"));
    }
}
