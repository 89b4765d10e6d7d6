//! The quote stage's own view of the text: words with a normalized form, punctuation,
//! quotation marks and paragraph breaks, in one linear pass.
//!
//! The stage reads the text itself rather than the token layer so that its lexicon
//! matching depends on one normalization it controls (hamza-less alef, ى→ي, ة→ه, no
//! diacritics), whatever conventions the tokenizer adopts.

use isnad_core::Span;

/// A family of quotation marks: marks of one family pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkFamily {
    /// `"`
    Ascii,
    /// `“ ” „ ‟ ″`, used in both directions in Arabic typesetting.
    Curly,
    /// `« »`, also reversed.
    Guillemet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A punctuation or symbol character.
    Punct(char),
    Mark(MarkFamily),
    /// A line break: paragraphs end here.
    Break,
}

#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub span: Span,
    pub kind: Kind,
    /// Range of the normalized form in [`Words::norm_buf`] (empty for non-words).
    norm: (u32, u32),
    /// A full stop, `?`, `!`, `؟` or break that ends a sentence.
    pub ends_sentence: bool,
}

/// The scanned text.
pub struct Words {
    pub items: Vec<Word>,
    norm_buf: String,
}

impl Words {
    pub fn norm(&self, i: usize) -> &str {
        match self.items.get(i) {
            Some(w) => &self.norm_buf[w.norm.0 as usize..w.norm.1 as usize],
            None => "",
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.items.get(i), Some(w) if w.kind == Kind::Word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        matches!(self.items.get(i), Some(w) if w.kind == Kind::Punct(c))
    }

    pub fn is_comma(&self, i: usize) -> bool {
        self.is_punct(i, '،') || self.is_punct(i, ',')
    }

    pub fn is_colon(&self, i: usize) -> bool {
        self.is_punct(i, ':')
    }

    pub fn is_mark(&self, i: usize) -> bool {
        matches!(self.items.get(i), Some(w) if matches!(w.kind, Kind::Mark(_)))
    }

    pub fn is_break(&self, i: usize) -> bool {
        matches!(self.items.get(i), Some(w) if w.kind == Kind::Break)
    }

    /// Word count in `[from, to)`.
    pub fn count_words(&self, from: usize, to: usize) -> usize {
        (from..to.min(self.len()))
            .filter(|&i| self.is_word(i))
            .count()
    }
}

pub fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

/// Letters, digits, diacritics and joiners. Arabic-script ranges are decided here because
/// `char::is_alphanumeric` takes a slow table lookup for every non-ASCII character.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    match c as u32 {
        // Arabic block, without its punctuation (، ؛ ؟ ٪ ٫ ٬ ۔) and number signs.
        0x0610..=0x061A | 0x0620..=0x0669 | 0x066E..=0x06D3 | 0x06D5..=0x06FF => true,
        0x0600..=0x06FF => false,
        0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFE | 0x200C | 0x200D => {
            true
        }
        _ => c.is_alphanumeric(),
    }
}

/// Appends the normalized form of `c` (nothing for diacritics and tatweel).
pub fn push_norm(out: &mut String, c: char) {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' => out.push('ي'),
        'ة' => out.push('ه'),
        '\u{200C}' | '\u{200D}' => {}
        c if is_diacritic(c) => {}
        c if c.is_ascii_uppercase() => out.push(c.to_ascii_lowercase()),
        c => out.push(c),
    }
}

/// The normalized form of a string (words joined by single spaces).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_word_char(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            push_norm(&mut out, c);
        } else {
            space = true;
        }
    }
    out
}

fn mark_family(c: char) -> Option<MarkFamily> {
    match c {
        '"' => Some(MarkFamily::Ascii),
        '“' | '”' | '„' | '‟' | '″' => Some(MarkFamily::Curly),
        '«' | '»' => Some(MarkFamily::Guillemet),
        _ => None,
    }
}

/// Scans `text` into words, punctuation, marks and breaks. Linear in the text's length.
pub fn scan(text: &str) -> Words {
    let mut items = Vec::with_capacity(text.len() / 5);
    let mut norm_buf = String::with_capacity(text.len());
    // `علي` folds like the preposition `على`; in a text that writes the preposition with
    // alef maksura, `علي` with ya is the name Ali (`علق علي سعيد:`). Its norm keeps a shadda,
    // which no other norm holds, so that no word list takes it for the preposition.
    let writes_maksura = text.contains("على");
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if is_word_char(c) {
            let nstart = norm_buf.len();
            push_norm(&mut norm_buf, c);
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                // A decimal point between digits stays inside the number.
                let decimal = (d == '.' || d == ',' || d == '٫')
                    && text[..i]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_digit())
                    && text[i + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit());
                if is_word_char(d) || decimal {
                    push_norm(&mut norm_buf, d);
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if writes_maksura {
                let word = &text[start..end];
                let bare = word.strip_prefix(['و', 'ف']).unwrap_or(word);
                if bare == "علي" {
                    norm_buf.push('\u{0651}');
                }
            }
            items.push(Word {
                span: Span::new(start, end),
                kind: Kind::Word,
                norm: (nstart as u32, norm_buf.len() as u32),
                ends_sentence: false,
            });
        } else if c == '\n' || c == '\u{2029}' {
            items.push(Word {
                span: Span::new(start, start + c.len_utf8()),
                kind: Kind::Break,
                norm: (0, 0),
                ends_sentence: true,
            });
        } else if c.is_whitespace() {
            continue;
        } else {
            let span = Span::new(start, start + c.len_utf8());
            let kind = match mark_family(c) {
                Some(f) => Kind::Mark(f),
                None => Kind::Punct(c),
            };
            let ends_sentence = match c {
                '!' | '?' | '؟' | '…' => true,
                // `U.S`, `تي.اس`: a stop glued to the next word ends nothing, except between
                // two Arabic words (`عالٍ.ولفت`, a space left out) when the next one is long.
                '.' => {
                    let next = text[span.end..].chars().next();
                    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
                    // `د.خالد`, `م.سعد`: a one-letter title keeps its stop.
                    let before_len = text[..start].chars().rev().take_while(|&c| is_word_char(c)).count();
                    let after_arabic = before_len >= 2 && text[..start].chars().next_back().is_some_and(arabic);
                    let next_word_len = text[span.end..].chars().take_while(|&c| is_word_char(c)).count();
                    next.is_none_or(|n| !is_word_char(n))
                        || (after_arabic && next.is_some_and(arabic) && next_word_len >= 3)
                }
                _ => false,
            };
            items.push(Word {
                span,
                kind,
                norm: (0, 0),
                ends_sentence,
            });
        }
    }
    Words { items, norm_buf }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_alef_yeh_teh_marbuta_and_diacritics() {
        assert_eq!(normalize("أكّدتْ الإدارةُ مؤكدةً على"), "اكدت الاداره مؤكده علي");
    }

    #[test]
    fn scans_words_marks_and_breaks() {
        let w = scan("قال: «نعم».\nثم 3.5");
        let kinds: Vec<Kind> = w.items.iter().map(|w| w.kind).collect();
        assert_eq!(kinds[1], Kind::Punct(':'));
        assert_eq!(kinds[2], Kind::Mark(MarkFamily::Guillemet));
        assert!(w.items[5].ends_sentence);
        assert_eq!(kinds[6], Kind::Break);
        assert_eq!(w.norm(8), "3.5");
    }

    #[test]
    fn glued_stop_does_not_end_a_sentence() {
        let w = scan("تي.اس قال");
        assert!(!w.items[1].ends_sentence);
    }

    #[test]
    fn an_arabic_decimal_separator_between_ascii_digits_stays_in_the_number() {
        // `٫` is two bytes: the digit after it starts two bytes on (this panicked once).
        let text = "بنسبة 0٫58 نقطة و1.5";
        let w = scan(text);
        assert_eq!(w.items[1].span.slice(text), "0٫58");
        assert_eq!(w.items[3].span.slice(text), "و1.5");
    }
}
