//! The closed vocabulary the value rules know: number words, months, weekdays, time units,
//! currencies and the small function words around them, keyed by normalized form
//! (no diacritics, أإآ→ا, ى→ي, ة→ه) and looked up with one hash probe per token.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// What a number word contributes to a compound number (`خمسة وعشرون`, `ثلاثة آلاف`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumKind {
    /// 1–9 and 10 (`عشرة`); `عشر`/`عشرة` right after a unit makes a teen (`خمسة عشر`).
    Unit,
    /// 20, 30, … 90.
    Tens,
    /// 100 … 900 (`مئة`, `مئتان`, `ثلاثمئة`).
    Hundred,
    /// 1000, 10⁶, 10⁹: `dual` for `ألفان`, `plural` for `آلاف` (only after 3–10; alone it is vague).
    Scale { dual: bool, plural: bool },
    /// `أحد`/`إحدى` and `اثنا`/`اثنتا`: only the first word of a teen (`أحد عشر`).
    TeenPrefix,
    /// `نصف`, `ربع`: only before a scale word or a time unit (`نصف مليون`, `ربع ساعة`).
    Fraction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NumWord {
    /// The value, in hundredths (so that `ربع` = 25 is exact).
    pub centi: u64,
    pub kind: NumKind,
    /// A word that is more often something else when it stands alone (`ست` lady, `تسع` holds,
    /// `عشر` a tenth, `واحد` one/same): never a NUMBER on its own.
    pub weak: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Calendar {
    Gregorian,
    Hijri,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Month {
    pub number: u8,
    pub calendar: Calendar,
    /// Also an ordinary word or a name (`مارس` practised, `آب` father, `رجب`, `رمضان`):
    /// only a month next to a day, a year or a context word.
    pub ambiguous: bool,
}

/// First word of a two-word month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthHead {
    Tishrin,
    Kanun,
    Rabi,
    Jumada,
    Dhu,
}

/// Second word of a two-word month name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthTail {
    First,
    Second,
    Last,
    Qaada,
    Hijja,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TimeUnit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
}

/// Grammatical number of a unit or currency noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Singular,
    Dual,
    Plural,
}

/// A currency noun: its ISO code (or a generic code when the noun alone does not say
/// which country's, e.g. `DINAR`), and the qualifying nisbas that pin it down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Currency {
    pub code: &'static str,
    pub qualified: &'static [(&'static str, &'static str)],
}

pub(super) const YEAR_WORD: u32 = 1 << 0; // عام، سنة (before a year number)
pub(super) const DAY_WORD: u32 = 1 << 1; // يوم (before a weekday)
pub(super) const MONTH_CONTEXT: u32 = 1 << 2; // words that make an ambiguous month a month
pub(super) const MONTH_WORD: u32 = 1 << 3; // شهر: the only context for single-word Hijri months
pub(super) const FI: u32 = 1 << 4; // في (في المئة)
pub(super) const MIN: u32 = 1 << 5; // من (6 من أيلول، أيلول من عام 2025)
pub(super) const PERCENT_WORD: u32 = 1 << 6; // المئة، المائة
pub(super) const ERA_GREGORIAN: u32 = 1 << 7; // م، ميلادي
pub(super) const ERA_HIJRI: u32 = 1 << 8; // هـ، هجري
pub(super) const REL_PAST: u32 = 1 << 9; // الماضي
pub(super) const REL_NEXT: u32 = 1 << 10; // المقبل
pub(super) const REL_THIS: u32 = 1 << 11; // الحالي، الجاري
pub(super) const DEMONSTRATIVE: u32 = 1 << 12; // هذا، هذه (هذا العام)
pub(super) const YESTERDAY: u32 = 1 << 13; // أمس
pub(super) const EQUIVALENT: u32 = 1 << 14; // الموافق (الخميس الموافق 6 أيلول)
pub(super) const SINCE: u32 = 1 << 15; // منذ (منذ 2011)
pub(super) const UNTIL: u32 = 1 << 16; // إلى، حتى، لحد، لغاية (من 2010 لحد عام 2024)

/// Everything the rules know about one normalized form. A form can play several parts
/// (`عام` is a year word and a time unit; `شهر` a unit and a month context).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Lex {
    pub num: Option<NumWord>,
    pub month: Option<Month>,
    pub month_head: Option<MonthHead>,
    pub month_tail: Option<MonthTail>,
    /// ISO weekday, Monday = 1 … Sunday = 7; 0 for none.
    pub weekday: u8,
    /// A masculine ordinal with the article (`الخامس` 5, `العشرين` 20): a day of the month in
    /// `الخامس من أغسطس`; 0 for none.
    pub ordinal: u8,
    pub unit: Option<(TimeUnit, Form)>,
    pub currency: Option<(Currency, Form)>,
    pub flags: u32,
}

impl Lex {
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

/// Multiply-rotate hashing (as in rustc's FxHash): the keys are short trusted words, and
/// the probe runs once per token of every document.
#[derive(Default)]
pub(super) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Table = HashMap<Box<str>, Lex, BuildHasherDefault<FastHasher>>;

/// A 65536-bit filter of the keys' length and a few of their bytes: nearly every token that
/// is not a key fails it without being hashed or compared.
struct Filter(Box<[u64]>);

const FILTER_WORDS: usize = 1 << 10;

impl Filter {
    fn slot(form: &str) -> usize {
        let b = form.as_bytes();
        let len = b.len();
        let at = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
        let x = (len as u32) | at(1) << 8 | at(len.wrapping_sub(1)) << 16 | at(len.wrapping_sub(3)) << 24;
        (x.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    fn insert(&mut self, form: &str) {
        let slot = Self::slot(form);
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    fn may_contain(&self, form: &str) -> bool {
        let slot = Self::slot(form);
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

struct Lexicon {
    table: Table,
    filter: Filter,
}

/// The lexicon entry of a normalized form.
pub(super) fn lookup(form: &str) -> Option<&'static Lex> {
    if form.is_empty() || form.len() > 32 {
        return None;
    }
    let lexicon = lexicon();
    if !lexicon.filter.may_contain(form) {
        return None;
    }
    lexicon.table.get(form)
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let table = build();
        let mut filter = Filter(vec![0; FILTER_WORDS].into_boxed_slice());
        for key in table.keys() {
            filter.insert(key);
        }
        Lexicon { table, filter }
    })
}

fn entry<'t>(table: &'t mut Table, form: &str) -> &'t mut Lex {
    table.entry(form.into()).or_default()
}

const fn unit(value: u64, weak: bool) -> NumWord {
    NumWord { centi: value * 100, kind: NumKind::Unit, weak }
}

fn build() -> Table {
    let mut t = Table::default();
    let num = |t: &mut Table, forms: &[&str], word: NumWord| {
        for f in forms {
            entry(t, f).num = Some(word);
        }
    };
    // Units 1–10, masculine and feminine, nominative and oblique.
    num(&mut t, &["واحد", "واحده", "واحدا"], unit(1, true));
    num(&mut t, &["اثنان", "اثنين", "اثنتان", "اثنتين"], unit(2, false));
    num(&mut t, &["ثلاث", "ثلاثه"], unit(3, false));
    num(&mut t, &["اربع", "اربعه"], unit(4, false));
    num(&mut t, &["خمسه"], unit(5, false));
    num(&mut t, &["خمس"], unit(5, true));
    num(&mut t, &["سته"], unit(6, false));
    num(&mut t, &["ست"], unit(6, true));
    num(&mut t, &["سبعه"], unit(7, false));
    num(&mut t, &["سبع"], unit(7, true));
    num(&mut t, &["ثمانيه"], unit(8, false));
    num(&mut t, &["ثمان", "ثماني"], unit(8, true));
    num(&mut t, &["تسعه"], unit(9, false));
    num(&mut t, &["تسع"], unit(9, true));
    num(&mut t, &["عشره"], unit(10, false));
    num(&mut t, &["عشر"], unit(10, true));
    let prefix = |v: u64| NumWord { centi: v * 100, kind: NumKind::TeenPrefix, weak: true };
    num(&mut t, &["احد", "احدي"], prefix(1));
    num(&mut t, &["اثنا", "اثني", "اثنتا", "اثنتي"], prefix(2));
    let tens = [
        (20, "عشرون", "عشرين"),
        (30, "ثلاثون", "ثلاثين"),
        (40, "اربعون", "اربعين"),
        (50, "خمسون", "خمسين"),
        (60, "ستون", "ستين"),
        (70, "سبعون", "سبعين"),
        (80, "ثمانون", "ثمانين"),
        (90, "تسعون", "تسعين"),
    ];
    for (v, nominative, oblique) in tens {
        let w = NumWord { centi: v * 100, kind: NumKind::Tens, weak: false };
        num(&mut t, &[nominative, oblique], w);
    }
    let hundred = |v: u64| NumWord { centi: v * 100, kind: NumKind::Hundred, weak: false };
    num(&mut t, &["مئه", "مائه"], hundred(100));
    num(&mut t, &["مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتا"], hundred(200));
    let hundreds = [
        (300, "ثلاث"),
        (400, "اربع"),
        (500, "خمس"),
        (600, "ست"),
        (700, "سبع"),
        (800, "ثمان"),
        (800, "ثماني"),
        (900, "تسع"),
    ];
    for (v, stem) in hundreds {
        for h in ["مئه", "مائه"] {
            let form = format!("{stem}{h}");
            entry(&mut t, &form).num = Some(hundred(v));
        }
    }
    let scale = |v: u64, dual: bool, plural: bool| NumWord {
        centi: v * 100,
        kind: NumKind::Scale { dual, plural },
        weak: false,
    };
    for (v, singular, accusative, duals, plurals) in [
        (1_000, "الف", "الفا", &["الفان", "الفين"][..], &["الاف"][..]),
        (1_000_000, "مليون", "مليونا", &["مليونان", "مليونين"], &["ملايين"]),
        (1_000_000_000, "مليار", "مليارا", &["ملياران", "مليارين"], &["مليارات"]),
        (1_000_000_000, "بليون", "بليونا", &["بليونان", "بليونين"], &["بلايين"]),
        (1_000_000_000_000, "تريليون", "تريليونا", &["تريليونان", "تريليونين"], &["تريليونات"]),
    ] {
        num(&mut t, &[singular, accusative], scale(v, false, false));
        num(&mut t, duals, scale(v, true, false));
        num(&mut t, plurals, scale(v, false, true));
    }
    let fraction = |centi: u64| NumWord { centi, kind: NumKind::Fraction, weak: true };
    num(&mut t, &["نصف"], fraction(50));
    num(&mut t, &["ربع"], fraction(25));

    // Months. Levantine/Iraqi, Egyptian/Gulf and Maghrebi names, with spelling variants.
    let month = |t: &mut Table, forms: &[&str], number: u8, calendar, ambiguous| {
        for f in forms {
            entry(t, f).month = Some(Month { number, calendar, ambiguous });
        }
    };
    use Calendar::{Gregorian as G, Hijri as H};
    month(&mut t, &["يناير", "جانفي", "ينير"], 1, G, false);
    month(&mut t, &["فبراير", "فيفري", "فبراير"], 2, G, false);
    month(&mut t, &["شباط"], 2, G, false);
    month(&mut t, &["مارس"], 3, G, true);
    month(&mut t, &["اذار"], 3, G, false);
    month(&mut t, &["ابريل", "افريل", "ابريل"], 4, G, false);
    month(&mut t, &["نيسان"], 4, G, true);
    month(&mut t, &["مايو", "ماي"], 5, G, true);
    month(&mut t, &["ايار"], 5, G, false);
    month(&mut t, &["يونيو", "يونيه"], 6, G, false);
    month(&mut t, &["جوان"], 6, G, true);
    month(&mut t, &["حزيران"], 6, G, false);
    month(&mut t, &["يوليو", "يوليه", "جويليه", "يوليوز"], 7, G, false);
    month(&mut t, &["تموز"], 7, G, false);
    month(&mut t, &["اغسطس", "اغستس"], 8, G, false);
    month(&mut t, &["اب", "اوت", "غشت"], 8, G, true);
    month(&mut t, &["سبتمبر", "سيبتمبر", "شتنبر"], 9, G, false);
    month(&mut t, &["ايلول"], 9, G, false);
    month(&mut t, &["اكتوبر", "اوكتوبر"], 10, G, false);
    month(&mut t, &["نوفمبر", "نونبر"], 11, G, false);
    month(&mut t, &["ديسمبر", "دجنبر"], 12, G, false);
    month(&mut t, &["محرم"], 1, H, true);
    month(&mut t, &["صفر"], 2, H, true);
    month(&mut t, &["رجب"], 7, H, true);
    month(&mut t, &["شعبان"], 8, H, true);
    month(&mut t, &["رمضان"], 9, H, true);
    month(&mut t, &["شوال"], 10, H, true);
    for (form, head) in [
        ("تشرين", MonthHead::Tishrin),
        ("كانون", MonthHead::Kanun),
        ("ربيع", MonthHead::Rabi),
        ("جمادي", MonthHead::Jumada),
        ("جماد", MonthHead::Jumada),
        ("ذو", MonthHead::Dhu),
        ("ذي", MonthHead::Dhu),
        ("ذا", MonthHead::Dhu),
    ] {
        entry(&mut t, form).month_head = Some(head);
    }
    for (form, tail) in [
        ("الاول", MonthTail::First),
        ("الاولي", MonthTail::First),
        ("اول", MonthTail::First),
        ("الثاني", MonthTail::Second),
        ("الثانيه", MonthTail::Second),
        ("الاخر", MonthTail::Last),
        ("الاخره", MonthTail::Last),
        ("الاخير", MonthTail::Last),
        ("القعده", MonthTail::Qaada),
        ("الحجه", MonthTail::Hijja),
    ] {
        entry(&mut t, form).month_tail = Some(tail);
    }

    for (form, day) in [
        ("الاثنين", 1),
        ("الثلاثاء", 2),
        ("الثلاثا", 2),
        ("الاربعاء", 3),
        ("الاربعا", 3),
        ("الخميس", 4),
        ("الجمعه", 5),
        ("السبت", 6),
        ("الاحد", 7),
    ] {
        entry(&mut t, form).weekday = day;
    }

    for (form, ordinal) in [
        ("الاول", 1),
        ("الحادي", 1),
        ("الثاني", 2),
        ("الثالث", 3),
        ("الرابع", 4),
        ("الخامس", 5),
        ("السادس", 6),
        ("السابع", 7),
        ("الثامن", 8),
        ("التاسع", 9),
        ("العاشر", 10),
        ("العشرين", 20),
        ("الثلاثين", 30),
    ] {
        entry(&mut t, form).ordinal = ordinal;
    }

    use Form::{Dual as D, Plural as P, Singular as S};
    use TimeUnit as U;
    let units: &[(TimeUnit, Form, &[&str])] = &[
        (U::Year, S, &["سنه", "عام", "عاما"]),
        (U::Year, D, &["سنتين", "سنتان", "عامين", "عامان"]),
        (U::Year, P, &["سنوات", "سنين", "اعوام"]),
        (U::Month, S, &["شهر", "شهرا"]),
        (U::Month, D, &["شهرين", "شهران"]),
        (U::Month, P, &["اشهر", "شهور"]),
        (U::Week, S, &["اسبوع", "اسبوعا"]),
        (U::Week, D, &["اسبوعين", "اسبوعان"]),
        (U::Week, P, &["اسابيع"]),
        (U::Day, S, &["يوم", "يوما"]),
        (U::Day, D, &["يومين", "يومان"]),
        (U::Day, P, &["ايام"]),
        (U::Hour, S, &["ساعه"]),
        (U::Hour, D, &["ساعتين", "ساعتان"]),
        (U::Hour, P, &["ساعات"]),
        (U::Minute, S, &["دقيقه"]),
        (U::Minute, D, &["دقيقتين", "دقيقتان"]),
        (U::Minute, P, &["دقائق"]),
        (U::Second, S, &["ثانيه"]),
        (U::Second, D, &["ثانيتين", "ثانيتان"]),
        (U::Second, P, &["ثوان", "ثواني"]),
        (U::Decade, S, &["عقد", "عقدا"]),
        (U::Decade, D, &["عقدين", "عقدان"]),
        (U::Decade, P, &["عقود"]),
        (U::Century, S, &["قرن", "قرنا"]),
        (U::Century, D, &["قرنين", "قرنان"]),
        (U::Century, P, &["قرون"]),
    ];
    for &(u, form, forms) in units {
        for f in forms {
            entry(&mut t, f).unit = Some((u, form));
        }
    }

    for (c, singular, dual, plural) in currencies() {
        for (forms, form) in [(singular, S), (dual, D), (plural, P)] {
            for f in forms {
                entry(&mut t, f).currency = Some((c, form));
            }
        }
    }

    let flags: &[(u32, &[&str])] = &[
        (YEAR_WORD, &["عام", "سنه"]),
        (DAY_WORD, &["يوم"]),
        (
            MONTH_CONTEXT,
            &[
                "في", "منذ", "حتي", "خلال", "مطلع", "اوائل", "اواخر", "منتصف", "نهايه", "بدايه",
                "اواسط", "شهر", "قبل", "بعد", "الي", "شهري", "اول", "اخر",
            ],
        ),
        (MONTH_WORD, &["شهر"]),
        (FI, &["في"]),
        (MIN, &["من"]),
        (PERCENT_WORD, &["المئه", "المائه"]),
        (ERA_GREGORIAN, &["م", "ميلادي", "ميلاديه", "الميلادي", "الميلاديه", "للميلاد"]),
        (ERA_HIJRI, &["ه", "هـ", "هجري", "هجريه", "الهجري", "الهجريه", "للهجره"]),
        (
            REL_PAST,
            &[
                "الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق",
                "السابقه", "المنقضي",
            ],
        ),
        (REL_NEXT, &["المقبل", "المقبله", "القادم", "القادمه", "التالي", "التاليه"]),
        (REL_THIS, &["الحالي", "الحاليه", "الجاري", "الجاريه"]),
        (DEMONSTRATIVE, &["هذا", "هذه"]),
        (YESTERDAY, &["امس", "الامس", "البارحه"]),
        (EQUIVALENT, &["الموافق", "الموافقه"]),
        (SINCE, &["منذ"]),
        (UNTIL, &["الي", "حتي", "لحد", "لغايه", "وحتي"]),
    ];
    for &(flag, forms) in flags {
        for f in forms {
            entry(&mut t, f).flags |= flag;
        }
    }
    t
}

type CurrencyForms = (Currency, &'static [&'static str], &'static [&'static str], &'static [&'static str]);

fn currencies() -> [CurrencyForms; 16] {
    // Nisbas are given masculine, without the article; the matcher also accepts the
    // feminine (ليرة سورية) and the article (الدولار الأمريكي).
    const DOLLAR: &[(&str, &str)] = &[
        ("امريكي", "USD"),
        ("اميركي", "USD"),
        ("كندي", "CAD"),
        ("استرالي", "AUD"),
        ("نيوزيلندي", "NZD"),
        ("سنغافوري", "SGD"),
    ];
    const RIYAL: &[(&str, &str)] = &[
        ("سعودي", "SAR"),
        ("قطري", "QAR"),
        ("عماني", "OMR"),
        ("يمني", "YER"),
        ("ايراني", "IRR"),
        ("برازيلي", "BRL"),
    ];
    const DIRHAM: &[(&str, &str)] = &[("اماراتي", "AED"), ("مغربي", "MAD")];
    const DINAR: &[(&str, &str)] = &[
        ("كويتي", "KWD"),
        ("اردني", "JOD"),
        ("عراقي", "IQD"),
        ("بحريني", "BHD"),
        ("ليبي", "LYD"),
        ("تونسي", "TND"),
        ("جزائري", "DZD"),
        ("صربي", "RSD"),
    ];
    const POUND: &[(&str, &str)] = &[
        ("مصري", "EGP"),
        ("استرليني", "GBP"),
        ("سوداني", "SDG"),
        ("سوري", "SYP"),
        ("لبناني", "LBP"),
    ];
    const LIRA: &[(&str, &str)] = &[("سوري", "SYP"), ("لبناني", "LBP"), ("تركي", "TRY")];
    const FRANC: &[(&str, &str)] = &[("سويسري", "CHF"), ("فرنسي", "FRF"), ("افريقي", "XOF")];
    const NONE: &[(&str, &str)] = &[];
    let c = |code, qualified| Currency { code, qualified };
    [
        (c("USD", DOLLAR), &["دولار", "دولارا"], &["دولاران", "دولارين"], &["دولارات"]),
        (c("EUR", NONE), &["يورو"], &[], &[]),
        (c("SAR", RIYAL), &["ريال", "ريالا"], &["ريالان", "ريالين"], &["ريالات"]),
        (c("AED", DIRHAM), &["درهم", "درهما"], &["درهمان", "درهمين"], &["دراهم"]),
        (c("DINAR", DINAR), &["دينار", "دينارا"], &["ديناران", "دينارين"], &["دنانير"]),
        (c("EGP", POUND), &["جنيه", "جنيها"], &["جنيهان", "جنيهين"], &["جنيهات"]),
        (c("GBP", NONE), &["استرليني", "باوند"], &[], &[]),
        (c("LIRA", LIRA), &["ليره"], &["ليرتان", "ليرتين"], &["ليرات"]),
        (c("JPY", NONE), &["ين"], &[], &[]),
        (c("CNY", NONE), &["يوان"], &[], &[]),
        (c("RUB", NONE), &["روبل", "روبلا"], &[], &["روبلات"]),
        (c("INR", NONE), &["روبيه"], &[], &["روبيات"]),
        (c("ILS", NONE), &["شيكل", "شيكلا"], &[], &["شواكل", "شيكلات"]),
        (c("FRANC", FRANC), &["فرنك", "فرنكا"], &[], &["فرنكات"]),
        (c("IRR", NONE), &["تومان"], &[], &[]),
        (c("BTC", NONE), &["بيتكوين"], &[], &[]),
    ]
}

/// The code of `currency` qualified by the nisba `word` (normalized, with or without the
/// article or the feminine ending), if it qualifies it.
pub(super) fn qualified_code(currency: &Currency, word: &str) -> Option<&'static str> {
    let word = word.strip_prefix("ال").unwrap_or(word);
    let word = word.strip_suffix('ه').unwrap_or(word);
    currency.qualified.iter().find(|(nisba, _)| *nisba == word).map(|&(_, code)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_passes_the_filter_and_is_found() {
        let lexicon = lexicon();
        assert!(lexicon.table.len() > 300);
        for (key, lex) in &lexicon.table {
            assert!(key.len() <= 32, "{key} is longer than lookup accepts");
            assert_eq!(lookup(key), Some(lex), "{key}");
        }
    }

    #[test]
    fn words_outside_the_lexicon_are_not_found() {
        for word in ["الوزير", "قال", "حلف", "الامين", "الرياض", "", "x"] {
            assert_eq!(lookup(word), None, "{word}");
        }
    }
}
