//! The help desk's queue of sign-up requests, worked by staff callers: who
//! may, what each action checks, and that a request closes once.

use super::harness::*;
use frontdesk::domain::staff::Role;
use frontdesk::domain::states::SignupStatus;
use frontdesk::server::staff::queue;
use frontdesk::server::{signup_status, signup_verify};
use frontdesk::shared::AppError;
use frontdesk::shared::signup_status::{RequestState, StatusLookup};
use frontdesk::shared::signup_verify::DetailsOutcome;
use frontdesk::shared::staff::patients::Channel;
use frontdesk::shared::staff::queue::{QueueAction, Reference};

/// A request from someone with no record: its reference.
async fn pending_request(services: &Services) -> String {
    let outcome = signup_verify::submit_details(&services.caller(), &stranger(), None)
        .await
        .unwrap();
    let DetailsOutcome::Pending(pending) = outcome else {
        panic!("no record matches: {outcome:?}");
    };
    pending.reference
}

fn field_of(result: Result<impl std::fmt::Debug, AppError>) -> String {
    match result {
        Err(AppError::Invalid { errors }) => errors[0].field.clone(),
        other => panic!("a field error: {other:?}"),
    }
}

#[tokio::test]
async fn only_the_help_desk_works_the_queue() {
    let services = Services::start(&[]).await;
    let reference = pending_request(&services).await;
    let request = Reference {
        reference: reference.clone(),
    };
    assert_eq!(
        queue::list(&services.caller()).await,
        Err(AppError::SignedOut)
    );
    let clinic = services.staff("clinic1", Role::Clinic).await;
    let clinic = services.staff_signed_in(&clinic);
    assert_eq!(queue::list(&clinic).await, Err(AppError::Forbidden));
    assert_eq!(
        queue::act(&clinic, &request, &QueueAction::Duplicate).await,
        Err(AppError::Forbidden)
    );
    // The refusal is audited; the request is untouched.
    assert_eq!(
        services
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.denied'")
            .await,
        2
    );
    let agent = services.staff("agent1", Role::Agent).await;
    let listed = queue::list(&services.staff_signed_in(&agent))
        .await
        .unwrap();
    let item = listed
        .iter()
        .find(|i| i.reference == reference)
        .expect("the request is in the queue");
    assert_eq!(item.state, SignupStatus::Received);
}

#[tokio::test]
async fn a_code_sent_from_the_queue_closes_the_request_once() {
    let services = Services::start(&[]).await;
    let reference = pending_request(&services).await;
    let request = Reference {
        reference: reference.clone(),
    };
    let agent = services.staff("agent1", Role::Agent).await;
    let agent = services.staff_signed_in(&agent);
    let maria = services.patient(ADULT_MRN).await;

    // Each action checks what it needs before anything changes.
    let on_screen = QueueAction::SendCode {
        patient_id: maria.id,
        channel: Channel::Screen,
    };
    assert_eq!(
        field_of(queue::act(&agent, &request, &on_screen).await),
        "channel"
    );
    let no_reason = QueueAction::Reject {
        reason: "   ".into(),
    };
    assert_eq!(
        field_of(queue::act(&agent, &request, &no_reason).await),
        "reason"
    );

    let by_email = QueueAction::SendCode {
        patient_id: maria.id,
        channel: Channel::Email,
    };
    let done = queue::act(&agent, &request, &by_email).await.unwrap();
    assert!(done.emailed_to.is_some(), "{done:?}");
    assert!(done.letter.is_none());
    let lookup = StatusLookup {
        reference: reference.clone(),
        dob: stranger().dob,
    };
    let status = signup_status::look_up_request(&services.caller(), &lookup)
        .await
        .unwrap();
    assert_eq!(
        status.state,
        RequestState::Signup(SignupStatus::CodeSentByEmail)
    );

    // Closed: a second action is refused and the queue no longer lists it.
    assert!(matches!(
        queue::act(&agent, &request, &QueueAction::Duplicate).await,
        Err(AppError::BadRequest { .. })
    ));
    let listed = queue::list(&agent).await.unwrap();
    assert!(listed.iter().all(|i| i.reference != reference));
    let linked: Option<frontdesk::domain::ids::PatientId> =
        sqlx::query_scalar("SELECT patient_id FROM signup_requests WHERE reference = $1")
            .bind(&reference)
            .fetch_one(services.state.store.pool())
            .await
            .unwrap();
    assert_eq!(linked, Some(maria.id));
    assert_eq!(
        services
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'signup.queue'")
            .await,
        1
    );
}
