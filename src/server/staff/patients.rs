//! The console's patient work: find, status, codes by each channel, revoke,
//! unlock. Every function checks the staff member's role first.

use super::{Staff, require};
use crate::domain::date::{Date, parse_their_date_of_birth};
use crate::domain::ids::{AccessCodeId, PatientId};
use crate::domain::matching::names::within_one_typo;
use crate::domain::matching::normalize_name;
use crate::domain::policy::AgeGroup;
use crate::domain::staff::Permission;
use crate::domain::states::SignupStatus;
use crate::server::caller::Caller;
use crate::server::codes::{self, Issue, IssueError};
use crate::server::mail::templates::To;
use crate::server::record_access::{in_force, last_day};
use crate::server::state::AppState;
use crate::server::store::{AuditEvent, CodeListing, Patient};
use crate::shared::AppError;
use crate::shared::rules::{Problems, within_bounds};
use crate::shared::staff::patients::{
    AccountStatus, Channel, CodeStatus, GrantListing, GuardianListing, IssuedCode, Letter,
    PatientQuery, PatientStatus, PatientSummary, RequestSummary,
};
use crate::words;

/// At most this many search results.
const MAX_RESULTS: usize = 20;

pub async fn find(ctx: &Caller, query: &PatientQuery) -> Result<Vec<PatientSummary>, AppError> {
    let staff = require(ctx, Permission::FindPatients).await?;
    within_bounds(query)?;
    let store = &ctx.state.store;
    let patients = if !query.mrn.trim().is_empty() {
        store
            .patient_by_mrn(query.mrn.trim())
            .await?
            .into_iter()
            .collect()
    } else {
        let last = normalize_name(&query.last_name);
        let born = parse_their_date_of_birth(&query.dob, Date::from_unix_seconds(ctx.now));
        let mut problems = Problems::default();
        problems
            .check(
                "last_name",
                if last.is_empty() {
                    Err("Enter a last name and date of birth, or an MRN")
                } else {
                    Ok(())
                },
            )
            .check_date("dob", born.clone());
        let errors = problems.into_vec();
        let Ok(born) = born else {
            return Err(AppError::Invalid { errors });
        };
        if !errors.is_empty() {
            return Err(AppError::Invalid { errors });
        }
        let first = normalize_name(&query.first_name);
        let mut found: Vec<Patient> = store.patients_born_on(&born.iso()).await?;
        found.retain(|p| {
            let last_matches = p
                .record
                .last_name
                .split([' ', '-'])
                .chain([p.record.last_name.as_str()])
                .any(|part| normalize_name(part) == last);
            let record_first = normalize_name(&p.record.first_name);
            let first_matches = first.is_empty()
                || record_first.starts_with(&first)
                || within_one_typo(&record_first, &first);
            last_matches && first_matches
        });
        found
    };
    let how = if query.mrn.trim().is_empty() {
        "by name and date of birth"
    } else {
        "by MRN"
    };
    let searched = AuditEvent {
        actor: &staff.actor,
        patient_id: None,
        action: "patient.search",
        outcome: &format!("searched {how}; {} found", patients.len()),
        client_addr: Some(&ctx.client),
    };
    ctx.state.store.audit(ctx.now, &searched).await?;
    let mut results = Vec::new();
    for p in patients.into_iter().take(MAX_RESULTS) {
        results.push(PatientSummary {
            id: p.id,
            has_account: store.account_of(p.id).await?.is_some(),
            mrn: p.record.mrn.clone(),
            name: full_name(&p),
            date_of_birth: written_date(&p.record.date_of_birth),
        });
    }
    Ok(results)
}

pub async fn status(ctx: &Caller, patient_id: PatientId) -> Result<PatientStatus, AppError> {
    let staff = require(ctx, Permission::FindPatients).await?;
    let store = &ctx.state.store;
    let patient = find_patient(ctx, patient_id).await?;
    let now = ctx.now;
    // Who looked at whose record is itself a security event.
    let viewed = event(
        ctx,
        &staff,
        patient_id,
        "patient.view",
        "portal status viewed",
    );
    store.audit(now, &viewed).await?;
    let today = Date::from_unix_seconds(now);
    let age = Date::parse_iso(&patient.record.date_of_birth).map_or(0, |b| b.age_on(today));
    let account = store.account_of(patient_id).await?;
    let no_code_because = if account.is_some() {
        Some("This patient already has a portal account.".to_string())
    } else if let Some(group) = Date::parse_iso(&patient.record.date_of_birth)
        .map(|born| ctx.state.policy.age_group(born, &patient.record.state, now))
        .filter(|g| g.value == AgeGroup::Child)
    {
        Some(format!(
            "Too young for their own account ({}): a parent or guardian asks for proxy \
             access instead.",
            group.rule
        ))
    } else {
        None
    };
    let r = &patient.record;
    Ok(PatientStatus {
        id: patient.id,
        mrn: r.mrn.clone(),
        name: full_name(&patient),
        date_of_birth: written_date(&r.date_of_birth),
        age,
        emancipated: r.emancipated,
        language: r
            .preferred_language()
            .map_or("Not given (English)", crate::words::Language::english_name)
            .to_string(),
        address: address_lines(&patient),
        email: r.email.clone().filter(|e| !e.is_empty()),
        phone: r.mobile_phone.clone().filter(|p| !p.is_empty()),
        account: account.map(|a| AccountStatus {
            username: a.username,
            created_on: Date::from_unix_seconds(a.created_at).to_string(),
            locked: a
                .locked_until
                .filter(|until| *until > now)
                .map(|until| format!("Locked until {}", written_time(until))),
            failed_signins: a.failed_signins,
        }),
        codes: store
            .codes_of(patient_id)
            .await?
            .iter()
            .map(|c| code_status(c, now))
            .collect(),
        requests: store
            .requests_of(patient_id)
            .await?
            .into_iter()
            .map(|r| RequestSummary {
                status: SignupStatus::from_stored(&r.status)
                    .map_or_else(|| r.status.clone(), |s| s.label().to_string()),
                reference: r.reference,
                received_on: Date::from_unix_seconds(r.created_at).to_string(),
            })
            .collect(),
        guardians: store
            .guardian_contacts(patient_id)
            .await?
            .into_iter()
            .map(|g| GuardianListing {
                name: g.full_name,
                relationship: crate::domain::text::capitalize(&g.relationship),
                email: g.email.filter(|e| !e.is_empty()),
                phone: g.phone.filter(|p| !p.is_empty()),
            })
            .collect(),
        // As each stands today (a parent's narrows in the teen band).
        grants: in_force(
            &ctx.state.policy,
            store.grants_to(patient_id, now).await?,
            now,
        )
        .into_iter()
        .map(|g| GrantListing {
            id: g.grant.id,
            holder: format!("{} {}", g.grant.first_name, g.grant.last_name),
            relationship: g.grant.relationship.title().into(),
            scope: crate::domain::text::capitalize(g.scope.as_stored()),
            since: Date::from_unix_seconds(g.grant.starts_at).to_string(),
            until: last_day(g.ends_at).to_string(),
            basis: if g.grant.by_law {
                "By law".into()
            } else {
                "Approved after review".into()
            },
        })
        .collect(),
        no_code_because,
    })
}

/// A new code by `channel`; the patient's older unused codes end.
pub async fn issue(
    ctx: &Caller,
    patient_id: PatientId,
    channel: Channel,
) -> Result<IssuedCode, AppError> {
    let staff = require(ctx, Permission::IssueCodes).await?;
    let patient = find_patient(ctx, patient_id).await?;
    issue_for(ctx, &staff, &patient, channel).await
}

/// Issues `patient` a code by `channel` on behalf of `staff` (whose role
/// the caller checked).
pub(super) async fn issue_for(
    ctx: &Caller,
    staff: &Staff,
    patient: &Patient,
    channel: Channel,
) -> Result<IssuedCode, AppError> {
    let state = &ctx.state;
    if state.store.account_of(patient.id).await?.is_some() {
        return Err(AppError::AccountExists);
    }
    let email = patient.record.email.as_deref().filter(|e| !e.is_empty());
    if channel == Channel::Email && email.is_none() {
        return Err(AppError::invalid(
            "channel",
            "This patient's record has no email address. Read the code out, or send a letter",
        ));
    }
    let issue = Issue {
        how: match channel {
            Channel::Screen => "shown on screen",
            Channel::Email => "emailed",
            Channel::Letter => "mail letter",
        },
        email_to: email.filter(|_| channel == Channel::Email).map(|to| {
            let to = To::new(to, [patient.record.preferred_language()]);
            (&state.mailer, &state.settings, to)
        }),
        client_addr: Some(&ctx.client),
        ..Issue::by_staff(&staff.actor, codes::DEFAULT_DAYS)
    };
    let now = ctx.now;
    let issued = match codes::issue_code(
        &state.store,
        &state.secret,
        &state.policy,
        patient,
        &issue,
        now,
    )
    .await
    {
        Ok(issued) => issued,
        Err(e @ IssueError::TooYoung(_)) => {
            return Err(AppError::BadRequest {
                message: e.to_string(),
            });
        }
        Err(IssueError::Store(e)) => return Err(e.into()),
    };
    let code = issued.code.to_string();
    let expires_on = issued.expires_on.to_string();
    Ok(match channel {
        Channel::Screen => IssuedCode {
            code: Some(code),
            expires_on,
            emailed_to: None,
            letter: None,
        },
        Channel::Email => IssuedCode {
            code: None,
            expires_on,
            emailed_to: email.map(String::from),
            letter: None,
        },
        Channel::Letter => IssuedCode {
            letter: Some(letter(state, patient, &code, issued.expires_on, now)),
            code: Some(code),
            expires_on,
            emailed_to: None,
        },
    })
}

/// The mail letter for `patient`, in the language their record prefers.
fn letter(state: &AppState, patient: &Patient, code: &str, expires_on: Date, now: i64) -> Letter {
    let language = patient.record.preferred_language().unwrap_or_default();
    let name = full_name(patient);
    words::in_language(language, || Letter {
        language: language.code().to_string(),
        address: address_lines(patient),
        before_code: vec![
            Date::from_unix_seconds(now).to_string(),
            words::letter_greeting(&name),
            words::letter_intro().to_string(),
        ],
        code: code.to_string(),
        after_code: words::letter_valid_until(&expires_on.to_string()),
        steps: vec![
            words::letter_step_go(&format!("{}/signup/code", state.settings.public_url)),
            words::letter_step_code().to_string(),
            words::letter_step_login().to_string(),
        ],
        closing: words::letter_questions(&state.settings.help_desk_phone),
        name,
    })
}

pub async fn revoke(
    ctx: &Caller,
    patient_id: PatientId,
    code_id: AccessCodeId,
) -> Result<(), AppError> {
    let staff = require(ctx, Permission::IssueCodes).await?;
    let event = event(ctx, &staff, patient_id, "code.revoke", "revoked");
    let revoked = ctx
        .state
        .store
        .revoke_code(patient_id, code_id, &event, ctx.now)
        .await?;
    if revoked {
        Ok(())
    } else {
        Err(AppError::BadRequest {
            message: "That code was already used or ended.".into(),
        })
    }
}

pub async fn unlock(ctx: &Caller, patient_id: PatientId) -> Result<(), AppError> {
    let staff = require(ctx, Permission::UnlockAccounts).await?;
    let Some(account) = ctx.state.store.account_of(patient_id).await? else {
        return Err(AppError::BadRequest {
            message: "This patient has no portal account.".into(),
        });
    };
    let event = event(
        ctx,
        &staff,
        patient_id,
        "account.unlock",
        "sign-in lock lifted",
    );
    ctx.state
        .store
        .unlock_account(account.id, &event, ctx.now)
        .await?;
    Ok(())
}

fn event<'a>(
    ctx: &'a Caller,
    staff: &'a Staff,
    patient_id: PatientId,
    action: &'a str,
    outcome: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: &staff.actor,
        patient_id: Some(patient_id),
        action,
        outcome,
        client_addr: Some(&ctx.client),
    }
}

pub(super) async fn find_patient(ctx: &Caller, patient_id: PatientId) -> Result<Patient, AppError> {
    ctx.state
        .store
        .patient_by_id(patient_id)
        .await?
        .ok_or_else(|| AppError::BadRequest {
            message: "There is no patient with that id.".into(),
        })
}

fn code_status(c: &CodeListing, now: i64) -> CodeStatus {
    let status = match (c.used_at, c.void_reason.as_deref()) {
        (Some(_), _) => "Used".to_string(),
        (None, Some("replaced")) => "Replaced by a newer code".into(),
        (None, Some("revoked")) => "Revoked".into(),
        (None, Some("too many tries")) => "Ended after 5 wrong dates of birth".into(),
        (None, Some(other)) if c.voided_at.is_some() => format!("Ended ({other})"),
        _ if c.expires_at <= now => "Expired".into(),
        _ => "Active".into(),
    };
    CodeStatus {
        id: c.id,
        issued_on: Date::from_unix_seconds(c.issued_at).to_string(),
        issued_by: c.issued_by.clone(),
        expires_on: Date::from_unix_seconds(c.expires_at).to_string(),
        active: status == "Active",
        status,
    }
}

pub(super) fn full_name(p: &Patient) -> String {
    let r = &p.record;
    [r.first_name.as_str(), &r.middle_name, &r.last_name]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn address_lines(p: &Patient) -> Vec<String> {
    let r = &p.record;
    vec![
        r.street.clone(),
        format!("{}, {} {}", r.city, r.state, r.zip),
    ]
}

pub(super) fn written_date(iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(|| iso.to_string(), |d| d.to_string())
}

/// "3:40 PM UTC on March 27, 2026".
pub(super) fn written_time(unix: i64) -> String {
    let minutes = unix.rem_euclid(86_400) / 60;
    let (hour, minute) = (minutes / 60, minutes % 60);
    let (h12, half) = match hour {
        0 => (12, "AM"),
        1..=11 => (hour, "AM"),
        12 => (12, "PM"),
        _ => (hour - 12, "PM"),
    };
    format!(
        "{h12}:{minute:02} {half} UTC on {}",
        Date::from_unix_seconds(unix)
    )
}
