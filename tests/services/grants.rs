//! Proxy access as the rules decide it, on the caller's clock: a parent's
//! access by law from the request, its scope as the child grows, and its
//! end at the child's majority in the child's state.

use super::harness::*;
use frontdesk::domain::date::Date;
use frontdesk::domain::states::Scope;
use frontdesk::server::{proxy, record_access, signin};
use frontdesk::shared::AppError;
use frontdesk::shared::proxy::{ProxyAnswer, ProxyRequestForm};

fn request_for_lily(dob: frontdesk::domain::date::DateParts) -> ProxyRequestForm {
    ProxyRequestForm {
        first_name: "Lily".into(),
        last_name: "Chen".into(),
        dob,
        relationship: "parent".into(),
        document_reference: String::new(),
        details: String::new(),
    }
}

#[tokio::test]
async fn a_parents_access_by_law_narrows_for_a_teen_and_ends_at_majority() {
    let mut services = Services::start(&[]).await;
    // Mei's confirmed email is the guardian contact on her daughter's record.
    let mei = services.enroll(PARENT_MRN, "mei.chen").await;
    let lily = services.patient(CHILD_MRN).await;
    let form = request_for_lily(services.dob_of(CHILD_MRN).await);
    let answer = proxy::request(&services.signed_in(&mei), &form)
        .await
        .expect("an answer");
    let ProxyAnswer::Granted { scope, .. } = answer else {
        panic!("a parent of a 9-year-old gets access by law: {answer:?}");
    };
    assert_eq!(scope, Scope::Full);
    let record = record_access::open_record(&services.signed_in(&mei), Some(lily.id))
        .await
        .expect("the child's record opens");
    assert_eq!(record.name, "Lily Chen");
    assert!(record.contact.is_some(), "a full view: {record:?}");

    // The day before Lily comes of age in her state, the grant still opens
    // her record, with the scope the state gives a teen's parent.
    let policy = &services.state.policy;
    let state = lily.record.state.as_str();
    let born = Date::parse_iso(&lily.record.date_of_birth).expect("a date of birth");
    let majority = policy.majority_on(born, state).value;
    let teen_scope = policy.row(state).parent_teen_scope;
    services.now = policy.start_of_day(majority, state) - 3_600;
    let mei = sign_in(&services, "mei.chen").await;
    let record = record_access::open_record(&services.signed_in(&mei), Some(lily.id))
        .await
        .expect("still in force the day before");
    assert_eq!(
        record.contact.is_some(),
        teen_scope == Scope::Full,
        "a teen's parent sees the {teen_scope:?} view in {state}: {record:?}"
    );

    // From the first hour of that day it is gone: not on the home page, and
    // the record does not open.
    services.now += 2 * 3_600;
    let mei = sign_in(&services, "mei.chen").await;
    let home = signin::home(&services.signed_in(&mei))
        .await
        .unwrap()
        .expect("signed in");
    assert_eq!(
        home.records.len(),
        1,
        "only her own record: {:?}",
        home.records
    );
    assert_eq!(
        record_access::open_record(&services.signed_in(&mei), Some(lily.id)).await,
        Err(AppError::Forbidden)
    );
}

#[tokio::test]
async fn a_parent_without_a_confirmed_matching_contact_is_reviewed_not_granted() {
    let services = Services::start(&[]).await;
    // Maria is not listed on Lily's record: the same answer as for anyone
    // unknown, a review with a reference, and no grant.
    let maria = services.enroll(ADULT_MRN, "maria.g").await;
    let form = request_for_lily(services.dob_of(CHILD_MRN).await);
    let answer = proxy::request(&services.signed_in(&maria), &form)
        .await
        .expect("an answer");
    assert!(
        matches!(answer, ProxyAnswer::Review { .. }),
        "not listed: {answer:?}"
    );
    assert_eq!(services.count("SELECT COUNT(*) FROM proxy_grants").await, 0);
}
