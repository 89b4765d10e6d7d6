//! Tests of the value rules against a tiny tokenizer of their own (so that they do not depend
//! on the normalizer's details): letters and digits in runs, every other character alone,
//! normalized as isnad-normalize does (no diacritics, أإآ→ا, ى→ي, ة→ه, ASCII digits).
//! `tokenize_with_clitics` also analyses proclitics the way the real tokenizer reports them,
//! and every example is also run on isnad-normalize's tokens.

use isnad_core::{CompactString, EntityLabel, Proclitic, Span, Token, TokenKind};
use isnad_normalize::Profile;
use proptest::prelude::*;

use super::{find_values, ValueMatch};

fn is_mark(c: char) -> bool {
    super::is_mark(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c)
}

fn normalize(s: &str) -> CompactString {
    s.chars()
        .filter(|&c| !is_mark(c))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '٠'..='٩' => char::from_u32(c as u32 - '٠' as u32 + '0' as u32).unwrap_or(c),
            '۰'..='۹' => char::from_u32(c as u32 - '۰' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn tokenize_plain(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if is_digit(c) {
            TokenKind::Number
        } else if c.is_alphabetic() || is_mark(c) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != TokenKind::Punct {
            while let Some(&(at, next)) = chars.peek() {
                let same = match kind {
                    TokenKind::Number => is_digit(next),
                    _ => next.is_alphabetic() || is_mark(next),
                };
                if !same {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
        }
        let span = Span::new(start, end);
        tokens.push(Token { span, kind, norm: normalize(span.slice(text)), clitics: None });
    }
    tokens
}

/// Like the real tokenizer: و/ف, then ب/ل/ك, then ال, when the stem left has 3+ letters.
fn tokenize_with_clitics(text: &str) -> Vec<Token> {
    let mut tokens = tokenize_plain(text);
    for t in tokens.iter_mut().filter(|t| t.kind == TokenKind::Word) {
        let original = t.span.slice(text);
        let mut proclitics = Vec::new();
        let mut rest = original;
        let mut stem_norm = t.norm.to_string();
        for (letter, p) in [('و', Proclitic::Wa), ('ف', Proclitic::Fa)] {
            if rest.starts_with(letter) && stem_norm.chars().count() > 4 {
                proclitics.push(p);
                rest = &rest[letter.len_utf8()..];
                stem_norm = stem_norm.chars().skip(1).collect();
                break;
            }
        }
        for (letter, p) in [('ب', Proclitic::Bi), ('ل', Proclitic::Li), ('ك', Proclitic::Ka)] {
            if rest.starts_with(letter) && stem_norm.chars().count() > 4 {
                proclitics.push(p);
                rest = &rest[letter.len_utf8()..];
                stem_norm = stem_norm.chars().skip(1).collect();
                break;
            }
        }
        if stem_norm.starts_with("ال") && stem_norm.chars().count() > 4 {
            proclitics.push(Proclitic::Al);
            rest = &rest["ال".len()..];
            stem_norm = stem_norm.chars().skip(2).collect();
        } else if proclitics.last() == Some(&Proclitic::Li) && stem_norm.starts_with('ل') && stem_norm.chars().count() > 3 {
            proclitics.push(Proclitic::Al);
            rest = &rest['ل'.len_utf8()..];
            stem_norm = stem_norm.chars().skip(1).collect();
        }
        if !proclitics.is_empty() {
            let stem = Span::new(t.span.end - rest.len(), t.span.end);
            t.clitics = Token::clitics_with_stem_norm(&t.norm, proclitics.as_slice().into(), stem, &stem_norm);
            assert!(t.clitics.is_some(), "the stem form is a suffix of the norm");
        }
    }
    tokens
}

/// The values of `text` as (label, value, covered text), checked to agree across tokenizers.
fn values(text: &str) -> Vec<(EntityLabel, String, String)> {
    let read = |found: Vec<ValueMatch>| -> Vec<(EntityLabel, String, String)> {
        found.into_iter().map(|m| (m.label, m.value, m.span.slice(text).to_owned())).collect()
    };
    let plain = read(find_values(text, &tokenize_plain(text)));
    let analysed = read(find_values(text, &tokenize_with_clitics(text)));
    assert_eq!(plain, analysed, "tokenizers disagree on {text:?}");
    let real = read(find_values(text, &isnad_normalize::tokenize(text, Profile::Search)));
    assert_eq!(real, plain, "isnad-normalize's tokens give other values for {text:?}");
    plain
}

fn one(text: &str) -> (EntityLabel, String, String) {
    let mut found = values(text);
    assert_eq!(found.len(), 1, "expected one value in {text:?}, found {found:?}");
    found.remove(0)
}

#[track_caller]
fn check(text: &str, label: EntityLabel, value: &str, covered: &str) {
    assert_eq!(one(text), (label, value.to_owned(), covered.to_owned()), "in {text:?}");
}

#[track_caller]
fn none(text: &str) {
    assert_eq!(values(text), vec![], "expected no value in {text:?}");
}

use EntityLabel::{Date, Duration, Money, Number, Percent};

#[test]
fn gregorian_dates_with_day_month_year() {
    check("في 6 أيلول 2024 قال", Date, "2024-09-06", "6 أيلول 2024");
    check("يوم 15 يناير 2015م", Date, "2015-01-15", "15 يناير 2015م");
    check("في 1 كانون الثاني 2016", Date, "2016-01-01", "1 كانون الثاني 2016");
    check("٣ تشرين الثاني ٢٠٢٣", Date, "2023-11-03", "٣ تشرين الثاني ٢٠٢٣");
    check("6 من أيلول", Date, "XXXX-09-06", "6 من أيلول");
    check("أغسطس 2014", Date, "2014-08", "أغسطس 2014");
}

#[test]
fn ordinal_days() {
    check("في الخامس من أغسطس", Date, "XXXX-08-05", "الخامس من أغسطس");
    check("الثامن من شوال", Date, "HXXXX-10-08", "الثامن من شوال");
    check("التاسع من شهر رمضان", Date, "HXXXX-09-09", "التاسع من شهر رمضان");
    check("الحادي عشر من سبتمبر 2001", Date, "2001-09-11", "الحادي عشر من سبتمبر 2001");
    check("الثاني والعشرين من يونيو", Date, "XXXX-06-22", "الثاني والعشرين من يونيو");
    check("الحادي والثلاثين من ديسمبر", Date, "XXXX-12-31", "الحادي والثلاثين من ديسمبر");
    check("الأول من تشرين الأول", Date, "XXXX-10-01", "الأول من تشرين الأول");
    check("6 من شهر أيلول", Date, "XXXX-09-06", "6 من شهر أيلول");
    // An ordinal needs من before the month; alone it is no date.
    none("الخامس");
    none("الفصل الخامس من الكتاب");
}

#[test]
fn month_names_alone_and_with_other_name() {
    check("تشرين الأول", Date, "XXXX-10", "تشرين الأول");
    check("في كانون الأول", Date, "XXXX-12", "كانون الأول");
    check("حتى حزيران", Date, "XXXX-06", "حزيران");
    check("أيلول/سبتمبر 2024", Date, "2024-09", "أيلول/سبتمبر 2024");
    check("في تموز (يوليو) 2015", Date, "2015-07", "تموز (يوليو) 2015");
    check("فبراير", Date, "XXXX-02", "فبراير");
    check("جانفي 2020", Date, "2020-01", "جانفي 2020");
    check("منذ مارس آذار", Date, "XXXX-03", "مارس آذار");
    check("في مايو - أيار 2015", Date, "2015-05", "مايو - أيار 2015");
}

#[test]
fn month_with_relative_word_and_year() {
    check("أيلول المقبل من عام 2025", Date, "2025-09", "أيلول المقبل من عام 2025");
    check("في يونيو الماضي", Date, "XXXX-06", "يونيو الماضي");
}

#[test]
fn years() {
    check("عام 2025", Date, "2025", "عام 2025");
    check("في العام 2025", Date, "2025", "العام 2025");
    check("للعام 2025", Date, "2025", "عام 2025");
    check("منذ سنة 1990", Date, "1990", "سنة 1990");
    check("في 2015م", Date, "2015", "2015م");
    check("سنة 2015 م", Date, "2015", "سنة 2015 م");
    check("عام 1436 هـ", Date, "H1436", "عام 1436 هـ");
    check("1436هـ", Date, "H1436", "1436هـ");
    check("منذ 2011", Date, "2011", "2011");
    assert_eq!(
        values("للفترة من 2010 لحد عام 2024"),
        vec![(Date, "2010".to_owned(), "2010".to_owned()), (Date, "2024".to_owned(), "عام 2024".to_owned())]
    );
    check("نحو 2015 شخصا", Number, "2015", "2015");
    // A year word before a number that cannot be a year is not a date.
    check("عام 15 شخصا تقريبا", Number, "15", "15");
}

#[test]
fn hijri_dates() {
    check("5 شوال 1436 هـ", Date, "H1436-10-05", "5 شوال 1436 هـ");
    check("شوال 1436", Date, "H1436-10", "شوال 1436");
    check("ذو الحجة", Date, "HXXXX-12", "ذو الحجة");
    check("في ذي القعدة", Date, "HXXXX-11", "ذي القعدة");
    check("جمادى الآخرة", Date, "HXXXX-06", "جمادى الآخرة");
    check("ربيع الأول 1437", Date, "H1437-03", "ربيع الأول 1437");
    check("ربيع الثاني", Date, "HXXXX-04", "ربيع الثاني");
    check("شهر رمضان المبارك", Date, "HXXXX-09", "رمضان");
}

#[test]
fn ambiguous_months_need_context() {
    none("مارس الرياضة منذ صغره");
    check("في مارس", Date, "XXXX-03", "مارس");
    check("5 مارس", Date, "XXXX-03-05", "5 مارس");
    check("مارس 2015", Date, "2015-03", "مارس 2015");
    none("قال الرئيس رجب طيب أردوغان");
    none("التقى رمضان بالوزير");
    check("شهر رمضان", Date, "HXXXX-09", "رمضان");
    check("رمضان المقبل", Date, "HXXXX-09", "رمضان المقبل");
    check("15 رمضان", Date, "HXXXX-09-15", "15 رمضان");
    none("كان آب العائلة حاضرا");
    none("بعد باب الملك عبدالعزيز");
    assert_eq!(
        values("تموز وآب 2015"),
        vec![(Date, "XXXX-07".to_owned(), "تموز".to_owned()), (Date, "2015-08".to_owned(), "آب 2015".to_owned())]
    );
    check("في آب", Date, "XXXX-08", "آب");
    none("مايو كلينك");
    check("منتصف مايو", Date, "XXXX-05", "مايو");
    none("سيارة نيسان");
    check("في نيسان", Date, "XXXX-04", "نيسان");
    // صفر is "zero" and محرم "forbidden": only after شهر or with a day or year.
    none("صفر");
    none("أمر محرم");
    check("شهر محرم", Date, "HXXXX-01", "محرم");
    none("في محرم");
    check("في رمضان", Date, "HXXXX-09", "رمضان");
    check("نهاية شوال", Date, "HXXXX-10", "شوال");
}

#[test]
fn numeric_dates() {
    check("بتاريخ 15/7/2015", Date, "2015-07-15", "15/7/2015");
    check("2015-07-15", Date, "2015-07-15", "2015-07-15");
    check("1436/10/5 هـ", Date, "H1436-10-05", "1436/10/5 هـ");
    check("في 7/2015", Date, "2015-07", "7/2015");
    check("حتى 30 /11 / 1436هـ", Date, "H1436-11-30", "30 /11 / 1436هـ");
    // Not dates: a range and an impossible month.
    assert_eq!(values("2015-2016").len(), 2);
    assert!(values("45/20/2015").iter().all(|(l, _, _)| *l != Date));
}

#[test]
fn weekdays() {
    check("يوم الخميس", Date, "XXXX-WXX-4", "يوم الخميس");
    check("الأحد", Date, "XXXX-WXX-7", "الأحد");
    check("والاثنين الماضي", Date, "XXXX-WXX-1", "الاثنين الماضي");
    check("الجمعة 6 أيلول 2024", Date, "2024-09-06", "الجمعة 6 أيلول 2024");
    check("الثلاثاء الموافق 5 شوال 1436 هـ", Date, "H1436-10-05", "الثلاثاء الموافق 5 شوال 1436 هـ");
    check("الأربعاء، 15/7/2015", Date, "2015-07-15", "الأربعاء، 15/7/2015");
    // اثنين without the article is the number two.
    check("اثنين", Number, "2", "اثنين");
}

#[test]
fn relative_dates() {
    check("الأسبوع الماضي", Date, "PREV_WEEK", "الأسبوع الماضي");
    check("خلال العام المقبل", Date, "NEXT_YEAR", "العام المقبل");
    check("الشهر الجاري", Date, "THIS_MONTH", "الشهر الجاري");
    check("السنة الماضية", Date, "PREV_YEAR", "السنة الماضية");
    check("هذا العام", Date, "THIS_YEAR", "هذا العام");
    check("من العام الماضي 2014،", Date, "2014", "العام الماضي 2014");
    check("وقال أمس", Date, "PREV_DAY", "أمس");
    check("أول من أمس", Date, "DAY_BEFORE_YESTERDAY", "أول من أمس");
    check("أمس الأول", Date, "DAY_BEFORE_YESTERDAY", "أمس الأول");
    check("وصل أمس الخميس إلى", Date, "XXXX-WXX-4", "أمس الخميس");
    none("في أمس الحاجة إلى");
    check("اليوم التالي", Date, "NEXT_DAY", "اليوم التالي");
    none("الأمين العام للحلف");
    none("اليوم");
}

#[test]
fn durations_with_number_words() {
    check("لخمسة عشر شهرا", Duration, "P15M", "خمسة عشر شهرا");
    check("عشرة أعوام", Duration, "P10Y", "عشرة أعوام");
    check("ثلاثة أيام", Duration, "P3D", "ثلاثة أيام");
    check("خمس سنوات", Duration, "P5Y", "خمس سنوات");
    check("إحدى عشرة ساعة", Duration, "PT11H", "إحدى عشرة ساعة");
    check("خمسة وعشرين عاما", Duration, "P25Y", "خمسة وعشرين عاما");
    check("ثلاثة عقود", Duration, "P30Y", "ثلاثة عقود");
    check("مئة عام", Duration, "P100Y", "مئة عام");
    check("نصف ساعة", Duration, "PT0.5H", "نصف ساعة");
    check("يوم واحد", Duration, "P1D", "يوم واحد");
}

#[test]
fn durations_with_digits_and_duals() {
    check("منذ 15 عاما", Duration, "P15Y", "15 عاما");
    check("45 دقيقة", Duration, "PT45M", "45 دقيقة");
    check("3 أسابيع", Duration, "P3W", "3 أسابيع");
    check("ساعتين", Duration, "PT2H", "ساعتين");
    check("لمدة سنتين", Duration, "P2Y", "سنتين");
    check("عامين", Duration, "P2Y", "عامين");
    check("أسبوعين", Duration, "P2W", "أسبوعين");
    check("شهرين", Duration, "P2M", "شهرين");
    check("قرنين", Duration, "P200Y", "قرنين");
    none("أسبوع");
    none("أيام");
    none("بعد ساعات من الهجوم");
}

#[test]
fn numbers_in_digits() {
    check("1,200", Number, "1200", "1,200");
    check("3.5", Number, "3.5", "3.5");
    check("٣٫٥", Number, "3.5", "٣٫٥");
    check("١٢٠٠", Number, "1200", "١٢٠٠");
    check("12,345,678", Number, "12345678", "12,345,678");
    check("3 ملايين", Number, "3000000", "3 ملايين");
    check("1.5 مليار", Number, "1500000000", "1.5 مليار");
    check("20 ألفا", Number, "20000", "20 ألفا");
    check("8 ملايين و500 ألف دولار", Money, "8500000 USD", "8 ملايين و500 ألف دولار");
    check("5 مليارات و840 مليون دولار", Money, "5840000000 USD", "5 مليارات و840 مليون دولار");
    check("1.5 مليون و250 ألف", Number, "1750000", "1.5 مليون و250 ألف");
    check("قتل 15 شخصا", Number, "15", "15");
    // A comma that is not a thousands separator does not join two numbers into one.
    for tokens in [tokenize_plain("1,20"), isnad_normalize::tokenize("1,20", Profile::Search)] {
        assert!(find_values("1,20", &tokens).iter().all(|m| m.value != "120"));
    }
}

#[test]
fn numbers_in_words() {
    check("ثلاثة ملايين", Number, "3000000", "ثلاثة ملايين");
    check("خمسة وعشرون", Number, "25", "خمسة وعشرون");
    check("مئة وخمسون", Number, "150", "مئة وخمسون");
    check("ثلاثة آلاف وخمسمئة", Number, "3500", "ثلاثة آلاف وخمسمئة");
    check("ثلاث مئة", Number, "300", "ثلاث مئة");
    check("أحد عشر", Number, "11", "أحد عشر");
    check("اثنا عشر", Number, "12", "اثنا عشر");
    check("ألفين", Number, "2000", "ألفين");
    check("مليون", Number, "1000000", "مليون");
    check("مئتا ألف", Number, "200000", "مئتا ألف");
    check("مئة ألف", Number, "100000", "مئة ألف");
    check("نصف مليون", Number, "500000", "نصف مليون");
    check("ألف وخمسمائة", Number, "1500", "ألف وخمسمائة");
    check("مليونان وثلاثمئة ألف", Number, "2300000", "مليونان وثلاثمئة ألف");
    check("وثلاثة", Number, "3", "ثلاثة");
    // Two numbers joined by و, not one.
    assert_eq!(
        values("بين مليونين وثلاثة ملايين").into_iter().map(|(_, v, _)| v).collect::<Vec<_>>(),
        vec!["2000000", "3000000"]
    );
}

#[test]
fn numbers_skipped() {
    none("ملايين");
    none("آلاف المتظاهرين");
    none("عشرات القتلى");
    none("ست الحبايب");
    none("في آن واحد");
    none("أحد المسؤولين");
    none("الثلاثة");
    none("كوفيد-19");
    none("الساعة 10:30");
    none("نصف");
    // ك is not guessed as a proclitic: كمية is "quantity", not ك + مية.
    none("كمية كبيرة");
    // عشرة after an ordinal belongs to it.
    none("الدورة السادسة عشرة");
}

#[test]
fn percentages() {
    check("97%", Percent, "97%", "97%");
    check("%97", Percent, "97%", "%97");
    check("97٪", Percent, "97%", "97٪");
    check("97 في المئة", Percent, "97%", "97 في المئة");
    check("97 في المائة", Percent, "97%", "97 في المائة");
    check("97 بالمئة", Percent, "97%", "97 بالمئة");
    check("3.5 بالمائة", Percent, "3.5%", "3.5 بالمائة");
    check("خمسة في المئة", Percent, "5%", "خمسة في المئة");
    check("عشرين بالمئة", Percent, "20%", "عشرين بالمئة");
}

#[test]
fn ranges_share_the_measure_of_their_second_number() {
    let read = |text: &str| values(text).into_iter().map(|(l, v, c)| format!("{}:{v}:{c}", l.as_str())).collect::<Vec<_>>();
    assert_eq!(read("بنحو 2 إلى 2.6 في المائة"), ["PERCENT:2%:2", "PERCENT:2.6%:2.6 في المائة"]);
    assert_eq!(read("بين 3 و5 سنوات"), ["DURATION:P3Y:3", "DURATION:P5Y:5 سنوات"]);
    assert_eq!(read("ثلاثة أو أربعة أيام"), ["DURATION:P3D:ثلاثة", "DURATION:P4D:أربعة أيام"]);
    assert_eq!(read("بين مليونين وثلاثة ملايين دولار"), ["MONEY:2000000 USD:مليونين", "MONEY:3000000 USD:ثلاثة ملايين دولار"]);
    // The first number does not carry the scale: it stays a plain number.
    assert_eq!(read("2 و3 ملايين دولار"), ["NUMBER:2:2", "MONEY:3000000 USD:3 ملايين دولار"]);
    assert_eq!(read("10 - 15 %"), ["PERCENT:10%:10", "PERCENT:15%:15 %"]);
}

#[test]
fn money() {
    check("مليون دولار", Money, "1000000 USD", "مليون دولار");
    check("100 دولار", Money, "100 USD", "100 دولار");
    check("ثلاثة مليارات ريال", Money, "3000000000 SAR", "ثلاثة مليارات ريال");
    check("500 مليون يورو", Money, "500000000 EUR", "500 مليون يورو");
    check("1000 ليرة سورية", Money, "1000 SYP", "1000 ليرة سورية");
    check("20 جنيها استرلينيا", Money, "20 GBP", "20 جنيها استرلينيا");
    check("مليار دولار أمريكي", Money, "1000000000 USD", "مليار دولار أمريكي");
    check("50 دينارا كويتيا", Money, "50 KWD", "50 دينارا كويتيا");
    check("50 دينار", Money, "50 DINAR", "50 دينار");
    check("10 آلاف درهم", Money, "10000 AED", "10 آلاف درهم");
    check("دولارين", Money, "2 USD", "دولارين");
    check("$100", Money, "100 USD", "$100");
    none("الدولار");
    none("قيمة الدولار ارتفعت");
}

#[test]
fn values_in_a_sentence() {
    let text = "وقال الوزير يوم الخميس إن 97 في المئة من السكان تلقوا 3 ملايين دولار خلال عشرة أعوام منذ عام 2015.";
    let found = values(text);
    let labels: Vec<_> = found.iter().map(|(l, v, _)| (*l, v.as_str())).collect();
    assert_eq!(
        labels,
        vec![
            (Date, "XXXX-WXX-4"),
            (Percent, "97%"),
            (Money, "3000000 USD"),
            (Duration, "P10Y"),
            (Date, "2015"),
        ]
    );
}

#[test]
fn diacritics_and_proclitic_offsets() {
    check("وَخَمْسَةَ عَشَرَ شَهْرًا", Duration, "P15M", "خَمْسَةَ عَشَرَ شَهْرًا");
    check("بالعام 2025", Date, "2025", "العام 2025");
}

#[test]
fn token_ranges_and_spans_agree() {
    let text = "لخمسة عشر شهرا و 6 أيلول 2024";
    let tokens = tokenize_with_clitics(text);
    let found = find_values(text, &tokens);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].tokens, 0..3);
    assert_eq!(found[1].tokens, 4..7);
    assert_eq!(found[1].span.start, tokens[4].span.start);
    assert_eq!(found[1].span.end, tokens[6].span.end);
}

#[test]
fn tokens_that_do_not_fit_the_text_do_not_panic() {
    let text = "6 أيلول";
    let mut tokens = tokenize_plain("6 أيلول 2024 بقيمة 100 دولار");
    for t in &mut tokens {
        t.span.end += 1; // now often inside a character or past the end
    }
    for m in find_values(text, &tokens) {
        assert!(m.span.get(text).is_some());
    }
    assert!(find_values("", &tokens).is_empty());
}

const VOCABULARY: &[&str] = &[
    "6", "15", "2024", "1436", "3.5", ",", ".", "/", "-", ":", "%", "٪", "$", "(", ")", "،",
    "أيلول", "سبتمبر", "تشرين", "الأول", "الثاني", "ذو", "الحجة", "رمضان", "شهر", "مارس", "في",
    "من", "عام", "العام", "هـ", "م", "يوم", "الخميس", "الموافق", "الماضي", "المقبل", "هذا",
    "الأسبوع", "أمس", "خمسة", "عشر", "وعشرون", "مئة", "ثلاث", "آلاف", "ألف", "مليون", "ملايين",
    "أحد", "اثنا", "نصف", "واحد", "شهرا", "أعوام", "ساعتين", "يوما", "المئة", "بالمئة", "دولار",
    "ريال", "سعودي", "لخمسة", "وثلاثة", "للعام", "قال", "الوزير", "٣", "٢٠٢٣", "َ", "ـ", "x",
];

fn check_invariants(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let found = find_values(text, tokens);
    let mut previous_end = 0;
    for m in &found {
        prop_assert!(m.span.start < m.span.end);
        prop_assert!(m.span.get(text).is_some(), "span {:?} does not slice the text", m.span);
        prop_assert!(m.tokens.start < m.tokens.end && m.tokens.end <= tokens.len());
        prop_assert!(m.tokens.start >= previous_end, "overlapping or unordered: {found:?}");
        previous_end = m.tokens.end;
        prop_assert!(!m.value.is_empty());
        let first = tokens[m.tokens.start].span;
        prop_assert!(first.start <= m.span.start && m.span.start < first.end.max(m.span.start + 1));
        prop_assert_eq!(m.span.end, tokens[m.tokens.end - 1].span.end);
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text_keeps_the_invariants(text in "\\PC{0,80}") {
        check_invariants(&text, &tokenize_plain(&text))?;
        check_invariants(&text, &tokenize_with_clitics(&text))?;
        check_invariants(&text, &isnad_normalize::tokenize(&text, Profile::Search))?;
    }

    /// Tokens that have nothing to do with the text (spans anywhere, any kind, any clitics)
    /// must not make the rules panic, and what they report still slices the text.
    #[test]
    fn unrelated_tokens_do_not_panic(
        text in "\\PC{0,30}",
        raw in prop::collection::vec(
            (0usize..40, 0usize..40, 0u8..8, prop::sample::select(VOCABULARY), prop::option::of((0usize..40, 0usize..40))),
            0..16,
        ),
    ) {
        let kinds = [
            TokenKind::Word, TokenKind::Number, TokenKind::Punct, TokenKind::Symbol,
            TokenKind::Url, TokenKind::Email, TokenKind::Hashtag, TokenKind::Mention,
        ];
        let tokens: Vec<Token> = raw
            .into_iter()
            .map(|(start, len, kind, word, stem)| Token {
                span: Span::new(start, start + len),
                kind: kinds[usize::from(kind)],
                norm: normalize(word),
                clitics: stem.and_then(|(a, b)| {
                    let stem_norm: String = normalize(word).chars().skip(1).collect();
                    Token::clitics_with_stem_norm(&normalize(word), [Proclitic::Wa, Proclitic::Al].into(), Span::new(a, b), &stem_norm)
                }),
            })
            .collect();
        for m in find_values(&text, &tokens) {
            prop_assert!(m.span.get(&text).is_some());
            prop_assert!(m.tokens.end <= tokens.len());
        }
    }

    #[test]
    fn value_like_text_keeps_the_invariants(
        words in prop::collection::vec((prop::sample::select(VOCABULARY), prop::bool::ANY), 0..24)
    ) {
        let mut text = String::new();
        for (w, space) in words {
            text.push_str(w);
            if space {
                text.push(' ');
            }
        }
        check_invariants(&text, &tokenize_plain(&text))?;
        check_invariants(&text, &tokenize_with_clitics(&text))?;
        check_invariants(&text, &isnad_normalize::tokenize(&text, Profile::Search))?;
    }
}
