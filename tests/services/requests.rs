//! Sign-up requests waiting for the help desk, and what their status page says.

use super::harness::*;
use frontdesk::domain::date::DateParts;
use frontdesk::domain::states::SignupStatus;
use frontdesk::server::{signup_status, signup_verify};
use frontdesk::shared::signup_status::StatusLookup;
use frontdesk::shared::signup_verify::{DetailsOutcome, PersonalDetails};

fn stranger() -> PersonalDetails {
    PersonalDetails {
        first_name: "Pat".into(),
        middle_name: String::new(),
        last_name: "Nobody".into(),
        dob: DateParts {
            month: "7".into(),
            day: "4".into(),
            year: "1976".into(),
        },
        legal_sex: "X".into(),
        street: "1 Elm St".into(),
        city: "Albany".into(),
        state: "NY".into(),
        zip: "12207".into(),
        mobile_phone: "(555) 555-0177".into(),
        email: "pat.nobody@example.com".into(),
    }
}

#[tokio::test]
async fn a_request_is_overdue_only_after_its_promised_day() {
    let mut services = Services::start(&[]).await;
    let outcome = signup_verify::submit_details(&services.caller(), &stranger())
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
    assert_eq!(status.state, SignupStatus::Received);
    assert!(!status.overdue);
    // The promise is seven days; a week and a day later it is overdue.
    services.now += 8 * 86_400;
    let status = signup_status::look_up_request(&services.caller(), &lookup)
        .await
        .unwrap();
    assert!(status.overdue, "{status:?}");
}
