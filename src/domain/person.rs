//! Personal details people type to be found in the records: names, legal
//! sex, a US address and a mobile phone number.

use super::text::capitalize;

/// Ok, or what to say about a legal name part. `what` names the field in
/// the message ("first name", "last name").
pub fn name_problem(name: &str, what: &str, required: bool) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return if required {
            Err(format!("Enter your {what}"))
        } else {
            Ok(())
        };
    }
    if name.chars().count() > 100 {
        return Err(format!(
            "{} must be 100 characters or fewer",
            capitalize(what)
        ));
    }
    if !name.chars().any(is_letter)
        || !name
            .chars()
            .all(|c| is_letter(c) || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
    {
        return Err(format!(
            "{} must only include letters, spaces, hyphens, apostrophes and periods",
            capitalize(what)
        ));
    }
    Ok(())
}

/// ASCII letters, and any character outside ASCII (accented letters and
/// every other script), so names like Zoë or Nguyễn pass without the browser
/// carrying Unicode's tables; digits and ASCII symbols do not.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c != '’')
}

/// Legal sex as health records hold it.
pub const LEGAL_SEXES: &[(&str, &str)] = &[("F", "Female"), ("M", "Male"), ("X", "X")];

pub fn legal_sex_problem(value: &str) -> Result<(), &'static str> {
    if LEGAL_SEXES.iter().any(|(code, _)| *code == value) {
        Ok(())
    } else {
        Err("Select your legal sex as it appears on your medical record")
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
        0 => Err("Enter your street address"),
        n if n > 200 => Err("Street address must be 200 characters or fewer"),
        _ => Ok(()),
    }
}

pub fn city_problem(city: &str) -> Result<(), &'static str> {
    match city.trim().chars().count() {
        0 => Err("Enter your town or city"),
        n if n > 100 => Err("Town or city must be 100 characters or fewer"),
        _ => Ok(()),
    }
}

pub fn state_problem(state: &str) -> Result<(), &'static str> {
    if US_STATES.iter().any(|(code, _)| *code == state) {
        Ok(())
    } else {
        Err("Select your state")
    }
}

/// ZIP or ZIP+4: "12207", "12207-1234" or "122071234".
pub fn zip_problem(zip: &str) -> Result<(), &'static str> {
    let zip = zip.trim();
    if zip.is_empty() {
        return Err("Enter your ZIP code");
    }
    let digits = zip.chars().filter(char::is_ascii_digit).count();
    let shape_ok = zip
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
    if shape_ok && (digits == 5 || digits == 9) {
        Ok(())
    } else {
        Err("Enter a ZIP code with 5 numbers, like 12207, or ZIP+4, like 12207-1234")
    }
}

/// A US mobile number in any common format.
pub fn phone_problem(phone: &str) -> Result<(), &'static str> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Err("Enter your mobile phone number");
    }
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-.+".contains(c));
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    let ten = digits.len() == 10 || (digits.len() == 11 && digits[0] == '1');
    if allowed && ten {
        Ok(())
    } else {
        Err("Enter a US phone number with 10 numbers, like (555) 555-0100")
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
            name_problem("", "first name", true),
            Err("Enter your first name".into())
        );
        assert_eq!(name_problem("  ", "middle name", false), Ok(()));
        assert_eq!(
            name_problem("Mary-Jane O'Connor Jr.", "first name", true),
            Ok(())
        );
        assert_eq!(name_problem("Zoë", "first name", true), Ok(()));
        assert_eq!(name_problem("Nguyễn", "last name", true), Ok(()));
        assert!(
            name_problem("R2D2", "first name", true)
                .unwrap_err()
                .contains("only include letters")
        );
        assert!(
            name_problem("--", "last name", true)
                .unwrap_err()
                .starts_with("Last name")
        );
        assert!(
            name_problem(&"a".repeat(101), "last name", true)
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
    fn masks() {
        assert_eq!(mask_email("jane.doe@example.com"), "j•••@example.com");
        assert_eq!(mask_email("x@y.org"), "x•••@y.org");
    }
}
