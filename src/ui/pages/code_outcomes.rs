//! The outcomes that stop the access-code sign-up, one page each (in the
//! help app: the sign-up app only links here). Each says what happened and
//! what to do next; the expiry date comes in the address (`?on=2026-11-01`,
//! shown only when it is a real date), so a page opened directly still makes
//! sense without it.

use super::signup_code::ENTER_CODE;
use crate::api::AppError;
use crate::domain::date::Date;
use crate::ui::components::{HelpDeskLink, Link, Page};
use crate::words;
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
            Outcome::Expired => words::outcome_expired_heading(),
            Outcome::Used => words::outcome_used_heading(),
            Outcome::Ended => words::outcome_ended_heading(),
            Outcome::AccountExists => words::outcome_account_exists_heading(),
        }
    }

    fn explanation(self, expired_on: Option<String>) -> String {
        match (self, expired_on) {
            (Outcome::Expired, Some(date)) => words::outcome_expired_on(&date),
            (Outcome::Expired, None) => words::outcome_expired().into(),
            (Outcome::Used, _) => words::outcome_used().into(),
            (Outcome::Ended, _) => words::outcome_ended().into(),
            (Outcome::AccountExists, _) => words::outcome_account_exists().into(),
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
            <h2 class="heading-m">{words::outcome_new_code_heading()}</h2>
            <p class="body">
                <Link href="/signup/new-code">{words::outcome_new_code_link()}</Link>
                {words::outcome_new_code()}<HelpDeskLink />{words::outcome_new_code_hours()}
            </p>
            <p class="body"><Link href=ENTER_CODE>{words::outcome_other_code()}</Link></p>
        }
        .into_any()
    } else {
        view! {
            <p class="body">
                <Link href="/signin">{words::outcome_sign_in_link()}</Link>
                {words::outcome_sign_in()}
                <Link href="/recover">{words::outcome_forgot_link()}</Link>
                {words::outcome_forgot_after()}
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
