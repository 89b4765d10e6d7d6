//! Arabic normalization, tokenization with clitic analysis, and sentence splitting: the
//! `normalize` stage of isnad.
//!
//! The original text is never changed: [`tokenize`] gives every token its byte span in the
//! original and its normalized form, so later stages match on normalized forms and report
//! original spans.
//!
//! Two profiles ([`Profile`]):
//! - `search` (default): harakat U+064B–065F, superscript alef U+0670, Quranic marks
//!   U+0610–061A and U+06D6–06ED and tatweel U+0640 removed; أ إ آ ٱ → ا, ى → ي, ة → ه,
//!   ک → ك, ی → ي (ؤ ئ kept); Arabic-Indic and Extended Arabic-Indic digits → ASCII;
//!   presentation forms U+FB50–FDFF and U+FE70–FEFF decomposed to base letters (with these
//!   rules applied to the result); zero-width and bidi controls (U+200B–200F, U+061C,
//!   U+202A–202E, U+2066–2069, U+FEFF) dropped inside and at the edges of words; NBSP → space.
//! - `camel`: exactly CAMeL Tools 1.6's `normalize_unicode`, `dediac_ar`, `normalize_alef_ar`,
//!   `normalize_alef_maksura_ar`, `normalize_teh_marbuta_ar` chain (see `camel.rs`); checked
//!   identical on all 31,030 SaudiNewsNet articles by `scripts/camel_compat.py`. Like CAMeL
//!   Tools, it is not idempotent when a composing mark U+0653–0655 follows a folded letter.
//!
//! [`tokenize`] gives words, numbers (`3.5`, `٣٫٥`, `1,200`, `97%`), URLs, e-mails, hashtags,
//! mentions, and one token per punctuation or symbol char; tokens never overlap and cover
//! every non-whitespace char. Invisible controls belong to the word they touch (and are
//! dropped from its norm); a control touching no word is a `Symbol` token. Arabic words get
//! a conservative proclitic analysis (see `clitics.rs` for the rules and `clitics/lists.rs`
//! for the word lists): `والعراق` → و + ال + `عراق`, `للحلف` → ل + ال + `حلف`, but `وزير`,
//! `فلسطين`, `لبنان` stay whole.
//!
//! [`split_sentences`] ends sentences at `.` `؟` `?` `!` `…` and line breaks, never inside
//! a quotation, and not after abbreviations (`د.`, `أ.د.`, `U.S.`); see `sentences.rs`.

mod camel;
mod chars;
mod clitics;
mod search;
mod sentences;
mod stage;
mod tokenize;

use std::fmt;
use std::str::FromStr;

pub use isnad_core::CompactString;

pub use clitics::analyze_clitics;
pub use sentences::split_sentences;
pub use stage::NormalizeStage;
pub use tokenize::tokenize;

/// A normalization profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Profile {
    /// isnad's own folding for matching (the default).
    #[default]
    Search,
    /// Identical output to CAMeL Tools 1.6's usual normalization chain.
    Camel,
}

impl Profile {
    pub const ALL: [Profile; 2] = [Profile::Search, Profile::Camel];

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Search => "search",
            Profile::Camel => "camel",
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown profile name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownProfile(pub String);

impl fmt::Display for UnknownProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown normalization profile `{}` (expected `search` or `camel`)", self.0)
    }
}

impl std::error::Error for UnknownProfile {}

impl FromStr for Profile {
    type Err = UnknownProfile;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "search" => Ok(Profile::Search),
            "camel" => Ok(Profile::Camel),
            other => Err(UnknownProfile(other.to_owned())),
        }
    }
}

/// The normalized form of a whole text; newlines and all other whitespace are kept.
pub fn normalize(text: &str, profile: Profile) -> String {
    match profile {
        Profile::Search => search::normalize_search(text),
        Profile::Camel => camel::normalize_camel(text),
    }
}

/// The search form of one word (controls dropped), for other crates' lexicons: the same form
/// the tokenizer gives a token with that text.
pub fn normalize_word(word: &str) -> CompactString {
    search::search_word(word)
}

/// The `profile` form of a token's text. Controls inside the token are dropped in both
/// profiles (CAMeL keeps them; a token's norm never holds one).
pub(crate) fn token_norm(token_text: &str, profile: Profile) -> CompactString {
    match profile {
        Profile::Search => search::search_word(token_text),
        Profile::Camel if camel::is_camel_fixed_point(token_text) => CompactString::from(token_text),
        Profile::Camel => {
            let mut out = String::with_capacity(token_text.len());
            camel::push_camel(token_text, &mut out);
            if out.chars().any(chars::is_invisible_control) {
                out.retain(|c| !chars::is_invisible_control(c));
            }
            CompactString::from(out)
        }
    }
}

#[cfg(test)]
mod tests;
