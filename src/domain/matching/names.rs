//! Names as people write them: folding, parts, particles, suffixes,
//! nicknames and typos.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A name folded for comparison, in its two spellings: umlauts as the plain
/// vowel ("muller") and as the German `e` spelling ("mueller"). The two are
/// the same for names without umlauts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    pub plain: String,
    pub umlaut_e: String,
}

impl Folded {
    pub fn of(name: &str) -> Folded {
        Folded {
            plain: fold(name, false),
            umlaut_e: fold(name, true),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.plain.is_empty()
    }

    /// The same name in any spelling either side has: Müller agrees with
    /// Mueller and with Muller.
    pub fn same(&self, other: &Folded) -> bool {
        !self.is_empty()
            && (self.plain == other.plain
                || self.umlaut_e == other.umlaut_e
                || self.plain == other.umlaut_e
                || self.umlaut_e == other.plain)
    }

    /// A single letter that starts `other`.
    pub fn is_initial_of(&self, other: &Folded) -> bool {
        self.plain.chars().count() == 1 && other.plain.starts_with(&self.plain)
    }

    /// One typo apart in some spelling, for names of at least `min` letters.
    fn one_typo(&self, other: &Folded, min: usize) -> bool {
        let long_enough = |a: &str, b: &str| a.chars().count().min(b.chars().count()) >= min;
        [
            (&self.plain, &other.plain),
            (&self.umlaut_e, &other.umlaut_e),
        ]
        .into_iter()
        .any(|(a, b)| long_enough(a, b) && within_one_typo(a, b))
    }
}

/// Lower case, accents removed, letters that Unicode does not decompose
/// spelled in ASCII (đ→d, ł→l, ß→ss, ø→o, æ→ae, œ→oe, þ→th, ı→i), and only
/// letters and digits kept. With `umlaut_e`, ä, ö and ü become ae, oe, ue.
pub fn fold(name: &str, umlaut_e: bool) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfd().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            // U+0308 is the diaeresis that makes ä, ö and ü.
            if c == '\u{308}' && umlaut_e && out.ends_with(['a', 'o', 'u']) {
                out.push('e');
            }
            continue;
        }
        match c {
            'đ' | 'ð' => out.push('d'),
            'ł' => out.push('l'),
            'ß' => out.push_str("ss"),
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            'ħ' => out.push('h'),
            'ŧ' => out.push('t'),
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words that are part of a surname but never a surname alone.
const PARTICLES: &[&str] = &[
    "al", "bin", "d", "da", "das", "de", "dei", "del", "dela", "della", "delos", "der", "des",
    "di", "do", "dos", "du", "e", "el", "ibn", "la", "las", "le", "les", "lo", "los", "saint",
    "san", "st", "ste", "ten", "ter", "van", "vande", "vander", "von", "y",
];
/// Generational suffixes people add to a last name ("Smith Jr.").
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "2nd", "3rd"];

/// The words of a name as written, split at spaces and hyphens.
fn words(name: &str) -> Vec<&str> {
    name.split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
        .filter(|w| !Folded::of(w).is_empty())
        .collect()
}

/// The words of a name ("Jean-Luc" → Jean, Luc), folded.
pub fn parts(name: &str) -> Vec<Folded> {
    words(name).into_iter().map(Folded::of).collect()
}

/// A last name without a generational suffix: "Smith Jr." → "Smith".
fn without_suffix(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        Some((last, rest))
            if !rest.is_empty() && SUFFIXES.contains(&fold(last, false).as_str()) =>
        {
            rest.join(" ")
        }
        _ => name.to_string(),
    }
}

/// How a typed last name agrees with one the record holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LastName {
    Differs,
    /// Within one typo (both at least four letters).
    Typo,
    /// One whole part of a two-part name on either side ("Garcia" for
    /// "Garcia López"); a particle alone is never such a part.
    Part,
    Same,
}

/// The best agreement of `typed` with any of the record's last names (its
/// current one first, then maiden and previous names).
pub fn last_name(typed: &str, record: &[&str]) -> LastName {
    record
        .iter()
        .map(|r| one_last_name(typed, r))
        .max()
        .unwrap_or(LastName::Differs)
}

fn one_last_name(typed: &str, record: &str) -> LastName {
    let (typed, record) = (without_suffix(typed), without_suffix(record));
    let (a, b) = (Folded::of(&typed), Folded::of(&record));
    if a.is_empty() || b.is_empty() {
        return LastName::Differs;
    }
    if a.same(&b) {
        return LastName::Same;
    }
    // The part must not be a particle as the name writes it: "de" is one,
    // the Vietnamese surname "Lê" is not, even typed "Le".
    let whole_part_of = |whole: &Folded, name: &str| {
        let words = words(name);
        words.len() > 1
            && words.iter().any(|w| {
                !PARTICLES.contains(&w.to_lowercase().trim_end_matches('.'))
                    && Folded::of(w).same(whole)
            })
    };
    if whole_part_of(&a, &record) || whole_part_of(&b, &typed) {
        return LastName::Part;
    }
    if a.one_typo(&b, 4) {
        return LastName::Typo;
    }
    LastName::Differs
}

/// How a typed first name agrees with the record's given names, strongest
/// first in the order of [`FirstName::strength`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstName {
    /// The same name: the whole first name, the first and middle names
    /// together, or a name the record lists as another name of the person.
    Exact,
    /// The same given names as far as the shorter goes: "Mary" for "Mary
    /// Ann", "Jean" for "Jean-Luc".
    Parts,
    /// A nickname of the name, or the name of a nickname ("Bill", "William").
    Nickname,
    /// Within one typo of a nickname, or both nicknames of one name.
    NearNickname,
    /// The record's middle name or a later given name ("Elena" for "Maria
    /// Elena"): the person goes by it, or it is a sibling's name.
    Middle,
    /// One typo from the first name ("Mason" for "Jason").
    Typo,
    /// The first given name agrees and a later one differs: "Maria Elena"
    /// for "Maria Luisa", sisters as often as one person.
    FirstPart,
    Differs,
}

impl FirstName {
    /// For ranking candidates: higher is stronger.
    pub fn strength(self) -> u8 {
        match self {
            FirstName::Exact => 6,
            FirstName::Parts => 5,
            FirstName::Nickname => 4,
            FirstName::Middle => 3,
            FirstName::Typo | FirstName::FirstPart => 2,
            FirstName::NearNickname => 1,
            FirstName::Differs => 0,
        }
    }
}

/// The given names of a typed submission or a record.
pub struct GivenNames<'a> {
    pub first: &'a str,
    pub middle: &'a str,
    /// Other given names the record holds (nicknames, earlier names).
    pub other: &'a [&'a str],
}

pub fn first_name(typed: &GivenNames, record: &GivenNames) -> FirstName {
    let t = Folded::of(typed.first);
    let r = Folded::of(record.first);
    if t.is_empty() || r.is_empty() {
        return FirstName::Differs;
    }
    let typed_first = parts(typed.first);
    let typed_all: Vec<Folded> = typed_first
        .iter()
        .cloned()
        .chain(parts(typed.middle))
        .collect();
    let record_first = parts(record.first);
    let record_all: Vec<Folded> = record_first
        .iter()
        .cloned()
        .chain(parts(record.middle))
        .collect();
    let same_list =
        |a: &[Folded], b: &[Folded]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y));
    // After the first, a given name agrees with its initial ("Mary A").
    let prefix = |short: &[Folded], long: &[Folded]| {
        !short.is_empty()
            && short.len() <= long.len()
            && short.iter().zip(long).enumerate().all(|(i, (x, y))| {
                x.same(y) || (i > 0 && (x.is_initial_of(y) || y.is_initial_of(x)))
            })
    };
    // The first boxes alike (a middle name that differs is the middle
    // name's to say), or all the given names alike however they are split
    // between the boxes ("Maria Elena" and Maria / Elena).
    if t.same(&r)
        || same_list(&typed_all, &record_all)
        || record.other.iter().any(|o| t.same(&Folded::of(o)))
    {
        return FirstName::Exact;
    }
    // One person's given names are the start of the other's: "Mary" of
    // "Mary Ann". "Mary Beth" is not "Mary Ann" however the boxes split it.
    if prefix(&typed_all, &record_all) || prefix(&record_all, &typed_all) {
        return FirstName::Parts;
    }
    let (t0, r0) = (&typed_first[0], &record_first[0]);
    if typed_all.len() > 1 && record_all.len() > 1 && t0.same(r0) {
        return FirstName::FirstPart;
    }
    if nicknames().of_each_other(&t.plain, &r.plain)
        || nicknames().of_each_other(&t0.plain, &r0.plain)
    {
        return FirstName::Nickname;
    }
    if typed_first.len() == 1 && record_all.iter().skip(1).any(|p| p.same(t0)) {
        return FirstName::Middle;
    }
    if t.one_typo(&r, 3) || t0.one_typo(r0, 3) {
        return FirstName::Typo;
    }
    if nicknames().near(&t0.plain, &r0.plain) {
        return FirstName::NearNickname;
    }
    FirstName::Differs
}

/// How a typed middle name agrees with the record's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MiddleName {
    Same,
    /// An initial of the other ("A" for "Ann").
    Initial,
    /// Blank on one side.
    Unknown,
    Differs,
}

pub fn middle_name(typed: &str, record: &str) -> MiddleName {
    let (a, b) = (Folded::of(typed), Folded::of(record));
    if a.is_empty() || b.is_empty() {
        return MiddleName::Unknown;
    }
    if a.same(&b) {
        return MiddleName::Same;
    }
    if a.is_initial_of(&b) || b.is_initial_of(&a) {
        MiddleName::Initial
    } else {
        MiddleName::Differs
    }
}

/// One letter added, missing or changed, or two neighbours swapped.
pub fn within_one_typo(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match differ.as_slice() {
                [] | [_] => true,
                [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
                _ => false,
            }
        }
        1 => {
            // Skip one letter of the longer name at the first difference.
            let at = short
                .iter()
                .zip(long.iter())
                .take_while(|(x, y)| x == y)
                .count();
            short[at..] == long[at + 1..]
        }
        _ => false,
    }
}

/// Given-name nicknames, from `nicknames.csv` (English) and
/// `spanish_nicknames.csv`: each line says a name has a nickname.
pub struct Nicknames {
    /// Each name with the names it is a nickname of or has as nicknames.
    related: HashMap<String, HashSet<String>>,
    /// Each nickname with the formal names it is short for.
    formal_of: HashMap<String, HashSet<String>>,
}

pub const ENGLISH_NICKNAMES: &str = include_str!("nicknames.csv");
pub const SPANISH_NICKNAMES: &str = include_str!("spanish_nicknames.csv");

pub fn nicknames() -> &'static Nicknames {
    static TABLE: OnceLock<Nicknames> = OnceLock::new();
    TABLE.get_or_init(|| Nicknames::parse(&[ENGLISH_NICKNAMES, SPANISH_NICKNAMES]))
}

impl Nicknames {
    /// Reads `name1,has_nickname,name2` lines after a header; other lines
    /// are left out (the unit tests check there are none).
    pub fn parse(files: &[&str]) -> Nicknames {
        let mut table = Nicknames {
            related: HashMap::new(),
            formal_of: HashMap::new(),
        };
        for line in files.iter().flat_map(|f| f.lines().skip(1)) {
            let Some((formal, nickname)) = parse_line(line) else {
                continue;
            };
            let (formal, nickname) = (fold(formal, false), fold(nickname, false));
            for (a, b) in [(&formal, &nickname), (&nickname, &formal)] {
                table
                    .related
                    .entry(a.clone())
                    .or_default()
                    .insert(b.clone());
            }
            table.formal_of.entry(nickname).or_default().insert(formal);
        }
        table
    }

    /// One is listed as a nickname of the other.
    pub fn of_each_other(&self, a: &str, b: &str) -> bool {
        self.related.get(a).is_some_and(|names| names.contains(b))
    }

    /// One is within a typo of a nickname of the other ("Bil" for
    /// William), or both are nicknames of one name (Bill and Billy). A
    /// typed name that is itself a listed name is not a typo of a nickname:
    /// José is not near Joseph for being one letter from Joey.
    pub fn near(&self, a: &str, b: &str) -> bool {
        let near_one_of = |typed: &str, record: &str| {
            typed.chars().count() >= 3
                && !self.related.contains_key(typed)
                && self
                    .related
                    .get(record)
                    .is_some_and(|names| names.iter().any(|n| within_one_typo(typed, n)))
        };
        let shared_formal = match (self.formal_of.get(a), self.formal_of.get(b)) {
            (Some(x), Some(y)) => !x.is_disjoint(y),
            _ => false,
        };
        near_one_of(a, b) || near_one_of(b, a) || shared_formal
    }
}

/// `(name, nickname)` of a `name,has_nickname,nickname` line.
pub fn parse_line(line: &str) -> Option<(&str, &str)> {
    let mut cells = line.trim().split(',');
    match (cells.next(), cells.next(), cells.next(), cells.next()) {
        (Some(formal), Some("has_nickname"), Some(nickname), None)
            if !formal.is_empty() && !nickname.is_empty() =>
        {
            Some((formal, nickname))
        }
        _ => None,
    }
}
