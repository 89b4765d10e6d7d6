//! Prints the entities and metadata of a text file (tokenized by the crate's simple
//! tokenizer): `cargo run --release -p isnad-entities --example show_entities -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: show_entities FILE");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let (tokens, sentences) = isnad_entities::simple_tokens::tokenize(&text);
    let (entities, metadata) =
        isnad_entities::extract(&text, &tokens, &sentences, &Default::default());
    for f in [
        ("translator", &metadata.translator),
        ("author", &metadata.author),
        ("outlet", &metadata.source_outlet),
        ("dateline", &metadata.dateline),
    ] {
        if let (name, Some(v)) = f {
            println!("{name}: {}", v.value);
        }
    }
    for e in entities {
        let mentions: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}[{:?}]", m.span.slice(&text), m.kind))
            .collect();
        let roles: Vec<&str> = e.roles.iter().map(|r| r.slice(&text)).collect();
        println!(
            "{} {} «{}» {:?} roles={:?} value={:?}",
            e.id,
            e.label.as_str(),
            e.canonical,
            mentions,
            roles,
            e.value
        );
    }
}
