//! Unit tests of the speaker phrase: what belongs to it (a name in parentheses or marks, a
//! number ending a name), what ends it (a relative clause, a verb's object, a trailing
//! preposition) and what is no subject at all (a negation, an interrogative, an adverb, a
//! byline). Short synthetic sentences, as in `tests.rs`.

use isnad_core::{Document, Entity};

use crate::tests::{one, quotes};
use crate::QuoteStage;

#[test]
fn a_name_in_parentheses_after_an_organizations_head_is_part_of_the_speaker() {
    let (_, content, name, mention) = one("قالت دورية (لانسيت) الطبية إن اللوائح الخاصة بالوشم تميل إلى التركيز على المخاطر.");
    assert_eq!(content, "اللوائح الخاصة بالوشم تميل إلى التركيز على المخاطر");
    assert_eq!(mention.as_deref(), Some("دورية (لانسيت) الطبية"));
    assert_eq!(name.as_deref(), Some("دورية لانسيت الطبية"));
}

#[test]
fn the_verbs_prepositional_object_is_no_part_of_its_subject() {
    let (_, _, name, _) = one("ويعلق الكاتب على هذا الطبق بالقول: «إنه طبق في غاية الروعة يستحق أن يتذوقه الجميع».");
    assert_eq!(name.as_deref(), Some("الكاتب"));
    let (_, _, name, _) = one("وقال المشرف العام على المهرجان صالح الأحمد إن الإقبال كبير.");
    assert_eq!(name.as_deref(), Some("صالح الأحمد"));
    let (_, _, name, _) = one("وقال مصدر مطلع على المفاوضات إن الجولة انتهت.");
    assert_eq!(name.as_deref(), Some("مصدر مطلع على المفاوضات"));
    let (_, _, name, _) = one("وقال المشرف على الدراسة إن النتائج مشجعة.");
    assert_eq!(name.as_deref(), Some("المشرف على الدراسة"));
}

#[test]
fn a_writers_name_in_the_byline_speaks_for_no_one() {
    let text = "أيمن حسن – سبق: انتشرت على مواقع الأخبار أنباء عن هروب المتمردين، مشيرة إلى أنه تم القبض على عدد منهم.";
    let name = "أيمن حسن";
    let entities = vec![Entity {
        id: "E1".into(),
        label: isnad_core::EntityLabel::Per,
        canonical: name.into(),
        mentions: vec![isnad_core::Mention { span: isnad_core::Span::new(0, name.len()), kind: Default::default() }],
        roles: Vec::new(),
        value: None,
    }];
    let speaker_of = |byline: bool| {
        let mut doc = Document::new(text);
        doc.entities = Some(entities.clone());
        if byline {
            let end = text.find(':').unwrap();
            let span = isnad_core::Span::new(0, end);
            let field = isnad_core::MetadataField { span, value: text[..end].into() };
            doc.metadata = Some(isnad_core::Metadata { dateline: Some(field), ..Default::default() });
        }
        let quotes = QuoteStage::default().analyze(&doc).0;
        quotes.first().and_then(|q| q.speaker.as_ref()).map(|s| s.name.clone())
    };
    assert_eq!(speaker_of(false).as_deref(), Some(name), "without the byline the name is taken");
    assert_eq!(speaker_of(true), None);
}

#[test]
fn a_support_verb_or_relative_pronoun_before_the_cue_is_no_speaker() {
    let q = quotes("وقال الوزير سامي نور إن الاتفاق صامد. ومضى يقول إن البديل الذي طرحناه أفضل.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, q[0].2, "{q:?}");
    let q = quotes("وعرض المصمم تصاميمه الجديدة، التي شرح أنه استقاها من الفطائر.");
    assert!(q.iter().all(|r| r.2.as_deref() != Some("التي")), "{q:?}");
}

#[test]
fn a_demonstrative_points_back_to_the_titled_speaker() {
    let q = quotes("وقال مسؤول أمني إن الهجوم فشل. ونقلت وكالة «رويترز» عن هذا المسؤول، الذي رفض ذكر اسمه، قوله: «ما تقوله لنا الأحداث هو أن الخطر قائم».");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, q[0].2, "{q:?}");
}

#[test]
fn a_name_starting_with_lam_is_no_addressee() {
    let (_, _, _, mention) = one("ويقول رئيس الاتحاد العالمي للغطس الحر كيمو لاتينين «كانت نجمة غطس حر من الطراز الأول».");
    assert!(mention.as_deref().is_some_and(|m| m.ends_with("كيمو لاتينين")), "{mention:?}");
}

#[test]
fn an_organization_named_in_marks_speaks_for_its_dropped_subject_cues() {
    let q = quotes("كشفت شركة «تيراداتا» المتخصصة في تحليل البيانات عن تزايد الطلب.\nوأشارت إلى أن هذه البيانات تشمل المدونات.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.as_deref().is_some_and(|n| n.contains("تيراداتا")), "{q:?}");
}

#[test]
fn a_subject_set_off_by_a_relative_clause_speaks() {
    let (_, _, name, _) = one("إلا أن الحكومات التي تلتقي اعتبارا من الغد في هاواي تؤكد أن هذا الاتفاق سيعزز النمو.");
    assert_eq!(name.as_deref(), Some("الحكومات"));
}

#[test]
fn a_participle_after_unnamed_sources_continues_them() {
    let q = quotes("وقالت الوزيرة سامية نور إن الأمن مستتب. إلى ذلك، حذرت مصادر مطلعة من انتحال بعض المحامين صفة الدفاع عن السجناء، مشيرة إلى أن بعض الأهالي يقعون في شراكهم.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("مصادر مطلعة"), "{q:?}");
}

#[test]
fn the_title_imam_is_no_adverb() {
    let (_, _, name, _) = one("قال إمام وخطيب المسجد الحرام الشيخ الدكتور صالح بن عبدالله بن حميد إن الأمة بخير.");
    assert_eq!(name.as_deref(), Some("صالح بن عبدالله بن حميد"));
}

#[test]
fn a_conjoined_relative_and_a_trailing_preposition_are_no_part_of_the_speaker() {
    let (_, _, _, mention) = one("وقالت شاران بورو الأمين العام للاتحاد العالمي للنقابات والذي يضم الملايين إن الأجور تتراجع.");
    assert_eq!(mention.as_deref(), Some("شاران بورو الأمين العام للاتحاد العالمي للنقابات"));
}

#[test]
fn a_negation_before_the_verb_is_no_speaker() {
    let q = quotes("وقال الخبير سامي نور إن الأسعار مرتفعة. ولا يرى كذلك أنه توجد أزمة إسكانية.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, q[0].2, "{q:?}");
}

#[test]
fn an_interrogative_is_no_speaker() {
    let q = quotes("ترى هل هذا هو ما قصده الإمام علي عندما قال: «لا تربوا أبناءكم على ما أنتم عليه، فقد ولدوا لزمان غير زمانكم».");
    assert!(q.iter().all(|r| r.2.as_deref() != Some("هل")), "{q:?}");
}

#[test]
fn an_unnamed_sources_adjective_and_the_talk_a_verb_ends_are_no_names() {
    let (_, _, name, _) = one("وأشارت مصادر ميدانية إلى أن الغارات استهدفت مواقع عسكرية.");
    assert_eq!(name.as_deref(), Some("مصادر ميدانية"));
    let q = quotes("وقال الوزير سامي نور إن النادي جاهز. وختم حديثه بقوله إنه يفضل الاستمرار.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, q[0].2, "{q:?}");
    let (_, _, _, mention) = one("وختم نائب وزير الصحة حديثه بأن الوزارة بصدد إنشاء مستشفيات جديدة.");
    assert_eq!(mention.as_deref(), Some("نائب وزير الصحة"));
}

#[test]
fn a_number_that_ends_a_name_stays_in_the_speaker() {
    let (_, _, _, mention) = one("وذكرت هيئة توب 500 أن معدل النمو في الحوسبة العالمية قد تراجع.");
    assert_eq!(mention.as_deref(), Some("هيئة توب 500"));
    let (_, _, _, mention) = one("وقال الوزير سامي نور يوم 12 إن النمو تراجع.");
    assert_eq!(mention.as_deref(), Some("الوزير سامي نور"));
}

#[test]
fn a_long_adverbial_after_a_named_subject_still_leads_to_its_clause() {
    let q = quotes("أكد المدير العام لقناة «الإخبارية» جاسر الجاسر، عن قرب انفصال القناة، مبيّناً أن العمل يجري على الاستقلال. وأوضح الجاسر خلال أمسية إعلامية رمضانية نظمها المحاضر في كلية الإعلام والاتصال بجامعة الإمام محمد بن سعود عبدالله بن كدسة في الرياض أمس الأول، وأدارها الدكتور خالد الفرم، أن الاستقلالية المادية للقناة تسهم في عمل مهني، مشيراً إلى أن القناة ستنافس الوسائل الإعلامية.");
    assert_eq!(q.len(), 3, "{q:?}");
    for row in &q {
        assert!(row.2.as_deref().is_some_and(|n| n.ends_with("جاسر الجاسر")), "{q:?}");
    }
}

#[test]
fn an_addressee_in_the_media_and_an_adverb_after_the_verb_are_no_subjects() {
    let (_, _, _, mention) = one("وقال اللاعب لموقع ميلان: «أريد أن أساعد الفريق وسأحاول تقديم أفضل ما عندي».");
    assert_eq!(mention.as_deref(), Some("اللاعب"));
    let (_, _, name, _) = one("وكانت الحكومة التركية أكدت تزامناً مع الغارات وحملات اعتقال، أنها لن تتهاون مع المتمردين.");
    assert_eq!(name.as_deref(), Some("الحكومة التركية"));
    // A report's outlet and a council are no addressees.
    let (_, _, _, mention) = one("وكشف المدير العام للمكتب التنفيذي لمجلس وزراء الصحة البروفيسور توفيق خوجة، أن الإحصائيات مقلقة.");
    assert!(mention.as_deref().is_some_and(|m| m.ends_with("توفيق خوجة")), "{mention:?}");
}

#[test]
fn a_programme_addressee_a_capacity_and_statements_are_no_speakers() {
    let (_, _, _, mention) = one("وقال اللاعب لبرنامج في المرمى إنه سيغادر الكويت.");
    assert_eq!(mention.as_deref(), Some("اللاعب"));
    let (_, _, _, mention) = one("وجاء في أقوال المتهم أنه ارتكب فعلته بإرادته.");
    assert_eq!(mention.as_deref(), Some("المتهم"));
}
