//! The one error type a person may see. Internal failures never reach it as
//! text: the server logs them and sends only a short reference.

use serde::{Deserialize, Serialize};

/// A problem with one field of a form, shown in the error summary and inline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's name, which is also its input's id (`code`, `username`)
    /// or, for a date, the id prefix of its three boxes (`dob`).
    pub field: String,
    pub message: String,
    /// For dates: the boxes to highlight (`month`, `day`, `year`). Empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            message: message.into(),
            parts: Vec::new(),
        }
    }

    /// The id of the input the error summary links to.
    pub fn target_id(&self) -> String {
        match self.parts.first() {
            Some(part) => format!("{}-{part}", self.field),
            None => self.field.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppError {
    /// Something typed needs fixing.
    Invalid { errors: Vec<FieldError> },
    /// The code expired; only said when the date of birth matched.
    /// `expired_on` is the day, as `YYYY-MM-DD`.
    CodeExpired { expired_on: String },
    /// The code was already used to create an account.
    CodeUsed,
    /// The code was ended: too many wrong tries, or replaced by a newer code.
    CodeVoided,
    /// The patient already has an account.
    AccountExists,
    /// Too many tries: from this network (a client address, which a clinic
    /// kiosk or shared Wi-Fi shares) or for this account or code.
    TooManyAttempts {
        retry_after_minutes: u32,
        from_network: bool,
    },
    /// The request came from another site.
    Forbidden,
    /// The page needs a signed-in session, and there is none (any more).
    SignedOut,
    /// The request itself could not be read (not something a person typed).
    BadRequest { message: String },
    /// A temporary fault on our side; the reference matches the server log.
    Unavailable { reference: String },
    /// The server has more work waiting than it takes on: try again shortly.
    Busy { retry_after_seconds: u32 },
    /// The browser could not reach the server.
    Network,
}

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            errors: vec![FieldError::new(field, message)],
        }
    }

    /// The HTTP status the server answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid { .. } => 422,
            AppError::CodeExpired { .. } | AppError::CodeVoided => 410,
            AppError::CodeUsed | AppError::AccountExists => 409,
            AppError::TooManyAttempts { .. } => 429,
            AppError::Forbidden => 403,
            AppError::SignedOut => 401,
            AppError::BadRequest { .. } => 400,
            AppError::Unavailable { .. } | AppError::Busy { .. } | AppError::Network => 503,
        }
    }

    /// Words for errors that are not tied to a field or a page of their own,
    /// naming the configured help-desk number.
    pub fn message(&self, help_desk_phone: &str) -> String {
        use crate::words;
        match self {
            AppError::Invalid { errors } => errors
                .first()
                .map(|e| e.message.clone())
                .unwrap_or_default(),
            AppError::TooManyAttempts {
                retry_after_minutes,
                from_network,
            } => {
                let wait = match retry_after_minutes {
                    1 => words::wait_one_minute().to_string(),
                    n => words::wait_minutes(&n.to_string()),
                };
                if *from_network {
                    words::too_many_tries_network(&wait, help_desk_phone)
                } else {
                    words::too_many_tries(&wait, help_desk_phone)
                }
            }
            AppError::Unavailable { reference } if reference.is_empty() => {
                words::unavailable(help_desk_phone)
            }
            AppError::Unavailable { reference } => {
                words::unavailable_reference(help_desk_phone, reference)
            }
            AppError::Busy { .. } => words::busy().into(),
            AppError::Network => words::network().into(),
            AppError::CodeExpired { expired_on } => {
                match crate::domain::date::Date::parse_iso(expired_on) {
                    Some(day) => words::code_expired_on(&day.to_string()),
                    None => words::code_expired().into(),
                }
            }
            AppError::CodeUsed => words::code_used().into(),
            AppError::CodeVoided => words::code_voided().into(),
            AppError::AccountExists => words::account_exists().into(),
            AppError::Forbidden => words::forbidden().into(),
            AppError::BadRequest { message } => message.clone(),
            AppError::SignedOut => words::signed_out().into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AppError;

    #[test]
    fn a_limit_on_a_network_says_so_in_plain_words() {
        let network = AppError::TooManyAttempts {
            retry_after_minutes: 12,
            from_network: true,
        };
        assert_eq!(
            network.message("855-667-9704"),
            "There have been too many tries from this network (the Wi-Fi or internet connection \
             you are using). Wait 12 minutes and try again, or call the help desk at 855-667-9704 \
             for help."
        );
        let account = AppError::TooManyAttempts {
            retry_after_minutes: 1,
            from_network: false,
        };
        let message = account.message("855-667-9704");
        assert!(message.starts_with("There have been too many tries. Wait a minute"));
        assert!(!message.contains("network"), "{message}");
    }
}
