//! Storing medical records requests for the help desk.

use super::caller::Caller;
use super::security::new_reference;
use super::signup_verify::format_reference;
use super::state::Limit;
use super::store::NewRecordsRequest;
use crate::domain::date::{Date, DateField, parse_date_of_birth, parse_past_date};
use crate::shared::AppError;
use crate::shared::records_request::{RecordsRequest, RecordsRequestReceived};
use crate::shared::rules::within_bounds;

/// Requests per client address.
const REQUESTS_PER_CLIENT: Limit = Limit {
    scope: "records-request",
    per_network: true,
    max: 10,
    window: 60 * 60,
};

pub async fn submit(
    ctx: &Caller,
    request: &RecordsRequest,
) -> Result<RecordsRequestReceived, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(request)?;
    let errors = request.problems(ctx.today());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    state
        .take(REQUESTS_PER_CLIENT, &ctx.limit_key, now)
        .await?
        .keep();
    let today = ctx.today();
    let dob = parse_date_of_birth(&request.dob, today)
        .map_err(|e| AppError::invalid("dob", e.message))?;
    let day = |parts, field| {
        parse_past_date(parts, today, field)
            .map(Date::iso)
            .unwrap_or_default()
    };
    let signed_on = Date::from_unix_seconds(now);
    let reference = format_reference(&new_reference());
    let stored = NewRecordsRequest {
        reference: reference.clone(),
        first_name: request.first_name.trim().into(),
        middle_name: request.middle_name.trim().into(),
        last_name: request.last_name.trim().into(),
        date_of_birth: dob.iso(),
        street: request.street.trim().into(),
        city: request.city.trim().into(),
        state: request.state.clone(),
        zip: request.zip.trim().into(),
        phone: request.phone.trim().into(),
        records_wanted: request.records_wanted.trim().into(),
        dates_from: day(&request.from, DateField::First),
        dates_to: day(&request.to, DateField::Last),
        delivery: request.delivery.clone(),
        signature: request.signature.trim().into(),
        signed_on: signed_on.iso(),
        client_addr: ctx.client.clone(),
        language: crate::words::language(),
    };
    state.store.add_records_request(&stored, now).await?;
    Ok(RecordsRequestReceived {
        reference,
        signed_on: signed_on.to_string(),
    })
}
