//! Word-level text functions shared by the tagger, the gazetteers and the stage.
//!
//! The tagger's features are computed from the surface word with this crate's own folding
//! (not the normalization crate's), so the committed model keeps meaning the same thing
//! whatever happens upstream, and `tag_conll_sentence` (raw words) and the stage (tokens)
//! see identical features.

/// Folds a word for matching: drops diacritics and tatweel, unifies alef forms (أ إ آ ٱ → ا),
/// alef maqsura (ى → ي), teh marbuta (ة → ه), Arabic-Indic digits and Latin case.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        let mapped = match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}'..='\u{200F}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
            c => c,
        };
        out.push(mapped);
    }
}

pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// Whether `s` has at least `n` chars (Arabic letters are 2 bytes in UTF-8; lengths below
/// are in chars). Stops after `n` chars: counting whole words showed in profiles, as this
/// runs several times for every word form the tagger analyses.
fn has_chars(s: &str, n: usize) -> bool {
    // a char is at most 4 bytes and at least 1
    if s.len() >= 4 * n {
        return true;
    }
    if s.len() < n {
        return false;
    }
    n == 0 || s.chars().nth(n - 1).is_some()
}

/// Strips a leading definite article from a folded word when enough stem remains.
pub fn strip_article(folded: &str) -> &str {
    match folded.strip_prefix("ال") {
        Some(rest) if has_chars(rest, 2) => rest,
        _ => folded,
    }
}

/// What `strip_clitics` removed, as a small code usable as a feature.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CliticCode {
    /// و or ف
    pub conjunction: Option<char>,
    /// ب ل ك
    pub preposition: Option<char>,
    pub article: bool,
}

impl CliticCode {
    pub fn as_u64(self) -> u64 {
        (self.conjunction.map_or(0, |c| c as u64) << 1)
            ^ (self.preposition.map_or(0, |c| c as u64) << 17)
            ^ self.article as u64
    }
    pub fn is_empty(self) -> bool {
        self.conjunction.is_none() && self.preposition.is_none() && !self.article
    }
    /// Number of bytes of the folded word the clitics take (every clitic letter is 2 bytes).
    pub fn folded_len(self) -> usize {
        2 * (self.conjunction.is_some() as usize + self.preposition.is_some() as usize)
            + if self.article { 4 } else { 0 }
    }
}

/// A guess at the stem of a folded word: conjunction, preposition and article removed
/// (`والعراق` → `عراق`, `للحلف` → `حلف`). Letters that only look like clitics
/// (`بغداد`) are stripped too unless the article follows them; callers that match names
/// try the unstripped form as well.
pub fn strip_clitics(folded: &str) -> (&str, CliticCode) {
    let mut code = CliticCode::default();
    let mut rest = folded;
    let long_enough = |s: &str| has_chars(s, 3);
    if let Some(c @ ('و' | 'ف')) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if long_enough(after) {
            code.conjunction = Some(c);
            rest = after;
        }
    }
    // لل = ل + ال with the alef elided
    if let Some(after) = rest.strip_prefix("لل") {
        if has_chars(after, 2) {
            code.preposition = Some('ل');
            code.article = true;
            return (after, code);
        }
    }
    if let Some(c @ ('ب' | 'ل' | 'ك')) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if after.starts_with("ال") && has_chars(after, 4) {
            code.preposition = Some(c);
            rest = after;
        }
    }
    let dealed = strip_article(rest);
    if dealed.len() != rest.len() {
        code.article = true;
        rest = dealed;
    }
    (rest, code)
}

/// The keys under which a folded word may start a known name: as written, without its
/// article, without its clitics, and without a bare ب/ل/ك (`لحلف` → `حلف`).
pub fn lookup_keys(folded: &str) -> [&str; 3] {
    let (stem, code) = strip_clitics(folded);
    lookup_keys_of(folded, stem, code)
}

/// [`lookup_keys`] with `strip_clitics(folded)` already known (the tagger's word analysis
/// has it: stripping twice per word form showed in profiles).
pub fn lookup_keys_of<'w>(folded: &'w str, stem: &'w str, code: CliticCode) -> [&'w str; 3] {
    let plain = strip_article(folded);
    let mut bare = stem;
    if !code.article && code.preposition.is_none() {
        if let Some(c @ ('ب' | 'ل' | 'ك')) = stem.chars().next() {
            let after = &stem[c.len_utf8()..];
            if has_chars(after, 3) {
                bare = strip_article(after);
            }
        }
    }
    [plain, stem, bare]
}

/// A coarse class of a word's characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    Arabic,
    Latin,
    Digit,
    Punct,
    Mixed,
}

pub fn shape(word: &str) -> Shape {
    let (mut arabic, mut latin, mut digit, mut other) = (false, false, false, false);
    for c in word.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) && !('٠'..='٩').contains(&c) {
            arabic = true;
        } else if c.is_ascii_alphabetic() {
            latin = true;
        } else if c.is_ascii_digit() || ('٠'..='٩').contains(&c) {
            digit = true;
        } else {
            other = true;
        }
    }
    match (arabic, latin, digit, other) {
        (true, false, false, _) => Shape::Arabic,
        (false, true, false, _) => Shape::Latin,
        (false, false, true, _) => Shape::Digit,
        (false, false, false, _) => Shape::Punct,
        _ => Shape::Mixed,
    }
}

/// Fast deterministic hashing (FxHash-style), stable across platforms and releases, since
/// the model's weights are indexed by it.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95)
}

pub fn hash_str(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let mut tail = 0u64;
    for (i, b) in chunks.remainder().iter().enumerate() {
        tail |= (*b as u64) << (8 * i);
    }
    mix(h, tail)
}

/// The first `n` chars of `s` (or all of it).
pub fn prefix_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` chars of `s` (or all of it).
pub fn suffix_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_spellings() {
        assert_eq!(fold("الأمين"), fold("الامين"));
        assert_eq!(fold("إفريقيا"), "افريقيا");
        assert_eq!(fold("مُصطفى"), "مصطفي");
        assert_eq!(fold("K24"), "k24");
        assert_eq!(fold("٢٠٢٤"), "2024");
    }

    #[test]
    fn clitics_are_stripped() {
        assert_eq!(strip_clitics(&fold("والعراق")).0, "عراق");
        assert_eq!(strip_clitics(&fold("للحلف")).0, "حلف");
        assert_eq!(strip_clitics(&fold("بالعراق")).0, "عراق");
        // a bare ب/ل/ك is too ambiguous to strip here: `lookup_keys` tries it for names
        assert_eq!(strip_clitics(&fold("لحلف")).0, "لحلف");
        let (stem, code) = strip_clitics("وبغداد");
        assert_eq!(stem, "بغداد");
        assert_eq!(code.conjunction, Some('و'));
    }

    #[test]
    fn affixes_by_chars() {
        assert_eq!(prefix_chars("حلف", 2), "حل");
        assert_eq!(suffix_chars("حلف", 2), "لف");
        assert_eq!(suffix_chars("حلف", 5), "حلف");
        assert_eq!(shape("2024"), Shape::Digit);
        assert_eq!(shape("بغداد"), Shape::Arabic);
        assert_eq!(shape("K24"), Shape::Mixed);
    }
}
