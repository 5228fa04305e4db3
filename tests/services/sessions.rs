//! Sessions as services see them: a token handed out, presented back, and
//! ended by time on the caller's clock.

use super::harness::*;
use frontdesk::server::{signin, signup_code};
use frontdesk::shared::signin::Credentials;
use frontdesk::shared::signup_code::{CodeAndBirthDate, NewLogin};

const PASSWORD: &str = "correct horse battery staple 42";

#[tokio::test]
async fn a_session_lasts_while_it_is_used_and_ends_when_idle() {
    let mut services = Services::start(&[]).await;
    let code = issue(&services, ADULT_MRN, 14).await;
    let input = CodeAndBirthDate {
        code,
        dob: services.dob_of(ADULT_MRN).await,
    };
    let login = NewLogin {
        username: "maria.g".into(),
        password: PASSWORD.into(),
        // The record's own address: confirmed by the code having gone there.
        email: services
            .patient(ADULT_MRN)
            .await
            .record
            .email
            .expect("an email on the record"),
        own_account: false,
    };
    signup_code::create_account(&services.caller(), &input, &login)
        .await
        .expect("an account");

    let signing_in = services.caller();
    let credentials = Credentials {
        username: "maria.g".into(),
        password: PASSWORD.into(),
    };
    signin::sign_in(&signing_in, &credentials)
        .await
        .expect("signed in");
    let token = started_session(&signing_in).expect("a session token");
    let home = signin::home(&services.signed_in(&token)).await.unwrap();
    assert_eq!(home.expect("signed in").username, "maria.g");

    // A day without a request ends it (the idle limit is shorter).
    services.now += 86_400;
    assert!(
        signin::home(&services.signed_in(&token))
            .await
            .unwrap()
            .is_none()
    );
}
