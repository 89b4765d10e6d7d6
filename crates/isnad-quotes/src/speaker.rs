//! Speakers: from the subject phrase of a cue to an entity, and from a dropped subject to
//! the previous speaker that agrees with the cue.
//!
//! Entities found by the entity stage win (a person's mention inside the phrase, or an
//! organization or outlet heading it); a phrase they do not cover is matched by name to the
//! speakers seen so far (`روتي` → `مارك روتي`), then by its title (`الأمين العام للحلف`),
//! and otherwise becomes an entity of its own.

mod clauses;
mod names;

use isnad_core::{Entity, EntityLabel, Mention, MentionKind, Span, Speaker};

pub(crate) use names::clean_name;

use crate::detect::{Context, Found, Subject};
use crate::lexicon;
use crate::phrase::{gender_of, strip_article, Gender, MentionIndex};
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
    pub fn new(text: &'c str, ctx: &'c Context<'w>, entities: Vec<Entity>, bylines: &[Span]) -> Self {
        let next_id = entities
            .iter()
            .filter_map(|e| e.id.strip_prefix('E').and_then(|n| n.parse::<usize>().ok()))
            .max()
            .unwrap_or(0)
            + 1;
        let from_stage = entities.len();
        let index = MentionIndex::new(&entities, bylines);
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
                if let Some(entity) = self.participle_subject(found.position) {
                    return (Some(self.speaker(entity, None)), 0.9);
                }
                if let Some((entity, mention)) = self.sentence_subject(found.position, agreement) {
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
        // What is left of a name past a place (`ميديا» الكندية`) starts at a word, and a
        // lone nationality adjective is no name.
        let name = self
            .name_in(s, e)
            .map(|n| self.past_stage_names(n))
            .and_then(|n| words_within(self.text, n))
            .filter(|n| !nisba_adjective(n.slice(self.text)));
        let stage_entity = self.stage_entity_of(s, e, span, name);
        // A person named elsewhere in the phrase (`مركز الملك سلمان`) is a genitive, not
        // the speaker, when the phrase has a name of its own the entity stage missed.
        // A person named at the phrase's start is its head (`آلاء كتبي، عشرينية …، درست (…):`).
        let stage_entity = stage_entity.filter(|&k| {
            let covers_name =
                |n: Span| self.entities[k].mentions.iter().any(|m| m.span.overlaps(n));
            // (A title the entity stage linked to a person is no name: `الأستاذ` linked to
            // `أحمد` before `الأستاذ علي بن محمد العمير`.)
            // (Nor is a lone title word the stage took for a name: `أمين` in `أمين مجلس شباب
            // منطقة الباحة وليد الخاطر`.)
            let at_start = self.entities[k].mentions.iter().any(|m| {
                m.span.start == span.start
                    && m.kind != MentionKind::Title
                    && !lexicon::is_title_word(&normalize(m.span.slice(self.text)))
            });
            self.entities[k].label != EntityLabel::Per || at_start || name.is_none_or(covers_name)
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
                    // `هذا المسؤول`: one title word a demonstrative points back with.
                    let pointed = s > 0 && words.is_word(s - 1) && matches!(words.norm(s - 1), "هذا" | "هذه");
                    self.by_title(&phrase_words, head, pointed)
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
        // `أمانة سوق عكاظ`, `مكتب الأمم المتحدة …`: a body of an organization is a speaker
        // of its own; behind a document or outlet (`تقرير لموقع K24`) the organization speaks.
        let head_is_org = words.is_word(s)
            && lexicon::is_org_head(words.norm(s))
            && !lexicon::is_body_head(words.norm(s));
        let near_head = words
            .items
            .get((s + 3).min(e.saturating_sub(1)))
            .map_or(span.end, |w| w.span.end);
        // (score, entity, mention start): the highest score, then the earliest mention.
        let mut best: Option<(u8, usize, usize)> = None;
        for m in self.index.overlapping(span) {
            let k = m.entity;
            // A person's title the entity stage hung on a place is no place's mention.
            if m.kind == MentionKind::Title && self.entities[k].label == EntityLabel::Loc {
                continue;
            }
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
                    // A nationality adjective of the NP (`شركة «X» الكندية`) names no one.
                    EntityLabel::Org | EntityLabel::Misc
                        if head_is_org
                            && !head_is_person_title
                            && m.span.start < near_head
                            && !nisba_adjective(m.span.slice(self.text)) =>
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
                    // `مصادر ميدانية`: after an unnamed source comes its adjective, not a name.
                    let after_source = k > s
                        && words.is_word(k - 1)
                        && matches!(words.norm(k - 1), "مصادر" | "مصدر" | "مسؤول" | "مسؤولون" | "شهود" | "سكان" | "خبراء" | "محللون");
                    // `ماجد بن علي النعيمي`: `علي` after `بن` is a name, not `على`.
                    let in_lineage = run.is_some()
                        && k > s
                        && matches!(words.norm(k - 1), "بن" | "بنت" | "ابو" | "ابن" | "عبد");
                    let function = function && !in_lineage;
                    // `بنهاية العام 2014م`: a number is no name.
                    let numeric = w.starts_with(|c: char| c.is_ascii_digit());
                    if function || title || possessive || numeric || lexicon::is_temporal(w) {
                        runs.extend(run.take());
                    } else if let Some(r) = run.as_mut() {
                        r.1 = k + 1;
                    } else if !(article
                        || after_source
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

    /// A speaker seen before, or an entity, whose name holds this name's words (`روتي`).
    pub(super) fn by_name(&mut self, name: Span) -> Option<usize> {
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
    fn by_title(&self, phrase: &[String], head: &str, pointed: bool) -> Option<usize> {
        let head = strip_article(head);
        if lexicon::is_honorific_pronoun(head, true) {
            return self.history.last().map(|s| s.entity);
        }
        if !lexicon::is_title_word(head) || lexicon::is_org_head(head) || (phrase.len() < 2 && !pointed) {
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

/// One word with the article and a nisba ending (`الكندية`, `الأسباني`): an adjective.
fn nisba_adjective(text: &str) -> bool {
    let n = normalize(text);
    !n.contains(' ')
        && n.starts_with("ال")
        && n.chars().count() >= 5
        && (n.ends_with("يه") || n.ends_with('ي'))
}

/// `span` without the marks, punctuation and spaces at its edges; `None` if nothing is left.
fn words_within(text: &str, span: Span) -> Option<Span> {
    let inner = span.get(text)?;
    let lead = inner.len() - inner.trim_start_matches(|c: char| !is_word_char(c)).len();
    let trimmed = inner.trim_matches(|c: char| !is_word_char(c));
    (!trimmed.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + trimmed.len()))
}
