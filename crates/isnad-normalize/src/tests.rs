//! Unit tests of the public API: one per normalization rule and code-point class, the
//! tokenizer's and the splitter's cases, and camel-profile pairs checked against CAMeL Tools.

use isnad_core::{Proclitic, TokenKind};

use crate::*;

fn search(text: &str) -> String {
    normalize(text, Profile::Search)
}

fn camel(text: &str) -> String {
    normalize(text, Profile::Camel)
}

#[test]
fn profiles_parse_and_display() {
    assert_eq!("search".parse::<Profile>(), Ok(Profile::Search));
    assert_eq!("camel".parse::<Profile>(), Ok(Profile::Camel));
    assert!("Camel".parse::<Profile>().unwrap_err().to_string().contains("`search` or `camel`"));
    assert_eq!(Profile::default(), Profile::Search);
    assert_eq!(Profile::Camel.to_string(), "camel");
}

#[test]
fn search_removes_harakat_u064b_to_u065f() {
    for u in 0x064B..=0x065F {
        let mark = char::from_u32(u).unwrap();
        assert_eq!(search(&format!("ب{mark}ت")), "بت", "U+{u:04X}");
    }
    assert_eq!(search("أَكَّدَ الرئيسُ"), "اكد الرئيس");
}

#[test]
fn search_removes_superscript_alef_quranic_marks_and_tatweel() {
    assert_eq!(search("هٰذا"), "هذا");
    for u in (0x0610..=0x061A).chain(0x06D6..=0x06ED) {
        let mark = char::from_u32(u).unwrap();
        assert_eq!(search(&format!("ب{mark}ت")), "بت", "U+{u:04X}");
    }
    assert_eq!(search("بـــعد"), "بعد");
}

#[test]
fn search_folds_alef_forms_alef_maksura_teh_marbuta_keheh_farsi_yeh() {
    assert_eq!(search("أ إ آ ٱ"), "ا ا ا ا");
    assert_eq!(search("إلى مستشفى"), "الي مستشفي");
    assert_eq!(search("مدرسة"), "مدرسه");
    assert_eq!(search("کتاب فارسی"), "كتاب فارسي");
    assert_eq!(search("مؤتمر رئيس"), "مؤتمر رئيس", "ؤ and ئ are kept");
}

#[test]
fn search_maps_arabic_indic_and_extended_digits_to_ascii() {
    assert_eq!(search("٠١٢٣٤٥٦٧٨٩"), "0123456789");
    assert_eq!(search("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    assert_eq!(search("٣٫٥"), "3٫5", "separators are not in the profile's rules");
}

#[test]
fn search_decomposes_presentation_forms() {
    assert_eq!(search("ﻻ"), "لا");
    assert_eq!(search("ﻷ"), "لا", "lam-alef with hamza: the alef is folded too");
    assert_eq!(search("ﺍﻟﺴﻼﻡ"), "السلام");
    assert_eq!(search("ﺓ"), "ه");
    assert_eq!(search("ﯼ"), "ي", "FBFC farsi yeh, folded after decomposition");
    assert_eq!(search("ﷲ"), "الله");
    assert_eq!(search("﷼"), "ريال");
    assert_eq!(search("بﹶت"), "بت", "isolated fatha: mark and carrier space go");
    assert_eq!(search("ﹱ"), "", "tatweel with fathatan");
    assert_eq!(search("﴾١﴿"), "﴾1﴿", "ornate parentheses have no decomposition");
    // Every presentation form maps to chars the profile keeps.
    for u in (0xFB50..=0xFDFF).chain(0xFE70..=0xFEFF) {
        let c = char::from_u32(u).unwrap();
        let once = search(&c.to_string());
        assert_eq!(search(&once), once, "U+{u:04X}");
    }
}

#[test]
fn search_drops_controls_inside_words_only() {
    for control in [
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}', '\u{202C}',
        '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}',
    ] {
        assert_eq!(search(&format!("ب{control}ت")), "بت", "{control:?}");
        assert_eq!(search(&format!("{control}بت")), "بت", "{control:?}");
        assert_eq!(search(&format!("بت{control}")), "بت", "{control:?}");
        assert_eq!(search(&format!(". {control} .")), format!(". {control} ."), "{control:?}");
    }
}

#[test]
fn search_maps_nbsp_to_space_and_keeps_newlines() {
    assert_eq!(search("قال\u{00A0}روتي"), "قال روتي");
    assert_eq!(search("سطر\n\nسطر\r\n"), "سطر\n\nسطر\r\n");
    assert_eq!(search("Hello, world! 42"), "Hello, world! 42");
}

#[test]
fn normalize_word_gives_search_forms() {
    assert_eq!(normalize_word("الأمينُ"), "الامين");
    assert_eq!(normalize_word("\u{200F}وزارة"), "وزاره");
    assert_eq!(normalize_word("NATO"), "NATO");
}

/// Pairs checked with CAMeL Tools 1.6 (Python 3.11, unicodedata 14.0.0):
/// `normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(s)))))`.
#[test]
fn camel_matches_camel_tools_outputs() {
    let cases = [
        ("إلى المدرسةِ ﷼ ﻻ ـ", "الي المدرسه ريال لا ـ"),
        ("أَكَّدَ الرئيسُ\nإلى مستشفى ٣", "اكد الرئيس\nالي مستشفي ٣"),
        ("کتاب فارسی ۱۲", "کتاب فارسی ۱۲"),
        ("ﷺ ﷽", "صلي الله عليه وسلم بسم الله الرحمن الرحيم"),
        ("ب\u{200F}ت \u{00A0}x", "ب\u{200F}ت  x"),
        ("ٱلْقُرْآنُ ٰ ﹶ", "القران   "),
        ("\u{0627}\u{0654}", "ا"),
        ("ﺃﺣﻤﺪ ﺓ ﻯ", "احمد ه ي"),
        ("²³ ﬁ Ⅻ ｔｅｓｔ", "23 fi XII test"),
        ("هٰذِهِ ـهـ ٰ", "هذه ـهـ "),
    ];
    for (input, expected) in cases {
        assert_eq!(camel(input), expected, "{input:?}");
    }
}

fn kinds_and_texts(text: &str) -> Vec<(TokenKind, &str)> {
    tokenize(text, Profile::Search).iter().map(|t| (t.kind, t.span.slice(text))).collect()
}

#[test]
fn tokenizer_splits_words_and_punctuation() {
    use TokenKind::*;
    assert_eq!(
        kinds_and_texts("قال روتي: «الحلف باقٍ»، (وأكد)."),
        vec![
            (Word, "قال"),
            (Word, "روتي"),
            (Punct, ":"),
            (Punct, "«"),
            (Word, "الحلف"),
            (Word, "باقٍ"),
            (Punct, "»"),
            (Punct, "،"),
            (Punct, "("),
            (Word, "وأكد"),
            (Punct, ")"),
            (Punct, "."),
        ]
    );
    assert_eq!(kinds_and_texts("!!؟"), vec![(Punct, "!"), (Punct, "!"), (Punct, "؟")]);
    assert_eq!(kinds_and_texts("a+b $"), vec![(Word, "a"), (Symbol, "+"), (Word, "b"), (Symbol, "$")]);
}

#[test]
fn tokenizer_keeps_numbers_whole() {
    use TokenKind::*;
    assert_eq!(
        kinds_and_texts("3.5 ٣٫٥ 1,200 97% ٩٧٪ ١٬٢٠٠ 2015م بـ564 K24 5."),
        vec![
            (Number, "3.5"),
            (Number, "٣٫٥"),
            (Number, "1,200"),
            (Number, "97%"),
            (Number, "٩٧٪"),
            (Number, "١٬٢٠٠"),
            (Number, "2015"),
            (Word, "م"),
            (Word, "بـ"),
            (Number, "564"),
            (Word, "K24"),
            (Number, "5"),
            (Punct, "."),
        ]
    );
    let tokens = tokenize("٣٫٥ ١٢", Profile::Search);
    assert_eq!(tokens[1].norm, "12");
}

#[test]
fn tokenizer_keeps_urls_emails_hashtags_mentions_whole() {
    use TokenKind::*;
    assert_eq!(
        kinds_and_texts("انظر https://example.com/a/b?x=1. و www.spa.gov.sa, aawsat.com/home/article/41 info@spa.gov.sa #السعودية @NATO_Rutte"),
        vec![
            (Word, "انظر"),
            (Url, "https://example.com/a/b?x=1"),
            (Punct, "."),
            (Word, "و"),
            (Url, "www.spa.gov.sa"),
            (Punct, ","),
            (Url, "aawsat.com/home/article/41"),
            (Email, "info@spa.gov.sa"),
            (Hashtag, "#السعودية"),
            (Mention, "@NATO_Rutte"),
        ]
    );
    assert_eq!(kinds_and_texts("# @"), vec![(Punct, "#"), (Punct, "@")]);
}

#[test]
fn tokenizer_attaches_controls_to_words() {
    let text = "\u{200F}قال\u{200C}وا \u{200E}. \u{200F} كلمة\u{200F}";
    let tokens = tokenize(text, Profile::Search);
    let seen: Vec<(&str, &str)> = tokens.iter().map(|t| (t.span.slice(text), t.norm.as_str())).collect();
    assert_eq!(
        seen,
        vec![
            ("\u{200F}قال\u{200C}وا", "قالوا"),
            ("\u{200E}", "\u{200E}"),
            (".", "."),
            ("\u{200F}", "\u{200F}"),
            ("كلمة\u{200F}", "كلمه"),
        ]
    );
    assert_eq!(tokens[1].kind, TokenKind::Symbol);
}

#[test]
fn tokens_carry_normalized_forms_and_clitics() {
    let text = "والعراق للحلف بالحلف وزير";
    let tokens = tokenize(text, Profile::Search);
    assert_eq!(tokens.len(), 4);
    let clitics =
        |i: usize| tokens[i].clitics.as_ref().map(|c| (c.proclitics.to_vec(), c.stem.slice(text), tokens[i].stem_norm()));
    assert_eq!(clitics(0), Some((vec![Proclitic::Wa, Proclitic::Al], "عراق", "عراق")));
    assert_eq!(clitics(1), Some((vec![Proclitic::Li, Proclitic::Al], "حلف", "حلف")));
    assert_eq!(clitics(2), Some((vec![Proclitic::Bi, Proclitic::Al], "حلف", "حلف")));
    assert_eq!(clitics(3), None);
    assert_eq!(tokens[3].stem_norm(), "وزير");

    let camel_tokens = tokenize("المدرسةِ", Profile::Camel);
    assert_eq!(camel_tokens[0].norm, "المدرسه");
    assert_eq!(camel_tokens[0].stem_norm(), "مدرسه");
}

fn sentence_texts(text: &str) -> Vec<&str> {
    let tokens = tokenize(text, Profile::Search);
    split_sentences(text, &tokens).iter().map(|s| s.span.slice(text)).collect()
}

#[test]
fn splitter_ends_at_terminators_and_line_breaks() {
    assert_eq!(sentence_texts("قال روتي. وأضاف؟ نعم! ثم\nسطر"), vec!["قال روتي.", "وأضاف؟", "نعم!", "ثم", "سطر"]);
    assert_eq!(sentence_texts("ماذا؟! حقا... نعم"), vec!["ماذا؟!", "حقا...", "نعم"]);
    assert_eq!(sentence_texts("انتهى… ثم بدأ"), vec!["انتهى…", "ثم بدأ"]);
    assert_eq!(sentence_texts(""), Vec::<&str>::new());
    assert_eq!(sentence_texts("  \n "), Vec::<&str>::new());
}

#[test]
fn splitter_keeps_numbers_abbreviations_and_inner_ellipses() {
    assert_eq!(sentence_texts("بلغ 3.5 مليون. ثم"), vec!["بلغ 3.5 مليون.", "ثم"]);
    assert_eq!(
        sentence_texts("قال د. محمد إن أ.د. علي في U.S. الآن. تم"),
        vec!["قال د. محمد إن أ.د. علي في U.S. الآن.", "تم"]
    );
    assert_eq!(sentence_texts("في عام 2015م. ثم"), vec!["في عام 2015م.", "ثم"]);
    assert_eq!(sentence_texts("قال ... إن الأمر…، ثم انتهى."), vec!["قال ... إن الأمر…، ثم انتهى."]);
    assert_eq!(sentence_texts("Mr. Smith said. Then"), vec!["Mr. Smith said.", "Then"]);
}

#[test]
fn splitter_never_ends_inside_a_quotation() {
    assert_eq!(sentence_texts("قال: «هذا. وذاك» ثم مضى. بعد"), vec!["قال: «هذا. وذاك» ثم مضى.", "بعد"]);
    assert_eq!(sentence_texts("قال: “أولا. ثانيا.” ثم"), vec!["قال: “أولا. ثانيا.”", "ثم"]);
    assert_eq!(sentence_texts("قال: \"أولا. ثانيا\" ثم. بعد"), vec!["قال: \"أولا. ثانيا\" ثم.", "بعد"]);
    // An unclosed quotation closes at the line break.
    assert_eq!(sentence_texts("قال: «أولا. ثانيا\nسطر. آخر"), vec!["قال: «أولا. ثانيا", "سطر.", "آخر"]);
    assert_eq!(sentence_texts("قال: «نعم.» ثم"), vec!["قال: «نعم.»", "ثم"]);
}

#[test]
fn sentences_index_their_tokens() {
    let text = "قال هو. ثم هي؟";
    let tokens = tokenize(text, Profile::Search);
    let sentences = split_sentences(text, &tokens);
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[0].tokens, 0..3);
    assert_eq!(sentences[1].tokens, 3..6);
}

#[test]
fn stage_declares_layers_and_reads_options() {
    use isnad_core::{Layer, Stage};
    let stage = NormalizeStage::default();
    assert_eq!(stage.name(), "normalize");
    assert_eq!(stage.produces(), vec![Layer::TOKENS, Layer::SENTENCES]);
    assert!(stage.requires().is_empty());

    let options = |json: &str| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(json).unwrap();
    assert_eq!(NormalizeStage::from_config(&options(r#"{"profile": "camel"}"#)).unwrap().profile(), Profile::Camel);
    let err = NormalizeStage::from_config(&options(r#"{"profil": "camel"}"#)).unwrap_err();
    assert!(err.message.contains("profil") && err.message.contains("profile"), "{}", err.message);
    assert!(NormalizeStage::from_config(&options(r#"{"profile": "x"}"#)).is_err());
    assert!(NormalizeStage::from_config(&options(r#"{"profile": 1}"#)).is_err());

    let mut doc = isnad_core::Document::new("قال روتي. انتهى");
    NormalizeStage::new(Profile::Search).process(&mut doc).unwrap();
    assert_eq!(doc.tokens().len(), 4);
    assert_eq!(doc.sentences().len(), 2);
}

proptest::proptest! {
    /// The tokenizer's one-pass path for plain Arabic words gives the same norm and clitics
    /// as the general functions.
    #[test]
    fn plain_word_fast_path_matches_general_analysis(
        word in "(ال|وال|لل|بال|و|ف|س|)[\u{0620}-\u{065F}]{0,9}",
        after in "[ .a5،؛؟»«\u{a0}\u{0660}\u{06cc}\u{0670}\u{2028}]",
    ) {
        let text = format!("{word}{after} .");
        let tokens = tokenize(&text, Profile::Search);
        let first = &tokens[0];
        proptest::prop_assert_eq!(&first.norm, &normalize_word(first.span.slice(&text)));
        proptest::prop_assert_eq!(&first.clitics, &analyze_clitics(&text, first.span, Profile::Search));

        let tokens = tokenize(&text, Profile::Camel);
        let first = &tokens[0];
        proptest::prop_assert_eq!(first.norm.as_str(), normalize(first.span.slice(&text), Profile::Camel));
        proptest::prop_assert_eq!(&first.clitics, &analyze_clitics(&text, first.span, Profile::Camel));
    }
}
