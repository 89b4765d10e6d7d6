// Shared by the eval example and the bench: the default pipeline (normalize → entities →
// quotes), and the preparation of a document for the quote stage alone.
// (Included with `include!`, so no module docs here.)

#[allow(dead_code)]
fn full_pipeline() -> Option<isnad_core::Pipeline> {
    isnad_core::Pipeline::builder()
        .stage(isnad_normalize::NormalizeStage::default())
        .stage(isnad_entities::EntityStage::default())
        .stage(isnad_quotes::QuoteStage::default())
        .build()
        .ok()
}

/// Runs every stage before the quote stage.
#[allow(dead_code)]
fn prepare(doc: &mut isnad_core::Document) {
    let normalize = isnad_normalize::NormalizeStage::default();
    let entities = isnad_entities::EntityStage::default();
    let _ = isnad_core::Stage::process(&normalize, doc);
    let _ = isnad_core::Stage::process(&entities, doc);
    doc.tokens.get_or_insert_with(Vec::new);
    doc.sentences.get_or_insert_with(Vec::new);
    doc.entities.get_or_insert_with(Vec::new);
}
