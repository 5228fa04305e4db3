//! Working the queues: unverified sign-ups (review beside the closest
//! records, send a code, reject with a reason, mark a duplicate) and medical
//! records requests (in progress, completed).

use super::patients::{find_patient, issue_for, written_date};
use super::{Staff, require};
use crate::domain::access_code::normalize_symbols;
use crate::domain::date::Date;
use crate::domain::ids::PatientId;
use crate::domain::matching::{self, Agreement, Assessment, Field as MatchField};
use crate::domain::staff::Permission;
use crate::server::caller::Caller;
use crate::server::mail::templates::{self, To};
use crate::server::record_match;
use crate::server::signup_verify::format_reference;
use crate::server::store::{AuditEvent, Patient, StatusChange, SubmittedSignup};
use crate::shared::AppError;
use crate::shared::rules::within_bounds;
use crate::shared::staff::patients::Channel;
use crate::shared::staff::queue::{
    ActionDone, Candidate, Field, QueueAction, QueueItem, RecordsItem, RecordsStatus, Reference,
    SignupReview, SignupStatus,
};

/// Candidates shown beside a sign-up request.
const MAX_CANDIDATES: usize = 5;
/// Records shown beside an open records request.
const RECORDS_CANDIDATES: usize = 2;
const MAX_REASON: usize = 500;

pub async fn list(ctx: &Caller) -> Result<Vec<QueueItem>, AppError> {
    require(ctx, Permission::WorkSignupQueue).await?;
    let now = ctx.now;
    Ok(ctx
        .state
        .store
        .open_signup_requests()
        .await?
        .iter()
        .map(|r| item(r, now))
        .collect())
}

fn item(r: &SubmittedSignup, now: i64) -> QueueItem {
    let open = r.status.is_open();
    QueueItem {
        reference: r.reference.clone(),
        name: [r.first_name.as_str(), &r.middle_name, &r.last_name]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        date_of_birth: written_date(&r.date_of_birth),
        received_on: Date::from_unix_seconds(r.created_at).to_string(),
        waited_days: (now - r.created_at).max(0) / 86_400,
        promised_by: Date::from_unix_seconds(r.promised_by).to_string(),
        overdue: open && now > r.promised_by,
        status: r.status.label().into(),
        state: r.status,
        language: r.language.english_name().into(),
    }
}

/// The request beside the closest records; opening it marks it under review.
pub async fn review(ctx: &Caller, request: &Reference) -> Result<SignupReview, AppError> {
    let staff = require(ctx, Permission::WorkSignupQueue).await?;
    let store = &ctx.state.store;
    let mut signup = find_request(ctx, request).await?;
    let now = ctx.now;
    if signup.status == SignupStatus::Received {
        let event = event(ctx, &staff, None, "signup.review", "opened for review");
        let change = StatusChange {
            status: SignupStatus::UnderReview,
            reason: "",
            patient_id: None,
            email: None,
            event: &event,
        };
        if store
            .change_signup_request(&signup.reference, &change, now)
            .await?
        {
            signup.status = SignupStatus::UnderReview;
        }
    }
    let shown = candidates(
        ctx,
        &as_submission(&signup),
        &signup.email,
        signup.patient_id,
        MAX_CANDIDATES,
    )
    .await?;
    Ok(SignupReview {
        item: item(&signup, now),
        submitted: submitted_fields(&signup),
        candidates: shown,
        open: signup.status.is_open(),
        reason: signup.status_reason.clone(),
    })
}

/// The records closest to what a person submitted, each field beside
/// theirs as matching judged it: the `proposed` one first, then by grade
/// and score (ties by record age), at most `max`.
async fn candidates(
    ctx: &Caller,
    submission: &matching::Person,
    email: &str,
    proposed: Option<PatientId>,
    max: usize,
) -> Result<Vec<Candidate>, AppError> {
    let store = &ctx.state.store;
    let born = submission.date_of_birth.map(Date::iso).unwrap_or_default();
    let patients = store
        .candidate_patients(&born, &submission.last_name, email)
        .await?;
    let ids: Vec<PatientId> = patients.iter().map(|p| p.id).collect();
    let other_names = store.other_names_of(&ids).await?;
    let records: Vec<matching::Person> = patients
        .iter()
        .zip(&other_names)
        .map(|(p, names)| record_match::as_person(p, names))
        .collect();
    let decision = matching::decide(submission, &records);
    let mut order: Vec<usize> = (0..patients.len()).collect();
    order.sort_by_key(|&i| {
        let a = &decision.assessments[i];
        (
            std::cmp::Reverse(Some(patients[i].id) == proposed),
            std::cmp::Reverse((a.grade, a.first_name.strength(), a.score)),
            patients[i].id,
        )
    });
    let mut shown = Vec::new();
    for i in order.into_iter().take(max) {
        let (patient, assessment) = (&patients[i], &decision.assessments[i]);
        shown.push(Candidate {
            patient_id: patient.id,
            mrn: patient.record.mrn.clone(),
            has_account: store.account_of(patient.id).await?.is_some(),
            has_email: patient
                .record
                .email
                .as_deref()
                .is_some_and(|e| !e.is_empty()),
            fields: compare(patient, assessment),
            grade: assessment.grade.map(|g| g.code().to_string()),
            proposed: Some(patient.id) == proposed,
            limits: assessment.limits.iter().map(|l| l.to_string()).collect(),
        });
    }
    Ok(shown)
}

fn submitted_fields(s: &SubmittedSignup) -> Vec<Field> {
    let field = Field::submitted;
    vec![
        field(
            "Name",
            join_name(&s.first_name, &s.middle_name, &s.last_name),
        ),
        field("Date of birth", written_date(&s.date_of_birth)),
        field("Legal sex", s.legal_sex.clone()),
        field(
            "Address",
            format!("{}, {}, {} {}", s.street, s.city, s.state, s.zip),
        ),
        field("Mobile phone", s.mobile_phone.clone()),
        field("Email", s.email.clone()),
    ]
}

/// What the person submitted, as matching compares it.
fn as_submission(s: &SubmittedSignup) -> matching::Person {
    matching::Person {
        first_name: s.first_name.clone(),
        middle_name: s.middle_name.clone(),
        last_name: s.last_name.clone(),
        other_names: Vec::new(),
        date_of_birth: Date::parse_iso(&s.date_of_birth),
        legal_sex: s.legal_sex.clone(),
        email: Some(s.email.clone()),
        phone: Some(s.mobile_phone.clone()),
        street: s.street.clone(),
        zip: s.zip.clone(),
    }
}

/// The record's fields, each marked as matching judged it: the same (after
/// normalisation: Road is Rd, Müller is Mueller), close (a nickname, an
/// initial, one part of a name), or differing.
fn compare(p: &Patient, a: &Assessment) -> Vec<Field> {
    let r = &p.record;
    let field = |label: &str, value: String, agreements: &[(&str, Agreement)]| {
        let same = agreements
            .iter()
            .all(|(_, a)| matches!(a, Agreement::Same | Agreement::Close | Agreement::Unknown))
            && agreements.iter().any(|(_, a)| *a != Agreement::Unknown);
        let note = agreements
            .iter()
            .filter_map(|(what, a)| {
                let word = match a {
                    Agreement::Same => return None,
                    Agreement::Close => "close",
                    Agreement::Weak => "similar",
                    Agreement::Unknown => "missing",
                    Agreement::Differs => "differs",
                };
                Some(if what.is_empty() {
                    word.to_string()
                } else {
                    format!("{what} {word}")
                })
            })
            .collect::<Vec<_>>()
            .join(", ");
        Field {
            label: label.into(),
            value,
            same,
            note,
        }
    };
    let mut name = vec![("first name", a.agreement(MatchField::FirstName))];
    if a.agreement(MatchField::MiddleName) != Agreement::Unknown {
        name.push(("middle name", a.agreement(MatchField::MiddleName)));
    }
    name.push(("last name", a.agreement(MatchField::LastName)));
    vec![
        field(
            "Name",
            join_name(&r.first_name, &r.middle_name, &r.last_name),
            &name,
        ),
        field(
            "Date of birth",
            written_date(&r.date_of_birth),
            &[("", a.agreement(MatchField::DateOfBirth))],
        ),
        field(
            "Legal sex",
            r.legal_sex.clone(),
            &[("", a.agreement(MatchField::LegalSex))],
        ),
        field(
            "Address",
            format!("{}, {}, {} {}", r.street, r.city, r.state, r.zip),
            &[("", a.agreement(MatchField::Address))],
        ),
        field(
            "Mobile phone",
            r.mobile_phone.clone().unwrap_or_default(),
            &[("", a.agreement(MatchField::Phone))],
        ),
        field(
            "Email",
            r.email.clone().unwrap_or_default(),
            &[("", a.agreement(MatchField::Email))],
        ),
    ]
}

fn join_name(first: &str, middle: &str, last: &str) -> String {
    [first, middle, last]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub async fn act(
    ctx: &Caller,
    request: &Reference,
    action: &QueueAction,
) -> Result<ActionDone, AppError> {
    let staff = require(ctx, Permission::WorkSignupQueue).await?;
    let signup = find_request(ctx, request).await?;
    if !signup.status.is_open() {
        return Err(already_closed());
    }
    let state = &ctx.state;
    let now = ctx.now;
    let (done, status, reason, patient_id, email, outcome) = match action {
        QueueAction::SendCode {
            patient_id,
            channel,
        } => {
            if *channel == Channel::Screen {
                return Err(AppError::invalid(
                    "channel",
                    "Send the code by email or by letter",
                ));
            }
            let patient = find_patient(ctx, *patient_id).await?;
            let issued = issue_for(ctx, &staff, &patient, *channel).await?;
            let by_mail = *channel == Channel::Letter;
            let email = templates::request_code_sent(
                &state.settings,
                To::new(&signup.email, [Some(signup.language)]),
                &signup.reference,
                by_mail,
            );
            let done = ActionDone {
                emailed_to: issued.emailed_to,
                letter: issued.letter,
            };
            let (status, outcome) = if by_mail {
                (SignupStatus::CodeSentByMail, "linked; code sent by letter")
            } else {
                (SignupStatus::CodeSentByEmail, "linked; code sent by email")
            };
            (
                done,
                status,
                String::new(),
                Some(patient.id),
                Some(email),
                outcome,
            )
        }
        QueueAction::Reject { reason } => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(AppError::invalid(
                    "reason",
                    "Enter the reason, as the person will read it",
                ));
            }
            if reason.chars().count() > MAX_REASON {
                return Err(AppError::invalid(
                    "reason",
                    format!("The reason must be {MAX_REASON} characters or fewer"),
                ));
            }
            let email = templates::request_closed(
                &state.settings,
                To::new(&signup.email, [Some(signup.language)]),
                &signup.reference,
                reason,
            );
            let done = ActionDone {
                emailed_to: None,
                letter: None,
            };
            (
                done,
                SignupStatus::Closed,
                reason.to_string(),
                None,
                Some(email),
                "rejected",
            )
        }
        QueueAction::Duplicate => {
            let done = ActionDone {
                emailed_to: None,
                letter: None,
            };
            let reason = "This request repeats an earlier one, which we are handling.".to_string();
            (
                done,
                SignupStatus::Closed,
                reason,
                None,
                None,
                "marked a duplicate",
            )
        }
    };
    let email = email.map(|e| state.mailer.stamp(e));
    let event = event(ctx, &staff, patient_id, "signup.queue", outcome);
    let change = StatusChange {
        status,
        reason: &reason,
        patient_id,
        email: email.as_ref(),
        event: &event,
    };
    if !state
        .store
        .change_signup_request(&signup.reference, &change, now)
        .await?
    {
        return Err(already_closed());
    }
    state.mailer.wake();
    Ok(done)
}

fn already_closed() -> AppError {
    AppError::BadRequest {
        message: "This request is closed already.".into(),
    }
}

async fn find_request(ctx: &Caller, request: &Reference) -> Result<SubmittedSignup, AppError> {
    within_bounds(request)?;
    let reference = format_reference(&normalize_symbols(&request.reference));
    ctx.state
        .store
        .signup_request(&reference)
        .await?
        .ok_or_else(|| AppError::BadRequest {
            message: "There is no request with that reference.".into(),
        })
}

fn event<'a>(
    ctx: &'a Caller,
    staff: &'a Staff,
    patient_id: Option<PatientId>,
    action: &'a str,
    outcome: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: &staff.actor,
        patient_id,
        action,
        outcome,
        client_addr: Some(&ctx.client),
    }
}

/// The records requests, each open one beside the records closest to it
/// (a person without an account is found by name, birth date, address and
/// phone, as a sign-up is).
pub async fn records(ctx: &Caller) -> Result<Vec<RecordsItem>, AppError> {
    require(ctx, Permission::WorkRecordsRequests).await?;
    let mut items = Vec::new();
    for r in ctx.state.store.records_requests_queue().await? {
        let submission = matching::Person {
            first_name: r.first_name.clone(),
            middle_name: r.middle_name.clone(),
            last_name: r.last_name.clone(),
            other_names: Vec::new(),
            date_of_birth: Date::parse_iso(&r.date_of_birth),
            legal_sex: String::new(),
            email: None,
            phone: Some(r.phone.clone()),
            street: r.street.clone(),
            zip: r.zip.clone(),
        };
        let candidates = if r.status == RecordsStatus::Completed {
            Vec::new()
        } else {
            candidates(ctx, &submission, "", None, RECORDS_CANDIDATES).await?
        };
        items.push(RecordsItem {
            name: join_name(&r.first_name, &r.middle_name, &r.last_name),
            date_of_birth: written_date(&r.date_of_birth),
            address: vec![
                r.street.clone(),
                format!("{}, {} {}", r.city, r.state, r.zip),
            ],
            phone: r.phone,
            records: r.records_wanted,
            dates: match (r.dates_from.is_empty(), r.dates_to.is_empty()) {
                (true, true) => "All dates".into(),
                _ => format!("{} to {}", r.dates_from, r.dates_to),
            },
            delivery: r.delivery,
            language: r.language.english_name().into(),
            received_on: Date::from_unix_seconds(r.created_at).to_string(),
            status: r.status.label().into(),
            state: r.status,
            reference: r.reference,
            candidates,
        });
    }
    Ok(items)
}

pub async fn set_records(
    ctx: &Caller,
    request: &Reference,
    status: RecordsStatus,
) -> Result<(), AppError> {
    let staff = require(ctx, Permission::WorkRecordsRequests).await?;
    within_bounds(request)?;
    let reference = format_reference(&normalize_symbols(&request.reference));
    let outcome = match status {
        RecordsStatus::Received => {
            return Err(AppError::invalid(
                "status",
                "A request cannot be marked received again",
            ));
        }
        RecordsStatus::InProgress => "marked in progress",
        RecordsStatus::Completed => "marked completed",
    };
    let event = event(ctx, &staff, None, "records.request", outcome);
    if ctx
        .state
        .store
        .set_records_request_status(&reference, status, &event, ctx.now)
        .await?
    {
        Ok(())
    } else {
        Err(AppError::BadRequest {
            message: "There is no request with that reference.".into(),
        })
    }
}
