//! The `search` profile: one table lookup per char, no chain of passes.
//!
//! The Arabic block U+0600–06FF is a `const` table; the presentation forms (U+FB50–FDFF,
//! U+FE70–FEFF) are decomposed once, at first use, from their Unicode compatibility
//! decompositions with the same rules applied to the result, so every output char is a
//! fixed point of the map (the profile is idempotent).

use std::sync::OnceLock;

use unicode_normalization::char::decompose_compatible;

use compact_str::CompactString;

use crate::camel::decode_utf8;
use crate::chars::{is_invisible_control, is_word_char};

/// What the search profile does with one char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    Keep,
    Drop,
    To(char),
    ToStr(&'static str),
    /// A zero-width or bidi control: dropped next to a word char, kept elsewhere.
    Control,
}

const fn arabic_fold(u: u32) -> Fold {
    match u {
        // Harakat and other combining marks, superscript alef, Quranic annotation marks, tatweel.
        0x064B..=0x065F | 0x0670 | 0x0610..=0x061A | 0x06D6..=0x06ED | 0x0640 => Fold::Drop,
        0x0622 | 0x0623 | 0x0625 | 0x0671 => Fold::To('\u{0627}'),
        0x0649 | 0x06CC => Fold::To('\u{064A}'),
        0x0629 => Fold::To('\u{0647}'),
        0x06A9 => Fold::To('\u{0643}'),
        0x0660..=0x0669 => Fold::To(match char::from_u32(u - 0x0660 + 0x30) {
            Some(c) => c,
            None => '0',
        }),
        0x06F0..=0x06F9 => Fold::To(match char::from_u32(u - 0x06F0 + 0x30) {
            Some(c) => c,
            None => '0',
        }),
        0x061C => Fold::Control,
        _ => Fold::Keep,
    }
}

static ARABIC: [Fold; 256] = {
    let mut table = [Fold::Keep; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = arabic_fold(0x0600 + i as u32);
        i += 1;
    }
    table
};

/// The Arabic block's rules in two bytes a char, for the hot loops: [`KEEP`], [`DROP`],
/// [`CONTROL`], or the code of the char it becomes.
pub(crate) static ARABIC_COMPACT: [u16; 256] = {
    let mut table = [KEEP; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = match arabic_fold(0x0600 + i as u32) {
            Fold::Keep | Fold::ToStr(_) => KEEP,
            Fold::Drop => DROP,
            Fold::Control => CONTROL,
            Fold::To(c) => c as u16,
        };
        i += 1;
    }
    table
};

pub(crate) const KEEP: u16 = 0;
pub(crate) const DROP: u16 = 1;
pub(crate) const CONTROL: u16 = 2;

/// The compact rule for U+0600 + `offset`.
#[inline(always)]
pub(crate) fn arabic_compact(offset: u32) -> u16 {
    ARABIC_COMPACT[(offset & 0xFF) as usize]
}

const PRESENTATION_A: std::ops::Range<u32> = 0xFB50..0xFE00;
const PRESENTATION_B: std::ops::Range<u32> = 0xFE70..0xFF00;

struct PresentationTables {
    a: Vec<Fold>,
    b: Vec<Fold>,
}

fn presentation_tables() -> &'static PresentationTables {
    static TABLES: OnceLock<PresentationTables> = OnceLock::new();
    TABLES.get_or_init(|| PresentationTables {
        a: PRESENTATION_A.map(presentation_fold).collect(),
        b: PRESENTATION_B.map(presentation_fold).collect(),
    })
}

/// A presentation form's compatibility decomposition, with the profile's rules applied to
/// it. The isolated forms of marks (U+FE70…) decompose to a space and the mark: the space
/// only carried the mark, so it goes with it.
fn presentation_fold(u: u32) -> Fold {
    let Some(c) = char::from_u32(u) else { return Fold::Keep };
    if is_invisible_control(c) {
        return Fold::Control;
    }
    let mut decomposed = String::new();
    decompose_compatible(c, |d| decomposed.push(d));
    if decomposed.chars().eq(std::iter::once(c)) {
        return Fold::Keep;
    }
    let mut folded = String::new();
    for d in decomposed.chars() {
        match search_fold(d) {
            Fold::Keep | Fold::Control => folded.push(d),
            Fold::Drop => {}
            Fold::To(t) => folded.push(t),
            Fold::ToStr(s) => folded.push_str(s),
        }
    }
    if decomposed.starts_with(' ') && folded.trim().is_empty() {
        folded.clear();
    }
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Fold::Drop,
        (Some(only), None) => Fold::To(only),
        _ => Fold::ToStr(Box::leak(folded.into_boxed_str())),
    }
}

/// The search profile's rule for `c`, ignoring context.
#[inline]
pub(crate) fn search_fold(c: char) -> Fold {
    let u = c as u32;
    if u < 0x80 {
        Fold::Keep
    } else if (0x0600..0x0700).contains(&u) {
        ARABIC[(u - 0x0600) as usize]
    } else if u == 0x00A0 {
        Fold::To(' ')
    } else if PRESENTATION_A.contains(&u) {
        presentation_tables().a[(u - PRESENTATION_A.start) as usize]
    } else if PRESENTATION_B.contains(&u) {
        presentation_tables().b[(u - PRESENTATION_B.start) as usize]
    } else if is_invisible_control(c) {
        Fold::Control
    } else {
        Fold::Keep
    }
}

/// The byte offset of the first char of `word` the search profile changes (`word.len()` if none).
#[inline]
fn first_change(word: &str) -> usize {
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let (u, len) = decode_utf8(bytes, i);
        if search_fold(char::from_u32(u).unwrap_or('\u{FFFD}')) != Fold::Keep {
            return i;
        }
        i += len;
    }
    bytes.len()
}

/// Appends the search form of `word[from..]` to `out`, controls dropped.
fn push_folded(word: &str, from: usize, out: &mut String) {
    let bytes = word.as_bytes();
    let mut copied_to = from;
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let (u, len) = decode_utf8(bytes, i);
        let fold = search_fold(char::from_u32(u).unwrap_or('\u{FFFD}'));
        if fold != Fold::Keep {
            out.push_str(&word[copied_to..i]);
            match fold {
                Fold::Keep | Fold::Drop | Fold::Control => {}
                Fold::To(t) => out.push(t),
                Fold::ToStr(s) => out.push_str(s),
            }
            copied_to = i + len;
        }
        i += len;
    }
    out.push_str(&word[copied_to..]);
}

/// The search form of a word (or any token): controls are dropped wherever they are.
/// One pass into a stack buffer; words that do not fit take the general path.
pub(crate) fn search_word(word: &str) -> CompactString {
    const CAP: usize = 64;
    let bytes = word.as_bytes();
    if bytes.len() > CAP {
        return general_search_word(word);
    }
    let mut buf = [0u8; CAP];
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            buf[n] = b;
            n += 1;
            i += 1;
            continue;
        }
        if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
            let offset = (((b & 0x1F) as u32) << 6 | (bytes[i + 1] & 0x3F) as u32) - 0x600;
            match arabic_compact(offset) {
                KEEP => {
                    buf[n] = b;
                    buf[n + 1] = bytes[i + 1];
                    n += 2;
                }
                DROP | CONTROL => {}
                code => {
                    // Folds in the block give ASCII digits or Arabic letters, never growing.
                    let c = char::from_u32(code as u32).unwrap_or('\u{FFFD}');
                    n += c.encode_utf8(&mut buf[n..]).len();
                }
            }
            i += 2;
            continue;
        }
        return general_search_word(word);
    }
    // SAFETY: `buf[..n]` holds ASCII bytes and whole two-byte sequences copied from `word`,
    // and chars written by `char::encode_utf8`: valid UTF-8 by construction.
    let folded = unsafe { std::str::from_utf8_unchecked(&buf[..n]) };
    CompactString::from(folded)
}

fn general_search_word(word: &str) -> CompactString {
    let first = first_change(word);
    if first == word.len() {
        return CompactString::from(word);
    }
    let mut out = String::with_capacity(word.len());
    out.push_str(&word[..first]);
    push_folded(word, first, &mut out);
    CompactString::from(out)
}

/// The search profile over a whole text. A control is dropped when the nearest non-control
/// char on either side is a word char (it sits inside or at the edge of a word, exactly where
/// the tokenizer attaches it to that word), and kept otherwise.
pub(crate) fn normalize_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut copied_to = 0;
    let mut i = 0;
    while i < bytes.len() {
        i = crate::chars::skip_unchanged(bytes, i, |offset| arabic_compact(offset as u32) == KEEP);
        if i >= bytes.len() {
            break;
        }
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let (u, len) = decode_utf8(bytes, i);
        let c = char::from_u32(u).unwrap_or('\u{FFFD}');
        let fold = search_fold(c);
        if fold == Fold::Keep {
            i += len;
            continue;
        }
        out.push_str(&text[copied_to..i]);
        match fold {
            Fold::Keep | Fold::Drop => {}
            Fold::To(t) => out.push(t),
            Fold::ToStr(s) => out.push_str(s),
            Fold::Control => {
                let run_end = control_run_end(text, i);
                let before = text[..i].chars().next_back();
                let after = text[run_end..].chars().next();
                if !(before.is_some_and(is_word_char) || after.is_some_and(is_word_char)) {
                    out.push_str(&text[i..run_end]);
                }
                copied_to = run_end;
                i = run_end;
                continue;
            }
        }
        i += len;
        copied_to = i;
    }
    out.push_str(&text[copied_to..]);
    out
}

/// The end of the run of invisible controls starting at `start`.
pub(crate) fn control_run_end(text: &str, start: usize) -> usize {
    let mut end = start;
    for c in text[start..].chars() {
        if !is_invisible_control(c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}
