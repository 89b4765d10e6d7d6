//! The sentence splitter, over the tokens.
//!
//! A sentence ends after a run of terminators (`.` `؟` `?` `!` `…` `۔`, with the closing
//! brackets and quotes right after it) and at every line break. It does not end:
//! - inside an open quotation: «…», “…” (also written ”…“, and closed by ″ as some sites
//!   do), "…" (straight quotes by parity); quotations never run past a line break, so an
//!   unclosed one closes at the paragraph's end. A terminator right before the closing mark
//!   ends the sentence after that mark;
//! - at a `.` after a single letter (`د.`, `أ.د.`, `U.S.`), except an Arabic letter after a
//!   number (`2015م.`, the era or a unit), or after a common Latin abbreviation (`Mr.`);
//! - at a `.` followed directly by a word or number (`word.word`); numbers (`3.5`) are
//!   single tokens anyway;
//! - at an ellipsis (`…`, `..`, `...`) that is an omission (whitespace before it) or that
//!   the sentence runs on after without a space or with a comma; an ellipsis attached to a
//!   word and followed by a space ends the sentence.
//!
//! Sentences are made of whole tokens, so they cover the text minus the whitespace between
//! them.

use isnad_core::{Sentence, Span, Token, TokenKind};

use crate::chars::{is_arabic_script, is_line_break};

const LATIN_ABBREVIATIONS: [&str; 14] =
    ["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Inc", "Ltd", "Co", "vs", "etc", "No"];

/// The sentences of `text`, whose `tokens` are [`crate::tokenize`]'s.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut splitter = Splitter { text, tokens, sentences: Vec::new(), first: 0, quotes: Quotes::default() };
    splitter.run();
    splitter.sentences
}

#[derive(Default)]
struct Quotes {
    guillemets: u32,
    curly: u32,
    curly_opener: char,
    straight: bool,
}

impl Quotes {
    fn is_open(&self) -> bool {
        self.guillemets > 0 || self.curly > 0 || self.straight
    }

    /// Updates the state with a token; returns whether it was a quotation mark.
    fn update(&mut self, token_text: &str) -> bool {
        self.update_char(single_char(token_text))
    }

    /// [`Quotes::update`] with the token's [`single_char`].
    #[inline]
    fn update_char(&mut self, token_char: Option<char>) -> bool {
        let Some(c) = token_char else { return false };
        match c {
            '«' => self.guillemets += 1,
            '»' => self.guillemets = self.guillemets.saturating_sub(1),
            '"' => self.straight = !self.straight,
            '“' | '”' | '″' => {
                let closer = if self.curly_opener == '”' { '“' } else { '”' };
                if self.curly > 0 && (c == closer || c == '″') {
                    self.curly -= 1;
                } else if c != '″' {
                    if self.curly == 0 {
                        self.curly_opener = c;
                    }
                    self.curly += 1;
                }
            }
            _ => return false,
        }
        true
    }
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    sentences: Vec<Sentence>,
    first: usize,
    quotes: Quotes,
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn is_terminator(token: &Token, text: &str) -> bool {
    token.kind == TokenKind::Punct && is_terminator_text(token.span.get(text).unwrap_or(""))
}

/// [`is_terminator`] for a punctuation token's text (`""` for any other token).
fn is_terminator_text(token_text: &str) -> bool {
    is_terminator_char(single_char(token_text))
}

/// [`is_terminator_text`] of a token's [`single_char`].
#[inline]
fn is_terminator_char(token_char: Option<char>) -> bool {
    matches!(token_char, Some('.' | '؟' | '?' | '!' | '…' | '۔'))
}

fn is_closing(token_text: &str) -> bool {
    is_closing_char(single_char(token_text))
}

#[inline]
fn is_closing_char(token_char: Option<char>) -> bool {
    matches!(token_char, Some(')' | ']' | '}' | '»' | '”' | '"' | '″' | '’'))
}

impl<'a> Splitter<'a> {
    fn token_text(&self, i: usize) -> &'a str {
        let Some(token) = self.tokens.get(i) else { return "" };
        let start = token.span.start;
        // Most punctuation is one ASCII byte: a whole char, so no boundary checks.
        if token.span.end == start + 1 && self.text.as_bytes().get(start).is_some_and(u8::is_ascii) {
            // SAFETY: `start` is in bounds and its byte is ASCII, a char of its own.
            return unsafe { self.text.get_unchecked(start..start + 1) };
        }
        token.span.get(self.text).unwrap_or("")
    }

    /// `single_char(self.token_text(i))`, without slicing for a one-byte ASCII token.
    #[inline]
    fn token_char(&self, i: usize) -> Option<char> {
        let token = self.tokens.get(i)?;
        let start = token.span.start;
        if token.span.end == start + 1 {
            if let Some(&b) = self.text.as_bytes().get(start) {
                if b.is_ascii() {
                    return Some(b as char);
                }
            }
        }
        single_char(token.span.get(self.text).unwrap_or(""))
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }

    #[inline]
    fn line_break_between(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.tokens.get(a), self.tokens.get(b)) else { return false };
        // Most gaps are empty or one space: decided without slicing the text.
        match y.span.start.checked_sub(x.span.end) {
            Some(0) => return false,
            Some(1) if self.text.as_bytes().get(x.span.end) == Some(&b' ') => return false,
            _ => {}
        }
        self.line_break_in(x.span.end, y.span.start)
    }

    #[inline(never)]
    fn line_break_in(&self, start: usize, end: usize) -> bool {
        let Some(gap) = self.text.get(start..end) else { return false };
        gap.chars().any(is_line_break)
    }

    fn close(&mut self, end: usize) {
        if end > self.first {
            let span = Span::new(self.tokens[self.first].span.start, self.tokens[end - 1].span.end);
            self.sentences.push(Sentence { span, tokens: self.first..end });
            self.first = end;
        }
    }

    fn run(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        let mut pending_end = false;
        while i < n {
            if !pending_end {
                // Most tokens are words and numbers: only a line break before one matters. Most
                // gaps are empty or one space, decided here from the previous token's end.
                let tokens = self.tokens;
                let bytes = self.text.as_bytes();
                let mut prev_end = if i > 0 { tokens[i - 1].span.end } else { 0 };
                while let Some(token) = tokens.get(i) {
                    if token.kind == TokenKind::Punct {
                        break;
                    }
                    let start = token.span.start;
                    let plain_gap = start == prev_end || (start == prev_end + 1 && bytes.get(prev_end) == Some(&b' '));
                    if !plain_gap && i > self.first && self.line_break_between(i - 1, i) {
                        self.close(i);
                        self.quotes = Quotes::default();
                    }
                    prev_end = token.span.end;
                    i += 1;
                }
                if i == n {
                    break;
                }
            }
            if i > self.first && self.line_break_between(i - 1, i) {
                self.close(i);
                self.quotes = Quotes::default();
                pending_end = false;
            }
            // The punctuation token's char, read once (`None` for any other token, or one of
            // several chars, as `single_char` of its text).
            let token_char = if self.tokens[i].kind == TokenKind::Punct { self.token_char(i) } else { None };
            if pending_end {
                let absorbed = self.adjacent(i - 1, i)
                    && (is_terminator_char(token_char) || (is_closing_char(token_char) && self.closes_char(token_char)));
                if absorbed {
                    self.quotes.update_char(token_char);
                    i += 1;
                    continue;
                }
                self.close(i);
                pending_end = false;
            }
            if self.tokens[i].kind != TokenKind::Punct {
                i += 1;
                continue;
            }
            if !is_terminator_char(token_char) {
                self.quotes.update_char(token_char);
                i += 1;
                continue;
            }
            let run_end = self.terminator_run_end(i);
            let ends = self.run_ends_sentence(i, run_end);
            if ends && !self.quotes.is_open() {
                pending_end = true;
            } else if ends && self.adjacent(run_end - 1, run_end) && is_closing(self.token_text(run_end)) {
                // A terminator right before the closing mark: end after the mark.
                self.quotes.update(self.token_text(run_end));
                pending_end = !self.quotes.is_open();
                i = run_end + 1;
                continue;
            }
            i = run_end;
        }
        self.close(n);
    }

    /// Whether a closing mark (its token's [`single_char`]) closes something (a straight
    /// quote only when one is open).
    fn closes_char(&self, token_char: Option<char>) -> bool {
        match token_char {
            Some('"') => self.quotes.straight,
            Some('»') => self.quotes.guillemets > 0,
            Some('”' | '“' | '″') => self.quotes.curly > 0,
            _ => true,
        }
    }

    /// The end (exclusive) of the run of adjacent terminators starting at `i`.
    fn terminator_run_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        while end < self.tokens.len() && self.adjacent(end - 1, end) && is_terminator(&self.tokens[end], self.text) {
            end += 1;
        }
        end
    }

    fn run_ends_sentence(&self, start: usize, end: usize) -> bool {
        let run = || (start..end).filter_map(|k| single_char(self.token_text(k)));
        if run().any(|c| matches!(c, '؟' | '?' | '!' | '۔')) {
            return true;
        }
        let next_is_word = self.adjacent(end - 1, end)
            && matches!(self.tokens.get(end).map(|t| t.kind), Some(TokenKind::Word | TokenKind::Number));
        if next_is_word || self.next_is_comma(end) {
            return false;
        }
        let is_ellipsis = end - start > 1 || run().next() == Some('…');
        if is_ellipsis {
            // An omission stands apart from the word before it.
            return start > 0 && self.adjacent(start - 1, start);
        }
        !self.is_abbreviation(start)
    }

    fn next_is_comma(&self, end: usize) -> bool {
        matches!(single_char(self.token_text(end)), Some(',' | '،' | ';' | '؛'))
    }

    /// Whether the word before the `.` at `dot` is an abbreviation.
    fn is_abbreviation(&self, dot: usize) -> bool {
        if dot == 0 || !self.adjacent(dot - 1, dot) {
            return false;
        }
        let word = &self.tokens[dot - 1];
        if word.kind != TokenKind::Word {
            return false;
        }
        // Two Arabic letters U+0621–063A, U+0641–064A (letters in the search form too) make
        // it no abbreviation: the Latin list below holds no Arabic word.
        let arabic_letters = word
            .span
            .get(self.text)
            .unwrap_or("")
            .as_bytes()
            .windows(2)
            .filter(|pair| matches!(pair, [0xD8, 0xA1..=0xBA] | [0xD9, 0x81..=0x8A]))
            .take(2)
            .count();
        if arabic_letters >= 2 {
            return false;
        }
        // On the search form whatever the profile, so that sentences do not depend on it.
        let search_form = crate::normalize_word(self.token_text(dot - 1));
        // Arabic letters (and tatweel) U+0620–064A are all alphabetic: no Unicode table lookup.
        let mut letters = search_form.chars().filter(|&c| matches!(c, '\u{0620}'..='\u{064A}') || c.is_alphabetic());
        match (letters.next(), letters.next()) {
            (Some(letter), None) if is_arabic_script(letter) => {
                let after_number = dot >= 2 && self.tokens[dot - 2].kind == TokenKind::Number;
                !after_number
            }
            (Some(_), None) => true,
            _ => LATIN_ABBREVIATIONS.contains(&self.token_text(dot - 1)),
        }
    }
}
