//! The isnad driver as a library: assemble pipelines of built-in and plugin stages from Rust
//! or from a TOML file, read documents with precise errors, run batches, and snapshot-test
//! any pipeline over a folder of fixtures.
//!
//! ```no_run
//! let pipeline = isnad::default_pipeline()?;
//! let doc = pipeline.run("وقال روتي إن الحلف سيستمر بمهمته.")?;
//! println!("{}", isnad_core::json::document_to_pretty(&doc));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod batch;
pub mod builtin;
pub mod config;
pub mod conll;
pub mod eval;
pub mod input;
pub mod testing;

pub use isnad_core::{Document, Error, Layer, Pipeline, Stage, StageError};

/// The pipeline `isnad analyze` runs without `--pipeline`: every built-in stage in order.
pub fn default_pipeline() -> Result<Pipeline, config::ConfigError> {
    let mut builder = Pipeline::builder();
    for name in builtin::DEFAULT_PIPELINE {
        builder = builder.boxed_stage(builtin::create(name, &Default::default())?);
    }
    Ok(builder.build()?)
}
