//! Email addresses: a practical check, not RFC 5322's full grammar. It accepts
//! what mail systems deliver to in practice and catches the typing slips that
//! matter (missing @, spaces, no domain, trailing dot).

pub const MAX_LENGTH: usize = 254;

/// Trims the address and lower-cases the domain, which is case-insensitive.
pub fn normalize_email(input: &str) -> String {
    let trimmed = input.trim();
    match trimmed.rsplit_once('@') {
        Some((local, domain)) => format!("{local}@{}", domain.to_ascii_lowercase()),
        None => trimmed.to_string(),
    }
}

/// ASCII letters and digits, and any non-ASCII character: internationalised
/// addresses are allowed, and no Unicode tables are needed in the browser.
fn letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

/// Ok, or the message to show.
pub fn email_problem(input: &str) -> Result<(), &'static str> {
    use crate::words;
    let email = input.trim();
    if email.is_empty() {
        return Err(words::email_missing());
    }
    if email.chars().count() > MAX_LENGTH {
        return Err(words::email_too_long());
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Err(words::email_format());
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| letter_or_digit(c) || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| letter_or_digit(c) || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit())
        });
    if local_ok && domain_ok {
        Ok(())
    } else {
        Err(words::email_format())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_addresses() {
        for ok in [
            "a@b.co",
            "jane.doe+portal@example.org",
            "  o'brien@mail.example.com ",
            "JOSÉ@correo.example.mx",
            "x_y-z@sub-domain.example.health",
        ] {
            assert_eq!(email_problem(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rejects_slips_with_clear_words() {
        assert_eq!(email_problem(" "), Err("Enter your email address"));
        for bad in [
            "jane",
            "jane@",
            "@example.com",
            "jane@example",
            "jane@@example.com",
            "jane doe@example.com",
            "jane@example..com",
            "jane.@example.com",
            "jane@-example.com",
            "jane@example.c",
            "jane@1.2.3.4",
        ] {
            assert!(
                email_problem(bad).unwrap_err().contains("correct format"),
                "{bad}"
            );
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(
            email_problem(&long),
            Err("Email address must be 254 characters or fewer")
        );
    }

    #[test]
    fn normalizes_domain_only() {
        assert_eq!(
            normalize_email(" Jane.Doe@Example.COM "),
            "Jane.Doe@example.com"
        );
    }
}
