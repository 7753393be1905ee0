//! Dates in the page's language, as Hugo's `time.Format` and `dateFormat` write them
//! (CLDR's names and date formats through Hugo's `locales`): month and weekday names, and
//! the named layouts (`:date_long`…). Go's own `.Format` method stays English, as in Hugo.
//!
//! Languages: English and the ones portfolio sites are most written in (French, German,
//! Spanish, Italian, Dutch, Portuguese); any other language gets English names.

/// Names and layouts of one language.
pub struct Locale {
    /// Months, January first.
    pub months: [&'static str; 12],
    /// Abbreviated months.
    pub months_short: [&'static str; 12],
    /// Weekdays, Sunday first.
    pub days: [&'static str; 7],
    /// Abbreviated weekdays.
    pub days_short: [&'static str; 7],
    /// `:date_full`, `:date_long`, `:date_medium`, `:date_short` as Go layouts.
    pub dates: [&'static str; 4],
    /// `:time_full`/`:time_long`, `:time_medium`, `:time_short`.
    pub times: [&'static str; 3],
}

const EN: Locale = Locale {
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    days: [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ],
    days_short: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    dates: [
        "Monday, January 2, 2006",
        "January 2, 2006",
        "Jan 2, 2006",
        "1/2/06",
    ],
    // CLDR's narrow no-break space before the period (checked: Hugo 0.168).
    times: [
        "3:04:05\u{202f}pm MST",
        "3:04:05\u{202f}pm",
        "3:04\u{202f}pm",
    ],
};

/// British English (`en-GB`): English names but `Sept`, day before month, the 24-hour
/// clock.
const EN_GB: Locale = Locale {
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
    ],
    dates: [
        "Monday, 2 January 2006",
        "2 January 2006",
        "2 Jan 2006",
        "02/01/06",
    ],
    times: ["15:04:05 MST", "15:04:05", "15:04"],
    ..EN
};

/// Australian English (`en-AU`): British names and dates, but a day without a zero in the
/// short date and the 12-hour clock.
const EN_AU: Locale = Locale {
    dates: [
        "Monday, 2 January 2006",
        "2 January 2006",
        "2 Jan 2006",
        "2/1/06",
    ],
    // CLDR's `June`, `July` and `Sept` (checked: Hugo 0.168, `12 June 2025`).
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
    ],
    times: EN.times,
    ..EN_GB
};

/// New Zealand and Indian English (`en-NZ`, `en-IN`): British dates, the 12-hour clock.
const EN_NZ_IN: Locale = Locale {
    times: EN.times,
    ..EN_GB
};

/// Irish English (`en-IE`): British, without the comma after the weekday.
const EN_IE: Locale = Locale {
    dates: [
        "Monday 2 January 2006",
        "2 January 2006",
        "2 Jan 2006",
        "02/01/06",
    ],
    ..EN_GB
};

/// Canadian English (`en-CA`): American, but the short date year first.
const EN_CA: Locale = Locale {
    dates: [
        "Monday, January 2, 2006",
        "January 2, 2006",
        "Jan 2, 2006",
        "06-01-02",
    ],
    ..EN
};

/// South African English (`en-ZA`): British, the day with a zero, the short date year
/// first.
const EN_ZA: Locale = Locale {
    dates: [
        "Monday, 02 January 2006",
        "02 January 2006",
        "02 Jan 2006",
        "06/01/02",
    ],
    ..EN_GB
};

const FR: Locale = Locale {
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    months_short: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    days: [
        "dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    ],
    days_short: ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
    dates: [
        "Monday 2 January 2006",
        "2 January 2006",
        "2 Jan 2006",
        "02/01/06",
    ],
    times: ["15:04:05 MST", "15:04:05", "15:04"],
};

const DE: Locale = Locale {
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    months_short: [
        "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
        "Dez.",
    ],
    days: [
        "Sonntag",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
    ],
    days_short: ["So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."],
    dates: [
        "Monday, 2. January 2006",
        "2. January 2006",
        "02.01.2006",
        "02.01.06",
    ],
    times: ["15:04:05 MST", "15:04:05", "15:04"],
};

const ES: Locale = Locale {
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    months_short: [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
    ],
    days: [
        "domingo",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
    ],
    days_short: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
    dates: [
        "Monday, 2 de January de 2006",
        "2 de January de 2006",
        "2 Jan 2006",
        "2/1/06",
    ],
    // CLDR's `H:mm`: the hour without a leading zero (checked: Hugo 0.168, `9:05`).
    times: ["\u{f015}:04:05 MST", "\u{f015}:04:05", "\u{f015}:04"],
};

const IT: Locale = Locale {
    months: [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    months_short: [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ],
    days: [
        "domenica",
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
    ],
    days_short: ["dom", "lun", "mar", "mer", "gio", "ven", "sab"],
    dates: [
        "Monday 2 January 2006",
        "2 January 2006",
        "2 Jan 2006",
        "02/01/06",
    ],
    times: ["15:04:05 MST", "15:04:05", "15:04"],
};

const NL: Locale = Locale {
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    months_short: [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ],
    days: [
        "zondag",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
    ],
    days_short: ["zo", "ma", "di", "wo", "do", "vr", "za"],
    dates: [
        "Monday 2 January 2006",
        "2 January 2006",
        "2 Jan 2006",
        "02-01-06",
    ],
    times: ["15:04:05 MST", "15:04:05", "15:04"],
};

const PT: Locale = Locale {
    months: [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    months_short: [
        "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.",
        "dez.",
    ],
    days: [
        "domingo",
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
    ],
    days_short: ["dom.", "seg.", "ter.", "qua.", "qui.", "sex.", "sáb."],
    dates: [
        "Monday, 2 de January de 2006",
        "2 de January de 2006",
        "2 de Jan de 2006",
        "02/01/06",
    ],
    times: ["15:04:05 MST", "15:04:05", "15:04"],
};

/// The first part of a language code, lowercased (`pt-BR`, `de_AT` → `pt`, `de`).
pub fn base_language(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// How a locale writes numbers (CLDR's, as gohugoio/locales writes them for
/// `lang.FormatNumber` and `lang.FormatPercent`; checked against Hugo 0.168 for en, fr,
/// fr-CA, de, de-CH, es, it, nl, pt-BR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbers {
    /// Between groups of three digits (`,`; a narrow no-break space in French).
    pub group: &'static str,
    /// Before the decimals.
    pub decimal: &'static str,
    /// What comes before `%`: nothing, or a no-break space (`12,3 %`).
    pub before_percent: &'static str,
    /// Whether `%` comes first (`%12,3` in Turkish).
    pub percent_first: bool,
}

impl Numbers {
    /// A formatted number as a percentage.
    pub fn percent(&self, number: &str) -> String {
        if self.percent_first {
            format!("%{number}")
        } else {
            format!("{number}{}%", self.before_percent)
        }
    }
}

/// The number formats of a locale code (`fr`, `fr-CA`, `de_CH`): by its whole code for
/// the regional ones Folio knows, else by its language.
pub fn numbers(code: &str) -> Numbers {
    let whole = whole_code(code);
    let base = base_language(code);
    let (group, decimal) = match whole.as_str() {
        "fr-ca" => ("\u{a0}", ","),
        "de-ch" => ("'", "."),
        "en-za" => ("\u{a0}", ","),
        _ => separators(&base).unwrap_or((",", ".")),
    };
    let spaced = matches!(
        base.as_str(),
        "fr" | "de" | "es" | "sv" | "nb" | "no" | "fi" | "ru" | "cs" | "da"
    ) && whole != "de-ch";
    Numbers {
        group,
        decimal,
        before_percent: if spaced { "\u{a0}" } else { "" },
        percent_first: base == "tr",
    }
}

/// The group and decimal separators of the languages Folio has CLDR's for, by language
/// (`de`): [`numbers`], and [`numbers_checked`] for which languages those are.
const SEPARATORS: &[(&[&str], (&str, &str))] = &[
    (
        &["de", "es", "it", "nl", "pt", "da", "id", "tr", "el"],
        (".", ","),
    ),
    (&["fr"], ("\u{202f}", ",")),
    (
        &["pl", "ru", "cs", "sv", "fi", "nb", "no", "uk", "sk"],
        ("\u{a0}", ","),
    ),
    (&["en", "ja", "zh", "ko", ""], (",", ".")),
];

/// The separators of the language `base` ([`SEPARATORS`]), when Folio has them.
fn separators(base: &str) -> Option<(&'static str, &'static str)> {
    SEPARATORS
        .iter()
        .find(|(languages, _)| languages.contains(&base))
        .map(|&(_, separators)| separators)
}

/// A locale code lowercased, its parts joined by `-` (`de_CH` → `de-ch`).
fn whole_code(code: &str) -> String {
    code.to_ascii_lowercase().replace('_', "-")
}

/// The regions of English whose dates and numbers Folio has checked against Hugo 0.168
/// (those [`of`] knows, and the United States').
const ENGLISH_REGIONS: &[&str] = &["us", "gb", "au", "nz", "in", "ie", "ca", "za"];

/// The locale of a language code (`fr`, `pt-br`, `en-GB`, `de_AT`): the regional Englishes
/// Folio knows by their whole code (checked against Hugo 0.168's `:date_*` and `:time_*`
/// for en-GB, en-AU, en-NZ, en-IN, en-IE, en-CA and en-ZA), any other by its first part.
pub fn of(lang: &str) -> &'static Locale {
    match whole_code(lang).as_str() {
        "en-gb" => return &EN_GB,
        "en-au" => return &EN_AU,
        "en-nz" | "en-in" => return &EN_NZ_IN,
        "en-ie" => return &EN_IE,
        "en-ca" => return &EN_CA,
        "en-za" => return &EN_ZA,
        _ => {}
    }
    match base_language(lang).as_str() {
        "fr" => &FR,
        "de" => &DE,
        "es" => &ES,
        "it" => &IT,
        "nl" => &NL,
        "pt" => &PT,
        _ => &EN,
    }
}

/// Whether Folio has the month and day names of the language `lang` (a locale code):
/// English, French, German, Spanish, Italian, Dutch, Portuguese. For any other, [`of`]
/// gives English's.
pub fn has_names(lang: &str) -> bool {
    matches!(
        base_language(lang).as_str(),
        "en" | "fr" | "de" | "es" | "it" | "nl" | "pt" | ""
    )
}

/// Whether Folio writes dates in the locale `code` as CLDR does, which Hugo follows: a
/// language Folio has names for with no region (`pt`), or a region checked against
/// Hugo 0.168 (the regional Englishes [`of`] knows, `pt-BR`). A region may write
/// otherwise (`pt-PT`'s `quinta` for `qui.`, `fr-CA`'s `24-03-05`).
pub fn dates_checked(code: &str) -> bool {
    let whole = whole_code(code);
    let region = whole.split_once('-').map(|(_, r)| r);
    has_names(code)
        && match region {
            None => true,
            Some(r) if base_language(code) == "en" => ENGLISH_REGIONS.contains(&r),
            Some(_) => is_default_region(&whole) || whole == "de-ch",
        }
}

/// Whether `whole` (`de-de`, lowercase) is a language in the region CLDR's data for the
/// language alone is of: written as the language is.
fn is_default_region(whole: &str) -> bool {
    matches!(
        whole,
        "de-de" | "fr-fr" | "es-es" | "it-it" | "nl-nl" | "pt-br" | "en-us"
    )
}

/// Whether Folio writes numbers in the locale `code` as CLDR does ([`numbers`]): the
/// languages it has separators for, with no region or a region checked against Hugo
/// 0.168 (`fr-CA`, `de-CH`, `fr-BE`, `pt-BR`, the regional Englishes of [`of`]; Chinese,
/// Japanese and Korean in any). Another region may write otherwise
/// (`pt-PT` groups with a no-break space, `es-MX` as English does).
pub fn numbers_checked(code: &str) -> bool {
    let whole = whole_code(code);
    let base = base_language(code);
    let region = whole.split_once('-').map_or("", |(_, r)| r);
    separators(&base).is_some()
        && (region.is_empty()
            || (base == "en" && ENGLISH_REGIONS.contains(&region))
            || is_default_region(&whole)
            || matches!(base.as_str(), "ja" | "zh" | "ko")
            || matches!(whole.as_str(), "fr-ca" | "de-ch" | "fr-be" | "nl-be"))
}

/// Whether `text` holds an English month or weekday name, whole or abbreviated.
pub fn names_a_date(text: &str) -> bool {
    let words = |list: &[&str]| list.iter().any(|w| text.contains(w));
    words(&EN.months) || words(&EN.months_short) || words(&EN.days) || words(&EN.days_short)
}

/// English: what Go's `.Format` writes whatever the page's language.
pub fn english() -> &'static Locale {
    &EN
}

impl Locale {
    /// Whether `layout` is one of Hugo's named layouts (`:date_long`, in any case).
    pub fn is_named(&self, layout: &str) -> bool {
        !std::ptr::eq(self.layout(layout), layout)
    }

    /// A named layout (`:date_long`, in any case) as a Go layout; any other as it is.
    pub fn layout<'a>(&self, layout: &'a str) -> &'a str
    where
        'static: 'a,
    {
        match layout.to_ascii_lowercase().as_str() {
            ":date_full" => self.dates[0],
            ":date_long" => self.dates[1],
            ":date_medium" => self.dates[2],
            ":date_short" => self.dates[3],
            ":time_full" | ":time_long" => self.times[0],
            ":time_medium" => self.times[1],
            ":time_short" => self.times[2],
            _ => layout,
        }
    }
}
