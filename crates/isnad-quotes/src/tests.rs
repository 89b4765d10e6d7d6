//! Unit tests: one short synthetic sentence per construction.

use isnad_core::{Document, Entity, Quote, QuoteKind};

use crate::QuoteStage;

/// (kind, content, speaker name, mention)
pub(crate) type Row = (QuoteKind, String, Option<String>, Option<String>);

/// The stage's quotes of `text`, with `entities` standing in for the entity stage.
pub(crate) fn analyze_with(text: &str, entities: Vec<Entity>) -> Vec<Quote> {
    let mut doc = Document::new(text);
    doc.tokens = Some(Vec::new());
    doc.sentences = Some(Vec::new());
    doc.entities = Some(entities);
    QuoteStage::default().analyze(&doc).0
}

pub(crate) fn quotes(text: &str) -> Vec<Row> {
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

pub(crate) fn one(text: &str) -> Row {
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
