//! Character classes shared by the normalizers, the tokenizer and the sentence splitter.

use unicode_normalization::char::is_combining_mark;

/// Zero-width and bidi controls: U+200B–200F, U+061C, U+202A–202E, U+2066–2069, U+FEFF.
/// They are invisible, so the search profile drops them next to word characters and the
/// tokenizer attaches them to the word they touch.
#[inline]
pub fn is_invisible_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Letters, digits and combining marks: what words are made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match c {
        // Arabic letters, tatweel, marks and digits; the block's punctuation is not.
        '\u{0610}'..='\u{061A}' | '\u{0620}'..='\u{065F}' | '\u{0660}'..='\u{0669}' => true,
        // U+06D6–06ED counts whole (its few signs among the Quranic marks included) because
        // the search profile drops the range: a dropped char must not change what is a word.
        '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06FC}' | '\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        // Presentation forms (the rial sign and the ligatures included) fold to letters.
        '\u{FD3E}' | '\u{FD3F}' => false,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => true,
        // Common punctuation (quotes, dashes, the ellipsis): no Unicode table lookup.
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' => false,
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// Letters of Arabic script (not digits or marks), including presentation forms.
#[inline]
pub fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// The value of a digit that can start or continue a number token: ASCII, Arabic-Indic
/// (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9).
#[inline]
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8),
        _ => None,
    }
}

#[inline]
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Separators allowed between digits of one number: `3.5`, `1,200`, `٣٫٥`, `١٬٢٠٠`.
#[inline]
pub fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '\u{066B}' | '\u{066C}')
}

#[inline]
pub fn is_percent(c: char) -> bool {
    matches!(c, '%' | '\u{066A}')
}

/// Whether a char that is neither a word char nor whitespace is punctuation (Unicode
/// category P, by the blocks news text uses) rather than a symbol.
pub fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{037E}' | '\u{0387}' | '\u{055A}'..='\u{055F}' | '\u{0589}' | '\u{058A}'
        | '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}' | '\u{05F3}' | '\u{05F4}'
        | '\u{0609}' | '\u{060A}' | '\u{060C}' | '\u{060D}' | '\u{061B}' | '\u{061D}'..='\u{061F}'
        | '\u{066A}'..='\u{066D}' | '\u{06D4}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}' | '\u{2053}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E4F}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FD3E}' | '\u{FD3F}' | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE52}' | '\u{FE54}'..='\u{FE61}'
        | '\u{FE63}' | '\u{FE68}' | '\u{FE6A}' | '\u{FE6B}'
        | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}' | '\u{FF1A}' | '\u{FF1B}'
        | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}' | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}'
    )
}

/// Line breaks end sentences and paragraphs.
#[inline]
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_ranges_hold_no_word_char() {
        for c in ('\u{2010}'..='\u{2027}').chain('\u{2030}'..='\u{205E}') {
            assert!(!c.is_alphanumeric() && !is_combining_mark(c), "{c:?}");
        }
    }

    #[test]
    fn classes() {
        assert!(is_word_char('ب') && is_word_char('\u{064E}') && is_word_char('ـ') && is_word_char('٣'));
        assert!(!is_word_char('،') && !is_word_char('؟') && !is_word_char('٪') && !is_word_char(' '));
        assert!(is_punctuation('«') && is_punctuation('،') && is_punctuation('…') && is_punctuation('.'));
        assert!(!is_punctuation('$') && !is_punctuation('€'));
        assert_eq!(digit_value('٧'), Some(7));
        assert_eq!(digit_value('۹'), Some(9));
        assert!(
            is_invisible_control('\u{200F}') && is_invisible_control('\u{FEFF}') && !is_invisible_control('\u{2060}')
        );
    }
}

/// From byte `i`, skips the common case of both profiles, runs of ASCII and of two-byte
/// Arabic letters (lead bytes D8–DB) that `unchanged` says the profile keeps as they are
/// (`unchanged` takes the letter's offset from U+0600), and returns where work is needed.
#[inline(always)]
pub(crate) fn skip_unchanged(bytes: &[u8], mut i: usize, unchanged: impl Fn(usize) -> bool) -> usize {
    while i + 1 < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if b & 0xFC == 0xD8 && unchanged((((b & 0x03) as usize) << 6) | (bytes[i + 1] & 0x3F) as usize) {
            i += 2;
        } else {
            break;
        }
    }
    i
}
