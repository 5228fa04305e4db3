//! Access codes and the limits around them, on the caller's clock.

use super::harness::*;
use frontdesk::domain::date::DateParts;
use frontdesk::server::signup_code;
use frontdesk::shared::AppError;
use frontdesk::shared::signup_code::CodeAndBirthDate;

fn wrong_dob() -> DateParts {
    DateParts {
        month: "1".into(),
        day: "1".into(),
        year: "1970".into(),
    }
}

#[tokio::test]
async fn a_code_works_for_its_patient_until_it_expires() {
    let mut services = Services::start(&[]).await;
    let code = issue(&services, ADULT_MRN, 14).await;
    let input = CodeAndBirthDate {
        code: code.clone(),
        dob: services.dob_of(ADULT_MRN).await,
    };
    let holder = signup_code::verify(&services.caller(), &input)
        .await
        .expect("the code works");
    assert_eq!(holder.first_name, "Maria");
    // Fourteen days and a second later, on the caller's clock alone.
    services.now += 14 * 86_400 + 1;
    match signup_code::verify(&services.caller(), &input).await {
        Err(AppError::CodeExpired { .. }) => {}
        other => panic!("expected the code to have expired: {other:?}"),
    }
}

#[tokio::test]
async fn the_fifth_wrong_birth_date_ends_the_code() {
    let services = Services::start(&[]).await;
    let code = issue(&services, ADULT_MRN, 14).await;
    let wrong = CodeAndBirthDate {
        code: code.clone(),
        dob: wrong_dob(),
    };
    // Each wrong try reads the same, the fifth too: nothing says how many
    // are left.
    for _ in 0..5 {
        match signup_code::verify(&services.caller(), &wrong).await {
            Err(AppError::Invalid { .. }) => {}
            other => panic!("expected a wrong date of birth: {other:?}"),
        }
    }
    let right = CodeAndBirthDate {
        code,
        dob: services.dob_of(ADULT_MRN).await,
    };
    assert!(matches!(
        signup_code::verify(&services.caller(), &right).await,
        Err(AppError::CodeVoided)
    ));
}

#[tokio::test]
async fn a_client_over_its_failure_limit_waits_for_the_window() {
    let mut services = Services::start(&["--client-failure-limit", "3"]).await;
    let wrong = |code: String| CodeAndBirthDate {
        code,
        dob: wrong_dob(),
    };
    // Three codes, one wrong try each, from one client.
    for mrn in ["100001", "100002", "100009"] {
        let code = issue(&services, mrn, 14).await;
        assert!(matches!(
            signup_code::verify(&services.caller(), &wrong(code)).await,
            Err(AppError::Invalid { .. })
        ));
    }
    let code = issue(&services, "100010", 14).await;
    assert!(matches!(
        signup_code::verify(&services.caller(), &wrong(code.clone())).await,
        Err(AppError::TooManyAttempts { .. })
    ));
    // Another client is not held back; this one is again after the window.
    assert!(matches!(
        signup_code::verify(&services.caller_from("198.51.100.4"), &wrong(code.clone())).await,
        Err(AppError::Invalid { .. })
    ));
    services.now += 15 * 60;
    assert!(matches!(
        signup_code::verify(&services.caller(), &wrong(code)).await,
        Err(AppError::Invalid { .. })
    ));
}
