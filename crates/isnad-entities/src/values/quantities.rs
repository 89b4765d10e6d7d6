//! NUMBER, PERCENT, MONEY and DURATION rules: a number (digits or words) and what follows it.

use isnad_core::{EntityLabel, TokenKind};

use super::lexicon::{qualified_code, Currency, Form, TimeUnit, FI, PERCENT_WORD};
use super::numbers::{Decimal, DigitRun, Suffix};
use super::{Found, Scanner};

fn duration_value(amount: Decimal, unit: TimeUnit) -> Option<String> {
    let (time, scaled, designator) = match unit {
        TimeUnit::Year => ("", amount, 'Y'),
        TimeUnit::Month => ("", amount, 'M'),
        TimeUnit::Week => ("", amount, 'W'),
        TimeUnit::Day => ("", amount, 'D'),
        TimeUnit::Hour => ("T", amount, 'H'),
        TimeUnit::Minute => ("T", amount, 'M'),
        TimeUnit::Second => ("T", amount, 'S'),
        TimeUnit::Decade => ("", amount.checked_mul(Decimal::integer(10))?, 'Y'),
        TimeUnit::Century => ("", amount.checked_mul(Decimal::integer(100))?, 'Y'),
    };
    Some(format!("P{time}{scaled}{designator}"))
}

fn is_percent_sign(norm: &str) -> bool {
    matches!(norm, "%" | "٪")
}

impl Scanner<'_> {
    pub(super) fn quantity_at(&self, i: usize) -> Option<Found> {
        let t = self.tokens.get(i)?;
        if matches!(t.kind, TokenKind::Punct | TokenKind::Symbol) {
            return self.signed_quantity(i);
        }
        if let Some(f) = self.counted_by_noun(i) {
            return Some(f);
        }
        if self.part_of_code(i) {
            return None;
        }
        if let Some((DigitRun::Time, end)) = self.digit_run(i) {
            return Some(Found { end, label: None, value: String::new() });
        }
        let n = self.number(i)?;
        let j = n.end;
        match n.suffix {
            Suffix::Percent => return Some(Found::new(j, EntityLabel::Percent, format!("{}%", n.value))),
            Suffix::Era(_) => return None, // a year: the date rules read it
            Suffix::None => {}
        }
        if is_percent_sign(self.norm(j)) {
            return Some(Found::new(j + 1, EntityLabel::Percent, format!("{}%", n.value)));
        }
        if let Some(w) = self.word(j) {
            if w.lex.has(FI) && !w.proclitic && self.word(j + 1).is_some_and(|p| p.lex.has(PERCENT_WORD) && !p.proclitic) {
                return Some(Found::new(j + 2, EntityLabel::Percent, format!("{}%", n.value)));
            }
            if w.lex.has(PERCENT_WORD) && w.bi {
                return Some(Found::new(j + 1, EntityLabel::Percent, format!("{}%", n.value)));
            }
            if !w.proclitic && !w.article {
                if let Some((unit, form)) = w.lex.unit.filter(|&(_, f)| f != Form::Dual) {
                    // `نصف ساعة` is a duration, `نصف أيام` is not.
                    let fraction = n.value.as_integer().is_none();
                    if !(n.weak && fraction && form == Form::Plural) {
                        let value = duration_value(n.value, unit)?;
                        return Some(Found::new(j + 1, EntityLabel::Duration, value));
                    }
                }
                if let Some((currency, _)) = w.lex.currency.filter(|&(_, f)| f != Form::Dual) {
                    return Some(self.money(n.value, currency, j + 1));
                }
            }
        }
        if self.norm(j) == "$" {
            return Some(Found::new(j + 1, EntityLabel::Money, format!("{} USD", n.value)));
        }
        if n.weak {
            return None;
        }
        Some(Found::new(j, EntityLabel::Number, n.value.to_string()))
    }

    /// `%97` (the sign first, as Arabic text often has it) and `$100`.
    fn signed_quantity(&self, i: usize) -> Option<Found> {
        let sign = self.norm(i);
        if !(is_percent_sign(sign) || sign == "$") || !self.adjacent(i, i + 1) {
            return None;
        }
        let (DigitRun::Number(value, Suffix::None), end) = self.digit_run(i + 1)? else { return None };
        if sign == "$" {
            return Some(Found::new(end, EntityLabel::Money, format!("{value} USD")));
        }
        Some(Found::new(end, EntityLabel::Percent, format!("{value}%")))
    }

    /// A dual noun counts itself (`ساعتين`, `دولارين`), and `واحد` after a singular counts one
    /// (`يوم واحد`).
    fn counted_by_noun(&self, i: usize) -> Option<Found> {
        let w = self.word(i).filter(|w| !w.article)?;
        let one_after = || {
            self.word(i + 1)
                .filter(|n| !n.proclitic && !n.article)
                .and_then(|n| n.lex.num)
                .is_some_and(|n| n.centi == 100 && n.kind == super::lexicon::NumKind::Unit)
        };
        if let Some((unit, form)) = w.lex.unit {
            return match form {
                Form::Dual => Some(Found::new(i + 1, EntityLabel::Duration, duration_value(Decimal::integer(2), unit)?)),
                Form::Singular if one_after() => {
                    Some(Found::new(i + 2, EntityLabel::Duration, duration_value(Decimal::integer(1), unit)?))
                }
                _ => None,
            };
        }
        if let Some((currency, form)) = w.lex.currency {
            return match form {
                Form::Dual => Some(self.money(Decimal::integer(2), currency, i + 1)),
                Form::Singular if one_after() => Some(self.money(Decimal::integer(1), currency, i + 2)),
                _ => None,
            };
        }
        None
    }

    /// MONEY ending at `end`, extended over a nisba that names the currency's country.
    fn money(&self, amount: Decimal, currency: Currency, end: usize) -> Found {
        let qualifier = self.tokens.get(end).filter(|t| t.kind == TokenKind::Word).and_then(|t| {
            let norm = t.norm.as_str();
            qualified_code(&currency, norm.strip_suffix('ا').unwrap_or(norm))
        });
        match qualifier {
            Some(code) => Found::new(end + 1, EntityLabel::Money, format!("{amount} {code}")),
            None => Found::new(end, EntityLabel::Money, format!("{amount} {}", currency.code)),
        }
    }

    /// Digits glued by a hyphen to a word are part of a name or code (`كوفيد-19`, `إف-16`).
    fn part_of_code(&self, i: usize) -> bool {
        i >= 2
            && self.norm(i - 1) == "-"
            && self.adjacent(i - 1, i)
            && self.adjacent(i - 2, i - 1)
            && self.tokens[i - 2].kind == TokenKind::Word
    }
}
