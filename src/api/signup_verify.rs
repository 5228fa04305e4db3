//! "Sign up without an access code": the person's details are matched to
//! their record; when exactly one record matches and it has an email, a
//! six-digit code sent there proves the person reads it, and the flow joins
//! the access-code flow at "Create your login". Otherwise the request waits
//! for the help desk.

use crate::shared::AppError;
pub use crate::shared::signup_verify::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Matches the details; sends a code to the record's email, or keeps the
/// request for the help desk (same words and timing for no match and for
/// several), replacing the `earlier_reference` this browser was given.
#[server(prefix = "/api", endpoint = "signup/verify/details", input = Json)]
pub async fn submit_details(
    details: PersonalDetails,
    earlier_reference: Option<String>,
) -> Result<DetailsOutcome, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::signup_verify;
    let ctx = caller()?;
    let earlier = earlier_reference.as_deref();
    answer(
        &ctx,
        crate::server::steadily(signup_verify::submit_details(&ctx, &details, earlier)).await,
    )
}

/// Right after the date-of-birth page: true for a child (below the teen
/// band wherever they live), who learns at once that a parent or guardian
/// asks for proxy access instead.
#[server(prefix = "/api", endpoint = "signup/verify/age", input = Json)]
pub async fn check_age(dob: crate::domain::date::DateParts) -> Result<bool, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::signup_verify;
    let ctx = caller()?;
    answer(&ctx, signup_verify::is_child(&ctx, &dob).await)
}

/// Checks the six-digit code from the email.
#[server(prefix = "/api", endpoint = "signup/verify/email-code", input = Json)]
pub async fn check_email_code(
    details: PersonalDetails,
    code: String,
) -> Result<VerifiedSignup, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::signup_verify;
    let ctx = caller()?;
    answer(
        &ctx,
        signup_verify::check_email_code(&ctx, &details, &code).await,
    )
}
