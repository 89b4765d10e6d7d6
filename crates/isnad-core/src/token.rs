//! The token layer: what a token is, its normalized form and its proclitic analysis.
//!
//! A document has about one token per ten bytes of text, so the token is kept small and
//! allocation-free for the common case (the tokenizer runs at hundreds of MB/s): the
//! proclitics are packed in two bytes ([`Proclitics`]) and the stem's normalized form, always
//! a suffix of the token's `norm`, is an offset into it rather than a second string. The JSON
//! form is unchanged: `clitics: {proclitics: ["و", "ال"], stem: {…}, stem_norm: "…"}`.

use std::fmt;
use std::num::NonZeroU16;

use compact_str::CompactString;
use serde::de::Error as _;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Span;

/// What a token is. Numbers, URLs, e-mails, hashtags and mentions are single tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Url,
    Email,
    Hashtag,
    Mention,
    Symbol,
}

/// A proclitic recognised at the start of a word (the span is never split).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Proclitic {
    #[serde(rename = "و")]
    Wa,
    #[serde(rename = "ف")]
    Fa,
    #[serde(rename = "ب")]
    Bi,
    #[serde(rename = "ل")]
    Li,
    #[serde(rename = "ك")]
    Ka,
    #[serde(rename = "س")]
    Sa,
    /// The definite article ال, also when its alef is elided after ل (`للحلف`).
    #[serde(rename = "ال")]
    Al,
}

impl Proclitic {
    const ALL: [Proclitic; 7] =
        [Proclitic::Wa, Proclitic::Fa, Proclitic::Bi, Proclitic::Li, Proclitic::Ka, Proclitic::Sa, Proclitic::Al];

    pub fn as_str(self) -> &'static str {
        match self {
            Proclitic::Wa => "و",
            Proclitic::Fa => "ف",
            Proclitic::Bi => "ب",
            Proclitic::Li => "ل",
            Proclitic::Ka => "ك",
            Proclitic::Sa => "س",
            Proclitic::Al => "ال",
        }
    }
}

/// A word's proclitics in order, at most [`Proclitics::CAPACITY`] (a word carries at most
/// four: و/ف, ب/ل/ك/س, ال, and ال after ل). Packed in two bytes so that a token's analysis
/// is `Copy` and needs no allocation; in JSON, the list of their forms (`["و", "ال"]`).
///
/// Layout: bit 0 is always set (so `Option<Clitics>` costs nothing), bits 1–3 hold the count
/// and each proclitic takes three bits from bit 4 on.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Proclitics(NonZeroU16);

impl Proclitics {
    pub const CAPACITY: usize = 4;
    pub const EMPTY: Proclitics = Proclitics(NonZeroU16::MIN);

    pub fn len(self) -> usize {
        ((self.0.get() >> 1) & 0b111) as usize
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The `i`th proclitic, first to last.
    pub fn get(self, i: usize) -> Option<Proclitic> {
        (i < self.len()).then(|| Proclitic::ALL[((self.0.get() >> (4 + 3 * i)) & 0b111) as usize])
    }

    /// Appends `p`; returns `false` (and changes nothing) when already full.
    pub fn push(&mut self, p: Proclitic) -> bool {
        let len = self.len();
        if len == Self::CAPACITY {
            return false;
        }
        let bits = self.0.get() & !(0b111 << 1);
        let bits = bits | ((len as u16 + 1) << 1) | ((p as u16) << (4 + 3 * len));
        self.0 = NonZeroU16::new(bits).unwrap_or(NonZeroU16::MIN);
        true
    }

    pub fn contains(self, p: &Proclitic) -> bool {
        self.iter().any(|q| q == *p)
    }

    pub fn iter(self) -> ProcliticIter {
        ProcliticIter { proclitics: self, range: 0..self.len() }
    }

    pub fn to_vec(self) -> Vec<Proclitic> {
        self.iter().collect()
    }
}

/// The proclitics of a [`Proclitics`], first to last, by value.
#[derive(Debug, Clone)]
pub struct ProcliticIter {
    proclitics: Proclitics,
    range: std::ops::Range<usize>,
}

impl Iterator for ProcliticIter {
    type Item = Proclitic;
    fn next(&mut self) -> Option<Proclitic> {
        self.range.next().and_then(|i| self.proclitics.get(i))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for ProcliticIter {
    fn next_back(&mut self) -> Option<Proclitic> {
        self.range.next_back().and_then(|i| self.proclitics.get(i))
    }
}

impl ExactSizeIterator for ProcliticIter {}

impl Default for Proclitics {
    fn default() -> Self {
        Proclitics::EMPTY
    }
}

impl IntoIterator for Proclitics {
    type Item = Proclitic;
    type IntoIter = ProcliticIter;
    fn into_iter(self) -> ProcliticIter {
        self.iter()
    }
}

impl IntoIterator for &Proclitics {
    type Item = Proclitic;
    type IntoIter = ProcliticIter;
    fn into_iter(self) -> ProcliticIter {
        self.iter()
    }
}

/// Collects at most [`Proclitics::CAPACITY`] proclitics; the rest are dropped.
impl FromIterator<Proclitic> for Proclitics {
    fn from_iter<I: IntoIterator<Item = Proclitic>>(iter: I) -> Self {
        let mut out = Proclitics::EMPTY;
        for p in iter {
            out.push(p);
        }
        out
    }
}

impl From<&[Proclitic]> for Proclitics {
    fn from(list: &[Proclitic]) -> Self {
        list.iter().copied().collect()
    }
}

impl<const N: usize> From<[Proclitic; N]> for Proclitics {
    fn from(list: [Proclitic; N]) -> Self {
        list.into_iter().collect()
    }
}

impl PartialEq<[Proclitic]> for Proclitics {
    fn eq(&self, other: &[Proclitic]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

impl fmt::Debug for Proclitics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Proclitics {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for p in self.iter() {
            seq.serialize_element(&p)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Proclitics {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = Vec::<Proclitic>::deserialize(d)?;
        if list.len() > Proclitics::CAPACITY {
            return Err(D::Error::custom(format!(
                "a word has at most {} proclitics, got {}",
                Proclitics::CAPACITY,
                list.len()
            )));
        }
        Ok(list.as_slice().into())
    }
}

/// The clitic analysis of a word: its proclitics in order, and the stem they leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Clitics {
    pub proclitics: Proclitics,
    /// The stem's span in the original text (inside the token's span).
    pub stem: Span,
    /// Where the stem's normalized form starts in the token's `norm`: the stem's form is
    /// always that suffix (for `للحلف`, norm `للحلف`, `حلف` from byte 4). Read it with
    /// [`Token::stem_norm`].
    pub stem_norm_start: u32,
}

/// A token: its span in the original, its normalized form and, for words that carry
/// proclitics, their analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub norm: CompactString,
    pub clitics: Option<Clitics>,
}

impl Token {
    /// The normalized stem: the clitic analysis's stem if any, else the whole normalized form.
    pub fn stem_norm(&self) -> &str {
        match &self.clitics {
            Some(c) => self.norm.get(c.stem_norm_start as usize..).unwrap_or(""),
            None => &self.norm,
        }
    }

    /// The analysis whose stem has the normalized form `stem_norm`, if that is a suffix of
    /// `norm` (it always is for the tokenizer's analyses); `None` otherwise.
    pub fn clitics_with_stem_norm(
        norm: &str,
        proclitics: Proclitics,
        stem: Span,
        stem_norm: &str,
    ) -> Option<Clitics> {
        if !norm.ends_with(stem_norm) {
            return None;
        }
        let stem_norm_start = u32::try_from(norm.len() - stem_norm.len()).ok()?;
        Some(Clitics { proclitics, stem, stem_norm_start })
    }
}

/// The JSON form of [`Clitics`], with the stem's form written out.
#[derive(Serialize, Deserialize)]
struct CliticsJson<S> {
    proclitics: Proclitics,
    stem: Span,
    stem_norm: S,
}

/// Written as the derived form of `{#[serde(flatten)] span, kind, norm, clitics?}` was.
impl Serialize for Token {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::json::with_current_text(|text| {
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("start", &self.span.start)?;
            map.serialize_entry("end", &self.span.end)?;
            if let Some(text) = text {
                map.serialize_entry("text", self.span.get(text).unwrap_or(""))?;
            }
            map.serialize_entry("kind", &self.kind)?;
            map.serialize_entry("norm", &self.norm)?;
            if let Some(c) = &self.clitics {
                let json = CliticsJson { proclitics: c.proclitics, stem: c.stem, stem_norm: self.stem_norm() };
                map.serialize_entry("clitics", &json)?;
            }
            map.end()
        })
    }
}

impl<'de> Deserialize<'de> for Token {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct TokenJson {
            #[serde(flatten)]
            span: Span,
            kind: TokenKind,
            norm: CompactString,
            #[serde(default)]
            clitics: Option<CliticsJson<CompactString>>,
        }
        let t = TokenJson::deserialize(d)?;
        let clitics = match t.clitics {
            None => None,
            Some(c) => Some(Token::clitics_with_stem_norm(&t.norm, c.proclitics, c.stem, &c.stem_norm).ok_or_else(
                || D::Error::custom(format!("stem_norm `{}` is not a suffix of norm `{}`", c.stem_norm, t.norm)),
            )?),
        };
        Ok(Token { span: t.span, kind: t.kind, norm: t.norm, clitics })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proclitics_pack_and_unpack() {
        let mut p = Proclitics::EMPTY;
        assert!(p.is_empty());
        for q in [Proclitic::Wa, Proclitic::Li, Proclitic::Al, Proclitic::Sa] {
            assert!(p.push(q));
        }
        assert!(!p.push(Proclitic::Fa));
        assert_eq!(p.to_vec(), [Proclitic::Wa, Proclitic::Li, Proclitic::Al, Proclitic::Sa]);
        assert!(p.contains(&Proclitic::Al) && !p.contains(&Proclitic::Bi));
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"["و","ل","ال","س"]"#);
        assert_eq!(serde_json::from_str::<Proclitics>(r#"["و","ال"]"#).unwrap(), Proclitics::from([Proclitic::Wa, Proclitic::Al]));
        assert!(serde_json::from_str::<Proclitics>(r#"["و","و","و","و","و"]"#).is_err());
        assert_eq!(std::mem::size_of::<Option<Clitics>>(), std::mem::size_of::<Clitics>());
    }

    #[test]
    fn token_json_round_trips_and_checks_the_stem_form() {
        let json = r#"{"start":0,"end":10,"kind":"word","norm":"للحلف","clitics":{"proclitics":["ل","ال"],"stem":{"start":4,"end":10},"stem_norm":"حلف"}}"#;
        let token: Token = serde_json::from_str(json).unwrap();
        assert_eq!(token.stem_norm(), "حلف");
        assert_eq!(serde_json::to_string(&token).unwrap(), json);
        let bad = json.replace(r#""stem_norm":"حلف""#, r#""stem_norm":"عراق""#);
        assert!(serde_json::from_str::<Token>(&bad).is_err());
    }
}
