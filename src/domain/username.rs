//! Usernames: chosen once, never changed, unique ignoring case.

pub const MIN_LENGTH: usize = 6;
pub const MAX_LENGTH: usize = 64;

/// Ok, or the message to show. Surrounding spaces are ignored.
pub fn username_problem(input: &str) -> Result<(), &'static str> {
    use crate::words;
    let name = input.trim();
    if name.is_empty() {
        return Err(words::username_missing());
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return Err(words::username_characters());
    }
    if name.len() < MIN_LENGTH {
        return Err(words::username_too_short());
    }
    if name.len() > MAX_LENGTH {
        return Err(words::username_too_long());
    }
    Ok(())
}

/// The form compared for uniqueness.
pub fn username_key(input: &str) -> String {
    input.trim().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(username_problem(""), Err("Enter a username"));
        assert_eq!(
            username_problem("abcde"),
            Err("Username must be 6 characters or more")
        );
        assert_eq!(username_problem("abcdef"), Ok(()));
        assert_eq!(username_problem(" j.doe_1-x "), Ok(()));
        assert_eq!(username_problem(&"a".repeat(64)), Ok(()));
        assert_eq!(
            username_problem(&"a".repeat(65)),
            Err("Username must be 64 characters or fewer")
        );
        assert!(
            username_problem("jane doe")
                .unwrap_err()
                .contains("only include")
        );
        assert!(
            username_problem("jané.doe")
                .unwrap_err()
                .contains("only include")
        );
        assert!(
            username_problem("jane@doe.com")
                .unwrap_err()
                .contains("only include")
        );
        assert_eq!(username_key(" Jane.Doe "), "jane.doe");
    }
}
