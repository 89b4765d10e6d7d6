//! Article metadata from the first and last lines: translator, author, source outlet and
//! dateline.

use isnad_core::{EntityLabel, Metadata, MetadataField, Span};

use crate::mentions::Found;
use crate::text::{fold, strip_article};

/// Lines of `text` with their byte offsets, blank lines left out.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if !content.trim().is_empty() {
            out.push((start, content));
        }
        start += line.len();
    }
    out
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '/' | ':' | '-' | '–' | '—' | 'ـ' | '|' | '\u{200F}' | '\u{200E}'
        )
}

/// If `line` starts with one of `labels` (compared folded) followed by a name of 1–5 words,
/// the name's span (relative to the line).
fn labelled_name(line: &str, labels: &[&str], needs_separator: bool) -> Option<(usize, usize)> {
    let lead = line.len() - line.trim_start_matches(is_separator).len();
    let rest = &line[lead..];
    let label_len = rest.find(is_separator)?;
    if !labels.contains(&fold(&rest[..label_len]).as_str()) {
        return None;
    }
    let after_label = &rest[label_len..];
    let name_offset = after_label.len() - after_label.trim_start_matches(is_separator).len();
    let separators = &after_label[..name_offset];
    if needs_separator && !separators.chars().any(|c| !c.is_whitespace()) {
        return None;
    }
    let name = after_label[name_offset..]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '،' | ','));
    let words = name.split_whitespace().count();
    if !(1..=5).contains(&words) || name.contains(['.', '،', '"', '«']) {
        return None;
    }
    let start = lead + label_len + name_offset;
    Some((start, start + name.len()))
}

const OUTLET_DESCRIPTORS: &[&str] = &["اخباري", "اخباريه", "الكتروني", "الكترونيه", "نت"];
const OUTLET_KINDS: &[&str] = &["موقع", "صحيفه", "وكاله", "قناه", "مجله", "جريده"];

/// `- عن K24 الإخباري` → `K24`.
fn outlet(line: &str) -> Option<(usize, usize)> {
    let (start, end) = labelled_name(line, &["عن", "المصدر"], false)?;
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut offset = start;
    for w in line[start..end].split(' ') {
        if !w.is_empty() {
            words.push((offset, w));
        }
        offset += w.len() + 1;
    }
    while words.len() > 1
        && OUTLET_DESCRIPTORS.contains(&strip_article(&fold(words[words.len() - 1].1)))
    {
        words.pop();
    }
    if words.len() > 1 && OUTLET_KINDS.contains(&fold(words[0].1).as_str()) {
        words.remove(0);
    }
    let (first, last) = (words.first()?, words.last()?);
    Some((first.0, last.0 + last.1.len()))
}

/// `الرياض - واس` or `الرياض – واس:` at the start of the first paragraph.
fn dateline(line: &str) -> Option<(usize, usize)> {
    let dash = line
        .char_indices()
        .take(40)
        .find(|(_, c)| matches!(c, '-' | '–' | '—' | 'ـ'))?
        .0;
    let place = line[..dash].trim();
    let place_words = place.split_whitespace().count();
    if !(1..=3).contains(&place_words) || place.contains(['.', '،', ':']) {
        return None;
    }
    let after = &line[dash..];
    let agency_len = after.find([':', '\n', '.', '،']).unwrap_or(after.len());
    let agency = after[..agency_len]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | 'ـ'));
    let agency_words = agency.split_whitespace().count();
    let ends_line = after.get(agency_len..agency_len + 1) == Some(":") || agency_len == after.len();
    if !(1..=4).contains(&agency_words) || !ends_line {
        return None;
    }
    let start = line.len() - line.trim_start().len();
    let end = dash + after.find(agency)? + agency.len();
    Some((start, end))
}

/// Finds the metadata and the name mentions it implies (the translator and author are
/// persons, the outlet an organization).
pub fn find_metadata(text: &str) -> (Metadata, Vec<Found>) {
    let mut metadata = Metadata::default();
    let mut mentions = Vec::new();
    let all = lines(text);
    let field = |base: usize, (s, e): (usize, usize)| {
        let span = Span::new(base + s, base + e);
        MetadataField {
            span,
            value: text.get(span.start..span.end).unwrap_or("").to_owned(),
        }
    };
    let mut body_start = 0;
    for (n, &(base, line)) in all.iter().take(3).enumerate() {
        if let Some(name) = labelled_name(line, &["ترجمه"], false) {
            metadata.translator = Some(field(base, name));
        } else if let Some(name) = labelled_name(line, &["بقلم"], false)
            .or_else(|| labelled_name(line, &["كتب", "كتبت"], true))
        {
            metadata.author = Some(field(base, name));
        } else {
            break;
        }
        body_start = n + 1;
    }
    if let Some(&(base, line)) = all.get(body_start) {
        if let Some(d) = dateline(line) {
            metadata.dateline = Some(field(base, d));
        }
    }
    if all.len() > 1 {
        if let Some(&(base, line)) = all.last() {
            if line.split_whitespace().count() <= 8 {
                if let Some(o) = outlet(line) {
                    metadata.source_outlet = Some(field(base, o));
                }
            }
        }
    }
    for (f, label) in [
        (&metadata.translator, EntityLabel::Per),
        (&metadata.author, EntityLabel::Per),
        (&metadata.source_outlet, EntityLabel::Org),
    ] {
        if let Some(f) = f {
            let key = f
                .value
                .split_whitespace()
                .map(|w| strip_article(&fold(w)).to_owned())
                .collect();
            mentions.push(Found::name(f.span, 0..0, label, key));
        }
    }
    (metadata, mentions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(f: &Option<MetadataField>) -> Option<&str> {
        f.as_ref().map(|f| f.value.as_str())
    }

    #[test]
    fn translator_outlet_and_dateline() {
        let text =
            "ترجمة / حامد أحمد\nالرياض - واس: أعلن المتحدث أن الاجتماع انتهى.\n- عن K24 الإخباري";
        let (m, mentions) = find_metadata(text);
        assert_eq!(value(&m.translator), Some("حامد أحمد"));
        assert_eq!(value(&m.source_outlet), Some("K24"));
        assert_eq!(value(&m.dateline), Some("الرياض - واس"));
        assert_eq!(mentions.len(), 2);
        for f in [&m.translator, &m.source_outlet, &m.dateline]
            .into_iter()
            .flatten()
        {
            assert_eq!(&text[f.span.start..f.span.end], f.value);
        }
    }

    #[test]
    fn author_needs_a_separator_after_kataba() {
        assert_eq!(
            value(&find_metadata("كتب: سعيد علي\nنص الخبر هنا.").0.author),
            Some("سعيد علي")
        );
        assert_eq!(
            value(&find_metadata("بقلم سعيد علي\nنص الخبر هنا.").0.author),
            Some("سعيد علي")
        );
        assert_eq!(
            find_metadata("كتب الوزير رسالة إلى نظيره\nنص.").0.author,
            None
        );
    }

    #[test]
    fn ordinary_first_sentences_are_not_datelines() {
        assert_eq!(
            find_metadata("أعلن الوزير اليوم أن الاجتماع - الذي عقد أمس - كان ناجحا.")
                .0
                .dateline,
            None
        );
        assert_eq!(
            value(&find_metadata("الرياض – واس\nأعلن الوزير.").0.dateline),
            Some("الرياض – واس")
        );
    }
}
