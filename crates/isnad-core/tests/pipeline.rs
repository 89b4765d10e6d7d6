use isnad_core::{Document, Error, Layer, Pipeline, Sentence, Span, Stage, StageError};

struct Fake {
    name: &'static str,
    requires: Vec<Layer>,
    produces: Vec<Layer>,
}

impl Stage for Fake {
    fn name(&self) -> &str {
        self.name
    }
    fn version(&self) -> &str {
        "0"
    }
    fn requires(&self) -> Vec<Layer> {
        self.requires.clone()
    }
    fn produces(&self) -> Vec<Layer> {
        self.produces.clone()
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        if self.produces.contains(&Layer::SENTENCES) {
            doc.sentences = Some(vec![Sentence { span: Span::new(0, doc.text.len()), tokens: 0..0 }]);
        }
        Ok(())
    }
}

fn fake(name: &'static str, requires: &[Layer], produces: &[Layer]) -> Fake {
    Fake { name, requires: requires.to_vec(), produces: produces.to_vec() }
}

#[test]
fn a_missing_requirement_names_the_stage_and_layer() {
    let err = Pipeline::builder()
        .stage(fake("quotes", &[Layer::ENTITIES], &[Layer::QUOTES]))
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "stage `quotes` requires the `entities` layer, but no earlier stage produces it"
    );
}

#[test]
fn a_misordered_pipeline_says_which_stage_to_move() {
    let err = Pipeline::builder()
        .stage(fake("quotes", &[Layer::SENTENCES], &[Layer::QUOTES]))
        .stage(fake("split", &[], &[Layer::SENTENCES]))
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("stage `split` produces it: put it before `quotes`"), "{err}");
}

#[test]
fn two_producers_of_one_layer_are_refused() {
    let err = Pipeline::builder()
        .stage(fake("a", &[], &[Layer::SENTENCES]))
        .stage(fake("b", &[], &[Layer::SENTENCES]))
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::DuplicateProducer { .. }), "{err}");
}

#[test]
fn a_stage_that_does_not_fill_its_layer_is_caught() {
    let p = Pipeline::builder().stage(fake("liar", &[], &[Layer::TOKENS])).build().unwrap();
    let err = p.run("نص").unwrap_err();
    assert_eq!(err.to_string(), "stage `liar` did not produce the `tokens` layer it declares");
}

#[test]
fn a_valid_pipeline_runs() {
    let p = Pipeline::builder()
        .stage(fake("split", &[], &[Layer::SENTENCES]))
        .stage(fake("use", &[Layer::SENTENCES], &[]))
        .build()
        .unwrap();
    let doc = p.run("جملة").unwrap();
    assert_eq!(doc.sentences().len(), 1);
    assert_eq!(doc.text, "جملة");
}

#[test]
fn an_empty_pipeline_is_refused() {
    assert_eq!(Pipeline::builder().build().unwrap_err(), Error::Empty);
}

struct Extender;
impl Stage for Extender {
    fn name(&self) -> &str {
        "extender"
    }
    fn version(&self) -> &str {
        "0"
    }
    fn requires(&self) -> Vec<Layer> {
        vec![]
    }
    fn produces(&self) -> Vec<Layer> {
        vec![]
    }
    fn extends(&self) -> Vec<Layer> {
        vec![Layer::ENTITIES]
    }
    fn process(&self, _: &mut Document) -> Result<(), StageError> {
        Ok(())
    }
}

#[test]
fn a_stage_can_only_extend_a_layer_that_exists() {
    let err = Pipeline::builder().stage(Extender).build().unwrap_err();
    assert!(err.to_string().starts_with("stage `extender` requires the `entities` layer"), "{err}");
}
