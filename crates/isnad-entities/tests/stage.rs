//! The stage on short texts: configuration, layers, roles, metadata and span hygiene.

use isnad_core::{Document, EntityLabel, MentionKind, Stage};
use isnad_entities::EntityStage;

fn run(text: &str) -> Document {
    let mut doc = Document::new(text);
    let (tokens, sentences) = isnad_entities::simple_tokens::tokenize(text);
    doc.tokens = Some(tokens);
    doc.sentences = Some(sentences);
    EntityStage::default().process(&mut doc).expect("runs");
    doc
}

#[test]
fn configuration_names_the_valid_options() {
    let mut options = serde_json::Map::new();
    options.insert("values".into(), false.into());
    assert!(
        !EntityStage::from_config(&options)
            .expect("valid")
            .options
            .values
    );
    options.insert("colour".into(), true.into());
    let err = EntityStage::from_config(&options).unwrap_err();
    assert!(
        err.message.contains("colour") && err.message.contains("roles"),
        "{}",
        err.message
    );
    let stage = EntityStage::default();
    assert_eq!(stage.name(), "entities");
    assert_eq!(stage.produces().len(), 2);
}

#[test]
fn a_title_before_a_name_is_its_role() {
    let text = "وقال وزير الدفاع الأميركي لويد اوستن إن القوات ستبقى في العراق.";
    let doc = run(text);
    let austin = doc
        .entities()
        .iter()
        .find(|e| e.label == EntityLabel::Per)
        .expect("a person");
    assert_eq!(austin.canonical, "لويد اوستن");
    assert_eq!(
        austin
            .roles
            .iter()
            .map(|r| r.slice(text))
            .collect::<Vec<_>>(),
        vec!["وزير الدفاع الأميركي"]
    );
    assert!(austin.mentions.iter().any(|m| m.kind == MentionKind::Title));
    let iraq = doc
        .entities()
        .iter()
        .find(|e| e.canonical == "العراق")
        .expect("Iraq");
    assert_eq!(iraq.label, EntityLabel::Loc);
}

#[test]
fn metadata_layer_and_entities_are_always_set() {
    let doc = run("");
    assert_eq!(doc.entities().len(), 0);
    assert!(doc.metadata.is_some());
    let text = "الرياض - واس\nأعلن مجلس الوزراء السعودي اليوم قرارا جديدا.";
    let doc = run(text);
    let metadata = doc.metadata.expect("metadata");
    assert_eq!(
        metadata.dateline.map(|d| d.value),
        Some("الرياض - واس".to_owned())
    );
    assert!(isnad_core::json::check_document(&run(text)).is_ok());
}

#[test]
fn names_never_start_with_a_preposition() {
    let text = "صوت البرلمان على تمديد تواجد القوات في العراق.";
    let doc = run(text);
    for e in doc.entities() {
        for m in &e.mentions {
            let t = m.span.slice(text);
            assert!(!t.starts_with("على") && !t.starts_with("في "), "{t}");
        }
    }
}

#[test]
fn a_name_cut_at_bint_or_abd_is_completed() {
    let text = "وقالت مديرة البرنامج نوف بنت محمد العتيبي إن البرنامج ناجح.";
    let doc = run(text);
    let persons: Vec<&str> = doc
        .entities()
        .iter()
        .filter(|e| e.label == EntityLabel::Per)
        .map(|e| e.canonical.as_str())
        .collect();
    assert!(persons.contains(&"نوف بنت محمد العتيبي"), "{persons:?}");
}

#[test]
fn the_model_was_trained_with_the_current_lexicon() {
    let model = isnad_entities::tagger::builtin_model();
    let lexicon = isnad_entities::lexicon::Lexicon::builtin();
    assert_eq!(
        model.lexicon_fingerprint, lexicon.fingerprint,
        "data/gazetteer.tsv, data/triggers.tsv or data/first_names.txt changed since the model was trained: \
         retrain with `cargo run --release -p isnad-entities --bin isnad-train-ner -- --train \
         ../shared/data/anercorp/ANERCorp_CamelLab_train.txt --out crates/isnad-entities/model/ner.bin`"
    );
}

#[test]
fn an_amount_in_a_currency_is_money_not_a_name() {
    let text = "خصصت الوزارة 3.5 مليون ريال للحملة، ودفعت الشركة 1,200 دولار.";
    let pipeline = isnad_core::Pipeline::builder()
        .stage(isnad_normalize::NormalizeStage::default())
        .stage(isnad_entities::EntityStage::default())
        .build()
        .unwrap();
    let doc = pipeline.run(text).unwrap();
    let money: Vec<(&str, Option<&str>)> = doc
        .entities()
        .iter()
        .filter(|e| e.label == isnad_core::EntityLabel::Money)
        .map(|e| (e.mentions[0].span.slice(text), e.value.as_deref()))
        .collect();
    assert_eq!(money, [("3.5 مليون ريال", Some("3500000 SAR")), ("1,200 دولار", Some("1200 USD"))]);
    assert!(doc.entities().iter().all(|e| e.canonical != "ريال" && e.canonical != "دولار"), "{:?}", doc.entities());
}
