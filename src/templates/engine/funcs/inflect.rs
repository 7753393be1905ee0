//! English plurals, singulars and humanized names as Hugo's `pluralize`, `singularize`
//! and `humanize` make them.
//!
//! Hugo 0.168 calls `flect.Pluralize`, `flect.Singularize`, `flect.Humanize` and
//! `flect.Ordinalize` of `github.com/gobuffalo/flect` v1.0.3 (`tpl/inflect/inflect.go`);
//! this is a port of what those do, from flect's files:
//! - `plural_rules.go`: the dictionary of irregular, identical and uncountable words
//!   ([`DICTIONARY`]), the suffix rules ([`SUFFIXES`]) and how both become the ordered
//!   rule lists ([`PLURAL_RULES`], [`SINGULAR_RULES`]);
//! - `singular_rules.go`, `rule.go`: how a rule is inserted and applied;
//! - `pluralize.go`, `singularize.go`: the order of the checks ([`pluralize`],
//!   [`singularize`]);
//! - `ident.go`, `flect.go`, `acronyms.go`: how a name is split into parts ([`parts`],
//!   [`ACRONYMS`]), of which `pluralize` inflects only the last ([`last_part`]) and
//!   `humanize` capitalises the first;
//! - `humanize.go`, `titleize.go`, `ordinalize.go`: [`humanize`]'s words and ordinals;
//! - `capitalize.go`: when a dictionary word takes a capital.
//!
//! Faithful to the letter, oddities included: `octopus` → `octupuses` (flect's
//! spelling), `PERSON` → `People`, `dns` → `dnsDNSes` (an acronym's part is upper-cased,
//! then no longer found at the end of the text), `humanize "$"` an error (flect takes
//! the first part of a text that has none). What flect reads at start-up from an
//! `inflections.json` or `acronyms.json` in Hugo's working directory is not read.

use std::collections::VecDeque;
use std::sync::LazyLock;

use regex::Regex;

use super::strings::{go_upper, to_title};

/// A dictionary entry (flect's `word`): a singular, its plural, and another plural that
/// is read back as the same singular.
struct Word {
    singular: &'static str,
    plural: &'static str,
    alternative: Option<&'static str>,
    /// Only singular → plural: the plural is not read back (`basis` → `bases`, but
    /// `bases` is `base`'s).
    one_way: bool,
    /// Only the whole text, never the end of a longer word (`ox`, but not `box`).
    exact: bool,
}

/// An entry `singular` → `plural`, both ways, for the whole text and as a suffix.
const fn word(singular: &'static str, plural: &'static str) -> Word {
    Word {
        singular,
        plural,
        alternative: None,
        one_way: false,
        exact: false,
    }
}

/// An uncountable word: its own plural.
const fn uncountable(singular: &'static str) -> Word {
    word(singular, singular)
}

impl Word {
    /// With another plural that singularizes to this singular.
    const fn or(self, alternative: &'static str) -> Self {
        Word {
            alternative: Some(alternative),
            ..self
        }
    }

    /// Pluralized, but the plural is not singularized back.
    const fn one_way(self) -> Self {
        Word {
            one_way: true,
            ..self
        }
    }

    /// Only when it is the whole text.
    const fn exact(self) -> Self {
        Word {
            exact: true,
            ..self
        }
    }
}

/// flect's `dictionary` (`plural_rules.go`), in its order, which is the order of the
/// rules it makes. Each entry is looked up as the whole text and as the last part's
/// lower case; each entry not [`Word::exact`] is also a suffix rule, ahead of
/// [`SUFFIXES`].
const DICTIONARY: &[Word] = &[
    // Identical singular and plural.
    word("aircraft", "aircraft"),
    word("beef", "beef").or("beefs"),
    word("bison", "bison"),
    word("blues", "blues").one_way(),
    word("chassis", "chassis"),
    word("deer", "deer"),
    word("fish", "fish").or("fishes"),
    word("moose", "moose"),
    word("police", "police"),
    word("salmon", "salmon").or("salmons"),
    word("series", "series"),
    word("sheep", "sheep"),
    word("shrimp", "shrimp").or("shrimps"),
    word("species", "species"),
    word("swine", "swine").or("swines"),
    word("trout", "trout").or("trouts"),
    word("tuna", "tuna").or("tunas"),
    word("you", "you"),
    // Plurals in -(e)n.
    word("child", "children"),
    word("ox", "oxen").exact(),
    // Apophonic plurals.
    word("foot", "feet"),
    word("goose", "geese"),
    word("man", "men"),
    word("human", "humans"),
    word("louse", "lice").exact(),
    word("mouse", "mice"),
    word("tooth", "teeth"),
    word("woman", "women"),
    // Miscellaneous irregulars.
    word("die", "dice").exact(),
    word("person", "people"),
    // French -u takes -x.
    word("adieu", "adieux").or("adieus"),
    word("fabliau", "fabliaux"),
    word("bureau", "bureaus").or("bureaux"),
    // Greek -on becomes -a.
    word("criterion", "criteria"),
    word("ganglion", "ganglia").or("ganglions"),
    word("lexicon", "lexica").or("lexicons"),
    word("mitochondrion", "mitochondria").or("mitochondrions"),
    word("noumenon", "noumena"),
    word("phenomenon", "phenomena"),
    word("taxon", "taxa"),
    // Latin -um becomes -a.
    word("media", "media"),
    word("medium", "media").or("mediums").one_way(),
    word("stadium", "stadiums").or("stadia"),
    word("aquarium", "aquaria").or("aquariums"),
    word("auditorium", "auditoria").or("auditoriums"),
    word("symposium", "symposia").or("symposiums"),
    word("curriculum", "curriculums").or("curricula"),
    word("quota", "quotas"),
    // Latin -us becomes -i or -era.
    word("alumnus", "alumni").or("alumnuses"),
    word("bacillus", "bacilli"),
    word("cactus", "cacti").or("cactuses"),
    word("coccus", "cocci"),
    word("focus", "foci").or("focuses"),
    word("locus", "loci").or("locuses"),
    word("nucleus", "nuclei").or("nucleuses"),
    word("octopus", "octupuses").or("octopi"),
    word("radius", "radii").or("radiuses"),
    word("syllabus", "syllabi"),
    word("corpus", "corpora").or("corpuses"),
    word("genus", "genera"),
    // Latin -a becomes -ae.
    word("alumna", "alumnae"),
    word("vertebra", "vertebrae"),
    word("differentia", "differentiae"),
    word("minutia", "minutiae"),
    word("vita", "vitae"),
    word("larva", "larvae"),
    word("postcava", "postcavae"),
    word("praecava", "praecavae"),
    word("uva", "uvae"),
    // Latin -ex becomes -ices.
    word("apex", "apices").or("apexes"),
    word("codex", "codices").or("codexes"),
    word("index", "indices").or("indexes"),
    word("latex", "latices").or("latexes"),
    word("vertex", "vertices").or("vertexes"),
    word("vortex", "vortices").or("vortexes"),
    // Latin -ix becomes -ices.
    word("appendix", "appendices").or("appendixes"),
    word("radix", "radices").or("radixes"),
    word("helix", "helices").or("helixes"),
    // Latin -is becomes -es.
    word("axis", "axes").exact(),
    word("crisis", "crises"),
    word("ellipsis", "ellipses").one_way(),
    word("genesis", "geneses"),
    word("oasis", "oases"),
    word("thesis", "theses"),
    word("testis", "testes"),
    word("base", "bases"),
    word("basis", "bases").one_way(),
    word("alias", "aliases").exact(),
    word("vedalia", "vedalias"),
    // Words in -ch, -o, -s, -sh, -x, -z that the suffix rules would get wrong.
    word("use", "uses").exact(),
    word("abuse", "abuses"),
    word("cause", "causes"),
    word("clause", "clauses"),
    word("cruse", "cruses"),
    word("excuse", "excuses"),
    word("fuse", "fuses"),
    word("house", "houses"),
    word("misuse", "misuses"),
    word("muse", "muses"),
    word("pause", "pauses"),
    word("ache", "aches"),
    word("topaz", "topazes"),
    word("buffalo", "buffaloes").or("buffalos"),
    word("potato", "potatoes"),
    word("tomato", "tomatoes"),
    // Uncountables.
    uncountable("equipment"),
    uncountable("information"),
    uncountable("jeans"),
    uncountable("money"),
    uncountable("news"),
    uncountable("rice"),
    // -f that does not become -ves, and -ve that is not from -f(e).
    word("dwarf", "dwarfs").or("dwarves"),
    word("hoof", "hoofs").or("hooves"),
    word("thief", "thieves"),
    word("chive", "chives"),
    word("hive", "hives"),
    word("move", "moves"),
    // -ie that is not from -y.
    word("movie", "movies"),
    word("cookie", "cookies"),
    // -um and -a that take -s.
    word("pretorium", "pretoriums"),
    word("agenda", "agendas"),
    word("formula", "formulas").or("formulae"),
    // -oe, and a plural in -i.
    word("shoe", "shoes"),
    word("toe", "toes").exact(),
    word("graffiti", "graffiti"),
    // Abbreviations.
    word("ID", "IDs").exact(),
];

/// flect's `singularToPluralSuffixList` (`plural_rules.go`): `(singular suffix, plural
/// suffix)`, first match wins, so the order is the priority.
const SUFFIXES: &[(&str, &str)] = &[
    // -f and -fe become -ves.
    ("tive", "tives"),
    ("eaf", "eaves"),
    ("oaf", "oaves"),
    ("afe", "aves"),
    ("arf", "arves"),
    ("rfe", "rves"),
    ("rf", "rves"),
    ("lf", "lves"),
    ("fe", "ves"),
    // -y after a consonant becomes -ies.
    ("ay", "ays"),
    ("ey", "eys"),
    ("oy", "oys"),
    ("quy", "quies"),
    ("uy", "uys"),
    ("y", "ies"),
    // French -eau takes -x.
    ("eau", "eaux"),
    // Latin -a becomes -ae (flect's table has `bulae` for all five).
    ("bula", "bulae"),
    ("dula", "bulae"),
    ("lula", "bulae"),
    ("nula", "bulae"),
    ("vula", "bulae"),
    // Greek -on becomes -a.
    ("hedron", "hedra"),
    // Latin -um becomes -a.
    ("ium", "ia"),
    ("seum", "seums"),
    ("eum", "ea"),
    ("oum", "oa"),
    ("stracum", "straca"),
    ("dum", "da"),
    ("elum", "ela"),
    ("ilum", "ila"),
    ("olum", "ola"),
    ("ulum", "ula"),
    ("llum", "lla"),
    ("ylum", "yla"),
    ("imum", "ima"),
    ("ernum", "erna"),
    ("gnum", "gna"),
    ("brum", "bra"),
    ("crum", "cra"),
    ("terum", "tera"),
    ("serum", "sera"),
    ("trum", "tra"),
    ("antum", "anta"),
    ("atum", "ata"),
    ("entum", "enta"),
    ("etum", "eta"),
    ("itum", "ita"),
    ("otum", "ota"),
    ("utum", "uta"),
    ("ctum", "cta"),
    ("ovum", "ova"),
    // Latin -ix becomes -ices.
    ("trix", "trices"),
    // Greek -is becomes -es.
    ("iasis", "iases"),
    ("mesis", "meses"),
    ("kinesis", "kineses"),
    ("resis", "reses"),
    ("gnosis", "gnoses"),
    ("opsis", "opses"),
    ("ysis", "yses"),
    // -ch, -o, -s, -sh, -x, -z take -es.
    ("ouse", "ouses"),
    ("lause", "lauses"),
    ("us", "uses"),
    ("ch", "ches"),
    ("io", "ios"),
    ("sh", "shes"),
    ("ss", "sses"),
    ("ez", "ezzes"),
    ("iz", "izzes"),
    ("tz", "tzes"),
    ("zz", "zzes"),
    ("ano", "anos"),
    ("lo", "los"),
    ("to", "tos"),
    ("oo", "oos"),
    ("o", "oes"),
    ("x", "xes"),
    // Abbreviations.
    ("S", "Ses"),
];

/// flect's `baseAcronyms` (`acronyms.go`): a part that is one of these, in any case, is
/// upper-cased, and an upper-case run that is one ends its part (`HTMLParser` is `HTML`
/// and `Parser`). flect looks them up upper-cased, so the five with lower-case letters
/// (`gbps`, `kbps`, `Mbps`, `MoCA`, `WiFi`) are never found; they are left out.
const ACRONYMS: &[&str] = &[
    "OK", "UTF8", "HTML", "JSON", "JWT", "ID", "UUID", "SQL", "ACK", "ACL", "ADSL", "AES", "ANSI",
    "API", "ARP", "ATM", "BGP", "BSS", "CCITT", "CHAP", "CIDR", "CIR", "CLI", "CPE", "CPU", "CRC",
    "CRT", "CSMA", "CMOS", "DCE", "DEC", "DES", "DHCP", "DNS", "DRAM", "DSL", "DSLAM", "DTE",
    "DMI", "EHA", "EIA", "EIGRP", "EOF", "ESS", "FCC", "FCS", "FDDI", "FTP", "GBIC", "GEPOF",
    "HDLC", "HTTP", "HTTPS", "IANA", "ICMP", "IDF", "IDS", "IEEE", "IETF", "IMAP", "IP", "IPS",
    "ISDN", "ISP", "LACP", "LAN", "LAPB", "LAPF", "LLC", "MAC", "MC", "MDF", "MIB", "MPLS", "MTU",
    "NAC", "NAT", "NBMA", "NIC", "NRZ", "NRZI", "NVRAM", "OSI", "OSPF", "OUI", "PAP", "PAT", "PC",
    "PIM", "PCM", "PDU", "POP3", "POTS", "PPP", "PPTP", "PTT", "PVST", "RAM", "RARP", "RFC", "RIP",
    "RLL", "ROM", "RSTP", "RTP", "RCP", "SDLC", "SFD", "SFP", "SLARP", "SLIP", "SMTP", "SNA",
    "SNAP", "SNMP", "SOF", "SRAM", "SSH", "SSID", "STP", "SYN", "TDM", "TFTP", "TIA", "TOFU",
    "UDP", "URL", "URI", "USB", "UTP", "VC", "VLAN", "VLSM", "VPN", "W3C", "WAN", "WEP", "WPA",
    "WWW",
];

/// A suffix rule (flect's `rule`, `rule.go`): a word that ends in `suffix` ends instead
/// in `replacement`, or is kept as it is when there is none (flect's `noop`).
struct Rule {
    suffix: &'static str,
    replacement: Option<&'static str>,
}

impl Rule {
    /// `word` with the rule applied, when it ends in the rule's suffix.
    fn apply(&self, word: &str) -> Option<String> {
        let stem = word.strip_suffix(self.suffix)?;
        Some(match self.replacement {
            Some(r) => format!("{stem}{r}"),
            None => word.to_string(),
        })
    }
}

/// flect's `InsertPluralRule` and `InsertSingularRule` (the same steps): at the front,
/// a rule that keeps a word already ending in `to`, then (behind it) one that changes
/// `from` into `to`.
fn insert(rules: &mut VecDeque<Rule>, from: &'static str, to: &'static str) {
    rules.push_front(Rule {
        suffix: from,
        replacement: Some(to),
    });
    rules.push_front(Rule {
        suffix: to,
        replacement: None,
    });
}

/// The rules `pluralize` tries on the last part, first match wins, built as flect's
/// `init` builds `pluralRules`: [`SUFFIXES`] inserted last to first, then each
/// [`DICTIONARY`] word not [`Word::exact`] inserted in order, so the dictionary's last
/// word comes first.
static PLURAL_RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mut rules = VecDeque::new();
    for &(one, many) in SUFFIXES.iter().rev() {
        insert(&mut rules, one, many);
    }
    for w in DICTIONARY.iter().filter(|w| !w.exact) {
        insert(&mut rules, w.singular, w.plural);
    }
    rules.into()
});

/// The rules `singularize` tries on the last part, built as flect builds
/// `singularRules`: [`SUFFIXES`] the other way round, then each two-way
/// [`DICTIONARY`] word not [`Word::exact`], its plural and then its alternative.
static SINGULAR_RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mut rules = VecDeque::new();
    for &(one, many) in SUFFIXES.iter().rev() {
        insert(&mut rules, many, one);
    }
    for w in DICTIONARY.iter().filter(|w| !w.exact && !w.one_way) {
        insert(&mut rules, w.plural, w.singular);
        if let Some(alternative) = w.alternative {
            insert(&mut rules, alternative, w.singular);
        }
    }
    rules.into()
});

/// flect's `singleToPlural`: the dictionary's plural of exactly `singular`.
fn plural_of(singular: &str) -> Option<&'static str> {
    DICTIONARY
        .iter()
        .find(|w| w.singular == singular)
        .map(|w| w.plural)
}

/// flect's `pluralToSingle`: the dictionary's singular of exactly `plural` (a two-way
/// word's plural or alternative).
fn singular_of(plural: &str) -> Option<&'static str> {
    DICTIONARY
        .iter()
        .filter(|w| !w.one_way)
        .find(|w| w.plural == plural || w.alternative == Some(plural))
        .map(|w| w.singular)
}

/// The plural of `text`, as Hugo's `pluralize` (flect's `Ident.Pluralize`) makes it.
/// Only the last part of `text` is inflected ([`last_part`]), in these steps, the
/// first that applies:
/// 1. no part (empty, or only spaces and symbols): empty;
/// 2. the whole text is a dictionary singular: its plural (`ID` → `IDs`);
/// 3. the whole text, or the last part's lower case, is a dictionary plural: unchanged;
/// 4. the last part's lower case is a dictionary singular: its plural, capitalised when
///    the part starts with a capital (`Person` and `PERSON` → `People`);
/// 5. the last part ends in a rule's suffix ([`PLURAL_RULES`], case-sensitive): the
///    rule's ending (`city` → `cities`, `BUS` → `BUSes`, `CAT` unchanged by any);
/// 6. the last part ends in `s` or `S`: unchanged;
/// 7. the text with `s` added (`big cat` → `big cats`, `BlogPost` → `BlogPosts`).
///
/// In steps 4 and 5 the last part is replaced at the end of the text; when the text does
/// not end in it (a trailing space or symbol, an upper-cased acronym), the new word is
/// added after the whole text instead, as flect does (`person ` → `person people`).
pub(crate) fn pluralize(text: &str) -> String {
    let Some(last) = last_part(text) else {
        return String::new();
    };
    if let Some(plural) = plural_of(text) {
        return plural.to_string();
    }
    if singular_of(text).is_some() {
        return text.to_string();
    }
    let lower = go_lower(&last);
    if singular_of(&lower).is_some() {
        return text.to_string();
    }
    if let Some(plural) = plural_of(&lower) {
        return replace_end(text, &last, &same_capital(&last, plural));
    }
    if let Some(plural) = PLURAL_RULES.iter().find_map(|r| r.apply(&last)) {
        return replace_end(text, &last, &plural);
    }
    if lower.ends_with('s') {
        return text.to_string();
    }
    format!("{text}s")
}

/// The singular of `text`, as Hugo's `singularize` (flect's `Ident.Singularize`) makes
/// it, by the steps of [`pluralize`] the other way round:
/// 1. no part: the text unchanged;
/// 2. the whole text is a dictionary plural: its singular (`IDs` → `ID`);
/// 3. the whole text is a dictionary singular: unchanged;
/// 4. the last part's lower case is a dictionary plural: its singular, capitalised when
///    the part starts with a capital (`People` → `Person`);
/// 5. the last part's lower case is a dictionary singular: unchanged;
/// 6. the last part ends in a rule's suffix ([`SINGULAR_RULES`]): the rule's ending
///    (`cities` → `city`, `wolves` → `wolf`);
/// 7. the last part ends in a lower-case `s`: the text without its final `s`, if it ends
///    in one;
/// 8. the text unchanged.
pub(super) fn singularize(text: &str) -> String {
    let Some(last) = last_part(text) else {
        return text.to_string();
    };
    if let Some(singular) = singular_of(text) {
        return singular.to_string();
    }
    if plural_of(text).is_some() {
        return text.to_string();
    }
    let lower = go_lower(&last);
    if let Some(singular) = singular_of(&lower) {
        return replace_end(text, &last, &same_capital(&last, singular));
    }
    if plural_of(&lower).is_some() {
        return text.to_string();
    }
    if let Some(singular) = SINGULAR_RULES.iter().find_map(|r| r.apply(&last)) {
        return replace_end(text, &last, &singular);
    }
    if last.ends_with('s') {
        return text.strip_suffix('s').unwrap_or(text).to_string();
    }
    text.to_string()
}

/// Hugo's `humanize` of a word already cast to text (`tpl/inflect/inflect.go`,
/// `Humanize`):
/// 1. empty: empty;
/// 2. an integer as Go's `strconv.Atoi` reads one (`3`, `+5`, `-007`, within 64 bits):
///    its ordinal ([`ordinalize`]: `3rd`, `5th`, `-7th`);
/// 3. otherwise flect's `Humanize` ([`humanize_once`]) of the text, then again of that
///    lower-cased letter by letter (Go's `strings.ToLower`), so only acronyms and the first
///    letter are capitals: `myCamelPost` → `My camel post`, `employee_id` → `Employee ID`,
///    `HTTPServer` → `HTTP server`.
///
/// `None` where Hugo stops with an error (`runtime error: index out of range [0] with
/// length 0`): text with something besides spaces but no part (`$`, `😀`), whose first
/// part flect takes.
pub(super) fn humanize(word: &str) -> Option<String> {
    if word.is_empty() {
        return Some(String::new());
    }
    if let Ok(n) = word.parse::<i64>() {
        return Some(ordinalize(n));
    }
    humanize_once(&go_lower(&humanize_once(word)?))
}

/// flect's `Humanize` (`humanize.go`): blank text as it is; otherwise the first part
/// titleized ([`titleize`]) and the other parts as they are ([`parts`]: acronyms
/// upper-cased), joined by single spaces. `None` when there is no first part (flect
/// panics).
fn humanize_once(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some(text.to_string());
    }
    let parts = parts(text);
    let (first, rest) = parts.split_first()?;
    let mut words = Vec::with_capacity(parts.len());
    push_part(&mut words, &titleize(first));
    for part in rest {
        push_part(&mut words, part);
    }
    Some(words.join(" "))
}

/// flect's `Titleize` (`titleize.go`): each part of `text` with its first character in
/// title case, joined by single spaces (`nice to_see` → `Nice To See`).
fn titleize(text: &str) -> String {
    parts(text)
        .iter()
        .map(|part| title_first(part))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with its first character in title case (Go's `unicode.ToTitle`: `ǆ` → `ǅ`).
fn title_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| std::iter::once(to_title(first)).chain(chars).collect())
        .unwrap_or_default()
}

/// flect's `Ordinalize` (`ordinalize.go`) of a number: `1st`, `2nd`, `3rd`, `4th`, and
/// `th` after 11, 12 and 13 of each hundred (`111th`); the sign kept (`-3rd`).
fn ordinalize(n: i64) -> String {
    let suffix = match (n.unsigned_abs() % 100, n.unsigned_abs() % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// flect's `ReplaceSuffix`: `text` without `old` at its end (when it ends in it), then
/// `new`.
fn replace_end(text: &str, old: &str, new: &str) -> String {
    format!("{}{new}", text.strip_suffix(old).unwrap_or(text))
}

/// A dictionary word capitalised when `part` is its own capitalisation (its first
/// character is already in title case: `Person`, `PERSON`).
fn same_capital(part: &str, dictionary_word: &str) -> String {
    if part == capitalize(part) {
        capitalize(dictionary_word)
    } else {
        dictionary_word.to_string()
    }
}

/// flect's `Capitalize`: the first character in title case (Go's `unicode.ToTitle`), or
/// empty when the text has no part.
fn capitalize(text: &str) -> String {
    if parts(text).is_empty() {
        return String::new();
    }
    title_first(text)
}

/// Go's `strings.ToLower`: each character's lower case, one character for one (`İ` is
/// `i`, and a final `Σ` is `σ`).
fn go_lower(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// The last part of `text` (see [`parts`]), the one `pluralize` inflects.
fn last_part(text: &str) -> Option<String> {
    parts(text).pop()
}

/// flect's `toParts` (`ident.go`): the words of a name. The text is trimmed; a text that
/// is an acronym is that acronym upper-cased. Otherwise, character by character:
/// - a space (white space, `_`, ` `, `:`, `-`, `/`) ends the part;
/// - an upper-case letter ends the part when the character before it is not upper-case
///   (`BlogPost`), or when the part so far is an acronym (`HTMLParser`);
/// - a letter, decimal digit, punctuation mark or backtick goes on the part;
/// - anything else (a symbol such as `$` or `+`, a combining mark) ends the part and
///   is dropped.
///
/// Each part is trimmed of spaces, upper-cased when it is an acronym, and kept when it
/// is not empty.
fn parts(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let upper = go_upper(text);
    if is_acronym(&upper) {
        return vec![upper];
    }
    let mut parts = Vec::new();
    let mut part = String::new();
    let mut prev = '\0';
    for c in text.chars() {
        let starts_part =
            is_space(c) || (is_upper(c) && (!is_upper(prev) || is_acronym(&go_upper(&part))));
        if starts_part {
            push_part(&mut parts, &part);
            part.clear();
            part.push(c);
        } else if is_kept(c) {
            part.push(c);
        } else {
            push_part(&mut parts, &part);
            part.clear();
        }
        prev = c;
    }
    push_part(&mut parts, &part);
    parts
}

/// The characters flect counts as spaces besides white space (`flect.go`, `spaces`).
const SPACES: [char; 5] = ['_', ' ', ':', '-', '/'];

/// flect's `isSpace`: white space or one of [`SPACES`].
fn is_space(c: char) -> bool {
    SPACES.contains(&c) || c.is_whitespace()
}

/// flect's `xappend`: `part`, trimmed of white space then of each of [`SPACES`] in
/// turn, upper-cased if it is an acronym, added to `parts` unless empty.
fn push_part(parts: &mut Vec<String>, part: &str) {
    let mut part = part.trim();
    for c in SPACES {
        part = part.trim_matches(c);
    }
    if part.is_empty() {
        return;
    }
    let upper = go_upper(part);
    parts.push(if is_acronym(&upper) {
        upper
    } else {
        part.to_string()
    });
}

/// Whether `upper` is one of [`ACRONYMS`].
fn is_acronym(upper: &str) -> bool {
    ACRONYMS.contains(&upper)
}

/// Go's `unicode.IsUpper`: an upper-case letter (category Lu; not `Ⓐ` or `Ⅰ`, which Rust's
/// `is_uppercase` counts).
fn is_upper(c: char) -> bool {
    static LU: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Lu}$").expect("a pattern"));
    LU.is_match(c.encode_utf8(&mut [0; 4]))
}

/// What goes on a part: Go's `unicode.IsLetter`, `IsDigit` or `IsPunct` (categories L,
/// Nd, P; not the marks and letter-like numbers Rust's `is_alphanumeric` counts), or a
/// backtick.
fn is_kept(c: char) -> bool {
    static KEPT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\p{L}\p{Nd}\p{P}`]$").expect("a pattern"));
    KEPT.is_match(c.encode_utf8(&mut [0; 4]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plural(w: &str) -> String {
        pluralize(w)
    }

    fn singular(w: &str) -> String {
        singularize(w)
    }

    #[test]
    fn a_plain_word_takes_an_s_and_loses_it_again() {
        assert_eq!(plural("cat"), "cats");
        assert_eq!(singular("cats"), "cat");
        assert_eq!(plural("post"), "posts");
    }

    #[test]
    fn a_word_ending_in_y_after_a_consonant_takes_ies() {
        assert_eq!(plural("city"), "cities");
        assert_eq!(singular("cities"), "city");
        assert_eq!(plural("soliloquy"), "soliloquies");
    }

    #[test]
    fn a_word_ending_in_y_after_a_vowel_takes_only_s() {
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("key"), "keys");
        assert_eq!(plural("boy"), "boys");
        assert_eq!(plural("guy"), "guys");
        assert_eq!(singular("days"), "day");
    }

    #[test]
    fn a_word_ending_in_a_hissing_sound_takes_es() {
        for (one, many) in [
            ("bus", "buses"),
            ("class", "classes"),
            ("wish", "wishes"),
            ("church", "churches"),
            ("box", "boxes"),
            ("quiz", "quizzes"),
            ("waltz", "waltzes"),
            ("buzz", "buzzes"),
        ] {
            assert_eq!(plural(one), many, "{one}");
            assert_eq!(singular(many), one, "{many}");
        }
    }

    #[test]
    fn a_word_ending_in_f_or_fe_takes_ves_except_the_dictionary_s() {
        assert_eq!(plural("leaf"), "leaves");
        assert_eq!(plural("knife"), "knives");
        assert_eq!(plural("wolf"), "wolves");
        assert_eq!(singular("wolves"), "wolf");
        assert_eq!(plural("dwarf"), "dwarfs");
        assert_eq!(singular("dwarves"), "dwarf");
        assert_eq!(plural("native"), "natives");
        assert_eq!(plural("roof"), "roofs");
    }

    #[test]
    fn a_word_ending_in_o_takes_es_unless_a_rule_says_s() {
        assert_eq!(plural("hero"), "heroes");
        assert_eq!(plural("potato"), "potatoes");
        assert_eq!(plural("photo"), "photos");
        assert_eq!(plural("radio"), "radios");
        assert_eq!(plural("piano"), "pianos");
        assert_eq!(plural("zoo"), "zoos");
        assert_eq!(singular("heroes"), "hero");
    }

    #[test]
    fn latin_and_greek_endings_follow_their_rules() {
        assert_eq!(plural("datum"), "data");
        assert_eq!(singular("data"), "datum");
        assert_eq!(plural("matrix"), "matrices");
        assert_eq!(plural("analysis"), "analyses");
        assert_eq!(singular("diagnoses"), "diagnosis");
        assert_eq!(plural("polyhedron"), "polyhedra");
        assert_eq!(plural("nebula"), "nebulae");
        assert_eq!(plural("museum"), "museums");
        assert_eq!(plural("chateau"), "chateaux");
    }

    #[test]
    fn irregular_words_come_from_the_dictionary() {
        for (one, many) in [
            ("person", "people"),
            ("child", "children"),
            ("ox", "oxen"),
            ("mouse", "mice"),
            ("index", "indices"),
            ("cactus", "cacti"),
            ("criterion", "criteria"),
            ("octopus", "octupuses"),
        ] {
            assert_eq!(plural(one), many, "{one}");
            assert_eq!(singular(many), one, "{many}");
        }
        assert_eq!(singular("octopi"), "octopus");
        assert_eq!(singular("indexes"), "index");
    }

    #[test]
    fn a_dictionary_word_is_also_the_end_of_a_longer_word_unless_exact() {
        assert_eq!(plural("salesman"), "salesmen");
        assert_eq!(plural("grandchild"), "grandchildren");
        assert_eq!(plural("box"), "boxes");
        assert_eq!(plural("ox"), "oxen");
    }

    #[test]
    fn a_one_way_plural_is_not_read_back() {
        assert_eq!(plural("medium"), "media");
        assert_eq!(singular("media"), "media");
        assert_eq!(plural("basis"), "bases");
        assert_eq!(singular("bases"), "base");
    }

    #[test]
    fn an_uncountable_or_identical_word_stays_as_it_is() {
        for w in ["sheep", "equipment", "news", "series", "money", "deer"] {
            assert_eq!(plural(w), w);
            assert_eq!(singular(w), w);
        }
    }

    #[test]
    fn a_word_already_plural_or_singular_is_left_alone() {
        assert_eq!(plural("people"), "people");
        assert_eq!(plural("cats"), "cats");
        assert_eq!(plural("buses"), "buses");
        assert_eq!(singular("person"), "person");
        assert_eq!(singular("cat"), "cat");
    }

    #[test]
    fn a_capital_on_the_last_part_carries_to_a_dictionary_word() {
        assert_eq!(plural("Person"), "People");
        assert_eq!(plural("PERSON"), "People");
        assert_eq!(singular("People"), "Person");
        assert_eq!(plural("Ox"), "Oxen");
        assert_eq!(plural("Quiz"), "Quizzes");
    }

    #[test]
    fn suffix_rules_are_case_sensitive_so_all_caps_mostly_take_a_lowercase_s() {
        assert_eq!(plural("CAT"), "CATs");
        assert_eq!(plural("CITY"), "CITYs");
        assert_eq!(plural("BUS"), "BUSes");
        assert_eq!(plural("FOOS"), "FOOSes");
        assert_eq!(singular("CATS"), "CATS");
    }

    #[test]
    fn only_the_last_word_of_several_is_inflected() {
        assert_eq!(plural("big cat"), "big cats");
        assert_eq!(plural("BlogPost"), "BlogPosts");
        assert_eq!(plural("user_name"), "user_names");
        assert_eq!(plural("FancyPerson"), "FancyPeople");
        assert_eq!(plural("hello world-person"), "hello world-people");
        assert_eq!(singular("big cities"), "big city");
        assert_eq!(singular("BlogPosts"), "BlogPost");
    }

    #[test]
    fn a_name_splits_at_spaces_capitals_acronyms_and_symbols() {
        assert_eq!(parts("big cat"), ["big", "cat"]);
        assert_eq!(parts("BlogPost"), ["Blog", "Post"]);
        assert_eq!(parts("user_name"), ["user", "name"]);
        assert_eq!(parts("HTMLParser"), ["HTML", "Parser"]);
        assert_eq!(parts("user_id"), ["user", "ID"]);
        assert_eq!(parts("a+b.c"), ["a", "b.c"]);
        assert_eq!(parts("  api "), ["API"]);
        assert_eq!(parts("Ⅰbox"), ["box"]);
    }

    #[test]
    fn an_acronym_upper_cased_in_its_part_no_longer_ends_the_text() {
        assert_eq!(plural("api"), "apis");
        assert_eq!(plural("user_id"), "user_ids");
        assert_eq!(plural("dns"), "dnsDNSes");
        assert_eq!(singular("dns"), "dnsDNS");
    }

    #[test]
    fn text_that_does_not_end_in_its_last_part_gets_the_new_word_appended() {
        assert_eq!(plural("person "), "person people");
        assert_eq!(plural("box$"), "box$boxes");
        assert_eq!(plural("cat "), "cat s");
        assert_eq!(plural(" person"), " people");
    }

    #[test]
    fn empty_text_or_text_with_no_word_pluralizes_to_nothing_and_singularizes_to_itself() {
        assert_eq!(plural(""), "");
        assert_eq!(singular(""), "");
        assert_eq!(plural("  "), "");
        assert_eq!(singular("  "), "  ");
        assert_eq!(plural("$$"), "");
        assert_eq!(singular("$$"), "$$");
    }

    #[test]
    fn a_whole_text_dictionary_entry_is_matched_exactly() {
        assert_eq!(plural("ID"), "IDs");
        assert_eq!(singular("IDs"), "ID");
        assert_eq!(plural("IDs"), "IDs");
    }

    #[test]
    fn numbers_and_other_scripts_follow_the_same_steps() {
        assert_eq!(plural("3"), "3s");
        assert_eq!(singular("3"), "3");
        assert_eq!(plural("1.5"), "1.5s");
        assert_eq!(plural("straße"), "straßes");
        assert_eq!(singular("écoles"), "école");
        assert_eq!(plural("ÉCOLE"), "ÉCOLEs");
    }

    #[test]
    fn the_dictionary_has_no_word_twice_as_flect_checks_at_start_up() {
        let mut singulars = std::collections::HashSet::new();
        let mut plurals = std::collections::HashSet::new();
        for w in DICTIONARY {
            assert!(singulars.insert(w.singular), "{}", w.singular);
            if !w.one_way {
                assert!(plurals.insert(w.plural), "{}", w.plural);
                if let Some(alt) = w.alternative {
                    assert!(plurals.insert(alt), "{alt}");
                }
            }
        }
    }

    #[test]
    fn the_rules_are_ordered_dictionary_last_word_first_then_suffixes() {
        let first: Vec<(&str, Option<&str>)> = PLURAL_RULES
            .iter()
            .take(2)
            .map(|r| (r.suffix, r.replacement))
            .collect();
        assert_eq!(first, [("graffiti", None), ("graffiti", Some("graffiti"))]);
        let last = PLURAL_RULES.last().map(|r| (r.suffix, r.replacement));
        assert_eq!(last, Some(("S", Some("Ses"))));
        let last = SINGULAR_RULES.last().map(|r| (r.suffix, r.replacement));
        assert_eq!(last, Some(("Ses", Some("S"))));
    }

    #[test]
    fn flects_humanize_titleizes_the_first_part_and_keeps_the_others_as_they_are() {
        assert_eq!(
            humanize_once("employee_salary").as_deref(),
            Some("Employee salary")
        );
        assert_eq!(humanize_once("firstName").as_deref(), Some("First Name"));
        assert_eq!(humanize_once("employee_id").as_deref(), Some("Employee ID"));
        assert_eq!(humanize_once("  ").as_deref(), Some("  "));
        assert_eq!(humanize_once("$"), None);
    }

    #[test]
    fn hugos_humanize_lower_cases_flects_result_and_humanizes_it_again() {
        assert_eq!(humanize("firstName").as_deref(), Some("First name"));
        assert_eq!(humanize("HTMLParser").as_deref(), Some("HTML parser"));
        assert_eq!(humanize("the_API").as_deref(), Some("The API"));
        assert_eq!(humanize("NASA").as_deref(), Some("Nasa"));
        assert_eq!(humanize("").as_deref(), Some(""));
        assert_eq!(humanize("+-$"), None);
    }

    #[test]
    fn titleize_capitalises_the_first_character_of_every_part() {
        assert_eq!(titleize("nice to_see you!"), "Nice To See You!");
        assert_eq!(titleize("ǆungla"), "ǅungla");
        assert_eq!(titleize("this is `code` ok"), "This Is `code` OK");
    }

    #[test]
    fn an_ordinal_takes_th_after_eleven_twelve_and_thirteen_of_each_hundred() {
        let ordinals: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 102, 111, 0, -1, -12]
            .into_iter()
            .map(ordinalize)
            .collect();
        assert_eq!(
            ordinals,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd", "111th",
                "0th", "-1st", "-12th"
            ]
        );
        assert_eq!(humanize("-007").as_deref(), Some("-7th"));
        assert_eq!(
            humanize("99999999999999999999").as_deref(),
            Some("99999999999999999999")
        );
    }

    #[test]
    fn no_text_makes_any_function_panic() {
        for w in [
            "",
            " ",
            "\u{0}",
            "ǅ",
            "İ",
            "Σς",
            "🐈s",
            "a\u{301}s",
            "-_-:/",
            "``",
            "ΣS",
        ] {
            let _ = (plural(w), singular(w), humanize(w));
        }
    }
}
