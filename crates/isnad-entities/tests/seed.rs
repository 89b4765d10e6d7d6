//! The seed article (a translated K24 report on NATO in Iraq): every entity of the gold
//! sample with its label, and the clusters of Rutte and Austin.

use isnad_core::{Entity, EntityLabel, MentionKind};

const SEED: &str = include_str!("../../../tests/fixtures/nato-iraq-k24.txt");

/// Through the real pipeline: the normalize stage's tokens, then this stage.
fn entities() -> (Vec<Entity>, isnad_core::Metadata) {
    let pipeline = isnad_core::Pipeline::builder()
        .stage(isnad_normalize::NormalizeStage::default())
        .stage(isnad_entities::EntityStage::default())
        .build()
        .expect("pipeline");
    let doc = pipeline.run(SEED).expect("runs");
    assert!(isnad_core::json::check_document(&doc).is_ok());
    (
        doc.entities.unwrap_or_default(),
        doc.metadata.unwrap_or_default(),
    )
}

/// With the crate's own simple tokenizer.
fn entities_simple() -> (Vec<Entity>, isnad_core::Metadata) {
    let (tokens, sentences) = isnad_entities::simple_tokens::tokenize(SEED);
    isnad_entities::extract(SEED, &tokens, &sentences, &Default::default())
}

fn texts(e: &Entity) -> Vec<&str> {
    e.mentions.iter().map(|m| m.span.slice(SEED)).collect()
}

fn entity_with<'e>(entities: &'e [Entity], label: EntityLabel, text: &str) -> Option<&'e Entity> {
    entities
        .iter()
        .find(|e| e.label == label && (e.canonical == text || texts(e).contains(&text)))
}

#[test]
fn every_sampled_entity_is_found_with_its_label() {
    for (entities, _) in [entities(), entities_simple()] {
        sample_found(&entities);
    }
}

fn sample_found(entities: &[Entity]) {
    let sample: &[(EntityLabel, &[&str])] = &[
        (
            EntityLabel::Per,
            &["مارك روتي", "جينس ستولتنبيرغ", "لويد اوستن", "حامد أحمد"],
        ),
        (
            EntityLabel::Org,
            &[
                "حلف شمال الأطلسي",
                "حلف الناتو",
                "التحالف الدولي ضد داعش",
                "داعش",
                "البرلمان الألماني",
                "الحكومة الفنلندية",
                "الاتحاد الأوروبي",
                "K24",
                "بعثة حلف الناتو في العراق",
                "تنظيم داعش الخراساني",
            ],
        ),
        (
            EntityLabel::Loc,
            &[
                "العراق",
                "بروكسل",
                "أوكرانيا",
                "غزة",
                "الشرق الأوسط",
                "سوريا",
                "منطقة الساحل",
                "أوروبا",
                "هولندا",
                "الولايات المتحدة",
                "واشنطن",
                "بغداد",
            ],
        ),
    ];
    let missing: Vec<String> = sample
        .iter()
        .flat_map(|(label, names)| names.iter().map(move |n| (*label, *n)))
        .filter(|(label, name)| entity_with(entities, *label, name).is_none())
        .map(|(label, name)| format!("{} {name}", label.as_str()))
        .collect();
    assert!(missing.is_empty(), "not found: {missing:?}");
}

#[test]
fn rutte_cluster_holds_name_surname_and_standalone_titles() {
    let (entities, _) = entities();
    let rutte = entity_with(&entities, EntityLabel::Per, "مارك روتي").expect("Rutte");
    assert_eq!(rutte.canonical, "مارك روتي");
    let t = texts(rutte);
    for expected in [
        "مارك روتي",
        "روتي",
        "الأمين العام للحلف",
        "الامين العام للحلف",
    ] {
        assert!(t.contains(&expected), "{expected} missing from {t:?}");
    }
    assert!(rutte
        .mentions
        .iter()
        .any(|m| m.kind == MentionKind::Title && m.span.slice(SEED) == "الأمين العام للحلف"));
    assert!(rutte
        .roles
        .iter()
        .any(|r| r.slice(SEED) == "الامين العام لحلف شمال الأطلسي"));
}

#[test]
fn austin_cluster_holds_his_role() {
    let (entities, _) = entities();
    let austin = entity_with(&entities, EntityLabel::Per, "لويد اوستن").expect("Austin");
    assert!(texts(austin).contains(&"وزير الدفاع الأميركي"));
    assert_eq!(
        austin
            .roles
            .iter()
            .map(|r| r.slice(SEED))
            .collect::<Vec<_>>(),
        vec!["وزير الدفاع الأميركي"]
    );
}

#[test]
fn nato_aliases_form_one_entity() {
    let (entities, _) = entities();
    let nato = entity_with(&entities, EntityLabel::Org, "حلف شمال الأطلسي").expect("NATO");
    let t = texts(nato);
    for expected in ["حلف الناتو", "الحلف"] {
        assert!(t.contains(&expected), "{expected} missing from {t:?}");
    }
    // the proclitic of لحلف stays out of the span
    assert!(!t.iter().any(|m| m.starts_with("لحلف")));
}

#[test]
fn seed_metadata() {
    let (entities, metadata) = entities();
    assert_eq!(
        metadata.translator.as_ref().map(|f| f.value.as_str()),
        Some("حامد أحمد")
    );
    assert_eq!(
        metadata.source_outlet.as_ref().map(|f| f.value.as_str()),
        Some("K24")
    );
    assert!(entity_with(&entities, EntityLabel::Org, "K24").is_some());
    let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids[0], "E1");
    assert_eq!(entities[0].canonical, "حامد أحمد");
}
