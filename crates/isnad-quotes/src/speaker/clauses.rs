//! Subjects of dropped-subject cues outside quotes: the subject of the sentence the cue
//! stands in, and of the latest verb-first clause before it that reported nothing.

use isnad_core::{EntityLabel, MentionKind, Span};

use super::Resolver;
use crate::lexicon::{self, Agreement, CueForm};
use crate::phrase::Gender;
use crate::subject::trim_phrase;

impl Resolver<'_, '_> {
    /// A dropped subject after a clause that reported nothing (`كما حددت الهيئة X خطوات …`
    /// then `وذكرت أن …`): the subject of the latest verb-first clause since the last
    /// speaker, a name of the entity stage right after a verb that agrees with the cue.
    pub(super) fn clause_subject(
        &mut self,
        position: usize,
        agreement: Option<Agreement>,
    ) -> Option<usize> {
        let words = self.ctx.words;
        // Before the first speaker, the article's lead may hold the subject however long the
        // details after it (`أعلنت الإدارة العامة للتعليم عن وظائف …` and a list, then
        // `وأوضحت أنه`).
        let floor = match self.history.last() {
            Some(s) => (s.position + 1).max(position.saturating_sub(150)),
            None => position.saturating_sub(400),
        };
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
            let clause_start = self.opens_clause(k, 0);
            let verb_like = !(bare.chars().count() < 3
                || bare.starts_with("ال")
                || bare.starts_with('ب')
                || bare.starts_with('ل')
                || lexicon::is_title_word(verb)
                || lexicon::is_preposition(verb)
                || lexicon::is_temporal(verb)
                || lexicon::is_clause_opener(verb)
                || lexicon::complementizer(verb).is_some());
            // `بهذه الكلمات حدد الشاب خالد الغامدي …`: after the words it sums up, a verb with a
            // titled name is a clause of its own.
            let summing_up = (k.saturating_sub(3)..k).any(|j| {
                words.is_word(j)
                    && matches!(words.norm(j), "بهذه" | "وبهذه" | "بهذا" | "وبهذا" | "بتلك" | "هكذا" | "وهكذا")
            });
            if verb_like && !clause_start && summing_up && lexicon::is_title_word(words.norm(k + 1)) {
                if let Some(entity) = self.person_in_run(k + 1, position, 6) {
                    self.remember(entity, Gender::Unknown, Vec::new(), position);
                    return Some(entity);
                }
            }
            if !clause_start || !verb_like {
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
            // A title with a person's name in it after a verb (`أكد وكيل الجامعة للتطوير الدكتور
            // X أهمية …`, `هنأ الملحق الثقافي الدكتور X المبتعث`) names its speaker whatever
            // came before.
            if lexicon::is_title_word(words.norm(k + 1)) {
                // `وألقى رئيس البلدية المكلف، المهندس X، كلمة`: apposition after a comma.
                let named = self.person_in_run(k + 1, position, 10);
                if let Some(entity) = named {
                    self.remember(entity, Gender::Unknown, Vec::new(), position);
                    return Some(entity);
                }
            }
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

    /// A participle hangs on the nearest clause before it in its sentence: when that clause
    /// opens with a verb and a titled or plain name (`علق فيها الإعلامي X عضو …، قائلا:`),
    /// that person speaks.
    pub(super) fn participle_subject(&mut self, position: usize) -> Option<usize> {
        let words = self.ctx.words;
        if self.ctx.lexicon_cue(position)?.form != CueForm::Participle {
            return None;
        }
        let start = self.ctx.sentence_start(position).max(position.saturating_sub(60));
        for k in (start..position).rev() {
            // Before the participle, a quote's content is the speech of the clause that
            // reported it (`كشف مصدر أن عائلة مؤسس الحركة رفضت …، مؤكدا أن`): that clause's
            // speaker goes on, not a clause inside the speech.
            if words.items[k].span.start < self.quoted_until {
                break;
            }
            if !words.is_word(k) || k + 1 >= position {
                continue;
            }
            let verb = words.norm(k);
            if !self.opens_clause(k, start)
                || verb.strip_prefix(['و', 'ف']).unwrap_or(verb).starts_with("ال")
                || lexicon::is_title_word(verb)
                || lexicon::is_preposition(verb)
                || lexicon::is_clause_opener(verb)
            {
                continue;
            }
            let mut j = k + 1;
            while j < position
                && words.is_word(j)
                && (lexicon::is_resumptive(words.norm(j))
                    || lexicon::is_pointer(words.norm(j)) && words.norm(j) != "هذا" && words.norm(j) != "كذلك"
                    || lexicon::turns_to_speaker(words.norm(j)))
            {
                j += 1;
            }
            // `مجددا معاليه التهاني …، سائلا المولى أن`: the honorific is the person spoken of.
            if j < position
                && words.is_word(j)
                // (not `سعادته`: "his happiness" as often as "his Excellency")
                && lexicon::is_honorific_pronoun(words.norm(j), false)
            {
                return self.history.last().map(|s| s.entity);
            }
            if j >= position || !words.is_word(j) || !lexicon::is_title_word(words.norm(j)) {
                continue;
            }
            let person = self.person_named_in_run(j, position, 14, true);
            if let Some(entity) = person {
                self.remember(entity, Gender::Unknown, Vec::new(), position);
                return Some(entity);
            }
            // A titled name the entity stage missed, up to the comma that closes the subject
            // (before a title the stage linked to some person: `المدير العام لقناة «الإخبارية»
            // جاسر الجاسر، عن …، مبيّناً أن`)
            // (`وأبدت بدورها مديرة شعبة الإشراف النسوي بسجون حائل مرزوقة بنت مسعر الشمري، …،
            // مؤكدة أن`).
            // (Marks may hold a name inside it: `لقناة «الإخبارية»`.)
            let comma = (j..position.min(j + 18))
                .take_while(|&x| words.is_word(x) || words.is_mark(x) || words.is_comma(x))
                .find(|&x| words.is_comma(x))
                .filter(|_| lexicon::is_person_title(words.norm(j)));
            if let Some((a, b)) = comma.and_then(|c| trim_phrase(self.ctx, j, c)) {
                if self.name_in(a, b).is_some() {
                    return self.phrase(a, b, position).map(|(entity, _)| entity);
                }
            }
            if let Some(entity) = self.person_named_in_run(j, position, 14, false) {
                self.remember(entity, Gender::Unknown, Vec::new(), position);
                return Some(entity);
            }
            // The nearest clause is someone else's without a name: look no further, unless it
            // reports from unnamed sources (`حذرت مصادر «عكاظ» من …، مشيرة إلى أن`).
            let sentence = self.ctx.sentence_start(position);
            let unnamed_source = matches!(
                words.norm(j).strip_prefix("ال").unwrap_or(words.norm(j)),
                "مصدر" | "مصادر" | "شهود" | "مراقبون" | "خبراء" | "محللون"
            );
            if unnamed_source
                && self.history.last().is_none_or(|s| s.position < sentence)
                && self.ctx.lexicon_cue(k).is_some()
            {
                return self.title_subject(j, position);
            }
            return None;
        }
        None
    }

    /// Whether the word at `k` starts a clause: at `first`, after punctuation, with و/ف, or
    /// after a clause opener (`كما`, `من جهته`).
    fn opens_clause(&self, k: usize, first: usize) -> bool {
        let words = self.ctx.words;
        k == first
            || !words.is_word(k - 1)
            || words.norm(k).starts_with(['و', 'ف'])
            || lexicon::is_clause_opener(words.norm(k - 1))
    }

    /// The first person the entity stage named in the run of words (and appositive commas)
    /// that starts at `from`, within `max` items and before `position`.
    /// A person's name in the run wins over a title the entity stage linked to some person
    /// (`مدير العلاقات … النقيب نواف العبطان`: `مدير` may be clustered with another one).
    fn person_in_run(&self, from: usize, position: usize, max: usize) -> Option<usize> {
        self.person_named_in_run(from, position, max, true)
            .or_else(|| self.person_named_in_run(from, position, max, false))
    }

    /// `person_in_run` by names only (`by_name`), or by titles too.
    fn person_named_in_run(&self, from: usize, position: usize, max: usize, by_name: bool) -> Option<usize> {
        let words = self.ctx.words;
        (from..(from + max).min(position))
            .take_while(|&j| words.is_word(j) || words.is_comma(j))
            .filter(|&j| words.is_word(j))
            .find_map(|j| {
                self.index.overlapping(words.items[j].span).find(|m| {
                    !m.role
                        && self.entities[m.entity].label == EntityLabel::Per
                        && (!by_name || m.kind != MentionKind::Title)
                })
            })
            .map(|m| m.entity)
    }

    /// The item index past a place the entity stage found right after the ب of the word at
    /// `k` (`بمنطقة جازان`, `بجدة`).
    fn place_after_bi(&self, k: usize) -> Option<usize> {
        let words = self.ctx.words;
        let span = words.items[k].span;
        if !self.text[span.start..].starts_with('ب') {
            return None;
        }
        let after_bi = span.start + 'ب'.len_utf8();
        let place = self.index.overlapping(span).find(|m| {
            !m.role && m.span.start == after_bi && self.entities[m.entity].label == EntityLabel::Loc
        })?;
        (k..words.len().min(k + 6)).find(|&j| words.items[j].span.end >= place.span.end).map(|j| j + 1)
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
                // `الإدارة العامة للتعليم بمنطقة جازان`: a place after ب ends the name.
                if let Some(place_end) = self.place_after_bi(end) {
                    end = place_end;
                }
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
        // `كشفت شركة «تيراداتا» المتخصصة`, `حذرت مصادر «عكاظ»`: the name in marks after an
        // organization's head or a title.
        if end > s && (lexicon::is_org_head(words.norm(end - 1)) || lexicon::is_title_word(words.norm(end - 1))) {
            if let Some(close) = self.ctx.marked_opening_at(end).and_then(|m| m.close) {
                if words.count_words(end, close) <= 4 {
                    end = close + 1;
                }
            }
        }
        let (a, b) = trim_phrase(self.ctx, s, end)?;
        self.phrase(a, b, position).map(|(entity, _)| entity)
    }

    /// A participle or dropped subject in a sentence with no earlier quote: the sentence's
    /// own subject, found as a person's title or entity before the cue (`ثمّن سمو الأمير X …، مؤكدا`).
    pub(super) fn sentence_subject(
        &mut self,
        position: usize,
        agreement: Option<Agreement>,
    ) -> Option<(usize, Option<Span>)> {
        let start = self.ctx.sentence_start(position);
        if self.history.last().is_some_and(|s| s.position >= start) {
            return None;
        }
        // Long sentences: only the words near the cue can hold its subject.
        let start = start.max(position.saturating_sub(60));
        let words = self.ctx.words;
        // `وكشف عن محاولات الشركة …، غير أنه اعترف`: a sentence opened by a conjoined verb
        // with no subject of its own carries the previous one.
        if words.is_word(start) && words.is_word(start + 1) {
            let first = words.norm(start);
            let conjoined = first.starts_with(['و', 'ف']);
            let verb_first = self.ctx.lexicon_cue(start).is_some_and(|c| c.form == CueForm::Verb);
            let after_verb = words.norm(start + 1);
            if conjoined
                && verb_first
                && (lexicon::is_preposition(after_verb) || lexicon::complementizer(after_verb).is_some())
            {
                return None;
            }
            // `صرح بذلك المدير …`: a pointer back to the statement before the subject.
            let mut subject = start + 1;
            while subject + 1 < position
                && words.is_word(subject)
                && (lexicon::is_pointer(words.norm(subject))
                    || lexicon::turns_to_speaker(words.norm(subject))
                    || words.norm(subject) == "ايضا")
            {
                subject += 1;
            }
            let next = if words.is_word(subject) { words.norm(subject) } else { "" };
            // `وأشاد غارسيا أيضا …، قائلا`, `واستبعد المسفر فكرة …، قائلا`: a conjoined verb and
            // a person named before (a surname may carry the article).
            if conjoined
                && !first.starts_with("وال")
                && !lexicon::is_topic_preposition(first)
                && !lexicon::is_preposition(first)
                && !next.is_empty()
                && !lexicon::is_title_word(next)
                && !lexicon::is_preposition(next)
            {
                let span = words.items[subject].span;
                if let Some(k) = self.by_name(span).filter(|&k| self.entities[k].label == EntityLabel::Per) {
                    self.remember(k, Gender::Unknown, Vec::new(), position);
                    return Some((k, None));
                }
            }
            // `وأشار ظريف على صفحته في تويتر إلى …، وشدد بأنه`: the subject right after the
            // sentence's first verb, before any name in a prepositional phrase.
            if verb_first
                && !lexicon::is_preposition(next)
                && lexicon::complementizer(next).is_none()
                && !lexicon::is_temporal(next)
                && !lexicon::is_object_noun(next)
                && !lexicon::starts_adverbial(next, "")
                && !next.is_empty()
                && subject < position
            {
                // A title names its holder further on (`المدير العام للمكتب التنفيذي …، رئيس
                // اللجنة العلمية الدكتور توفيق خوجة`).
                let titled = lexicon::is_title_word(next);
                if let Some(k) = self.person_in_run(subject, position, 20).filter(|_| titled) {
                    self.remember(k, Gender::Unknown, Vec::new(), position);
                    return Some((k, None));
                }
                if let Some(k) = self.title_subject(subject, position) {
                    return Some((k, None));
                }
            }
        }
        // A fronted topic (`وعن بلاتيني، أجاب`, `وحول مطالبات أهالي بيشة قال:`) names what
        // the words are about, not who says them: the subject is looked for after it.
        let first = (start..position).find(|&k| words.is_word(k));
        // `وفي سؤال لـ"عكاظ" عن …، أجابت:`, `وردا على سؤال`: the question is a topic too.
        let question = |k: usize| {
            matches!(words.norm(k), "في" | "وفي")
                && words.is_word(k + 1)
                && words.norm(k + 1).starts_with("سؤال")
        };
        let start = match first {
            Some(k) if lexicon::is_topic_preposition(words.norm(k)) || question(k) => {
                (k..position).find(|&j| words.is_comma(j)).unwrap_or(position)
            }
            _ => start,
        };
        if start >= position {
            return None;
        }
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
            // `وأشاد غارسيا بقوة برشلونة الدفاعية`: a name after a glued preposition is
            // inside a prepositional phrase, not the subject.
            .filter(|m| {
                !self.text[..m.span.start]
                    .chars()
                    .next_back()
                    .is_some_and(crate::text::is_word_char)
            })
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
                // Verb-first sentence with a plural subject (`قلل دبلوماسيون وخبراء …`), for a
                // cue in the plural (`لمدة موسمين`, then `متمنية`, is no subject).
                if agreement.is_some_and(|a| a != Agreement::Plural) {
                    return None;
                }
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
}
