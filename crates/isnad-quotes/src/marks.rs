//! Pairing quotation marks into marked spans, paragraph by paragraph, in one pass.
//!
//! Arabic typesetting uses `"…"`, `“…”`, `«…»`, `„…“`, and the same marks reversed (`”…“`,
//! `»…«`), so marks of one family pair by alternation rather than by direction. Marks of
//! another family inside an open span are nested and left alone. An unclosed mark ends at
//! the end of its sentence, or of its paragraph when it opens the paragraph; a paragraph
//! left open whose successor opens with the same family continues the quote (the usual
//! convention for quotes that run over several paragraphs).

use isnad_core::Span;

use crate::text::{Kind, MarkFamily, Words};

#[derive(Debug, Clone)]
pub struct Marked {
    /// Index of the opening mark.
    pub open: usize,
    /// Index of the closing mark, if the span was closed.
    pub close: Option<usize>,
    /// Items strictly inside: `[inner.0, inner.1)`.
    pub inner: (usize, usize),
    /// The text inside the marks, trimmed.
    pub content: Span,
}

impl Marked {
    /// Index of the first item after the span.
    pub fn after(&self) -> usize {
        self.close.map_or(self.inner.1, |c| c + 1)
    }
}

struct Open {
    family: MarkFamily,
    index: usize,
    at_paragraph_start: bool,
    first_sentence_end: Option<usize>,
}

/// The top-level marked spans of the text, in order.
pub fn pair(text: &str, words: &Words) -> Vec<Marked> {
    let items = &words.items;
    let n = items.len();
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut paragraph_start = true;
    let mut i = 0;
    while i < n {
        let kind = items[i].kind;
        match (kind, open.as_mut()) {
            (Kind::Mark(family), None) => {
                open = Some(Open {
                    family,
                    index: i,
                    at_paragraph_start: paragraph_start,
                    first_sentence_end: None,
                });
            }
            // `وتابع: «قبل أن … بشكل عالٍ.ولفت … اللحن «الزمن»`: the same guillemet again,
            // shaped as an opening one, opens a new span; the first was left unclosed.
            (Kind::Mark(MarkFamily::Guillemet), Some(o))
                if o.family == MarkFamily::Guillemet
                    && !o.at_paragraph_start
                    && text.get(items[i].span.start..items[i].span.end) == text.get(items[o.index].span.start..items[o.index].span.end)
                    && opening_shaped(words, i) =>
            {
                push(words, &mut out, o.index, None, o.first_sentence_end.unwrap_or(i));
                open = Some(Open { family: MarkFamily::Guillemet, index: i, at_paragraph_start: false, first_sentence_end: None });
            }
            (Kind::Mark(family), Some(o)) if family == o.family => {
                if let Some(close) = nested_straight_pair(words, i) {
                    i = close + 1;
                    paragraph_start = false;
                    continue;
                }
                push(words, &mut out, o.index, Some(i), i);
                open = None;
            }
            (Kind::Break, Some(o)) => {
                // Continuation: the next paragraph opens with the same family.
                let mut j = i + 1;
                while j < n && items[j].kind == Kind::Break {
                    j += 1;
                }
                if o.at_paragraph_start && j < n && items[j].kind == Kind::Mark(o.family) {
                    i = j + 1;
                    paragraph_start = false;
                    continue;
                }
                let end = if o.at_paragraph_start {
                    i
                } else {
                    o.first_sentence_end.unwrap_or(i)
                };
                push(words, &mut out, o.index, None, end);
                open = None;
            }
            (_, Some(o)) if items[i].ends_sentence && o.first_sentence_end.is_none() => {
                o.first_sentence_end = Some(i);
            }
            _ => {}
        }
        paragraph_start = kind == Kind::Break;
        i += 1;
    }
    if let Some(o) = open {
        let end = if o.at_paragraph_start {
            n
        } else {
            o.first_sentence_end.unwrap_or(n)
        };
        push(words, &mut out, o.index, None, end);
    }
    out
}

/// A mark with a space (or nothing) before it and a word glued after it.
fn opening_shaped(words: &Words, i: usize) -> bool {
    let items = &words.items;
    let glued_word = items.get(i + 1).is_some_and(|w| w.kind == Kind::Word && w.span.start == items[i].span.end);
    let space_before = i == 0 || items[i - 1].span.end < items[i].span.start;
    glued_word && space_before
}

/// Straight marks all look alike, so a name in marks inside a quote (`"نعي شغف مشتركي باقة
/// "راقي" بالتميز …"`) would close it. A mark at `i` shaped as an opening one (a space before,
/// a word glued after) whose next mark, a few words on, is shaped as a closing one, and which
/// leaves a mark after it in the paragraph to close the quote, is a nested pair: the index of
/// its closing mark.
fn nested_straight_pair(words: &Words, i: usize) -> Option<usize> {
    let items = &words.items;
    if items[i].kind != Kind::Mark(MarkFamily::Ascii) {
        return None;
    }
    let glued = |a: usize, b: usize| items[a].span.end == items[b].span.start;
    let opening = i > 0 && !glued(i - 1, i) && items.get(i + 1).is_some_and(|w| w.kind == Kind::Word) && glued(i, i + 1);
    if !opening {
        return None;
    }
    let mut marks = (i + 1..items.len())
        .take_while(|&k| items[k].kind != Kind::Break)
        .filter(|&k| items[k].kind == Kind::Mark(MarkFamily::Ascii));
    let close = marks.next()?;
    let closing = items[close - 1].kind == Kind::Word
        && glued(close - 1, close)
        && items.get(close + 1).is_none_or(|w| !glued(close, close + 1) || w.kind != Kind::Word);
    (closing && close - i <= 6 && marks.next().is_some()).then_some(close)
}

fn push(words: &Words, out: &mut Vec<Marked>, open: usize, close: Option<usize>, end: usize) {
    let items = &words.items;
    let first = open + 1;
    // Trailing punctuation before an unclosed end (the full stop) stays outside.
    let mut last = end;
    if close.is_none() {
        while last > first && !matches!(items[last - 1].kind, Kind::Word | Kind::Mark(_)) {
            last -= 1;
        }
    }
    if last <= first {
        return;
    }
    let content = Span::new(items[first].span.start, items[last - 1].span.end);
    out.push(Marked {
        open,
        close,
        inner: (first, end),
        content,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::scan;

    fn contents(text: &str) -> Vec<&str> {
        pair(text, &scan(text))
            .iter()
            .map(|m| m.content.slice(text))
            .collect()
    }

    #[test]
    fn pairs_every_mark_family_and_reversed_pairs() {
        assert_eq!(
            contents("قال «نعم» و\"لا\" و“ربما” و”كلا“ و»بل«"),
            ["نعم", "لا", "ربما", "كلا", "بل"]
        );
        assert_eq!(contents("مهرجان “صيف الطائف 36″ اليوم"), ["صيف الطائف 36"]);
    }

    #[test]
    fn nested_marks_of_another_family_stay_inside() {
        assert_eq!(
            contents("قال «هذا \"المشروع\" مهم» ثم"),
            ["هذا \"المشروع\" مهم"]
        );
    }

    #[test]
    fn a_straight_pair_inside_a_straight_quote_is_nested_by_its_shape() {
        assert_eq!(
            contents("قال: \"نعي شغف مشتركي باقة \"راقي\" بالتميز بين أقرانهم\". وذهب"),
            ["نعي شغف مشتركي باقة \"راقي\" بالتميز بين أقرانهم"]
        );
        // Pairs side by side stay apart.
        assert_eq!(contents("باقة \"راقي\" و \"ممتاز\" اليوم"), ["راقي", "ممتاز"]);
        assert_eq!(contents("قال \"نعم\" و\"لا\" ثم \"ربما\""), ["نعم", "لا", "ربما"]);
    }

    #[test]
    fn the_same_guillemet_shaped_as_an_opener_leaves_the_first_unclosed() {
        let text = "وتابع: «كان صوت المزمار يصدح بشكل عالٍ.ولفت إلى أن اللحن «الزمن» تستهل به كل مناسبة.";
        assert_eq!(contents(text), vec!["كان صوت المزمار يصدح بشكل عالٍ", "الزمن"]);
        // A closer mistyped as the opening glyph, with no word glued after it, still closes.
        assert_eq!(contents("وقال: «الطاقة الجديدة« هي المستقبل."), vec!["الطاقة الجديدة"]);
    }

    #[test]
    fn unclosed_mark_ends_with_its_sentence() {
        assert_eq!(contents("وقال «نحن هنا. وذهب الوفد"), ["نحن هنا"]);
    }

    #[test]
    fn quote_over_two_paragraphs_is_one_span() {
        let text = "«الجملة الأولى طويلة.\n«والثانية هنا» قال";
        assert_eq!(contents(text), ["الجملة الأولى طويلة.\n«والثانية هنا"]);
    }
}
