//! Pages for the outcomes that stop the flow. Each says what happened and
//! what to do next; details (such as the expiry date) come from the wizard's
//! state, so a page opened directly still makes sense without them.

use super::{CodeSignup, ENTER_CODE};
use crate::api::AppError;
use crate::ui::components::{HelpDeskLink, Page};
use leptos::prelude::*;

pub const EXPIRED: &str = "/signup/code/expired";
pub const USED: &str = "/signup/code/used";
pub const ENDED: &str = "/signup/code/ended";
pub const ACCOUNT_EXISTS: &str = "/signup/code/account-exists";

#[component]
fn NewCodeHelp() -> impl IntoView {
    view! {
        <h2 class="heading-m">"Get a new access code"</h2>
        <p class="body">
            "Call the help desk at "<HelpDeskLink />", open 24 hours a day, 7 days a week. "
            "They can send a new code by email or mail, or read it to you over the phone."
        </p>
        <p class="body"><a href=ENTER_CODE class="link">"Enter a different access code"</a></p>
    }
}

#[component]
fn LoginHelp() -> impl IntoView {
    view! {
        <p class="body">"Sign in to the patient portal with the username and password you chose."</p>
        <p class="body">
            "If you forgot your username or password, call the help desk at "<HelpDeskLink />
            ", 24 hours a day, 7 days a week."
        </p>
    }
}

/// The code expired (said only when the date of birth matched).
#[component]
pub fn CodeExpiredPage() -> impl IntoView {
    let expired_on = CodeSignup::get()
        .answers
        .with_untracked(|a| match &a.outcome {
            Some(AppError::CodeExpired { expired_on }) => Some(expired_on.clone()),
            _ => None,
        });
    view! {
        <Page heading="Your access code has expired" back=ENTER_CODE>
            <p class="body">
                {match expired_on {
                    Some(date) => format!("The access code you entered expired on {date}."),
                    None => "The access code you entered has expired.".to_string(),
                }}
                " Codes work for a limited time to keep your account safe."
            </p>
            <NewCodeHelp />
        </Page>
    }
}

/// The code was already used to create an account.
#[component]
pub fn CodeUsedPage() -> impl IntoView {
    view! {
        <Page heading="This access code has already been used" back=ENTER_CODE>
            <p class="body">"An account has already been created with this access code. Each code works once."</p>
            <LoginHelp />
        </Page>
    }
}

/// The patient already has an account (made with another code).
#[component]
pub fn AccountExistsPage() -> impl IntoView {
    view! {
        <Page heading="You already have a portal account" back=ENTER_CODE>
            <p class="body">"There is already a patient portal account for you, so you do not need a new one."</p>
            <LoginHelp />
        </Page>
    }
}

/// The code was ended: too many wrong tries, or a newer code replaced it.
#[component]
pub fn CodeEndedPage() -> impl IntoView {
    view! {
        <Page heading="This access code can no longer be used" back=ENTER_CODE>
            <p class="body">
                "A code stops working when it is entered with the wrong date of birth too many times, \
                 or when a newer code is sent to you."
            </p>
            <NewCodeHelp />
        </Page>
    }
}
