//! The seed article through the whole default pipeline (normalize → entities → quotes):
//! every quote of the gold annotation, its kind, its first words and its speaker.

use isnad_core::{Pipeline, QuoteKind};

const SEED: &str = include_str!("../../../tests/fixtures/nato-iraq-k24.txt");

#[test]
fn seed_quotes_and_speakers() {
    let pipeline = Pipeline::builder()
        .stage(isnad_normalize::NormalizeStage::default())
        .stage(isnad_entities::EntityStage::default())
        .stage(isnad_quotes::QuoteStage::default())
        .build()
        .unwrap();
    let doc = pipeline.run(SEED).unwrap();
    use QuoteKind::*;
    let rutte = "مارك روتي";
    let expected: &[(QuoteKind, &str, &str)] = &[
        (Indirect, "الحلف سيستمر بمهمته", rutte),
        (Indirect, "انحسار وتراجع تهديدات داعش", rutte),
        (Indirect, "اجتماع وزراء دفاع حلف الناتو", "K24"),
        (Indirect, "حلف الناتو سيستمر بعمله", rutte),
        (Direct, "حلف الناتو متعهد بشكل حازم", rutte),
        (Direct, "لكن علينا ان لا نشتت", rutte),
        (Direct, "اتباع داعش الرئيسيين", "لويد اوستن"),
        (Direct, "على الرغم من ذلك فنحن", rutte),
        (Direct, "بفضل التنسيق الحثيث", rutte),
        (Indirect, "نهاية مرحلة التحالف لا تعني", rutte),
        (Indirect, "ستنهي مهمتها ضمن قوات", "الحكومة الفنلندية"),
        (Indirect, "ستستمر بإسناد القطاع الأمني", "الحكومة الفنلندية"),
    ];
    let quotes = doc.quotes();
    let got: Vec<String> = quotes
        .iter()
        .map(|q| {
            format!(
                "{:?} {} | {:?}",
                q.kind,
                doc.slice(q.content),
                q.speaker.as_ref().map(|s| &s.name)
            )
        })
        .collect();
    assert_eq!(quotes.len(), expected.len(), "{got:#?}");
    for (q, (kind, start, speaker)) in quotes.iter().zip(expected) {
        assert_eq!(q.kind, *kind, "{got:#?}");
        assert!(doc.slice(q.content).starts_with(start), "{start}: {got:#?}");
        let name = &q
            .speaker
            .as_ref()
            .expect("every seed quote has a speaker")
            .name;
        assert!(name.contains(speaker), "{speaker} vs {name}");
        let entity = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity.as_deref())
            .expect("linked to an entity");
        assert!(doc.entities().iter().any(|e| e.id == entity));
    }
    // The last indirect quote ends with its sentence; the direct ones exclude their marks.
    assert!(doc.slice(quotes[11].content).ends_with("للمساعدات المدنية"));
    assert!(quotes.iter().all(|q| !doc.slice(q.content).contains('"')));
    // All of Rutte's quotes are one entity, whatever the mention (روتي, الأمين العام للحلف).
    let rutte_ids: std::collections::BTreeSet<_> = quotes
        .iter()
        .filter(|q| q.speaker.as_ref().is_some_and(|s| s.name == rutte))
        .filter_map(|q| q.speaker.as_ref().and_then(|s| s.entity.clone()))
        .collect();
    assert_eq!(rutte_ids.len(), 1, "{rutte_ids:?}");
}
