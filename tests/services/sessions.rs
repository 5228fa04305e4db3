//! Sessions as services see them: a token handed out, presented back, and
//! ended by time on the caller's clock.

use super::harness::*;
use frontdesk::server::signin;

#[tokio::test]
async fn a_session_lasts_while_it_is_used_and_ends_when_idle() {
    let mut services = Services::start(&[]).await;
    let token = services.enroll(ADULT_MRN, "maria.g").await;
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
