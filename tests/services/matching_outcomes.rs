//! What sign-up without a code does with each grade of match.

use super::harness::*;
use frontdesk::domain::date::DateParts;
use frontdesk::domain::ids::PatientId;
use frontdesk::server::signup_verify;
use frontdesk::shared::signup_verify::{DetailsOutcome, PersonalDetails};

/// The twins Jason and Mason Park of the demo data, as one of them types
/// his details.
async fn park(services: &Services, first: &str) -> PersonalDetails {
    let jason = services.patient("100011").await;
    assert_eq!(jason.record.first_name, "Jason");
    let r = &jason.record;
    let born = frontdesk::domain::date::Date::parse_iso(&r.date_of_birth).unwrap();
    PersonalDetails {
        first_name: first.into(),
        middle_name: String::new(),
        last_name: "Park".into(),
        dob: DateParts {
            month: born.month().to_string(),
            day: born.day().to_string(),
            year: born.year().to_string(),
        },
        legal_sex: "M".into(),
        street: r.street.clone(),
        city: r.city.clone(),
        state: r.state.clone(),
        zip: r.zip.clone(),
        mobile_phone: "(555) 555-0188".into(),
        email: "park.family@example.com".into(),
    }
}

async fn verification_emails(services: &Services) -> i64 {
    services
        .count(
            "SELECT COUNT(*) FROM outbox WHERE to_addr = 'park.family@example.com' \
             AND subject = 'Your patient portal verification code'",
        )
        .await
}

#[tokio::test]
async fn each_twin_is_sent_a_code_for_his_own_record_only() {
    let services = Services::start(&[]).await;
    for twin in ["Jason", "Mason"] {
        let outcome =
            signup_verify::submit_details(&services.caller(), &park(&services, twin).await, None)
                .await
                .expect("an answer");
        assert!(
            matches!(outcome, DetailsOutcome::EmailCodeSent { .. }),
            "{twin}: {outcome:?}"
        );
    }
    assert_eq!(verification_emails(&services).await, 2);
}

#[tokio::test]
async fn a_typo_between_twins_waits_for_the_help_desk() {
    let services = Services::start(&[]).await;
    // "Jasen": one letter from Jason, two from Mason.
    let outcome =
        signup_verify::submit_details(&services.caller(), &park(&services, "Jasen").await, None)
            .await
            .expect("an answer");
    let DetailsOutcome::Pending(pending) = outcome else {
        panic!("a typo must not be sent a code: {outcome:?}");
    };
    assert_eq!(verification_emails(&services).await, 0);
    let (proposed, reason): (Option<PatientId>, String) = sqlx::query_as(
        "SELECT patient_id, status_reason FROM signup_requests WHERE reference = $1",
    )
    .bind(&pending.reference)
    .fetch_one(services.state.store.pool())
    .await
    .unwrap();
    assert_eq!(proposed, Some(services.patient("100011").await.id));
    assert_eq!(
        reason,
        "probable match: the first name is one typo from the record's"
    );
}
