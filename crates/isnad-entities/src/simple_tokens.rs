//! A minimal tokenizer and sentence splitter, for tests, benchmarks and callers that have no
//! normalization stage. The pipeline uses the `normalize` stage's tokens instead.

use isnad_core::{CompactString, Sentence, Span, Token, TokenKind};

use crate::text::fold;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || ('\u{064B}'..='\u{065F}').contains(&c)
        || c == '\u{0670}'
        || c == '\u{0640}'
}

/// Words (letters, digits and marks) and single punctuation characters, and sentences ending
/// at `.`, `!`, `?`, `؟` or a line break.
pub fn tokenize(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut sentence_start_token = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' && tokens.len() > sentence_start_token {
                close_sentence(&tokens, &mut sentence_start_token, &mut sentences);
            }
            continue;
        }
        let mut end = start + c.len_utf8();
        if is_word_char(c) {
            while let Some(&(i, d)) = chars.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
        }
        let surface = &text[start..end];
        let kind = if surface.chars().all(|c| c.is_numeric()) {
            TokenKind::Number
        } else if is_word_char(c) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            norm: CompactString::from(fold(surface)),
            clitics: None,
        });
        if matches!(c, '.' | '!' | '?' | '؟') {
            close_sentence(&tokens, &mut sentence_start_token, &mut sentences);
        }
    }
    if tokens.len() > sentence_start_token {
        close_sentence(&tokens, &mut sentence_start_token, &mut sentences);
    }
    (tokens, sentences)
}

fn close_sentence(tokens: &[Token], start: &mut usize, sentences: &mut Vec<Sentence>) {
    let span = Span::new(tokens[*start].span.start, tokens[tokens.len() - 1].span.end);
    sentences.push(Sentence {
        span,
        tokens: *start..tokens.len(),
    });
    *start = tokens.len();
}
