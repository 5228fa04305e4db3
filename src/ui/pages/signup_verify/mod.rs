//! "Sign up without an access code": six question pages, check your
//! answers, then either the emailed code (and on to "Create your login" in
//! the sign-up app) or the page saying the request is being processed.
//! Answers live in session storage so a reload keeps them.

mod check_answers;
mod email_code;
mod questions;
mod start;

pub use check_answers::CheckDetailsPage;
pub use email_code::EmailCodePage;
pub use questions::QuestionPage;
pub use start::StartVerifyPage;

use crate::api::signup_verify::{DetailsStep, PendingRequest, PersonalDetails};
use crate::domain::date::Date;
use crate::ui::dom;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "frontdesk.signup.verify";

pub const START: &str = "/signup/verify";
pub const CHECK: &str = "/signup/verify/check";
pub const EMAIL_CODE: &str = "/signup/verify/code";
/// In the help app with the status pages (a full page load).
pub const PENDING: &str = "/signup/status/pending";
/// In the help app (a full page load), with the other pages for teens.
pub const TOO_YOUNG: &str = "/teen/too-young";

/// The page of each question.
pub fn step_path(step: DetailsStep) -> &'static str {
    match step {
        DetailsStep::Name => "/signup/verify/name",
        DetailsStep::DateOfBirth => "/signup/verify/date-of-birth",
        DetailsStep::LegalSex => "/signup/verify/legal-sex",
        DetailsStep::Address => "/signup/verify/address",
        DetailsStep::Phone => "/signup/verify/phone",
        DetailsStep::Email => "/signup/verify/email",
    }
}

/// What has been typed and learned so far (kept across a reload).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VerifyAnswers {
    pub details: PersonalDetails,
    /// Every question answered once: "Continue" goes back to the check page.
    pub reached_check: bool,
    /// Where the emailed code went, masked.
    pub masked_email: Option<String>,
    /// No new code went out (several did recently): minutes until one can.
    pub wait_minutes: Option<u32>,
    pub pending: Option<PendingRequest>,
}

#[derive(Clone, Copy)]
pub struct VerifySignup {
    pub answers: RwSignal<VerifyAnswers>,
    /// A server's errors about a question's fields, for that question's page.
    pub carried_errors: RwSignal<Vec<crate::api::FieldError>>,
}

impl VerifySignup {
    pub fn provide() {
        let answers = RwSignal::new(dom::load::<VerifyAnswers>(STORAGE_KEY).unwrap_or_default());
        Effect::new(move |_| answers.with(|a| dom::save(STORAGE_KEY, a)));
        provide_context(VerifySignup {
            answers,
            carried_errors: RwSignal::new(Vec::new()),
        });
    }

    pub fn get() -> Self {
        expect_context()
    }

    /// Where "Continue" leads from `step`.
    pub fn next_after(&self, step: DetailsStep) -> &'static str {
        if self.answers.with_untracked(|a| a.reached_check) {
            return CHECK;
        }
        let all = DetailsStep::ALL;
        let at = all.iter().position(|s| *s == step).unwrap_or(0);
        all.get(at + 1).map_or(CHECK, |next| step_path(*next))
    }

    /// The first question not answered well yet, if any.
    pub fn first_unanswered(&self) -> Option<DetailsStep> {
        self.answers.with_untracked(|a| {
            DetailsStep::ALL
                .into_iter()
                .find(|step| !a.details.step_problems(*step, Date::today()).is_empty())
        })
    }
}
