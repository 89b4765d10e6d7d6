//! The words of a text with what every cue and subject decision looks up: sentence bounds,
//! marked spans, cues and the entity stage's names, each computed once in a linear pass.

use isnad_core::Span;

use crate::lexicon::{self, Cue, CueForm};
use crate::marks::{self, Marked};
use crate::text::{Kind, Words};

/// Items of the text with their sentence and mark context, precomputed in linear passes.
pub struct Context<'w> {
    pub words: &'w Words,
    pub(crate) marked: Vec<Marked>,
    /// For each item, the marked span it lies inside (index into `marked`).
    pub(crate) inside: Vec<Option<u32>>,
    /// For each item, the marked span opening at it.
    pub(crate) opening: Vec<Option<u32>>,
    /// For each item, the index of the item ending its sentence (or `len`).
    pub(crate) sentence_end: Vec<u32>,
    /// For each item, the first item of its sentence.
    pub(crate) sentence_start: Vec<u32>,
    /// For each item, the index of the break ending its paragraph (or `len`).
    pub(crate) paragraph_end: Vec<u32>,
    /// Spans of person and organization names from the entity stage.
    pub names: Vec<Span>,
    /// Starts of every name the entity stage found (places too), sorted: a word starting
    /// one is no addressee (`وأعلن لبنان أن`).
    pub name_starts: Vec<usize>,
    /// The lexicon's cue for each word, looked up once.
    pub(crate) cues: Vec<Option<Cue>>,
    /// Normalized words of the persons' names the entity stage found (`جاسر`, `الجاسر`): a
    /// surname alone is a subject even where the stage did not tag it.
    pub person_words: lexicon::FastSet<String>,
    /// The original text, for what folding loses (tanween, which marks adverbs).
    text: &'w str,
}

impl<'w> Context<'w> {
    pub fn new(text: &'w str, words: &'w Words) -> Self {
        let n = words.len();
        let marked = marks::pair(text, words);
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
            name_starts: Vec::new(),
            cues,
            person_words: Default::default(),
            text,
        }
    }

    pub(crate) fn norm(&self, i: usize) -> &str {
        self.words.norm(i)
    }

    /// The original text of item `i`.
    pub(crate) fn text_of(&self, i: usize) -> &'w str {
        let span = self.words.items[i].span;
        &self.text[span.start..span.end]
    }

    /// The lexicon's cue for the word at `i`, whatever its context.
    pub fn lexicon_cue(&self, i: usize) -> Option<Cue> {
        self.cues.get(i).copied().flatten()
    }

    /// Whether a name of the entity stage overlaps `span` (`names` sorted by start).
    pub(crate) fn names_overlap(&self, span: Span) -> bool {
        const LONGEST: usize = 256;
        let first = self
            .names
            .partition_point(|n| n.start + LONGEST < span.start);
        self.names[first..]
            .iter()
            .take_while(|n| n.start < span.end)
            .any(|n| n.overlaps(span))
    }

    /// Whether a name of the entity stage (of any kind) starts at byte `start`.
    pub(crate) fn names_start_at(&self, start: usize) -> bool {
        self.name_starts.binary_search(&start).is_ok()
    }

    pub(crate) fn sentence_end(&self, i: usize) -> usize {
        self.sentence_end
            .get(i)
            .map_or(self.words.len(), |&e| e as usize)
    }

    pub fn sentence_start(&self, i: usize) -> usize {
        self.sentence_start.get(i).map_or(0, |&s| s as usize)
    }

    pub(crate) fn paragraph_end(&self, i: usize) -> usize {
        self.paragraph_end
            .get(i)
            .map_or(self.words.len(), |&e| e as usize)
    }

    pub(crate) fn marked_opening_at(&self, i: usize) -> Option<&Marked> {
        self.opening
            .get(i)
            .copied()
            .flatten()
            .map(|k| &self.marked[k as usize])
    }

    pub(crate) fn inside_marks(&self, i: usize) -> bool {
        self.inside.get(i).is_some_and(|k| k.is_some())
    }

    /// Whether the marks opening at `mark` follow an organization's head or a title word, and
    /// so hold its name (`صحيفة «هندوستان تايمز»`, `بعنوان «…»`), not speech.
    pub(crate) fn names_its_head(&self, mark: usize) -> bool {
        self.previous_word(mark).is_some_and(|p| lexicon::is_org_head(p) || lexicon::introduces_title(p))
    }

    /// The previous word's normalized form, if the previous item is a word.
    pub(crate) fn previous_word(&self, i: usize) -> Option<&str> {
        (i > 0 && self.words.is_word(i - 1)).then(|| self.norm(i - 1))
    }

    /// The cue at `i`, if it is one here: not inside marks, not in a relative clause.
    pub(crate) fn cue_at(&self, i: usize) -> Option<Cue> {
        if !self.words.is_word(i) || self.inside_marks(i) {
            return None;
        }
        let norm = self.norm(i);
        let cue = self.cues.get(i).copied().flatten()?;
        // `بعد أن أكدت X أن`: a past report in a time clause; elsewhere `أن` before a verb
        // makes it a wish or an obligation (`يجب أن يعلن`).
        let time_clause = self.previous_word(i) == Some("ان")
            && i >= 2
            && matches!(self.previous_word(i - 1), Some("بعد" | "قبل" | "منذ" | "وبعد"))
            && !norm.starts_with(['ي', 'ت']);
        if self.previous_word(i).is_some_and(lexicon::blocks_cue) && !time_clause {
            return None;
        }
        // `ولا أعتقد أن`: `لا` negates a present verb, so a form in ا (a past verb otherwise)
        // is the writer's own `أ…`, not a source's words.
        if norm.starts_with('ا') && self.previous_word(i).is_some_and(|p| p == "لا" || p == "ولا") {
            return None;
        }
        if cue.needs_clause_start {
            let conjoined = norm.starts_with('و') || norm.starts_with('ف');
            // (A closing quotation mark is no clause boundary: `قمة "كامب ديفيد" بين الرئيس …`.)
            let after_punct = i == 0 || (!self.words.is_word(i - 1) && !self.words.is_mark(i - 1));
            let after_opener = self
                .previous_word(i)
                .is_some_and(|p| matches!(p, "كما" | "فيما" | "و" | "ثم" | "حيث" | "بينما" | "اذ" | "حين") || lexicon::turns_to_speaker(p));
            if !(conjoined || after_punct || after_opener) {
                return None;
            }
            // `بينه وبين زوجته`: the second half of "between … and …".
            let start = self.sentence_start(i);
            if conjoined && (start.max(i.saturating_sub(5))..i).any(|k| self.words.is_word(k) && self.norm(k).starts_with("بين")) {
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
    pub(crate) fn next_word(&self, i: usize) -> Option<usize> {
        let end = self.sentence_end(i.min(self.words.len().saturating_sub(1)));
        (i..end.min(self.words.len())).find(|&k| self.words.is_word(k))
    }

    pub(crate) fn is_complementizer(&self, i: usize) -> bool {
        self.words.is_word(i)
            && lexicon::complementizer(self.norm(i)).is_some()
            && !self
                .previous_word(i)
                .is_some_and(lexicon::blocks_complementizer)
            // `وقال بان كي مون إن`: `بان` folds like `بأن`, but starts a name.
            && !self.names_start_at(self.words.items[i].span.start)
            && !(self.norm(i) == "بان" && self.norm(i + 1) == "كي")
    }
}
