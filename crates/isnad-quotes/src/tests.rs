//! Unit tests: one short synthetic sentence per construction.

use isnad_core::{Document, Entity, Quote, QuoteKind};

use crate::QuoteStage;

/// (kind, content, speaker name, mention)
type Row = (QuoteKind, String, Option<String>, Option<String>);

/// The stage's quotes of `text`, with `entities` standing in for the entity stage.
pub(crate) fn analyze_with(text: &str, entities: Vec<Entity>) -> Vec<Quote> {
    let mut doc = Document::new(text);
    doc.tokens = Some(Vec::new());
    doc.sentences = Some(Vec::new());
    doc.entities = Some(entities);
    QuoteStage::default().analyze(&doc).0
}

fn quotes(text: &str) -> Vec<Row> {
    analyze_with(text, Vec::new())
        .iter()
        .map(|q| {
            (
                q.kind,
                q.content.slice(text).to_owned(),
                q.speaker.as_ref().map(|s| s.name.clone()),
                q.speaker
                    .as_ref()
                    .and_then(|s| s.mention)
                    .map(|m| m.slice(text).to_owned()),
            )
        })
        .collect()
}

fn one(text: &str) -> Row {
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{text}: {q:?}");
    q.into_iter().next().unwrap()
}

#[test]
fn indirect_after_verb_subject_and_adverbial() {
    let (kind, content, name, mention) =
        one("وقال وزير الخارجية سامي نور في تصريح للصحفيين اليوم إن المحادثات ستستأنف غدا.");
    assert_eq!(kind, QuoteKind::Indirect);
    assert_eq!(content, "المحادثات ستستأنف غدا");
    assert_eq!(name.as_deref(), Some("سامي نور"));
    assert_eq!(mention.as_deref(), Some("وزير الخارجية سامي نور"));
}

#[test]
fn closing_and_clarifying_verbs_report_but_during_does_not() {
    let (_, content, name, _) = one("وأبان الدكتور سامي نور أن المشروع سيكتمل العام المقبل.");
    assert_eq!((content.as_str(), name.as_deref()), ("المشروع سيكتمل العام المقبل", Some("سامي نور")));
    let (_, content, ..) = one("وختم الموقع بأن التذاكر ستتاح للجميع.");
    assert_eq!(content, "التذاكر ستتاح للجميع");
    assert!(quotes("وقعت الحادثة إبان الحرب أن كانت المدينة محاصرة.").is_empty());
}

#[test]
fn a_name_in_parentheses_after_an_organizations_head_is_part_of_the_speaker() {
    let (_, content, name, mention) = one("قالت دورية (لانسيت) الطبية إن اللوائح الخاصة بالوشم تميل إلى التركيز على المخاطر.");
    assert_eq!(content, "اللوائح الخاصة بالوشم تميل إلى التركيز على المخاطر");
    assert_eq!(mention.as_deref(), Some("دورية (لانسيت) الطبية"));
    assert_eq!(name.as_deref(), Some("دورية لانسيت الطبية"));
}

#[test]
fn marks_naming_an_outlet_before_a_cue_are_no_quote() {
    let q = quotes("وفي مقابلة سابقة مع صحيفة «نيويورك تايمز»، نوه أوباما إلى هرولة الدول إلى إيران.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn an_interviewers_question_is_no_report() {
    assert!(quotes("هل ستتخلى إيران عن الحوثي؟ أم ماذا تتوقع أن تفعل معه؟").is_empty());
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
fn complementizer_with_pronoun_stays_out() {
    let (_, content, ..) = one("وكانت الهيئة الوطنية قد أعلنت الأسبوع الماضي بانها ستغلق المكتب.");
    assert_eq!(content, "ستغلق المكتب");
}

#[test]
fn subject_before_the_verb() {
    let (_, _, name, _) = one("الهيئة الوطنية أعلنت أن المكتب سيغلق.");
    assert_eq!(name.as_deref(), Some("الهيئة الوطنية"));
}

#[test]
fn participle_starts_a_new_quote_with_the_same_speaker() {
    let q = quotes("أكد المدير سامي نور أن العمل مستمر، مشيرا الى ان النتائج جيدة.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "العمل مستمر");
    assert_eq!(q[1].1, "النتائج جيدة");
    assert_eq!(q[1].2.as_deref(), Some("سامي نور"));
    assert_eq!(q[1].3, None);
}

#[test]
fn direct_in_every_mark_family() {
    for text in [
        "وقال سامي: \"نحن مستعدون للحوار الجاد\".",
        "وقال سامي: «نحن مستعدون للحوار الجاد».",
        "وقال سامي: “نحن مستعدون للحوار الجاد”.",
        "وقال سامي: ”نحن مستعدون للحوار الجاد“.",
        "وقال سامي: »نحن مستعدون للحوار الجاد«.",
        "وقال سامي: „نحن مستعدون للحوار الجاد“.",
    ] {
        let (kind, content, name, _) = one(text);
        assert_eq!(kind, QuoteKind::Direct, "{text}");
        assert_eq!(content, "نحن مستعدون للحوار الجاد", "{text}");
        assert_eq!(name.as_deref(), Some("سامي"), "{text}");
    }
}

#[test]
fn marks_right_after_complementizer_are_direct() {
    let (kind, content, ..) = one("وقال سامي إن \"الحوار هو الطريق الوحيد للحل\".");
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(content, "الحوار هو الطريق الوحيد للحل");
}

#[test]
fn marks_inside_a_longer_clause_make_one_indirect_quote() {
    let (kind, content, ..) = one("وأكد سامي أن القرار \"لا رجعة فيه\" لكن \"الحوار ممكن دائما\".");
    assert_eq!(kind, QuoteKind::Indirect);
    assert_eq!(content, "القرار \"لا رجعة فيه\" لكن \"الحوار ممكن دائما\"");
}

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(quotes("افتتح مهرجان «الطاقة الجديدة» في المدينة.").is_empty());
}

#[test]
fn cue_with_noun_object_and_impersonal_framing_are_not_quotes() {
    assert!(quotes("وشدد الوزير على أهمية التعاون بين البلدين.").is_empty());
    assert!(quotes("يذكر أن المهرجان يقام كل عام.").is_empty());
    assert!(quotes("ومن المقرر أن يصل الوفد غدا.").is_empty());
}

#[test]
fn fragment_after_cue_and_preposition_is_direct() {
    let (kind, content, ..) = one("وشددت الوزيرة على «وجوب تغيير أنماط العمل».");
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(content, "وجوب تغيير أنماط العمل");
}

#[test]
fn colon_speech_without_marks_runs_to_the_paragraph_end() {
    let (kind, content, name, _) =
        one("وقال الدكتور سامي نور: يشترط التسجيل المسبق. والموعد غدا\nفقرة أخرى");
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(content, "يشترط التسجيل المسبق. والموعد غدا");
    assert_eq!(name.as_deref(), Some("سامي نور"));
}

#[test]
fn speaker_after_the_quote() {
    let (kind, _, name, _) = one("«سنواصل العمل حتى النهاية»، قال سامي نور.");
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(name.as_deref(), Some("سامي نور"));
}

#[test]
fn dropped_subject_continues_the_agreeing_speaker() {
    let q = quotes("وقالت المديرة هدى سالم إن الخطة جاهزة. وقال المهندس سامي نور إن التنفيذ سيبدأ. وأضافت أن التمويل متوفر.");
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[2].2.as_deref(), Some("هدى سالم"));
}

#[test]
fn surname_links_to_the_full_name() {
    let q = quotes("وقال سامي نور إن الخطة جاهزة. وقال نور \"سنبدأ التنفيذ الأسبوع المقبل\".");
    assert_eq!(q[1].2.as_deref(), Some("سامي نور"));
}

#[test]
fn reported_through_an_agency_the_source_speaks() {
    let (kind, _, name, _) = one("ونقلت وكالة الأنباء عن سامي نور قوله إن الاتفاق قريب.");
    assert_eq!(kind, QuoteKind::Indirect);
    assert_eq!(name.as_deref(), Some("سامي نور"));
}

#[test]
fn masdar_after_a_support_verb() {
    let q = quotes("وقال سامي نور إن الخطة جاهزة. ومضى بقوله \"لن نتراجع عن هذا الطريق أبدا\".");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0, QuoteKind::Direct);
    assert_eq!(q[1].2.as_deref(), Some("سامي نور"));
}

#[test]
fn relative_clause_cue_does_not_steal_the_complementizer() {
    let q =
        quotes("ولهذا فان الرئيس سامي نور أكد ما ذكره مسؤولون في مناسبات عدة، بان الاتفاق قائم.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "الاتفاق قائم");
    assert_eq!(q[0].2.as_deref(), Some("سامي نور"));
}

#[test]
fn new_speakers_become_entities() {
    let mut doc = Document::new("وقال سامي نور إن الخطة جاهزة.");
    doc.tokens = Some(Vec::new());
    doc.sentences = Some(Vec::new());
    doc.entities = Some(Vec::new());
    isnad_core::Stage::process(&QuoteStage::default(), &mut doc).unwrap();
    let e = &doc.entities()[0];
    assert_eq!((e.id.as_str(), e.canonical.as_str()), ("E1", "سامي نور"));
    assert_eq!(
        doc.quotes()[0]
            .speaker
            .as_ref()
            .and_then(|s| s.entity.as_deref()),
        Some("E1")
    );
}

#[test]
fn unknown_option_is_an_error_naming_the_valid_ones() {
    let mut m = serde_json::Map::new();
    m.insert("threshold".into(), serde_json::json!(1));
    let err = QuoteStage::from_config(&m).unwrap_err().to_string();
    assert!(
        err.contains("threshold") && err.contains("min_confidence"),
        "{err}"
    );
}

#[test]
fn time_words_before_the_subject() {
    let (_, content, name, _) =
        one("أعلن أمس الأربعاء وزير الخارجية سامي نور أن بلاده ستبدأ العمل قريبا.");
    assert_eq!(content, "بلاده ستبدأ العمل قريبا");
    assert_eq!(name.as_deref(), Some("سامي نور"));
}

#[test]
fn source_after_ala_lisan() {
    let (_, _, name, mention) =
        one("وأكدت الحكومة على لسان المتحدثة باسمها هدى سالم أن الاتفاق قائم.");
    assert_eq!(name.as_deref(), Some("هدى سالم"));
    assert_eq!(mention.as_deref(), Some("المتحدثة باسمها هدى سالم"));
}

#[test]
fn relative_clause_subject_is_the_antecedent() {
    let (_, _, name, _) =
        one("بحسب ما ذكرت «ذي ديلي نيوز» التي رأت ان المدرب لن يتردد في التغيير.");
    assert_eq!(name.as_deref(), Some("ذي ديلي نيوز"));
}

#[test]
fn addressee_before_the_subject_is_skipped() {
    let (_, _, name, _) = one("وقال لرويترز المتحدث سامي نور إن الوفد وصل.");
    assert_eq!(name.as_deref(), Some("سامي نور"));
}

#[test]
fn a_reported_clause_may_hold_a_cue_of_its_own() {
    // `يعتقدون` reports inside Sami's clause: one quote, not two.
    let q = quotes("وصرح سامي نور أن الخبراء يعتقدون أن الحل ممكن.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "الخبراء يعتقدون أن الحل ممكن");
}

#[test]
fn a_preposed_subject_opens_a_new_quote() {
    let q = quotes("وكانت الهيئة قد أعلنت أن الموسم ناجح، لكن الوزارة لفتت إلى أن الأرقام أقل.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "الموسم ناجح");
    assert_eq!(q[1].2.as_deref(), Some("الوزارة"));
}

#[test]
fn one_marked_word_after_a_cue_is_a_name() {
    assert!(quotes("ويعتبر قرار الشركة برنامجا جديدا لشركة «أمازون».").is_empty());
}

#[test]
fn participle_with_a_noun_object_reports_nothing() {
    assert!(quotes("عاد طالبا إعادة الأرض كاملة إلى أصحابها بعد أن ثبت أن الصك مزور.").is_empty());
    let q =
        quotes("وقال سامي نور إن فريقه جاهز، مشيرا إلى جاهزية اللاعبين، \"وهو ما ظهر في المعسكر\".");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "فريقه جاهز");
    assert_eq!(
        (q[1].0, q[1].1.as_str()),
        (QuoteKind::Direct, "وهو ما ظهر في المعسكر")
    );
    assert_eq!(q[1].2.as_deref(), Some("سامي نور"));
}

#[test]
fn verb_first_plural_subject_speaks_for_the_participle() {
    let (_, _, name, _) =
        one("قلل دبلوماسيون وخبراء مصريون من أهمية الحوار مؤكدين أن الحوار شكلي.");
    assert_eq!(name.as_deref(), Some("دبلوماسيون وخبراء مصريون"));
}

#[test]
fn a_document_speaks_through_jaa_fi() {
    let (kind, content, name, _) = one("وجاء في البيان أن الاجتماع سيعقد غدا.");
    assert_eq!(kind, QuoteKind::Indirect);
    assert_eq!(content, "الاجتماع سيعقد غدا");
    assert_eq!(name.as_deref(), Some("البيان"));
    assert!(quotes("وجاء الفريق في المركز الثاني بعد أن خسر المباراة.").is_empty());
}

#[test]
fn surname_with_the_article_links_to_the_full_name() {
    let q = quotes("وقال الوزير عادل الجبير إن الزيارة ناجحة. وأوضح الجبير أن المحادثات مستمرة.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("عادل الجبير"));
}

#[test]
fn a_prepositional_phrase_about_the_topic_is_no_part_of_the_speaker() {
    let q = quotes(
        "وقدم الباحث سعد ناصر دراسة عن الصناعة. وأوضح الباحث في أهمية البحث أنه يسهم في استقلال الدولة.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "يسهم في استقلال الدولة");
    assert_eq!(q[0].3.as_deref(), Some("الباحث"));
}

#[test]
fn marked_words_after_the_verbs_own_preposition_are_direct() {
    let (kind, content, _, mention) =
        one("ودعا الوزير إلى «مضاعفة الجهود من أجل ترسيخ الهدنة في البلاد» خلال الاجتماع.");
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(content, "مضاعفة الجهود من أجل ترسيخ الهدنة في البلاد");
    assert_eq!(mention.as_deref(), Some("الوزير"));
    let (kind, content, ..) = one("وحذر المتحدث من «عواقب وخيمة على المنطقة كلها» في حال استمرار القتال.");
    assert_eq!(kind, QuoteKind::Direct);
    assert_eq!(content, "عواقب وخيمة على المنطقة كلها");
    assert!(quotes("ودعا الوزير إلى ضرورة التعاون بين البلدين.").is_empty());
}

#[test]
fn a_cue_of_the_reported_clauses_own_subject_stays_inside_it() {
    let (_, content, _, mention) = one(
        "وبين التقرير الصادر عن البنك، أمس، أن البيانات الصادرة في الأسبوع الماضي، أشارت إلى أن القطاع نما بسرعة.",
    );
    assert_eq!(content, "البيانات الصادرة في الأسبوع الماضي، أشارت إلى أن القطاع نما بسرعة");
    assert_eq!(mention.as_deref(), Some("التقرير الصادر عن البنك"));
}

#[test]
fn a_fronted_topic_names_no_speaker() {
    let q = quotes(
        "وقال الوزير سامي نور: «المحادثات مستمرة». وعن الرئيس كريم زيد، أجاب «أحترمه جدا كلاعب وكرئيس للاتحاد».",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("سامي نور"), "{q:?}");
}

#[test]
fn honorific_pronouns_stand_for_the_person_named_before() {
    let q = quotes(
        "أوضح سماحة المفتي الشيخ سعد ناصر أن الإسلام حريص على المجتمع. وبين سماحته في خطبة الجمعة أمس أن الإسلام حرم قتل النفس.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("سعد ناصر"), "{q:?}");
    assert_eq!(q[1].3.as_deref(), Some("سماحته"), "{q:?}");
}

#[test]
fn a_long_chain_of_titles_is_still_a_subject() {
    let (_, _, name, _) = one(
        "أوضح سماحة مفتي عام المملكة رئيس هيئة كبار العلماء رئيس اللجنة الدائمة للبحوث العلمية والإفتاء الشيخ سعد بن ناصر آل سالم، أن الإسلام حريص على المجتمع.",
    );
    assert_eq!(name.as_deref(), Some("سعد بن ناصر آل سالم"));
}

#[test]
fn ali_is_a_name_where_the_preposition_is_written_with_alef_maksura() {
    let text = "وشدد على التعاون. وردا على سؤال، علق علي سعيد: «لا توجد أهداف خارج الفيلم كما ترى».";
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("علي سعيد"), "{q:?}");
    // Where the preposition is written `علي`, it stays the preposition.
    assert!(quotes("وشدد علي أهمية التعاون بين البلدين.").is_empty());
}

#[test]
fn the_writers_own_negated_present_is_no_quote() {
    assert!(quotes("ولا أعتقد أن شيئا غريبا في ذلك.").is_empty());
    assert_eq!(quotes("واعتقد الوزير أن الأزمة ستنتهي قريبا.").len(), 1);
}

#[test]
fn intermediaries_after_the_subject_do_not_speak_for_it() {
    let (_, content, _, mention) =
        one("وبرر الكثير من المدربين على لسان بعض الوسطاء أن مهمة التدريب غير آمنة.");
    assert_eq!(content, "مهمة التدريب غير آمنة");
    assert_eq!(mention.as_deref(), Some("الكثير من المدربين"));
}

#[test]
fn between_and_and_manner_adverbials_are_not_read_as_cue_and_subject() {
    assert!(quotes("ويدب بينه وبين زوجته ما يسمى بـ «الخرس الزوجي».").is_empty());
    let (_, content, _, mention) = one("وتوصلت الدراسة بنسبة كبيرة إلى أن الزواج الثاني يجدد العلاقة.");
    assert_eq!(content, "الزواج الثاني يجدد العلاقة");
    assert_eq!(mention.as_deref(), Some("الدراسة"));
}

#[test]
fn serial_verbs_circumstantial_clauses_and_whereas() {
    let q = quotes("وقال الطبيب سامي نور إن الحالة مستقرة. وتابع يقول إن المرضى يروون معاناتهم.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("سامي نور"), "{q:?}");
    let (_, _, _, mention) = one("وقال الوزير وهو يدفع بعربته إلى مقعده: \"هل من منافس في القاعة؟\"");
    assert_eq!(mention.as_deref(), Some("الوزير"));
    let q = quotes("تحدث الدكتور خالد عن الإعلام. في حين بين عبد الله سالم أن المشهد الداخلي لم يحقق النجاح.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3.as_deref(), Some("عبد الله سالم"), "{q:?}");
}

#[test]
fn titles_after_a_colon_time_clauses_and_the_object_of_lafata() {
    assert!(quotes("ويختتم البرنامج يوم الخميس بورشة عمل ومحاضرة بعنوان: (مسؤولية المراقبين الواقع والمأمول) يلقيها مدير الإدارة.").is_empty());
    let (_, content, _, mention) = one("ارتفع الدولار بعد أن أكدت رئيسة البنك سارة نور أن رفع الفائدة مرجح هذا العام.");
    assert_eq!(content, "رفع الفائدة مرجح هذا العام");
    assert_eq!(mention.as_deref(), Some("رئيسة البنك سارة نور"));
    assert!(quotes("يجب أن يعلن الوزير أن الخطة جاهزة.").is_empty());
    let (_, _, _, mention) = one("كما لفت عميد الكلية الدكتور نبيل سالم النظر إلى أن الجامعة انطلقت مبكرا.");
    assert_eq!(mention.as_deref(), Some("عميد الكلية الدكتور نبيل سالم"));
}

#[test]
fn an_abstract_object_and_a_platform_are_no_speakers() {
    let q = quotes(
        "وقال الوزير سامي نور إن المشاريع تسير. وأكد أهمية «متابعة المشروعات حتى الانتهاء منها بشكل كامل».",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("سامي نور"), "{q:?}");
    let (_, _, _, mention) = one("وكتب نادي بيليفيلد على تويتر: «نشعر بصدمة بالغة بعد سماع الأنباء».");
    assert_eq!(mention.as_deref(), Some("نادي بيليفيلد"));
}

#[test]
fn a_participle_of_manner_is_no_subject() {
    let q = quotes(
        "وقال الفنان فايز سالم إن العمل جاهز. حيث كتب سابقا مهاجما هيئة الإذاعة: «مساكين بعض المسؤولين في الهيئة».",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("فايز سالم"), "{q:?}");
}

#[test]
fn a_stance_before_its_clause_reports_it() {
    let (_, content, _, mention) = one("وأعرب الوزير عن قلقه من أن تتدهور الأوضاع في المنطقة.");
    assert_eq!(content, "تتدهور الأوضاع في المنطقة");
    assert_eq!(mention.as_deref(), Some("الوزير"));
    let q = quotes("وقال سامي نور إن الثورة مستمرة، معبرا عن أمله بأن تؤيد روسيا قرارا جديدا.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "تؤيد روسيا قرارا جديدا");
    assert!(quotes("وأعرب الوزير عن شكره للحضور.").is_empty());
}

#[test]
fn a_stop_between_arabic_words_ends_the_sentence_but_not_after_a_one_letter_title() {
    let q = quotes("وقال الطبيب سامي نور إن الآلة قديمة جدا.وأضاف أن العرضة تؤدى في الأفراح.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "الآلة قديمة جدا");
    let (_, _, _, mention) = one("وقال د.خالد سالم إن الآلة قديمة.");
    assert_eq!(mention.as_deref(), Some("د.خالد سالم"));
}

#[test]
fn prayed_to_and_asked_questions_are_no_speakers() {
    let q = quotes("وقال الشيخ سعد ناصر إن المملكة بلد السلام. ودعا الله أن يوفق الشباب لما فيه الخير.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("سعد ناصر"), "{q:?}");
}

#[test]
fn a_noun_or_participle_of_saying_after_the_cue_joins_it() {
    let q = quotes("وقال المنسق تيري جوفو إن السكان يعانون. وتابع بالقول \"لم أر في حياتي مثل هذا المستوى من العنف\".");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("تيري جوفو"), "{q:?}");
    let q = quotes("وقال المنسق تيري جوفو إن السكان يعانون. وتابع قائلا: \"الوضع صعب جدا في المستشفيات\".");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("تيري جوفو"), "{q:?}");
}

#[test]
fn an_addressee_in_the_media_is_no_part_of_the_speaker() {
    let (_, _, _, mention) = one("وقال المصدر للصحيفة إن الاتفاق يتعلق فقط بقاعدة انجرليك.");
    assert_eq!(mention.as_deref(), Some("المصدر"));
    let (_, _, _, mention) = one("وقال وزير الدولة للشؤون الخارجية إن الاتفاق قريب.");
    assert_eq!(mention.as_deref(), Some("وزير الدولة للشؤون الخارجية"));
}

#[test]
fn a_manner_adverb_after_the_verb_is_no_speaker() {
    let q = quotes("وقال الرئيس جمال سالم إن الفيلم جيد. وقال ساخرا: «هل أنا عتريس حتى أمنع الفيلم»");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2.as_deref(), Some("جمال سالم"), "{q:?}");
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
fn a_verbal_noun_and_a_cited_outlets_name_are_no_quotes() {
    assert!(quotes("إذ قال في تغريدة له مع عدم ذكر اسمه “من مخلفات العهود الغابرة”.").iter().all(|q| q.1 != "من مخلفات العهود الغابرة" || q.2.as_deref() != Some("اسمه")));
    assert!(quotes("وبحسب صحيفة «صنداي مورنينغ بوست» الصادرة في هونغ كونغ، هبطت الطائرة بسلام.").is_empty());
    assert!(quotes("وهذا ما ذكرت صحيفة «هندوستان تايمز».").is_empty());
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
fn scripture_cited_is_no_quote_but_a_prayer_to_god_is() {
    assert!(quotes("وقد قال تعالى: (وإذا تولى سعى في الأرض ليفسد فيها ويهلك الحرث والنسل).").is_empty());
    assert!(quotes("والله يقول في كتابه الكريم إن أكرمكم عند الله أتقاكم.").is_empty());
    let q = quotes("وقال الشيخ سامي نور إن الدماء معصومة، حيث جاء في الحديث «لا يزال المرء في فسحة من دينه ما لم يصب دما حراما»، مشددا على أن الشريعة جاءت لحفظ الدماء.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, q[0].2, "{q:?}");
    let q = quotes("وقال الشيخ سامي نور إن الأمة بخير. ودعا الله عز وجل أن يوفق ويهدي شبابنا لما فيه الخير.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "يوفق ويهدي شبابنا لما فيه الخير");
}

#[test]
fn an_impersonal_present_of_belief_and_a_noun_object_after_an_adverbial_are_no_quotes() {
    assert!(quotes("ويتوقع أن تصل النسبة إلى 15 في المائة في نهاية العام.").is_empty());
    assert!(quotes("ويعتقد إنها قد توفيت في البحر.").is_empty());
    assert!(quotes("وأكد خلال كلمة ألقاها على أهمية مشاركة المواطنين وأن يكون كل مواطن مساهما فيها.").is_empty());
    let (_, _, name, _) = one("ويتوقع الخبراء أن تصل النسبة إلى 15 في المائة.");
    assert_eq!(name.as_deref(), Some("الخبراء"));
}

#[test]
fn a_turn_to_a_new_speaker_opens_a_clause_and_participles_of_bayyana_report_anywhere() {
    let (_, _, name, _) = one("من جهته بين المدير الإقليمي للحملة الدكتور بدر السمحان، أنه يتم تقديم الرعاية النفسية للسوريين.");
    assert_eq!(name.as_deref(), Some("بدر السمحان"));
    let q = quotes("وقال المدرب: سنلعب بقوة في الوقت الذي يجب علينا فيه التركيز، وبدوره أكد لاعب الوسط حمد الحمد أن موقعة العين تعني لفريقه الكثير.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "موقعة العين تعني لفريقه الكثير");
    let q = quotes("وأوضح الوزير بأن الشعب يستنكر الدور الذي يلعبه النظام على حساب تطلعات الشعوب مبينا بأن الدور في تزايد على الأراضي السورية.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "الدور في تزايد على الأراضي السورية");
}

#[test]
fn describing_reports_a_clause_but_labels_nothing() {
    let (_, content, name, _) = one("وقد وصف أوباما هذا التحول السياسي بأنه تحول طال انتظاره.");
    assert_eq!((content.as_str(), name.as_deref()), ("تحول طال انتظاره", Some("أوباما")));
    assert!(quotes("وكتب قصائد كثيرة مثل «الأسير القوقازي»، ووصفت روايته الشعرية «يفغيني أونيغين» بالموسوعة.").is_empty());
}

#[test]
fn a_noun_object_after_the_subject_and_a_list_after_a_colon_are_no_quotes() {
    assert!(quotes("أكد الأمير سعود بن نايف أهمية الأنشطة السياحية في المنطقة على أن تضم أنشطة هادفة.").is_empty());
    assert!(quotes("وبررت الدول هذا الطلب إلى سببين يتمثلان في: الحاجة لإجراء مزيد من المشاورات قبل التوقيع.").is_empty());
}

#[test]
fn the_title_imam_is_no_adverb() {
    let (_, _, name, _) = one("قال إمام وخطيب المسجد الحرام الشيخ الدكتور صالح بن عبدالله بن حميد إن الأمة بخير.");
    assert_eq!(name.as_deref(), Some("صالح بن عبدالله بن حميد"));
}

#[test]
fn a_name_in_marks_before_bayna_makes_it_the_preposition() {
    assert!(quotes("وهو ما عبرت عنه قمة \"كامب ديفيد\" بين الرئيس الأميركي وقادة دول الخليج بالتأكيد على أن يكون هناك اتفاق شامل.").is_empty());
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
fn a_reported_clause_with_no_speaker_to_be_found_is_dropped_but_marked_speech_is_kept() {
    assert!(quotes("أعتقد أن حاجة الروائي إلى الإرث الحضاري كبيرة.").is_empty());
    let q = quotes("قال: «هذا نص في علامات تنصيص كاملة».");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, None);
}

#[test]
fn a_topic_before_a_colon_and_marks_is_answered_by_the_last_speaker() {
    let q = quotes("وقال المدرب جوزفالدو فيريرا إن الفريق جاهز. وعن مباراة طلائع الجيش: «الفرحة بالفوز بالدوري أثرت على تركيز اللاعبين».");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "الفرحة بالفوز بالدوري أثرت على تركيز اللاعبين");
    assert_eq!(q[1].2, q[0].2);
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
