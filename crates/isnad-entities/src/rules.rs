//! Rules over the tagger's names: organization and place names built on a head noun
//! (`البرلمان الألماني`, `تنظيم داعش الخراساني`, `منطقة الساحل`), and clean-ups of
//! typical tagger slips (a lone title tagged as a person, a person's surname glued to an
//! organization).

use isnad_core::{EntityLabel, MentionKind, Span};

use crate::lexicon::{Lexicon, PhraseMatch, TriggerKind};
use crate::mentions::{DocView, Found};
use crate::text::strip_article;

/// Folded function words that never start a name.
const FUNCTION_WORDS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "انه",
    "قد",
    "لا",
    "لم",
    "لن",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "التي",
    "الذي",
    "الذين",
    "كان",
    "كانت",
    "بعد",
    "قبل",
    "حتي",
    "منذ",
    "عند",
    "خلال",
    "بين",
    "حول",
    "او",
    "ثم",
    "لكن",
    "هو",
    "هي",
    "هم",
    "نحن",
    "كما",
    "كل",
    "بعض",
    "غير",
    "اي",
    "اذا",
    "لدي",
    "عبر",
    "نحو",
    "ضد",
    "وفي",
    "ومن",
    "وعلي",
    "والي",
    "وقد",
    "ولا",
    "فقد",
];

/// Heads whose names may continue with `في` and a place (`بعثة حلف الناتو في العراق`).
const PLACE_COMPLEMENT_HEADS: &[&str] = &["بعثه", "سفاره", "قنصليه", "مكتب", "ممثليه"];

fn is_nisba(view: &DocView<'_>, lexicon: &Lexicon, i: usize) -> bool {
    let f = &view.folded[i];
    let bare = strip_article(f);
    lexicon.is_single_word(TriggerKind::CountryAdj, bare)
        || (f.starts_with("ال")
            && bare.chars().count() >= 4
            && (bare.ends_with('ي') || bare.ends_with("يه")))
}

fn mention_at(found: &[Found], i: usize) -> Option<&Found> {
    found.iter().find(|f| {
        f.tokens.start == i && f.label != EntityLabel::Per && f.kind != MentionKind::Title
    })
}

/// Adds names made of an organization or place head and what follows it.
pub fn head_names(
    view: &DocView<'_>,
    lexicon: &Lexicon,
    triggers: &[PhraseMatch],
    found: &mut Vec<Found>,
) {
    let mut added = Vec::new();
    for t in triggers {
        let label = match lexicon.triggers.phrases[t.phrase].payload {
            TriggerKind::OrgHead => EntityLabel::Org,
            TriggerKind::LocHead => EntityLabel::Loc,
            _ => continue,
        };
        let Some(sentence) = view.sentences.iter().find(|r| r.contains(&t.start)) else {
            continue;
        };
        let mut end = t.end;
        let mut has_name = false;
        if let Some(m) = mention_at(found, end) {
            end = m.tokens.end;
            has_name = true;
        }
        let mut nisbas = 0;
        while end < sentence.end && is_nisba(view, lexicon, end) {
            end += 1;
            nisbas += 1;
        }
        if label == EntityLabel::Org && end + 1 < sentence.end && &view.folded[end] == "ضد" {
            if let Some(m) = mention_at(found, end + 1) {
                end = m.tokens.end;
                has_name = true;
            }
        }
        let head = strip_article(&view.folded[t.start]);
        if has_name
            && end + 1 < sentence.end
            && &view.folded[end] == "في"
            && PLACE_COMPLEMENT_HEADS.contains(&head)
        {
            if let Some(m) = mention_at(found, end + 1).filter(|m| m.label == EntityLabel::Loc) {
                end = m.tokens.end;
            }
        }
        if !has_name && nisbas == 0 {
            continue;
        }
        // an existing name that already covers this stretch wins
        if found.iter().any(|f| {
            f.tokens.start <= t.start && end <= f.tokens.end && f.kind != MentionKind::Title
        }) {
            continue;
        }
        let span = Span::new(
            view.trimmed_start(t.start, lexicon),
            view.tokens[end - 1].span.end,
        );
        added.push(Found::name(
            span,
            t.start..end,
            label,
            view.key(t.start..end),
        ));
    }
    for a in added {
        // persons inside (the tagger's `الخراساني`) and names the new one straddles go
        found.retain(|f| {
            let inside = a.tokens.start <= f.tokens.start && f.tokens.end <= a.tokens.end;
            let straddles = (f.tokens.start < a.tokens.start && f.tokens.end > a.tokens.start)
                || (f.tokens.start < a.tokens.end && f.tokens.end > a.tokens.end);
            let person_inside = inside && f.label == EntityLabel::Per;
            !(straddles || person_inside)
        });
        found.push(a);
    }
}

/// Drops titles tagged as persons on their own, and splits a known person's surname off
/// the end of another name (`الناتو روتي` after `مارك روتي`).
pub fn clean_up(view: &DocView<'_>, lexicon: &Lexicon, found: &mut Vec<Found>) {
    // no name starts with a preposition, particle or demonstrative (`على تمديد تواجد`)
    found.retain(|f| {
        !view
            .folded
            .get(f.tokens.start)
            .is_some_and(|w| FUNCTION_WORDS.contains(&w))
    });
    found.retain(|f| {
        !(f.label == EntityLabel::Per
            && f.tokens.len() == 1
            && lexicon
                .triggers
                .starting_with(&f.key[0])
                .any(|p| p.payload == TriggerKind::PerTitle && p.words.len() == 1))
    });
    let surnames: Vec<String> = found
        .iter()
        .filter(|f| f.label == EntityLabel::Per && f.key.len() >= 2)
        .filter_map(|f| f.key.last().cloned())
        .collect();
    let mut split = Vec::new();
    for f in found.iter_mut() {
        if f.label != EntityLabel::Per
            && f.key.len() >= 2
            && f.key.last().is_some_and(|k| surnames.contains(k))
        {
            let last = f.tokens.end - 1;
            f.tokens.end = last;
            f.key.pop();
            f.span.end = view.tokens[last - 1].span.end;
            let span = view.tokens[last].span;
            split.push(Found::name(
                span,
                last..last + 1,
                EntityLabel::Per,
                view.key(last..last + 1),
            ));
        }
    }
    found.extend(split);
}

/// Marks names that are exactly a gazetteer name (names built by rules or split by
/// `clean_up` have not been looked up yet), so that aliases cluster.
pub fn look_up_gazetteer(view: &DocView<'_>, lexicon: &Lexicon, found: &mut [Found]) {
    for f in found
        .iter_mut()
        .filter(|f| f.gazetteer.is_none() && f.label != EntityLabel::Per && !f.tokens.is_empty())
    {
        if f.tokens.end > view.folded.len() {
            continue;
        }
        if let Some(m) = view
            .folded
            .longest_known(&lexicon.gazetteer, f.tokens.start, f.tokens.end)
        {
            if m.end == f.tokens.end {
                let name = lexicon.gazetteer.phrases[m.phrase].payload;
                f.gazetteer = Some(name.entry);
                if name.is_variant && f.kind == MentionKind::Name {
                    f.kind = MentionKind::Alias;
                }
            }
        }
    }
}

/// Multi-word gazetteer names the tagger broke up (`التحالف الدولي ضد داعش` tagged as
/// `التحالف الدولي` + `ضد`) are restored; names inside them that are known names
/// themselves (`داعش`) stay as nested mentions.
pub fn restore_known_names(
    view: &DocView<'_>,
    lexicon: &Lexicon,
    known: &[PhraseMatch],
    found: &mut Vec<Found>,
) {
    for m in known.iter().filter(|m| m.end - m.start >= 2) {
        let crosses = found.iter().any(|f| {
            (f.tokens.start < m.start && f.tokens.end > m.start)
                || (f.tokens.start < m.end && f.tokens.end > m.end)
        });
        let exists = found
            .iter()
            .any(|f| f.tokens.start <= m.start && m.end <= f.tokens.end);
        if crosses || exists {
            continue;
        }
        let inner_known: Vec<(usize, usize)> = (m.start + 1..m.end)
            .filter_map(|i| {
                view.folded
                    .longest_known(&lexicon.gazetteer, i, m.end)
                    .map(|k| (k.start, k.end))
            })
            .collect();
        found.retain(|f| {
            let inside = m.start <= f.tokens.start && f.tokens.end <= m.end;
            !inside || inner_known.contains(&(f.tokens.start, f.tokens.end))
        });
        let entry = &lexicon.gazetteer.phrases[m.phrase].payload;
        let label = lexicon.entries[entry.entry].label;
        let span = Span::new(
            view.trimmed_start(m.start, lexicon),
            view.tokens[m.end - 1].span.end,
        );
        let mut f = Found::name(span, m.start..m.end, label, view.key(m.start..m.end));
        f.gazetteer = Some(entry.entry);
        if entry.is_variant && label != EntityLabel::Per {
            f.kind = MentionKind::Alias;
        }
        found.push(f);
    }
}

/// Words that cannot end a person's name: the next word belongs to it (`رامي عبد الرحمن`).
const NAME_LINKS_FORWARD: &[&str] = &["عبد", "ابو", "بن", "بنت", "ابن", "ال", "ام"];
/// Words that join a person's name to the word before them (`نوف بنت محمد العتيبي`).
const NAME_LINKS_BACKWARD: &[&str] = &["بن", "بنت", "ابن"];

/// Completes persons' names the tagger cut at a linking word. A word taken into a name
/// loses a one-word name of another type the tagger gave it (`نوف` as MISC).
pub fn complete_person_names(view: &DocView<'_>, lexicon: &Lexicon, found: &mut Vec<Found>) {
    let is_word = |i: usize| {
        view.tokens
            .get(i)
            .is_some_and(|t| t.kind == isnad_core::TokenKind::Word)
            && !FUNCTION_WORDS.contains(&&view.folded[i])
    };
    let same_sentence = |a: usize, b: usize| {
        view.sentences
            .iter()
            .any(|r| r.contains(&a) && r.contains(&b))
    };
    // whether token i may join a name: in no mention, or alone in a non-person one
    let available = |found: &[Found], i: usize| {
        found
            .iter()
            .all(|f| !f.tokens.contains(&i) || (f.tokens.len() == 1 && f.label != EntityLabel::Per))
    };
    let mut absorbed = Vec::new();
    for n in 0..found.len() {
        let f = &found[n];
        if f.label != EntityLabel::Per || f.kind != MentionKind::Name || f.tokens.is_empty() {
            continue;
        }
        let mut tokens = f.tokens.clone();
        let last = tokens.end - 1;
        if NAME_LINKS_FORWARD.contains(&&view.folded[last])
            && is_word(last + 1)
            && available(found, last + 1)
            && same_sentence(last, last + 1)
        {
            tokens.end += 1;
            absorbed.push(last + 1);
        }
        let start = tokens.start;
        if start >= 2
            && NAME_LINKS_BACKWARD.contains(&&view.folded[start - 1])
            && is_word(start - 2)
            && available(found, start - 1)
            && available(found, start - 2)
            && same_sentence(start - 2, start)
        {
            tokens.start -= 2;
            absorbed.extend([start - 2, start - 1]);
        }
        if tokens != found[n].tokens {
            let f = &mut found[n];
            f.span = Span::new(
                view.trimmed_start(tokens.start, lexicon),
                view.tokens[tokens.end - 1].span.end,
            );
            f.key = view.key(tokens.clone());
            f.tokens = tokens;
        }
    }
    found.retain(|f| {
        !(f.label != EntityLabel::Per && f.tokens.len() == 1 && absorbed.contains(&f.tokens.start))
    });
}
