//! CoNLL in, CoNLL out: the entity tagger on pre-tokenized text, for evaluation on ANERcorp.

/// Tags CoNLL text: one token per line (its first whitespace-separated column; other columns
/// are ignored), blank lines between sentences. Returns `token TAG` lines (IOB2, PER, LOC,
/// ORG, MISC) with the same sentence breaks.
pub fn tag(conll: &str) -> String {
    // Sentences are tagged together: the tagger makes names consistent across neighbouring
    // sentences of one article, as the stage does across a document.
    let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
    for line in conll.lines() {
        match line.split_whitespace().next() {
            Some(word) => sentences.last_mut().expect("never empty").push(word),
            None => sentences.push(Vec::new()),
        }
    }
    let tags = isnad_entities::tag_conll_sentences(&sentences);
    let mut out = String::with_capacity(conll.len() * 2);
    for (i, (words, tags)) in sentences.iter().zip(&tags).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (word, tag) in words.iter().zip(tags) {
            out.push_str(word);
            out.push(' ');
            out.push_str(tag);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn sentence_breaks_and_tokens_are_kept() {
        let out = super::tag("أعلن O\nاتحاد B-ORG\n\nفي ألمانيا\n");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("أعلن "));
        assert!(lines[1].starts_with("اتحاد "));
        assert_eq!(lines[2], "");
        assert!(lines[3].starts_with("في "));
        for line in [lines[0], lines[1], lines[3]] {
            let tag = line.split(' ').nth(1).unwrap();
            assert!(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"), "{line}");
        }
    }
}
