//! Field errors from the shared rules in `crate::domain`, collected in page
//! order, the same in the browser and on the server.

use crate::domain::date::DateError;
use crate::shared::FieldError;

/// Collects the first problem of each field, in the order fields are checked.
#[derive(Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn check<T, M: Into<String>>(&mut self, field: &str, result: Result<T, M>) -> &mut Self {
        if let Err(message) = result {
            self.0.push(FieldError::new(field, message));
        }
        self
    }

    /// A three-box date: the message, and which boxes to highlight.
    pub fn check_date<T>(&mut self, field: &str, result: Result<T, DateError>) -> &mut Self {
        if let Err(e) = result {
            let parts = e.parts.iter().map(|p| p.id_suffix().to_string()).collect();
            self.0.push(FieldError {
                field: field.into(),
                message: e.message,
                parts,
            });
        }
        self
    }

    pub fn into_vec(&mut self) -> Vec<FieldError> {
        std::mem::take(&mut self.0)
    }
}

/// Server-side bounds on raw input, checked before any rule or hashing runs
/// (`validator` derives them on the request types). Limits sit far above
/// what any rule accepts, so a person only sees them when a client misbehaves.
#[cfg(feature = "ssr")]
pub fn within_bounds(input: &impl validator::Validate) -> Result<(), crate::shared::AppError> {
    let Err(errors) = input.validate() else {
        return Ok(());
    };
    let mut fields: Vec<FieldError> = errors
        .errors()
        .keys()
        .map(|field| FieldError::new(field, crate::words::answer_too_long()))
        .collect();
    fields.sort_by(|a, b| a.field.cmp(&b.field));
    Err(crate::shared::AppError::Invalid { errors: fields })
}
