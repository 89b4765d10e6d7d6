//! The heads of noun phrases the speaker rules look for: person titles and descriptions,
//! organization and document heads, and bodies within an organization.

use std::sync::OnceLock;

use super::{without_conjunction, FastSet};

/// Person titles and descriptions: an NP made of these (and genitives) has no name.
pub fn is_title_word(word: &str) -> bool {
    let bare = |w: &str| {
        let w = w.strip_prefix("ال").unwrap_or(w);
        word_sets().titles.contains(w) || word_sets().org_heads.contains(w)
    };
    bare(word) || without_conjunction(word).is_some_and(|w| w.chars().count() >= 4 && bare(w))
}

/// Titles that only a person bears (`وزير`, `الدكتور`), not adjectives or organizations.
pub fn is_person_title(word: &str) -> bool {
    let w = without_conjunction(word)
        .filter(|w| w.starts_with("ال"))
        .unwrap_or(word);
    let w = w.strip_prefix("ال").unwrap_or(w);
    word_sets().person_titles.contains(w)
}

/// The word lists as hash sets: speaker resolution asks them for every word it walks back
/// over, and a linear scan of a few hundred strings showed in profiles.
struct WordSets {
    titles: FastSet<&'static str>,
    person_titles: FastSet<&'static str>,
    org_heads: FastSet<&'static str>,
}

fn word_sets() -> &'static WordSets {
    static SETS: OnceLock<WordSets> = OnceLock::new();
    SETS.get_or_init(|| WordSets {
        titles: TITLE_WORDS.iter().copied().collect(),
        person_titles: PERSON_TITLES.iter().copied().collect(),
        org_heads: ORG_HEADS.iter().copied().collect(),
    })
}

#[rustfmt::skip]
const PERSON_TITLES: &[&str] = &[
    "وزير", "وزيره", "رئيس", "رئيسه", "مدير", "مديره", "امين", "متحدث", "متحدثه", "ناطق", "ناطقه", "نائب",
    "مساعد", "مستشار", "سفير", "سفيره", "قائد", "امير", "اميره", "ملك", "شيخ", "دكتور", "دكتوره", "مهندس",
    "لواء", "عميد", "عقيد", "مقدم", "نقيب", "معالي", "سمو", "سموه", "استاذ", "استاذه", "سيد", "سيده",
    "مسؤول", "مسؤوله", "عضو", "مدرب", "لاعب", "محترف", "محافظ", "مشرف", "مشرفه", "طبيب", "قاضي", "مفتي",
    "وكيل", "زعيم", "باحث", "خبير", "محلل", "مراسل", "حاكم", "قنصل", "مندوب", "ممثل", "منسق", "نجم",
    "حارس", "مهاجم", "رئيسا", "داعيه", "امام", "خطيب", "سماحه", "ملحق",
];

/// Heads of organization and document NPs (`الحكومة`, `تقرير`, `صحيفة`).
pub fn is_org_head(word: &str) -> bool {
    let w = without_conjunction(word)
        .filter(|w| w.starts_with("ال"))
        .unwrap_or(word);
    word_sets().org_heads.contains(w.strip_prefix("ال").unwrap_or(w))
}

#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "وزير", "وزيره", "رئيس", "رئيسه", "مدير", "مديره", "امين", "عام", "عامه", "متحدث", "متحدثه", "ناطق",
    "ناطقه", "نائب", "نائبه", "مساعد", "مستشار", "سفير", "سفيره", "قائد", "امير", "اميره", "ملك", "ملكه",
    "ولي", "عهد", "شيخ", "شيخه", "دكتور", "دكتوره", "د", "مهندس", "مهندسه", "لواء", "عميد", "عقيد", "مقدم",
    "رائد", "نقيب", "فريق", "معالي", "سمو", "صاحب", "سموه", "الملكي", "ملكي", "فضيله", "سعاده", "سماحه", "ملحق", "استاذ",
    "استاذه", "سيد", "سيده", "مسؤول", "مسؤوله", "مسئول", "عضو", "عضوه", "مدرب", "لاعب", "محافظ", "مشرف",
    "مشرفه", "تنفيذي", "تنفيذيه", "فني", "فنيه", "رسمي", "رسميه", "كبير", "كبيره", "رفيع", "سابق", "سابقه",
    "جديد", "جديده", "اول", "اعلي", "شاب", "شابه", "طبيب", "طبيبه", "بروفيسور", "قاضي", "امام", "مفتي",
    "وكيل", "وكيله", "زعيم", "عمده", "باحث", "باحثه", "خبير", "خبيره", "محلل", "مراسل", "كاتب", "كاتبه",
    "مصدر", "مصادر", "مسؤولون", "مسؤولين", "باسم", "حاكم", "قنصل", "مندوب", "ممثل", "ممثله", "منسق", "رئيسا",
    "وزيرا", "خارجيه", "داخليه", "دفاع", "ماليه", "عدل", "صحه", "اعلام", "اقتصاد", "تعليم", "تجاره", "عمل",
    "ثقافه", "سياحه", "شؤون", "شئون", "سمو", "خادم", "حرمين", "شريفين", "نجم", "حارس", "مهاجم", "قومي",
    // adjectives of unnamed sources (`مصادر خاصة`, `مسؤول أمني رفيع`)
    "خاصه", "مطلع", "مطلعه", "مقرب", "مقربه", "امني", "امنيه", "عسكري", "عسكريه", "دبلوماسي", "دبلوماسيه",
    "حكومي", "حكوميه", "محلي", "محليه", "اعلامي", "اعلاميه", "موثوق", "موثوقه", "متطابقه", "عليا", "بارز",
    "اخر", "اخري", "غربي", "غربيون", "امريكي", "اميركي", "مصري", "سعودي", "متحدثه", "شهود", "عيان", "مواطن",
    "مواطنون", "سكان", "ناشط", "ناشطون", "معارض", "اطباء", "علماء", "خبراء", "محللون", "مسؤولو", "نواب",
];

/// Heads of a body inside an organization (`أمانة سوق عكاظ`, `فرع وزارة الصحة`).
pub fn is_body_head(word: &str) -> bool {
    let w = without_conjunction(word)
        .filter(|w| w.starts_with("ال"))
        .unwrap_or(word);
    matches!(
        w.strip_prefix("ال").unwrap_or(w),
        "امانه" | "اداره" | "مديريه" | "فرع" | "رئاسه" | "مكتب" | "لجنه" | "سفاره" | "قنصليه" | "مصلحه"
    )
}

#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "حكومه", "وزاره", "هيئه", "شركه", "مجلس", "حلف", "بعثه", "منظمه", "مركز", "جامعه", "اداره", "مديريه",
    "بنك", "نادي", "صحيفه", "صحيفتا", "صحف", "وكاله", "موقع", "قناه", "جمعيه", "اتحاد", "لجنه", "مؤسسه",
    "امانه", "تقرير", "بيان", "مرصد", "جيش", "قوات", "حزب", "حركه", "تنظيم", "برلمان", "محكمه", "سفاره",
    "دراسه", "استطلاع", "استطلاعات", "شرطه", "وحده", "رئاسه", "مكتب", "ديوان", "اذاعه", "مجله", "جريده",
    "تلفزيون", "هيئات", "مجموعه", "مصلحه", "بلديه", "غرفه", "صندوق", "منتخب", "فريق", "ائتلاف", "تحالف",
    "فرع", "دوريه", "مجلات", "نشره", "مستشفي", "كليه", "معهد", "نقابه", "شبكه", "جماعه",
];
