//! `isnad eval quotes`: scores the quote stage against gold annotations by the rules of the
//! annotation guidelines (`../shared/gold/GUIDELINES.md`), the same way as the reference
//! scorer `score_quotes.py`, whose figures it reproduces.
//!
//! A predicted quote matches a gold quote when their contents share at least half of the gold
//! content's words (after normalization); each prediction matches at most one gold quote.

use std::collections::HashMap;
use std::fmt::Write;

use isnad_core::{Document, Quote};
use serde::Deserialize;

/// One gold quote, as the gold files write it.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub kind: String,
    pub content: String,
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_aliases: Vec<String>,
}

/// One gold document: its id, where its text is (`file`, for texts outside the corpus), and
/// its quotes.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDocument {
    pub id: String,
    #[serde(default)]
    pub file: Option<String>,
    pub quotes: Vec<GoldQuote>,
}

/// Counts from which every figure is derived.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct QuoteScores {
    pub documents: usize,
    pub missing_documents: usize,
    pub gold_direct: usize,
    pub gold_indirect: usize,
    pub matched_direct: usize,
    pub matched_indirect: usize,
    pub predicted: usize,
    pub speaker_right: usize,
}

fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

/// The scorer's normalization: no diacritics or tatweel, alef forms unified, ى → ي, ة → ه,
/// words (runs of letters, digits and `_`) joined by single spaces.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_word = false;
    for c in s.chars().filter(|c| !is_diacritic(*c)) {
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        };
        if c.is_alphanumeric() || c == '_' {
            if !in_word && !out.is_empty() {
                out.push(' ');
            }
            out.push(c);
            in_word = true;
        } else {
            in_word = false;
        }
    }
    out
}

fn word_counts(s: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in normalize(s).split(' ').filter(|w| !w.is_empty()) {
        *counts.entry(w.to_owned()).or_insert(0) += 1;
    }
    counts
}

fn overlap(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter().map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0))).sum()
}

fn speaker_right(gold: &GoldQuote, doc: &Document, quote: &Quote) -> bool {
    let names: Vec<String> = match &quote.speaker {
        Some(s) => [Some(s.name.as_str()), s.mention.map(|m| doc.slice(m))]
            .into_iter()
            .flatten()
            .filter(|n| !n.is_empty())
            .map(normalize)
            .collect(),
        None => Vec::new(),
    };
    let Some(speaker) = &gold.speaker else {
        return names.is_empty();
    };
    let canonical = normalize(speaker);
    let aliases: Vec<String> = gold.speaker_aliases.iter().map(|a| normalize(a)).chain([canonical.clone()]).collect();
    names.iter().any(|n| aliases.contains(n) || (!canonical.is_empty() && n.contains(&canonical)))
}

/// Scores one document's predicted quotes (`None`: the document was not analysed) against its gold.
pub fn score_document(gold: &GoldDocument, doc: Option<&Document>, scores: &mut QuoteScores, mut report: impl FnMut(String)) {
    scores.documents += 1;
    let predicted: &[Quote] = doc.map(|d| d.quotes()).unwrap_or_default();
    if doc.is_none() {
        scores.missing_documents += 1;
        report(format!("{}: no prediction", gold.id));
    }
    let texts: Vec<&str> = predicted.iter().map(|q| doc.map(|d| d.slice(q.content)).unwrap_or("")).collect();
    let words: Vec<HashMap<String, usize>> = texts.iter().map(|t| word_counts(t)).collect();
    let mut used = vec![false; predicted.len()];
    for g in &gold.quotes {
        let gold_words = word_counts(&g.content);
        let total = gold_words.values().sum::<usize>().max(1);
        let mut best: Option<(f64, usize)> = None;
        for (i, w) in words.iter().enumerate().filter(|(i, _)| !used[*i]) {
            let share = overlap(w, &gold_words) as f64 / total as f64;
            if share > best.map_or(0.0, |b| b.0) {
                best = Some((share, i));
            }
        }
        let direct = g.kind == "direct";
        if direct {
            scores.gold_direct += 1;
        } else {
            scores.gold_indirect += 1;
        }
        match (best, doc) {
            (Some((share, i)), Some(doc)) if share >= 0.5 => {
                used[i] = true;
                if direct {
                    scores.matched_direct += 1;
                } else {
                    scores.matched_indirect += 1;
                }
                if speaker_right(g, doc, &predicted[i]) {
                    scores.speaker_right += 1;
                } else {
                    let said = predicted[i].speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("none");
                    report(format!("{}: wrong speaker {said:?} for gold {:?}: {}", gold.id, g.speaker, first_chars(&g.content)));
                }
            }
            _ => report(format!("{}: missed {} ({:?}): {}", gold.id, g.kind, g.speaker, first_chars(&g.content))),
        }
    }
    scores.predicted += predicted.len();
    for (i, text) in texts.iter().enumerate().filter(|(i, _)| !used[*i]) {
        let kind = if predicted[i].kind == isnad_core::QuoteKind::Direct { "direct" } else { "indirect" };
        report(format!("{}: spurious {kind}: {}", gold.id, first_chars(text)));
    }
}

fn first_chars(s: &str) -> String {
    s.chars().take(70).collect()
}

fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted > 0 { tp as f64 / predicted as f64 } else { 0.0 };
    let r = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

impl QuoteScores {
    pub fn gold(&self) -> usize {
        self.gold_direct + self.gold_indirect
    }

    pub fn matched(&self) -> usize {
        self.matched_direct + self.matched_indirect
    }

    /// Detection precision, recall and F1.
    pub fn detection(&self) -> (f64, f64, f64) {
        prf(self.matched(), self.predicted, self.gold())
    }

    /// Share of matched quotes whose speaker is right.
    pub fn speaker_accuracy(&self) -> f64 {
        if self.matched() == 0 {
            0.0
        } else {
            self.speaker_right as f64 / self.matched() as f64
        }
    }

    /// Precision, recall and F1 over quotes that match and have the right speaker.
    pub fn end_to_end(&self) -> (f64, f64, f64) {
        prf(self.speaker_right, self.predicted, self.gold())
    }

    /// The figures, in the reference scorer's layout.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let (p, r, f) = self.detection();
        let recall = |tp: usize, n: usize| if n > 0 { tp as f64 / n as f64 } else { 0.0 };
        let _ = writeln!(
            out,
            "documents {}, gold quotes {} (direct {}, indirect {}), predicted {}",
            self.documents,
            self.gold(),
            self.gold_direct,
            self.gold_indirect,
            self.predicted
        );
        let _ = writeln!(out, "detection   P={p:.3} R={r:.3} F1={f:.3}");
        let _ = writeln!(out, "  direct   recall={:.3}", recall(self.matched_direct, self.gold_direct));
        let _ = writeln!(out, "  indirect recall={:.3}", recall(self.matched_indirect, self.gold_indirect));
        let _ = writeln!(
            out,
            "speaker accuracy on matched quotes={:.3} ({}/{})",
            self.speaker_accuracy(),
            self.speaker_right,
            self.matched()
        );
        let (p, r, f) = self.end_to_end();
        let _ = writeln!(out, "end-to-end  P={p:.3} R={r:.3} F1={f:.3}");
        let _ = writeln!(out, "e2e_f1={f:.3}");
        out
    }
}

/// Reads gold documents: JSON lines, or one JSON object.
pub fn read_gold(source: &str, name: &str) -> Result<Vec<GoldDocument>, String> {
    let trimmed = source.trim();
    if trimmed.starts_with('{') && !trimmed.contains("\n{") {
        return serde_json::from_str(trimmed).map(|d| vec![d]).map_err(|e| format!("{name}: {e}"));
    }
    trimmed
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{name}:{}: {e}", i + 1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_core::{QuoteKind, Span, Speaker};

    fn gold(content: &str, speaker: &str, aliases: &[&str]) -> GoldQuote {
        GoldQuote {
            kind: "indirect".into(),
            content: content.into(),
            speaker: Some(speaker.into()),
            speaker_aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn normalization_matches_the_guidelines() {
        assert_eq!(normalize("أَكَّدَ  الرئيسُ، إلى مستشفى «ما»"), "اكد الرئيس الي مستشفي ما");
    }

    #[test]
    fn half_the_gold_words_match_and_speakers_are_checked_by_alias() {
        let text = "قال روتي إن الحلف باق في العراق.";
        let mut doc = Document::new(text);
        let start = text.find("الحلف").unwrap();
        let roti = text.find("روتي").unwrap();
        doc.quotes = Some(vec![Quote {
            kind: QuoteKind::Indirect,
            content: Span::new(start, text.len() - 1),
            cue: Span::new(0, 6),
            speaker: Some(Speaker { name: "روتي".into(), entity: None, mention: Some(Span::new(roti, roti + 8)) }),
            confidence: 0.9,
        }]);
        let g = GoldDocument {
            id: "d".into(),
            file: None,
            quotes: vec![
                gold("الحلف باقٍ في العراق حتى النهاية", "مارك روتي", &["روتي"]),
                gold("شيء آخر تماما", "مارك روتي", &[]),
            ],
        };
        let mut scores = QuoteScores::default();
        let mut reports = Vec::new();
        score_document(&g, Some(&doc), &mut scores, |r| reports.push(r));
        assert_eq!((scores.matched(), scores.speaker_right, scores.predicted, scores.gold()), (1, 1, 1, 2));
        assert_eq!(reports.len(), 1, "{reports:?}");
        assert!(reports[0].contains("missed"));
        let (p, r, f) = scores.end_to_end();
        assert_eq!((p, r), (1.0, 0.5));
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
    }
}
