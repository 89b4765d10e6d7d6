//! Canonical names of speakers: the most complete form of a person's name in the article
//! (a surname written in full, a lineage with بن/آل), an organization cut short by the
//! entity stage, and names cleaned of the marks and stray words a phrase may carry.

use isnad_core::{EntityLabel, MentionKind, Span};

use super::Resolver;
use crate::lexicon;
use crate::phrase::name_like;
use crate::text::{is_word_char, normalize};

impl Resolver<'_, '_> {
    /// A person known by one word (`نابوت`) is named in full somewhere in the article
    /// (`الباراجوياني "خوان أنخل نابوت"`): the most complete name is the canonical one.
    pub(super) fn expand_surname(&mut self, entity: usize) {
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

    /// A person quoted by a short form (`جميل البقعاوي`) and named in full elsewhere with a
    /// lineage (`جميل بن جار الله البقعاوي`, `… آل …`): the full form is the canonical name.
    pub(super) fn expand_lineage(&mut self, entity: usize) {
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

    /// Makes a name written in full in the subject phrase the entity's canonical name when
    /// it holds the canonical one (`رامي عبد` → `رامي عبد الرحمن`).
    pub(super) fn complete_name(&mut self, entity: usize, name: Span) {
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
    pub(super) fn complete_organization(&mut self, entity: usize, s: usize, e: usize) {
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
            // `الجمعية الفلكية بجدة`, `الغرفة التجارية بالرياض`: the seat ends the name.
            let seat = w.starts_with('ب')
                && self.index.overlapping(words.items[k].span).any(|m| {
                    !m.role && self.entities[m.entity].label == EntityLabel::Loc
                });
            if seat {
                k += 1;
                break;
            }
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
    // `بان كي مون` starts with what folds like the complementizer `بأن`; `علي بن محمد`
    // with what folds like the preposition `على`.
    // A name the phrase rules kept never starts with the preposition `على`, so a leading
    // `علي` with more words after it is the name Ali (`علي العمير`, `علي أحمدي`).
    let before_kin = |k: usize| words.get(k + 1).is_some_and(|n| matches!(normalize(n).as_str(), "بن" | "بنت" | "ابن"));
    let ali = |k: usize| normalize(words[k]) == "علي" && k + 1 < words.len();
    let first = (0..words.len())
        .position(|k| !stray(words[k]) || normalize(words[k]) == "بان" || before_kin(k) || ali(k))
        .unwrap_or(words.len());
    // `عبدالعزيز بن طالب`: after `بن` comes a name, whatever else the word can be.
    let kin = |k: usize| k > 0 && matches!(normalize(words[k - 1]).as_str(), "بن" | "بنت" | "ابن" | "ال" | "ابو");
    let last = (0..words.len())
        .rposition(|k| !stray(words[k]) || kin(k))
        .map_or(first, |l| l + 1);
    if first >= last {
        return words.join(" ");
    }
    words[first..last].join(" ")
}
