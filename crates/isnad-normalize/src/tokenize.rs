//! The tokenizer: words, numbers, URLs, e-mails, hashtags, mentions, and one token per
//! punctuation or symbol char. Tokens never overlap and cover every non-whitespace char.
//!
//! Invisible controls (zero-width and bidi, see [`crate::chars::is_invisible_control`])
//! belong to the word they touch: inside a word (ZWNJ in `می‌خواهم`), before it (an RLM
//! opening a line) or after it. A control run touching no word char (between spaces, or
//! between two punctuation marks) is a `Symbol` token of its own whose norm keeps it, as
//! `normalize` does. Combining marks after a punctuation or symbol char (a variation
//! selector after an emoji) belong to that char's token.
//!
//! Digits continue a word only after a non-Arabic char (`K24`, `G20`), so `بـ564` is the
//! word `بـ` and the number `564`, and `2015م` the number `2015` and the word `م`.

use std::sync::OnceLock;

use isnad_core::{Clitics, Proclitic, Proclitics, Span, Token, TokenKind};

use crate::chars::{
    is_arabic_script, is_digit, is_invisible_control, is_number_separator, is_percent, is_punctuation, is_word_char,
};
use crate::clitics::{clitics_of_plain_word, clitics_of_word, plain_article_stem};
use crate::search::control_run_end;
use crate::{token_norm, CompactString, Profile};

/// The tokens of `text`, each with its `profile` form and, for Arabic words carrying
/// proclitics, their analysis.
pub fn tokenize(text: &str, profile: Profile) -> Vec<Token> {
    CLITIC_CACHE.with(|cell| {
        // A nested call (there is none) would simply run without the cache.
        let mut guard = cell.try_borrow_mut().ok();
        let cache = guard.as_deref_mut().map(|c| &mut **c.get_or_insert_with(CliticCache::new));
        let mut tokenizer =
            Tokenizer { text, profile, tokens: Vec::with_capacity(text.len() / 7 + 16), cache, pending: None };
        tokenizer.run();
        if let Some(pending) = tokenizer.pending.take() {
            match profile {
                Profile::Search => tokenizer.resolve::<false>(pending),
                Profile::Camel => tokenizer.resolve::<true>(pending),
            }
        }
        tokenizer.tokens
    })
}

struct Tokenizer<'t, 'c> {
    text: &'t str,
    profile: Profile,
    tokens: Vec<Token>,
    cache: Option<&'c mut CliticCache>,
    /// The last plain word whose analysis waits for its cache slot (see [`Pending`]).
    pending: Option<Pending>,
}

/// A plain word whose clitic analysis is looked up in the cache when the next such word comes
/// (or at the end): its slot is requested from memory when the word is read, and is there by
/// then (a lookup right away waited for it). The analysis depends only on the word.
#[derive(Clone, Copy)]
struct Pending {
    /// The word's token, which gets the analysis.
    token: usize,
    span: Span,
    probe: CacheProbe,
}

/// Pushes a token whose norm is `src[..n]`, written straight into the vector's memory:
/// built on the stack and then copied (a `CompactString` is filled through byte stores), the
/// token was read back before those stores had landed, stalling on every token. A norm
/// shorter than 24 bytes is copied with a fixed-size copy rather than a `memcpy` call.
///
/// # Safety
/// `src[..n]` must be UTF-8 (`n <= src.len()`).
#[inline(always)]
unsafe fn push_in_place(
    tokens: &mut Vec<Token>,
    span: Span,
    kind: TokenKind,
    src: &[u8],
    n: usize,
    clitics: Option<Clitics>,
) {
    debug_assert!(std::str::from_utf8(&src[..n]).is_ok());
    if tokens.len() == tokens.capacity() {
        tokens.reserve(1);
    }
    let len = tokens.len();
    let dst = tokens.as_mut_ptr().add(len);
    std::ptr::addr_of_mut!((*dst).span).write(span);
    std::ptr::addr_of_mut!((*dst).kind).write(kind);
    // By variant: a whole `Option<Clitics>` was copied through the stack, its tag written
    // with a narrow store and read back with wide loads (a store-forwarding stall).
    let dst_clitics = std::ptr::addr_of_mut!((*dst).clitics);
    match clitics {
        None => dst_clitics.write(None),
        Some(c) => dst_clitics.write(Some(c)),
    }
    let norm = std::ptr::addr_of_mut!((*dst).norm);
    norm.write(CompactString::default());
    // An empty `CompactString` is inline: a 24-byte buffer whose last byte holds its length
    // and kind, which `set_len` writes. The copy leaves that byte alone (it must always hold a
    // valid marker); the bytes past the length are never read.
    match (src.first_chunk::<23>(), (*norm).as_mut_bytes().first_chunk_mut::<23>()) {
        (Some(head), Some(buffer)) if n < 24 => {
            *buffer = *head;
            (*norm).set_len(n);
        }
        // (Overwriting an empty inline string, which owns nothing.)
        _ => norm.write(CompactString::from(std::str::from_utf8_unchecked(&src[..n]))),
    }
    tokens.set_len(len + 1);
}

/// The char at byte `i` (a char boundary), if any.
#[inline]
fn decode_at(text: &str, i: usize) -> Option<char> {
    let bytes = text.as_bytes();
    if i >= bytes.len() {
        return None;
    }
    char::from_u32(crate::camel::decode_utf8(bytes, i).0)
}

impl Tokenizer<'_, '_> {
    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                i += 1;
                continue;
            }
            // Fast path: an Arabic letter U+0621–063A or U+0641–064A starts a word.
            // (Tested without branching on which of the two ranges: the lead byte is D8 or D9
            // about as often, which a branch on it mispredicts.)
            let pair = u16::from_be_bytes([b, bytes.get(i + 1).copied().unwrap_or(0)]);
            if (pair.wrapping_sub(0xD8A1) <= 0xD8BA - 0xD8A1) | (pair.wrapping_sub(0xD981) <= 0xD98A - 0xD981) {
                i = self.arabic_word(i);
                continue;
            }
            let Some(c) = decode_at(text, i) else { break };
            // The common Arabic marks and guillemets: neither whitespace, controls nor word chars.
            if matches!(c, '،' | '؛' | '؟' | '«' | '»') {
                i = self.punct_like(i, c);
                continue;
            }
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            i = if is_invisible_control(c) {
                self.control_run(i)
            } else if is_word_char(c) {
                self.word_like(i, i)
            } else {
                self.punct_like(i, c)
            };
        }
    }

    /// A run of controls at `start`: the start of the next word, the tail of the previous
    /// one, or a token of its own.
    fn control_run(&mut self, start: usize) -> usize {
        let run_end = control_run_end(self.text, start);
        if decode_at(self.text, run_end).is_some_and(is_word_char) {
            return self.word_like(start, run_end);
        }
        let touches_previous_word = self.tokens.last().is_some_and(|t| t.span.end == start)
            && self.text[..start].chars().next_back().is_some_and(is_word_char);
        if touches_previous_word {
            if let Some(last) = self.tokens.last_mut() {
                last.span.end = run_end;
            }
        } else {
            let controls = &self.text[start..run_end];
            self.tokens.push(Token {
                span: Span::new(start, run_end),
                kind: TokenKind::Symbol,
                norm: CompactString::from(controls),
                clitics: None,
            });
        }
        run_end
    }

    /// The common number: ASCII digits followed by the text's end, whitespace, punctuation
    /// that cannot continue a URL, an e-mail address or a number, or an Arabic letter. It is
    /// no URL (no scheme, no dot) nor e-mail (no `@`), ends where `number_end` ends it, takes
    /// no trailing control, and is its own norm in both profiles. `None` for anything else.
    #[inline]
    fn plain_number(&mut self, start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let digits = bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 23 {
            return None;
        }
        let end = start + digits;
        match bytes.get(end..) {
            Some([] | [b' ' | b'\n' | b'\t' | b'\r' | b')' | b'(' | b'"' | b':' | b';' | b'/' | b'!' | b'?', ..]) => {}
            Some([0xD8, 0xA1..=0xBA, ..] | [0xD9, 0x81..=0x8A, ..]) => {}
            // `،` `؛` `؟`, `«` `»`.
            Some([0xD8, 0x8C | 0x9B | 0x9F, ..] | [0xC2, 0xAB | 0xBB, ..]) => {}
            _ => return None,
        }
        // SAFETY: `bytes[start..end]` is ASCII digits.
        unsafe { push_in_place(&mut self.tokens, Span::new(start, end), TokenKind::Number, &bytes[start..], digits, None) };
        Some(end)
    }

    /// A token starting with a word char at `body` (after leading controls from `start`).
    fn word_like(&mut self, start: usize, body: usize) -> usize {
        let text = self.text;
        if start == body {
            if let Some(end) = self.plain_number(start) {
                return end;
            }
        }
        let (end, kind) = if let Some(end) = url_end(text, body) {
            (end, TokenKind::Url)
        } else if let Some(end) = email_end(text, body) {
            (end, TokenKind::Email)
        } else if decode_at(text, body).is_some_and(is_digit) {
            (number_end(text, body), TokenKind::Number)
        } else {
            (word_end(text, body), TokenKind::Word)
        };
        let end = self.trailing_controls(end, kind);
        self.push(Span::new(start, end), kind);
        end
    }

    /// A word starting with an Arabic letter at `start`.
    fn arabic_word(&mut self, start: usize) -> usize {
        let plain = match self.profile {
            Profile::Search => self.plain_arabic_word::<false>(start),
            Profile::Camel => self.plain_arabic_word::<true>(start),
        };
        if let Some(end) = plain {
            return end;
        }
        let end = self.trailing_controls(word_end(self.text, start), TokenKind::Word);
        self.push(Span::new(start, end), TokenKind::Word);
        end
    }

    /// The common case in one pass: a word of Arabic letters and harakat (U+0620–065F) ended
    /// by ASCII or the text's end, scanned and folded together. `None` when the word goes on
    /// with anything else, or holds a char the camel profile must compose with its
    /// neighbours (the general path handles those).
    ///
    /// `CAMEL` is the profile, a constant so that the search loop carries no bail-out test
    /// (its table never bails).
    fn plain_arabic_word<const CAMEL: bool>(&mut self, start: usize) -> Option<usize> {
        const CAP: usize = 64;
        let bytes = self.text.as_bytes();
        // Room for a whole 16-byte block stored at any `n < CAP`.
        let mut buf = [0u8; CAP + 16];
        let mut n = 0;
        let mut pos = start;
        // The output is never longer than the input, so bounding the input bounds both.
        let limit = bytes.len().min(start + CAP);
        // Sixteen bytes at a time while the block holds only letters the fold keeps or maps to
        // another letter (`simd::fold_block`); the char loop below takes over at a char it
        // does not handle (harakat, tatweel), and near the limit.
        #[cfg(target_arch = "x86_64")]
        let mut ended = false;
        #[cfg(target_arch = "x86_64")]
        while pos + 16 <= limit {
            // SAFETY: `pos + 16 <= bytes.len()` and `n + 16 <= pos - start + 16 <= CAP + 16`.
            let (word_bytes, unhandled) = unsafe { simd::fold_block(bytes.as_ptr().add(pos), buf.as_mut_ptr().add(n)) };
            if unhandled & ((1u32 << word_bytes) - 1) != 0 {
                let good = unhandled.trailing_zeros() as usize;
                n += good;
                pos += good;
                break;
            }
            n += word_bytes;
            pos += word_bytes;
            if word_bytes < 16 {
                ended = true;
                break;
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let ended = false;
        let tail = if ended { &[][..] } else { &bytes[pos..limit] };
        let table = plain_fold_table(if CAMEL { Profile::Camel } else { Profile::Search });
        for pair in tail.chunks_exact(2) {
            // U+0620–065F is D8 A0 – D9 9F: in valid UTF-8 no other pair falls in that range,
            // and the pair minus D8A0 indexes the table directly.
            let index = u16::from_be_bytes([pair[0], pair[1]]).wrapping_sub(0xD8A0);
            if index >= 0x100 {
                break;
            }
            let out = table[index as usize];
            if CAMEL && out == PLAIN_BAIL {
                return None;
            }
            // Written whatever it is, kept only if not dropped: no branch on the char.
            let [b, b2] = out.to_be_bytes();
            buf[n & (CAP - 1)] = b;
            buf[(n + 1) & (CAP - 1)] = b2;
            n += if out == PLAIN_DROP { 0 } else { 2 };
            pos += 2;
        }
        // The word must end here as `word_end` and `trailing_controls` would end it: before a
        // char that is neither a word char nor an invisible control (Latin letters go on with
        // the word; digits, which do not after Arabic, and other ASCII end it).
        match bytes.get(pos) {
            None => {}
            Some(&b) if b < 0x80 && b.is_ascii_alphabetic() => return None,
            Some(&b) if b < 0x80 => {}
            Some(_) => {
                let c = decode_at(self.text, pos)?;
                if is_word_char(c) || is_invisible_control(c) {
                    return None;
                }
            }
        }
        // SAFETY: every pair written is the UTF-8 of a char U+0600–07FF (`plain_fold_table`).
        let norm = unsafe { std::str::from_utf8_unchecked(&buf[..n]) };
        let span = Span::new(start, pos);
        if !may_carry_proclitic(&bytes[start..pos]) {
            // SAFETY: as above.
            unsafe { push_in_place(&mut self.tokens, span, TokenKind::Word, &buf, n, None) };
            return Some(pos);
        }
        // The cache slot is requested from memory now, and read when the next such word comes
        // (or at the end): by then it has arrived.
        let probe = self.cache_probe::<CAMEL>(span);
        let token = self.tokens.len();
        // SAFETY: as above.
        unsafe { push_in_place(&mut self.tokens, span, TokenKind::Word, &buf, n, None) };
        let Some(probe) = probe else {
            // Not cached (a word too long to be, or no cache): analysed now.
            let clitics = self.plain_clitics::<CAMEL>(span, norm);
            if let Some(token) = self.tokens.last_mut() {
                token.clitics = clitics;
            }
            return Some(pos);
        };
        if let Some(previous) = self.pending.replace(Pending { token, span, probe }) {
            self.resolve::<CAMEL>(previous);
        }
        Some(pos)
    }

    /// Gives a pending word its analysis.
    #[inline(always)]
    fn resolve<const CAMEL: bool>(&mut self, pending: Pending) {
        let Pending { token, span, probe: CacheProbe { key, tag, hash } } = pending;
        let slot = self.cache.as_deref().and_then(|cache| cache.slots.get(hash));
        let packed = match slot.filter(|slot| slot.tag == tag && slot.key == key) {
            Some(slot) => Ok(slot.clitics),
            None => {
                let norm = self.tokens.get(token).map_or("", |t| t.norm.as_str());
                let packed = PackedClitics::pack(span, self.plain_clitics::<CAMEL>(span, norm));
                if let (Ok(clitics), Some(slot)) =
                    (packed, self.cache.as_deref_mut().and_then(|cache| cache.slots.get_mut(hash)))
                {
                    *slot = CacheSlot { key, tag, clitics };
                }
                packed
            }
        };
        match packed {
            Ok(None) => {}
            Ok(Some(p)) => {
                if let Some(token) = self.tokens.get_mut(token) {
                    // Field by field, from registers: an `Option<Clitics>` assembled on the
                    // stack and copied was read back before its stores had landed (a stall).
                    let clitics = p.unpack(span);
                    let slot = token.clitics.insert(Clitics { proclitics: Proclitics::EMPTY, stem: Span::new(0, 0), stem_norm_start: 0 });
                    slot.stem.start = clitics.stem.start;
                    slot.stem.end = clitics.stem.end;
                    slot.stem_norm_start = clitics.stem_norm_start;
                    slot.proclitics = clitics.proclitics;
                }
            }
            Err(()) => {
                let norm = self.tokens.get(token).map_or("", |t| t.norm.as_str());
                let clitics = self.plain_clitics::<CAMEL>(span, norm);
                if let Some(token) = self.tokens.get_mut(token) {
                    token.clitics = clitics;
                }
            }
        }
    }

    /// The cache key of a plain word, with its slot requested from memory; `None` without
    /// a cache or for a word too long to cache.
    #[inline(always)]
    fn cache_probe<const CAMEL: bool>(&self, span: Span) -> Option<CacheProbe> {
        let len = span.end - span.start;
        let cache = self.cache.as_deref().filter(|_| len <= CliticCache::MAX_LEN)?;
        let key = cache_key(self.text.as_bytes(), span.start, len);
        let tag = len as u8 | if CAMEL { 0x80 } else { 0 };
        let hash = ((key[0] ^ key[1].rotate_left(21) ^ key[2].rotate_left(42) ^ tag as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> (64 - CliticCache::BITS)) as usize;
        #[cfg(target_arch = "x86_64")]
        if let Some(slot) = cache.slots.get(hash) {
            // SAFETY: a prefetch reads nothing; SSE is part of the x86_64 baseline.
            unsafe {
                use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
                _mm_prefetch::<_MM_HINT_T0>((slot as *const CacheSlot).cast::<i8>());
            }
        }
        Some(CacheProbe { key, tag, hash })
    }

    /// The analysis of a plain word that may carry a proclitic (`may_carry_proclitic`).
    fn plain_clitics<const CAMEL: bool>(&self, span: Span, norm: &str) -> Option<Clitics> {
        let (start, pos) = (span.start, span.end);
        let bytes = self.text.as_bytes();
        let first = [bytes[start], bytes[start + 1]];
        if !CAMEL && first == [0xD8, 0xA7] && bytes[start + 2..].starts_with(&[0xD9, 0x84]) {
            match plain_article_stem(&self.text[start..pos], norm) {
                // The article is the two bytes ا ل of the norm too (both unchanged by the fold).
                Some(stem) => stem.map(|stem| Clitics {
                    proclitics: Proclitics::from([Proclitic::Al]),
                    stem: Span::new(start + stem, pos),
                    stem_norm_start: "ال".len() as u32,
                }),
                None => clitics_of_plain_word(self.text, span, norm, self.profile),
            }
        } else {
            clitics_of_plain_word(self.text, span, norm, self.profile)
        }
    }

    /// Controls right after a token ending in a word char are part of it.
    fn trailing_controls(&self, end: usize, kind: TokenKind) -> usize {
        // Every invisible control is encoded starting with D8, E2 or EF.
        if !matches!(self.text.as_bytes().get(end), Some(0xD8 | 0xE2 | 0xEF)) {
            return end;
        }
        if matches!(
            kind,
            TokenKind::Word
                | TokenKind::Number
                | TokenKind::Hashtag
                | TokenKind::Mention
                | TokenKind::Url
                | TokenKind::Email
        ) && decode_at(self.text, end).is_some_and(is_invisible_control)
            && self.text[..end].chars().next_back().is_some_and(is_word_char)
        {
            control_run_end(self.text, end)
        } else {
            end
        }
    }

    /// A punctuation or symbol char at `i`: the common case here, the rest out of line.
    #[inline(always)]
    fn punct_like(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let after = i + c.len_utf8();
        // ASCII punctuation and the common Arabic marks and guillemets, when no combining mark
        // (never ASCII) follows, are their own norm in both profiles.
        let common = (c.is_ascii() && c != '#' && c != '@') || matches!(c, '،' | '؛' | '؟' | '«' | '»');
        // Or an Arabic letter U+0621–063A, U+0641–064A (no combining mark either).
        let ascii_after = match text.as_bytes().get(after..) {
            Some([b, ..]) if *b < 0x80 => true,
            Some([0xD8, 0xA1..=0xBA, ..] | [0xD9, 0x81..=0x8A, ..]) => true,
            Some([]) | None => true,
            Some(_) => false,
        };
        if common && ascii_after {
            let kind = if is_punctuation(c) { TokenKind::Punct } else { TokenKind::Symbol };
            // SAFETY: `text[i..after]` is a char.
            unsafe { push_in_place(&mut self.tokens, Span::new(i, after), kind, &text.as_bytes()[i..], after - i, None) };
            return after;
        }
        self.other_punct_like(i, c)
    }

    #[inline(never)]
    fn other_punct_like(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let after = i + c.len_utf8();
        if c == '#' || c == '@' {
            let tag_end = tag_end(text, after);
            if tag_end > after {
                let kind = if c == '#' { TokenKind::Hashtag } else { TokenKind::Mention };
                let end = self.trailing_controls(tag_end, kind);
                self.push(Span::new(i, end), kind);
                return end;
            }
        }
        let kind = if is_punctuation(c) { TokenKind::Punct } else { TokenKind::Symbol };
        // Combining marks go with the char they follow.
        let mut end = after;
        while let Some(m) = decode_at(text, end) {
            if !unicode_normalization::char::is_combining_mark(m) {
                break;
            }
            end += m.len_utf8();
        }
        self.push(Span::new(i, end), kind);
        end
    }

    fn push(&mut self, span: Span, kind: TokenKind) {
        let norm = token_norm(&self.text[span.start..span.end], self.profile);
        let clitics =
            if kind == TokenKind::Word { clitics_of_word(self.text, span, &norm, self.profile) } else { None };
        self.tokens.push(Token { span, kind, norm, clitics });
    }
}

/// Whether a plain word (letters and harakat U+0620–065F, starting with a letter) can get a
/// proclitic from [`clitics_of_word`], judged on its first two chars: only و ف ب ل ك س ا
/// start one, and all but و ف need a given second letter (`proclitics_of`'s rules: ا before
/// ل, ب before a bare or hamza alef, ك before ا or أ, ل before ل or a hamza alef, س before
/// ي ت ن or ى, which the skeleton folds to ي). A second char that is a mark or tatweel (the
/// skeleton skips it) or none at all leaves the answer to the full analysis.
fn may_carry_proclitic(word: &[u8]) -> bool {
    let offset = |pair: &[u8]| ((((pair[0] & 0x03) as u32) << 6) | (pair[1] & 0x3F) as u32).wrapping_sub(0x20) & 0x3F;
    let allowed = SECOND_CHARS[offset(word) as usize];
    match word.get(2..4) {
        _ if allowed == 0 => false,
        Some(pair) => allowed >> offset(pair) & 1 != 0,
        None => true,
    }
}

/// [`may_carry_proclitic`]'s rules as a table: for a first letter U+0620 + i, bit j is set if a
/// second char U+0620 + j leaves a proclitic possible (0: the letter starts none).
static SECOND_CHARS: [u64; 64] = {
    const fn bits(offsets: &[u32]) -> u64 {
        let mut out = 0;
        let mut k = 0;
        while k < offsets.len() {
            out |= 1 << (offsets[k] - 0x20);
            k += 1;
        }
        out
    }
    // Second chars the skeleton does not take as a letter (marks, tatweel, and those outside
    // the ranges checked here): the full analysis decides.
    let mut undecided = !0u64;
    let mut j = 0x21;
    while j <= 0x4A {
        if j <= 0x3A || j >= 0x41 {
            undecided &= !(1 << (j - 0x20));
        }
        j += 1;
    }
    let hamza_alefs = bits(&[0x22, 0x23, 0x25]); // آ أ إ
    let mut table = [0u64; 64];
    table[0x48 - 0x20] = !0; // و
    table[0x41 - 0x20] = !0; // ف
    table[0x27 - 0x20] = undecided | bits(&[0x44]); // ا + ل
    table[0x28 - 0x20] = undecided | bits(&[0x27]) | hamza_alefs; // ب
    table[0x43 - 0x20] = undecided | bits(&[0x27, 0x23]); // ك + ا أ
    table[0x44 - 0x20] = undecided | bits(&[0x44]) | hamza_alefs; // ل
    table[0x33 - 0x20] = undecided | bits(&[0x4A, 0x2A, 0x46, 0x49]); // س + ي ت ن ى
    table
};

/// [`plain_fold_table`] entries: the char is dropped, or the plain path cannot fold it alone.
const PLAIN_DROP: u16 = 0;
const PLAIN_BAIL: u16 = 1;

/// For U+0620–065F, the UTF-8 bytes (big-endian) of what `profile` makes of the char on its
/// own, [`PLAIN_DROP`] or [`PLAIN_BAIL`]: one lookup a char in the tokenizer's hottest loop.
fn plain_fold_table(profile: Profile) -> &'static [u16; 256] {
    // One lock each: the camel table needs the camel char classes, which the search profile
    // need not build.
    static SEARCH: OnceLock<[u16; 256]> = OnceLock::new();
    static CAMEL: OnceLock<[u16; 256]> = OnceLock::new();
    // Indexed by the char's UTF-8 minus D8A0: U+0620–063F at 0x00–0x1F, U+0640–065F at
    // 0xE0–0xFF (D9 80 – D9 9F); the indices between are no valid UTF-8.
    let build = |fold: fn(u32, char) -> u16| {
        let mut table = [PLAIN_BAIL; 256];
        for offset in 0x20..0x60u32 {
            let index = if offset < 0x40 { offset - 0x20 } else { offset - 0x40 + 0xE0 };
            table[index as usize] = fold(offset, char::from_u32(0x0600 + offset).unwrap_or('\u{FFFD}'));
        }
        table
    };
    match profile {
        Profile::Search => SEARCH.get_or_init(|| {
            let table = build(|offset, own| match crate::search::arabic_compact(offset) {
                crate::search::KEEP => encode_pair(own),
                crate::search::DROP | crate::search::CONTROL => PLAIN_DROP,
                code => char::from_u32(code as u32).map_or(PLAIN_BAIL, encode_pair),
            });
            // The search loop does not test for a bail-out (see `plain_arabic_word`).
            let valid = table[..0x20].iter().chain(&table[0xE0..]);
            assert!(valid.copied().all(|out| out != PLAIN_BAIL), "the search fold of U+0620–065F is two-byte chars");
            table
        }),
        Profile::Camel => CAMEL.get_or_init(|| {
            build(|offset, _| match crate::camel::camel_plain_fold(offset) {
                None => PLAIN_BAIL,
                Some(None) => PLAIN_DROP,
                Some(Some(c)) => encode_pair(c),
            })
        }),
    }
}

/// A two-byte char's UTF-8 as a big-endian `u16`; [`PLAIN_BAIL`] for any other char.
fn encode_pair(c: char) -> u16 {
    let mut utf8 = [0u8; 4];
    match *c.encode_utf8(&mut utf8).as_bytes() {
        [b, b2] => u16::from_be_bytes([b, b2]),
        _ => PLAIN_BAIL,
    }
}

mod cache;
mod ends;
/// The plain word path's block step on x86_64 (SSE2 is part of its baseline).
#[cfg(target_arch = "x86_64")]
mod simd;

use cache::*;
use ends::*;
