//! Unit tests of what is and is not a report: scripture, an interviewer's question, impersonal
//! framing, a noun object, a description's label, a list after a colon, an outlet's name in
//! marks; and the cues and clause boundaries that make one (أبان، ختم، وصف، من جهته).

use crate::tests::{one, quotes};

#[test]
fn closing_and_clarifying_verbs_report_but_during_does_not() {
    let (_, content, name, _) = one("وأبان الدكتور سامي نور أن المشروع سيكتمل العام المقبل.");
    assert_eq!((content.as_str(), name.as_deref()), ("المشروع سيكتمل العام المقبل", Some("سامي نور")));
    let (_, content, ..) = one("وختم الموقع بأن التذاكر ستتاح للجميع.");
    assert_eq!(content, "التذاكر ستتاح للجميع");
    assert!(quotes("وقعت الحادثة إبان الحرب أن كانت المدينة محاصرة.").is_empty());
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
fn a_verbal_noun_and_a_cited_outlets_name_are_no_quotes() {
    assert!(quotes("إذ قال في تغريدة له مع عدم ذكر اسمه “من مخلفات العهود الغابرة”.").iter().all(|q| q.1 != "من مخلفات العهود الغابرة" || q.2.as_deref() != Some("اسمه")));
    assert!(quotes("وبحسب صحيفة «صنداي مورنينغ بوست» الصادرة في هونغ كونغ، هبطت الطائرة بسلام.").is_empty());
    assert!(quotes("وهذا ما ذكرت صحيفة «هندوستان تايمز».").is_empty());
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
fn a_name_in_marks_before_bayna_makes_it_the_preposition() {
    assert!(quotes("وهو ما عبرت عنه قمة \"كامب ديفيد\" بين الرئيس الأميركي وقادة دول الخليج بالتأكيد على أن يكون هناك اتفاق شامل.").is_empty());
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
