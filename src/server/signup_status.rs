//! Looking up a pending self-signup by reference and date of birth.

use super::caller::Caller;
use super::signup_verify::format_reference;
use crate::domain::access_code::normalize_symbols;
use crate::domain::date::{Date, parse_date_of_birth};
use crate::shared::AppError;
use crate::shared::rules::within_bounds;
use crate::shared::signup_status::{RequestState, RequestStatus, SignupStatus, StatusLookup};
use crate::words;

/// One message whether the reference is unknown or the date of birth wrong.
pub fn not_found() -> &'static str {
    words::status_not_found()
}

pub async fn look_up_request(
    ctx: &Caller,
    lookup: &StatusLookup,
) -> Result<RequestStatus, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(lookup)?;
    let errors = lookup.problems(ctx.today());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    // Counted as a failure first, in one atomic step with the check, and
    // given back once found: a burst counts like a sequence.
    let lookup_failed = state
        .take(
            state.limits.failed_lookups_per_network(),
            &ctx.limit_key,
            now,
        )
        .await?;
    let dob = parse_date_of_birth(&lookup.dob, ctx.today())
        .map_err(|e| AppError::invalid("dob", e.message))?;
    let reference = format_reference(&normalize_symbols(&lookup.reference));
    let day = |t: i64| Date::from_unix_seconds(t).to_string();
    let born = dob.iso();
    if let Some(request) = state
        .store
        .signup_request_by_reference(&reference)
        .await?
        .filter(|r| r.date_of_birth == born)
    {
        lookup_failed.refund(state).await?;
        let closed = request.status == SignupStatus::Closed;
        return Ok(RequestStatus {
            reference: request.reference,
            state: RequestState::Signup(request.status),
            reason: if closed {
                request.status_reason
            } else {
                String::new()
            },
            received_on: day(request.created_at),
            updated_on: day(request.updated_at),
            promised_by: day(request.promised_by),
            overdue: request.status.is_open() && now > request.promised_by,
        });
    }
    if let Some(request) = state
        .store
        .records_request_by_reference(&reference)
        .await?
        .filter(|r| r.date_of_birth == born)
    {
        lookup_failed.refund(state).await?;
        return Ok(RequestStatus {
            reference: request.reference,
            state: RequestState::Records(request.status),
            reason: String::new(),
            received_on: day(request.created_at),
            updated_on: day(request.updated_at),
            promised_by: String::new(),
            overdue: false,
        });
    }
    lookup_failed.keep();
    Err(AppError::invalid("reference", not_found()))
}
