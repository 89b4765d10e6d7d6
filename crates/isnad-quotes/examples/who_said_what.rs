//! Prints the who-said-what table of a text file (or stdin) through the default pipeline:
//! `cargo run --release -p isnad-quotes --example who_said_what -- FILE [--logical]`.

use std::io::Read;

use isnad_quotes::table::{render_with, Bidi};

include!("common/pipeline.rs");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bidi = if args.iter().any(|a| a == "--logical") {
        Bidi::Logical
    } else {
        Bidi::Visual
    };
    let mut text = String::new();
    match args
        .iter()
        .find(|a| !a.starts_with("--"))
        .filter(|a| *a != "-")
    {
        Some(path) => text = std::fs::read_to_string(path)?,
        None => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let pipeline = full_pipeline().ok_or("pipeline")?;
    let doc = pipeline.run(&text)?;
    print!("{}", render_with(&doc, bidi));
    Ok(())
}
