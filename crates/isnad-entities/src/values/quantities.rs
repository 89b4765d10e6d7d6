//! NUMBER, PERCENT, MONEY and DURATION rules: a number (digits or words) and what follows it.

use isnad_core::{EntityLabel, TokenKind};

use super::lexicon::{qualified_code, Currency, Form, TimeUnit, FI, PERCENT_WORD};
use super::numbers::{Decimal, DigitRun, Number, Suffix};
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

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Percent,
    Duration(TimeUnit),
    Money(&'static str),
}

impl Measure {
    fn found(self, amount: Decimal, end: usize) -> Option<Found> {
        Some(match self {
            Measure::Percent => Found::new(end, EntityLabel::Percent, format!("{amount}%")),
            Measure::Duration(unit) => Found::new(end, EntityLabel::Duration, duration_value(amount, unit)?),
            Measure::Money(code) => Found::new(end, EntityLabel::Money, format!("{amount} {code}")),
        })
    }
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
        if let Suffix::Era(_) = n.suffix {
            return None; // a year: the date rules read it
        }
        if let Some((measure, end)) = self.measure_after(&n) {
            return measure.found(n.value, end);
        }
        // `بين 2 و3 في المئة`: the first number of a range is measured like the second.
        if let Some(measure) = self.range_measure(&n) {
            return measure.found(n.value, n.end);
        }
        if n.weak {
            return None;
        }
        Some(Found::new(n.end, EntityLabel::Number, n.value.to_string()))
    }

    /// What the number `n` measures, from the sign or words after it, and where that ends.
    fn measure_after(&self, n: &Number) -> Option<(Measure, usize)> {
        let j = n.end;
        if n.suffix == Suffix::Percent || is_percent_sign(self.norm(j)) {
            let end = if n.suffix == Suffix::Percent { j } else { j + 1 };
            return Some((Measure::Percent, end));
        }
        if self.norm(j) == "$" {
            return Some((Measure::Money("USD"), j + 1));
        }
        let w = self.word(j)?;
        if w.lex.has(FI) && !w.proclitic && self.word(j + 1).is_some_and(|p| p.lex.has(PERCENT_WORD) && !p.proclitic) {
            return Some((Measure::Percent, j + 2));
        }
        if w.lex.has(PERCENT_WORD) && w.bi {
            return Some((Measure::Percent, j + 1));
        }
        if w.proclitic || w.article {
            return None;
        }
        if let Some((unit, form)) = w.lex.unit.filter(|&(_, f)| f != Form::Dual) {
            // `نصف ساعة` is a duration, `نصف أيام` is not.
            let fraction = n.value.as_integer().is_none();
            if !(n.weak && fraction && form == Form::Plural) {
                return Some((Measure::Duration(unit), j + 1));
            }
        }
        let (currency, _) = w.lex.currency.filter(|&(_, f)| f != Form::Dual)?;
        let (code, end) = self.currency_code(currency, j + 1);
        Some((Measure::Money(code), end))
    }

    /// The measure of the second number of a range (`2 إلى 3 في المئة`, `بين 3 و5 سنوات`)
    /// starting after `first`, when it has one and `first` can share it.
    fn range_measure(&self, first: &Number) -> Option<Measure> {
        if first.suffix != Suffix::None {
            return None;
        }
        let j = first.end;
        let at = if matches!(self.norm(j), "-" | "و" | "الي" | "حتي" | "او") {
            j + 1
        } else if self.word(j).is_some_and(|w| w.conj && w.lex.num.is_some()) {
            j // وخمسة
        } else {
            return None;
        };
        let second = self.number(at)?;
        // `2 و3 ملايين دولار`: the scale belongs to both, and the first alone does not say so.
        if second.scaled && !first.scaled {
            return None;
        }
        self.measure_after(&second).map(|(measure, _)| measure)
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
        let (code, end) = self.currency_code(currency, end);
        Found::new(end, EntityLabel::Money, format!("{amount} {code}"))
    }

    /// The currency's code, pinned down by a nisba at `at` if there is one (`دينار كويتي`),
    /// and where the currency expression ends.
    fn currency_code(&self, currency: Currency, at: usize) -> (&'static str, usize) {
        let qualifier = self.tokens.get(at).filter(|t| t.kind == TokenKind::Word).and_then(|t| {
            let norm = t.norm.as_str();
            qualified_code(&currency, norm.strip_suffix('ا').unwrap_or(norm))
        });
        match qualifier {
            Some(code) => (code, at + 1),
            None => (currency.code, at),
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
