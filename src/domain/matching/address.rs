//! Street addresses in the one form matching compares: the USPS
//! abbreviations for street types and directions (Street → st, Road → rd,
//! North → n), unit words dropped so "Apt 3", "Apartment 3", "Unit 3",
//! "Suite 3" and "#3" all read "3", and punctuation ignored.

use super::names::fold;

/// Street types and directions, each with the abbreviation it is read as
/// (USPS Publication 28, the common ones).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("alley", "aly"),
    ("avenue", "ave"),
    ("av", "ave"),
    ("boulevard", "blvd"),
    ("circle", "cir"),
    ("court", "ct"),
    ("crossing", "xing"),
    ("drive", "dr"),
    ("expressway", "expy"),
    ("freeway", "fwy"),
    ("heights", "hts"),
    ("highway", "hwy"),
    ("lane", "ln"),
    ("mount", "mt"),
    ("parkway", "pkwy"),
    ("place", "pl"),
    ("plaza", "plz"),
    ("point", "pt"),
    ("road", "rd"),
    ("route", "rte"),
    ("square", "sq"),
    ("street", "st"),
    ("str", "st"),
    ("terrace", "ter"),
    ("trail", "trl"),
    ("turnpike", "tpke"),
    ("north", "n"),
    ("south", "s"),
    ("east", "e"),
    ("west", "w"),
    ("northeast", "ne"),
    ("northwest", "nw"),
    ("southeast", "se"),
    ("southwest", "sw"),
];

/// Words that only say a unit number follows.
const UNIT_WORDS: &[&str] = &[
    "apt",
    "apartment",
    "unit",
    "suite",
    "ste",
    "no",
    "number",
    "rm",
    "room",
];

/// The street line in comparable form: "123 Main Street, Apt. 4B" and
/// "123 main st #4b" both read "123 main st 4b".
pub fn street_key(street: &str) -> String {
    let spaced: String = street
        .chars()
        .map(|c| {
            if matches!(c, '#' | ',' | '.' | '/') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced
        .split_whitespace()
        .map(|word| fold(word, false))
        .filter(|word| !word.is_empty() && !UNIT_WORDS.contains(&word.as_str()))
        .map(|word| {
            ABBREVIATIONS
                .iter()
                .find(|(long, _)| *long == word)
                .map_or(word.clone(), |(_, short)| (*short).to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn street_forms_agree() {
        let same = [
            ("12 Oak Road, Apt. 3", "12 oak rd #3"),
            ("12 Oak Rd Apartment 3", "12 OAK RD UNIT 3"),
            (
                "400 North Main Street Suite 210",
                "400 N. Main St., Ste 210",
            ),
            ("9 Elm Ave.", "9 Elm Avenue"),
            ("77 Sunset Blvd #12", "77 Sunset Boulevard No. 12"),
            ("5 Ḿill Lane", "5 mill ln"),
        ];
        for (a, b) in same {
            assert_eq!(street_key(a), street_key(b), "{a} / {b}");
        }
        assert_eq!(street_key("123 Main Street, Apt. 4B"), "123 main st 4b");
        assert_ne!(street_key("12 Oak Rd #3"), street_key("12 Oak Rd #4"));
        assert_ne!(street_key("12 Oak Rd"), street_key("14 Oak Rd"));
        assert_ne!(street_key("12 Oak St"), street_key("12 Oak Rd"));
    }
}
