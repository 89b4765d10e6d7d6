//! The whole default pipeline on arbitrary input: no panic, and every span it writes slices
//! the original text on character boundaries.

use proptest::prelude::*;

fn arabic_heavy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال", "وأضاف", " ", "، ", ".", "\n", "«", "»", "\"", "“", "”", ":", "إن", "أن", "بأن",
        "روتي", "مارك", "الأمين العام للحلف", "حلف الناتو", "وزير", "٣٫٥", "0٫58", "2,5", "97%", "6 أيلول 2024",
        "\u{200f}", "\u{640}", "\u{64b}", "ﻻ", "https://x.y/z", "#وسم", "@user", "د.", "…",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let pipeline = isnad::default_pipeline().unwrap();
    let doc = pipeline.run(text).unwrap();
    assert_eq!(doc.text, text);
    isnad_core::json::check_document(&doc).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_unicode(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn arabic_news_like(text in arabic_heavy()) {
        check(&text);
    }
}
