//! Speakers: from the subject phrase of a cue to an entity, and from a dropped subject to
//! the previous speaker that agrees with the cue.
//!
//! Entities found by the entity stage win (a person's mention inside the phrase, or an
//! organization or outlet heading it); a phrase they do not cover is matched by name to the
//! speakers seen so far (`روتي` → `مارك روتي`), then by its title (`الأمين العام للحلف`),
//! and otherwise becomes an entity of its own.

use isnad_core::{Entity, EntityLabel, Mention, MentionKind, Span, Speaker};

use crate::detect::{Context, Found, Subject};
use crate::lexicon::{self, Agreement};
use crate::phrase::{gender_of, name_like, strip_article, Gender, MentionIndex};
use crate::subject::trim_phrase;
use crate::text::{is_word_char, normalize, Kind};

struct Seen {
    entity: usize,
    gender: Gender,
    /// Normalized words of the phrase that introduced it, for title matching.
    phrase: Vec<String>,
    position: usize,
}

pub struct Resolver<'c, 'w> {
    text: &'c str,
    ctx: &'c Context<'w>,
    entities: Vec<Entity>,
    /// Entities up to this index come from the entity stage.
    from_stage: usize,
    index: MentionIndex,
    /// Entities by the normalized words (and joined word pairs) of their canonical name.
    by_word: lexicon::FastMap<String, Vec<usize>>,
    next_id: usize,
    history: Vec<Seen>,
    /// Entities whose one-word name was already looked up in full.
    expanded: Vec<usize>,
    /// Where the content of the quotes resolved so far ends (a byte offset): the words of
    /// a quote are no clause of the narrative.
    quoted_until: usize,
}

impl<'c, 'w> Resolver<'c, 'w> {
    pub fn new(text: &'c str, ctx: &'c Context<'w>, entities: Vec<Entity>) -> Self {
        let next_id = entities
            .iter()
            .filter_map(|e| e.id.strip_prefix('E').and_then(|n| n.parse::<usize>().ok()))
            .max()
            .unwrap_or(0)
            + 1;
        let from_stage = entities.len();
        let index = MentionIndex::new(&entities);
        let mut resolver = Resolver {
            text,
            ctx,
            entities,
            from_stage,
            index,
            by_word: Default::default(),
            next_id,
            history: Vec::new(),
            expanded: Vec::new(),
            quoted_until: 0,
        };
        for k in 0..from_stage {
            if resolver.entities[k].label.is_name() {
                resolver.index_name(k);
            }
        }
        resolver
    }

    fn index_name(&mut self, entity: usize) {
        let n = normalize(&self.entities[entity].canonical);
        let words: Vec<&str> = n.split(' ').collect();
        let pairs = words.windows(2).map(|w| format!("{}{}", w[0], w[1]));
        for key in words.iter().map(|w| (*w).to_owned()).chain(pairs) {
            let list = self.by_word.entry(key).or_default();
            if !list.contains(&entity) {
                list.push(entity);
            }
        }
    }

    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    /// Whether speakers were added as entities of their own.
    pub fn added_entities(&self) -> bool {
        self.entities.len() > self.from_stage
    }

    /// The speaker of a found quote and a factor for its confidence.
    pub fn resolve(&mut self, found: &Found) -> (Option<Speaker>, f32) {
        let resolved = self.resolve_subject(found);
        self.quoted_until = self.quoted_until.max(found.content.end);
        resolved
    }

    fn resolve_subject(&mut self, found: &Found) -> (Option<Speaker>, f32) {
        match found.subject {
            Subject::Phrase(s, e) => match self.phrase(s, e, found.position) {
                Some((entity, mention)) => (Some(self.speaker(entity, Some(mention))), 1.0),
                None => (None, 0.6),
            },
            Subject::Dropped => {
                let agreement = found.agreement;
                if let Some((entity, mention)) = self.sentence_subject(found.position) {
                    return (Some(self.speaker(entity, mention)), 0.9);
                }
                if let Some(entity) = self.clause_subject(found.position, agreement) {
                    return (Some(self.speaker(entity, None)), 0.85);
                }
                let compatible = self
                    .history
                    .iter()
                    .rev()
                    .take(12)
                    .find(|s| agreement.is_none_or(|a| s.gender.agrees(a)))
                    .or(self.history.last());
                match compatible {
                    Some(s) => {
                        let (entity, gender) = (s.entity, s.gender);
                        self.remember(entity, gender, Vec::new(), found.position);
                        (Some(self.speaker(entity, None)), 0.9)
                    }
                    None => (None, 0.6),
                }
            }
        }
    }

    fn speaker(&mut self, entity: usize, mention: Option<Span>) -> Speaker {
        // Each look-up scans the article: a bounded number keeps long documents linear.
        if self.expanded.len() < 24 && !self.expanded.contains(&entity) {
            self.expanded.push(entity);
            self.expand_surname(entity);
            self.expand_lineage(entity);
        }
        let e = &self.entities[entity];
        Speaker {
            name: clean_name(&e.canonical),
            entity: Some(e.id.clone()),
            mention,
        }
    }

    /// A person known by one word (`نابوت`) is named in full somewhere in the article
    /// (`الباراجوياني "خوان أنخل نابوت"`): the most complete name is the canonical one.
    fn expand_surname(&mut self, entity: usize) {
        let e = &self.entities[entity];
        // Descriptions (`الهكرز`) have no fuller name; places are not people.
        let described = e.mentions.iter().all(|m| m.kind == MentionKind::Title);
        if described
            || e.label == EntityLabel::Loc
            || e.canonical.contains(' ')
            || e.canonical.chars().count() < 3
        {
            return;
        }
        let surname = normalize(&e.canonical);
        let words = self.ctx.words;
        let mut best: Option<Span> = None;
        let mut seen = 0;
        for k in 1..words.len() {
            if seen >= 8 {
                break;
            }
            if !words.is_word(k) || words.norm(k) != surname {
                continue;
            }
            seen += 1;
            let mut first = k;
            while first > 0
                && k - first < 3
                && words.is_word(first - 1)
                && name_like(words.norm(first - 1))
                && !self.covered_by_place_or_org(words.items[first - 1].span)
            {
                first -= 1;
            }
            if first == k {
                continue;
            }
            // The run must begin a name: after a title, a mark or punctuation, or be a person
            // the entity stage found.
            let opener = first == 0
                || !words.is_word(first - 1)
                || lexicon::is_title_word(words.norm(first - 1));
            // `وقدم الهكرز`: a conjoined verb, not a given name, unless the tagger says so.
            let conjoined = words.norm(first).starts_with('و');
            let span = Span::new(words.items[first].span.start, words.items[k].span.end);
            let confirmed = self
                .index
                .overlapping(Span::new(span.start, words.items[k - 1].span.end))
                .any(|m| !m.role && self.entities[m.entity].label == EntityLabel::Per);
            if (opener && !conjoined || confirmed) && best.is_none_or(|b| span.len() > b.len()) {
                best = Some(span);
            }
        }
        if let Some(span) = best {
            self.entities[entity].canonical = clean_name(span.slice(self.text));
            self.index_name(entity);
        }
    }

    /// A dropped subject after a clause that reported nothing (`كما حددت الهيئة X خطوات …`
    /// then `وذكرت أن …`): the subject of the latest verb-first clause since the last
    /// speaker, a name of the entity stage right after a verb that agrees with the cue.
    fn clause_subject(&mut self, position: usize, agreement: Option<Agreement>) -> Option<usize> {
        let words = self.ctx.words;
        let floor = self
            .history
            .last()
            .map_or(0, |s| s.position + 1)
            .max(position.saturating_sub(150));
        for k in (floor..position.min(words.len())).rev() {
            if !words.is_word(k) || !words.is_word(k + 1) || k + 1 >= position {
                continue;
            }
            if words.items[k].span.start < self.quoted_until {
                break;
            }
            if self.ctx.inside_marks(k) {
                continue;
            }
            let verb = words.norm(k);
            let bare = verb
                .strip_prefix('و')
                .or_else(|| verb.strip_prefix('ف'))
                .unwrap_or(verb);
            let clause_start = k == 0
                || !words.is_word(k - 1)
                || verb.len() > bare.len()
                || matches!(
                    words.norm(k - 1),
                    "كما" | "وقد" | "قد" | "فيما" | "ثم" | "بينما"
                );
            if !clause_start
                || bare.chars().count() < 3
                || bare.starts_with("ال")
                || lexicon::is_title_word(verb)
                || lexicon::is_preposition(verb)
                || lexicon::is_temporal(verb)
                || lexicon::is_clause_opener(verb)
                || lexicon::complementizer(verb).is_some()
            {
                continue;
            }
            // A past verb ending in ت, or a present one starting with it, has a feminine
            // (or organization) subject; the cue must agree with the verb.
            let feminine = bare.ends_with('ت') || bare.starts_with('ت');
            let agrees = match agreement {
                Some(Agreement::Feminine) => feminine,
                Some(Agreement::Masculine) => !feminine,
                Some(Agreement::Plural) => false,
                None => true,
            };
            if !agrees {
                continue;
            }
            let start = words.items[k + 1].span.start;
            let stage = self
                .index
                .overlapping(words.items[k + 1].span)
                .find(|m| {
                    !m.role
                        && m.span.start == start
                        && matches!(
                            self.entities[m.entity].label,
                            EntityLabel::Per | EntityLabel::Org
                        )
                })
                .map(|m| m.entity);
            if let Some(entity) = stage {
                let gender = match self.entities[entity].label {
                    EntityLabel::Org => Gender::Collective,
                    _ if feminine => Gender::Feminine,
                    _ => Gender::Masculine,
                };
                self.remember(entity, gender, Vec::new(), position);
                return Some(entity);
            }
            // A title or organization NP the entity stage did not tag (`وأكد مدير عام
            // السجون، على …`).
            // Only after a reporting verb with a noun object: other words before a title
            // (`وشركة`, `وطالبت النقابة كافة …`) are too often no verb of that subject.
            // A title often stands for a speaker named before (`نائب الرئيس`): only with no
            // earlier speaker is it taken as one of its own.
            if self.history.is_empty()
                && self.ctx.lexicon_cue(k).is_some()
                && lexicon::is_title_word(words.norm(k + 1))
            {
                if let Some(entity) = self.title_subject(k + 1, position) {
                    return Some(entity);
                }
            }
        }
        None
    }

    /// The NP of a title or organization at `s` as the subject of a clause: up to a comma,
    /// a preposition, an adverbial or a cue, resolved like a cue's subject.
    fn title_subject(&mut self, s: usize, position: usize) -> Option<usize> {
        let words = self.ctx.words;
        let mut end = s;
        let mut definite = false;
        while end < position && end < s + 8 && words.is_word(end) {
            let w = words.norm(end);
            // A definite NP ends at the first indefinite word (`النقابة كافة المنظمات`).
            let article = w.starts_with("ال") || w.starts_with("لل") || w.starts_with("وال");
            if definite && !article {
                break;
            }
            definite |= article;
            let next = if words.is_word(end + 1) {
                words.norm(end + 1)
            } else {
                ""
            };
            if end > s
                && (lexicon::is_preposition(w)
                    || lexicon::starts_adverbial(w, next)
                    || lexicon::cue(w).is_some()
                    || lexicon::is_temporal(w)
                    || lexicon::is_clause_opener(w)
                    || lexicon::is_relative(w))
            {
                break;
            }
            end += 1;
        }
        let (a, b) = trim_phrase(self.ctx, s, end)?;
        self.phrase(a, b, position).map(|(entity, _)| entity)
    }

    /// A person quoted by a short form (`جميل البقعاوي`) and named in full elsewhere with a
    /// lineage (`جميل بن جار الله البقعاوي`, `… آل …`): the full form is the canonical name.
    fn expand_lineage(&mut self, entity: usize) {
        let e = &self.entities[entity];
        if e.label != EntityLabel::Per {
            return;
        }
        let canonical = normalize(&clean_name(&e.canonical));
        let parts: Vec<&str> = canonical.split(' ').collect();
        let lineage = |w: &str| matches!(w, "بن" | "ابن" | "بنت" | "ال");
        if parts.len() < 2 || parts.iter().any(|w| lineage(w)) {
            return;
        }
        let (first, last) = (parts[0], parts[parts.len() - 1]);
        let words = self.ctx.words;
        let mut best: Option<Span> = None;
        let mut seen = 0;
        for k in 0..words.len() {
            if seen >= 8 {
                break;
            }
            if !words.is_word(k) || words.norm(k) != first {
                continue;
            }
            seen += 1;
            let mut has_lineage = false;
            let mut j = k + 1;
            while j < words.len() && j <= k + 7 && words.is_word(j) {
                let w = words.norm(j);
                has_lineage |= lineage(w);
                if w == last && has_lineage {
                    let span = Span::new(words.items[k].span.start, words.items[j].span.end);
                    if best.is_none_or(|b| span.len() > b.len()) {
                        best = Some(span);
                    }
                    break;
                }
                if lexicon::cue(w).is_some()
                    || lexicon::is_person_title(w)
                    || lexicon::is_preposition(w)
                {
                    break;
                }
                j += 1;
            }
        }
        if let Some(span) = best {
            self.entities[entity].canonical = clean_name(span.slice(self.text));
            self.index_name(entity);
        }
    }

    /// A participle or dropped subject in a sentence with no earlier quote: the sentence's
    /// own subject, found as a person's title or entity before the cue (`ثمّن سمو الأمير X …، مؤكدا`).
    fn sentence_subject(&mut self, position: usize) -> Option<(usize, Option<Span>)> {
        let start = self.ctx.sentence_start(position);
        if self.history.last().is_some_and(|s| s.position >= start) {
            return None;
        }
        // Long sentences: only the words near the cue can hold its subject.
        let start = start.max(position.saturating_sub(60));
        let words = self.ctx.words;
        let limit = words.items.get(position)?.span.start;
        let from = words.items.get(start)?.span.start;
        let sentence = Span::new(from, limit);
        // The subject of the sentence's verb: a name right after it (any name type), else
        // the first person named in the sentence.
        let near_start = words
            .items
            .get((start + 7).min(position))
            .map_or(limit, |w| w.span.start);
        let person = self
            .index
            .overlapping(sentence)
            .filter(|m| !m.role && sentence.contains(m.span))
            .map(|m| (m.span.start, m.entity, self.entities[m.entity].label))
            .filter(|&(s, _, label)| label == EntityLabel::Per || s < near_start)
            .min_by_key(|&(s, _, label)| (s >= near_start, label != EntityLabel::Per, s))
            .map(|(s, k, _)| (s, k));
        let person_near_start =
            person.filter(|&(s, k)| s < near_start && self.entities[k].label == EntityLabel::Per);
        if let Some((_, k)) = person_near_start {
            self.remember(k, Gender::Unknown, Vec::new(), position);
            return Some((k, None));
        }
        let title = (start..position)
            .find(|&k| words.is_word(k) && lexicon::is_person_title(words.norm(k)))
            .or_else(|| {
                // Verb-first sentence with a plural or collective subject (`قلل دبلوماسيون وخبراء …`).
                let k = (start..position).find(|&k| words.is_word(k))? + 1;
                let w = words.norm(k);
                (words.is_word(k)
                    && k < position
                    && w.chars().count() >= 5
                    && (w.ends_with("ون") || w.ends_with("ين")))
                .then_some(k)
            });
        let Some(title) = title else {
            let (_, k) = person?;
            let gender = if self.entities[k].label == EntityLabel::Per {
                Gender::Unknown
            } else {
                Gender::Collective
            };
            self.remember(k, gender, Vec::new(), position);
            return Some((k, None));
        };
        let mut end = title;
        while end < position && words.is_word(end) && end - title < 10 {
            let next = if words.is_word(end + 1) {
                words.norm(end + 1)
            } else {
                ""
            };
            let w = words.norm(end);
            let possessive = w.chars().count() > 4 && (w.ends_with("ته") || w.ends_with("تها"));
            let stop = lexicon::starts_adverbial(w, next)
                || lexicon::cue(w).is_some()
                || lexicon::is_temporal(w)
                || lexicon::is_clause_opener(w)
                || lexicon::is_relative(w)
                || possessive
                || matches!(w, "في" | "الي" | "علي" | "عن" | "من" | "مع");
            if end > title && stop {
                break;
            }
            end += 1;
        }
        if end <= title + 1 {
            return None;
        }
        let (k, _) = self.phrase(title, end, position)?;
        Some((k, None))
    }

    fn remember(&mut self, entity: usize, gender: Gender, phrase: Vec<String>, position: usize) {
        self.history.push(Seen {
            entity,
            gender,
            phrase,
            position,
        });
    }

    /// The entity a subject phrase names, and the phrase's span.
    fn phrase(&mut self, s: usize, e: usize, position: usize) -> Option<(usize, Span)> {
        let words = self.ctx.words;
        let span = Span::new(words.items[s].span.start, words.items[e - 1].span.end);
        let phrase_words: Vec<String> = (s..e)
            .filter(|&k| words.is_word(k))
            .map(|k| strip_article(words.norm(k)).to_owned())
            .collect();
        let head = (s..e)
            .find(|&k| words.is_word(k))
            .map(|k| words.norm(k))
            .unwrap_or("");
        let gender = gender_of(head);
        let name = self.name_in(s, e).map(|n| self.past_stage_names(n));
        let stage_entity = self.stage_entity_of(s, e, span, name);
        // A person named elsewhere in the phrase (`مركز الملك سلمان`) is a genitive, not
        // the speaker, when the phrase has a name of its own the entity stage missed.
        let stage_entity = stage_entity.filter(|&k| {
            let covers_name =
                |n: Span| self.entities[k].mentions.iter().any(|m| m.span.overlaps(n));
            self.entities[k].label != EntityLabel::Per || name.is_none_or(covers_name)
        });
        if let (Some(k), Some(n)) = (stage_entity, name) {
            self.complete_name(k, n);
        }
        if let Some(k) = stage_entity {
            self.complete_organization(k, s, e);
        }
        let entity = stage_entity
            .or_else(|| name.and_then(|n| self.by_name(n)))
            .or_else(|| {
                if name.is_none() {
                    self.by_title(&phrase_words, head)
                } else {
                    None
                }
            })
            // A surname with the article (`الجبير`) is no name run of its own: a person
            // whose name holds it.
            .or_else(|| {
                let single = phrase_words.len() == 1 && !lexicon::is_title_word(head);
                if name.is_none() && single {
                    self.by_name(span)
                        .filter(|&k| self.entities[k].label == EntityLabel::Per)
                } else {
                    None
                }
            })
            .unwrap_or_else(|| self.create(span, name, head));
        let gender = match (gender, self.entities[entity].label) {
            (Gender::Unknown, EntityLabel::Org | EntityLabel::Loc) => Gender::Collective,
            (g, _) => g,
        };
        self.remember(entity, gender, phrase_words, position);
        Some((entity, span))
    }

    /// An entity of the entity stage that the phrase names: a person mentioned in it, or an
    /// organization, place or outlet at its head.
    fn stage_entity_of(&self, s: usize, e: usize, span: Span, name: Option<Span>) -> Option<usize> {
        let words = self.ctx.words;
        let head_is_person_title = words.is_word(s)
            && lexicon::is_title_word(words.norm(s))
            && !lexicon::is_org_head(words.norm(s));
        let head_is_org = words.is_word(s) && lexicon::is_org_head(words.norm(s));
        let near_head = words
            .items
            .get((s + 3).min(e.saturating_sub(1)))
            .map_or(span.end, |w| w.span.end);
        // (score, entity, mention start): the highest score, then the earliest mention.
        let mut best: Option<(u8, usize, usize)> = None;
        for m in self.index.overlapping(span) {
            let k = m.entity;
            if m.role {
                if self.entities[k].label == EntityLabel::Per && best.is_none() {
                    best = Some((1, k, span.end));
                }
                continue;
            }
            {
                let score = match self.entities[k].label {
                    EntityLabel::Per if name.is_some_and(|n| n.overlaps(m.span)) => 4,
                    EntityLabel::Per if m.kind != MentionKind::Title => 3,
                    EntityLabel::Per => 1,
                    _ if m.span.start <= words.items[s].span.start => 2,
                    // `تقرير لموقع K24`: an outlet or organization behind a document; a place
                    // there is where it happened, not who speaks.
                    EntityLabel::Org | EntityLabel::Misc
                        if head_is_org && !head_is_person_title && m.span.start < near_head =>
                    {
                        2
                    }
                    _ => 0,
                };
                if score > 0
                    && best.is_none_or(|(b, _, start)| {
                        score > b || (score == b && m.span.start < start)
                    })
                {
                    best = Some((score, k, m.span.start));
                }
            }
        }
        best.map(|(_, k, _)| k)
    }

    /// The personal name inside a subject phrase: the last run of words that are neither
    /// titles, nor genitive or prepositional words, nor start with the article.
    fn name_in(&self, s: usize, e: usize) -> Option<Span> {
        let words = self.ctx.words;
        // Runs of name-like words: (first, end, preceded by a comma, preceded by a title).
        let mut runs: Vec<(usize, usize, bool, bool)> = Vec::new();
        let mut run: Option<(usize, usize, bool, bool)> = None;
        let mut after_function = false;
        let mut after_comma = false;
        let mut after_title = false;
        let mut after_org = false;
        let mut institution = false;
        for k in s..e {
            let item = &words.items[k];
            match item.kind {
                Kind::Word => {
                    let w = words.norm(k);
                    // Prepositional words (`لمركز`, `بسجون`); names that start with ب or ل
                    // are left to the entity stage.
                    // `المتحدثة باسمها هدى`: `باسمها` belongs to the title; after a bare
                    // `باسم` comes the organization (`ناطق باسم فرق الإطفاء`).
                    let on_behalf = matches!(w, "باسمه" | "باسمها" | "باسمهم");
                    let function = !on_behalf
                        && (matches!(w, "في" | "من" | "عن" | "علي" | "الي" | "مع" | "لدي" | "عند")
                            || (w.starts_with('ل')
                                && w.chars().count() > 3
                                && !w.starts_with("لو"))
                            || (w.starts_with('ب')
                                && w.chars().count() > 3
                                && !w.starts_with("بن")
                                && !self.stage_person_at(item.span)));
                    let title = on_behalf || lexicon::is_title_word(w) || lexicon::cue(w).is_some();
                    let article = w.starts_with("ال") || w.starts_with("وال");
                    let common_plural =
                        w.chars().count() >= 6 && (w.ends_with("ون") || w.ends_with("يين"));
                    // A possessive (`سعادته`, `رضاه`) is no part of a name.
                    let possessive = w.chars().count() > 4
                        && (w.ends_with("ته") || w.ends_with("تها") || w.ends_with("اه"))
                        || matches!(
                            w,
                            "اسمه"
                                | "اسمها"
                                | "اسمهم"
                                | "هويته"
                                | "هويتها"
                                | "نفسه"
                                | "نفسها"
                        );
                    // `ماجد بن علي النعيمي`: `علي` after `بن` is a name, not `على`.
                    let in_lineage = run.is_some()
                        && k > s
                        && matches!(words.norm(k - 1), "بن" | "بنت" | "ابو" | "ابن" | "عبد");
                    let function = function && !in_lineage;
                    if function || title || possessive || lexicon::is_temporal(w) {
                        runs.extend(run.take());
                    } else if let Some(r) = run.as_mut() {
                        r.1 = k + 1;
                    } else if !(article
                        || common_plural
                        || w == "و"
                        || after_function
                        || institution
                        || after_org && w.ends_with('ه'))
                    {
                        // A run right after a preposition is a place or genitive, not the name.
                        run = Some((k, k + 1, after_comma, after_title));
                    }
                    // Only a bare preposition puts a place after it (`في افغانستان`); a
                    // genitive title may end right before the name (`النائب العام للدولة سالم`).
                    after_function = function && (lexicon::is_preposition(w) || w == "باسم");
                    // `مركز الملك سلمان`, `مدينة الملك فهد`: a name after an organization and a
                    // royal title names the institution.
                    institution = (after_org || institution && !function)
                        && title
                        && !lexicon::is_org_head(w);
                    after_title = title && !lexicon::is_org_head(w);
                    // `دراسة صغيرة`: an adjective agreeing with an organization or document.
                    after_org = lexicon::is_org_head(w);
                    after_comma = false;
                }
                Kind::Punct('،' | ',') => {
                    runs.extend(run.take());
                    after_comma = true;
                }
                _ => {}
            }
        }
        runs.extend(run.take());
        let last_word = (s..e).rev().find(|&k| words.is_word(k)).unwrap_or(s);
        let span_of =
            |a: usize, b: usize| Span::new(words.items[a].span.start, words.items[b - 1].span.end);
        // The name opens the phrase (`رأفت الصباغ المتحدث …`), closes it after a title or a
        // comma (`مدير فرع الوزارة، حامد العازمي`), follows a title, and has two words or more.
        // A run in the middle of the phrase with nothing else for it is more likely a clause
        // (`مصادر مطلعة، رفضت الكشف عن هويتها`) unless the entity stage calls it a person.
        runs.into_iter()
            .filter(|&(a, b, ..)| !self.covered_by_place_or_org(span_of(a, b)))
            .map(|(a, b, comma, titled)| {
                let score = 2 * u8::from(a == s)
                    + 2 * u8::from(b > last_word)
                    + u8::from(comma)
                    + u8::from(titled)
                    + u8::from(words.count_words(a, b) >= 2)
                    + 3 * u8::from(self.stage_person_at(span_of(a, b)));
                (score, std::cmp::Reverse(a), a, b)
            })
            .filter(|&(score, ..)| score >= 3)
            .max()
            .map(|(_, _, a, b)| span_of(a, b))
    }

    fn stage_person_at(&self, span: Span) -> bool {
        self.index.overlapping(span).any(|m| {
            !m.role
                && m.kind == MentionKind::Name
                && self.entities[m.entity].label == EntityLabel::Per
        })
    }

    /// Whether a stage entity other than a person covers all of `span` (`منطقة القصيم`).
    fn covered_by_place_or_org(&self, span: Span) -> bool {
        self.index.overlapping(span).any(|m| {
            !m.role && self.entities[m.entity].label != EntityLabel::Per && m.span.contains(span)
        })
    }

    /// A name run that starts with a place or organization the entity stage found
    /// (`إقليم كاتالونيا ارثور ماس`) starts after it.
    fn past_stage_names(&self, name: Span) -> Span {
        let mut start = name.start;
        for m in self.index.overlapping(name) {
            if !m.role
                && self.entities[m.entity].label != EntityLabel::Per
                && m.span.start <= start
                && m.span.end > start
                && m.span.end < name.end
            {
                start = m.span.end;
            }
        }
        let rest = &self.text[start..name.end];
        let skipped = rest.len() - rest.trim_start().len();
        Span::new(start + skipped, name.end)
    }

    /// Makes a name written in full in the subject phrase the entity's canonical name when
    /// it holds the canonical one (`رامي عبد` → `رامي عبد الرحمن`).
    fn complete_name(&mut self, entity: usize, name: Span) {
        let full = normalize(name.slice(self.text));
        let canonical = normalize(&self.entities[entity].canonical);
        // Whatever label the entity stage gave it (a person tagged MISC or ORG is still named
        // in full here), places aside.
        if full.len() > canonical.len()
            && full.contains(&canonical)
            && self.entities[entity].label != EntityLabel::Loc
        {
            self.entities[entity].canonical = clean_name(name.slice(self.text));
            self.index_name(entity);
        }
    }

    /// An organization the entity stage cut short (`الهيئة السعودية` of `الهيئة السعودية
    /// للمهندسين`): its NP in the subject phrase, with the adjectives and the genitive or
    /// ل-phrase after the mention, is its canonical name.
    fn complete_organization(&mut self, entity: usize, s: usize, e: usize) {
        let words = self.ctx.words;
        if self.entities[entity].label == EntityLabel::Per || !words.is_word(s) {
            return;
        }
        let head = words.norm(s);
        if !lexicon::is_org_head(head) {
            return;
        }
        let phrase_start = words.items[s].span.start;
        let Some(mention) = self.entities[entity]
            .mentions
            .iter()
            .map(|m| m.span)
            .filter(|m| m.start == phrase_start)
            .max_by_key(|m| m.len())
        else {
            return;
        };
        let Some(mut k) = (s..e).find(|&k| words.items[k].span.start >= mention.end) else {
            return;
        };
        let np_start = k;
        while k < e && words.is_word(k) {
            let w = words.norm(k);
            let article = w.starts_with("ال") || w.starts_with("وال") || w.starts_with("لل");
            let stop = !article
                || lexicon::is_temporal(w)
                || lexicon::starts_adverbial(w, "")
                || lexicon::is_person_title(w)
                || lexicon::cue(w).is_some();
            if stop {
                break;
            }
            k += 1;
        }
        if k == np_start || words.count_words(s, k) > 8 {
            return;
        }
        let full = Span::new(phrase_start, words.items[k - 1].span.end);
        let canonical = normalize(&self.entities[entity].canonical);
        let extended = normalize(full.slice(self.text));
        if extended.len() > canonical.len() && extended.contains(&canonical) {
            self.entities[entity].canonical = clean_name(full.slice(self.text));
            self.index_name(entity);
        }
    }

    /// A speaker seen before, or an entity, whose name holds this name's words (`روتي`).
    fn by_name(&mut self, name: Span) -> Option<usize> {
        let n = normalize(name.slice(self.text));
        let n_words: Vec<&str> = n.split(' ').filter(|w| w.chars().count() >= 3).collect();
        if n_words.is_empty() {
            return None;
        }
        let compact_n: String = n.split(' ').collect();
        let mut candidates: Vec<usize> = n_words
            .iter()
            .filter_map(|w| self.by_word.get(*w))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut found = None;
        for k in candidates {
            let entity = &self.entities[k];
            if !entity.label.is_name() {
                continue;
            }
            let c: String = normalize(&entity.canonical).split(' ').collect();
            if n_words.iter().all(|w| c.contains(w)) {
                found = Some(k);
                break;
            }
            if k >= self.from_stage && !c.is_empty() && compact_n.contains(&c) {
                // The new name is the more complete one.
                self.entities[k].canonical = clean_name(name.slice(self.text));
                self.index_name(k);
                found = Some(k);
                break;
            }
        }
        let k = found?;
        if k >= self.from_stage {
            self.entities[k].mentions.push(Mention {
                span: name,
                kind: MentionKind::Name,
            });
        }
        Some(k)
    }

    /// A titled phrase with no name (`الأمين العام للحلف`, `سموه`): the last speaker whose
    /// phrase shares its title.
    fn by_title(&self, phrase: &[String], head: &str) -> Option<usize> {
        let head = strip_article(head);
        if matches!(head, "سموه" | "معاليه" | "فضيلته" | "سعادته") {
            return self.history.last().map(|s| s.entity);
        }
        if !lexicon::is_title_word(head) || lexicon::is_org_head(head) || phrase.len() < 2 {
            return None;
        }
        self.history
            .iter()
            .rev()
            .take(50)
            .find(|s| s.phrase.iter().any(|w| w == head))
            .map(|s| s.entity)
    }

    fn create(&mut self, span: Span, name: Option<Span>, head: &str) -> usize {
        let label = if lexicon::is_org_head(head) {
            EntityLabel::Org
        } else if name.is_some() || lexicon::is_title_word(head) {
            EntityLabel::Per
        } else {
            EntityLabel::Misc
        };
        let (canonical_span, kind) = match name {
            Some(n) => (n, MentionKind::Name),
            None => (span, MentionKind::Title),
        };
        let id = format!("E{}", self.next_id);
        self.next_id += 1;
        self.entities.push(Entity {
            id,
            label,
            canonical: clean_name(canonical_span.slice(self.text)),
            mentions: vec![Mention {
                span: canonical_span,
                kind,
            }],
            roles: Vec::new(),
            value: None,
        });
        let k = self.entities.len() - 1;
        self.index_name(k);
        k
    }
}

/// A name without the stray words a tagger may leave at its edges (`جيمس كلابر رأى`,
/// `عوض آل رشيد لـ`): cues, prepositions, time words and letters cut from a word.
/// Quotation marks and punctuation never belong to a name (`الاقتصادية" الدكتور`, `X؛`).
pub(crate) fn clean_name(name: &str) -> String {
    let owned: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !is_word_char(c))
                .chars()
                .filter(|&c| is_word_char(c) || c == '-' || c == '.' || c == '\'')
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    let stray = |w: &str| {
        let n = normalize(w);
        n.chars().count() <= 1
            || lexicon::cue(&n).is_some()
            || lexicon::is_preposition(&n)
            || lexicon::is_temporal(&n)
            || lexicon::is_clause_opener(&n)
            || w.ends_with('ـ')
    };
    let first = words.iter().position(|w| !stray(w)).unwrap_or(words.len());
    let last = words
        .iter()
        .rposition(|w| !stray(w))
        .map_or(first, |l| l + 1);
    if first >= last {
        return words.join(" ");
    }
    words[first..last].join(" ")
}
