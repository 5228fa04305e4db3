//! The self-signup service: match the details, prove the record's email,
//! or keep the request for the help desk.

use super::caller::Caller;
use super::codes::{self, Issue, IssueError};
use super::mail::templates::{self, To};
use super::record_match::{self, certain_patient};
use super::security::new_reference;
use super::state::Limit;
use super::store::{AuditEvent, CodeTable, NewSignupRequest};
use super::teen;
use crate::domain::access_code::normalize_symbols;
use crate::domain::date::{Date, DateParts, parse_date_of_birth};
use crate::domain::ids::PatientId;
use crate::domain::matching::same_mailbox;
use crate::domain::person::mask_email;
use crate::domain::policy::AgeGroup;
use crate::shared::AppError;
use crate::shared::rules::within_bounds;
use crate::shared::signup_code::CodeHolder;
use crate::shared::signup_verify::{
    DetailsOutcome, PendingRequest, PersonalDetails, VerifiedSignup,
};
use crate::words;
use rand::Rng;

/// Minutes an emailed code works, and the wrong tries that end it.
pub const EMAIL_CODE_MINUTES: i64 = 10;
pub const EMAIL_CODE_TRIES: u32 = 5;
/// How long the access code made after a verified email works.
const VERIFIED_CODE_SECONDS: i64 = 30 * 60;

/// Emailed codes per patient, so nobody can flood a patient's inbox.
const EMAILS_PER_PATIENT: Limit = Limit {
    scope: "email-code-sent",
    per_network: false,
    max: 5,
    window: 60 * 60,
};
/// Wrong emailed codes per client address.
const WRONG_CODES_PER_CLIENT: Limit = Limit {
    scope: "email-code-wrong",
    per_network: true,
    max: 20,
    window: 15 * 60,
};

pub async fn submit_details(
    ctx: &Caller,
    details: &PersonalDetails,
    earlier_reference: Option<&str>,
) -> Result<DetailsOutcome, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(details)?;
    let errors = details.problems(ctx.today());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    state
        .take(state.limits.signups_per_network(), &ctx.limit_key, now)
        .await?
        .keep();
    // A child in the state they gave gets no code and no request, matched
    // or not: a parent or guardian asks for proxy access.
    let born = parse_date_of_birth(&details.dob, ctx.today())
        .map_err(|e| AppError::invalid("dob", e.message))?;
    let group = teen::age_group(ctx, born, &details.state);
    if group.value == AgeGroup::Child {
        too_young(ctx, &group.rule).await?;
        return Ok(DetailsOutcome::TooYoung);
    }

    let graded = match record_match::submitted(details, ctx.today()) {
        Some(submission) => Some(record_match::grade(&state.store, &submission).await?),
        None => None,
    };
    let patient = graded.as_ref().and_then(|g| g.certain()).cloned();
    let mut teen_record_email_is_a_guardians = false;
    if let Some(p) = &patient {
        let born = Date::parse_iso(&p.record.date_of_birth);
        let group = born.map(|born| teen::age_group(ctx, born, &p.record.state));
        if let Some(group) = group.filter(|g| g.value == AgeGroup::Teen) {
            let signup = teen::TeenSignup {
                patient_id: p.id,
                rule: &group.rule,
                email: Some(&details.email),
                phone: Some(&details.mobile_phone),
            };
            teen::check(ctx, &signup).await?;
            // A code sent to the record's email would reach the parent: the
            // help desk sends the teen one instead.
            teen_record_email_is_a_guardians = ctx
                .state
                .store
                .guardian_contacts(p.id)
                .await?
                .iter()
                .any(|g| same_mailbox(g.email.as_deref(), p.record.email.as_deref()));
        }
    }
    let record_email = patient
        .as_ref()
        .and_then(|p| p.record.email.clone())
        .filter(|e| !e.is_empty() && !teen_record_email_is_a_guardians);
    let (Some(patient), Some(record_email)) = (&patient, record_email) else {
        // Not certain, or certain without an email a code may go to: the
        // help desk takes over, with the record it should look at first.
        let (reason, proposed) = match (&patient, &graded) {
            (Some(p), _) if teen_record_email_is_a_guardians => (
                "certain match: a teen whose record email is a guardian's".to_string(),
                Some(p.id),
            ),
            (Some(p), _) => (
                "certain match: the record has no email address".to_string(),
                Some(p.id),
            ),
            (None, Some(g)) => (g.decision.summary(), g.proposed().map(|p| p.id)),
            (None, None) => ("no record matched".to_string(), None),
        };
        return pending(ctx, details, proposed, &reason, earlier_reference)
            .await
            .map(DetailsOutcome::Pending);
    };
    // Over the per-patient limit no new email goes out, and the answer says
    // so: the latest code still works, and when a new one can be sent.
    let subject = patient.id.to_string();
    let wait_minutes = match state.try_take(EMAILS_PER_PATIENT, &subject, now).await? {
        Ok(taken) => {
            taken.keep();
            None
        }
        Err(minutes) => Some(minutes),
    };
    if wait_minutes.is_none() {
        let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000));
        let expires_at = now + EMAIL_CODE_MINUTES * 60;
        let email = state.mailer.stamp(templates::email_code(
            &state.settings,
            To::asking(&record_email),
            &code,
            EMAIL_CODE_MINUTES,
            expires_at,
        ));
        let hash = email_code_hash(ctx, patient.id, &code);
        state
            .store
            .add_email_code(patient.id, &hash, expires_at, &email, &ctx.client, now)
            .await?;
        state.mailer.wake();
    }
    Ok(DetailsOutcome::EmailCodeSent {
        masked_email: mask_email(&record_email),
        wait_minutes,
    })
}

/// Whether the date of birth is a child's in every state (audited when it is).
pub async fn is_child(ctx: &Caller, dob: &DateParts) -> Result<bool, AppError> {
    within_bounds(dob)?;
    let born =
        parse_date_of_birth(dob, ctx.today()).map_err(|e| AppError::invalid("dob", e.message))?;
    let Some(child) = ctx.state.policy.child_in_every_state(born, ctx.now) else {
        return Ok(false);
    };
    too_young(ctx, &child.rule).await?;
    Ok(true)
}

/// Audits a sign-up refused for age: the rule, and nothing stored.
async fn too_young(ctx: &Caller, rule: &str) -> Result<(), AppError> {
    let outcome = format!("too young ({rule}); told to ask a parent or guardian");
    let event = AuditEvent {
        actor: "anonymous",
        patient_id: None,
        action: "signup.too-young",
        outcome: &outcome,
        client_addr: Some(&ctx.client),
    };
    Ok(ctx.state.store.audit(ctx.now, &event).await?)
}

pub async fn check_email_code(
    ctx: &Caller,
    details: &PersonalDetails,
    typed_code: &str,
) -> Result<VerifiedSignup, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(details)?;
    if !details.problems(ctx.today()).is_empty() {
        return Err(AppError::BadRequest {
            message: words::verify_details_incomplete().into(),
        });
    }
    let code: String = typed_code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if code.is_empty() {
        return Err(AppError::invalid("code", words::verify_code_missing()));
    }
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::invalid("code", words::verify_code_shape()));
    }
    state
        .check(WRONG_CODES_PER_CLIENT, &ctx.limit_key, now)
        .await?;
    let ask_again = |message: &str| AppError::invalid("code", message);
    let Some(patient) = certain_patient(&state.store, details, ctx.today()).await? else {
        return Err(ask_again(words::verify_code_expired()));
    };
    let Some(sent) = state.store.latest_email_code(patient.id).await? else {
        return Err(ask_again(words::verify_code_expired()));
    };
    if sent.used_at.is_some() || sent.voided_at.is_some() || sent.expires_at <= now {
        return Err(ask_again(words::verify_code_expired_or_used()));
    }
    if sent.code_hash != email_code_hash(ctx, patient.id, &code) {
        state
            .count_failure(WRONG_CODES_PER_CLIENT, &ctx.limit_key, now)
            .await?;
        let tries = state
            .store
            .record_code_try(CodeTable::EmailCodes, sent.id, EMAIL_CODE_TRIES, now)
            .await?;
        if tries.is_none_or(|t| t >= i64::from(EMAIL_CODE_TRIES)) {
            return Err(ask_again(words::verify_code_too_many_wrong()));
        }
        return Err(AppError::invalid("code", words::verify_code_wrong()));
    }
    if !state.store.use_email_code(sent.id, now).await? {
        return Err(ask_again(words::verify_code_expired()));
    }
    // Said now, before the person chooses a username and password: the
    // code proved they read the record's email.
    if state.store.patient_has_account(patient.id).await? {
        return Err(AppError::AccountExists);
    }
    // The person reads the record's email: make them an access code and
    // continue as in the access-code flow. Their mailed codes keep working.
    let issue = Issue {
        valid_for: VERIFIED_CODE_SECONDS,
        issued_by: "self-signup",
        replace_older: false,
        how: "made for a verified sign-up",
        email_to: None,
        // The sign-up code went to the record's email.
        proven_email: patient.record.email.as_deref(),
        client_addr: Some(&ctx.client),
    };
    let issued = match codes::issue_code(
        &state.store,
        &state.secret,
        &state.policy,
        &patient,
        &issue,
        now,
    )
    .await
    {
        Ok(issued) => issued,
        Err(IssueError::TooYoung(_)) => {
            return Err(AppError::invalid("code", words::teen_refused_too_young()));
        }
        Err(IssueError::Store(e)) => return Err(e.into()),
    };
    let record = &patient.record;
    Ok(VerifiedSignup {
        access_code: issued.code.to_string(),
        holder: CodeHolder {
            teen: teen::teen_rule(ctx, &record.date_of_birth, &record.state).is_some(),
            first_name: record.first_name.clone(),
            middle_name: record.middle_name.clone(),
            last_name: record.last_name.clone(),
            record_email: record.email.clone(),
        },
    })
}

fn email_code_hash(ctx: &Caller, patient_id: PatientId, code: &str) -> String {
    ctx.state
        .secret
        .keyed_hash("email-code", &format!("{patient_id}:{code}"))
}

/// Keeps the request for the help desk and tells the person by email.
async fn pending(
    ctx: &Caller,
    details: &PersonalDetails,
    patient_id: Option<PatientId>,
    reason: &str,
    earlier_reference: Option<&str>,
) -> Result<PendingRequest, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    let dob = parse_date_of_birth(&details.dob, ctx.today())
        .map_err(|e| AppError::invalid("dob", e.message))?;
    let reference = format_reference(&new_reference());
    let promised_by = now + i64::from(state.settings.promise_days) * 86_400;
    let promised_on = Date::from_unix_seconds(promised_by);
    let email = state.mailer.stamp(templates::signup_pending(
        &state.settings,
        To::asking(details.email.trim()),
        &reference,
        promised_on,
    ));
    let request = NewSignupRequest {
        reference: reference.clone(),
        first_name: details.first_name.trim().into(),
        middle_name: details.middle_name.trim().into(),
        last_name: details.last_name.trim().into(),
        date_of_birth: dob.iso(),
        legal_sex: details.legal_sex.clone(),
        street: details.street.trim().into(),
        city: details.city.trim().into(),
        state: details.state.clone(),
        zip: details.zip.trim().into(),
        mobile_phone: details.mobile_phone.trim().into(),
        email: details.email.trim().into(),
        status_reason: reason.into(),
        patient_id,
        promised_by,
        client_addr: ctx.client.clone(),
        earlier_reference: earlier_reference
            .map(|r| format_reference(&normalize_symbols(r)))
            .filter(|r| r.len() == 9),
        language: crate::words::language(),
    };
    state
        .store
        .add_signup_request(&request, Some(&email), now)
        .await?;
    state.mailer.wake();
    Ok(PendingRequest {
        reference,
        promised_by: promised_on.to_string(),
    })
}

/// "7KDM2Q9X" is read out as "7KDM-2Q9X".
pub fn format_reference(symbols: &str) -> String {
    let (a, b) = symbols.split_at(symbols.len() / 2);
    format!("{a}-{b}")
}
