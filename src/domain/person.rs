//! Personal details people type to be found in the records: names, legal
//! sex, a US address and a mobile phone number.

use crate::words;

/// A part of a legal name, for the words of its messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameField {
    First,
    /// Optional: empty is fine.
    Middle,
    Last,
}

impl NameField {
    /// "Enter your first name"; None for the optional middle name.
    fn missing(self) -> Option<&'static str> {
        match self {
            NameField::First => Some(words::name_enter_first()),
            NameField::Middle => None,
            NameField::Last => Some(words::name_enter_last()),
        }
    }

    fn too_long(self) -> &'static str {
        match self {
            NameField::First => words::name_first_too_long(),
            NameField::Middle => words::name_middle_too_long(),
            NameField::Last => words::name_last_too_long(),
        }
    }

    fn characters(self) -> &'static str {
        match self {
            NameField::First => words::name_first_characters(),
            NameField::Middle => words::name_middle_characters(),
            NameField::Last => words::name_last_characters(),
        }
    }
}

/// Ok, or what to say about a legal name part. The first and last names
/// are required; the middle name may be empty.
pub fn name_problem(name: &str, field: NameField) -> Result<(), &'static str> {
    let name = name.trim();
    if name.is_empty() {
        return match field.missing() {
            Some(message) => Err(message),
            None => Ok(()),
        };
    }
    if name.chars().count() > 100 {
        return Err(field.too_long());
    }
    if !name.chars().any(is_letter)
        || !name
            .chars()
            .all(|c| is_letter(c) || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
    {
        return Err(field.characters());
    }
    Ok(())
}

/// ASCII letters, and any character outside ASCII (accented letters and
/// every other script), so names like Zoë or Nguyễn pass without the browser
/// carrying Unicode's tables; digits and ASCII symbols do not.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c != '’')
}

/// Legal sex as health records hold it: each code and its label in the
/// reader's language.
pub fn legal_sexes() -> Vec<(&'static str, &'static str)> {
    vec![
        ("F", words::legal_sex_female()),
        ("M", words::legal_sex_male()),
        ("X", words::legal_sex_x()),
    ]
}

pub fn legal_sex_problem(value: &str) -> Result<(), &'static str> {
    if legal_sexes().iter().any(|(code, _)| *code == value) {
        Ok(())
    } else {
        Err(words::legal_sex_missing())
    }
}

/// US states, DC and territories: (code, name).
pub const US_STATES: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AS", "American Samoa"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("GU", "Guam"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("MP", "Northern Mariana Islands"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VI", "U.S. Virgin Islands"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
];

pub fn street_problem(street: &str) -> Result<(), &'static str> {
    match street.trim().chars().count() {
        0 => Err(words::street_missing()),
        n if n > 200 => Err(words::street_too_long()),
        _ => Ok(()),
    }
}

pub fn city_problem(city: &str) -> Result<(), &'static str> {
    match city.trim().chars().count() {
        0 => Err(words::city_missing()),
        n if n > 100 => Err(words::city_too_long()),
        _ => Ok(()),
    }
}

pub fn state_problem(state: &str) -> Result<(), &'static str> {
    if US_STATES.iter().any(|(code, _)| *code == state) {
        Ok(())
    } else {
        Err(words::state_missing())
    }
}

/// `text` with the look-alike characters people paste read as their plain
/// forms: non-breaking and other Unicode spaces as a space; hyphens, en and
/// em dashes and minus signs as `-`; fullwidth digits and punctuation as
/// ASCII. Phone numbers and ZIP codes copied from documents and phones'
/// contact cards arrive in these forms.
pub fn plain_form(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => ' ',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe63}' => '-',
            // Fullwidth ASCII (digits, parentheses, plus, hyphen, dot, letters).
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The five-digit ZIP code of a ZIP or ZIP+4 as typed ("12207-1234",
/// "１２２０７", "12207 1234"), or None when it is not one.
pub fn zip5(zip: &str) -> Option<String> {
    let zip = plain_form(zip);
    let zip = zip.trim();
    let shape_ok = zip
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
    let digits: String = zip.chars().filter(char::is_ascii_digit).collect();
    (shape_ok && (digits.len() == 5 || digits.len() == 9)).then(|| digits[..5].to_string())
}

/// ZIP or ZIP+4: "12207", "12207-1234" or "122071234".
pub fn zip_problem(zip: &str) -> Result<(), &'static str> {
    if zip.trim().is_empty() {
        return Err(words::zip_missing());
    }
    match zip5(zip) {
        Some(_) => Ok(()),
        None => Err(words::zip_format()),
    }
}

/// The ten digits of a US phone number in any common format ("(555)
/// 555-0100", "+1 555.555.0100", pasted dashes and fullwidth digits), with
/// an extension ("ext 2", "ext. 2", "x2", "extension 2") accepted and left
/// out; None when it is not one.
pub fn phone_digits(phone: &str) -> Option<String> {
    let phone = plain_form(phone).to_ascii_lowercase();
    let number = match phone.find(['x', 'e']) {
        Some(at) => {
            let extension = phone[at..]
                .trim_start_matches("extension")
                .trim_start_matches("ext")
                .trim_start_matches('x')
                .trim_start_matches(['.', ':', ' ']);
            if extension.is_empty() || !extension.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // "(312) 555-0122, ext. 4"
            phone[..at].trim_end_matches([',', ';', ' '])
        }
        None => &phone,
    };
    if !number
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-.+".contains(c))
    {
        return None;
    }
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        10 => Some(digits),
        11 if digits.starts_with('1') => Some(digits[1..].to_string()),
        _ => None,
    }
}

/// A US mobile number in any common format.
/// The `tel:` link that dials `phone` (a ten-digit US number gets +1).
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 10 {
        format!("tel:+1{digits}")
    } else {
        format!("tel:{digits}")
    }
}

pub fn phone_problem(phone: &str) -> Result<(), &'static str> {
    if phone.trim().is_empty() {
        return Err(words::phone_missing());
    }
    match phone_digits(phone) {
        Some(_) => Ok(()),
        None => Err(words::phone_format()),
    }
}

/// An email address shown without giving it away: `j•••@example.com`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            name_problem("", NameField::First),
            Err("Enter your first name")
        );
        assert_eq!(
            name_problem("", NameField::Last),
            Err("Enter your last name")
        );
        assert_eq!(name_problem("  ", NameField::Middle), Ok(()));
        assert_eq!(
            name_problem("Mary-Jane O'Connor Jr.", NameField::First),
            Ok(())
        );
        assert_eq!(name_problem("Zoë", NameField::First), Ok(()));
        assert_eq!(name_problem("Nguyễn", NameField::Last), Ok(()));
        assert!(
            name_problem("R2D2", NameField::First)
                .unwrap_err()
                .contains("only include letters")
        );
        assert!(
            name_problem("--", NameField::Last)
                .unwrap_err()
                .starts_with("Last name")
        );
        assert!(
            name_problem(&"a".repeat(101), NameField::Last)
                .unwrap_err()
                .contains("100")
        );
    }

    #[test]
    fn addresses_and_phones() {
        assert_eq!(zip_problem("12207"), Ok(()));
        assert_eq!(zip_problem("12207-1234"), Ok(()));
        assert!(zip_problem("1220").is_err());
        assert!(zip_problem("ABCDE").is_err());
        assert_eq!(zip_problem(""), Err("Enter your ZIP code"));
        assert_eq!(state_problem("NY"), Ok(()));
        assert!(state_problem("XX").is_err());
        assert_eq!(US_STATES.len(), 56);
        assert_eq!(phone_problem("(555) 555-0100"), Ok(()));
        assert_eq!(phone_problem("+1 555.555.0100"), Ok(()));
        assert!(phone_problem("555-0100").is_err());
        assert!(phone_problem("call me").is_err());
        assert_eq!(phone_problem(""), Err("Enter your mobile phone number"));
        assert_eq!(legal_sex_problem("F"), Ok(()));
        assert!(legal_sex_problem("").is_err());
        assert_eq!(street_problem("1 Main St"), Ok(()));
        assert_eq!(city_problem(""), Err("Enter your town or city"));
    }

    #[test]
    fn pasted_phones_and_zips_read_as_typed() {
        for pasted in [
            "(555)\u{a0}555\u{2011}0100",
            "555\u{2013}555\u{2014}0100",
            "\u{ff15}\u{ff15}\u{ff15}\u{ff0d}\u{ff15}\u{ff15}\u{ff15}\u{ff0d}\u{ff10}\u{ff11}\u{ff10}\u{ff10}",
            "555-555-0100 ext 2",
            "555-555-0100 ext. 12",
            "555-555-0100x2",
            "555 555 0100 extension 2",
            "+1 (555) 555-0100 x 2",
            "(555) 555-0100, ext. 4",
        ] {
            assert_eq!(
                phone_digits(pasted).as_deref(),
                Some("5555550100"),
                "{pasted}"
            );
            assert_eq!(phone_problem(pasted), Ok(()), "{pasted}");
        }
        for wrong in [
            "555-555-0100 ext",
            "555-555-0100 x2a",
            "555-555-0100 call",
            "555-5555",
        ] {
            assert_eq!(phone_digits(wrong), None, "{wrong}");
        }
        assert_eq!(zip5("12207\u{2013}1234").as_deref(), Some("12207"));
        assert_eq!(
            zip5("\u{ff11}\u{ff12}\u{ff12}\u{ff10}\u{ff17}").as_deref(),
            Some("12207")
        );
        assert_eq!(zip5(" 12207 ").as_deref(), Some("12207"));
        assert_eq!(zip5("122071234").as_deref(), Some("12207"));
        assert_eq!(zip5("1220"), None);
        assert_eq!(zip5("12207-12"), None);
        assert_eq!(zip_problem("12207\u{a0}1234"), Ok(()));
    }

    #[test]
    fn masks() {
        assert_eq!(mask_email("jane.doe@example.com"), "j•••@example.com");
        assert_eq!(mask_email("x@y.org"), "x•••@y.org");
    }
}
