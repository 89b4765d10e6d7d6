//! Arbitrary input never panics, and every span slices the text on char boundaries.

use proptest::prelude::*;

fn check(text: &str) {
    let (tokens, sentences) = isnad_entities::simple_tokens::tokenize(text);
    let (entities, metadata) =
        isnad_entities::extract(text, &tokens, &sentences, &Default::default());
    for e in &entities {
        assert!(!e.mentions.is_empty());
        for span in e
            .mentions
            .iter()
            .map(|m| m.span)
            .chain(e.roles.iter().copied())
        {
            assert!(
                span.start < span.end && span.get(text).is_some(),
                "bad span {span:?} in {text:?}"
            );
        }
    }
    for f in [
        &metadata.author,
        &metadata.translator,
        &metadata.source_outlet,
        &metadata.dateline,
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(f.span.get(text), Some(f.value.as_str()));
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    assert_eq!(
        isnad_entities::tag_conll_sentence(&words).len(),
        words.len()
    );
}

const PIECES: &[&str] = &[
    "وزير",
    "الدفاع",
    "الأميركي",
    "لويد",
    "اوستن",
    "،",
    "الأمين",
    "العام",
    "للحلف",
    "لحلف",
    "شمال",
    "الأطلسي",
    "والعراق",
    "ترجمة",
    "/",
    "-",
    "–",
    "عن",
    "K24",
    "\n",
    ":",
    "بقلم",
    "كتب",
    "مارك",
    "روتي",
    "البرلمان",
    "الألماني",
    "ضد",
    "داعش",
    "في",
    "بعثة",
    "ـ",
    "\u{064E}",
    "\u{0640}",
    "لل",
    "و",
    "ال",
    ".",
    "\"",
    "2024",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn arabic_news_like_text(parts in proptest::collection::vec((0..PIECES.len(), prop_oneof![Just(" "), Just(""), Just("\n")]), 0..60)) {
        let text: String = parts.iter().map(|(i, sep)| format!("{}{}", PIECES[*i], sep)).collect();
        check(&text);
    }
}
