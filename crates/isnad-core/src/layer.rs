use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The name of an annotation layer of a [`crate::Document`].
///
/// The five built-in layers are typed fields of the document; any other name is an
/// extension layer (a JSON value), which is how plugins add layers without changing the core.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Layer(Cow<'static, str>);

impl Layer {
    pub const TOKENS: Layer = Layer(Cow::Borrowed("tokens"));
    pub const SENTENCES: Layer = Layer(Cow::Borrowed("sentences"));
    pub const ENTITIES: Layer = Layer(Cow::Borrowed("entities"));
    pub const QUOTES: Layer = Layer(Cow::Borrowed("quotes"));
    pub const METADATA: Layer = Layer(Cow::Borrowed("metadata"));

    /// The built-in layers, in the order they appear in a document's JSON.
    pub const BUILTIN: [Layer; 5] =
        [Layer::TOKENS, Layer::SENTENCES, Layer::ENTITIES, Layer::QUOTES, Layer::METADATA];

    pub fn new(name: impl Into<Cow<'static, str>>) -> Self {
        Layer(name.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_builtin(&self) -> bool {
        Layer::BUILTIN.iter().any(|l| l == self)
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Layer {
    fn from(s: &str) -> Self {
        match Layer::BUILTIN.iter().find(|l| l.as_str() == s) {
            Some(l) => l.clone(),
            None => Layer(Cow::Owned(s.to_owned())),
        }
    }
}
