//! Proclitic analysis of Arabic words: و ف (conjunctions), ب ل ك (prepositions), س (future)
//! and the article ال, without splitting the token.
//!
//! A word is analysed on its *skeleton*: its letters with harakat, tatweel and controls
//! removed and the search folds applied, except that the hamza forms أ إ آ are kept (so
//! `ألمانيا` is not read as ال + `مانيا`) and ة is kept (to tell nouns from verbs).
//!
//! The rules are deliberately conservative, because a wrong split (`وزير` → و + `زير`)
//! hurts entity matching more than a missed one, and later stages still see the whole word:
//! - the article ال (bare alef or wasla + lam) is stripped when at least two letters remain,
//!   except in a short list of words that merely start with those letters (`الذي`, and the
//!   hamza-less spellings `الغاء`, `المانيا`, …); `لل` is ل + ال with the alef elided;
//! - ب and ك are stripped only before the article (`بالحلف`, `كالعادة`), and ب/ل before a
//!   hamza-alef (`بأن`, `لأن`, `لإنقاذ`), ك only in `كأن…`;
//! - ل is stripped only as `لل` (ل + ال) or before a hamza-alef: `لبنان`, `لندن`, `لجنة`
//!   start with ل but a stem-only test could not tell them from ل + stem;
//! - و is stripped before the article or a hamza-alef, before a short function word
//!   (`ولم`, `وقد`), and before any other remainder of three letters or more unless the
//!   word is a listed و-initial word (`وزير`, `وزارة`, `ولاية`, `واشنطن`, …) or the
//!   remainder starts with a bare alef that is not a derived-verb prefix (`واحد`, `واضح`);
//! - ف, which starts many frequent words (`فيها`, `فقط`, `فريق`, `فرنسا`, `فلسطين`), is
//!   stripped only before the article, a hamza-alef, or a short function word (`فقد`, `فلا`);
//! - س (future) only before an imperfect prefix ي ت ن with three letters or more left, not in
//!   a listed word (`سيارة`, `سياسة`, `سنوات`, `ستة`), not before `يا`, and not on a
//!   word ending in ة or ات.

use std::collections::HashSet;
use std::sync::OnceLock;

use isnad_core::{Clitics, Proclitic, Span};

use crate::chars::is_arabic_script;
use crate::search::{search_fold, Fold};
use crate::{push_token_norm, CompactString, Profile};

const MAX_LETTERS: usize = 32;

/// A word's first letters (up to [`MAX_LETTERS`]) with their byte offsets in the word.
struct Skeleton {
    letters: [char; MAX_LETTERS],
    offsets: [u32; MAX_LETTERS],
    len: usize,
    /// The whole word's letter count (may exceed `len`).
    total: usize,
}

impl Skeleton {
    fn of(word: &str) -> Skeleton {
        let mut sk = Skeleton { letters: ['\0'; MAX_LETTERS], offsets: [0; MAX_LETTERS], len: 0, total: 0 };
        for (offset, c) in word.char_indices() {
            let folded = match c {
                'أ' | 'إ' | 'آ' | 'ة' => Fold::Keep,
                _ => search_fold(c),
            };
            let mut push = |letter: char| {
                if sk.len < MAX_LETTERS {
                    sk.letters[sk.len] = letter;
                    sk.offsets[sk.len] = offset as u32;
                    sk.len += 1;
                }
                sk.total += 1;
            };
            match folded {
                Fold::Keep => push(c),
                Fold::To(t) => push(t),
                Fold::ToStr(s) => s.chars().filter(|c| !c.is_whitespace()).for_each(&mut push),
                Fold::Drop | Fold::Control => {}
            }
        }
        sk
    }

    fn at(&self, i: usize) -> char {
        if i < self.len {
            self.letters[i]
        } else {
            '\0'
        }
    }

    fn remaining(&self, from: usize) -> usize {
        self.total.saturating_sub(from)
    }

    /// The letters from `from` on, as UTF-8 in `buf` (`None` if the word is too long to list).
    fn tail<'b>(&self, from: usize, buf: &'b mut [u8; MAX_LETTERS * 4]) -> Option<&'b str> {
        if self.total > self.len || from > self.len {
            return None;
        }
        let mut n = 0;
        for &c in &self.letters[from..self.len] {
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        std::str::from_utf8(&buf[..n]).ok()
    }

    fn is_listed(&self, from: usize, list: &HashSet<String>) -> bool {
        let mut buf = [0u8; MAX_LETTERS * 4];
        self.tail(from, &mut buf).is_some_and(|t| list.contains(t))
    }

    fn ends_with(&self, suffix: &[char]) -> bool {
        self.total == self.len && self.letters[..self.len].ends_with(suffix)
    }
}

fn is_hamza_alef(c: char) -> bool {
    matches!(c, 'أ' | 'إ' | 'آ')
}

fn is_bare_alef(c: char) -> bool {
    matches!(c, 'ا' | 'ٱ')
}

/// Words that start with proclitic letters but are whole words. Written in ordinary
/// spelling; compared on skeletons.
const WA_WORDS: &str = "وزير وزيرة وزيرا وزراء وزارة وزارات وقت وقتا وقتها وقته وجود وجودها وجوده وسط \
    وفق وفقا واحد واحدة واحدا وضع وضعت وضعها وضعه وسائل وسيلة وجه وجهة وجهت وجوه وكالة وكالات \
    وكيل وكلاء وصل وصلت وصول وصولا وصوله وصولها وقع وقعت وقوع واشنطن وفاة وفاته وفيات ولاية \
    ولايات ولاة وراء وظيفة وظائف واسع واسعة واسعا واضح واضحة واضحا وقف وقفة وقوف واقع واقعة \
    واقعي واقعية وطن وطني وطنية وطننا وطنه وجد وجدت وادي وحدة وحدات وحده وحدها وحيد وحيدة \
    وثيقة وثائق واصل واصلت واصفا ولد ولدت ولادة والد والدة والده والدي وليد ولي وافق وافقت \
    ودي ودية وفد وفود ورشة ورش وتيرة وعد وعود وعي وجبة وجبات واجب واجبات ورقة وقود وضوح ويب \
    ويندوز وزن وفرة واجهة واجهت واحة وجيزة ورد وردت وارد واردات وسام وباء ولاء وصف وعاء وسيط \
    وسطاء وصية وصايا وقاية ورود ودائع وديعة وفاء وائل وديع وجدي وهيب وهبة وداد وضاح واصف وجيه \
    ويلز ويليام ويلسون ويكيليكس ويست ويسترن وارن واتساب وول وودي وارسو وهران ورقلة وهابي وهابية";

/// Remainders after و/ف that are frequent function words (two letters are otherwise too few).
const FUNCTION_WORDS: &str = "قد لم لن لا ما من في عن مع لو كل هو هي هم هن هما كان كانت قال قالت \
    ذلك تلك هذا هذه هؤلاء هناك هنا تم بين بعد قبل عند حتى لكن ليس له لها لهم لنا لي منه منها فيه \
    فيها عليه عليها على إلى إن أن إذا كما لدى ثم أو أي";

/// Words starting with ا + ل that carry no article.
const AL_WORDS: &str = "الذي التي الذين اللذين اللذان اللتان اللتين اللاتي اللواتي اللائي الا الي \
    الاف الف الفا الفين المانيا الماني المانية البانيا البوم العاب الوان القاب الغاء الزام الحاق \
    القاء الية اليات الة الات الام";

/// Words starting with ب/ك + ال that carry no article.
const BI_AL_WORDS: &str = "بالغ بالغة بالغا بالغين بالون بالي باليه";

/// Words starting with س + ي/ت/ن that are not future verbs.
const SA_WORDS: &str = "سيطر سيطرت سيطرة سيطرتها سيد سيدة سيدات سيف سير سيرة سيرته سيتي سيما سيناء \
    سيناريو سينما سيول سيلفي سيلفا سيئة سيئ سيئات ستة ستين ستار ستريت ستوديو ستاد ستانلي سنة سنوات \
    سنوي سنوية سنويا سنتين سنتا سندات سنغافورة سنابل سنيور سيدني سيول سيرك سيرين ستوكهولم";

struct Lists {
    wa: HashSet<String>,
    function_words: HashSet<String>,
    al: HashSet<String>,
    bi_al: HashSet<String>,
    sa: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let set = |words: &str| -> HashSet<String> {
            words
                .split_whitespace()
                .map(|w| {
                    let sk = Skeleton::of(w);
                    sk.letters[..sk.len].iter().collect()
                })
                .collect()
        };
        Lists {
            wa: set(WA_WORDS),
            function_words: set(FUNCTION_WORDS),
            al: set(AL_WORDS),
            bi_al: set(BI_AL_WORDS),
            sa: set(SA_WORDS),
        }
    })
}

/// Where the article starts at letter `k`, whether it is stripped.
fn has_article(sk: &Skeleton, k: usize) -> bool {
    is_bare_alef(sk.at(k)) && sk.at(k + 1) == 'ل' && sk.remaining(k + 2) >= 2 && !sk.is_listed(k, &lists().al)
}

/// The proclitics of a skeleton and the index of the stem's first letter.
fn proclitics_of(sk: &Skeleton) -> (Vec<Proclitic>, usize) {
    let lists = lists();
    let mut found = Vec::new();
    let mut k = 0;

    // Conjunction.
    let first = sk.at(0);
    if first == 'و' || first == 'ف' {
        let next = sk.at(1);
        let before_article_or_prep = has_article(sk, 1)
            || (next == 'ل' && sk.at(2) == 'ل' && sk.remaining(3) >= 2)
            || (matches!(next, 'ب' | 'ك') && has_article(sk, 2) && !sk.is_listed(1, &lists.bi_al));
        let before_hamza = is_hamza_alef(next) && sk.remaining(1) >= 2;
        let before_function_word = sk.is_listed(1, &lists.function_words);
        let strip = before_article_or_prep
            || before_hamza
            || before_function_word
            || (first == 'و' && wa_before_plain_stem(sk));
        if strip {
            found.push(if first == 'و' { Proclitic::Wa } else { Proclitic::Fa });
            k = 1;
        }
    }

    // Preposition or future particle.
    let c = sk.at(k);
    let next = sk.at(k + 1);
    match c {
        'ل' if next == 'ل' && sk.remaining(k + 2) >= 2 => {
            found.extend([Proclitic::Li, Proclitic::Al]);
            return (found, k + 2);
        }
        'ل' | 'ب' if is_hamza_alef(next) && sk.remaining(k + 1) >= 2 && !(c == 'ب' && sk.is_listed(k, &lists.bi_al)) => {
            found.push(if c == 'ل' { Proclitic::Li } else { Proclitic::Bi });
            k += 1;
        }
        'ك' if next == 'أ' && sk.at(k + 2) == 'ن' => {
            found.push(Proclitic::Ka);
            k += 1;
        }
        'ب' | 'ك' if has_article(sk, k + 1) && !sk.is_listed(k, &lists.bi_al) => {
            found.push(if c == 'ب' { Proclitic::Bi } else { Proclitic::Ka });
            k += 1;
        }
        'س' if is_future_verb(sk, k) => {
            found.push(Proclitic::Sa);
            k += 1;
        }
        _ => {}
    }

    if has_article(sk, k) {
        found.push(Proclitic::Al);
        k += 2;
    }
    (found, k)
}

/// و before a remainder that is not the article, a hamza or a function word.
fn wa_before_plain_stem(sk: &Skeleton) -> bool {
    if sk.remaining(1) < 3 || sk.is_listed(0, &lists().wa) {
        return false;
    }
    if is_bare_alef(sk.at(1)) {
        // و + ا: a conjunction before derived verbs and nouns (وانتقد, واعتبر, واستمر,
        // واتفق), not in words like واحد, واضح, وارد.
        return sk.remaining(1) >= 4 && (matches!(sk.at(2), 'ن' | 'ت') || sk.at(3) == 'ت');
    }
    true
}

fn is_future_verb(sk: &Skeleton, k: usize) -> bool {
    matches!(sk.at(k + 1), 'ي' | 'ت' | 'ن')
        && sk.remaining(k + 1) >= 3
        && !(sk.at(k + 1) == 'ي' && sk.at(k + 2) == 'ا')
        && !sk.ends_with(&['ة'])
        && !sk.ends_with(&['ا', 'ت'])
        && !sk.is_listed(k, &lists().sa)
}

/// The clitic analysis of the word at `span` of `text`: its proclitics, its stem's span and
/// the stem's `profile` form. `None` for non-Arabic words, words without proclitics and
/// spans that do not slice `text`.
pub fn analyze_clitics(text: &str, span: Span, profile: Profile) -> Option<Clitics> {
    let word = span.get(text)?;
    let first = word.chars().find(|c| !crate::chars::is_invisible_control(*c))?;
    if !is_arabic_script(first) {
        return None;
    }
    let sk = Skeleton::of(word);
    let (proclitics, stem_letter) = proclitics_of(&sk);
    if proclitics.is_empty() || stem_letter >= sk.len {
        return None;
    }
    let stem = Span::new(span.start + sk.offsets[stem_letter] as usize, span.end);
    let stem_text = stem.get(text)?;
    let mut buf = String::new();
    let stem_norm = if push_token_norm(stem_text, profile, &mut buf) {
        CompactString::from(buf.as_str())
    } else {
        CompactString::from(stem_text)
    };
    Some(Clitics { proclitics, stem, stem_norm })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Proclitic::*;

    fn analyse(word: &str) -> Option<(Vec<Proclitic>, String)> {
        analyze_clitics(word, Span::new(0, word.len()), Profile::Search)
            .map(|c| (c.proclitics, c.stem_norm.to_string()))
    }

    fn split(word: &str, proclitics: &[Proclitic], stem: &str) {
        assert_eq!(analyse(word), Some((proclitics.to_vec(), stem.to_owned())), "{word}");
    }

    fn whole(word: &str) {
        assert_eq!(analyse(word), None, "{word}");
    }

    #[test]
    fn article_and_prepositions() {
        split("والعراق", &[Wa, Al], "عراق");
        split("للحلف", &[Li, Al], "حلف");
        split("بالحلف", &[Bi, Al], "حلف");
        split("وللحلف", &[Wa, Li, Al], "حلف");
        split("فالأمر", &[Fa, Al], "امر");
        split("كالعادة", &[Ka, Al], "عاده");
        split("وبالتالي", &[Wa, Bi, Al], "تالي");
        split("الله", &[Al], "له");
        split("العراق", &[Al], "عراق");
        split("ٱلْعِرَاقِ", &[Al], "عراق");
    }

    #[test]
    fn conjunctions() {
        split("وقال", &[Wa], "قال");
        split("وأضاف", &[Wa], "اضاف");
        split("وَأَضَافَ", &[Wa], "اضاف");
        split("ولم", &[Wa], "لم");
        split("فقد", &[Fa], "قد");
        split("فإن", &[Fa], "ان");
        split("وانتقد", &[Wa], "انتقد");
        split("وسيكون", &[Wa, Sa], "يكون");
        split("لأن", &[Li], "ان");
        split("بأن", &[Bi], "ان");
    }

    #[test]
    fn words_that_only_look_cliticized() {
        for word in [
            "وزير", "وزارة", "ولاية", "واشنطن", "واحد", "فلسطين", "فرنسا", "فيها", "فقط", "بريطانيا",
            "بين", "بعد", "بغداد", "لبنان", "لندن", "لكن", "كندا", "كان", "سلمان", "سوريا", "سيارة",
            "سنوات", "ستة", "ألمانيا", "المانيا", "الذي", "إلى", "الى", "بالغة", "كأس", "وهو",
        ] {
            if word == "وهو" {
                // A function-word remainder: و + هو.
                split(word, &[Wa], "هو");
            } else {
                whole(word);
            }
        }
    }

    #[test]
    fn short_stems_are_kept_whole() {
        whole("لله");
        whole("الف");
        whole("ال");
        whole("وال");
    }

    #[test]
    fn non_arabic_and_bad_spans() {
        assert!(analyze_clitics("Wall", Span::new(0, 4), Profile::Search).is_none());
        assert!(analyze_clitics("والعراق", Span::new(1, 4), Profile::Search).is_none());
        assert!(analyze_clitics("و", Span::new(0, 9), Profile::Search).is_none());
    }

    #[test]
    fn stem_span_points_into_the_text() {
        let text = "قال وَالْعِرَاقِ";
        let start = text.find('و').unwrap();
        let c = analyze_clitics(text, Span::new(start, text.len()), Profile::Search).unwrap();
        assert_eq!(c.stem.slice(text), "عِرَاقِ");
        assert_eq!(c.stem_norm, "عراق");
    }
}
