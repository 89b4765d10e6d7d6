//! From attributions to quotes: the content of each (marked, colon or complementizer
//! clause, bounded by the next clause's cue), and the marked spans no cue before them
//! claimed (a cue after them, `X: «…»`, `وفق X، «…»`, continued speech, or scare quotes).

use isnad_core::{QuoteKind, Span};

use crate::detect::{Attribution, Context, Found, Subject, Term};
use crate::lexicon::{self, CueForm};
use crate::marks::Marked;
use crate::subject::trim_phrase;

pub(crate) fn realize(
    ctx: &Context,
    a: &Attribution,
    starts: &[usize],
    claimed: &mut [bool],
) -> Option<Found> {
    let words = ctx.words;
    let cue_span = Span::new(
        words.items[a.cue_start].span.start,
        words.items[a.cue_end - 1].span.end,
    );
    let named = matches!(a.subject, Subject::Phrase(..));
    let base = |kind, content, confidence: f32| Found {
        kind,
        content,
        cue: cue_span,
        subject: a.subject,
        agreement: Some(a.cue.agreement),
        position: a.cue_start,
        confidence: if named { confidence } else { confidence * 0.85 },
    };
    match a.term {
        Term::None => None,
        Term::Mark(m) => {
            let k = ctx.opening.get(m).copied().flatten()? as usize;
            claimed[k] = true;
            Some(base(QuoteKind::Direct, ctx.marked[k].content, 0.95))
        }
        Term::Colon(c) => {
            if let Some(k) = ctx.opening.get(c + 1).copied().flatten() {
                claimed[k as usize] = true;
                return Some(base(
                    QuoteKind::Direct,
                    ctx.marked[k as usize].content,
                    0.95,
                ));
            }
            let end = next_cue_or(starts, c + 1, ctx.paragraph_end(c));
            let content = content_span(ctx, c + 1, end, claimed)?;
            Some(base(QuoteKind::Direct, content, 0.8))
        }
        Term::Complementizer(_, first) => {
            if let Some(m) = ctx.marked_opening_at(first) {
                if ends_clause(ctx, m, starts) {
                    let k = ctx.opening[first]? as usize;
                    claimed[k] = true;
                    return Some(base(QuoteKind::Direct, m.content, 0.95));
                }
            }
            let mut end = next_cue_or(starts, first, ctx.sentence_end(first));
            // A sentence end inside marks that opened in the content does not end it.
            if let Some(k) = ctx.inside.get(end).copied().flatten() {
                let m = &ctx.marked[k as usize];
                if m.open >= first {
                    end = next_cue_or(
                        starts,
                        first,
                        ctx.sentence_end(m.after().min(words.len().saturating_sub(1))),
                    );
                }
            }
            let content = content_span(ctx, first, end, claimed)?;
            Some(base(QuoteKind::Indirect, content, 0.9))
        }
    }
}

/// The first attribution cue after `from` if it comes before `end`, else `end`.
fn next_cue_or(starts: &[usize], from: usize, end: usize) -> usize {
    let k = starts.partition_point(|&s| s <= from);
    starts.get(k).copied().filter(|&s| s < end).unwrap_or(end)
}

/// Whether a marked span right after a complementizer is the whole reported clause
/// (`قال إن "…".`), as opposed to a marked term opening a longer clause.
fn ends_clause(ctx: &Context, m: &Marked, starts: &[usize]) -> bool {
    let after = m.after();
    let end = next_cue_or(
        starts,
        after.saturating_sub(1),
        ctx.sentence_end(after.min(ctx.words.len().saturating_sub(1))),
    );
    let inside = ctx.words.count_words(m.inner.0, m.inner.1);
    let rest = ctx.words.count_words(after, end.max(after));
    inside >= 3 && rest <= 2
}

/// The text of items `[from, to)` trimmed to words and marks, claiming the marked spans inside.
fn content_span(ctx: &Context, from: usize, to: usize, claimed: &mut [bool]) -> Option<Span> {
    let words = ctx.words;
    let to = to.min(words.len());
    let mut first = from;
    while first < to && !(words.is_word(first) || words.is_mark(first)) {
        first += 1;
    }
    let mut last = to;
    // Trailing punctuation and a conjunction left before the next cue (`، و`) stay out.
    while last > first && !(words.is_word(last - 1) || words.is_mark(last - 1)) {
        last -= 1;
    }
    if last <= first {
        return None;
    }
    for k in first..last {
        if let Some(m) = ctx.opening.get(k).copied().flatten() {
            claimed[m as usize] = true;
        }
    }
    Some(Span::new(
        words.items[first].span.start,
        words.items[last - 1].span.end,
    ))
}

/// Marked spans no cue before them claimed: attributed by a cue after them (`«…»، قال X`),
/// a colon (`X: «…»`), `وفق X، «…»`, or a paragraph of speech continuing the last speaker.
/// What is left is a scare quote.
pub(crate) fn unattributed_marks(
    ctx: &Context,
    attributions: &[Attribution],
    claimed: &mut [bool],
) -> Vec<Found> {
    let words = ctx.words;
    let mut out = Vec::new();
    for (k, m) in ctx.marked.iter().enumerate() {
        if claimed[k] || ctx.inside_marks(m.open) {
            continue;
        }
        let size = words.count_words(m.inner.0, m.inner.1);
        let open_span = words.items[m.open].span;
        // `وبحسب صحيفة «صنداي مورنينغ بوست»`, `مقابلة مع صحيفة «نيويورك تايمز»، نوه X`:
        // marks right after an organization's head or a title word hold its name.
        if ctx.names_its_head(m.open) {
            continue;
        }
        let found = |cue: Span, subject, agreement, confidence| Found {
            kind: QuoteKind::Direct,
            content: m.content,
            cue,
            subject,
            agreement,
            position: m.open,
            confidence,
        };
        // `X: «…»`
        if m.open > 0 && words.is_colon(m.open - 1) {
            let colon = m.open - 1;
            let start = ctx.sentence_start(colon);
            let mut s = colon;
            while s > start && words.is_word(s - 1) && colon - s < 8 {
                s -= 1;
            }
            let whole_clause = s == start || !words.is_word(s - 1);
            let prepositional = words.is_word(s) && {
                let w = ctx.norm(s);
                lexicon::is_preposition(w) || (w.starts_with('ب') && w.chars().nth(1) != Some('ن'))
            };
            // The source must look like one: a title, an organization or a name the entity
            // stage found (not `وعنوانه الكامل: «…»`).
            let looks_like_source = |a: usize, b: usize| {
                (a..b).any(|x| {
                    words.is_word(x)
                        && (lexicon::is_person_title(ctx.norm(x))
                            || lexicon::is_org_head(ctx.norm(x)))
                }) || ctx.names_overlap(Span::new(
                    words.items[a].span.start,
                    words.items[b - 1].span.end,
                ))
            };
            let phrase = trim_phrase(ctx, s, colon)
                .filter(|&(a, b)| whole_clause && !prepositional && looks_like_source(a, b));
            if let Some((a, b)) = phrase.filter(|_| size >= 2) {
                claimed[k] = true;
                out.push(found(
                    words.items[colon].span,
                    Subject::Phrase(a, b),
                    None,
                    0.8,
                ));
                continue;
            }
            // `وعن مباراة طلائع الجيش: «…»`: a topic and its answer, from the speaker before.
            let topic = whole_clause && words.is_word(s) && lexicon::is_topic_preposition(ctx.norm(s));
            if topic && size >= 3 {
                claimed[k] = true;
                out.push(found(words.items[colon].span, Subject::Dropped, None, 0.7));
                continue;
            }
        }
        // `ووفق X، «…»`
        let mut j = m.open;
        while j > 0 && words.is_comma(j - 1) {
            j -= 1;
        }
        let back = (j.saturating_sub(7)..j)
            .rev()
            .find(|&x| words.is_word(x) && lexicon::is_citation_preposition(ctx.norm(x)));
        if let Some(p) = back.filter(|_| size >= 3) {
            if (p + 1..j).all(|x| words.is_word(x)) {
                if let Some((a, b)) = trim_phrase(ctx, p + 1, j) {
                    claimed[k] = true;
                    out.push(found(
                        words.items[p].span,
                        Subject::Phrase(a, b),
                        None,
                        0.85,
                    ));
                    continue;
                }
            }
        }
        // `«…»، قال X` / `«…» كما قالت`
        let mut a = m.after();
        while a < words.len()
            && (words.is_comma(a) || (words.is_word(a) && matches!(ctx.norm(a), "كما" | "هكذا")))
        {
            a += 1;
        }
        if let Some(cue) = ctx.cue_at(a).filter(|c| c.form == CueForm::Verb && !lexicon::describes(ctx.norm(a))) {
            let own_clause = attributions
                .binary_search_by_key(&a, |x| x.cue_start)
                .is_ok_and(|x| attributions[x].term != Term::None);
            // The marks must be set off from the verb (a comma, `كما`) or open the sentence:
            // `أغنية "كن صديقي" تعتبر الأكثر مبيعا` is a title before a verb of its own.
            let set_off = a > m.after();
            let opens_sentence =
                ctx.sentence_start(m.open) == m.open || (m.open > 0 && words.is_break(m.open - 1));
            if !own_clause && size >= 2 && (set_off || opens_sentence) {
                let end = ctx.sentence_end(a);
                let mut e = a + 1;
                while e < end
                    && words.is_word(e)
                    && !lexicon::starts_adverbial(ctx.norm(e), ctx.norm(e + 1))
                {
                    e += 1;
                }
                let subject = trim_phrase(ctx, a + 1, e)
                    .map_or(Subject::Dropped, |(s, e)| Subject::Phrase(s, e));
                claimed[k] = true;
                out.push(found(
                    words.items[a].span,
                    subject,
                    Some(cue.agreement),
                    0.85,
                ));
                continue;
            }
        }
        // A paragraph or sentence made of marked speech continues the last speaker, and so
        // do marked words appended to a reported clause (`…، مشيرا إلى X، "وهو ما …"`).
        let starts_unit =
            m.open == 0 || ctx.sentence_start(m.open) == m.open || words.is_break(m.open - 1);
        let sentence = ctx.sentence_start(m.open);
        let after_cue = m.open > 0 && words.is_comma(m.open - 1) && {
            let first = attributions.partition_point(|a| a.cue_start < sentence);
            attributions
                .get(first)
                .is_some_and(|a| a.cue_start < m.open)
        };
        if (starts_unit && size >= 5) || (after_cue && size >= 4) {
            claimed[k] = true;
            out.push(found(
                open_span,
                Subject::Dropped,
                None,
                if after_cue { 0.6 } else { 0.45 },
            ));
        }
    }
    out
}
