//! "Sign up with an access code": enter the code → create your login → check
//! your answers → your account is ready, plus a page for each outcome that
//! stops the flow. Answers live in session storage so a reload keeps them;
//! the password never does, and the code is forgotten once used.

mod check_answers;
mod create_login;
mod enter_code;

pub use check_answers::CheckAnswersPage;
pub use create_login::CreateLoginPage;
pub use enter_code::EnterCodePage;

use crate::api::signup_code::{AccountCreated, CodeAndBirthDate, CodeHolder, NewLogin};
use crate::api::{AppError, FieldError};
use crate::domain::date::DateParts;
use crate::ui::components::help_desk_phone;
use crate::ui::dom;
use crate::ui::pages::code_outcomes::Outcome;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "frontdesk.signup.code";

pub const ENTER_CODE: &str = "/signup/code";
pub const CREATE_LOGIN: &str = "/signup/code/login";
pub const CHECK_ANSWERS: &str = "/signup/code/check";
/// "Your account is ready": in the account app, beside the sign-in page
/// its link leads to; the new account's details travel in session storage.
pub const ACCOUNT_READY: &str = "/signin/welcome";
pub const ACCOUNT_CREATED_KEY: &str = "frontdesk.account-created";

/// What has been typed and learned so far (kept across a reload).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    pub entry: CodeAndBirthDate,
    /// Set once the code and date of birth are accepted.
    pub holder: Option<CodeHolder>,
    pub username: String,
    pub email: String,
    /// A teen's confirmation that the account is their own.
    #[serde(default)]
    pub own_account: bool,
    /// Came from "Sign up without an access code": the code was made for
    /// them after they proved their email, so it is neither shown nor changed.
    #[serde(default)]
    pub verified_by_email: bool,
}

impl Answers {
    /// Writes answers for the sign-up app to read on its next load (the
    /// no-code flow hands over this way).
    pub fn store(answers: &Answers) {
        dom::save(STORAGE_KEY, answers);
    }
}

/// The wizard's state, shared by its pages: one signal per answer, bound
/// straight to the fields, and one effect that keeps them all in session
/// storage.
#[derive(Clone, Copy)]
pub struct CodeSignup {
    pub code: RwSignal<String>,
    pub dob: RwSignal<DateParts>,
    /// Set once the code and date of birth are accepted.
    pub holder: RwSignal<Option<CodeHolder>>,
    pub username: RwSignal<String>,
    pub email: RwSignal<String>,
    pub own_account: RwSignal<bool>,
    pub verified_by_email: RwSignal<bool>,
    /// In memory only: never written to storage.
    pub password: RwSignal<String>,
    /// Errors for each form page, so a later step can send the person back
    /// to the page where the answer is, with the problem shown.
    pub code_errors: RwSignal<Vec<FieldError>>,
    pub login_errors: RwSignal<Vec<FieldError>>,
}

impl CodeSignup {
    pub fn provide() {
        let a = dom::load::<Answers>(STORAGE_KEY).unwrap_or_default();
        let signup = CodeSignup {
            code: RwSignal::new(a.entry.code),
            dob: RwSignal::new(a.entry.dob),
            holder: RwSignal::new(a.holder),
            username: RwSignal::new(a.username),
            email: RwSignal::new(a.email),
            own_account: RwSignal::new(a.own_account),
            verified_by_email: RwSignal::new(a.verified_by_email),
            password: RwSignal::new(String::new()),
            code_errors: RwSignal::new(Vec::new()),
            login_errors: RwSignal::new(Vec::new()),
        };
        // Every keystroke is kept, so a reload loses nothing.
        Effect::new(move |_| dom::save(STORAGE_KEY, &signup.answers()));
        provide_context(signup);
    }

    /// The answers as stored (read reactively).
    fn answers(&self) -> Answers {
        Answers {
            entry: self.entry(),
            holder: self.holder.get(),
            username: self.username.get(),
            email: self.email.get(),
            own_account: self.own_account.get(),
            verified_by_email: self.verified_by_email.get(),
        }
    }

    /// The login as typed so far (read without tracking).
    pub fn login(&self) -> NewLogin {
        NewLogin {
            username: self.username.get_untracked(),
            password: self.password.get_untracked(),
            email: self.email.get_untracked(),
            own_account: self.own_account.get_untracked(),
        }
    }

    pub fn entry(&self) -> CodeAndBirthDate {
        CodeAndBirthDate {
            code: self.code.get(),
            dob: self.dob.get(),
        }
    }

    /// After the account is made: forget every answer (the code is used and
    /// the password set) but what the last page shows, kept for it.
    pub fn finish(&self, created: AccountCreated) {
        dom::save(ACCOUNT_CREATED_KEY, &created);
        self.code.set(String::new());
        self.dob.set(DateParts::default());
        self.holder.set(None);
        self.username.set(String::new());
        self.email.set(String::new());
        self.own_account.set(false);
        self.verified_by_email.set(false);
        self.password.set(String::new());
    }

    pub fn get() -> Self {
        expect_context()
    }

    /// Shows a failed step's error where it belongs: an outcome page, the
    /// page holding the field, or the current page's summary (`here`).
    pub fn show_error(
        &self,
        error: AppError,
        here: RwSignal<Vec<FieldError>>,
        navigate: &impl Fn(&str, NavigateOptions),
    ) {
        if let Some(address) = Outcome::address_for(&error) {
            dom::go_to(&address);
            return;
        }
        let AppError::Invalid { errors } = error else {
            here.set(vec![FieldError::new("", error.message(&help_desk_phone()))]);
            return;
        };
        let on_code_page = errors
            .iter()
            .any(|e| CodeAndBirthDate::FIELDS.contains(&e.field.as_str()));
        let (target, path) = if on_code_page {
            (self.code_errors, ENTER_CODE)
        } else {
            (self.login_errors, CREATE_LOGIN)
        };
        target.set(errors);
        if target != here {
            navigate(path, NavigateOptions::default());
        }
    }
}
