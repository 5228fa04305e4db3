//! Adapters from the shared rules in `crate::domain` to `validator`, so request
//! types can `#[derive(Validate)]` and every check names its field.

use crate::api::FieldError;
use crate::domain::{access_code, date, email, username};
use std::borrow::Cow;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

fn error(message: impl Into<Cow<'static, str>>) -> ValidationError {
    ValidationError::new("rule").with_message(message.into())
}

pub fn access_code(code: &str) -> Result<(), ValidationError> {
    access_code::parse(code)
        .map(drop)
        .map_err(|e| error(e.message()))
}

pub fn date_of_birth(parts: &date::DateParts) -> Result<(), ValidationError> {
    date::parse_date_of_birth(parts, date::Date::today())
        .map(drop)
        .map_err(|e| {
            let mut err = error(e.message);
            // The boxes to highlight travel in the error code.
            let codes: Vec<&str> = e.parts.iter().map(|p| p.id_suffix()).collect();
            err.code = codes.join(",").into();
            err
        })
}

pub fn username(name: &str) -> Result<(), ValidationError> {
    username::username_problem(name).map_err(error)
}

pub fn email(address: &str) -> Result<(), ValidationError> {
    email::email_problem(address).map_err(error)
}

/// Flattens `validator`'s map into field errors in page order.
pub fn field_errors(errors: &ValidationErrors, page_order: &[&str]) -> Vec<FieldError> {
    let map = errors.errors();
    page_order
        .iter()
        .filter_map(|field| match map.get(*field) {
            Some(ValidationErrorsKind::Field(list)) => list.first().map(|e| FieldError {
                field: (*field).to_string(),
                message: e
                    .message
                    .as_deref()
                    .unwrap_or("Check this answer")
                    .to_string(),
                parts: e
                    .code
                    .split(',')
                    .filter(|p| matches!(*p, "month" | "day" | "year"))
                    .map(String::from)
                    .collect(),
            }),
            _ => None,
        })
        .collect()
}
