//! Numbers written with digits (`1,200`, `3.5`, `٣٫٥`, `15/7/2015`) or Arabic words
//! (`خمسة عشر`, `ثلاثة آلاف وخمسمئة`, `مليون`), as exact decimals.

use std::fmt;

use isnad_core::TokenKind;

use super::lexicon::{NumKind, ERA_GREGORIAN, ERA_HIJRI};
use super::Scanner;

/// An exact non-negative decimal: `mantissa / 10^scale`. Values that do not fit are not
/// matched (the rules never panic on absurdly long digit strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Decimal {
    mantissa: u128,
    scale: u32,
}

const MAX_SCALE: u32 = 30;

impl Decimal {
    pub const fn integer(value: u128) -> Self {
        Decimal { mantissa: value, scale: 0 }
    }

    pub fn from_centi(centi: u64) -> Self {
        Decimal { mantissa: u128::from(centi), scale: 2 }.trimmed()
    }

    fn trimmed(mut self) -> Self {
        while self.scale > 0 && self.mantissa.is_multiple_of(10) {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        let scale = self.scale + other.scale;
        (scale <= MAX_SCALE).then_some(Decimal { mantissa, scale }.trimmed())
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(10u128.checked_pow(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(10u128.checked_pow(scale - other.scale)?)?;
        Some(Decimal { mantissa: a.checked_add(b)?, scale }.trimmed())
    }

    /// The integer value, if it has no fractional part.
    pub fn as_integer(self) -> Option<u128> {
        (self.scale == 0).then_some(self.mantissa)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let unit = 10u128.pow(self.scale);
        let width = self.scale as usize;
        write!(f, "{}.{:0width$}", self.mantissa / unit, self.mantissa % unit)
    }
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '٠'..='٩' => Some(c as u32 - '٠' as u32),
        '۰'..='۹' => Some(c as u32 - '۰' as u32),
        _ => None,
    }
}

pub(super) fn starts_with_digit(s: &str) -> bool {
    s.chars().next().and_then(digit_value).is_some()
}

fn leading_digits(s: &str) -> usize {
    s.chars().take_while(|&c| digit_value(c).is_some()).count()
}

/// Parses the number at the start of `s` (digits; `,`/`٬` before groups of exactly three
/// digits; one `.`/`٫` decimal point) and returns it with the rest of `s`.
pub(super) fn parse_digits(s: &str) -> Option<(Decimal, &str)> {
    let mut mantissa: u128 = 0;
    let mut digits = 0u32;
    let mut scale = 0u32;
    let mut seen_point = false;
    let mut end = 0;
    for (at, c) in s.char_indices() {
        let after = &s[at + c.len_utf8()..];
        if let Some(d) = digit_value(c) {
            digits += 1;
            if digits > MAX_SCALE {
                return None;
            }
            mantissa = mantissa * 10 + u128::from(d);
            if seen_point {
                scale += 1;
            }
            end = at + c.len_utf8();
        } else if matches!(c, ',' | '٬') && !seen_point && digits > 0 {
            let group = leading_digits(after);
            if group != 3 {
                break;
            }
        } else if matches!(c, '.' | '٫') && !seen_point && digits > 0 && leading_digits(after) > 0 {
            seen_point = true;
        } else {
            break;
        }
    }
    if digits == 0 {
        return None;
    }
    Some((Decimal { mantissa, scale }.trimmed(), &s[end..]))
}

/// What follows the digits inside the same run (`97%`, `2015م`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Suffix {
    None,
    Percent,
    Era(u32),
}

fn suffix_of(rest: &str) -> Option<Suffix> {
    match rest {
        "" => Some(Suffix::None),
        "%" | "٪" => Some(Suffix::Percent),
        "م" => Some(Suffix::Era(ERA_GREGORIAN)),
        "ه" | "هـ" => Some(Suffix::Era(ERA_HIJRI)),
        _ => None,
    }
}

/// A run of adjacent digit tokens and separators, read as one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DigitRun {
    Number(Decimal, Suffix),
    /// `15/7/2015`, `2015-07-15` (day 0 for `7/2015`).
    Date { year: u32, month: u32, day: u32 },
    /// `10:30` and the like: not a value we annotate, but not a number either.
    Time,
}

fn classify(s: &str) -> Option<DigitRun> {
    if s.contains(':') {
        return Some(DigitRun::Time);
    }
    if s.contains('/') || s.contains('-') {
        return numeric_date(s);
    }
    let (value, rest) = parse_digits(s)?;
    Some(DigitRun::Number(value, suffix_of(rest)?))
}

fn numeric_date(s: &str) -> Option<DigitRun> {
    let separator = if s.contains('/') { '/' } else { '-' };
    let mut parts = [0u32; 3];
    let mut lengths = [0usize; 3];
    let mut count = 0;
    for part in s.split(separator) {
        if count == 3 || part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        parts[count] = part.parse().ok()?;
        lengths[count] = part.len();
        count += 1;
    }
    let (year, month, day) = match (count, lengths) {
        (3, [4, _, _]) => (parts[0], parts[1], parts[2]),
        (3, [_, _, 4]) if lengths[0] <= 2 => (parts[2], parts[1], parts[0]),
        (2, [_, 4, _]) if lengths[0] <= 2 => (parts[1], parts[0], 0),
        _ => return None,
    };
    let valid = (1..=12).contains(&month) && day <= 31 && (count == 2 || day >= 1) && year >= 1;
    valid.then_some(DigitRun::Date { year, month, day })
}

/// A number read at some token: its value, where it ends, and whether it may stand alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Number {
    pub value: Decimal,
    pub end: usize,
    pub suffix: Suffix,
    /// A lone weak word (`ست`, `عشر`, `نصف`): only a value when a unit or currency follows.
    pub weak: bool,
    /// It includes a scale word (`3 ملايين`, `ثلاثة آلاف`).
    pub scaled: bool,
}

const RUN_SEPARATORS: [&str; 7] = [",", ".", "٫", "٬", "/", "-", ":"];

impl Scanner<'_> {
    pub(super) fn is_digit_token(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            matches!(t.kind, TokenKind::Number | TokenKind::Word) && starts_with_digit(&t.norm)
        })
    }

    /// Only spaces between byte offsets `a` and `b`.
    fn adjacent_by_space(&self, a: usize, b: usize) -> bool {
        self.text.get(a..b).is_some_and(|gap| gap.bytes().all(|c| c == b' '))
    }

    /// The digit run starting at token `i`, and the index after it.
    pub(super) fn digit_run(&self, i: usize) -> Option<(DigitRun, usize)> {
        if !self.is_digit_token(i) {
            return None;
        }
        let first = &self.tokens[i];
        let mut buf = [0u8; 64];
        let mut len = 0;
        let mut push = |s: &str, len: &mut usize| -> bool {
            let end = *len + s.len();
            if end > buf.len() {
                return false;
            }
            buf[*len..end].copy_from_slice(s.as_bytes());
            *len = end;
            true
        };
        let mut end = i + 1;
        if push(&first.norm, &mut len) {
            let mut last_end = first.span.end;
            while let (Some(sep), Some(next)) = (self.tokens.get(end), self.tokens.get(end + 1)) {
                // Slashes of dates are sometimes spaced (`30 /11 / 1436`); other separators
                // only glue digits they touch.
                let touching = |a: usize, b: usize| {
                    a == b || (sep.norm == "/" && self.text.get(a..b).is_some_and(|gap| gap.len() <= 2 && gap.bytes().all(|c| c == b' ')))
                };
                let glued = touching(last_end, sep.span.start)
                    && touching(sep.span.end, next.span.start)
                    && RUN_SEPARATORS.contains(&sep.norm.as_str())
                    && self.is_digit_token(end + 1);
                if !glued || !push(&sep.norm, &mut len) || !push(&next.norm, &mut len) {
                    break;
                }
                last_end = next.span.end;
                end += 2;
            }
        }
        if end > i + 1 {
            if let Some(run) = std::str::from_utf8(&buf[..len]).ok().and_then(classify) {
                return Some((run, end));
            }
        }
        classify(&first.norm).map(|run| (run, i + 1))
    }

    /// The number (digits or words) starting at token `i`.
    pub(super) fn number(&self, i: usize) -> Option<Number> {
        if let Some((run, end)) = self.digit_run(i) {
            let DigitRun::Number(value, suffix) = run else { return None };
            let mut number = Number { value, end, suffix, weak: false, scaled: false };
            if suffix != Suffix::None {
                return Some(number);
            }
            // `3 ملايين`, `1.5 مليار`, `20 ألفا`, and `8 ملايين و500 ألف`
            let Some((v, after, mut last_scale)) = self.times_scale(value, end) else { return Some(number) };
            (number.value, number.end, number.scaled) = (v, after, true);
            while self.norm(number.end) == "و" {
                let Some((DigitRun::Number(part, Suffix::None), part_end)) = self.digit_run(number.end + 1) else { break };
                let Some((part, after, scale)) = self.times_scale(part, part_end) else { break };
                let Some(sum) = (scale < last_scale).then(|| number.value.checked_add(part)).flatten() else { break };
                (number.value, number.end, last_scale) = (sum, after, scale);
            }
            return Some(number);
        }
        self.word_number(i)
    }

    /// `value` times the scale word at `at` (`ملايين`), the index after it, and the scale.
    fn times_scale(&self, value: Decimal, at: usize) -> Option<(Decimal, usize, u64)> {
        let w = self.word(at).filter(|w| !w.proclitic && !w.article)?;
        let n = w.lex.num.filter(|n| matches!(n.kind, NumKind::Scale { dual: false, .. }))?;
        Some((value.checked_mul(Decimal::from_centi(n.centi))?, at + 1, n.centi))
    }

    /// A number written in words: `خمسة عشر`, `مئة وخمسون`, `ثلاثة آلاف وخمسمئة`, `مليون`.
    fn word_number(&self, i: usize) -> Option<Number> {
        #[derive(PartialEq, Eq, Clone, Copy)]
        enum Last {
            Unit(u128),
            Teen,
            Tens,
            Hundred,
            Scale,
        }
        let first = self.word(i).filter(|w| !w.article)?;
        let n = first.lex.num?;
        // عشر after an ordinal belongs to it (`الدورة السادسة عشرة`).
        if n.kind == NumKind::Unit && n.centi == 1000 && !first.proclitic {
            let after_ordinal = i.checked_sub(1).and_then(|p| self.tokens.get(p)).is_some_and(|p| {
                p.kind == TokenKind::Word && p.norm.starts_with("ال") && self.adjacent_by_space(p.span.end, self.tokens[i].span.start)
            });
            if after_ordinal {
                return None;
            }
        }
        let number = |value: Decimal, end: usize, weak: bool, scaled: bool| Number {
            value,
            end,
            suffix: Suffix::None,
            weak,
            scaled,
        };
        let next_plain = |j: usize| self.word(j).filter(|w| !w.proclitic && !w.article);
        let int = |centi: u64| u128::from(centi / 100);
        let (mut total, mut group, mut last, mut last_scale): (u128, u128, Last, u128);
        let mut end = i + 1;
        match n.kind {
            NumKind::Fraction => {
                let scale = next_plain(i + 1)
                    .and_then(|w| w.lex.num)
                    .filter(|s| s.kind == NumKind::Scale { dual: false, plural: false });
                return Some(match scale {
                    Some(s) => number(Decimal::from_centi(n.centi).checked_mul(Decimal::from_centi(s.centi))?, i + 2, false, true),
                    None => number(Decimal::from_centi(n.centi), i + 1, true, false),
                });
            }
            NumKind::TeenPrefix => {
                let ten = next_plain(i + 1).and_then(|w| w.lex.num).filter(|t| t.kind == NumKind::Unit && t.centi == 1000)?;
                (total, group, last, last_scale) = (0, int(n.centi) + int(ten.centi), Last::Teen, u128::MAX);
                end = i + 2;
            }
            NumKind::Unit => (total, group, last, last_scale) = (0, int(n.centi), Last::Unit(int(n.centi)), u128::MAX),
            NumKind::Tens => (total, group, last, last_scale) = (0, int(n.centi), Last::Tens, u128::MAX),
            NumKind::Hundred => (total, group, last, last_scale) = (0, int(n.centi), Last::Hundred, u128::MAX),
            NumKind::Scale { plural: true, .. } => return None, // آلاف، ملايين alone: vague
            NumKind::Scale { dual, .. } => {
                let m = int(n.centi);
                (total, group, last, last_scale) = (if dual { 2 * m } else { m }, 0, Last::Scale, m);
            }
        }
        let mut words = end - i;
        while let Some(w) = self.word(end) {
            let Some(n) = w.lex.num else { break };
            // Only و may join the parts of a number; the article or another proclitic ends it.
            if w.article || (w.proclitic && !w.conj) {
                break;
            }
            let v = int(n.centi);
            let conj = w.conj;
            // `مليونين وثلاثة ملايين`: what follows و is a second number when a scale as
            // large as the last one comes after it.
            if conj && last == Last::Scale && !matches!(n.kind, NumKind::Scale { .. }) {
                let next_scale = self.word(end + 1).and_then(|x| x.lex.num).and_then(|x| match x.kind {
                    NumKind::Scale { .. } => Some(int(x.centi)),
                    _ => None,
                });
                if next_scale.is_some_and(|s| s >= last_scale) {
                    break;
                }
            }
            let ok = match (n.kind, conj, last) {
                (NumKind::Unit, false, Last::Unit(u)) if v == 10 && (1..=9).contains(&u) => {
                    group += 10;
                    last = Last::Teen;
                    true
                }
                (NumKind::Unit, true, Last::Hundred | Last::Scale) if v < 10 && group % 100 == 0 => {
                    group += v;
                    last = Last::Unit(v);
                    true
                }
                (NumKind::Tens, true, Last::Unit(u)) if u < 10 && group % 100 == u => {
                    group += v;
                    last = Last::Tens;
                    true
                }
                (NumKind::Tens, true, Last::Hundred | Last::Scale) if group % 100 == 0 => {
                    group += v;
                    last = Last::Tens;
                    true
                }
                (NumKind::Hundred, false, Last::Unit(u)) if v == 100 && (3..=9).contains(&u) && group == u => {
                    group = u * 100;
                    last = Last::Hundred;
                    true
                }
                (NumKind::Hundred, true, Last::Scale) if group == 0 => {
                    group = v;
                    last = Last::Hundred;
                    true
                }
                (NumKind::Scale { dual: false, plural }, false, _) if group > 0 && v < last_scale => {
                    if plural && !(3..=10).contains(&group) {
                        false
                    } else {
                        total = match group.checked_mul(v).and_then(|g| total.checked_add(g)) {
                            Some(t) => t,
                            None => break,
                        };
                        group = 0;
                        last = Last::Scale;
                        last_scale = v;
                        true
                    }
                }
                (NumKind::Scale { dual, plural: false }, true, Last::Scale) if group == 0 && v < last_scale => {
                    total += if dual { 2 * v } else { v };
                    last_scale = v;
                    true
                }
                _ => false,
            };
            if !ok {
                break;
            }
            end += 1;
            words += 1;
        }
        let weak = words == 1 && n.weak;
        let scaled = last_scale != u128::MAX;
        Some(number(Decimal::integer(total.checked_add(group)?), end, weak, scaled))
    }

    /// The integer year at `i` (`2025`, `1436 هـ`, `2015م`) with the era it names, if any.
    pub(super) fn year(&self, i: usize) -> Option<(u32, Option<u32>, usize)> {
        let (run, mut end) = self.digit_run(i)?;
        let DigitRun::Number(value, suffix) = run else { return None };
        let year = u32::try_from(value.as_integer()?).ok().filter(|y| (100..=9999).contains(y))?;
        let mut era = match suffix {
            Suffix::Era(e) => Some(e),
            Suffix::None => None,
            Suffix::Percent => return None,
        };
        if era.is_none() {
            if let Some(w) = self.word(end).filter(|w| !w.proclitic) {
                if w.lex.has(ERA_HIJRI) {
                    era = Some(ERA_HIJRI);
                    end += 1;
                } else if w.lex.has(ERA_GREGORIAN) {
                    era = Some(ERA_GREGORIAN);
                    end += 1;
                }
            }
        }
        Some((year, era, end))
    }
}
