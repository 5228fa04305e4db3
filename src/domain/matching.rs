//! Matching a self-signup to the patient record it describes.
//!
//! A submission matches a record when all of these hold:
//!
//! - the **date of birth** is the same;
//! - the **last name** is the same once normalised (case, accents, spaces and
//!   punctuation ignored, so "García-López", "garcia lopez" and "GARCIALOPEZ"
//!   agree), or is one whole part of a two-part last name on either side
//!   ("Garcia" for "Garcia Lopez");
//! - the **first name** is the same once normalised, or a common nickname of
//!   it (Bill and William; see [`NICKNAMES`]), or within one typo (one letter
//!   added, missing, changed, or two neighbours swapped);
//! - the **email** (ignoring case) or the **mobile phone** (digits only, any
//!   format, a leading US country code ignored) is the one on the record.
//!
//! Exactly one matching record is a match. None, or more than one (a family
//! sharing an email, twins whose first names are one typo apart), is not: the
//! request then waits for the help desk.
//!
//! Server only: it needs Unicode decomposition to take accents off, which the
//! browser never does.

use super::date::Date;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The details a person gives, or a record holds, that matching looks at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: Option<Date>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// What matching a submission against candidate records found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchResult {
    /// Exactly one record matches: its index among the candidates.
    One(usize),
    None,
    Several,
}

/// Matches `submission` against `records` (usually those with its date of birth).
pub fn find_match(submission: &Person, records: &[Person]) -> MatchResult {
    let mut found = records
        .iter()
        .enumerate()
        .filter(|(_, r)| matches(submission, r));
    match (found.next(), found.next()) {
        (Some((i, _)), None) => MatchResult::One(i),
        (None, _) => MatchResult::None,
        _ => MatchResult::Several,
    }
}

/// Whether one record fits the submission (see the module documentation).
pub fn matches(submission: &Person, record: &Person) -> bool {
    submission.date_of_birth.is_some()
        && submission.date_of_birth == record.date_of_birth
        && last_names_match(&submission.last_name, &record.last_name)
        && first_names_match(&submission.first_name, &record.first_name)
        && (same_email(submission.email.as_deref(), record.email.as_deref())
            || same_phone(submission.phone.as_deref(), record.phone.as_deref()))
}

/// Lower case, accents removed, only letters and digits kept.
pub fn normalize_name(name: &str) -> String {
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn name_parts(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(normalize_name)
        .filter(|p| !p.is_empty())
        .collect()
}

fn last_names_match(typed: &str, record: &str) -> bool {
    let (a, b) = (normalize_name(typed), normalize_name(record));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b || name_parts(record).contains(&a) || name_parts(typed).contains(&b)
}

fn first_names_match(typed: &str, record: &str) -> bool {
    let (a, b) = (normalize_name(typed), normalize_name(record));
    !a.is_empty()
        && !b.is_empty()
        && (a == b || nicknames_of_each_other(&a, &b) || within_one_typo(&a, &b))
}

/// True when both names belong to one group of [`NICKNAMES`].
fn nicknames_of_each_other(a: &str, b: &str) -> bool {
    NICKNAMES
        .iter()
        .any(|group| group.contains(&a) && group.contains(&b))
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

/// Email addresses compared whole, ignoring case and surrounding spaces.
pub fn same_email(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.map(str::trim), b.map(str::trim)) {
        (Some(a), Some(b)) => !a.is_empty() && a.to_lowercase() == b.to_lowercase(),
        _ => false,
    }
}

/// The ten digits of a US phone number in any format ("(555) 555-0100",
/// "+1 555.555.0100"), or None when it has too few or too many digits.
pub fn phone_digits(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        10 => Some(digits),
        11 if digits.starts_with('1') => Some(digits[1..].to_string()),
        _ => None,
    }
}

pub fn same_phone(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(phone_digits), b.and_then(phone_digits)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// The five-digit ZIP code of a ZIP or ZIP+4 ("12207-1234" → "12207").
pub fn zip5(zip: &str) -> Option<String> {
    let digits: String = zip.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 5 || digits.len() == 9).then(|| digits[..5].to_string())
}

/// Common nicknames, each group a formal name (first) and the names people
/// use for it; two first names match when one group holds both. 120+ groups,
/// normalised (lower case, no accents).
pub const NICKNAMES: &[&[&str]] = &[
    &["abigail", "abby", "gail"],
    &["albert", "al", "bert", "bertie"],
    &["alexander", "alex", "al", "xander", "sasha", "sandy"],
    &["alexandra", "alex", "lexi", "sandra", "sandy", "sasha"],
    &["alfred", "al", "alf", "fred", "freddie"],
    &["alfredo", "fredo"],
    &["alberto", "beto"],
    &["allison", "allie", "ally"],
    &["amanda", "mandy", "manda"],
    &["andrew", "andy", "drew"],
    &["angela", "angie"],
    &["anthony", "tony"],
    &["antonio", "tono", "tony"],
    &["arthur", "art", "artie"],
    &["barbara", "barb", "barbie", "babs"],
    &["benjamin", "ben", "benny", "benji"],
    &["bernard", "bernie"],
    &["beverly", "bev"],
    &["bradley", "brad"],
    &["caroline", "carrie", "carol", "callie"],
    &["carolyn", "carrie", "carol", "lynn"],
    &["catherine", "cathy", "cat", "kate", "katie", "kitty"],
    &["charles", "charlie", "chuck", "chas", "chaz", "chip"],
    &["charlotte", "charlie", "lottie"],
    &["christina", "chris", "chrissy", "tina"],
    &["christine", "chris", "chrissy", "tina"],
    &["christopher", "chris", "kit", "topher"],
    &["clifford", "cliff"],
    &["concepcion", "concha", "conchita"],
    &["cynthia", "cindy"],
    &["daniel", "dan", "danny"],
    &["danielle", "dani"],
    &["david", "dave", "davey"],
    &["deborah", "deb", "debbie", "debby"],
    &["dolores", "lola"],
    &["donald", "don", "donnie"],
    &["dorothy", "dot", "dottie", "dolly"],
    &["douglas", "doug"],
    &["edward", "ed", "eddie", "ted", "ned"],
    &["eduardo", "lalo", "eddie"],
    &["eleanor", "ellie", "nell", "nora"],
    &[
        "elizabeth",
        "liz",
        "lizzie",
        "beth",
        "betty",
        "betsy",
        "eliza",
        "libby",
        "liza",
        "bess",
    ],
    &["emily", "em", "emmy"],
    &["enrique", "kike", "quique"],
    &["eugene", "gene"],
    &["florence", "flo"],
    &["frances", "fran", "frannie"],
    &["francis", "frank", "fran"],
    &["francisco", "paco", "pancho", "frank"],
    &["franklin", "frank"],
    &["frederick", "fred", "freddie", "fritz"],
    &["gabriel", "gabe"],
    &["gabrielle", "gabby", "gabi"],
    &["gerald", "gerry", "jerry"],
    &["gregory", "greg"],
    &["guadalupe", "lupe", "lupita"],
    &["harold", "hal", "harry"],
    &["helen", "nell", "nellie"],
    &["henry", "hank", "harry"],
    &["herbert", "herb"],
    &["ignacio", "nacho"],
    &["isabel", "isabella", "bella", "izzy"],
    &["jacob", "jake", "jack"],
    &["jacqueline", "jackie"],
    &["james", "jim", "jimmy", "jamie"],
    &["jeffrey", "jeff"],
    &["jennifer", "jen", "jenny"],
    &["jessica", "jess", "jessie"],
    &["jesus", "chuy"],
    &["john", "jack", "johnny", "jon"],
    &["jonathan", "jon", "jonny"],
    &["jose", "pepe", "joe"],
    &["joseph", "joe", "joey"],
    &["joshua", "josh"],
    &["judith", "judy"],
    &["katherine", "kathy", "kate", "katie", "kat", "kitty", "kay"],
    &["kathleen", "kathy", "kate", "katie"],
    &["kathryn", "kathy", "kate", "katie"],
    &["kenneth", "ken", "kenny"],
    &["kimberly", "kim"],
    &["lawrence", "larry"],
    &["leonard", "leo", "len", "lenny"],
    &["louis", "lou"],
    &["madeline", "maddie", "maddy"],
    &["manuel", "manny", "manolo"],
    &[
        "margaret", "maggie", "meg", "peggy", "marge", "margie", "greta", "daisy",
    ],
    &["margarita", "rita"],
    &["maria", "mari"],
    &["matthew", "matt", "matty"],
    &["melissa", "missy", "mel"],
    &["mercedes", "meche"],
    &["michael", "mike", "mikey", "mick"],
    &["mildred", "millie"],
    &["nancy", "nan"],
    &["natalie", "nat"],
    &["nathaniel", "nate", "nat", "nathan"],
    &["nicholas", "nick", "nicky"],
    &["pamela", "pam"],
    &["patricia", "pat", "patty", "trish", "tricia"],
    &["patrick", "pat", "paddy"],
    &["penelope", "penny"],
    &["peter", "pete"],
    &["philip", "phil"],
    &["rafael", "rafa"],
    &["randall", "randy"],
    &["raymond", "ray"],
    &["rebecca", "becky", "becca"],
    &["richard", "dick", "rick", "ricky", "rich", "richie"],
    &["robert", "bob", "bobby", "rob", "robbie", "bert"],
    &["roberto", "beto"],
    &["ronald", "ron", "ronnie"],
    &["rosemary", "rose", "rosie"],
    &["russell", "russ"],
    &["samantha", "sam", "sammy"],
    &["samuel", "sam", "sammy"],
    &["sarah", "sally", "sadie"],
    &["stanley", "stan"],
    &["stephanie", "steph"],
    &["stephen", "steve", "stevie"],
    &["steven", "steve", "stevie"],
    &["susan", "sue", "susie", "suzy"],
    &["teresa", "terry", "tess", "tessa"],
    &["theodore", "ted", "teddy", "theo"],
    &["theresa", "terry", "tess", "tessa"],
    &["thomas", "tom", "tommy"],
    &["timothy", "tim", "timmy"],
    &["valerie", "val"],
    &["victoria", "vicky", "tori"],
    &["vincent", "vince", "vinny"],
    &["virginia", "ginny", "ginger"],
    &["walter", "walt", "wally"],
    &["william", "bill", "billy", "will", "willy", "liam"],
    &["zachary", "zach", "zack"],
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn person(
        first: &str,
        last: &str,
        dob: (i32, u32, u32),
        email: Option<&str>,
        phone: Option<&str>,
    ) -> Person {
        Person {
            first_name: first.into(),
            last_name: last.into(),
            date_of_birth: Date::new(dob.0, dob.1, dob.2),
            email: email.map(Into::into),
            phone: phone.map(Into::into),
        }
    }

    fn maria() -> Person {
        person(
            "María",
            "García-López",
            (1984, 3, 27),
            Some("maria.garcia@example.com"),
            Some("(555) 555-0142"),
        )
    }

    #[test]
    fn names_normalise() {
        assert_eq!(normalize_name("  García-López "), "garcialopez");
        assert_eq!(normalize_name("O'Connor"), "oconnor");
        assert_eq!(normalize_name("ZOË"), "zoe");
        assert_eq!(normalize_name("Nguyễn"), "nguyen");
        assert_eq!(normalize_name("St. John"), "stjohn");
    }

    #[test]
    fn at_least_100_nickname_pairs() {
        let pairs: usize = NICKNAMES.iter().map(|g| g.len() - 1).sum();
        assert!(pairs >= 100, "{pairs}");
        for group in NICKNAMES {
            for name in *group {
                assert_eq!(&normalize_name(name), name, "normalise {name}");
            }
        }
    }

    #[test]
    fn the_record_holder_matches_in_many_spellings() {
        let record = maria();
        for (first, last) in [
            ("Maria", "Garcia-Lopez"),
            ("MARIA", "garcia lopez"),
            ("maría", "GarcíaLópez"),
            ("Mari", "García López"),   // nickname
            ("Marai", "Garcia-Lopez"),  // two letters swapped
            ("Mria", "Garcia-Lopez"),   // one letter missing
            ("Mariaa", "Garcia-Lopez"), // one letter extra
            ("Maria", "Garcia"),        // one part of a two-part last name
            ("Maria", "Lopez"),
        ] {
            let typed = person(
                first,
                last,
                (1984, 3, 27),
                Some("Maria.Garcia@Example.com "),
                None,
            );
            assert!(matches(&typed, &record), "{first} {last}");
        }
        let by_phone = person(
            "Maria",
            "Garcia-Lopez",
            (1984, 3, 27),
            None,
            Some("+1 555.555.0142"),
        );
        assert!(matches(&by_phone, &record));
    }

    #[test]
    fn the_wrong_person_does_not_match() {
        let record = maria();
        let email = Some("maria.garcia@example.com");
        for typed in [
            person("Maria", "Garcia-Lopez", (1984, 3, 28), email, None), // date of birth
            person("Maria", "Garza", (1984, 3, 27), email, None),        // last name
            person("Martha", "Garcia-Lopez", (1984, 3, 27), email, None), // two typos away
            person(
                "Maria",
                "Garcia-Lopez",
                (1984, 3, 27),
                Some("m@example.com"),
                Some("555-555-0199"),
            ),
            person("Maria", "Garcia-Lopez", (1984, 3, 27), None, None),
            person("", "Garcia-Lopez", (1984, 3, 27), email, None),
            person("Maria", "", (1984, 3, 27), email, None),
        ] {
            assert!(!matches(&typed, &record), "{typed:?}");
        }
    }

    #[test]
    fn nicknames_work_both_ways() {
        let record = person(
            "William",
            "Brooks",
            (1950, 1, 2),
            Some("wb@example.com"),
            None,
        );
        for first in ["Bill", "billy", "Will", "Liam"] {
            assert!(
                matches(
                    &person(first, "Brooks", (1950, 1, 2), Some("wb@example.com"), None),
                    &record
                ),
                "{first}"
            );
        }
        let record = person("Bill", "Brooks", (1950, 1, 2), Some("wb@example.com"), None);
        assert!(matches(
            &person(
                "William",
                "Brooks",
                (1950, 1, 2),
                Some("wb@example.com"),
                None
            ),
            &record
        ));
        assert!(!first_names_match("Bill", "Robert"));
    }

    #[test]
    fn phones_and_zips_in_any_format() {
        assert_eq!(
            phone_digits("(555) 555-0100").as_deref(),
            Some("5555550100")
        );
        assert_eq!(
            phone_digits("+1 555 555 0100").as_deref(),
            Some("5555550100")
        );
        assert_eq!(
            phone_digits("1-555-555-0100").as_deref(),
            Some("5555550100")
        );
        assert_eq!(phone_digits("555-0100"), None);
        assert!(same_phone(Some("555.555.0100"), Some("(555) 555-0100")));
        assert!(!same_phone(Some("555.555.0101"), Some("(555) 555-0100")));
        assert_eq!(zip5("12207-1234").as_deref(), Some("12207"));
        assert_eq!(zip5("122071234").as_deref(), Some("12207"));
        assert_eq!(zip5(" 12207 ").as_deref(), Some("12207"));
        assert_eq!(zip5("1220"), None);
        assert_eq!(zip5("12207"), zip5("12207-0001"));
    }

    #[test]
    fn exactly_one_record_is_a_match() {
        let shared = Some("family@example.com");
        let parent = person("Chidi", "Okafor", (1980, 5, 5), shared, None);
        let zoe = person("Zoe", "Okafor", (2012, 6, 1), shared, None);
        let twin_a = person("Aiden", "Nguyen", (2010, 9, 15), shared, None);
        let twin_b = person("Ava", "Nguyen", (2010, 9, 15), shared, None);
        let records = vec![parent, zoe, twin_a, twin_b];
        // Twins share a birthday, surname and email; their first names tell them apart.
        assert_eq!(
            find_match(
                &person("Ava", "Nguyen", (2010, 9, 15), shared, None),
                &records
            ),
            MatchResult::One(3)
        );
        assert_eq!(
            find_match(
                &person("Aiden", "Nguyen", (2010, 9, 15), shared, None),
                &records
            ),
            MatchResult::One(2)
        );
        assert_eq!(
            find_match(
                &person("Ben", "Nguyen", (2010, 9, 15), shared, None),
                &records
            ),
            MatchResult::None
        );
        // Twins one typo apart cannot be told apart: ambiguous.
        let jon = person("Jon", "Reyes", (2001, 1, 1), shared, None);
        let jan = person("Jan", "Reyes", (2001, 1, 1), shared, None);
        assert_eq!(
            find_match(
                &person("Jon", "Reyes", (2001, 1, 1), shared, None),
                &[jon, jan]
            ),
            MatchResult::Several
        );
    }

    #[test]
    fn one_typo_means_one() {
        assert!(within_one_typo("maria", "maria"));
        assert!(within_one_typo("maria", "mario"));
        assert!(within_one_typo("maria", "amria"));
        assert!(within_one_typo("maria", "mari"));
        assert!(within_one_typo("maria", "marias"));
        assert!(within_one_typo("maria", "xmaria"));
        assert!(!within_one_typo("maria", "mrai"));
        assert!(!within_one_typo("maria", "marty"));
        assert!(!within_one_typo("maria", "maira1"));
        assert!(!within_one_typo("ab", "ba1"));
    }

    proptest! {
        #[test]
        fn any_single_typo_is_within_one(name in "[a-z]{2,12}", pos in 0usize..12, c in "[a-z]") {
            let chars: Vec<char> = name.chars().collect();
            let pos = pos % chars.len();
            let c = c.chars().next().unwrap();
            let mut changed = chars.clone(); changed[pos] = c;
            let mut missing = chars.clone(); missing.remove(pos);
            let mut extra = chars.clone(); extra.insert(pos, c);
            let mut swapped = chars.clone(); swapped.swap(pos, (pos + 1) % chars.len());
            for typo in [changed, missing, extra] {
                let typo: String = typo.into_iter().collect();
                prop_assert!(within_one_typo(&name, &typo), "{} {}", name, typo);
                prop_assert!(within_one_typo(&typo, &name), "{} {}", typo, name);
            }
            if pos + 1 < chars.len() {
                let swapped: String = swapped.into_iter().collect();
                prop_assert!(within_one_typo(&name, &swapped));
            }
        }

        #[test]
        fn two_substitutions_far_apart_are_not(name in "[a-z]{6,12}") {
            let mut chars: Vec<char> = name.chars().collect();
            let last = chars.len() - 1;
            chars[0] = if chars[0] == 'q' { 'z' } else { 'q' };
            chars[last] = if chars[last] == 'q' { 'z' } else { 'q' };
            let typo: String = chars.into_iter().collect();
            prop_assert!(!within_one_typo(&name, &typo));
        }

        #[test]
        fn matching_is_symmetric_in_format(first in "[A-Za-z]{2,10}", last in "[A-Za-z]{2,12}") {
            let record = person(&first, &last, (1990, 1, 1), Some("a@example.com"), None);
            let typed = person(&first.to_uppercase(), &format!(" {} ", last.to_lowercase()), (1990, 1, 1), Some("A@EXAMPLE.COM"), None);
            prop_assert!(matches(&typed, &record));
        }
    }
}
