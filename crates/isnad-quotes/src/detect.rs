//! Finding quotes and their cues: reporting cues with a complementizer clause (indirect),
//! marked and colon speech attributed by a cue or a colon (direct). Speakers are left as
//! word ranges (or as "dropped") for [`crate::speaker`] to resolve.

use isnad_core::{QuoteKind, Span};

use crate::lexicon::{self, Agreement, Cue, CueForm};
use crate::marks::{self, Marked};
use crate::text::{Kind, Words};

/// Where the subject of a cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Items `[start, end)` hold the subject NP.
    Phrase(usize, usize),
    /// No subject in the clause (`وأضاف`, `مشيرا`): the previous compatible speaker.
    Dropped,
}

#[derive(Debug, Clone)]
pub struct Found {
    pub kind: QuoteKind,
    pub content: Span,
    pub cue: Span,
    pub subject: Subject,
    pub agreement: Option<Agreement>,
    /// Item index of the cue, for document order.
    pub position: usize,
    pub confidence: f32,
}

/// How the clause after a cue goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    /// A complementizer at this index; content starts at the second field.
    Complementizer(usize, usize),
    Colon(usize),
    /// An opening mark at this index.
    Mark(usize),
    None,
}

struct Attribution {
    cue: Cue,
    cue_start: usize,
    cue_end: usize,
    subject: Subject,
    term: Term,
}

/// Items of the text with their sentence and mark context, precomputed in linear passes.
pub struct Context<'w> {
    pub words: &'w Words,
    marked: Vec<Marked>,
    /// For each item, the marked span it lies inside (index into `marked`).
    inside: Vec<Option<u32>>,
    /// For each item, the marked span opening at it.
    opening: Vec<Option<u32>>,
    /// For each item, the index of the item ending its sentence (or `len`).
    sentence_end: Vec<u32>,
    /// For each item, the first item of its sentence.
    sentence_start: Vec<u32>,
    /// For each item, the index of the break ending its paragraph (or `len`).
    paragraph_end: Vec<u32>,
    /// Spans of person and organization names from the entity stage.
    pub names: Vec<Span>,
    /// The lexicon's cue for each word, looked up once.
    cues: Vec<Option<Cue>>,
}

impl<'w> Context<'w> {
    pub fn new(words: &'w Words) -> Self {
        let n = words.len();
        let marked = marks::pair(words);
        let mut inside = vec![None; n];
        let mut opening = vec![None; n];
        for (k, m) in marked.iter().enumerate() {
            opening[m.open] = Some(k as u32);
            for slot in &mut inside[m.inner.0..m.inner.1] {
                *slot = Some(k as u32);
            }
        }
        let mut sentence_end = vec![n as u32; n];
        let mut paragraph_end = vec![n as u32; n];
        let (mut s_end, mut p_end) = (n as u32, n as u32);
        for i in (0..n).rev() {
            if words.items[i].ends_sentence {
                s_end = i as u32;
            }
            if words.items[i].kind == Kind::Break {
                p_end = i as u32;
            }
            sentence_end[i] = s_end;
            paragraph_end[i] = p_end;
        }
        let mut sentence_start = Vec::with_capacity(n);
        let mut start = 0u32;
        for (i, item) in words.items.iter().enumerate() {
            sentence_start.push(start);
            if item.ends_sentence {
                start = i as u32 + 1;
            }
        }
        let cues = (0..n)
            .map(|i| {
                if words.is_word(i) {
                    lexicon::cue(words.norm(i))
                } else {
                    None
                }
            })
            .collect();
        Context {
            words,
            marked,
            inside,
            opening,
            sentence_end,
            sentence_start,
            paragraph_end,
            names: Vec::new(),
            cues,
        }
    }

    fn norm(&self, i: usize) -> &str {
        self.words.norm(i)
    }

    /// The lexicon's cue for the word at `i`, whatever its context.
    pub fn lexicon_cue(&self, i: usize) -> Option<Cue> {
        self.cues.get(i).copied().flatten()
    }

    /// Whether a name of the entity stage overlaps `span` (`names` sorted by start).
    fn names_overlap(&self, span: Span) -> bool {
        const LONGEST: usize = 256;
        let first = self
            .names
            .partition_point(|n| n.start + LONGEST < span.start);
        self.names[first..]
            .iter()
            .take_while(|n| n.start < span.end)
            .any(|n| n.overlaps(span))
    }

    fn sentence_end(&self, i: usize) -> usize {
        self.sentence_end
            .get(i)
            .map_or(self.words.len(), |&e| e as usize)
    }

    pub fn sentence_start(&self, i: usize) -> usize {
        self.sentence_start.get(i).map_or(0, |&s| s as usize)
    }

    fn paragraph_end(&self, i: usize) -> usize {
        self.paragraph_end
            .get(i)
            .map_or(self.words.len(), |&e| e as usize)
    }

    fn marked_opening_at(&self, i: usize) -> Option<&Marked> {
        self.opening
            .get(i)
            .copied()
            .flatten()
            .map(|k| &self.marked[k as usize])
    }

    fn inside_marks(&self, i: usize) -> bool {
        self.inside.get(i).is_some_and(|k| k.is_some())
    }

    /// The previous word's normalized form, if the previous item is a word.
    fn previous_word(&self, i: usize) -> Option<&str> {
        (i > 0 && self.words.is_word(i - 1)).then(|| self.norm(i - 1))
    }

    /// The cue at `i`, if it is one here: not inside marks, not in a relative clause.
    fn cue_at(&self, i: usize) -> Option<Cue> {
        if !self.words.is_word(i) || self.inside_marks(i) {
            return None;
        }
        let norm = self.norm(i);
        let cue = self.cues.get(i).copied().flatten()?;
        if self.previous_word(i).is_some_and(lexicon::blocks_cue) {
            return None;
        }
        if cue.needs_clause_start {
            let conjoined = norm.starts_with('و') || norm.starts_with('ف');
            let after_punct = i == 0 || !self.words.is_word(i - 1);
            let after_opener = self
                .previous_word(i)
                .is_some_and(|p| matches!(p, "كما" | "فيما" | "و" | "ثم" | "حيث" | "بينما" | "اذ"));
            if !(conjoined || after_punct || after_opener) {
                return None;
            }
        }
        // `يذكر أن`: the impersonal passive, framing without a source.
        if cue.form == CueForm::Verb && matches!(norm, "يذكر" | "ويذكر" | "تذكر") {
            let next = self.next_word(i + 1);
            if next.is_some_and(|k| lexicon::complementizer(self.norm(k)).is_some()) {
                return None;
            }
        }
        Some(cue)
    }

    /// The first word at or after `i` in the same sentence, skipping commas.
    fn next_word(&self, i: usize) -> Option<usize> {
        let end = self.sentence_end(i.min(self.words.len().saturating_sub(1)));
        (i..end.min(self.words.len())).find(|&k| self.words.is_word(k))
    }

    fn is_complementizer(&self, i: usize) -> bool {
        self.words.is_word(i)
            && lexicon::complementizer(self.norm(i)).is_some()
            && !self
                .previous_word(i)
                .is_some_and(lexicon::blocks_complementizer)
    }
}

/// Every quote of the text, in document order, with unresolved subjects.
pub fn find(ctx: &Context) -> Vec<Found> {
    let words = ctx.words;
    let n = words.len();
    let mut attributions = Vec::new();
    // A participle after a comma opens a new clause (`، مشيرا إلى جاهزية …`): the reported
    // clause before it ends there even when the participle reports nothing itself.
    let mut boundaries = Vec::new();
    let mut i = 0;
    while i < n {
        if let Some(cue) = ctx.cue_at(i) {
            if cue.form == CueForm::Participle && i > 0 && words.is_comma(i - 1) {
                boundaries.push(i);
            }
            if let Some(a) = attribute(ctx, i, cue) {
                i = a.cue_end;
                attributions.push(a);
                continue;
            }
        }
        i += 1;
    }
    // Cue starts of attributions that open a quote bound the content of the one before.
    // A verb cue right after words of a reported clause (`إن الكونجرس يعتقدون أن`) is
    // embedded in it; cues that open a clause of their own end the one before.
    let opens_clause = |a: &Attribution| {
        let norm = ctx.norm(a.cue_start);
        a.cue.form != CueForm::Verb
            || norm.starts_with('و')
            || norm.starts_with('ف')
            || a.cue_start == 0
            || !words.is_word(a.cue_start - 1)
            || ctx
                .previous_word(a.cue_start)
                .is_some_and(|p| matches!(p, "كما" | "فيما" | "بينما" | "حيث" | "ثم"))
    };
    // A subject before its verb opens the clause (`، لكن مدريد لفتت إلى أن`) unless a
    // complementizer introduces it (`إن الكونجرس يعتقدون أن`).
    let clause_start = |a: &Attribution| -> Option<usize> {
        if opens_clause(a) {
            return Some(a.cue_start);
        }
        let Subject::Phrase(s, e) = a.subject else {
            return None;
        };
        if e > a.cue_start {
            return None;
        }
        // `أن: الكونجرس يعتقدون` — a colon after the complementizer changes nothing.
        let mut p = s;
        while p > 0 && words.is_colon(p - 1) {
            p -= 1;
        }
        if p == 0 || !words.is_word(p - 1) {
            return Some(s);
        }
        let before = ctx.norm(p - 1);
        if lexicon::complementizer(before).is_some() {
            return None;
        }
        (p == s && lexicon::is_clause_opener(before)).then_some(s - 1)
    };
    let mut starts: Vec<usize> = attributions
        .iter()
        .filter(|a| a.term != Term::None)
        .filter_map(clause_start)
        .chain(boundaries)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut claimed = vec![false; ctx.marked.len()];
    let mut found = Vec::new();
    for a in &attributions {
        if let Some(f) = realize(ctx, a, &starts, &mut claimed) {
            found.push(f);
        }
    }
    found.extend(unattributed_marks(ctx, &attributions, &mut claimed));
    found.sort_by_key(|f| (f.content.start, f.position));
    // Overlapping quotes: the first found (a cue's own clause) wins.
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if out
            .last()
            .is_some_and(|p: &Found| p.content.overlaps(f.content))
        {
            continue;
        }
        out.push(f);
    }
    out
}

/// The clause after a cue at `i`: its subject and how it goes on.
fn attribute(ctx: &Context, i: usize, cue: Cue) -> Option<Attribution> {
    let words = ctx.words;
    let mut cue_end = i + 1;
    // The governed preposition right after the verb belongs to the cue (`مشيرا الى`).
    if words.is_word(cue_end)
        && lexicon::is_object_preposition(ctx.norm(cue_end))
        && ctx.norm(cue_end + 1) != "لسان"
    {
        let after = cue_end + 1;
        if ctx.is_complementizer(after) {
            let content = after + 1;
            let subject = if cue.form == CueForm::Masdar {
                masdar_subject(ctx, i)
            } else {
                before_subject(ctx, i, cue)
            };
            return Some(Attribution {
                cue,
                cue_start: i,
                cue_end: after,
                subject,
                term: Term::Complementizer(after, content),
            });
        }
        if ctx.marked_opening_at(after).is_some() {
            return Some(Attribution {
                cue,
                cue_start: i,
                cue_end: after,
                subject: before_subject(ctx, i, cue),
                term: Term::Mark(after),
            });
        }
        if !lexicon::starts_adverbial(ctx.norm(cue_end), ctx.norm(after)) {
            // `وشدد على أهمية …`: a noun object.
            return None;
        }
        cue_end = i + 1;
    }
    let end = ctx.sentence_end(i);
    let mut subject_start = cue_end;
    // `وجاء في البيان أن …`: the document after `في` is the source.
    if lexicon::is_came(ctx.norm(i)) {
        if !(words.is_word(cue_end) && ctx.norm(cue_end) == "في") {
            return None;
        }
        subject_start = cue_end + 1;
    }
    // `أعلن أمس الأربعاء الوزير …`, `وقالت لرويترز`, `كشفت فيه مصادر`: time words, the
    // addressee and resumptive pronouns before the subject.
    while subject_start < end && words.is_word(subject_start) && {
        let w = ctx.norm(subject_start);
        lexicon::is_temporal(w)
            || matches!(w, "فيه" | "فيها" | "عنه" | "عنها" | "له" | "لها" | "لهم")
            || lexicon::starts_adverbial(w, "") && w.starts_with('ل')
    } {
        subject_start += 1;
    }
    let mut subject_end: Option<usize> = None;
    let mut term = Term::None;
    let mut words_seen = 0;
    let mut j = subject_start;
    while j < end.min(words.len()) {
        match words.items[j].kind {
            Kind::Break => break,
            Kind::Punct(':') => {
                term = Term::Colon(j);
                break;
            }
            Kind::Mark(_) => {
                if let Some(m) = ctx.marked_opening_at(j) {
                    if embedded(ctx, m) {
                        // A marked name or term inside the clause (`صحيفة “ذي دايلي مايل” ان`).
                        j = m.after();
                        continue;
                    }
                    // One marked word after a cue and its subject is a name, not speech.
                    if words.count_words(m.inner.0, m.inner.1) >= 2 || j == cue_end {
                        term = Term::Mark(j);
                    }
                }
                break;
            }
            Kind::Punct(_) => {}
            Kind::Word => {
                let norm = ctx.norm(j);
                let next = if words.is_word(j + 1) {
                    ctx.norm(j + 1)
                } else {
                    ""
                };
                if ctx.is_complementizer(j) {
                    term = Term::Complementizer(j, j + 1);
                    break;
                }
                // `أكدت على لسان المتحدثة X أن`, `وأضافت القناة نقلا عن الشرطة أن`: the
                // source follows.
                if ((norm == "علي" && next == "لسان") || (norm == "نقلا" && next == "عن"))
                    && subject_end.is_none()
                {
                    subject_start = j + 2;
                    j += 2;
                    continue;
                }
                if lexicon::is_object_preposition(norm) {
                    if ctx.is_complementizer(j + 1) {
                        subject_end.get_or_insert(j);
                        term = Term::Complementizer(j + 1, j + 2);
                        break;
                    }
                    // `وشددت على «وجوب …»`: the verb's own preposition before marked words;
                    // `في تصريح إلى "الوطن" أن` is an adverbial with a marked name.
                    let governed = cue.preposition == Some(norm) || j == subject_start;
                    if let Some(m) = ctx.marked_opening_at(j + 1) {
                        if governed && !embedded(ctx, m) {
                            subject_end.get_or_insert(j);
                            term = Term::Mark(j + 1);
                            break;
                        }
                        j = m.after();
                        continue;
                    }
                    // `وشدد على أهمية …`: the verb's own preposition with a noun object.
                    if governed
                        && !lexicon::starts_adverbial(norm, next)
                        && cue.form != CueForm::Masdar
                    {
                        return None;
                    }
                }
                if j > cue_end && ctx.cue_at(j).is_some_and(|c| c.form != CueForm::Masdar) {
                    break;
                }
                let temporal_after_subject = j > subject_start && lexicon::is_temporal(norm);
                if subject_end.is_none()
                    && (lexicon::starts_adverbial(norm, next) || temporal_after_subject)
                {
                    subject_end = Some(j);
                }
                // A masdar (`بقوله`) after the subject takes over the clause: `ومضى X بقوله "…"`.
                if cue.form == CueForm::Verb
                    && ctx
                        .lexicon_cue(j)
                        .is_some_and(|c| c.form == CueForm::Masdar)
                {
                    return None;
                }
                words_seen += 1;
                if words_seen > 25 {
                    break;
                }
            }
        }
        j += 1;
    }
    // A participle has no subject of its own: its clause follows at once (`مشيرا الى ان`,
    // `مؤكدا في هذا الصدد أن`), else it has a noun object (`طالبا إعادة الأرض`).
    let late = match term {
        Term::Complementizer(c, _) | Term::Colon(c) | Term::Mark(c) => {
            words.count_words(cue_end, c) > 4
        }
        Term::None => true,
    };
    if late && cue.form == CueForm::Participle {
        return None;
    }
    let subject = match cue.form {
        CueForm::Participle => Subject::Dropped,
        CueForm::Masdar => masdar_subject(ctx, i),
        CueForm::Verb => {
            let stop = match term {
                Term::Complementizer(c, _) => c,
                Term::Colon(c) | Term::Mark(c) => c,
                Term::None => j,
            };
            let phrase_end = subject_end.unwrap_or(stop).min(stop);
            match trim_phrase(ctx, subject_start, phrase_end) {
                Some((s, e)) => Subject::Phrase(s, e),
                // `“ذي دايلي مايل” التي رأت`: the antecedent speaks when the verb agrees with
                // the relative pronoun (`… التي يزعم أنها`: someone else speaks of it).
                None if ctx
                    .previous_word(i)
                    .is_some_and(|p| relative_agrees(p, cue.agreement)) =>
                {
                    antecedent(ctx, i - 1)
                }
                None => before_subject(ctx, i, cue),
            }
        }
    };
    // `ومضى بقوله`: the support verb is part of the cue.
    let cue_start = if cue.form == CueForm::Masdar
        && i > 0
        && words.is_word(i - 1)
        && lexicon::is_support_verb(ctx.norm(i - 1))
    {
        i - 1
    } else {
        i
    };
    Some(Attribution {
        cue,
        cue_start,
        cue_end,
        subject,
        term,
    })
}

/// Trims punctuation and appositive commas off a subject phrase; `None` if no noun is left
/// or it is no subject (`أكد ما …`, `قال له`).
fn trim_phrase(ctx: &Context, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    let words = ctx.words;
    while start < end && !words.is_word(start) {
        start += 1;
    }
    while end > start && !words.is_word(end - 1) {
        end -= 1;
    }
    // A comma before a prepositional phrase ends the subject (`لويد اوستن، بنفس التعليقات`).
    let mut k = start;
    while k < end {
        if words.is_comma(k) && words.is_word(k + 1) {
            let next = ctx.norm(k + 1);
            let prepositional = (next.starts_with('ب') && next != "بن" && next != "بنت")
                || next.starts_with("لل")
                || matches!(next, "في" | "الي" | "علي" | "عن" | "من" | "مع");
            if prepositional || lexicon::starts_adverbial(next, "") {
                end = k;
                break;
            }
        }
        k += 1;
    }
    // A relative clause or a new clause after the subject is not part of it
    // (`تاردونو الذي أشرف على …`, `المتحدثة فان ما حدث`).
    if let Some(k) = (start + 1..end).find(|&k| {
        words.is_word(k)
            && (lexicon::is_relative(ctx.norm(k)) || lexicon::is_clause_opener(ctx.norm(k)))
    }) {
        end = k;
    }
    while end > start && (!words.is_word(end - 1) || lexicon::is_temporal(ctx.norm(end - 1))) {
        end -= 1;
    }
    // `روحاني لإردوغان`: an addressee after the subject.
    if end > start + 1 && words.is_word(end - 1) {
        let last = ctx.norm(end - 1);
        if last.starts_with('ل') && !last.starts_with("لل") && last.chars().count() >= 4 {
            end -= 1;
        }
    }
    if start >= end {
        return None;
    }
    let first = ctx.norm(start);
    if matches!(
        first,
        "ما" | "له"
            | "لها"
            | "لهم"
            | "انه"
            | "انها"
            | "ذلك"
            | "هذا"
            | "هذه"
            | "علي"
            | "الي"
            | "عن"
            | "في"
            | "من"
    ) || lexicon::complementizer(first).is_some()
    {
        return None;
    }
    // A subject is a handful of words; a longer run is a clause we misread.
    if words.count_words(start, end) > 14 {
        return None;
    }
    Some((start, end))
}

/// A marked span that is part of a clause rather than its content: a short name or term
/// followed by more of the clause, or anything followed by a complementizer.
fn embedded(ctx: &Context, m: &Marked) -> bool {
    let after = m.after();
    let words = ctx.words;
    let next = (after..words.len())
        .find(|&k| !words.is_comma(k))
        .unwrap_or(words.len());
    if ctx.is_complementizer(next)
        || (words.is_word(next)
            && lexicon::is_object_preposition(ctx.norm(next))
            && ctx.is_complementizer(next + 1))
    {
        return true;
    }
    let continues = next < words.len() && !words.items[next].ends_sentence && !words.is_mark(next);
    continues && words.count_words(m.inner.0, m.inner.1) <= 3
}

fn relative_agrees(relative: &str, agreement: Agreement) -> bool {
    match relative {
        "الذي" => agreement == Agreement::Masculine,
        "التي" => agreement == Agreement::Feminine,
        "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان" | "اللاتي" => {
            agreement == Agreement::Plural
        }
        _ => false,
    }
}

/// The antecedent of a relative pronoun at `r` (`“ذي دايلي مايل” التي رأت`).
fn antecedent(ctx: &Context, r: usize) -> Subject {
    let words = ctx.words;
    let start = ctx.sentence_start(r);
    let mut s = r;
    while s > start && r - s < 7 {
        let k = s - 1;
        if words.is_word(k)
            && (ctx.lexicon_cue(k).is_some() || lexicon::is_preposition(ctx.norm(k)))
        {
            break;
        }
        if !(words.is_word(k) || words.is_mark(k)) {
            break;
        }
        s -= 1;
    }
    trim_phrase(ctx, s, r).map_or(Subject::Dropped, |(a, b)| Subject::Phrase(a, b))
}

/// The subject standing before a verb (`الحكومة الفنلندية أعلنت`), else dropped.
fn before_subject(ctx: &Context, i: usize, cue: Cue) -> Subject {
    let norm = ctx.norm(i);
    // `وأعلن`: a conjoined verb shares the earlier subject, it does not follow a new one.
    if cue.form != CueForm::Verb || norm.starts_with('و') || norm.starts_with('ف') {
        return Subject::Dropped;
    }
    let start = ctx.sentence_start(i);
    let mut end = i;
    while end > start
        && ctx.words.is_word(end - 1)
        && matches!(ctx.norm(end - 1), "قد" | "لقد" | "فقد" | "وقد")
    {
        end -= 1;
    }
    let mut s = end;
    while s > start && s + 8 > end && ctx.words.is_word(s - 1) {
        let w = ctx.norm(s - 1);
        if lexicon::is_clause_opener(w) || ctx.lexicon_cue(s - 1).is_some() {
            break;
        }
        s -= 1;
    }
    let clean = (s..end)
        .all(|k| !lexicon::is_preposition(ctx.norm(k)) && !lexicon::is_temporal(ctx.norm(k)));
    if clean
        && s < end
        && (s == start || !ctx.words.is_word(s - 1) || lexicon::is_clause_opener(ctx.norm(s - 1)))
    {
        if let Some((a, b)) = trim_phrase(ctx, s, end) {
            return Subject::Phrase(a, b);
        }
    }
    Subject::Dropped
}

/// The subject of `قوله`/`بقوله`: `عن Y قوله`, or the subject of the verb it completes
/// (`ومضى الأمين العام بقوله`, `ادلى الوزير X بنفس التعليقات … بقوله`).
fn masdar_subject(ctx: &Context, i: usize) -> Subject {
    let start = ctx.sentence_start(i);
    let words = ctx.words;
    let mut k = i;
    let mut seen = 0;
    while k > start && seen < 10 {
        k -= 1;
        if !words.is_word(k) {
            continue;
        }
        seen += 1;
        if ctx.norm(k) == "عن" {
            if let Some((a, b)) = trim_phrase(ctx, k + 1, i) {
                return Subject::Phrase(a, b);
            }
            break;
        }
    }
    let mut k = i;
    let start = start.max(i.saturating_sub(40));
    while k > start {
        k -= 1;
        if words.is_word(k)
            && (lexicon::is_support_verb(ctx.norm(k))
                || ctx.cue_at(k).is_some_and(|c| c.form == CueForm::Verb))
        {
            let mut end = k + 1;
            while end < i
                && words.is_word(end)
                && !lexicon::starts_adverbial(ctx.norm(end), ctx.norm(end + 1))
            {
                end += 1;
            }
            // Appositive commas stay inside; the comma rule of `trim_phrase` ends the rest.
            let mut e2 = end;
            while e2 < i && (words.is_word(e2) || words.is_comma(e2)) {
                e2 += 1;
            }
            return match trim_phrase(ctx, k + 1, e2.min(i)) {
                Some((a, b)) => {
                    let b = (a..b)
                        .find(|&x| {
                            words.is_word(x)
                                && lexicon::starts_adverbial(ctx.norm(x), ctx.norm(x + 1))
                        })
                        .unwrap_or(b);
                    trim_phrase(ctx, a, b).map_or(Subject::Dropped, |(a, b)| Subject::Phrase(a, b))
                }
                None => Subject::Dropped,
            };
        }
    }
    Subject::Dropped
}

fn realize(
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
fn unattributed_marks(
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
        if let Some(cue) = ctx.cue_at(a).filter(|c| c.form == CueForm::Verb) {
            let own_clause = attributions
                .binary_search_by_key(&a, |x| x.cue_start)
                .is_ok_and(|x| attributions[x].term != Term::None);
            if !own_clause && size >= 2 {
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
