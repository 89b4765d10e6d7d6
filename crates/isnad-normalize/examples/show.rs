//! Prints the tokens (with clitics) and sentences of a text file, for eyeballing.
//!
//!     cargo run -p isnad-normalize --example show -- FILE [search|camel]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: show FILE [PROFILE]")?;
    let profile: isnad_normalize::Profile = args.next().as_deref().unwrap_or("search").parse()?;
    let text = std::fs::read_to_string(path)?;
    let tokens = isnad_normalize::tokenize(&text, profile);
    for sentence in isnad_normalize::split_sentences(&text, &tokens) {
        println!("== {}", sentence.span.slice(&text));
        for token in &tokens[sentence.tokens.clone()] {
            let clitics = token.clitics.as_ref().map(|c| {
                let names: Vec<&str> = c.proclitics.iter().map(|p| p.as_str()).collect();
                format!("  [{} + {}]", names.join("+"), token.stem_norm())
            });
            println!("   {:?} {:?} {}{}", token.kind, token.span.slice(&text), token.norm, clitics.unwrap_or_default());
        }
    }
    Ok(())
}
