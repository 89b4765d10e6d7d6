//! Unit tests of speaker resolution: addressees, clean names, dropped subjects after a clause
//! that reported nothing, organizations and full names. Short synthetic sentences; entities,
//! where a test needs them, stand in for the entity stage.

use isnad_core::{Entity, EntityLabel, Mention, MentionKind, Span};

/// (content, speaker name, mention)
type Row = (String, Option<String>, Option<String>);

/// Quotes of `text` with stage entities given as (label, canonical, mention texts); each
/// mention is the first occurrence of its text not yet taken.
fn quotes_with(text: &str, entities: &[(EntityLabel, &str, &[&str])]) -> Vec<Row> {
    let entities: Vec<(EntityLabel, &str, Vec<(&str, MentionKind)>)> = entities
        .iter()
        .map(|(label, canonical, mentions)| (*label, *canonical, mentions.iter().map(|m| (*m, MentionKind::Name)).collect()))
        .collect();
    quotes_with_kinds(text, &entities)
}

/// `quotes_with`, each mention with its kind (a title the entity stage linked to a person).
fn quotes_with_kinds(text: &str, entities: &[(EntityLabel, &str, Vec<(&str, MentionKind)>)]) -> Vec<Row> {
    let mut taken: Vec<Span> = Vec::new();
    let entities = entities
        .iter()
        .enumerate()
        .map(|(k, (label, canonical, mentions))| Entity {
            id: format!("E{}", k + 1),
            label: *label,
            canonical: (*canonical).to_owned(),
            mentions: mentions
                .iter()
                .map(|&(m, kind)| {
                    let start = text
                        .match_indices(m)
                        .map(|(s, _)| s)
                        .find(|&s| !taken.iter().any(|t| t.start == s))
                        .expect("mention in text");
                    let span = Span::new(start, start + m.len());
                    taken.push(span);
                    Mention { span, kind }
                })
                .collect(),
            roles: Vec::new(),
            value: None,
        })
        .collect();
    crate::tests::analyze_with(text, entities)
        .iter()
        .map(|q| {
            (
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

fn quotes(text: &str) -> Vec<Row> {
    quotes_with(text, &[])
}

#[test]
fn agency_addressee_with_a_dropped_subject_keeps_the_previous_speaker() {
    let q = quotes(
        "قال وزير النقل سالم الحربي إن الطريق سيفتح قريبا. \
         وقال لوكالة الأنباء الفرنسية، إنّ «العمل يسير بسرعة كبيرة».",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0, "العمل يسير بسرعة كبيرة");
    assert_eq!(q[1].1.as_deref(), Some("سالم الحربي"));
    assert_eq!(q[1].2, None);
}

#[test]
fn marked_outlet_addressee_then_subject_up_to_the_semicolon() {
    let q =
        quotes("وأوضح لـ\"الصباح\" المهندس خالد الناصر؛ رئيس اتحاد المقاولين أن الأسعار سترتفع.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "الأسعار سترتفع");
    assert_eq!(q[0].1.as_deref(), Some("خالد الناصر"));
    assert_eq!(q[0].2.as_deref(), Some("المهندس خالد الناصر"));
}

#[test]
fn addressee_in_guillemets_after_an_occasion() {
    let q = quotes("وقال في تصريح خاص لـ«النهار» الدكتور سامر العلي إن الموسم سيبدأ مبكرا.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("الدكتور سامر العلي"));
    let q = quotes("وقالت للصحفيين الوزيرة هند الصالح إن الخطة جاهزة.");
    assert_eq!(q[0].2.as_deref(), Some("الوزيرة هند الصالح"));
}

#[test]
fn speaker_names_hold_no_marks_or_punctuation() {
    for text in [
        "وأكد المدير \"سامي\" الراشد أن الخطة جاهزة.",
        "وأوضح لـ\"الصباح\" المهندس خالد الناصر؛ رئيس اتحاد المقاولين أن الأسعار سترتفع.",
        "وقال رئيس «نادي الشباب» إن الفريق جاهز.",
    ] {
        for (_, name, _) in quotes(text) {
            let name = name.expect("a speaker");
            assert!(
                !name.contains(['"', '«', '»', '“', '”', '؛', ';', '،', ',']),
                "{text}: {name}"
            );
            assert_eq!(name, name.trim(), "{text}");
        }
    }
}

#[test]
fn dropped_subject_after_a_clause_that_reported_nothing() {
    let text = "كما حددت الهيئة الوطنية للأرصاد خطوات للوقاية من الحر، مشيرة إلى أهمية شرب الماء.\n\
                وذكرت أن درجات الحرارة سترتفع غدا.";
    let q = quotes_with(
        text,
        &[(
            EntityLabel::Org,
            "الهيئة الوطنية للأرصاد",
            &["الهيئة الوطنية للأرصاد"],
        )],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "درجات الحرارة سترتفع غدا");
    assert_eq!(q[0].1.as_deref(), Some("الهيئة الوطنية للأرصاد"));
}

#[test]
fn dropped_subject_needs_an_agreeing_verb() {
    // `وأضاف` (masculine) cannot continue `أعلنت الهيئة`: the earlier speaker goes on.
    let text = "قال سالم الحربي إن الطريق سيفتح قريبا. ثم أعلنت الهيئة الوطنية خطة جديدة.\n\
                وأضاف أن العمل سيبدأ غدا.";
    let q = quotes_with(
        text,
        &[
            (EntityLabel::Per, "سالم الحربي", &["سالم الحربي"]),
            (EntityLabel::Org, "الهيئة الوطنية", &["الهيئة الوطنية"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("سالم الحربي"));
}

#[test]
fn organization_cut_short_by_the_entity_stage_is_named_in_full() {
    let text = "وقالت الهيئة الوطنية للمهندسين إن عدد الأعضاء ارتفع.";
    let q = quotes_with(
        text,
        &[(EntityLabel::Org, "الهيئة الوطنية", &["الهيئة الوطنية"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("الهيئة الوطنية للمهندسين"));
    assert_eq!(q[0].2.as_deref(), Some("الهيئة الوطنية للمهندسين"));
}

#[test]
fn short_form_of_a_name_links_to_the_full_lineage() {
    let text = "استقبل الدكتور ماجد بن عبد الله الشهري الوفد أمس. \
                وقال الدكتور ماجد الشهري إن الزيارة ناجحة.";
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("ماجد بن عبد الله الشهري"));
    assert_eq!(q[0].2.as_deref(), Some("الدكتور ماجد الشهري"));
}

#[test]
fn dropped_subject_after_a_titled_clause_without_an_entity() {
    let q = quotes(
        "وأكد مدير عام المرور، على أهمية الالتزام بالأنظمة.\nوأوضح أن المخالفات تراجعت هذا العام.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("مدير عام المرور"));
}

#[test]
fn pronoun_on_but_is_no_subject() {
    let q = quotes("قال سالم الحربي إن الطريق سيفتح. لكنه أكد أن العمل سيتأخر قليلا.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("سالم الحربي"));
    // Inside a reported clause, `لكنه أكد` opens a quote of its own.
    let q = quotes("وقال سالم الحربي إن الطريق سيفتح، لكنه أكد أن العمل سيتأخر قليلا.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "الطريق سيفتح");
    assert_eq!(q[1].1.as_deref(), Some("سالم الحربي"));
}

#[test]
fn addressee_of_a_telegram_is_no_speaker() {
    let q = quotes("وقال الأمير سالم في برقية للرئيس خالد العمري إن العلاقات متينة.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("الأمير سالم"));
}

#[test]
fn a_name_in_marks_closes_inside_the_mention() {
    let q = quotes("وقال سامي نور، المتحدث باسم «الشركة الوطنية»، إن الرحلات ستستأنف.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].2.as_deref(),
        Some("سامي نور، المتحدث باسم «الشركة الوطنية»")
    );
    assert_eq!(q[0].1.as_deref(), Some("سامي نور"));
}

#[test]
fn a_name_starting_with_lam_is_no_addressee() {
    let q = quotes_with(
        "وأعلن لبنان أن الحدود مغلقة.",
        &[(EntityLabel::Loc, "لبنان", &["لبنان"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("لبنان"));
    let q = quotes("وقالت لجنة الانتخابات إن النتائج ستعلن غدا.");
    assert_eq!(q[0].2.as_deref(), Some("لجنة الانتخابات"));
}

#[test]
fn a_nationality_adjective_is_no_outlet_name() {
    let text = "وقالت شركة «النخبة للتقنية» الكندية إن الأرباح ارتفعت.";
    for (label, mention) in [
        (EntityLabel::Misc, "الكندية"),
        (EntityLabel::Org, "» الكندية"),
    ] {
        let q = quotes_with(text, &[(label, "الكندية", &[mention])]);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].1.as_deref(),
            Some("شركة النخبة للتقنية الكندية"),
            "{mention}"
        );
    }
}

#[test]
fn a_name_cut_past_a_place_starts_at_a_word() {
    let text = "وقالت شركة «أفيد لايف ميديا» الكندية التي تملك الموقع إن البيانات سرقت.";
    let q = quotes_with(
        text,
        &[
            (EntityLabel::Loc, "ميديا", &["ميديا"]),
            (EntityLabel::Org, "الكندية", &["» الكندية"]),
        ],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    let name = q[0].1.clone().expect("a speaker");
    assert!(name.starts_with("شركة"), "{name}");
}

#[test]
fn the_seat_of_an_organization_completes_its_name() {
    let q = quotes_with(
        "كشفت الجمعية الفلكية بجدة أن القمر يصل مرحلة البدر، مشيرة إلى أن هذا القمر يحمل لقبا مميزا.",
        &[
            (EntityLabel::Org, "الجمعية الفلكية", &["الجمعية الفلكية"]),
            (EntityLabel::Loc, "جدة", &["جدة"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    for row in &q {
        assert_eq!(row.1.as_deref(), Some("الجمعية الفلكية بجدة"), "{q:?}");
    }
}

#[test]
fn ban_ki_moon_is_no_complementizer() {
    let text = "وقال بان كي مون إن المجتمع الدولي قادر على إنهاء الفقر.";
    let q = quotes_with(text, &[(EntityLabel::Per, "بان كي مون", &["بان كي مون"])]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "المجتمع الدولي قادر على إنهاء الفقر");
    assert_eq!(q[0].1.as_deref(), Some("بان كي مون"));
    // Without the entity stage, the content is still right.
    assert_eq!(quotes(text)[0].0, "المجتمع الدولي قادر على إنهاء الفقر");
}

#[test]
fn a_titled_name_after_a_verb_with_a_noun_object_speaks_next() {
    let q = quotes_with(
        "وأوضح الدكتور سامي نور أن الفعالية نجحت. من جهته أكد وكيل الجامعة الدكتور كريم زيد أهمية المهرجان. وبين أن الجامعة نظمت دورات كثيرة.",
        &[
            (EntityLabel::Per, "سامي نور", &["سامي نور"]),
            (EntityLabel::Per, "كريم زيد", &["كريم زيد"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("كريم زيد"), "{q:?}");
}

#[test]
fn a_sentence_opened_by_a_conjoined_verb_carries_the_previous_speaker() {
    let q = quotes_with(
        "ونوه صالح نور بأن الشركة الوطنية وضعت استراتيجية للصيف. وكشف عن محاولات الشركة استقطاب المقاهي، غير أنه اعترف بأن العائق هو قصر تعاملاتها.",
        &[
            (EntityLabel::Per, "صالح نور", &["صالح نور"]),
            (EntityLabel::Org, "الشركة الوطنية", &["الشركة الوطنية", "الشركة"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("صالح نور"), "{q:?}");
}

#[test]
fn a_name_part_after_bin_is_kept_whatever_else_it_can_be() {
    let q = quotes_with(
        "من جهته هنأ الملحق الثقافي الدكتور عبدالعزيز بن طالب، المبتعث حسام زواوي بهذا الإنجاز.\nوأوضح أن الملحقية نظمت معرضا للطلبة.",
        &[
            (EntityLabel::Per, "عبدالعزيز بن طالب", &["عبدالعزيز بن طالب"]),
            (EntityLabel::Per, "حسام زواوي", &["حسام زواوي"]),
        ],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("عبدالعزيز بن طالب"), "{q:?}");
}

#[test]
fn a_participle_hangs_on_the_nearest_named_clause_of_its_sentence() {
    let q = quotes_with(
        "وشهد الموقع إطلاق عدة وسوم كان من أبرزها (#وسم)، علق فيها الإعلامي عبدالعزيز الخنين عضو لجنة الدعوة، قائلا: لا أبرئه لكن الموضوع يدعو للشك.",
        &[(EntityLabel::Per, "عبدالعزيز الخنين", &["عبدالعزيز الخنين"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("عبدالعزيز الخنين"), "{q:?}");
}

#[test]
fn a_participle_after_a_reported_clause_continues_its_speaker_not_a_clause_inside_it() {
    let q = quotes_with(
        "كشف مصدر مطلع أمس أن عائلة مؤسس الحركة الراحل الملا محمد عمر رفضت مبايعة الزعيم الجديد، مؤكدا أن الحركة مستمرة في قتالها.",
        &[(EntityLabel::Per, "محمد عمر رفضت", &["محمد عمر رفضت"])],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, q[1].1, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("مصدر مطلع"), "{q:?}");
}

#[test]
fn a_surname_with_the_article_after_a_conjoined_verb_speaks_for_its_participle() {
    let q = quotes_with(
        "قال الدكتور محمد صالح المسفر إن الاجتماع مهم. واستبعد المسفر فكرة عمل حلف يضم دول مجلس التعاون وإيران قائلا: ذلك أمر صعب جدا.",
        &[
            (EntityLabel::Per, "محمد صالح المسفر", &["محمد صالح المسفر"]),
            (EntityLabel::Org, "دول مجلس التعاون", &["دول مجلس التعاون"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("محمد صالح المسفر"), "{q:?}");
}

#[test]
fn the_subject_after_a_sentences_first_verb_carries_to_its_dropped_cues() {
    let q = quotes_with(
        "وقال وزير الخارجية محمد جواد ظريف إن الجوار أولوية. وأشار ظريف على صفحته في تويتر إلى جولته الخليجية وشدد بأنه أجرى محادثات إيجابية.",
        &[
            (EntityLabel::Per, "محمد جواد ظريف", &["محمد جواد ظريف"]),
            (EntityLabel::Org, "تويتر", &["تويتر"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("محمد جواد ظريف"), "{q:?}");
}

#[test]
fn a_title_names_its_holder_further_on() {
    let q = quotes_with(
        "صرح بذلك المدير العام للمكتب التنفيذي لمجلس الوزراء، رئيس اللجنة العلمية للمؤتمر الدكتور توفيق خوجة، موضحا أن المؤتمر يعرض أحدث العلاج.",
        &[(EntityLabel::Per, "توفيق خوجة", &["توفيق خوجة"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("توفيق خوجة"), "{q:?}");
}

#[test]
fn li_after_the_verb_is_the_writer_as_addressee() {
    let q = quotes_with(
        "وقال لي حجاج أدول إن أهل النوبة يعتقدون أن الأسماك تسكنها أرواح البشر.",
        &[(EntityLabel::Per, "حجاج أدول", &["حجاج أدول"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("حجاج أدول"), "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("حجاج أدول"), "{q:?}");
}

#[test]
fn after_the_words_it_sums_up_a_titled_name_speaks() {
    let q = quotes_with(
        "«آلة المزمار تلعب دورا رئيسا في إحياء العرضة الجنوبية»، بهذه الكلمات حدد الشاب خالد الغامدي دور المزمار.\nوقال: «تعتبر العرضة أبرز الألوان الشعبية في المنطقة».",
        &[(EntityLabel::Per, "خالد الغامدي", &["خالد الغامدي"])],
    );
    let last = q.last().expect("quotes");
    assert_eq!(last.1.as_deref(), Some("خالد الغامدي"), "{q:?}");
}

#[test]
fn a_question_fronting_the_answer_names_no_speaker() {
    let q = quotes_with(
        "وقالت المصورة آلاء كتبي إن الاستديو جاهز. وفي سؤال لـ\"عكاظ\" عن كيفية اختيار العارضات، أجابت: إن ذلك يتم بناء على الفكرة.",
        &[
            (EntityLabel::Per, "آلاء كتبي", &["آلاء كتبي"]),
            (EntityLabel::Org, "عكاظ", &["عكاظ"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("آلاء كتبي"), "{q:?}");
}

#[test]
fn a_conjoined_verb_and_a_surname_name_the_speaker_not_a_phrase_after_a_preposition() {
    let q = quotes_with(
        "وقال المدرب رودي غارسيا إن برشلونة الأفضل. وأشاد غارسيا أيضا بقوة برشلونة الدفاعية قائلا: «برشلونة دافع بصورة جيدة في المباراة».",
        &[
            (EntityLabel::Per, "رودي غارسيا", &["رودي غارسيا"]),
            (EntityLabel::Org, "قوة برشلونة الدفاعية", &["قوة برشلونة الدفاعية"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("رودي غارسيا"), "{q:?}");
}

#[test]
fn an_honorific_after_a_participle_is_the_speaker_before() {
    let q = quotes_with(
        "وأوضح وزير الحج بندر حجار أن الوزارة استقبلت المعتمرين، مجددا معاليه التهاني للملك سلمان بن عبدالعزيز، سائلا المولى أن يعيده على الجميع بالخير.",
        &[
            (EntityLabel::Per, "بندر حجار", &["بندر حجار"]),
            (EntityLabel::Per, "سلمان بن عبدالعزيز", &["سلمان بن عبدالعزيز"]),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1.as_deref(), Some("بندر حجار"), "{q:?}");
}

#[test]
fn before_any_speaker_the_leads_subject_carries_over_a_long_list() {
    let details = "ألا يقل عمر المتقدم عن ثلاثين عاما ولا يزيد عن خمسة وأربعين عاما، ".repeat(20);
    let text = format!(
        "أعلنت الإدارة العامة للتعليم بمنطقة جازان عن توفر عدد من الوظائف الشاغرة وفق الشروط التالية {details}\nوأوضحت أنه يتم تسجيل البيانات على الموقع الإلكتروني."
    );
    let q = quotes_with(&text, &[(EntityLabel::Loc, "منطقة جازان", &["منطقة جازان"])]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("الإدارة العامة للتعليم بمنطقة جازان"), "{q:?}");
}

#[test]
fn a_name_in_the_participles_clause_wins_over_a_title_linked_elsewhere() {
    // The entity stage clustered the title `مدير` with another person.
    let q = quotes_with_kinds(
        "وأوضح مدير سجون حائل إن المبنى جديد. فيما اعتبر مدير العلاقات والإعلام بسجون المنطقة النقيب نواف العبطان، البرنامج من أهم برامج الإصلاح، مؤكدا أن ذلك سيعكس أبعادا إيجابية على النزلاء.",
        &[
            (EntityLabel::Per, "سالم الحازمي", vec![("مدير", MentionKind::Title), ("مدير", MentionKind::Title)]),
            (EntityLabel::Per, "نواف العبطان", vec![("نواف العبطان", MentionKind::Name)]),
        ],
    );
    assert_eq!(q.last().and_then(|r| r.1.as_deref()), Some("نواف العبطان"), "{q:?}");
}

#[test]
fn a_titled_name_the_entity_stage_missed_speaks_for_its_participle() {
    let q = quotes_with(
        "وقالت الوزارة إن البرامج مستمرة. وأبدت بدورها مديرة شعبة الإشراف النسوي بسجون حائل مرزوقة بنت مسعر الشمري، استعدادها لتقديم العون للنزيلات، مؤكدة أن هذه البرامج أثمرت كثيرا.",
        &[(EntityLabel::Loc, "حائل", &["حائل"])],
    );
    assert!(q.last().and_then(|r| r.1.as_deref()).is_some_and(|n| n.ends_with("مرزوقة بنت مسعر الشمري")), "{q:?}");
}

#[test]
fn a_title_linked_to_another_person_does_not_take_over_a_named_phrase() {
    let q = quotes_with_kinds(
        "وقال الأستاذ أحمد الزهراني إن المعارك مفيدة على الدوام. ويرى الأستاذ علي بن محمد العمير أن للمعارك الأدبية بعض السلبيات.",
        &[(
            EntityLabel::Per,
            "أحمد الزهراني",
            vec![("الأستاذ", MentionKind::Title), ("أحمد الزهراني", MentionKind::Name), ("الأستاذ", MentionKind::Title)],
        )],
    );
    assert_eq!(q.last().and_then(|r| r.1.as_deref()), Some("علي بن محمد العمير"), "{q:?}");
}

#[test]
fn a_lone_adverb_after_the_verb_is_no_subject() {
    let q = quotes("وقال الممثل ويل سميث إنه سعيد. ونفى علناً أنه قرر الطلاق.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, q[0].1, "{q:?}");
}

#[test]
fn a_person_after_a_persons_name_with_lil_is_the_addressee() {
    let q = quotes_with(
        "وقال الوزير علي العمير للنعيمي إن الحكومة ستتحمل الخسائر على الفور.",
        &[(EntityLabel::Per, "علي العمير", &["علي العمير"])],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("علي العمير"), "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("الوزير علي العمير"), "{q:?}");
}
