//! New access codes on request. The answer never says whether anything
//! matched; a code goes only to the contact on the record.

use super::caller::Caller;
use super::codes::{self, DEFAULT_DAYS, Issue};
use super::mail::templates::To;
use super::record_match;
use super::security::new_reference;
use super::signup_verify::format_reference;
use super::state::Limit;
use super::store::{AuditEvent, NewSignupRequest, Patient};
use super::teen;
use crate::domain::date::Date;
use crate::domain::date::parse_date_of_birth;
use crate::domain::matching;
use crate::domain::policy::AgeGroup;
use crate::shared::AppError;
use crate::shared::new_code::{NewCodeAnswer, NewCodeRequest};
use crate::shared::rules::within_bounds;

/// Codes per patient: more requests are answered the same but send nothing.
const CODES_PER_PATIENT: Limit = Limit {
    scope: "new-code-patient",
    per_network: false,
    max: 3,
    window: 24 * 60 * 60,
};

pub async fn request_new_code(
    ctx: &Caller,
    request: &NewCodeRequest,
) -> Result<NewCodeAnswer, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(request)?;
    let errors = request.problems(ctx.today());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    state
        .take(state.limits.new_codes_per_network(), &ctx.limit_key, now)
        .await?
        .keep();
    let dob = parse_date_of_birth(&request.dob, ctx.today())
        .map_err(|e| AppError::invalid("dob", e.message))?;
    let contact = request.contact.trim().to_string();
    // Legal sex is not asked here, so only an exact first name is certain.
    let submission = matching::Person {
        first_name: request.first_name.clone(),
        last_name: request.last_name.clone(),
        date_of_birth: Some(dob),
        email: request.contact_is_email().then(|| contact.clone()),
        phone: (!request.contact_is_email()).then(|| contact.clone()),
        ..matching::Person::default()
    };
    let audit = |patient_id, outcome| AuditEvent {
        actor: "anonymous",
        patient_id,
        action: "code.request",
        outcome,
        client_addr: Some(&ctx.client),
    };
    let graded = record_match::grade(&state.store, &submission).await?;
    let summary = graded.decision.summary();
    let Some(patient) = graded.into_certain() else {
        let outcome = format!("{summary}; nothing sent");
        state.store.audit(now, &audit(None, &outcome)).await?;
        return Ok(NewCodeAnswer::Emailed);
    };
    // Children get no code of their own; say nothing different.
    let born = Date::parse_iso(&patient.record.date_of_birth);
    if let Some(group) = born.map(|born| teen::age_group(ctx, born, &patient.record.state))
        && group.value == AgeGroup::Child
    {
        let outcome = format!("too young ({}); nothing sent", group.rule);
        state
            .store
            .audit(now, &audit(Some(patient.id), &outcome))
            .await?;
        return Ok(NewCodeAnswer::Emailed);
    }
    let Some(record_email) = patient.record.email.clone().filter(|e| !e.is_empty()) else {
        return by_mail(ctx, &patient).await;
    };
    let subject = patient.id.to_string();
    let Ok(taken) = state.try_take(CODES_PER_PATIENT, &subject, now).await? else {
        state
            .store
            .audit(now, &audit(Some(patient.id), "limit reached; nothing sent"))
            .await?;
        return Ok(NewCodeAnswer::Emailed);
    };
    taken.keep();
    let issue = Issue {
        valid_for: i64::from(DEFAULT_DAYS) * 86_400,
        issued_by: "self-service",
        replace_older: true,
        how: "emailed",
        email_to: Some((&state.mailer, &state.settings, To::asking(&record_email))),
        proven_email: None,
        client_addr: Some(&ctx.client),
    };
    let issued = codes::issue_code(
        &state.store,
        &state.secret,
        &state.policy,
        &patient,
        &issue,
        now,
    )
    .await;
    match issued {
        Ok(_) => Ok(NewCodeAnswer::Emailed),
        Err(codes::IssueError::TooYoung(rule)) => {
            let outcome = format!("too young ({rule}); nothing sent");
            state
                .store
                .audit(now, &audit(Some(patient.id), &outcome))
                .await?;
            Ok(NewCodeAnswer::Emailed)
        }
        Err(codes::IssueError::Store(e)) => Err(e.into()),
    }
}

/// No email on the record: the help desk mails a code to its home address.
/// One request per patient waits for it: asking again gives its reference.
async fn by_mail(ctx: &Caller, patient: &Patient) -> Result<NewCodeAnswer, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    let answer = |reference: String, promised_by: i64| NewCodeAnswer::ByMail {
        reference,
        promised_by: Date::from_unix_seconds(promised_by).to_string(),
    };
    if let Some(open) = state.store.open_signup_request_of(patient.id).await? {
        return Ok(answer(open.reference, open.promised_by));
    }
    let record = &patient.record;
    let request = NewSignupRequest {
        reference: format_reference(&new_reference()),
        first_name: record.first_name.clone(),
        middle_name: record.middle_name.clone(),
        last_name: record.last_name.clone(),
        date_of_birth: record.date_of_birth.clone(),
        legal_sex: record.legal_sex.clone(),
        street: record.street.clone(),
        city: record.city.clone(),
        state: record.state.clone(),
        zip: record.zip.clone(),
        mobile_phone: record.mobile_phone.clone().unwrap_or_default(),
        email: String::new(),
        status_reason: "new code requested; no email on the record, send it by mail".into(),
        patient_id: Some(patient.id),
        promised_by: now + i64::from(state.settings.promise_days) * 86_400,
        client_addr: ctx.client.clone(),
        earlier_reference: None,
        language: crate::words::language(),
    };
    state.store.add_signup_request(&request, None, now).await?;
    Ok(answer(request.reference, request.promised_by))
}
