//! Mentions before clustering: names from the tagger, proclitic trimming, roles, titles
//! standing for a person, and bare head nouns standing for an organization (`الحلف`).

use std::ops::Range;

use isnad_core::{EntityLabel, MentionKind, Proclitic, Sentence, Span, Token, TokenKind};

pub use crate::folded::FoldedWords;
use crate::lexicon::{Lexicon, PhraseMatch, TriggerKind};
use crate::model::Model;
use crate::tagger::{propagate_in_document, propagation_key, tag_indices, TaggerScratch};
use crate::text::{lookup_keys, strip_article, strip_clitics};

/// A mention found in the document, before it joins an entity.
#[derive(Debug, Clone)]
pub struct Found {
    pub span: Span,
    pub tokens: Range<usize>,
    pub label: EntityLabel,
    pub kind: MentionKind,
    /// Folded words without clitics or article: what names are compared by.
    pub key: Vec<String>,
    /// The gazetteer entry the mention matches exactly.
    pub gazetteer: Option<usize>,
    /// The mention this one stands for (a title for its person, `الحلف` for its alliance).
    pub link: Option<usize>,
    pub value: Option<String>,
    /// For a person's name: the title right before it.
    pub role: Option<Span>,
}

impl Found {
    pub fn name(span: Span, tokens: Range<usize>, label: EntityLabel, key: Vec<String>) -> Found {
        Found {
            span,
            tokens,
            label,
            kind: MentionKind::Name,
            key,
            gazetteer: None,
            link: None,
            value: None,
            role: None,
        }
    }
}

/// Per-document view of the tokens: surfaces, folded forms, and sentence ranges.
pub struct DocView<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub folded: FoldedWords,
    pub sentences: Vec<Range<usize>>,
}

impl<'a> DocView<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], sentences: &[Sentence]) -> DocView<'a> {
        // filled sentence by sentence by `find_names`, from the tagger's analysis
        let folded = FoldedWords::with_len(tokens.len());
        let mut ranges: Vec<Range<usize>> = sentences
            .iter()
            .map(|s| s.tokens.start.min(tokens.len())..s.tokens.end.min(tokens.len()))
            .filter(|r| r.start < r.end)
            .collect();
        if ranges.is_empty() && !tokens.is_empty() {
            ranges.push(0..tokens.len());
        }
        DocView {
            text,
            tokens,
            folded,
            sentences: ranges,
        }
    }

    pub fn surface(&self, i: usize) -> &'a str {
        self.tokens[i].span.get(self.text).unwrap_or("")
    }

    fn is_punct(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Punct | TokenKind::Symbol)
    }

    fn is_comma(&self, i: usize) -> bool {
        matches!(self.surface(i), "،" | ",")
    }

    /// The key of words `range`: clitics off the first, articles off all.
    pub fn key(&self, range: Range<usize>) -> Vec<String> {
        let mut key: Vec<String> = Vec::with_capacity(range.len());
        let mut glue_next = false;
        for i in range.clone() {
            let f = &self.folded[i];
            if glue_next {
                // `عبد الرحمن` and `عبدالرحمن` are one name word
                if let Some(last) = key.last_mut() {
                    last.push_str(f);
                }
                glue_next = false;
                continue;
            }
            let word = if i == range.start {
                strip_clitics(f).0
            } else {
                strip_article(f)
            };
            glue_next = matches!(word, "عبد" | "ابو") && i + 1 < range.end;
            key.push(word.to_owned());
        }
        key
    }

    /// Where a name starting at token `i` starts once its proclitics are left out
    /// (`والعراق` → `العراق`, `لحلف` → `حلف`, `للحلف` → `حلف`). The article stays when written.
    pub fn trimmed_start(&self, i: usize, lexicon: &Lexicon) -> usize {
        let token = &self.tokens[i];
        if let Some(cl) = &token.clitics {
            let mut start = cl.stem.start;
            if cl.proclitics.contains(&Proclitic::Al)
                && start >= token.span.start + 4
                && self.text.get(start - 4..start) == Some("ال")
            {
                start -= 4;
            }
            if token.span.start <= start
                && start < token.span.end
                && self.text.is_char_boundary(start)
            {
                return start;
            }
        }
        let folded = &self.folded[i];
        let (stem, mut code) = strip_clitics(folded);
        // a bare و/ف is only a conjunction if the word without it is a known name start
        // and the word with it is not (`وزير`, `واشنطن` keep theirs)
        if code.conjunction.is_some()
            && code.preposition.is_none()
            && !code.article
            && (lexicon.starts_any(strip_article(folded)) || !lexicon.starts_any(stem))
        {
            code.conjunction = None;
        }
        let after_conjunction = &folded[if code.conjunction.is_some() { 2 } else { 0 }..];
        let mut letters = code.conjunction.is_some() as usize + code.preposition.is_some() as usize;
        if code.preposition == Some('ل') && code.article && after_conjunction.starts_with("لل") {
            letters += 1; // لل: the article's alef is elided, so its ل goes too
        } else if code.preposition.is_none() && !code.article {
            let [_, stem, bare] = lookup_keys(folded);
            if bare != stem && lexicon.starts_any(bare) && !lexicon.starts_any(stem) {
                letters += 1;
            }
        }
        skip_letters(self.surface(i), letters)
            .map_or(token.span.start, |off| token.span.start + off)
    }
}

/// Byte offset after `n` letters of `word` (and the marks that follow them).
fn skip_letters(word: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    let mut seen = 0;
    for (i, c) in word.char_indices() {
        let is_mark = ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}' || c == '\u{0640}';
        if !is_mark {
            if seen == n {
                return Some(i);
            }
            seen += 1;
        }
    }
    None
}

/// Tags every sentence and returns the name mentions, the trigger matches and the gazetteer
/// matches (with document-level token indices).
pub fn find_names(
    view: &mut DocView<'_>,
    model: &Model,
    lexicon: &Lexicon,
    scratch: &mut TaggerScratch,
) -> (Vec<Found>, Vec<PhraseMatch>, Vec<PhraseMatch>) {
    let mut names = Vec::new();
    let mut triggers = Vec::new();
    let mut known = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    // every sentence is tagged first, so that a name's tag can reach the other occurrences
    // of its stem in the document
    let ranges = view.sentences.clone();
    let mut all_tags = Vec::with_capacity(ranges.len());
    let mut keys = Vec::with_capacity(ranges.len());
    let mut gazetteers = Vec::with_capacity(ranges.len());
    for range in &ranges {
        words.clear();
        words.extend(range.clone().map(|i| view.surface(i)));
        all_tags.push(tag_indices(model, lexicon, &words, scratch));
        keys.push(
            scratch
                .infos
                .iter()
                .map(propagation_key)
                .collect::<Vec<u64>>(),
        );
        let offset = range.start;
        view.folded.set(
            offset,
            scratch.infos.iter().map(|info| info.folded.as_str()),
        );
        for m in &scratch.matches.triggers {
            triggers.push(PhraseMatch {
                start: m.start + offset,
                end: m.end + offset,
                phrase: m.phrase,
            });
        }
        gazetteers.push(scratch.matches.gazetteer.clone());
        for m in &scratch.matches.gazetteer {
            known.push(PhraseMatch {
                start: m.start + offset,
                end: m.end + offset,
                phrase: m.phrase,
            });
        }
    }
    propagate_in_document(&keys, &mut all_tags, usize::MAX);
    for ((range, tags), gazetteer) in ranges.iter().zip(&all_tags).zip(&gazetteers) {
        let offset = range.start;
        let mut i = 0;
        while i < tags.len() {
            if tags[i] % 2 == 1 {
                let begin = tags[i];
                let mut end = i + 1;
                while end < tags.len() && tags[end] == begin + 1 {
                    end += 1;
                }
                let label = match begin {
                    1 => EntityLabel::Per,
                    3 => EntityLabel::Loc,
                    5 => EntityLabel::Org,
                    _ => EntityLabel::Misc,
                };
                let tokens = offset + i..offset + end;
                let span = Span::new(
                    view.trimmed_start(tokens.start, lexicon),
                    view.tokens[tokens.end - 1].span.end,
                );
                let mut found = Found::name(span, tokens.clone(), label, view.key(tokens));
                if let Some(m) = gazetteer.iter().find(|m| m.start == i && m.end == end) {
                    let name = lexicon.gazetteer.phrases[m.phrase].payload;
                    found.gazetteer = Some(name.entry);
                    if name.is_variant && label != EntityLabel::Per {
                        found.kind = MentionKind::Alias;
                    }
                }
                names.push(found);
                i = end;
            } else {
                i += 1;
            }
        }
    }
    (names, triggers, known)
}

const GAP_STOP_WORDS: &[&str] = &[
    "ان",
    "انه",
    "انها",
    "الذي",
    "التي",
    "الذين",
    "قال",
    "وقال",
    "اكد",
    "واكد",
    "قد",
    "هو",
    "هي",
];

/// Finds the title before each person's name (`وزير الدفاع الأميركي لويد اوستن`,
/// `الامين العام لحلف شمال الأطلسي، مارك روتي`): sets the name's `role` and adds the
/// title as a Title mention of that person. Returns the trigger matches used.
pub fn attach_roles(
    view: &DocView<'_>,
    lexicon: &Lexicon,
    triggers: &[PhraseMatch],
    found: &mut Vec<Found>,
) -> Vec<(usize, RoleKey)> {
    let mut roles = Vec::new();
    let persons: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].label == EntityLabel::Per && found[i].kind == MentionKind::Name)
        .collect();
    for person in persons {
        let start = found[person].tokens.start;
        let sentence_start = view
            .sentences
            .iter()
            .find(|r| r.contains(&start))
            .map_or(0, |r| r.start);
        let mut gap_end = start;
        if gap_end > sentence_start && view.is_comma(gap_end - 1) {
            gap_end -= 1;
        }
        let title = triggers
            .iter()
            .enumerate()
            .filter(|(_, t)| lexicon.triggers.phrases[t.phrase].payload == TriggerKind::PerTitle)
            .filter(|(_, t)| t.start >= sentence_start && t.end <= gap_end && gap_end - t.end <= 6)
            .filter(|(_, t)| (t.end..gap_end).all(|i| gap_word_ok(view, found, i)))
            .max_by_key(|(_, t)| t.end);
        let Some((mut first, t)) = title else {
            continue;
        };
        // titles in a row (`الشيخ الدكتور`) form one role
        while first > 0
            && triggers[first - 1].end == triggers[first].start
            && triggers[first - 1].start >= sentence_start
            && is_title(lexicon, &triggers[first - 1])
        {
            first -= 1;
        }
        let role_start = view.trimmed_start(triggers[first].start, lexicon);
        let role_end = view.tokens[gap_end - 1].span.end;
        if role_end <= role_start {
            continue;
        }
        let span = Span::new(role_start, role_end);
        found[person].role = Some(span);
        let key = role_key(view, lexicon, t, gap_end);
        let mut title_mention = Found::name(
            span,
            triggers[first].start..gap_end,
            EntityLabel::Per,
            Vec::new(),
        );
        title_mention.kind = MentionKind::Title;
        title_mention.link = Some(person);
        found.push(title_mention);
        roles.push((found.len() - 1, key));
    }
    roles
}

fn is_title(lexicon: &Lexicon, m: &PhraseMatch) -> bool {
    lexicon.triggers.phrases[m.phrase].payload == TriggerKind::PerTitle
}

fn gap_word_ok(view: &DocView<'_>, found: &[Found], i: usize) -> bool {
    !view.is_punct(i)
        && !GAP_STOP_WORDS.contains(&&view.folded[i])
        && !found.iter().any(|f| {
            f.label == EntityLabel::Per && f.kind == MentionKind::Name && f.tokens.contains(&i)
        })
}

/// What identifies a title across the document: its trigger words and the first word after
/// them (`الأمين العام` + `حلف`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleKey {
    pub trigger: Vec<String>,
    pub head: Option<String>,
}

fn role_key(view: &DocView<'_>, lexicon: &Lexicon, t: &PhraseMatch, gap_end: usize) -> RoleKey {
    let head = (t.end < gap_end).then(|| {
        let [_, stem, bare] = lookup_keys(&view.folded[t.end]);
        if lexicon.starts_phrase(bare) {
            bare.to_owned()
        } else {
            stem.to_owned()
        }
    });
    RoleKey {
        trigger: lexicon.triggers.phrases[t.phrase].words.clone(),
        head,
    }
}

/// Bare head nouns with the article (`الحلف`, `للحلف`) after an organization whose name
/// starts with that head become aliases of it.
pub fn link_bare_heads(view: &DocView<'_>, lexicon: &Lexicon, found: &mut Vec<Found>) {
    // only organizations named in more than one word have a head to link to
    let mut orgs: Vec<usize> = (0..found.len())
        .filter(|&i| {
            found[i].label == EntityLabel::Org && found[i].link.is_none() && found[i].key.len() > 1
        })
        .collect();
    // without one, no word of the document can link (many articles name none): the clitic
    // stripping of every uncovered word below would be wasted
    if orgs.is_empty() {
        return;
    }
    orgs.sort_by_key(|&i| found[i].span.start);
    let mut covered = vec![false; view.tokens.len()];
    for f in found.iter() {
        for i in f.tokens.clone() {
            covered[i] = true;
        }
    }
    // a head is the first word of an organization's key, and a stem is the tail of its
    // folded word: a word that ends in no head is passed over without stripping its clitics
    let mut heads: Vec<&[u8]> = orgs
        .iter()
        .filter_map(|&o| found[o].key.first())
        .map(|k| k.as_bytes())
        .filter(|k| !k.is_empty())
        .collect();
    heads.sort_unstable();
    heads.dedup();
    // the last byte first: a call to compare whole tails for every word cost more than the
    // stripping it saves
    let ends_in_head = |folded: &str| {
        let f = folded.as_bytes();
        heads.iter().any(|h| f.last() == h.last() && f.ends_with(h))
    };
    // aliases link to the organizations above only, so they are added after the loop
    let mut aliases = Vec::new();
    for (i, _) in covered.iter().enumerate().filter(|(_, c)| !**c) {
        let folded = &view.folded[i];
        if !may_have_article(folded) || !ends_in_head(folded) {
            continue;
        }
        let (stem, code) = strip_clitics(folded);
        if !code.article || !lexicon.is_single_word(TriggerKind::OrgHead, stem) {
            continue;
        }
        let target = orgs.iter().rev().find(|&&o| {
            found[o].tokens.end <= i
                && found[o].key.first().is_some_and(|k| k == stem)
        });
        if let Some(&target) = target {
            let span = Span::new(view.trimmed_start(i, lexicon), view.tokens[i].span.end);
            let mut alias = Found::name(span, i..i + 1, EntityLabel::Org, vec![stem.to_owned()]);
            alias.kind = MentionKind::Alias;
            alias.link = Some(target);
            aliases.push(alias);
        }
    }
    found.extend(aliases);
}

/// Whether [`strip_clitics`] can find an article in folded word `f`: `ال` or `لل` after at
/// most a conjunction and a preposition (two bytes each), a test of a few bytes that lets
/// most words skip the stripping.
fn may_have_article(f: &str) -> bool {
    let b = f.as_bytes();
    let at = |k: usize, p: &str| b.get(k..k + 4) == Some(p.as_bytes());
    at(0, "ال") || at(2, "ال") || at(4, "ال") || at(0, "لل") || at(2, "لل")
}

/// Titles used alone later (`الأمين العام للحلف`) become Title mentions of the person who
/// held them earlier in the document.
pub fn link_standalone_titles(
    view: &DocView<'_>,
    lexicon: &Lexicon,
    triggers: &[PhraseMatch],
    roles: &[(usize, RoleKey)],
    found: &mut Vec<Found>,
) {
    for t in triggers.iter().filter(|t| is_title(lexicon, t)) {
        if found
            .iter()
            .any(|f| f.kind == MentionKind::Title && f.tokens.contains(&t.start))
        {
            continue;
        }
        if found.iter().any(|f| {
            f.label == EntityLabel::Per
                && f.kind == MentionKind::Name
                && f.tokens.contains(&t.start)
        }) {
            continue;
        }
        // the title's complement: names, aliases and nisba adjectives right after it
        let mut end = t.end;
        while end < view.tokens.len() && end < t.end + 5 {
            if let Some(f) = found.iter().find(|f| {
                f.tokens.start == end && f.label != EntityLabel::Per && f.kind != MentionKind::Title
            }) {
                end = f.tokens.end;
            } else if lexicon
                .is_single_word(TriggerKind::CountryAdj, strip_article(&view.folded[end]))
            {
                end += 1;
            } else {
                break;
            }
        }
        let key = role_key(view, lexicon, t, end);
        let holder = roles.iter().rev().find(|(title, role)| {
            found[*title].span.start < view.tokens[t.start].span.start
                && role.trigger == key.trigger
                && (key.head.is_none() || key.head == role.head)
        });
        let Some(&(title, _)) = holder else { continue };
        let person = found[title].link;
        let span = Span::new(
            view.trimmed_start(t.start, lexicon),
            view.tokens[end - 1].span.end,
        );
        let mut mention = Found::name(span, t.start..end, EntityLabel::Per, Vec::new());
        mention.kind = MentionKind::Title;
        mention.link = person;
        found.push(mention);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simple_tokens::tokenize;

    /// A view with every token's folded form filled in, as the tagger leaves it.
    fn folded_view<'a>(text: &'a str, tokens: &'a [Token], sentences: &[Sentence]) -> DocView<'a> {
        let mut view = DocView::new(text, tokens, sentences);
        view.folded = tokens
            .iter()
            .map(|t| crate::text::fold(t.span.slice(text)))
            .collect();
        view
    }

    fn trimmed(text: &str) -> Vec<String> {
        let (tokens, sentences) = tokenize(text);
        let view = folded_view(text, &tokens, &sentences);
        (0..tokens.len())
            .map(|i| text[view.trimmed_start(i, Lexicon::builtin())..tokens[i].span.end].to_owned())
            .collect()
    }

    #[test]
    fn compound_name_words_share_one_key() {
        let text = "رامي عبد الرحمن وعبدالرحمن";
        let (tokens, sentences) = tokenize(text);
        let view = folded_view(text, &tokens, &sentences);
        assert_eq!(view.key(0..3), vec!["رامي", "عبدالرحمن"]);
        assert_eq!(view.key(3..4), vec!["عبدالرحمن"]);
    }

    #[test]
    fn proclitics_are_left_out_of_names() {
        assert_eq!(
            trimmed("والعراق بالعراق للحلف لحلف"),
            vec!["العراق", "العراق", "حلف", "حلف"]
        );
    }

    #[test]
    fn letters_that_only_look_like_proclitics_stay() {
        assert_eq!(
            trimmed("وزير واشنطن بغداد لندن"),
            vec!["وزير", "واشنطن", "بغداد", "لندن"]
        );
    }

    #[test]
    fn clitic_analysis_from_tokens_is_used_when_present() {
        let text = "والعراق";
        let (mut tokens, sentences) = tokenize(text);
        tokens[0].clitics = isnad_core::Token::clitics_with_stem_norm(
            &tokens[0].norm,
            [Proclitic::Wa, Proclitic::Al].into(),
            Span::new(6, text.len()),
            "عراق",
        );
        assert!(tokens[0].clitics.is_some());
        let view = DocView::new(text, &tokens, &sentences);
        assert_eq!(&text[view.trimmed_start(0, Lexicon::builtin())..], "العراق");
    }
}
