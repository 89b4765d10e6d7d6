use std::collections::BTreeMap;

use crate::{Document, Error, Layer, Stage, StageInfo};

/// An ordered chain of stages whose requirements were checked when it was built.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.stages.iter().map(|s| s.name())).finish()
    }
}

#[derive(Default)]
pub struct PipelineBuilder {
    stages: Vec<Box<dyn Stage>>,
}

impl PipelineBuilder {
    pub fn stage(mut self, stage: impl Stage + 'static) -> Self {
        self.stages.push(Box::new(stage));
        self
    }

    pub fn boxed_stage(mut self, stage: Box<dyn Stage>) -> Self {
        self.stages.push(stage);
        self
    }

    /// Checks that every stage's requirements are produced by an earlier stage and that no
    /// layer has two producers.
    pub fn build(self) -> Result<Pipeline, Error> {
        if self.stages.is_empty() {
            return Err(Error::Empty);
        }
        let mut producer: BTreeMap<Layer, String> = BTreeMap::new();
        for stage in &self.stages {
            for layer in stage.requires().into_iter().chain(stage.extends()) {
                if !producer.contains_key(&layer) {
                    let later = self
                        .stages
                        .iter()
                        .find(|s| s.produces().contains(&layer))
                        .map(|s| format!(" (stage `{}` produces it: put it before `{}`)", s.name(), stage.name()))
                        .unwrap_or_default();
                    return Err(Error::MissingRequirement {
                        stage: stage.name().to_owned(),
                        layer,
                        hint: later,
                    });
                }
            }
            for layer in stage.produces() {
                if let Some(earlier) = producer.get(&layer) {
                    return Err(Error::DuplicateProducer {
                        stage: stage.name().to_owned(),
                        layer,
                        earlier: earlier.clone(),
                    });
                }
                producer.insert(layer, stage.name().to_owned());
            }
        }
        Ok(Pipeline { stages: self.stages })
    }
}

impl Pipeline {
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Runs every stage over a new document made of `text`.
    pub fn run(&self, text: &str) -> Result<Document, Error> {
        let mut doc = Document::new(text);
        self.run_on(&mut doc)?;
        Ok(doc)
    }

    /// Runs every stage over an existing document, checking that each fills what it declares.
    pub fn run_on(&self, doc: &mut Document) -> Result<(), Error> {
        for stage in &self.stages {
            stage.process(doc).map_err(|source| Error::Stage { stage: stage.name().to_owned(), source })?;
            if let Some(layer) = stage.produces().into_iter().find(|l| !doc.has(l)) {
                return Err(Error::NotProduced { stage: stage.name().to_owned(), layer });
            }
        }
        Ok(())
    }

    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    pub fn infos(&self) -> Vec<StageInfo> {
        self.stages.iter().map(|s| s.info()).collect()
    }

    /// Every layer the pipeline produces, in stage order.
    pub fn produces(&self) -> Vec<Layer> {
        self.stages.iter().flat_map(|s| s.produces()).collect()
    }
}
