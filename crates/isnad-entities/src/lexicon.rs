//! Gazetteers and trigger phrases: multi-word phrases matched over folded words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use isnad_core::EntityLabel;

use crate::text::{fold, hash_str, lookup_keys, strip_article};

/// A `Hasher` for short string keys built on [`crate::text::mix`] (SipHash is slower
/// than the lookups it guards).
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = crate::text::mix(self.0, u64::from_le_bytes(word));
        }
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `Hasher` for keys that are already good hashes.
#[derive(Default)]
pub struct PassHasher(u64);

impl Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = crate::text::mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Maps keyed by [`hash_str`] of a word.
pub type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<PassHasher>>;

/// A folded word as phrase matching sees it: its text and its lookup keys (see
/// [`lookup_keys`]); words analysed once for the tagger carry their keys precomputed.
pub trait MatchWord {
    fn folded(&self) -> &str;
    fn keys(&self) -> [&str; 3] {
        lookup_keys(self.folded())
    }
    /// [`hash_str`] of each key.
    fn key_hashes(&self) -> [u64; 3] {
        self.keys().map(hash_str)
    }
}

impl MatchWord for String {
    fn folded(&self) -> &str {
        self
    }
}

impl MatchWord for &str {
    fn folded(&self) -> &str {
        self
    }
}

/// A phrase of folded, article-less words with a payload.
#[derive(Debug, Clone)]
pub struct Phrase<P> {
    pub words: Vec<String>,
    /// [`hash_str`] of each word, compared before the words themselves.
    pub hashes: Vec<u64>,
    pub payload: P,
}

/// A phrase found at `tokens[start..end]`; `phrase` indexes `PhraseMatcher::phrases`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub phrase: usize,
}

/// Finds the longest known phrase at each position, left to right, without overlaps.
#[derive(Debug, Clone)]
pub struct PhraseMatcher<P> {
    pub phrases: Vec<Phrase<P>>,
    /// Phrases by the hash of their first word.
    by_first_word: HashKeyed<Vec<usize>>,
}

impl<P> Default for PhraseMatcher<P> {
    fn default() -> Self {
        PhraseMatcher {
            phrases: Vec::new(),
            by_first_word: HashKeyed::default(),
        }
    }
}

/// The key a word of a phrase is stored and compared under.
pub fn word_key(word: &str) -> String {
    strip_article(&fold(word)).to_owned()
}

impl<P> PhraseMatcher<P> {
    pub fn add(&mut self, phrase: &str, payload: P) {
        let words: Vec<String> = phrase.split_whitespace().map(word_key).collect();
        if words.is_empty() {
            return;
        }
        let id = self.phrases.len();
        // longest phrases first (in the order added among equal lengths), so that matching
        // stops at the first phrase no longer than the best match
        let bucket = self.by_first_word.entry(hash_str(&words[0])).or_default();
        let at = bucket.partition_point(|&other| self.phrases[other].words.len() >= words.len());
        bucket.insert(at, id);
        let hashes = words.iter().map(|w| hash_str(w)).collect();
        self.phrases.push(Phrase {
            words,
            hashes,
            payload,
        });
    }

    /// The phrases whose first word has this key.
    pub fn starting_with<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s Phrase<P>> + 's {
        self.by_first_word
            .get(&hash_str(key))
            .into_iter()
            .flatten()
            .map(|&i| &self.phrases[i])
            .filter(move |p| p.words[0] == key)
    }

    /// The longest phrase starting at `folded[start]` (the first word may carry clitics).
    pub fn longest_at<S: MatchWord>(&self, folded: &[S], start: usize) -> Option<PhraseMatch> {
        let hashes = folded[start].key_hashes();
        let mut best: Option<PhraseMatch> = None;
        for (k, hash) in hashes.iter().enumerate() {
            if hashes[..k].contains(hash) {
                continue;
            }
            let Some(candidates) = self.by_first_word.get(hash) else {
                continue;
            };
            let key = folded[start].keys()[k];
            for &id in candidates {
                let phrase = &self.phrases[id];
                let words = &phrase.words;
                let end = start + words.len();
                if best.is_some_and(|b| b.end >= end) {
                    // the candidates are longest first: none after this one is longer
                    break;
                }
                if end > folded.len() {
                    continue;
                }
                // a word's first key is itself without its article. The hashes of the other
                // words are compared before any string: most candidates of a common first
                // word fail there, and comparing strings first showed in profiles.
                let hashes_match =
                    (1..words.len()).all(|k| folded[start + k].key_hashes()[0] == phrase.hashes[k]);
                let rest_matches = hashes_match
                    && words[0] == key
                    && (1..words.len()).all(|k| folded[start + k].keys()[0] == words[k]);
                if rest_matches {
                    best = Some(PhraseMatch {
                        start,
                        end,
                        phrase: id,
                    });
                }
            }
        }
        best
    }

    /// Whether a phrase may start at a word with these [`MatchWord::key_hashes`].
    pub fn may_start(&self, hashes: [u64; 3]) -> bool {
        hashes.iter().any(|h| self.by_first_word.contains_key(h))
    }

    /// All longest non-overlapping matches, left to right.
    pub fn find_all<S: MatchWord>(&self, folded: &[S]) -> Vec<PhraseMatch> {
        self.find_all_where(folded, |_| true)
    }

    /// [`PhraseMatcher::find_all`], trying only the words `may_start` lets through (a word
    /// for which [`PhraseMatcher::may_start`] is false starts no phrase).
    pub fn find_all_where<S: MatchWord>(
        &self,
        folded: &[S],
        may_start: impl Fn(&S) -> bool,
    ) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < folded.len() {
            if !may_start(&folded[i]) {
                i += 1;
                continue;
            }
            match self.longest_at(folded, i) {
                Some(m) => {
                    out.push(m);
                    i = m.end;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// One gazetteer entry: its label and its name as written in the gazetteer.
#[derive(Debug, Clone)]
pub struct GazetteerEntry {
    pub label: EntityLabel,
    pub canonical: String,
}

/// A gazetteer phrase: which entry it names, and whether it is the entry's main name.
#[derive(Debug, Clone, Copy)]
pub struct GazetteerName {
    pub entry: usize,
    pub is_variant: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    PerTitle,
    OrgHead,
    LocHead,
    /// A nisba adjective of a country (`الأميركي`), continuing a title.
    CountryAdj,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// A hash of the data the lexicon was built from (see `Model::lexicon_fingerprint`).
    pub fingerprint: u64,
    /// Keys of common given names (a tagger feature).
    pub given_names: HashKeyed<()>,
    /// By key hash: given name (bit 0), first word of a gazetteer name (bit 1) or of a
    /// trigger phrase (bit 2), in one map so that a word needs one lookup per key, not three
    /// ([`Lexicon::index_keys`]; empty until then).
    key_flags: HashKeyed<u8>,
    pub entries: Vec<GazetteerEntry>,
    pub gazetteer: PhraseMatcher<GazetteerName>,
    pub triggers: PhraseMatcher<TriggerKind>,
}

fn parse_label(s: &str) -> Option<EntityLabel> {
    match s.trim() {
        "PER" | "PERS" => Some(EntityLabel::Per),
        "LOC" => Some(EntityLabel::Loc),
        "ORG" => Some(EntityLabel::Org),
        "MISC" => Some(EntityLabel::Misc),
        _ => None,
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Lexicon {
    /// Builds the lexicon from gazetteer and trigger files (formats in `data/`); malformed
    /// lines are skipped.
    pub fn parse(gazetteer: &str, triggers: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for cols in data_lines(gazetteer) {
            let (Some(label), Some(name)) =
                (cols.first().and_then(|l| parse_label(l)), cols.get(1))
            else {
                continue;
            };
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let entry = lex.entries.len();
            lex.entries.push(GazetteerEntry {
                label,
                canonical: name.to_owned(),
            });
            lex.gazetteer.add(
                name,
                GazetteerName {
                    entry,
                    is_variant: false,
                },
            );
            for variant in cols.get(2).into_iter().flat_map(|v| v.split('|')) {
                let variant = variant.trim();
                if !variant.is_empty() {
                    lex.gazetteer.add(
                        variant,
                        GazetteerName {
                            entry,
                            is_variant: true,
                        },
                    );
                }
            }
        }
        for cols in data_lines(triggers) {
            let kind = match cols.first().map(|k| k.trim()) {
                Some("PER_TITLE") => TriggerKind::PerTitle,
                Some("ORG_HEAD") => TriggerKind::OrgHead,
                Some("LOC_HEAD") => TriggerKind::LocHead,
                Some("COUNTRY_ADJ") => TriggerKind::CountryAdj,
                _ => continue,
            };
            let Some(phrase) = cols.get(1).map(|p| p.trim()) else {
                continue;
            };
            lex.triggers.add(phrase, kind);
            if kind == TriggerKind::CountryAdj && !phrase.ends_with('ة') {
                lex.triggers.add(&format!("{phrase}ة"), kind);
            }
        }
        lex
    }

    /// Adds given names, one a line (`#` comments).
    pub fn with_given_names(mut self, text: &str) -> Lexicon {
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            self.given_names.insert(hash_str(&word_key(line)), ());
        }
        self
    }

    /// Whether one of the word's lookup keys (by hash) is a given name (`وعلي`, `لروبرتو`).
    pub fn is_given_name(&self, hashes: [u64; 3]) -> bool {
        !self.given_names.is_empty() && hashes.iter().any(|h| self.given_names.contains_key(h))
    }

    /// Fills the map behind [`Lexicon::key_flags`].
    pub fn index_keys(&mut self) {
        let mut flags = HashKeyed::<u8>::default();
        for &h in self.given_names.keys() {
            *flags.entry(h).or_default() |= 1;
        }
        for &h in self.gazetteer.by_first_word.keys() {
            *flags.entry(h).or_default() |= 2;
        }
        for &h in self.triggers.by_first_word.keys() {
            *flags.entry(h).or_default() |= 4;
        }
        self.key_flags = flags;
    }

    /// For a word's lookup keys (by hash): whether one is a given name (bit 0), starts a
    /// gazetteer name (bit 1), starts a trigger phrase (bit 2).
    pub fn key_flags(&self, hashes: [u64; 3]) -> u8 {
        if self.key_flags.is_empty() {
            return self.is_given_name(hashes) as u8
                | (self.gazetteer.may_start(hashes) as u8) << 1
                | (self.triggers.may_start(hashes) as u8) << 2;
        }
        hashes
            .iter()
            .fold(0, |f, h| f | self.key_flags.get(h).copied().unwrap_or(0))
    }

    /// The lexicon built from the crate's data files, once.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let data = [
                include_str!("../data/gazetteer.tsv"),
                include_str!("../data/triggers.tsv"),
                include_str!("../data/first_names.txt"),
            ];
            let mut lexicon = Lexicon::parse(data[0], data[1]).with_given_names(data[2]);
            lexicon.index_keys();
            lexicon.fingerprint = data.iter().fold(0, |h, d| crate::text::mix(h, hash_str(d)));
            lexicon
        })
    }

    /// Whether a known name or an organization/place head starts with this key.
    pub fn starts_phrase(&self, key: &str) -> bool {
        self.gazetteer.starting_with(key).next().is_some()
            || self
                .triggers
                .starting_with(key)
                .any(|p| matches!(p.payload, TriggerKind::OrgHead | TriggerKind::LocHead))
    }

    /// Whether any gazetteer name or trigger phrase starts with this key.
    pub fn starts_any(&self, key: &str) -> bool {
        self.gazetteer.starting_with(key).next().is_some()
            || self.triggers.starting_with(key).next().is_some()
    }

    /// Whether `key` alone is a trigger of this kind.
    pub fn is_single_word(&self, kind: TriggerKind, key: &str) -> bool {
        self.triggers
            .starting_with(key)
            .any(|p| p.payload == kind && p.words.len() == 1)
    }

    pub fn entry_of(&self, m: &PhraseMatch) -> &GazetteerEntry {
        &self.entries[self.gazetteer.phrases[m.phrase].payload.entry]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn folded(s: &str) -> Vec<String> {
        s.split_whitespace().map(fold).collect()
    }

    #[test]
    fn longest_match_with_clitics_on_first_word() {
        let lex = Lexicon::parse(
            "# comment\nORG\tحلف شمال الأطلسي\tحلف الناتو|الناتو\nLOC\tالعراق\nLOC\tالشرق الأوسط\n",
            "PER_TITLE\tوزير الدفاع\nORG_HEAD\tحلف\n",
        );
        let words = folded("الامين العام لحلف شمال الاطلسي في العراق والشرق الأوسط");
        let found = lex.gazetteer.find_all(&words);
        let spans: Vec<(usize, usize)> = found.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, vec![(2, 5), (6, 7), (7, 9)]);
        assert_eq!(lex.entry_of(&found[0]).canonical, "حلف شمال الأطلسي");
        assert_eq!(lex.entry_of(&found[1]).label, EntityLabel::Loc);
        let t = lex.triggers.find_all(&folded("قال وزير الدفاع"));
        assert_eq!((t[0].start, t[0].end), (1, 3));
    }
}
