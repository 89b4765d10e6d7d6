//! A *who said what* table for the terminal: one header line per speaker with its quote
//! count, then one line per quote (kind, cue, the quote's first words).
//!
//! Terminals mostly do no bidi: Arabic printed in logical order reads backwards. In
//! [`Bidi::Visual`] each cell is reordered to visual order with the Unicode bidi algorithm
//! and padded by display width, so columns line up and words read right to left.

use std::fmt::Write;

use isnad_core::{Document, Quote, QuoteKind};
use unicode_bidi::BidiInfo;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bidi {
    /// Reorder each cell for terminals that display characters in stored order.
    #[default]
    Visual,
    /// Leave text in logical order, for terminals that apply bidi themselves.
    Logical,
}

const FIRST_WORDS: usize = 10;

/// The table, reordered for terminals that do no bidi.
pub fn render(doc: &Document) -> String {
    render_with(doc, Bidi::Visual)
}

pub fn render_with(doc: &Document, bidi: Bidi) -> String {
    let quotes = doc.quotes();
    if quotes.is_empty() {
        return "no quotes\n".to_owned();
    }
    // Speakers in order of their first quote.
    let mut groups: Vec<(String, Option<String>, Vec<&Quote>)> = Vec::new();
    for q in quotes {
        let (name, id) = match &q.speaker {
            Some(s) => (s.name.clone(), s.entity.clone()),
            None => ("?".to_owned(), None),
        };
        match groups.iter_mut().find(|(n, i, _)| *n == name && *i == id) {
            Some(g) => g.2.push(q),
            None => groups.push((name, id, vec![q])),
        }
    }
    let cue_width = quotes
        .iter()
        .map(|q| doc.slice(q.cue).width())
        .max()
        .unwrap_or(0)
        .min(24);
    let mut out = String::new();
    for (name, id, qs) in &groups {
        let n = qs.len();
        let id = id.as_deref().map(|i| format!(" [{i}]")).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}{id}  ({n} quote{})",
            cell(name, bidi),
            if n == 1 { "" } else { "s" }
        );
        for q in qs {
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Indirect => "indirect",
            };
            let cue = pad(&cell(doc.slice(q.cue), bidi), cue_width);
            let _ = writeln!(
                out,
                "    {kind:<8}  {cue}  {}  {:.2}",
                cell(&first_words(doc.slice(q.content)), bidi),
                q.confidence
            );
        }
    }
    out
}

fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut s = words[..words.len().min(FIRST_WORDS)].join(" ");
    if words.len() > FIRST_WORDS {
        s.push_str(" …");
    }
    s
}

/// One cell's text, in visual order when asked.
fn cell(text: &str, bidi: Bidi) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match bidi {
        Bidi::Logical => text,
        Bidi::Visual => {
            let info = BidiInfo::new(&text, None);
            info.paragraphs
                .iter()
                .map(|p| info.reorder_line(p, p.range.clone()).into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        }
    }
}

/// Pads on the right to `width` display columns (a visual-order RTL cell reads from its right end).
fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        s.to_owned()
    } else {
        format!("{}{s}", " ".repeat(width - w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_core::{Span, Speaker};

    fn doc() -> Document {
        let text = "وقال زيد إن الطقس جميل";
        let mut d = Document::new(text);
        d.quotes = Some(vec![isnad_core::Quote {
            kind: QuoteKind::Indirect,
            content: Span::new(text.find("الطقس").unwrap(), text.len()),
            cue: Span::new(0, "وقال".len()),
            speaker: Some(Speaker {
                name: "زيد".into(),
                entity: Some("E1".into()),
                mention: None,
            }),
            confidence: 0.9,
        }]);
        d
    }

    #[test]
    fn logical_table_groups_by_speaker() {
        let t = render_with(&doc(), Bidi::Logical);
        assert!(t.starts_with("زيد [E1]  (1 quote)\n"), "{t}");
        assert!(t.contains("indirect  وقال  الطقس جميل  0.90"), "{t}");
    }

    #[test]
    fn visual_table_reverses_arabic_cells() {
        let t = render(&doc());
        assert!(t.contains("لاقو"), "{t}");
        assert!(t.contains("ليمج سقطلا"), "{t}");
    }
}
