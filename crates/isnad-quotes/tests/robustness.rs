//! No panic on arbitrary input (unbalanced and nested marks included), every span on char
//! boundaries inside the text, and linear time on a huge document with one open quote.

use std::time::{Duration, Instant};

use isnad_core::{Document, Entity, EntityLabel, Mention, MentionKind, Span, Stage};
use isnad_quotes::QuoteStage;
use proptest::prelude::*;

fn prepared(text: &str, entities: Vec<Entity>) -> Document {
    let mut doc = Document::new(text);
    doc.tokens = Some(Vec::new());
    doc.sentences = Some(Vec::new());
    doc.entities = Some(entities);
    doc
}

fn check(doc: &Document) {
    let text = &doc.text;
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for q in doc.quotes() {
        assert!(
            ok(q.content) && !q.content.is_empty(),
            "content {:?}",
            q.content
        );
        assert!(ok(q.cue), "cue {:?}", q.cue);
        assert!((0.0..=1.0).contains(&q.confidence));
        if let Some(m) = q.speaker.as_ref().and_then(|s| s.mention) {
            assert!(ok(m), "mention {m:?}");
        }
        if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity.as_deref()) {
            assert!(
                doc.entities().iter().any(|e| e.id == id),
                "speaker entity {id} exists"
            );
        }
    }
    for e in doc.entities() {
        assert!(e.mentions.iter().all(|m| ok(m.span)));
    }
    let json = isnad_core::json::document_to_value(doc);
    isnad_core::json::check_spans(&json, text).expect("spans check");
}

/// Text built from the pieces the stage reacts to: cues, complementizers, marks of every
/// family, colons, stops, breaks, plus arbitrary characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("وقال".to_owned()),
        Just("قالت".to_owned()),
        Just("مشيرا الى".to_owned()),
        Just("بقوله".to_owned()),
        Just("عن".to_owned()),
        Just("أن".to_owned()),
        Just("بانها".to_owned()),
        Just("الوزير".to_owned()),
        Just("سامي نور".to_owned()),
        Just("الذي".to_owned()),
        Just("على".to_owned()),
        Just("لسان".to_owned()),
        Just("وفق".to_owned()),
        Just("\"".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("„".to_owned()),
        Just("″".to_owned()),
        Just(":".to_owned()),
        Just("،".to_owned()),
        Just(".".to_owned()),
        Just("\n".to_owned()),
        Just("ً".to_owned()),
        any::<char>().prop_map(|c| c.to_string()),
        "[a-z0-9 ]{0,4}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..60).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_valid(text in text()) {
        let mut doc = prepared(&text, Vec::new());
        QuoteStage::default().process(&mut doc).unwrap();
        check(&doc);
    }

    #[test]
    fn arbitrary_strings_too(text in "\\PC{0,200}") {
        let mut doc = prepared(&text, Vec::new());
        QuoteStage::default().process(&mut doc).unwrap();
        check(&doc);
    }

    #[test]
    fn entities_with_any_spans(text in text(), cuts in proptest::collection::vec((0usize..400, 0usize..40), 0..8)) {
        // Entities over arbitrary char-boundary spans, as a faulty entity stage might give.
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let entities = cuts
            .iter()
            .enumerate()
            .map(|(k, &(a, len))| {
                let s = bounds[a % bounds.len()];
                let e = bounds[(a + len) % bounds.len()].max(s);
                Entity {
                    id: format!("E{}", k + 1),
                    label: if k % 2 == 0 { EntityLabel::Per } else { EntityLabel::Org },
                    canonical: text[s..e].to_owned(),
                    mentions: vec![Mention { span: Span::new(s, e), kind: MentionKind::Name }],
                    roles: vec![Span::new(s, e)],
                    value: None,
                }
            })
            .collect();
        let mut doc = prepared(&text, entities);
        QuoteStage::default().process(&mut doc).unwrap();
        check(&doc);
    }
}

#[test]
fn ten_megabytes_with_one_open_quote_is_linear() {
    let mut text = String::from("وقال الوزير سامي نور: «");
    while text.len() < 10 << 20 {
        text.push_str("وأكد الوزير أن العمل مستمر، مشيرا الى ان الخطة \"جاهزة و«نعم» ");
    }
    let doc = prepared(&text, Vec::new());
    let started = Instant::now();
    let (quotes, _) = QuoteStage::default().analyze(&doc);
    let took = started.elapsed();
    assert!(!quotes.is_empty());
    assert!(took < Duration::from_secs(10), "10 MB took {took:?}");
}

#[test]
fn many_quotes_and_speakers_stay_fast() {
    // Many sentences, each a quote by a new speaker after many entities: nothing quadratic.
    let mut text = String::new();
    let mut entities = Vec::new();
    let mut k = 0;
    while text.len() < 4 << 20 {
        let start = text.len() + "وقال المدير ".len();
        text.push_str(&format!(
            "وقال المدير سامي{k} نور إن الخطة جاهزة، مشيرا الى ان العمل يبدأ. "
        ));
        let end = start + format!("سامي{k} نور").len();
        entities.push(Entity {
            id: format!("E{}", k + 1),
            label: EntityLabel::Per,
            canonical: text[start..end].to_owned(),
            mentions: vec![Mention {
                span: Span::new(start, end),
                kind: MentionKind::Name,
            }],
            roles: Vec::new(),
            value: None,
        });
        k += 1;
    }
    let doc = prepared(&text, entities);
    let started = Instant::now();
    let (quotes, _) = QuoteStage::default().analyze(&doc);
    let took = started.elapsed();
    assert_eq!(quotes.len(), 2 * k);
    assert!(
        took < Duration::from_secs(10),
        "4 MB of quotes took {took:?}"
    );
}
