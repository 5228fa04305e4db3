//! The outcomes that stop the access-code sign-up, one page each (in the
//! help app: the sign-up app only links here). Each says what happened and
//! what to do next; the expiry date comes in the address (`?on=2026-11-01`,
//! shown only when it is a real date), so a page opened directly still makes
//! sense without it.

use super::signup_code::ENTER_CODE;
use crate::api::AppError;
use crate::domain::date::Date;
use crate::ui::components::{HelpDeskLink, Link, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The code expired (said only when the date of birth matched).
    Expired,
    /// The code was already used to create an account.
    Used,
    /// The code was ended: too many wrong tries, or a newer code replaced it.
    Ended,
    /// The patient already has an account (made with another code).
    AccountExists,
}

impl Outcome {
    pub fn for_error(error: &AppError) -> Option<Outcome> {
        match error {
            AppError::CodeExpired { .. } => Some(Outcome::Expired),
            AppError::CodeUsed => Some(Outcome::Used),
            AppError::CodeVoided => Some(Outcome::Ended),
            AppError::AccountExists => Some(Outcome::AccountExists),
            _ => None,
        }
    }

    /// Where the sign-up app sends the person for `error`, if it stops the
    /// flow (a full page load into the help app).
    pub fn address_for(error: &AppError) -> Option<String> {
        let path = Outcome::for_error(error)?.path();
        Some(match error {
            AppError::CodeExpired { expired_on } => format!("{path}?on={expired_on}"),
            _ => path.to_string(),
        })
    }

    pub fn path(self) -> &'static str {
        match self {
            Outcome::Expired => "/signup/code/expired",
            Outcome::Used => "/signup/code/used",
            Outcome::Ended => "/signup/code/ended",
            Outcome::AccountExists => "/signup/code/account-exists",
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Outcome::Expired => "Your access code has expired",
            Outcome::Used => "This access code has already been used",
            Outcome::Ended => "This access code can no longer be used",
            Outcome::AccountExists => "You already have a portal account",
        }
    }

    fn explanation(self, expired_on: Option<String>) -> String {
        match (self, expired_on) {
            (Outcome::Expired, Some(date)) => format!(
                "The access code you entered expired on {date}. Codes work for a limited time to \
                 keep your account safe."
            ),
            (Outcome::Expired, None) => {
                "The access code you entered has expired. Codes work for a \
                 limited time to keep your account safe."
                    .into()
            }
            (Outcome::Used, _) => {
                "An account has already been created with this access code. Each code works once."
                    .into()
            }
            (Outcome::Ended, _) => {
                "A code stops working when it is entered with the wrong date of \
                 birth too many times, or when a newer code is sent to you."
                    .into()
            }
            (Outcome::AccountExists, _) => {
                "There is already a patient portal account for you, so you do not need a new one."
                    .into()
            }
        }
    }

    /// Whether the way forward is a new code (or else signing in).
    fn needs_new_code(self) -> bool {
        matches!(self, Outcome::Expired | Outcome::Ended)
    }
}

/// The page for one outcome.
#[component]
pub fn OutcomePage(outcome: Outcome) -> impl IntoView {
    // Only a real date is shown: the address is anyone's to write.
    let expired_on = use_query_map()
        .with_untracked(|q| q.get("on"))
        .and_then(|on| Date::parse_iso(&on))
        .map(|day| day.to_string());
    let next = if outcome.needs_new_code() {
        view! {
            <h2 class="heading-m">"Get a new access code"</h2>
            <p class="body">
                <Link href="/signup/new-code">"Ask for a new access code"</Link>
                " and we will send it to the email address on your medical record, or call the help desk \
                 at "<HelpDeskLink />", open 24 hours a day, 7 days a week."
            </p>
            <p class="body"><Link href=ENTER_CODE>"Enter a different access code"</Link></p>
        }
        .into_any()
    } else {
        view! {
            <p class="body">
                <Link href="/signin">"Sign in"</Link>" with the username and password you chose, or "
                <Link href="/recover">"get help if you forgot them"</Link>"."
            </p>
        }
        .into_any()
    };
    view! {
        <Page heading=outcome.heading() back=ENTER_CODE>
            <p class="body">{outcome.explanation(expired_on)}</p>
            {next}
        </Page>
    }
}
