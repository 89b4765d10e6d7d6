//! Small pieces of the speaker rules: a phrase's gender, name-like words, the article, and
//! the entity stage's mentions indexed for overlap queries.

use isnad_core::{Entity, MentionKind, Span};

use crate::lexicon::{self, Agreement};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
    Plural,
    /// A name alone: either.
    Unknown,
    /// Organizations and places agree with any verb form in news prose.
    Collective,
}

impl Gender {
    pub(crate) fn agrees(self, agreement: Agreement) -> bool {
        matches!(
            (self, agreement),
            (Gender::Unknown | Gender::Collective, _)
                | (Gender::Masculine, Agreement::Masculine)
                | (Gender::Feminine, Agreement::Feminine)
                | (Gender::Plural, Agreement::Plural)
        )
    }
}

/// A mention (or role) of an entity of the entity stage.
pub(crate) struct StageMention {
    pub(crate) span: Span,
    pub(crate) entity: usize,
    pub(crate) kind: MentionKind,
    pub(crate) role: bool,
}

/// The entity stage's name mentions sorted by start, for overlap queries in log time (a
/// long document has many mentions and many quotes).
pub(crate) struct MentionIndex {
    items: Vec<StageMention>,
    max_len: usize,
}

impl MentionIndex {
    /// The name mentions of `entities`, except those inside `bylines` (the writer's name in
    /// a byline or dateline names no one in the story).
    pub(crate) fn new(entities: &[Entity], bylines: &[Span]) -> Self {
        let mut items = Vec::new();
        for (k, e) in entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.label.is_name())
        {
            let in_story = |span: &Span| !bylines.iter().any(|b| b.contains(*span));
            items.extend(e.mentions.iter().filter(|m| in_story(&m.span)).map(|m| StageMention {
                span: m.span,
                entity: k,
                kind: m.kind,
                role: false,
            }));
            items.extend(e.roles.iter().map(|&r| StageMention {
                span: r,
                entity: k,
                kind: MentionKind::Title,
                role: true,
            }));
        }
        items.sort_by_key(|m| m.span.start);
        let max_len = items.iter().map(|m| m.span.len()).max().unwrap_or(0);
        MentionIndex { items, max_len }
    }

    pub(crate) fn overlapping(&self, span: Span) -> impl Iterator<Item = &StageMention> + '_ {
        let low = span.start.saturating_sub(self.max_len);
        let first = self.items.partition_point(|m| m.span.start < low);
        self.items[first..]
            .iter()
            .take_while(move |m| m.span.start < span.end)
            .filter(move |m| m.span.overlaps(span))
    }
}

/// A word that can be part of a personal name before a surname.
pub(crate) fn name_like(w: &str) -> bool {
    !(w.starts_with("ال")
        || lexicon::is_title_word(w)
        || lexicon::cue(w).is_some()
        || lexicon::is_temporal(w)
        || lexicon::is_clause_opener(w)
        || lexicon::is_preposition(w)
        || lexicon::is_support_verb(w)
        || (w.starts_with('ل') || w.starts_with('ب'))
            && w.chars().count() > 3
            && !w.starts_with("بن")
        || w.chars().all(|c| c.is_ascii_digit()))
}

pub(crate) fn strip_article(w: &str) -> &str {
    let w = w
        .strip_prefix('و')
        .filter(|r| r.starts_with("ال"))
        .unwrap_or(w);
    w.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(w)
}

pub(crate) fn gender_of(head: &str) -> Gender {
    let h = strip_article(head);
    let plural = h.chars().count() >= 5 && (h.ends_with("ون") || h.ends_with("ين"))
        || matches!(
            h,
            "باعه"
                | "مصادر"
                | "خبراء"
                | "مسؤولين"
                | "مسؤولون"
                | "صحف"
                | "صحيفتا"
                | "قوات"
        );
    if plural {
        Gender::Plural
    } else if lexicon::is_org_head(h) {
        if h.ends_with('ه') {
            Gender::Feminine
        } else {
            Gender::Masculine
        }
    } else if lexicon::is_title_word(h) {
        // Honorifics end in ه whatever the person (`سماحة المفتي`, `سعادته`).
        let honorific = lexicon::is_honorific_pronoun(h, true) || matches!(h, "سماحه" | "فضيله" | "سعاده");
        if h.ends_with('ه') && !honorific {
            Gender::Feminine
        } else {
            Gender::Masculine
        }
    } else {
        Gender::Unknown
    }
}
