//! Sign-up requests waiting for the help desk, and what their status page says.

use super::harness::*;
use frontdesk::domain::states::SignupStatus;
use frontdesk::server::{signup_status, signup_verify};
use frontdesk::shared::signup_status::{RequestState, StatusLookup};
use frontdesk::shared::signup_verify::DetailsOutcome;

#[tokio::test]
async fn a_request_is_overdue_only_after_its_promised_day() {
    let mut services = Services::start(&[]).await;
    let outcome = signup_verify::submit_details(&services.caller(), &stranger(), None)
        .await
        .unwrap();
    let DetailsOutcome::Pending(pending) = outcome else {
        panic!("no record matches: {outcome:?}");
    };
    let lookup = StatusLookup {
        reference: pending.reference.clone(),
        dob: stranger().dob,
    };
    let status = signup_status::look_up_request(&services.caller(), &lookup)
        .await
        .unwrap();
    assert_eq!(status.state, RequestState::Signup(SignupStatus::Received));
    assert!(!status.overdue);
    // The promise is seven days; a week and a day later it is overdue.
    services.now += 8 * 86_400;
    let status = signup_status::look_up_request(&services.caller(), &lookup)
        .await
        .unwrap();
    assert!(status.overdue, "{status:?}");
}
