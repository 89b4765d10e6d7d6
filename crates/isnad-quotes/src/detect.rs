//! Finding quotes and their cues: reporting cues with a complementizer clause (indirect),
//! marked and colon speech attributed by a cue or a colon (direct). Speakers are left as
//! word ranges (or as "dropped") for [`crate::speaker`] to resolve.

use isnad_core::{QuoteKind, Span};

use crate::lexicon::{self, Agreement, Cue, CueForm};
use crate::realize::{realize, unattributed_marks};
use crate::subject::{
    antecedent, before_subject, embedded, masdar_subject, relative_agrees, skip_addressee,
    trim_phrase,
};
use crate::text::Kind;

pub use crate::context::Context;

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
pub(crate) enum Term {
    /// A complementizer at this index; content starts at the second field.
    Complementizer(usize, usize),
    Colon(usize),
    /// An opening mark at this index.
    Mark(usize),
    None,
}

pub(crate) struct Attribution {
    pub(crate) cue: Cue,
    pub(crate) cue_start: usize,
    pub(crate) cue_end: usize,
    pub(crate) subject: Subject,
    pub(crate) term: Term,
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
    // `أن البيانات الصادرة في الأسبوع الماضي، أشارت إلى أن`: the reported clause's own
    // subject, set off by a comma, before a verb cue inside that clause.
    let subject_after_complementizer = |a: &Attribution| {
        let mut k = a.cue_start - 1;
        if !words.is_comma(k) {
            return false;
        }
        let mut seen = 0;
        while k > 0 && words.is_word(k - 1) && seen < 8 {
            if ctx.is_complementizer(k - 1) {
                return seen > 0;
            }
            if lexicon::is_clause_opener(ctx.norm(k - 1)) || ctx.lexicon_cue(k - 1).is_some() {
                return false;
            }
            k -= 1;
            seen += 1;
        }
        false
    };
    let opens_clause = |a: &Attribution| {
        let norm = ctx.norm(a.cue_start);
        a.cue.form != CueForm::Verb
            || norm.starts_with('و')
            || norm.starts_with('ف')
            || a.cue_start == 0
            || (!words.is_word(a.cue_start - 1) && !subject_after_complementizer(a))
            || ctx.previous_word(a.cue_start).is_some_and(|p| {
                matches!(p, "كما" | "فيما" | "بينما" | "حيث" | "ثم") || but_with_pronoun(p) || lexicon::turns_to_speaker(p)
            })
    };
    // A subject before its verb opens the clause (`، لكن مدريد لفتت إلى أن`) unless a
    // complementizer introduces it (`إن الكونجرس يعتقدون أن`).
    let clause_start = |a: &Attribution| -> Option<usize> {
        if opens_clause(a) {
            let but = ctx.previous_word(a.cue_start).is_some_and(but_with_pronoun);
            return Some(a.cue_start - usize::from(but));
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

/// Whether the words at `k` name God as a speaker (`تعالى`, `الله عز وجل`, `سبحانه`).
fn names_god(ctx: &Context, k: usize) -> bool {
    let words = ctx.words;
    let word = |j: usize| if words.is_word(j) { ctx.norm(j) } else { "" };
    match word(k) {
        "تعالي" | "سبحانه" | "عز" | "جل" => true,
        "الله" | "ربنا" | "الحق" => matches!(word(k + 1), "تعالي" | "سبحانه" | "عز" | "جل"),
        _ => false,
    }
}

/// A stance noun at `k` (`أمله`, `قلقه`, `ثقته`) followed by its complementizer, directly or
/// after `في`/`من`: the complementizer's index.
fn stance_clause(ctx: &Context, k: usize) -> Option<usize> {
    if !ctx.words.is_word(k) || !lexicon::is_stance_noun(ctx.norm(k)) {
        return None;
    }
    if ctx.is_complementizer(k + 1) {
        return Some(k + 1);
    }
    // `من أن` blocks a complementizer elsewhere (`بدلا من أن`), not after a stance.
    (matches!(ctx.norm(k + 1), "في" | "من")
        && ctx.words.is_word(k + 2)
        && lexicon::complementizer(ctx.norm(k + 2)).is_some())
    .then_some(k + 2)
}

/// `لكنه أكد أن`: the pronoun of a third person is the subject, the verb opens a new clause
/// (`لكني أعتقد` is the writer's own view).
fn but_with_pronoun(word: &str) -> bool {
    matches!(
        word,
        "لكنه" | "لكنها" | "لكنهم" | "ولكنه" | "ولكنها" | "ولكنهم"
    )
}

/// The clause after a cue at `i`: its subject and how it goes on.
fn attribute(ctx: &Context, i: usize, cue: Cue) -> Option<Attribution> {
    let words = ctx.words;
    // `هل تتوقع أن …؟`, `أم ماذا تتوقع أن`: an interviewer's question, not a report;
    // `فضل عدم ذكر اسمه`: a verbal noun, not a verb.
    if ctx.previous_word(i).is_some_and(|p| {
        matches!(p, "هل" | "وهل" | "فهل" | "ماذا" | "وماذا" | "لماذا" | "كيف" | "وكيف" | "متي" | "اين" | "عدم")
    }) {
        return None;
    }
    let mut cue_end = i + 1;
    // The governed preposition right after the verb belongs to the cue (`مشيرا الى`).
    if words.is_word(cue_end)
        && lexicon::is_object_preposition(ctx.norm(cue_end))
        && ctx.norm(cue_end + 1) != "لسان"
    {
        let after = cue_end + 1;
        // `أعرب عن أمله في أن`: a stance named before its clause.
        let (after, stance) = match stance_clause(ctx, after) {
            Some(c) => (c, true),
            None => (after, false),
        };
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
        if ctx.marked_opening_at(after).is_some() && !stance {
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
    // `وتابع يقول إن`, `وتابع بالقول "…"`, `وتابع قائلا:`: a verb or noun of saying after the
    // cue belongs to it; no subject.
    if words.is_word(cue_end) && {
        let next = ctx.norm(cue_end);
        (next.starts_with(['ي', 'ت']) && ctx.lexicon_cue(cue_end).is_some_and(|c| c.form == CueForm::Verb))
            || matches!(next, "بالقول" | "قائلا" | "قائله" | "قائلين")
    } {
        cue_end += 1;
    }
    // `قال تعالى: (…)`, `لقوله سبحانه`, `الله يقول في كتابه`: scripture cited in a sermon or
    // column is no source's statement in the story.
    // (`دعا الله أن`, `سائلا الله أن`: God is addressed, not quoted.)
    let imperfect = ctx.norm(i).starts_with('ي');
    if (names_god(ctx, cue_end) && !lexicon::prays(ctx.norm(i)))
        || ctx.previous_word(i).is_some_and(|p| p == "تعالي" || imperfect && matches!(p, "الله" | "والله"))
    {
        return None;
    }
    // `ويتوقع أن`, `ويعتقد إنها`: a present-tense verb of belief with no subject is the
    // impersonal passive ("it is expected that"), framing with no source.
    if lexicon::is_impersonal_belief(ctx.norm(i)) && ctx.is_complementizer(cue_end) {
        return None;
    }
    let mut subject_start = cue_end;
    // `وجاء في البيان أن …`: the document after `في` is the source.
    if lexicon::is_came(ctx.norm(i)) {
        if !(words.is_word(cue_end) && ctx.norm(cue_end) == "في") {
            return None;
        }
        // `جاء في الحديث «…»`, `جاء في القرآن الكريم`: scripture, not a source in the story.
        let scripture = words.is_word(cue_end + 1)
            && matches!(ctx.norm(cue_end + 1), "الحديث" | "القران" | "الايه" | "الاثر" | "كتابه" | "محكم" | "السنه");
        if scripture {
            return None;
        }
        subject_start = cue_end + 1;
    }
    // `أعلن أمس الأربعاء الوزير …`, `وقالت لرويترز`, `كشفت فيه مصادر`, `وأوضح لـ"الصحيفة"`:
    // time words, the addressee and resumptive pronouns before the subject.
    loop {
        let before = subject_start;
        subject_start = skip_addressee(ctx, subject_start, end);
        while subject_start < end && words.is_word(subject_start) && {
            let w = ctx.norm(subject_start);
            lexicon::is_temporal(w)
                || lexicon::is_resumptive(w)
                || matches!(w, "لي" | "لنا" | "لك" | "لكم")
                || lexicon::starts_adverbial(w, "") && w.starts_with('ل') && w != "ل"
        } {
            subject_start += 1;
        }
        if subject_start == before {
            break;
        }
    }
    let mut subject_end: Option<usize> = None;
    let mut term = Term::None;
    let mut words_seen = 0;
    let mut j = subject_start;
    while j < end.min(words.len()) {
        match words.items[j].kind {
            Kind::Break => break,
            Kind::Punct(':') => {
                // `محاضرة بعنوان: (…)`: a title follows, not speech; `سببين يتمثلان في:`,
                // `الشروط التالية:`: a list.
                let list = ctx.previous_word(j).is_some_and(|p| {
                    matches!(p, "في" | "الي" | "من" | "التاليه" | "التالي" | "الاتيه" | "الاتي" | "كالتالي" | "كالاتي")
                }) && j > cue_end + 1;
                let titled = ctx.previous_word(j).is_some_and(lexicon::introduces_title) || list;
                if !titled {
                    term = Term::Colon(j);
                }
                break;
            }
            Kind::Mark(_) => {
                if let Some(m) = ctx.marked_opening_at(j) {
                    // `ذكرت صحيفة «هندوستان تايمز».`
                    if ctx.names_its_head(j) || embedded(ctx, m) {
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
            // `قالت دورية (لانسيت) الطبية`: a name in parentheses right after an
            // organization's head is part of the subject.
            Kind::Punct('(')
                if j == subject_start + 1
                    && words.is_word(subject_start)
                    && lexicon::is_org_head(ctx.norm(subject_start))
                    && subject_end.is_none() =>
            {
                match (j + 1..(j + 6).min(end)).find(|&k| matches!(words.items[k].kind, Kind::Punct(')'))) {
                    Some(close) => {
                        j = close + 1;
                        continue;
                    }
                    None => {
                        subject_end = Some(j);
                    }
                }
            }
            // A subject NP ends at a semicolon or a parenthesis (`جميل البقعاوي؛ رئيس …`).
            Kind::Punct('؛' | ';' | '(' | ')') => {
                subject_end.get_or_insert(j);
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
                // After a subject, only a titled spokesman takes over (`الحكومة على لسان
                // المتحدثة باسمها`), not go-betweens (`المدربين على لسان بعض الوسطاء`).
                let spokesman = j == subject_start || lexicon::is_title_word(ctx.norm(j + 2));
                if ((norm == "علي" && next == "لسان" && spokesman)
                    || (norm == "نقلا" && next == "عن"))
                    && subject_end.is_none()
                {
                    subject_start = j + 2;
                    j += 2;
                    continue;
                }
                // `أكد الأمير X أهمية الأنشطة … على أن تضم`: a noun object after the subject;
                // the clause after it is a condition, not the report.
                if j > subject_start
                    && matches!(norm, "اهميه" | "ضروره" | "وجوب")
                    && !ctx.previous_word(j).is_some_and(lexicon::is_preposition)
                    && cue.form != CueForm::Masdar
                {
                    return None;
                }
                // `وأكد خلال كلمة ألقاها على أهمية مشاركة المواطنين … وأن يكون`: a noun
                // object after an adverbial; a later `وأن` is coordinated with it.
                if lexicon::is_object_preposition(norm)
                    && lexicon::is_object_noun(next)
                    && next != "الله"
                    && cue.form != CueForm::Masdar
                {
                    return None;
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
                    // `وأعرب الوزير عن أمله في أن`
                    if let Some(c) = stance_clause(ctx, j + 1).filter(|_| governed) {
                        subject_end.get_or_insert(j);
                        term = Term::Complementizer(c, c + 1);
                        break;
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
                let temporal_after_subject =
                    j > subject_start && lexicon::is_temporal(norm) && !crate::subject::number_in_name(ctx, j, subject_start);
                // `أكدت تزامناً مع الغارات، أنها`: an adverb with tanween right after the verb;
                // the subject stood before it.
                if j == subject_start && subject_end.is_none() && ctx.text_of(j).ends_with("اً") {
                    subject_end = Some(j);
                }
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
                // After an adverbial that closed the subject (`وأوضح الجاسر خلال أمسية …
                // نظمها … وأدارها …، أن`), the clause may run long before its complementizer.
                // A named subject: a title, a name of the entity stage, or one word shaped like
                // a surname (`وأوضح الجاسر`), not an organization or document (`وبينت الدراسة`).
                let surname = |k: usize| {
                    let w = ctx.norm(k);
                    w.starts_with("ال") && w.chars().count() >= 5 && !lexicon::is_org_head(w) && !lexicon::is_title_word(w)
                };
                let named_subject = subject_end.is_some_and(|e| {
                    (subject_start..e).any(|k| {
                        words.is_word(k)
                            && (lexicon::is_title_word(ctx.norm(k))
                                || ctx.names_overlap(words.items[k].span)
                                || ctx.person_words.contains(ctx.norm(k)))
                    }) || (e == subject_start + 1 && words.is_word(subject_start) && surname(subject_start))
                });
                let limit = if named_subject { 60 } else { 25 };
                if words_seen > limit {
                    break;
                }
            }
        }
        j += 1;
    }
    // `ووصفت روايته «…»`: what a description names in marks is a label, not speech.
    if lexicon::describes(ctx.norm(i)) && !matches!(term, Term::Complementizer(..)) {
        return None;
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
                // `وأكد أهمية «متابعة …»`: an abstract noun after the verb is its object.
                Some((s, _)) if lexicon::is_object_noun(ctx.norm(s)) => Subject::Dropped,
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
