//! DATE / DURATION / NUMBER / PERCENT / MONEY by rules, with normalized values.
//!
//! One left-to-right pass over the tokens: at each token the date rules and the quantity
//! rules are tried (a hash probe on the token's normalized form decides almost always that
//! neither applies), the longer match wins (a date on a tie), and the scan resumes after it.
//! Nothing is allocated for tokens that start no value.
//!
//! Values (TIMEX3-like, ISO 8601 where it has a form):
//! - DATE: `2024-09-06`, `2024-09`, `XXXX-10` (month without year), `XXXX-09-06`, `2025`;
//!   Hijri dates with an `H` prefix: `H1436-10-05`, `H1436-10`, `HXXXX-09`, `H1436`;
//!   weekdays `XXXX-WXX-4` (ISO weekday, Monday = 1); a weekday followed by a date takes the
//!   date's value. Relative expressions get symbolic values: `PREV_DAY` (أمس), `PREV_WEEK`
//!   (الأسبوع الماضي), `NEXT_MONTH` (الشهر المقبل), `THIS_YEAR` (هذا العام، العام الحالي).
//!   `اليوم` and `غدا` are left out (too often "the day" and "became").
//! - DURATION: ISO 8601 durations, `P15M`, `P10Y`, `P2W`, `P3D`, `PT2H`, `PT30M`, `PT0.5H`;
//!   decades and centuries in years (`P30Y`). A unit needs a number or a dual (`أسبوع` alone is
//!   not a duration, `أسبوعين` is).
//! - NUMBER: the plain decimal value, `1200`, `3.5`, `3000000` (`ثلاثة ملايين`, `3 ملايين`,
//!   `8 ملايين و500 ألف`). Vague plurals (`آلاف`, `ملايين` alone, `عشرات`, `مئات`) and lone weak
//!   words (`ست`, `عشر`, `واحد`, `نصف`) are skipped. A bare `2015` is a NUMBER; it is a DATE
//!   after `منذ`, with an era (`2015م`) or a year word (`عام 2015`), or in a range of years.
//!   The first number of a range takes the measure of the second (`2 إلى 2.6 في المائة` gives
//!   two PERCENTs, `بين 3 و5 سنوات` two DURATIONs).
//! - PERCENT: `97%`. MONEY: `1000000 USD`, ISO 4217 codes; a currency noun that does not name
//!   its country gets a generic code unless a nisba follows (`DINAR`, `LIRA`, `FRANC`;
//!   `دينار كويتي` → `KWD`); `ريال` alone is `SAR`, `درهم` `AED`, `جنيه` `EGP`.
//!
//! Ambiguous month names (مارس practised, آب father, مايو, نيسان Nissan, and the one-word Hijri
//! months محرم، صفر، رجب، شعبان، رمضان، شوال, which are also names or words) are months only
//! next to a day number or a year, after a context word (`في`, `منذ`, `مطلع`, `نهاية`, `شهر`, …;
//! محرم and صفر only after `شهر`), or before `الماضي`/`المقبل`; and they take no proclitic
//! but و (`باب` is not ب + آب).
//!
//! Spans leave out the proclitics و ف ب ل ك of their first word (`لخمسة عشر شهرا` →
//! `خمسة عشر شهرا`) but keep the article (`العام 2025`).

mod dates;
mod lexicon;
mod numbers;
mod quantities;
#[cfg(test)]
mod tests;

use isnad_core::{EntityLabel, Proclitic, Span, Token, TokenKind};

use lexicon::{lookup, Lex};

/// A value expression found by the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueMatch {
    pub span: Span,
    pub label: EntityLabel,
    /// The normalized value (`2024-09-06`, `P15M`).
    pub value: String,
    /// The tokens it covers (indices into the token slice).
    pub tokens: std::ops::Range<usize>,
}

/// All value expressions of `text`, in order, not overlapping.
pub fn find_values(text: &str, tokens: &[Token]) -> Vec<ValueMatch> {
    let mut scanner = Scanner { text, tokens, words: Vec::new() };
    // each token's lexicon entry once: the rules ask again for the words around a candidate
    // (a third more lookups than tokens on news text)
    let words = (0..tokens.len()).map(|i| scanner.lexicon_word(i)).collect();
    scanner.words = words;
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !scanner.may_start_value(i) {
            i += 1;
            continue;
        }
        // On a tie `max_by_key` keeps the last candidate: the date.
        let best = scanner.quantity_at(i).into_iter().chain(scanner.date_at(i)).max_by_key(|f| f.end);
        match best {
            Some(f) if f.end > i => {
                let end = f.end;
                // A run found but not annotated (`10:30`) is consumed all the same.
                if let Some(m) = scanner.to_match(i, f) {
                    found.push(m);
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

/// A match a rule found at some token: where it ends and what it is (`label: None` for
/// runs that are consumed but not annotated, such as clock times).
#[derive(Debug)]
struct Found {
    end: usize,
    label: Option<EntityLabel>,
    value: String,
}

impl Found {
    fn new(end: usize, label: EntityLabel, value: String) -> Self {
        Found { end, label: Some(label), value }
    }
}

struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// [`Scanner::lexicon_word`] of every token.
    words: Vec<Option<Word>>,
}

/// A token that is in the lexicon, once its one-letter proclitics (and, where the lexicon
/// lists the bare form, its article) are set aside.
#[derive(Debug, Clone, Copy)]
struct Word {
    lex: &'static Lex,
    /// Where the word proper starts in the text (after و ف ب ل ك).
    start: usize,
    /// It carried one of و ف ب ل ك.
    proclitic: bool,
    /// It carried و (the only proclitic inside a compound number).
    conj: bool,
    /// It carried ب (`بالمئة`).
    bi: bool,
    /// It matched only without its article (`الأسبوع` → `اسبوع`).
    article: bool,
}

impl Scanner<'_> {
    fn may_start_value(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Word => self.word(i).is_some() || numbers::starts_with_digit(&t.norm),
            TokenKind::Punct | TokenKind::Symbol => is_sign(&t.norm),
            _ => false,
        }
    }

    fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    /// Tokens `a` and `b` touch (no space between them).
    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    /// The lexicon entry of token `i` (see [`Scanner::lexicon_word`]), looked up once per
    /// document.
    fn word(&self, i: usize) -> Option<Word> {
        self.words.get(i).copied().flatten()
    }

    /// The lexicon entry of token `i`, trying its whole normalized form, then without its
    /// one-letter proclitics (from the tokenizer's analysis, or guessed when it has none),
    /// then without the article, then the tokenizer's stem.
    fn lexicon_word(&self, i: usize) -> Option<Word> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let norm = t.norm.as_str();
        let plain = |lex, article| Word {
            lex,
            start: t.span.start,
            proclitic: false,
            conj: false,
            bi: false,
            article,
        };
        if let Some(lex) = lookup(norm) {
            return Some(plain(lex, false));
        }
        if let Some(w) = self.without_proclitics(t) {
            return Some(w);
        }
        if let Some(lex) = norm.strip_prefix("ال").and_then(lookup) {
            return Some(plain(lex, true));
        }
        // The tokenizer's stem form is always the tail of the normalized form (`Clitics` stores
        // it as an offset into it), and that was tried above with the proclitics and article
        // stripped.
        None
    }

    fn without_proclitics(&self, t: &Token) -> Option<Word> {
        // Without an analysis, ك is not guessed: كمية is not ك + مية.
        let mut letters = ['\0'; 3];
        let mut count = 0;
        match &t.clitics {
            Some(c) => {
                for p in &c.proclitics {
                    let letter = match p {
                        Proclitic::Wa => 'و',
                        Proclitic::Fa => 'ف',
                        Proclitic::Bi => 'ب',
                        Proclitic::Li => 'ل',
                        Proclitic::Ka => 'ك',
                        Proclitic::Sa | Proclitic::Al => break,
                    };
                    if count == letters.len() {
                        break;
                    }
                    letters[count] = letter;
                    count += 1;
                }
            }
            None => {
                let mut chars = t.norm.chars();
                let first = chars.next()?;
                if matches!(first, 'و' | 'ف') {
                    letters[0] = first;
                    count = 1;
                    if let Some(second) = chars.next().filter(|c| matches!(c, 'ب' | 'ل')) {
                        letters[1] = second;
                        count = 2;
                    }
                } else if matches!(first, 'ب' | 'ل') {
                    letters[0] = first;
                    count = 1;
                }
            }
        }
        let mut rest = t.norm.as_str();
        for (k, &letter) in letters[..count].iter().enumerate() {
            rest = rest.strip_prefix(letter)?;
            let found = lookup(rest)
                .map(|lex| (lex, false, 0))
                .or_else(|| rest.strip_prefix("ال").and_then(lookup).map(|lex| (lex, true, 0)))
                // ل before the article drops its alef: للعام = ل + العام
                .or_else(|| {
                    (letter == 'ل').then(|| rest.strip_prefix('ل').and_then(lookup)).flatten().map(|lex| (lex, true, 1))
                });
            if let Some((lex, article, elided)) = found {
                return Some(Word {
                    lex,
                    start: skip_letters(self.text, t.span, k + 1 + elided),
                    proclitic: true,
                    conj: letters[0] == 'و',
                    bi: letter == 'ب',
                    article,
                });
            }
        }
        None
    }

    /// Where a match starting at token `i` starts: its word proper for words, else the token.
    fn start_of(&self, i: usize) -> usize {
        match self.word(i) {
            Some(w) => w.start,
            None => self.tokens[i].span.start,
        }
    }

    fn to_match(&self, i: usize, found: Found) -> Option<ValueMatch> {
        let label = found.label?;
        let end = self.tokens.get(found.end.checked_sub(1)?)?.span.end;
        let start = self.start_of(i);
        let span = Span::new(start, end);
        // Spans are checked against the text: tokens from elsewhere must not make us panic.
        (start < end && span.get(self.text).is_some()).then_some(ValueMatch {
            span,
            label,
            value: found.value,
            tokens: i..found.end,
        })
    }
}

fn is_sign(norm: &str) -> bool {
    matches!(norm, "%" | "٪" | "$")
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}'..='\u{200F}')
}

/// The byte offset of the letter after the first `letters` letters of the token's text
/// (diacritics and tatweel belong to the letter before them).
fn skip_letters(text: &str, span: Span, letters: usize) -> usize {
    let Some(s) = span.get(text) else { return span.start };
    let mut seen = 0;
    for (at, c) in s.char_indices() {
        if is_mark(c) {
            continue;
        }
        if seen == letters {
            return span.start + at;
        }
        seen += 1;
    }
    span.start
}
