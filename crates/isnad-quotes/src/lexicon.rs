//! Reporting cues, complementizers and the small closed word classes the attribution rules
//! need, all on the normalized forms of [`crate::text::normalize`].
//!
//! The cue lexicon is generated from each verb's perfect, imperfect stem and participle
//! stem, so every person, number and gender a news text uses is covered by one line.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small multiplicative hasher for short keys (the lexicon is looked up for every word;
/// SipHash's DoS resistance buys nothing on a fixed table).
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

/// Grammatical gender and number carried by a cue, used to check a dropped subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Masculine,
    Feminine,
    Plural,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// A finite verb: takes a subject after it or before it.
    Verb,
    /// An active participle (`مشيرا`): continues the subject of the clause it hangs on.
    Participle,
    /// `قوله`, `بقوله`: a verbal noun whose subject comes before it.
    Masdar,
}

#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub form: CueForm,
    pub agreement: Agreement,
    /// The preposition the verb governs before its clause (`اشار الى ان`).
    pub preposition: Option<&'static str>,
    /// `بين` is also the preposition "between": only a cue at the start of a clause.
    pub needs_clause_start: bool,
}

/// (perfect, imperfect stem without its person prefix, participle stem, governed preposition)
#[rustfmt::skip]
const REGULAR: &[(&str, &str, &str, Option<&str>)] = &[
    ("قال", "قول", "قائل", None),
    ("اكد", "ؤكد", "مؤكد", None),
    ("اضاف", "ضيف", "مضيف", None),
    ("اوضح", "وضح", "موضح", None),
    ("اشار", "شير", "مشير", Some("الي")),
    ("بين", "بين", "مبين", None),
    ("ذكر", "ذكر", "ذاكر", None),
    ("اعلن", "علن", "معلن", None),
    ("شدد", "شدد", "مشدد", Some("علي")),
    ("لفت", "لفت", "لافت", Some("الي")),
    ("نوه", "نوه", "منوه", None),
    ("كشف", "كشف", "كاشف", None),
    ("صرح", "صرح", "مصرح", None),
    ("اعتبر", "عتبر", "معتبر", None),
    ("توقع", "توقع", "متوقع", None),
    ("افاد", "فيد", "", None),
    ("ابلغ", "بلغ", "", None),
    ("اعرب", "عرب", "معرب", Some("عن")),
    ("تابع", "تابع", "متابع", None),
    ("اقر", "قر", "", None),
    ("اعترف", "عترف", "معترف", None),
    ("حذر", "حذر", "محذر", Some("من")),
    ("زعم", "زعم", "زاعم", None),
    ("علق", "علق", "معلق", None),
    ("لاحظ", "لاحظ", "ملاحظ", None),
    ("رجح", "رجح", "مرجح", None),
    ("اظهر", "ظهر", "", None),
    ("افصح", "فصح", "مفصح", None),
    ("اورد", "ورد", "", None),
    ("استطرد", "ستطرد", "مستطرد", None),
    ("اردف", "ردف", "مردف", None),
    ("استدرك", "ستدرك", "مستدرك", None),
    ("اعتقد", "عتقد", "معتقد", None),
    ("نبه", "نبه", "منبه", None),
    ("طالب", "طالب", "مطالب", None),
    ("اجاب", "جيب", "مجيب", None),
    ("امل", "امل", "امل", None),
    ("شرح", "شرح", "شارح", None),
    // A study's or an inquiry's findings: `وخلصت الدراسة إلى أن`.
    ("خلص", "خلص", "", Some("الي")),
    ("توصل", "توصل", "", Some("الي")),
    ("برر", "برر", "مبرر", None),
    // `حث الشيخ X الذين زلت بهم القدم أن يعودوا`: a request with its clause.
    ("حث", "حث", "حاث", None),
    // `وصف أوباما التحول بأنه …`, `واصفا الاتفاق بأنه`.
    ("وصف", "صف", "واصف", None),
    ("لمح", "لمح", "ملمح", Some("الي")),
    ("المح", "لمح", "ملمح", Some("الي")),
];

/// Weak verbs, whose forms do not follow the regular endings:
/// (lemma, masculine forms, feminine forms, plural forms).
type Forms = &'static [&'static str];

#[rustfmt::skip]
const IRREGULAR: &[(&str, Forms, Forms, Forms, Forms)] = &[
    // lemma, masculine, feminine, plural, participles (masc, fem, plural)
    ("راي", &["راي", "يري"], &["رات", "تري"], &["راوا", "يرون"], &[]),
    ("نفي", &["نفي", "ينفي"], &["نفت", "تنفي"], &["نفوا", "ينفون"], &["نافيا", "نافيه", "نافين"]),
    ("ادعي", &["ادعي", "يدعي"], &["ادعت", "تدعي"], &["ادعوا", "يدعون"], &["مدعيا", "مدعيه", "مدعين"]),
    ("تمني", &["تمني", "يتمني"], &["تمنت", "تتمني"], &["تمنوا", "يتمنون"], &["متمنيا", "متمنيه", "متمنين"]),
    ("دعا", &["دعا", "يدعو"], &["دعت", "تدعو"], &["دعوا"], &["داعيا", "داعيه", "داعين"]),
    ("سال", &[], &[], &[], &["سائلا", "سائله", "سائلين"]),
    // `وجاء في البيان أن …`: a document speaks (only with `في`, see `detect`).
    ("جاء", &["جاء"], &["جاءت"], &[], &[]),
    // `وكتب X على تويتر: «…»`; the past only (`يكتب` is a columnist's habit).
    ("كتب", &["كتب"], &["كتبت"], &["كتبوا"], &[]),
    // `معبرا عن أمله بأن`: the participle only, the verb is also the preposition `عبر` (via).
    ("عبر", &[], &[], &[], &["معبرا", "معبره", "معبرين"]),
    // `واختتم: "…"`; not `يختتم البرنامج بورشة`.
    ("اختتم", &["اختتم"], &["اختتمت"], &[], &["مختتما", "مختتمه", "مختتمين"]),
    // `وختم الموقع بأن …`; the imperfect `يختم` is mostly a ceremony's close.
    ("ختم", &["ختم"], &["ختمت"], &["ختموا"], &[]),
    // `وأبان أن …` (its imperfect is `بين`'s); `إبان` is also "during": a clause start only.
    ("ابان", &["ابان"], &["ابانت"], &["ابانوا"], &[]),
];

/// Verbs that carry a speaker into a following `بقوله` without reporting by themselves.
#[rustfmt::skip]
const SUPPORT_VERBS: &[&str] = &[
    "مضي", "مضت", "ادلي", "ادلت", "ختم", "ختمت", "اختتم", "اختتمت", "استهل", "استهلت", "رد",
    "ردت", "عقب", "عقبت", "توجه", "توجهت", "خاطب", "خاطبت",
];

struct Lexicon {
    cues: FastMap<String, Cue>,
    /// Longest cue form in bytes: longer words are no cues without a lookup.
    longest: usize,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build)
}

fn build() -> Lexicon {
    let mut cues = FastMap::default();
    let mut add = |form: String, cue: Cue| {
        cues.entry(form).or_insert(cue);
    };
    for &(perfect, imperfect, participle, preposition) in REGULAR {
        let cue = |form, agreement| Cue {
            form,
            agreement,
            preposition,
            // (`مبينا` is no preposition: the participles report anywhere.)
            needs_clause_start: perfect == "بين" && form == CueForm::Verb,
        };
        use Agreement::*;
        use CueForm::*;
        if perfect == "ابلغ" {
            // `يبلغ`, `تبلغ` mostly mean "amounts to": only the perfect reports.
            add(perfect.to_owned(), cue(Verb, Masculine));
            add(format!("{perfect}ت"), cue(Verb, Feminine));
            continue;
        }
        if perfect == "طالب" {
            add("طالبا".to_owned(), cue(Participle, Masculine));
            add("طالبه".to_owned(), cue(Participle, Feminine));
        }
        add(perfect.to_owned(), cue(Verb, Masculine));
        add(format!("{perfect}ت"), cue(Verb, Feminine));
        add(format!("{perfect}وا"), cue(Verb, Plural));
        add(format!("{perfect}ا"), cue(Verb, Plural));
        add(format!("{perfect}تا"), cue(Verb, Plural));
        add(format!("ي{imperfect}"), cue(Verb, Masculine));
        add(format!("ت{imperfect}"), cue(Verb, Feminine));
        add(format!("ي{imperfect}ون"), cue(Verb, Plural));
        add(format!("ي{imperfect}ان"), cue(Verb, Plural));
        add(format!("ت{imperfect}ان"), cue(Verb, Plural));
        if participle.is_empty() {
        } else if participle != "امل" {
            add(format!("{participle}ا"), cue(Participle, Masculine));
            add(format!("{participle}ه"), cue(Participle, Feminine));
            add(format!("{participle}ين"), cue(Participle, Plural));
            add(format!("{participle}تين"), cue(Participle, Plural));
        } else {
            add("املا".to_owned(), cue(Participle, Masculine));
        }
    }
    for &(lemma, masculine, feminine, plural, participles) in IRREGULAR {
        // `دعا إلى «مضاعفة الجهود»`: the verb's own preposition before marked words.
        let preposition = match lemma {
            "دعا" => Some("الي"),
            "عبر" => Some("عن"),
            _ => None,
        };
        let cue = |form, agreement| Cue {
            form,
            agreement,
            preposition,
            needs_clause_start: lemma == "ابان",
        };
        for f in masculine {
            add((*f).to_owned(), cue(CueForm::Verb, Agreement::Masculine));
        }
        for f in feminine {
            add((*f).to_owned(), cue(CueForm::Verb, Agreement::Feminine));
        }
        for f in plural {
            add((*f).to_owned(), cue(CueForm::Verb, Agreement::Plural));
        }
        for (k, f) in participles.iter().enumerate() {
            let agreement =
                [Agreement::Masculine, Agreement::Feminine, Agreement::Plural][k.min(2)];
            add((*f).to_owned(), cue(CueForm::Participle, agreement));
        }
    }
    for (form, agreement) in [
        ("قوله", Agreement::Masculine),
        ("قولها", Agreement::Feminine),
        ("قولهم", Agreement::Plural),
        ("قولهما", Agreement::Plural),
    ] {
        add(
            form.to_owned(),
            Cue {
                form: CueForm::Masdar,
                agreement,
                preposition: None,
                needs_clause_start: false,
            },
        );
    }
    // Impersonal forms: `تبين أن` (it turned out), not `بيّنت` (she explained).
    cues.remove("تبين");
    let longest = cues.keys().map(|k| k.len()).max().unwrap_or(0);
    Lexicon { cues, longest }
}

/// Strips one conjunction (و, ف) from a normalized word, for the forms that carry one.
fn without_conjunction(word: &str) -> Option<&str> {
    word.strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .filter(|w| w.chars().count() >= 2)
}

/// The cue a normalized word is, with or without و/ف (and ب before `قوله`).
pub fn cue(word: &str) -> Option<Cue> {
    let lex = lexicon();
    // Two proclitics at most (`وب` before `قوله`) on the longest form.
    if word.len() > lex.longest + 4 || word.len() < 4 {
        return None;
    }
    if let Some(c) = lex.cues.get(word) {
        return Some(*c);
    }
    let bare = without_conjunction(word).unwrap_or(word);
    if let Some(c) = lex.cues.get(bare) {
        return Some(*c);
    }
    let c = lex.cues.get(bare.strip_prefix('ب')?)?;
    (c.form == CueForm::Masdar).then_some(*c)
}

/// `جاء`, `وجاء`: reports only as `جاء في X أن/:` (a document's words).
pub fn is_came(word: &str) -> bool {
    matches!(without_conjunction(word).unwrap_or(word), "جاء" | "جاءت")
}

/// Whether a normalized word carries a speaker into a following `بقوله` (`ومضى`).
pub fn is_support_verb(word: &str) -> bool {
    let bare = without_conjunction(word).unwrap_or(word);
    SUPPORT_VERBS.contains(&word) || SUPPORT_VERBS.contains(&bare)
}

/// A complementizer word: `ان` (أن، إن), `بان`, and both with an attached pronoun.
/// Returns whether it carries a pronoun (`بانها`), which stays out of the content.
pub fn complementizer(word: &str) -> Option<bool> {
    let w = word
        .strip_prefix('و')
        .filter(|w| w.starts_with("ان") || w.starts_with("بان"))
        .unwrap_or(word);
    let w = w.strip_prefix('ب').unwrap_or(w);
    match w {
        "ان" => Some(false),
        "انه" | "انها" | "انهم" | "انهما" | "اننا" | "انني" | "اني" | "انكم" | "انك" | "انهن" => {
            Some(true)
        }
        _ => None,
    }
}

#[rustfmt::skip]
/// Words before `ان` that make it a conjunction or a verb's object, not a reported clause
/// (`بعد أن`, `يجب أن`, `إلا أن`).
pub fn blocks_complementizer(previous: &str) -> bool {
    matches!(
        previous,
        "بعد" | "قبل" | "منذ" | "حتي" | "دون" | "بدون" | "يجب" | "يمكن" | "لابد" | "ينبغي" | "من" | "الا"
            | "غير" | "حيث" | "بما" | "رغم" | "برغم" | "بالرغم" | "لو" | "ذلك" | "مع" | "لان" | "عسي"
            | "يجوز" | "يتوقع" | "المقرر" | "المتوقع" | "المنتظر" | "المفترض" | "الممكن" | "المؤكد"
            | "الواضح" | "المعروف" | "يذكر" | "يشار" | "يبدو" | "علما" | "وبما" | "ولو" | "كما" | "بل"
            | "خصوصا" | "خاصه" | "سيما" | "لاسيما" | "وخصوصا" | "سواء" | "يفترض" | "يتعين" | "بشرط"
    )
}

#[rustfmt::skip]
/// Words before a cue that make it part of a relative clause (`ما ذكره`) or impersonal.
pub fn blocks_cue(previous: &str) -> bool {
    matches!(previous, "ما" | "مما" | "وما" | "لما" | "عما" | "ان" | "لن" | "لم")
}

#[rustfmt::skip]
/// Relative pronouns: `X التي رأت أن` — the cue's subject is the antecedent before them.
pub fn is_relative(word: &str) -> bool {
    matches!(word, "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان" | "اللاتي" | "وهو" | "وهي" | "وهم")
}

/// Quote-introducing prepositions (`ووفق عبدالرحمن، «…»`): attribute marked words only.
pub fn is_citation_preposition(word: &str) -> bool {
    let bare = without_conjunction(word).unwrap_or(word);
    matches!(bare, "وفق" | "وفقا" | "حسب" | "بحسب" | "طبقا")
}

/// Prepositions that, right after a cue or its subject and not followed by a complementizer,
/// introduce a noun object (`شدد على أهمية`): no reported clause follows.
pub fn is_object_preposition(word: &str) -> bool {
    matches!(word, "الي" | "علي" | "عن")
}

#[rustfmt::skip]
/// Words that start an adverbial after the subject (`خلال حديثه`, `في تصريح`, `اليوم`):
/// the subject ends before them.
pub fn starts_adverbial(word: &str, next: &str) -> bool {
    // The و of `وفقا` and `وسط` is no conjunction.
    let bare = match word {
        "وفق" | "وفقا" | "وسط" | "وهو" | "وهي" | "وهم" | "وهما" => word,
        _ => without_conjunction(word).unwrap_or(word),
    };
    // `إمام وخطيب المسجد الحرام`: the title `إمام` folds to the adverb `أمام`.
    if bare == "امام"
        && ["وخطيب", "المسجد", "مسجد", "جامع", "الجامع", "الحرم", "الائمه"].iter().any(|w| next.starts_with(w))
    {
        return false;
    }
    match bare {
        "خلال" | "اثناء" | "عقب" | "رغم" | "برغم" | "لدي" | "عند" | "امس" | "اليوم" | "الاسبوع" | "الشهر" | "مساء" | "صباح"
        | "يوم" | "اول" | "قبل" | "بعد" | "حين" | "عبر" | "امام" | "بمناسبه" | "ضمن" | "وسط" | "اخيرا"
        | "ايضا" | "كذلك" | "مؤخرا" | "لصحيفه" | "لوكاله" | "لقناه" | "لـ" | "ل" | "لجريده" | "للصحفيين"
        | "للصحافيين" | "لوسائل" | "له" | "لها" | "لهم" | "بدوره" | "بدورها" | "هنا" | "لرويترز" | "لفرانس"
        | "لشبكه" | "لاذاعه" | "لمجله" | "لوكالات" | "لتلفزيون" | "بحسب" | "حسب" | "وفق" | "وفقا" | "طبقا" | "نقلا"
        // manner: `وتوصلت بنسبة كبيرة إلى أن`
        | "بنسبه" | "بشكل" | "بصوره" | "بدرجه" | "بوضوح" => true,
        // a circumstantial clause: `قال للصحفيين وهو يدفع بعربته`
        "وهو" | "وهي" | "وهم" | "وهما" => true,
        // `لفت X النظر إلى أن`: the verb's object, after its subject
        "النظر" | "الانتباه" => next == "الي",
        // an accusative participle of manner (`كتب سابقا مهاجما الهيئة:`, `وقال ساخرا:`)
        w if w.starts_with('م') && w.ends_with('ا') && w.chars().count() >= 5 => true,
        "ساخرا" | "ضاحكا" | "مازحا" | "غاضبا" | "باكيا" | "واثقا" | "جازما" | "صارخا" => true,
        "من" => matches!(next, "جهته" | "جهتها" | "جانبه" | "جانبها" | "ناحيته" | "ناحيتها"),
        "في" => {
            let n = next.strip_prefix("ال").unwrap_or(next);
            [
                "تصريح", "حديث", "بيان", "كلم", "مؤتمر", "لقاء", "اجتماع", "مقابل", "ختام", "افتتاح", "حفل",
                "رسال", "برقي", "مقال", "ندو", "جلس", "اتصال", "تغريد", "معرض", "سياق", "اطار", "رد", "تعليق", "منشور", "خطاب",
                "بدايه", "نهايه", "وقت", "حوار", "اعقاب", "ذات", "تقرير", "معرض", "صفحت", "حسابه", "كلمته",
                // what the words are about: `وأوضح الباحث في أهمية البحث أن`
                "اهمي", "شان", "موضوع", "مستهل", "سؤال", "اجاب", "تعقيب", "محاضر", "مداخل",
                "خطب",
            ]
            .iter()
            .any(|p| n.starts_with(p))
        }
        "علي" => matches!(
            next,
            "هامش" | "صعيد" | "حسابه" | "حسابها" | "لسان" | "تويتر" | "فيسبوك" | "موقعه" | "موقعها" | "صفحته" | "صفحتها"
        ),
        _ => false,
    }
}

/// Abstract nouns that are a reporting verb's object, never its subject (`أكد أهمية`).
pub fn is_object_noun(word: &str) -> bool {
    // `دعا الله أن`, `سائلا المولى أن`: the one prayed to.
    if matches!(word, "الله" | "المولي") {
        return true;
    }
    let w = word.strip_prefix("ال").unwrap_or(word);
    matches!(
        w,
        "اهميه" | "ضروره" | "وجوب" | "حرص" | "رفض" | "استعداد" | "التزام" | "عزم" | "اهتمام" | "تقدير"
            | "ترحيب" | "قلق" | "اسف" | "امتنان" | "حاجه" | "دعم" | "تمسك" | "عدم" | "اعتزاز" | "فخر"
            | "شكر" | "ثقه" | "تضامن" | "ادانه" | "استنكار"
    )
}

/// A stance with a possessive pronoun (`أمله`, `قلقها`, `ثقتهم`): `أعرب عن أمله في أن …`
/// reports a clause.
pub fn is_stance_noun(word: &str) -> bool {
    const STEMS: &[&str] = &[
        "امل", "قلق", "ترحيب", "اسف", "تطلع", "رفض", "استغراب", "امتنان", "ارتياح", "تفاؤل", "اعتقاد",
        "يقين", "استنكار", "ثقت", "سعادت", "خشيت", "رغبت", "قناعت",
    ];
    ["ه", "ها", "هم", "هما"].iter().any(|suffix| {
        word.strip_suffix(suffix).is_some_and(|stem| STEMS.contains(&stem))
    })
}

/// Words after which a colon introduces a title or a slogan (`بعنوان: (…)`).
pub fn introduces_title(word: &str) -> bool {
    matches!(
        without_conjunction(word).unwrap_or(word),
        "بعنوان" | "عنوان" | "عنوانه" | "عنوانها" | "شعار" | "بشعار" | "شعاره" | "شعارها" | "اسم" | "باسم"
    )
}

/// Prepositions that front the topic of what is said (`وعن بلاتيني، أجاب`).
pub fn is_topic_preposition(word: &str) -> bool {
    let bare = without_conjunction(word).unwrap_or(word);
    matches!(bare, "عن" | "حول" | "بشان" | "فيما" | "ردا" | "تعليقا" | "بخصوص")
}

#[rustfmt::skip]
/// Time words that may stand between a verb and its subject (`أعلن أمس الأربعاء الوزير`).
pub fn is_temporal(word: &str) -> bool {
    matches!(
        word,
        "امس" | "اليوم" | "يوم" | "مساء" | "صباح" | "الاحد" | "الاثنين" | "الثلاثاء" | "الاربعاء" | "الخميس"
            | "الجمعه" | "السبت" | "الماضي" | "الحالي" | "الاسبوع" | "ظهر" | "الليله" | "فجر" | "حينها"
            | "حينه" | "وقتها" | "انذاك" | "سابقا" | "لاحقا" | "مجددا" | "ثانيه" | "مؤخرا" | "صباحا" | "مساءا"
    ) || word.chars().all(|c| c.is_ascii_digit())
}

#[rustfmt::skip]
/// Prepositions: a phrase that holds one bare is no subject standing before its verb.
pub fn is_preposition(word: &str) -> bool {
    let bare = without_conjunction(word).unwrap_or(word);
    matches!(bare, "في" | "الي" | "علي" | "من" | "عن" | "مع" | "لدي" | "عند" | "حول" | "خلال" | "منذ" | "بين")
        || matches!(word, "في" | "وفي" | "وعن" | "عن" | "ومن" | "من" | "وعلي" | "والي")
}

#[rustfmt::skip]
/// Words that begin a clause and are not part of a subject standing before its verb.
/// A verb or participle of prayer or wish (`دعا`، `سائلا`، `متمنيا`): God after it is the one
/// addressed, not a speaker quoted.
pub fn prays(word: &str) -> bool {
    let bare = without_conjunction(word).unwrap_or(word);
    ["دع", "داع", "يدع", "تدع", "سال", "سائل", "تمن", "يتمن", "متمن"].iter().any(|p| bare.starts_with(p))
}

/// A present of belief that, with no subject, is the impersonal passive (`ويتوقع أن`, "it is
/// expected that").
pub fn is_impersonal_belief(word: &str) -> bool {
    matches!(without_conjunction(word).unwrap_or(word), "يتوقع" | "يعتقد" | "يرجح" | "يعتبر" | "يذكر" | "يقدر")
}

/// A form of `وصف` (describe): it reports a clause after `بأن`, never marked words, which
/// are the label it gives (`ووصفت روايته «…»`).
pub fn describes(word: &str) -> bool {
    let bare = without_conjunction(word).unwrap_or(word);
    ["وصف", "يصف", "تصف", "واصف"].iter().any(|p| bare.starts_with(p) || word.starts_with(p))
}

/// A resumptive pronoun between a verb and its subject (`كشفت فيه مصادر`, `قالت له`).
pub fn is_resumptive(word: &str) -> bool {
    matches!(word, "فيه" | "فيها" | "عنه" | "عنها" | "له" | "لها" | "لهم")
}

/// A pointer back to the statement before (`صرح بذلك المدير`).
pub fn is_pointer(word: &str) -> bool {
    matches!(word, "بذلك" | "بهذا" | "ذلك" | "هذا" | "كذلك")
}

/// An honorific pronoun standing for a person named before (`سموه`, `معاليه`); `سعادته` also
/// means "his happiness", so `with_happiness` says whether to count it.
pub fn is_honorific_pronoun(word: &str, with_happiness: bool) -> bool {
    matches!(word, "سموه" | "سموها" | "معاليه" | "معاليها" | "فضيلته" | "سماحته")
        || with_happiness && matches!(word, "سعادته" | "سعادتها")
}

/// Words that turn to a new speaker before their verb (`من جهته بين`, `وبدوره أكد`).
pub fn turns_to_speaker(word: &str) -> bool {
    matches!(
        without_conjunction(word).unwrap_or(word),
        "جهته" | "جهتها" | "جهتهم" | "جانبه" | "جانبها" | "جانبهم" | "بدوره" | "بدورها" | "بدورهم"
    )
}

pub fn is_clause_opener(word: &str) -> bool {
    matches!(
        word,
        "و" | "ف" | "ثم" | "فان" | "ان" | "وان" | "لكن" | "ولكن" | "لكنه" | "لكنها" | "ولكنه" | "ولكنها"
            | "لكنهم" | "ولكنهم" | "كما" | "فيما" | "بينما" | "حيث" | "اذ"
            | "قد" | "لقد" | "وقد" | "فقد" | "كانت" | "وكانت" | "كان" | "وكان" | "بدورها" | "بدوره"
            | "جهته" | "جهتها" | "جانبه" | "جانبها" | "ولهذا" | "لهذا" | "لذلك" | "ولذلك" | "وبذلك" | "اما"
            | "واما" | "فقط" | "ايضا" | "بل" | "الا" | "اصبح" | "اصبحت" | "بات" | "باتت" | "ظل" | "ظلت" | "صار"
            | "صارت" | "مازال" | "لايزال" | "لازال" | "مازالت" | "لاتزال" | "اذا" | "لو" | "عندما" | "حين"
    ) || complementizer(word).is_some()
}

mod nouns;
pub use nouns::{is_body_head, is_org_head, is_person_title, is_title_word};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_in_every_person_number_and_gender() {
        for (w, agreement) in [
            ("قال", Agreement::Masculine),
            ("وقالت", Agreement::Feminine),
            ("قالوا", Agreement::Plural),
            ("يؤكد", Agreement::Masculine),
            ("واكدت", Agreement::Feminine),
            ("يؤكدون", Agreement::Plural),
            ("مؤكده", Agreement::Feminine),
            ("مشيرا", Agreement::Masculine),
            ("فاضاف", Agreement::Masculine),
            ("رات", Agreement::Feminine),
            ("ونفت", Agreement::Feminine),
        ] {
            let c = cue(w).unwrap_or_else(|| panic!("{w} is a cue"));
            assert_eq!(c.agreement, agreement, "{w}");
        }
        assert_eq!(cue("بقوله").map(|c| c.form), Some(CueForm::Masdar));
        assert_eq!(cue("مشيرا").and_then(|c| c.preposition), Some("الي"));
    }

    #[test]
    fn non_cues() {
        for w in ["مؤكد", "قول", "الحكومه", "اشاره", "بالقول", "بقال"]
        {
            assert!(cue(w).is_none(), "{w}");
        }
    }

    #[test]
    fn complementizers_with_and_without_pronoun() {
        assert_eq!(complementizer("ان"), Some(false));
        assert_eq!(complementizer("بان"), Some(false));
        assert_eq!(complementizer("بانها"), Some(true));
        assert_eq!(complementizer("وانه"), Some(true));
        assert_eq!(complementizer("انحسار"), None);
        assert_eq!(complementizer("بيان"), None);
    }
}
