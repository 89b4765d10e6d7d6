//! CoNLL in, CoNLL out: the entity tagger on pre-tokenized text, for evaluation on ANERcorp.

/// Tags CoNLL text: one token per line (its first whitespace-separated column; other columns
/// are ignored), blank lines between sentences. Returns `token TAG` lines (IOB2, PER, LOC,
/// ORG, MISC) with the same sentence breaks.
pub fn tag(conll: &str) -> String {
    let mut out = String::with_capacity(conll.len() * 2);
    let mut sentence: Vec<&str> = Vec::new();
    let flush = |sentence: &mut Vec<&str>, out: &mut String| {
        if sentence.is_empty() {
            return;
        }
        for (word, tag) in sentence.iter().zip(isnad_entities::tag_conll_sentence(sentence)) {
            out.push_str(word);
            out.push(' ');
            out.push_str(&tag);
            out.push('\n');
        }
        sentence.clear();
    };
    for line in conll.lines() {
        match line.split_whitespace().next() {
            Some(word) => sentence.push(word),
            None => {
                flush(&mut sentence, &mut out);
                out.push('\n');
            }
        }
    }
    flush(&mut sentence, &mut out);
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
