//! The `entities` stage.

use isnad_core::{
    Document, Entity, Layer, MentionKind, Metadata, Sentence, Stage, StageError, Token,
};

use crate::cluster::cluster;
use crate::lexicon::Lexicon;
use crate::mentions::{
    attach_roles, find_names, link_bare_heads, link_standalone_titles, DocView, Found,
};
use crate::metadata::find_metadata;
use crate::rules::{
    clean_up, complete_person_names, head_names, look_up_gazetteer, restore_known_names,
};
use crate::tagger::{builtin_model, with_scratch};
use crate::values::find_values;

/// Options of the stage (all on by default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityOptions {
    /// Find DATE, DURATION, NUMBER, PERCENT and MONEY values.
    pub values: bool,
    /// Read translator, author, outlet and dateline.
    pub metadata: bool,
    /// Attach titles to persons and link later titles and head nouns.
    pub roles: bool,
}

impl Default for EntityOptions {
    fn default() -> Self {
        EntityOptions {
            values: true,
            metadata: true,
            roles: true,
        }
    }
}

/// Names (tagger + gazetteers), values, roles and clusters as the `entities` layer, and
/// article metadata as the `metadata` layer.
#[derive(Debug, Clone, Default)]
pub struct EntityStage {
    pub options: EntityOptions,
}

const OPTIONS: &[&str] = &["values", "metadata", "roles"];

impl EntityStage {
    pub fn new(options: EntityOptions) -> Self {
        EntityStage { options }
    }

    /// Options: `values`, `metadata`, `roles` (booleans).
    pub fn from_config(
        options: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Self, StageError> {
        let mut o = EntityOptions::default();
        for (name, value) in options {
            let flag = value.as_bool().ok_or_else(|| {
                StageError::new(format!("entities option `{name}` must be true or false"))
            })?;
            match name.as_str() {
                "values" => o.values = flag,
                "metadata" => o.metadata = flag,
                "roles" => o.roles = flag,
                _ => {
                    return Err(StageError::new(format!(
                        "unknown entities option `{name}`; valid options: {}",
                        OPTIONS.join(", ")
                    )))
                }
            }
        }
        Ok(EntityStage { options: o })
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &str {
        "entities"
    }
    fn version(&self) -> &str {
        env!("CARGO_PKG_VERSION")
    }
    fn requires(&self) -> Vec<Layer> {
        vec![Layer::TOKENS, Layer::SENTENCES]
    }
    fn produces(&self) -> Vec<Layer> {
        vec![Layer::ENTITIES, Layer::METADATA]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let (entities, metadata) = extract(&doc.text, doc.tokens(), doc.sentences(), &self.options);
        doc.entities = Some(entities);
        doc.metadata = Some(metadata);
        Ok(())
    }
}

/// The entities and metadata of a tokenized text.
pub fn extract(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    options: &EntityOptions,
) -> (Vec<Entity>, Metadata) {
    let lexicon = Lexicon::builtin();
    let mut view = DocView::new(text, tokens, sentences);
    let (mut found, triggers, known) =
        with_scratch(|scratch| find_names(&mut view, builtin_model(), lexicon, scratch));
    restore_known_names(&view, lexicon, &known, &mut found);
    clean_up(&view, lexicon, &mut found);
    complete_person_names(&view, lexicon, &mut found);
    head_names(&view, lexicon, &triggers, &mut found);
    look_up_gazetteer(&view, lexicon, &mut found);

    let mut metadata = Metadata::default();
    if options.metadata {
        let (m, mentions) = find_metadata(text);
        metadata = m;
        for mut f in mentions {
            f.tokens = token_range(tokens, &f);
            found.retain(|g| !g.span.overlaps(f.span));
            found.push(f);
        }
    }
    if options.values {
        for v in find_values(text, tokens) {
            let span = v.span;
            // A value that holds a name whole is the better reading (`3.5 مليون ريال` is an
            // amount, not the organization `ريال`); one that cuts across a name is dropped.
            if found.iter().any(|f| f.span.overlaps(span) && !(span.contains(f.span) && span != f.span)) {
                continue;
            }
            found.retain(|f| !span.contains(f.span));
            let mut f = Found::name(span, v.tokens, v.label, vec![v.value.clone()]);
            f.kind = MentionKind::Value;
            f.value = Some(v.value);
            found.push(f);
        }
    }
    if options.roles {
        let roles = attach_roles(&view, lexicon, &triggers, &mut found);
        link_bare_heads(&view, lexicon, &mut found);
        link_standalone_titles(&view, lexicon, &triggers, &roles, &mut found);
    }
    // spans are sacred: anything that does not slice the text cleanly is dropped
    for f in &mut found {
        if f.role
            .is_some_and(|r| r.is_empty() || r.get(text).is_none())
        {
            f.role = None;
        }
    }
    let valid: Vec<bool> = found
        .iter()
        .map(|f| !f.span.is_empty() && f.span.get(text).is_some())
        .collect();
    if valid.iter().any(|v| !v) {
        found = found
            .into_iter()
            .zip(&valid)
            .map(|(mut f, &ok)| {
                if !ok {
                    f.link = Some(usize::MAX);
                }
                f
            })
            .collect();
    }
    (cluster(text, &found), metadata)
}

fn token_range(tokens: &[Token], f: &Found) -> std::ops::Range<usize> {
    let first = tokens.iter().position(|t| t.span.start >= f.span.start);
    match first {
        Some(first) => {
            let end = tokens[first..]
                .iter()
                .position(|t| t.span.end > f.span.end)
                .map_or(tokens.len(), |n| first + n);
            first..end.max(first)
        }
        None => 0..0,
    }
}
