//! DATE rules: calendar dates with Gregorian (Levantine, Egyptian/Gulf, Maghrebi names) and
//! Hijri months, numeric dates, years, weekdays and a few relative expressions.

use isnad_core::EntityLabel;

use super::lexicon::{
    Calendar, Form, Month, MonthHead, MonthTail, NumKind, TimeUnit, DAY_WORD, DEMONSTRATIVE, EQUIVALENT,
    ERA_GREGORIAN, ERA_HIJRI, MIN, MONTH_CONTEXT, MONTH_WORD, REL_NEXT, REL_PAST, REL_THIS, SINCE,
    UNTIL, YEAR_WORD, YESTERDAY,
};
use super::numbers::{DigitRun, Suffix};
use super::{Found, Scanner};

/// A calendar date as read: any of its parts may be missing.
struct CalendarDate {
    calendar: Calendar,
    year: Option<u32>,
    month: u8,
    day: Option<u32>,
    end: usize,
}

impl CalendarDate {
    fn value(&self) -> String {
        let prefix = match self.calendar {
            Calendar::Gregorian => "",
            Calendar::Hijri => "H",
        };
        let year = match self.year {
            Some(y) => format!("{y:04}"),
            None => "XXXX".to_owned(),
        };
        match self.day {
            Some(d) => format!("{prefix}{year}-{:02}-{d:02}", self.month),
            None => format!("{prefix}{year}-{:02}", self.month),
        }
    }
}

fn two_word_month(head: MonthHead, tail: MonthTail) -> Option<(u8, Calendar)> {
    use Calendar::{Gregorian as G, Hijri as H};
    use MonthHead::*;
    use MonthTail::*;
    Some(match (head, tail) {
        (Tishrin, First) => (10, G),
        (Tishrin, Second | Last) => (11, G),
        (Kanun, First) => (12, G),
        (Kanun, Second | Last) => (1, G),
        (Rabi, First) => (3, H),
        (Rabi, Second | Last) => (4, H),
        (Jumada, First) => (5, H),
        (Jumada, Second | Last) => (6, H),
        (Dhu, Qaada) => (11, H),
        (Dhu, Hijja) => (12, H),
        _ => return None,
    })
}

/// A plausible year for a month of `calendar` when no era says which calendar it counts in.
fn plausible_year(year: u32, calendar: Calendar) -> bool {
    match calendar {
        Calendar::Gregorian => (1000..=2199).contains(&year),
        Calendar::Hijri => (1000..=1600).contains(&year),
    }
}

impl Scanner<'_> {
    pub(super) fn date_at(&self, i: usize) -> Option<Found> {
        if let Some(f) = self.weekday_date(i) {
            return Some(f);
        }
        if let Some(d) = self.calendar_date(i) {
            return Some(Found::new(d.end, EntityLabel::Date, d.value()));
        }
        self.numeric_date(i).or_else(|| self.year_date(i)).or_else(|| self.relative_date(i))
    }

    /// The month name at `j` (one word, or two: `تشرين الأول`, `ذو الحجة`).
    fn month_at(&self, j: usize) -> Option<(Month, usize)> {
        let w = self.word(j).filter(|w| !w.article)?;
        if let Some(m) = w.lex.month {
            // An ambiguous month takes no proclitic but و: باب is a door, not ب + آب.
            if m.ambiguous && w.proclitic && !w.conj {
                return None;
            }
            return Some((m, j + 1));
        }
        let head = w.lex.month_head?;
        let tail = self.word(j + 1).filter(|t| !t.proclitic)?.lex.month_tail?;
        let (number, calendar) = two_word_month(head, tail)?;
        Some((Month { number, calendar, ambiguous: false }, j + 2))
    }

    /// `أيلول/سبتمبر`, `أيلول (سبتمبر)`, `مايو - أيار`, `مارس آذار`: the same month under its
    /// other name.
    fn skip_other_name(&self, end: usize, number: u8) -> usize {
        let opener = self.norm(end);
        let at = if matches!(opener, "/" | "(" | "-") { end + 1 } else { end };
        match self.month_at(at) {
            Some((m, after)) if m.number == number => {
                if opener == "(" && self.norm(after) == ")" {
                    after + 1
                } else {
                    after
                }
            }
            _ => end,
        }
    }

    fn has_flag(&self, j: usize, flag: u32) -> bool {
        self.word(j).is_some_and(|w| w.lex.has(flag))
    }

    fn relative_flag(&self, j: usize) -> Option<u32> {
        let w = self.word(j).filter(|w| !w.proclitic)?;
        [REL_PAST, REL_NEXT, REL_THIS].into_iter().find(|&f| w.lex.has(f))
    }

    /// A day written as an ordinal: `الخامس`, `الحادي عشر`, `الثاني والعشرين`, `الثلاثين`.
    fn ordinal_day(&self, i: usize) -> Option<(u32, usize)> {
        let first = u32::from(self.word(i)?.lex.ordinal);
        if first == 0 {
            return None;
        }
        let next = self.word(i + 1);
        if (1..=9).contains(&first) {
            if let Some(n) = next.filter(|n| !n.proclitic).and_then(|n| n.lex.num) {
                if n.kind == NumKind::Unit && n.centi == 1000 {
                    return Some((first + 10, i + 2));
                }
            }
            if let Some(tens) = next.filter(|n| n.conj).map(|n| u32::from(n.lex.ordinal)) {
                if tens == 20 || (tens == 30 && first == 1) {
                    return Some((first + tens, i + 2));
                }
            }
        }
        // الحادي only starts a compound
        (self.norm(i) != "الحادي" && first <= 31).then_some((first, i + 1))
    }

    /// `[day [من [شهر]]] month [other name] [المقبل] [[من] [عام] year [era]]`, where the day is
    /// digits (`6 أيلول`) or an ordinal that needs `من` (`الخامس من أغسطس`).
    fn calendar_date(&self, i: usize) -> Option<CalendarDate> {
        let mut j = i;
        let mut day = None;
        let mut needs_min = false;
        if let Some((DigitRun::Number(value, Suffix::None), end)) = self.digit_run(i) {
            let d = value.as_integer().filter(|d| (1..=31).contains(d))?;
            day = Some(d as u32);
            j = end;
        } else if let Some((d, end)) = self.ordinal_day(i) {
            day = Some(d);
            j = end;
            needs_min = true;
        }
        if day.is_some() {
            if self.word(j).is_some_and(|w| w.lex.has(MIN) && !w.proclitic) {
                let after_min = if self.word(j + 1).is_some_and(|w| w.lex.has(MONTH_WORD) && !w.proclitic) {
                    j + 2
                } else {
                    j + 1
                };
                if self.month_at(after_min).is_some() {
                    j = after_min;
                    needs_min = false;
                }
            }
            if needs_min {
                return None;
            }
        }
        let (month, mut end) = self.month_at(j)?;
        end = self.skip_other_name(end, month.number);
        let relative = self.relative_flag(end).is_some();
        if relative {
            end += 1;
        }
        let mut year = None;
        let mut y = end;
        if self.has_flag(y, MIN) {
            y += 1;
        }
        if self.has_flag(y, YEAR_WORD) {
            y += 1;
        }
        let mut calendar = month.calendar;
        if let Some((value, era, after)) = self.year(y) {
            if era.is_some() || plausible_year(value, month.calendar) {
                year = Some(value);
                end = after;
                if era == Some(ERA_HIJRI) {
                    calendar = Calendar::Hijri;
                }
            }
        }
        if month.ambiguous && day.is_none() && year.is_none() && !relative && !self.month_context(i, month) {
            return None;
        }
        Some(CalendarDate { calendar, year, month: month.number, day, end })
    }

    /// The word before an ambiguous month makes it a month (`في مارس`, `شهر رمضان`).
    fn month_context(&self, i: usize, month: Month) -> bool {
        let Some(before) = i.checked_sub(1).and_then(|p| self.word(p)) else { return false };
        // محرم (forbidden) and صفر (zero) need شهر; the other Hijri months, like the Gregorian
        // ones, also take a preposition or a word such as نهاية (`في رمضان`, `نهاية شوال`).
        match month.calendar {
            Calendar::Hijri if month.number <= 2 => before.lex.has(MONTH_WORD),
            _ => before.lex.has(MONTH_CONTEXT),
        }
    }

    /// `يوم الخميس`, `الخميس الماضي`, `الخميس 6 أيلول 2024`, `الخميس الموافق 6 أيلول`.
    fn weekday_date(&self, i: usize) -> Option<Found> {
        let w = self.word(i)?;
        let (weekday, mut end) = if w.lex.has(DAY_WORD) && !w.article {
            let d = self.word(i + 1).filter(|d| !d.proclitic)?.lex.weekday;
            (d, i + 2)
        } else {
            (w.lex.weekday, i + 1)
        };
        if weekday == 0 {
            return None;
        }
        if self.relative_flag(end).is_some() {
            end += 1;
        }
        let mut k = end;
        if matches!(self.norm(k), "," | "،" | "-") {
            k += 1;
        }
        if self.has_flag(k, EQUIVALENT) {
            k += 1;
        }
        if let Some(d) = self.calendar_date(k).filter(|d| d.day.is_some()) {
            return Some(Found::new(d.end, EntityLabel::Date, d.value()));
        }
        if let Some(f) = self.numeric_date(k) {
            return Some(Found::new(f.end, EntityLabel::Date, f.value));
        }
        Some(Found::new(end, EntityLabel::Date, format!("XXXX-WXX-{weekday}")))
    }

    /// `15/7/2015`, `2015-07-15`, `7/2015`, optionally followed by an era.
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let (DigitRun::Date { year, month, day }, mut end) = self.digit_run(i)? else { return None };
        let mut prefix = "";
        if let Some(w) = self.word(end).filter(|w| !w.proclitic) {
            if w.lex.has(ERA_HIJRI) {
                prefix = "H";
                end += 1;
            } else if w.lex.has(ERA_GREGORIAN) {
                end += 1;
            }
        }
        let value = if day == 0 {
            format!("{prefix}{year:04}-{month:02}")
        } else {
            format!("{prefix}{year:04}-{month:02}-{day:02}")
        };
        Some(Found::new(end, EntityLabel::Date, value))
    }

    /// `عام 2025`, `العام 2025`, `سنة 1436 هـ`, and a bare year with its era: `2015م`, `1436 هـ`.
    fn year_date(&self, i: usize) -> Option<Found> {
        let year_word = self.word(i).is_some_and(|w| w.lex.has(YEAR_WORD));
        let at = if year_word { i + 1 } else { i };
        let (year, era, end) = self.year(at)?;
        if !year_word && era.is_none() && !self.bare_year_in_context(i, year, end) {
            return None;
        }
        if era.is_none() && !plausible_year(year, Calendar::Gregorian) {
            return None;
        }
        let value = if era == Some(ERA_HIJRI) { format!("H{year:04}") } else { format!("{year:04}") };
        Some(Found::new(end, EntityLabel::Date, value))
    }

    /// A bare year is a date after منذ (`منذ 2011`) or before the other end of a range
    /// (`من 2010 لحد عام 2024`); elsewhere `2015` stays a NUMBER.
    fn bare_year_in_context(&self, i: usize, year: u32, end: usize) -> bool {
        if !(1900..=2099).contains(&year) || end != i + 1 {
            return false;
        }
        if i.checked_sub(1).is_some_and(|p| self.has_flag(p, SINCE)) {
            return true;
        }
        if !self.has_flag(end, UNTIL) {
            return false;
        }
        let at = if self.has_flag(end + 1, YEAR_WORD) { end + 2 } else { end + 1 };
        self.year(at).is_some_and(|(y, _, _)| (1900..=2099).contains(&y))
    }

    /// `أمس`, `الأسبوع الماضي`, `الشهر المقبل`, `العام الحالي`, `هذا العام`.
    fn relative_date(&self, i: usize) -> Option<Found> {
        let w = self.word(i)?;
        if w.lex.has(YESTERDAY) {
            return match self.norm(i + 1) {
                // أمس الأول: the day before yesterday
                "الاول" => Some(Found::new(i + 2, EntityLabel::Date, "DAY_BEFORE_YESTERDAY".to_owned())),
                // في أمس الحاجة: "in dire need", not yesterday
                "الحاجه" => None,
                _ => match self.word(i + 1).filter(|d| !d.proclitic).map(|d| d.lex.weekday) {
                    // أمس الخميس: the weekday says more
                    Some(day) if day > 0 => Some(Found::new(i + 2, EntityLabel::Date, format!("XXXX-WXX-{day}"))),
                    _ => Some(Found::new(i + 1, EntityLabel::Date, "PREV_DAY".to_owned())),
                },
            };
        }
        // أول من أمس: the day before yesterday
        if self.norm(i) == "اول" && self.has_flag(i + 1, MIN) && self.has_flag(i + 2, YESTERDAY) {
            return Some(Found::new(i + 3, EntityLabel::Date, "DAY_BEFORE_YESTERDAY".to_owned()));
        }
        let unit_name = |u: TimeUnit| match u {
            TimeUnit::Day => Some("DAY"),
            TimeUnit::Week => Some("WEEK"),
            TimeUnit::Month => Some("MONTH"),
            TimeUnit::Year => Some("YEAR"),
            _ => None,
        };
        let singular_unit = |w: super::Word| match w.lex.unit {
            Some((u, Form::Singular)) if w.article => unit_name(u),
            _ => None,
        };
        if w.lex.has(DEMONSTRATIVE) {
            let unit = self.word(i + 1).filter(|n| !n.proclitic).and_then(singular_unit)?;
            return Some(Found::new(i + 2, EntityLabel::Date, format!("THIS_{unit}")));
        }
        let unit = singular_unit(w)?;
        let direction = match self.relative_flag(i + 1)? {
            REL_PAST => "PREV",
            REL_NEXT => "NEXT",
            _ => "THIS",
        };
        // `اليوم` alone is not a date, `اليوم التالي` is (the day after).
        if unit == "DAY" && direction == "THIS" {
            return None;
        }
        // `العام الماضي 2014`: the year the text names is the better value.
        if unit == "YEAR" {
            if let Some((year, era, end)) = self.year(i + 2) {
                if era.is_some() || plausible_year(year, Calendar::Gregorian) {
                    let value = if era == Some(ERA_HIJRI) { format!("H{year:04}") } else { format!("{year:04}") };
                    return Some(Found::new(end, EntityLabel::Date, value));
                }
            }
        }
        Some(Found::new(i + 2, EntityLabel::Date, format!("{direction}_{unit}")))
    }
}
