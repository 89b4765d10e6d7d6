//! The `camel` profile: CAMeL Tools 1.6's
//! `normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(s)))))`,
//! char for char.
//!
//! CAMeL's chain is: replace U+FDFC with `ريال` and U+FDFD with `بسم الله الرحمن الرحيم`, then
//! NFKC, then delete `AR_DIAC_CHARSET` (U+064B–0652, U+0670), then `[إأٱآ]` → `ا`, `ى` → `ي`,
//! `ة` → `ه`.
//!
//! Running NFKC over the whole text is what makes CAMeL slow, and almost every char of news
//! text is already NFKC-stable. So NFKC runs only on the short regions that need it: a char
//! with canonical combining class 0 and NFKC quick-check `Yes` is a boundary that NFKC never
//! looks across, so the text is cut at such chars, stable chars are mapped by table, and only
//! a region around an unstable char (from the last stable char before it to the next one) goes
//! through `unicode-normalization`'s NFKC.
//!
//! The harakat deleted by `dediac_ar` are not NFKC-stable (their combining class is not 0)
//! but are deleted here before NFKC without changing the result: they take part in no
//! canonical composition, and no composing mark shares their combining classes (27–35), so
//! removing them neither unblocks nor reorders a composition.

use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

const RIAL: &str = "ريال";
const BISMILLAH: &str = "بسم الله الرحمن الرحيم";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Class {
    /// NFKC-stable and left unchanged.
    StableKeep = 0,
    /// NFKC-stable, changed by the letter rules (alef forms, alef maksura, teh marbuta, U+FDFD).
    StableMap = 1,
    /// A haraka CAMeL deletes: deleted before NFKC (see the module docs).
    Diacritic = 2,
    /// Needs NFKC.
    Unstable = 3,
}

fn is_camel_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}')
}

fn classify(c: char) -> Class {
    if is_camel_diacritic(c) {
        Class::Diacritic
    } else if canonical_combining_class(c) != 0 || is_nfkc_quick(std::iter::once(c)) != IsNormalized::Yes {
        Class::Unstable
    } else if c == '\u{FDFD}' || camel_letter_fold(c) != Some(c) {
        Class::StableMap
    } else {
        Class::StableKeep
    }
}

/// Classes of the whole Basic Multilingual Plane, computed once (64 KiB).
fn bmp_classes() -> &'static [Class] {
    static TABLE: OnceLock<Vec<Class>> = OnceLock::new();
    TABLE.get_or_init(|| (0u32..0x10000).map(|u| char::from_u32(u).map_or(Class::StableKeep, classify)).collect())
}

#[inline]
fn class_of(c: char) -> Class {
    let u = c as u32;
    if u < 0x10000 {
        bmp_classes()[u as usize]
    } else {
        classify(c)
    }
}

/// The letter rules applied after NFKC: `None` deletes the char.
#[inline]
fn camel_letter_fold(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{0652}' | '\u{0670}' => None,
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => Some('\u{0627}'),
        '\u{0649}' => Some('\u{064A}'),
        '\u{0629}' => Some('\u{0647}'),
        other => Some(other),
    }
}

/// What a stable char becomes.
fn push_stable(c: char, out: &mut String) {
    if c == '\u{FDFD}' {
        out.push_str(BISMILLAH);
    } else if let Some(folded) = camel_letter_fold(c) {
        out.push(folded);
    }
}

fn stable_output_len(c: char) -> usize {
    if c == '\u{FDFD}' {
        BISMILLAH.len()
    } else {
        camel_letter_fold(c).map_or(0, char::len_utf8)
    }
}

/// CAMeL's whole chain on a region that needs NFKC.
fn push_unstable_region(region: &str, out: &mut String) {
    let fixed = region.chars().flat_map(|c| {
        let replacement = match c {
            '\u{FDFC}' => RIAL,
            '\u{FDFD}' => BISMILLAH,
            _ => "",
        };
        let own = if replacement.is_empty() { Some(c) } else { None };
        replacement.chars().chain(own)
    });
    for c in fixed.nfkc() {
        if let Some(folded) = camel_letter_fold(c) {
            out.push(folded);
        }
    }
}

/// Decodes the char at byte `i` of valid UTF-8 and returns it with its length.
#[inline(always)]
pub(crate) fn decode_utf8(bytes: &[u8], i: usize) -> (u32, usize) {
    let b = bytes[i] as u32;
    let cont = |k: usize| (bytes.get(i + k).copied().unwrap_or(0x80) & 0x3F) as u32;
    if b < 0x80 {
        (b, 1)
    } else if b < 0xE0 {
        (((b & 0x1F) << 6) | cont(1), 2)
    } else if b < 0xF0 {
        (((b & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4)
    }
}

/// The camel profile over `text`, appended to `out`.
pub(crate) fn push_camel(text: &str, out: &mut String) {
    let classes = bmp_classes();
    let bytes = text.as_bytes();
    let mut copied_to = 0;
    let mut i = 0;
    let arabic = &classes[0x0600..0x0700];
    while i < bytes.len() {
        i = crate::chars::skip_unchanged(bytes, i, |offset| arabic[offset] == Class::StableKeep);
        if i >= bytes.len() {
            break;
        }
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let (u, len) = decode_utf8(bytes, i);
        let class = match classes.get(u as usize) {
            Some(&class) => class,
            None => char::from_u32(u).map_or(Class::StableKeep, classify),
        };
        match class {
            Class::StableKeep => i += len,
            Class::StableMap => {
                out.push_str(&text[copied_to..i]);
                push_stable(char::from_u32(u).unwrap_or('\u{FFFD}'), out);
                i += len;
                copied_to = i;
            }
            Class::Diacritic => {
                out.push_str(&text[copied_to..i]);
                i += len;
                copied_to = i;
            }
            Class::Unstable => {
                let region_start = last_stable_start(text, i);
                if region_start < copied_to {
                    // That stable char (and diacritics after it, which output nothing) is
                    // already in `out`: take it back.
                    let stable = text[region_start..].chars().next().unwrap_or(' ');
                    out.truncate(out.len() - stable_output_len(stable));
                } else {
                    out.push_str(&text[copied_to..region_start]);
                }
                let region_end = next_stable_start(text, i + len);
                push_unstable_region(&text[region_start..region_end], out);
                i = region_end;
                copied_to = region_end;
            }
        }
    }
    out.push_str(&text[copied_to..]);
}

/// The start of the last stable char before `i`, skipping diacritics; 0 if none.
fn last_stable_start(text: &str, i: usize) -> usize {
    let mut pos = i;
    for c in text[..i].chars().rev() {
        pos -= c.len_utf8();
        if class_of(c) != Class::Diacritic {
            return pos;
        }
    }
    0
}

/// The start of the first stable char at or after `i`; the text's end if none.
fn next_stable_start(text: &str, i: usize) -> usize {
    let mut pos = i;
    for c in text[i..].chars() {
        if matches!(class_of(c), Class::StableKeep | Class::StableMap) {
            return pos;
        }
        pos += c.len_utf8();
    }
    text.len()
}

/// The camel form of U+0600 + `offset` on its own, for the tokenizer's one-pass word path:
/// `Some(None)` if deleted, `Some(Some(c))` for the char it becomes, `None` if it needs NFKC
/// with its neighbours.
pub(crate) fn camel_plain_fold(offset: u32) -> Option<Option<char>> {
    let u = 0x0600 + (offset & 0xFF);
    let c = char::from_u32(u)?;
    match bmp_classes()[u as usize] {
        Class::StableKeep => Some(Some(c)),
        Class::StableMap => Some(camel_letter_fold(c)),
        Class::Diacritic => Some(None),
        Class::Unstable => None,
    }
}

/// Whether the camel profile leaves `word` unchanged and it holds no invisible control.
pub(crate) fn is_camel_fixed_point(word: &str) -> bool {
    let classes = bmp_classes();
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let (u, len) = decode_utf8(bytes, i);
        if classes.get(u as usize) != Some(&Class::StableKeep)
            || crate::chars::is_invisible_control(char::from_u32(u).unwrap_or(' '))
        {
            return false;
        }
        i += len;
    }
    true
}

pub(crate) fn normalize_camel(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_camel(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> String {
        let fixed: String = text.replace('\u{FDFC}', RIAL).replace('\u{FDFD}', BISMILLAH);
        fixed.nfkc().filter_map(camel_letter_fold).collect()
    }

    #[test]
    fn fast_path_equals_whole_text_nfkc() {
        let cases = [
            "إلى المدرسةِ ﷼ ﻻ ـ",
            "\u{0627}\u{0654}\u{064E}",
            "\u{0627}\u{064E}\u{0654}",
            "\u{064A}\u{0651}\u{0654}ب",
            "\u{064E}\u{0654}",
            "أَ\u{FDFC}\u{0654}﷽ ﹶ ﹷ ﻷ",
            "e\u{0301}\u{064E}\u{0327} ﬁ ２ Å",
            "\u{1100}\u{1161}\u{11A8} 한",
            "\u{FDFD}\u{0654}",
        ];
        for case in cases {
            assert_eq!(normalize_camel(case), reference(case), "{case:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The fast path (NFKC only around unstable chars) equals NFKC over the whole text.
        #[test]
        fn fast_path_equals_reference(text in proptest::prop_oneof![
            proptest::prelude::any::<String>(),
            "[\u{0621}-\u{0655}\u{0670}\u{0671}\u{FDFC}\u{FDFD}\u{FE70}-\u{FEFC}\u{FB50}-\u{FBB1}ـ\u{0300}-\u{0315}aeAE ]{0,40}",
        ]) {
            proptest::prop_assert_eq!(normalize_camel(&text), reference(&text));
        }
    }

    #[test]
    fn diacritics_never_compose_or_share_a_composing_class() {
        // The premise of deleting harakat before NFKC.
        for c in
            ['\u{064B}', '\u{064C}', '\u{064D}', '\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0670}']
        {
            assert_eq!(is_nfkc_quick(std::iter::once(c)), IsNormalized::Yes);
            let ccc = canonical_combining_class(c);
            for base in (0u32..0x30000).filter_map(char::from_u32) {
                assert!(unicode_normalization::char::compose(base, c).is_none());
                if canonical_combining_class(base) == ccc {
                    for first in (0u32..0x30000).filter_map(char::from_u32) {
                        assert!(unicode_normalization::char::compose(first, base).is_none(), "{base:?}");
                    }
                }
            }
        }
    }
}
