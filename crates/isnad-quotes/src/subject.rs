//! Where the subject of a cue is: after it (trimmed of adverbials and appositions),
//! before it (`الحكومة الفنلندية أعلنت`), the antecedent of a relative pronoun, or the
//! subject of the verb a `بقوله` completes.

use crate::detect::{Context, Subject};
use crate::lexicon::{self, Agreement, Cue, CueForm};
use crate::marks::Marked;

/// Trims punctuation and appositive commas off a subject phrase; `None` if no noun is left
/// or it is no subject (`أكد ما …`, `قال له`).
pub(crate) fn trim_phrase(
    ctx: &Context,
    mut start: usize,
    mut end: usize,
) -> Option<(usize, usize)> {
    let words = ctx.words;
    while start < end && !words.is_word(start) {
        start += 1;
    }
    while end > start && !words.is_word(end - 1) {
        end -= 1;
    }
    // A comma before a prepositional phrase ends the subject (`لويد اوستن، بنفس التعليقات`).
    let mut k = start;
    while k < end {
        if words.is_comma(k) && words.is_word(k + 1) {
            let next = ctx.norm(k + 1);
            let prepositional = (next.starts_with('ب') && next != "بن" && next != "بنت")
                || next.starts_with("لل")
                || matches!(next, "في" | "الي" | "علي" | "عن" | "من" | "مع");
            if prepositional || lexicon::starts_adverbial(next, "") {
                end = k;
                break;
            }
        }
        k += 1;
    }
    // `وقال اللاعب لموقع ميلان:`: an addressee in the media after the subject (not after a
    // document or an office, which it completes: `تقرير لموقع K24`, `المدير العام لقناة «الإخبارية»`).
    let completes = |w: &str| {
        lexicon::is_org_head(w)
            || matches!(
                w.strip_prefix("ال").unwrap_or(w),
                "عام" | "عامه" | "مدير" | "مديره" | "رئيس" | "رئيسه" | "امين" | "مراسل" | "مراسله" | "محرر" | "متحدث"
                    | "متحدثه" | "ناطق" | "مستشار" | "نائب" | "عضو" | "مؤسس" | "مالك" | "صاحب" | "تنفيذي"
            )
    };
    if let Some(k) = (start + 1..end).find(|&k| {
        words.is_word(k)
            && !(words.is_word(k - 1) && completes(ctx.norm(k - 1)))
            && ctx.norm(k).strip_prefix('ل').is_some_and(|w| {
                ["موقع", "صحيف", "جريد", "قناه", "وكاله", "مجله", "تلفزيون", "اذاع", "شبكه", "برنامج"].iter().any(|m| w.starts_with(m))
            })
    }) {
        end = k;
    }
    // `نوه أوباما إلى هرولة الدول`, `ويعلق الكاتب على هذا الطبق بالقول`, `كتب X عمن …`: a
    // preposition after a name or noun starts the verb's object; after a title it is the
    // participle title's complement (`المشرف على الدراسة`, `مصدر مطلع على المفاوضات`).
    if let Some(k) = (start + 1..end).find(|&k| {
        let before = ctx.norm(k - 1);
        let before = before.strip_prefix("وال").map_or(before, |_| &before[2..]);
        let bare = before.strip_prefix("ال").unwrap_or(before);
        words.is_word(k)
            && matches!(ctx.norm(k), "الي" | "علي" | "عمن" | "عما")
            && words.is_word(k - 1)
            && !(lexicon::is_title_word(bare)
                && (bare.starts_with('م') || matches!(bare, "قائم" | "عام" | "عامه")))
    }) {
        end = k;
    }
    // `وصف أوباما هذا التحول بأنه`: a demonstrative after the subject starts the object.
    // (Not after a quantifier or preposition: `إحدى هذه الرسائل`, `مسؤولون عن هذه التجربة`.)
    if let Some(k) = (start + 1..end).find(|&k| {
        words.is_word(k)
            && matches!(ctx.norm(k), "هذا" | "هذه" | "ذلك" | "تلك" | "هؤلاء")
            && words.is_word(k - 1)
            && !lexicon::is_preposition(ctx.norm(k - 1))
            && !matches!(ctx.norm(k - 1), "احدي" | "احد" | "بعض" | "كل" | "جميع" | "معظم" | "اغلب" | "عن" | "من" | "في")
    }) {
        end = k;
    }
    // A relative clause or a new clause after the subject is not part of it
    // (`تاردونو الذي أشرف على …`, `المتحدثة فان ما حدث`, `شاران بورو … والذي`).
    if let Some(k) = (start + 1..end).find(|&k| {
        let w = ctx.norm(k);
        words.is_word(k)
            && (lexicon::is_relative(w)
                || lexicon::is_relative(w.strip_prefix('و').unwrap_or(w))
                || lexicon::is_clause_opener(w))
    }) {
        end = k;
    }
    // A preposition left at the end (`مصدر مقرب من رئيس الحكومة من`) belongs to what follows.
    while end > start + 1
        && words.is_word(end - 1)
        && matches!(ctx.norm(end - 1), "من" | "في" | "عن" | "الي" | "علي" | "مع" | "ب" | "بـ" | "ل" | "لـ")
    {
        end -= 1;
    }
    while end > start
        && (!words.is_word(end - 1) || lexicon::is_temporal(ctx.norm(end - 1)) && !number_in_name(ctx, end - 1, start))
    {
        end -= 1;
    }
    // `روحاني لإردوغان`: an addressee after the subject.
    if end > start + 1 && words.is_word(end - 1) {
        let last = ctx.norm(end - 1);
        // `المصدر للصحيفة`; but `وزير الدولة للشؤون الخارجية` keeps its complement.
        let to_media = last.strip_prefix("لل").is_some_and(|w| {
            ["صحيف", "جريد", "وكال", "قنا", "اذاع", "مجل", "صحفي", "صحافي", "موقع", "تلفزيون"]
                .iter()
                .any(|m| w.starts_with(m))
        });
        // A word with ل is an addressee when the entity stage names what follows the ل, or
        // nothing says it is a name: not after another word of a name the stage does not know
        // (`رئيس الاتحاد العالمي للغطس الحر كيمو لاتينين`).
        let word = words.items[end - 1].span;
        let after_lam = ctx.names_start_at(word.start + 'ل'.len_utf8());
        let before = ctx.norm(end - 2);
        let name_before = words.is_word(end - 2)
            && !before.starts_with("ال")
            && !lexicon::is_title_word(before)
            && !lexicon::is_org_head(before)
            && !ctx.names_overlap(words.items[end - 2].span);
        let lam_name = !after_lam && (ctx.names_start_at(word.start) || name_before);
        // `علي العمير للنعيمي`: after a person's name, `لل` + a name is the addressee too
        // (after a title it is its complement: `وزير الدولة للشؤون`).
        let person_before = words.is_word(end - 2) && ctx.person_words.contains(before) && !lexicon::is_title_word(before);
        let to_person = last.starts_with("لل") && person_before && last.chars().count() >= 5;
        if (last.starts_with('ل') && !last.starts_with("لل") && last.chars().count() >= 4 && !lam_name) || to_media || to_person {
            end -= 1;
        }
    }
    if start >= end {
        return None;
    }
    // A name in marks closes inside the phrase (`المتحدث باسم «بوينغ»`), not after its
    // last word.
    for k in start..end {
        if let Some(close) = ctx.marked_opening_at(k).and_then(|m| m.close) {
            if close == end {
                end = close + 1;
                break;
            }
        }
    }
    // `وجاء في أقوال المتهم أن`: the statements are the accused's.
    if end > start + 1 && matches!(ctx.norm(start), "اقوال" | "افاده" | "اعترافات" | "شهاده") {
        start += 1;
    }
    // `عن هذا المسؤول، الذي …، قوله`: a demonstrative before a title or organization points
    // back to it.
    if end > start + 1
        && matches!(ctx.norm(start), "هذا" | "هذه")
        && words.is_word(start + 1)
        && ctx.norm(start + 1).starts_with("ال")
        && (lexicon::is_title_word(&ctx.norm(start + 1)[4..]) || lexicon::is_org_head(ctx.norm(start + 1)))
    {
        start += 1;
    }
    let first = ctx.norm(start);
    // `نفى علناً أنه`: a lone adverb (accusative with tanween) is no subject.
    let lone = end == start + 1 || (end == start + 2 && !words.is_word(start + 1));
    let word_text = ctx.text_of(start);
    if lone && (word_text.ends_with("اً") || word_text.ends_with("ًا") || matches!(first, "علنا" | "رسميا" | "صراحه" | "حاليا" | "شخصيا"))
    {
        return None;
    }
    // `…، التي شرح أنه`, `والتي تعتقد`: a relative pronoun is no subject of its own; `وختم
    // حديثه بقوله`: the talk is what the verb ends, not who speaks.
    let speech_of = |w: &str| {
        matches!(
            w,
            "حديثه" | "حديثها" | "كلمته" | "كلمتها" | "تصريحه" | "تصريحها" | "تصريحاته" | "حواره" | "حوارها" | "لقائه" | "لقائها"
        )
    };
    if lexicon::is_relative(first) || lexicon::is_relative(first.strip_prefix('و').unwrap_or(first)) || speech_of(first) {
        return None;
    }
    while end > start + 1 && words.is_word(end - 1) && speech_of(ctx.norm(end - 1)) {
        end -= 1;
    }
    if matches!(
        first,
        "ما" | "وما" | "لا" | "ولا" | "فلا" | "لم" | "ولم" | "فلم" | "لن" | "ولن" | "هل" | "وهل" | "فهل" | "ماذا"
            | "لماذا" | "كيف" | "ضد" | "بصفته" | "بصفتها" | "وذلك" | "وهذا" | "وهذه" | "بالقول" | "له"
            | "لها"
            | "لهم"
            | "انه"
            | "انها"
            | "ذلك"
            | "هذا"
            | "هذه"
            | "علي"
            | "الي"
            | "عن"
            | "في"
            | "من"
    ) || (lexicon::complementizer(first).is_some() && ctx.is_complementizer(start))
    {
        return None;
    }
    // A subject is a handful of words, or a chain of titles (`سماحة مفتي عام المملكة رئيس
    // هيئة كبار العلماء رئيس اللجنة الدائمة … الشيخ X`); a longer run is a clause we misread.
    if words.count_words(start, end) > 22 {
        return None;
    }
    Some((start, end))
}

/// Whether the number at `k` ends a name (`توب 500`, `الدول الـ 12`) rather than dating the
/// clause (a year after a time word).
pub(crate) fn number_in_name(ctx: &Context, k: usize, start: usize) -> bool {
    let words = ctx.words;
    k > start
        && ctx.norm(k).chars().all(|c| c.is_ascii_digit())
        && (ctx.text_of(k - 1) == "الـ"
            || words.is_word(k - 1)
                && !lexicon::is_temporal(ctx.norm(k - 1))
                && !matches!(ctx.norm(k - 1), "عام" | "العام" | "سنه" | "عامي" | "منذ"))
}

/// A marked span that is part of a clause rather than its content: a short name or term
/// followed by more of the clause, or anything followed by a complementizer.
pub(crate) fn embedded(ctx: &Context, m: &Marked) -> bool {
    let after = m.after();
    let words = ctx.words;
    let next = (after..words.len())
        .find(|&k| !words.is_comma(k))
        .unwrap_or(words.len());
    if ctx.is_complementizer(next)
        || (words.is_word(next)
            && lexicon::is_object_preposition(ctx.norm(next))
            && ctx.is_complementizer(next + 1))
    {
        return true;
    }
    let continues = next < words.len() && !words.items[next].ends_sentence && !words.is_mark(next);
    continues && words.count_words(m.inner.0, m.inner.1) <= 3
}

pub(crate) fn relative_agrees(relative: &str, agreement: Agreement) -> bool {
    match relative {
        "الذي" => agreement == Agreement::Masculine,
        "التي" => agreement == Agreement::Feminine,
        "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان" | "اللاتي" => {
            agreement == Agreement::Plural
        }
        _ => false,
    }
}

/// The antecedent of a relative pronoun at `r` (`“ذي دايلي مايل” التي رأت`).
pub(crate) fn antecedent(ctx: &Context, r: usize) -> Subject {
    let words = ctx.words;
    let start = ctx.sentence_start(r);
    let mut s = r;
    while s > start && r - s < 7 {
        let k = s - 1;
        if words.is_word(k)
            && (ctx.lexicon_cue(k).is_some() || lexicon::is_preposition(ctx.norm(k)))
        {
            break;
        }
        if !(words.is_word(k) || words.is_mark(k)) {
            break;
        }
        s -= 1;
    }
    trim_phrase(ctx, s, r).map_or(Subject::Dropped, |(a, b)| Subject::Phrase(a, b))
}

/// The subject standing before a verb (`الحكومة الفنلندية أعلنت`), else dropped.
pub(crate) fn before_subject(ctx: &Context, i: usize, cue: Cue) -> Subject {
    let norm = ctx.norm(i);
    // `وأعلن`: a conjoined verb shares the earlier subject, it does not follow a new one.
    if cue.form != CueForm::Verb || norm.starts_with('و') || norm.starts_with('ف') {
        return Subject::Dropped;
    }
    let start = ctx.sentence_start(i);
    let mut end = i;
    while end > start
        && ctx.words.is_word(end - 1)
        && matches!(ctx.norm(end - 1), "قد" | "لقد" | "فقد" | "وقد")
    {
        end -= 1;
    }
    let mut s = end;
    while s > start && s + 8 > end && ctx.words.is_word(s - 1) {
        let w = ctx.norm(s - 1);
        if lexicon::is_clause_opener(w) || ctx.lexicon_cue(s - 1).is_some() {
            break;
        }
        s -= 1;
    }
    // `ومضى يقول إن`: the verb the cue completes has the subject, dropped here.
    let clean = (s..end).all(|k| {
        !lexicon::is_preposition(ctx.norm(k))
            && !lexicon::is_temporal(ctx.norm(k))
            && !lexicon::is_support_verb(ctx.norm(k))
    });
    if clean
        && s < end
        && (s == start || !ctx.words.is_word(s - 1) || lexicon::is_clause_opener(ctx.norm(s - 1)))
    {
        if let Some((a, b)) = trim_phrase(ctx, s, end) {
            return Subject::Phrase(a, b);
        }
    }
    relative_subject(ctx, start, end, cue).unwrap_or(Subject::Dropped)
}

/// A subject set off from its verb by a relative clause (`إلا أن الدول الـ 12 التي تلتقي
/// غدا في هاواي تؤكد أن`): the NP before a relative pronoun that agrees with the verb.
fn relative_subject(ctx: &Context, start: usize, verb: usize, cue: Cue) -> Option<Subject> {
    let words = ctx.words;
    let from = start.max(verb.saturating_sub(14));
    let r = (from..verb)
        .rev()
        .take_while(|&k| words.is_word(k))
        .find(|&k| relative_agrees(ctx.norm(k), cue.agreement))?;
    // The relative clause needs a verb of its own before the cue.
    if r + 2 > verb {
        return None;
    }
    let mut s = r;
    while s > start && s + 6 > r && words.is_word(s - 1) {
        let w = ctx.norm(s - 1);
        if lexicon::is_clause_opener(w)
            || ctx.is_complementizer(s - 1)
            || ctx.lexicon_cue(s - 1).is_some()
            || lexicon::is_preposition(w)
        {
            break;
        }
        s -= 1;
    }
    let opens = s == start
        || !words.is_word(s - 1)
        || lexicon::is_clause_opener(ctx.norm(s - 1))
        || ctx.is_complementizer(s - 1);
    if !opens || s == r {
        return None;
    }
    let (a, b) = trim_phrase(ctx, s, r)?;
    Some(Subject::Phrase(a, b))
}

/// The subject of `قوله`/`بقوله`: `عن Y قوله`, or the subject of the verb it completes
/// (`ومضى الأمين العام بقوله`, `ادلى الوزير X بنفس التعليقات … بقوله`).
pub(crate) fn masdar_subject(ctx: &Context, i: usize) -> Subject {
    let start = ctx.sentence_start(i);
    let words = ctx.words;
    let mut k = i;
    let mut seen = 0;
    while k > start && seen < 10 {
        k -= 1;
        if !words.is_word(k) {
            continue;
        }
        seen += 1;
        if ctx.norm(k) == "عن" {
            if let Some((a, b)) = trim_phrase(ctx, k + 1, i) {
                return Subject::Phrase(a, b);
            }
            break;
        }
    }
    let mut k = i;
    let start = start.max(i.saturating_sub(40));
    while k > start {
        k -= 1;
        if words.is_word(k)
            && (lexicon::is_support_verb(ctx.norm(k))
                || ctx.cue_at(k).is_some_and(|c| c.form == CueForm::Verb))
        {
            let mut end = k + 1;
            while end < i
                && words.is_word(end)
                && !lexicon::starts_adverbial(ctx.norm(end), ctx.norm(end + 1))
            {
                end += 1;
            }
            // Appositive commas stay inside; the comma rule of `trim_phrase` ends the rest.
            let mut e2 = end;
            while e2 < i && (words.is_word(e2) || words.is_comma(e2)) {
                e2 += 1;
            }
            return match trim_phrase(ctx, k + 1, e2.min(i)) {
                Some((a, b)) => {
                    let b = (a..b)
                        .find(|&x| {
                            words.is_word(x)
                                && lexicon::starts_adverbial(ctx.norm(x), ctx.norm(x + 1))
                        })
                        .unwrap_or(b);
                    trim_phrase(ctx, a, b).map_or(Subject::Dropped, |(a, b)| Subject::Phrase(a, b))
                }
                None => Subject::Dropped,
            };
        }
    }
    Subject::Dropped
}

/// Past an addressee right after a cue (`وقال لوكالة الصحافة الفرنسية،`, `وأوضح لـ"الصحيفة"`,
/// `في تصريح لـ«الجريدة»`): the subject, if any, follows it. Returns `k` when there is none.
pub(crate) fn skip_addressee(ctx: &Context, k: usize, end: usize) -> usize {
    let words = ctx.words;
    let mut k = k;
    // `في تصريح لـ…`, `في حديث خاص لـ…`: the occasion before the addressee.
    if k < end && words.is_word(k) && ctx.norm(k) == "في" && words.is_word(k + 1) {
        let occasion = ctx.norm(k + 1);
        let occasion = occasion.strip_prefix("ال").unwrap_or(occasion);
        if ["تصريح", "حديث", "مقابل", "لقاء", "حوار"]
            .iter()
            .any(|p| occasion.starts_with(p))
        {
            let mut p = k + 2;
            // `في تصريح خاص لـ…`: an adjective or two before the addressee.
            while p < end && p < k + 4 && words.is_word(p) && !ctx.norm(p).starts_with('ل') {
                p += 1;
            }
            let after = addressee_end(ctx, p, end);
            if after > p {
                k = after;
            }
        }
    }
    addressee_end(ctx, k, end)
}

/// The end of a ل-phrase at `k` naming an addressee, or `k` when there is none.
fn addressee_end(ctx: &Context, k: usize, end: usize) -> usize {
    let words = ctx.words;
    if k >= end || !words.is_word(k) {
        return k;
    }
    let w = ctx.norm(k);
    let mut p;
    if w == "ل" {
        // `لـ"الاقتصادية"`, `لـ«عكاظ»`, `لـ عكاظ`.
        if let Some(m) = ctx.marked_opening_at(k + 1) {
            p = m.after();
        } else if words.is_word(k + 1) {
            p = k + 2;
        } else {
            return k;
        }
    } else {
        let stem: String = w.chars().skip(1).collect();
        let addressee = w.starts_with('ل')
            && stem.chars().count() >= 3
            && !lexicon::is_title_word(w)
            && !lexicon::is_org_head(w)
            && !ctx.names_start_at(words.items[k].span.start)
            && !matches!(w, "لكن" | "لذلك" | "لهذا" | "لاحقا");
        if !addressee {
            return k;
        }
        // `لوكالة`, `للصحفيين`, `لرويترز`: directly marked (`ل"الشرق"`) or not.
        p = k + 1;
        if let Some(m) = ctx.marked_opening_at(k + 1) {
            p = m.after();
        }
    }
    // The addressee's genitives and adjectives (`لوكالة الأنباء الفرنسية`) up to the subject,
    // which begins with a title, a name or no article.
    while p < end
        && words.is_word(p)
        && ctx.norm(p).starts_with("ال")
        && !lexicon::is_title_word(ctx.norm(p))
    {
        p += 1;
    }
    while p < end && words.is_comma(p) {
        p += 1;
    }
    p
}
