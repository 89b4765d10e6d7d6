//! The word lists of the clitic analysis, and their lookup: a listed word's skeleton packed
//! in one integer, so that the analysis's lookups hash one `u64`.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::Skeleton;

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
    وسطاء وصية وصايا وقاية ورود ودائع وديعة وفاء وائل وديع وجدي وهيب وهبة وهبي وليا وداد وضاح واصف وجيه \
    ويلز ويليام ويلسون ويكيليكس ويست ويسترن وارن واتساب وول وودي وارسو وهران ورقلة وهابي وهابية";

/// Remainders after و/ف that are frequent function words (two letters are otherwise too few).
const FUNCTION_WORDS: &str = "قد لم لن لا ما من في عن مع لو كل هو هي هم هن هما كان كانت قال قالت \
    ذلك تلك هذا هذه هؤلاء هناك هنا تم بين بعد قبل عند حتى لكن ليس له لها لهم لنا منه منها فيه \
    فيها عليه عليها على إلى إن أن إذا كما لدى ثم أو أي";
// Not لي: `ولي` is far more often `ولي العهد` than و + لي.

/// Words starting with ا + ل that carry no article.
const AL_WORDS: &str = "الذي التي الذين اللذين اللذان اللتان اللتين اللاتي اللواتي اللائي الا الي \
    الاف الف الفا الفين المانيا الماني المانية البانيا البوم العاب الوان القاب الغاء الزام الحاق \
    القاء الية اليات الة الات الام اليه اليها اليهم اليهما اليك اليكم الينا";

/// Words starting with ب/ك + ال that carry no article.
const BI_AL_WORDS: &str = "بالغ بالغة بالغا بالغين بالون بالي باليه بأس";

/// Words starting with س + ي/ت/ن that are not future verbs.
const SA_WORDS: &str = "سيطر سيطرت سيطرة سيطرتها سيد سيدة سيدات سيف سير سيرة سيرته سيتي سيما سيناء \
    سيناريو سينما سيول سيلفي سيلفا سيئة سيئ سيئات ستة ستين ستار ستريت ستوديو ستاد ستانلي سنة سنوات \
    سنوي سنوية سنويا سنتين سنتا سندات سنغافورة سنابل سنيور سيدني سيول سيرك سيرين ستوكهولم \
    سيرغي سيريزا سيري سيندي سيمونز سيرينا سنترال سينغ سيتي";

/// A small fast hasher for the short char slices of the word lists (FxHash's mixing).
#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|&b| self.add(b as u64));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Letters a packed skeleton holds: six bits each in a `u64`.
const PACKED_LETTERS: usize = 10;

/// A skeleton of at most [`PACKED_LETTERS`] letters U+0620–065E as one integer, six bits a
/// letter (its offset from U+0620, plus one so that lengths differ), so that a list lookup
/// is one integer hash and compare. `None` for any other skeleton, which no list holds.
#[inline]
fn pack(letters: &[char]) -> Option<u64> {
    if letters.len() > PACKED_LETTERS {
        return None;
    }
    let mut key = 0u64;
    for &c in letters {
        let code = (c as u32).wrapping_sub(0x0620);
        if code >= 0x3F {
            return None;
        }
        key = (key << 6) | (code as u64 + 1);
    }
    Some(key)
}

/// A word list as packed skeletons, looked up without allocating.
pub(super) struct WordList {
    words: HashSet<u64, BuildHasherDefault<FxHasher>>,
    longest: usize,
    /// For each length in letters, the last letters of the listed words of that length (bit
    /// i: U+0620 + i, modulo 64): most lookups are ruled out without packing and hashing.
    filter: [u64; PACKED_LETTERS + 1],
}

/// The bit of [`WordList::filter`] for a last letter.
#[inline]
fn last_letter_bit(c: char) -> u64 {
    1 << ((c as u32).wrapping_sub(0x0620) & 0x3F)
}

impl WordList {
    fn new(words: &str) -> WordList {
        let mut longest = 0;
        let mut filter = [0u64; PACKED_LETTERS + 1];
        let words = words
            .split_whitespace()
            .map(|w| {
                let sk = Skeleton::of(w);
                longest = longest.max(sk.len);
                let letters = &sk.letters[..sk.len];
                let key = pack(letters).unwrap_or_else(|| panic!("listed word `{w}` does not pack"));
                if let Some(&last) = letters.last() {
                    filter[letters.len()] |= last_letter_bit(last);
                }
                key
            })
            .collect();
        WordList { words, longest, filter }
    }

    pub(super) fn contains(&self, letters: &[char]) -> bool {
        let possible = match (letters.last(), self.filter.get(letters.len())) {
            (Some(&last), Some(&mask)) => mask & last_letter_bit(last) != 0,
            // No list holds the empty word (or one too long to pack).
            _ => false,
        };
        possible
            && letters.len() <= self.longest
            && pack(letters).is_some_and(|key| self.words.contains(&key))
    }
}

pub(super) struct Lists {
    /// The article words in their search forms, for [`plain_article_stem`].
    /// The article words' search forms, packed like skeletons (see [`pack`]).
    al_norms: HashSet<u64, BuildHasherDefault<FxHasher>>,
    /// For each length in bytes, the last letters of the article words of that length (bit
    /// i: U+0620 + i): most forms are ruled out without packing and hashing them.
    al_norms_filter: [u64; 2 * PACKED_LETTERS + 1],
    pub(super) wa: WordList,
    pub(super) function_words: WordList,
    pub(super) al: WordList,
    pub(super) bi_al: WordList,
    pub(super) sa: WordList,
}

pub(super) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        al_norms: AL_WORDS
            .split_whitespace()
            .map(|w| {
                let letters: Vec<char> = crate::search::search_word(w).chars().collect();
                pack(&letters).unwrap_or_else(|| panic!("listed word `{w}` does not pack"))
            })
            .collect(),
        al_norms_filter: {
            let mut filter = [0u64; 2 * PACKED_LETTERS + 1];
            for w in AL_WORDS.split_whitespace() {
                let norm = crate::search::search_word(w);
                let last = norm.chars().next_back().map_or(0, |c| (c as u32).wrapping_sub(0x0620) & 0x3F);
                filter[norm.len()] |= 1 << last;
            }
            filter
        },
        wa: WordList::new(WA_WORDS),
        function_words: WordList::new(FUNCTION_WORDS),
        al: WordList::new(AL_WORDS),
        bi_al: WordList::new(BI_AL_WORDS),
        sa: WordList::new(SA_WORDS),
    })
}

/// Whether `norm`, the search form of a plain word (two-byte chars U+0620–065F), is one of
/// the article words. Packed from its bytes as [`pack`] packs letters.
pub(super) fn is_listed_article_word(norm: &str) -> bool {
    let bytes = norm.as_bytes();
    let lists = lists();
    let last = match bytes.len().checked_sub(2).and_then(|at| bytes.get(at..)) {
        Some(&[b, b2]) => (((b & 0x03) as u32) << 6 | (b2 & 0x3F) as u32).wrapping_sub(0x20) & 0x3F,
        _ => return false,
    };
    let possible = match lists.al_norms_filter.get(bytes.len()) {
        Some(&mask) => mask >> last & 1 != 0,
        None => false,
    };
    if !possible {
        return false;
    }
    let mut key = 0u64;
    for pair in bytes.chunks_exact(2) {
        let code = ((((pair[0] & 0x03) as u32) << 6) | (pair[1] & 0x3F) as u32).wrapping_sub(0x20);
        if code >= 0x3F {
            return false;
        }
        key = (key << 6) | (code as u64 + 1);
    }
    lists.al_norms.contains(&key)
}

