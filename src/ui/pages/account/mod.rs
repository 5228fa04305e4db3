//! The pages for people with an account, in two apps (so each first load
//! stays small): sign in, the old-portal notice and the signed-in home with
//! its settings (`account_app`); "Forgot login information" (`recover_app`).
//! The session itself is an `HttpOnly` cookie; what pages pass on lives in
//! memory, except a notice (and a username) for the next page, which may be
//! in the other app, kept in session storage until shown.

mod account_ready;
mod change_email;
mod change_password;
mod home;
mod old_portal;
mod recover;
mod signin;

pub use account_ready::AccountReadyPage;
pub use change_email::ChangeEmailPage;
pub use change_password::ChangePasswordPage;
pub use home::HomePage;
pub use old_portal::OldPortalPage;
pub use recover::{ForgotPasswordPage, ForgotUsernamePage, RecoverPage, ResetPasswordPage};
pub use signin::SignInPage;

use crate::api::signin::{HomeData, home};
use crate::api::{AppError, FieldError};
use crate::ui::components::{Page, TextField, show_error, submit_checked_or};
use crate::ui::dom;
use crate::ui::layout::rel_for;
use crate::words;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use std::future::Future;

pub const SIGN_IN: &str = "/signin";
pub const OLD_PORTAL: &str = "/signin/old-portal";
/// The same notice, for the recovery app.
pub const RECOVER_OLD_PORTAL: &str = "/recover/old-portal";
pub const HOME: &str = "/home";
/// Account settings: an app of their own (a full page load from the home
/// page), which keeps the password checks out of the sign-in page's load.
pub const CHANGE_PASSWORD: &str = "/account/password";
pub const CHANGE_EMAIL: &str = "/account/email";
pub const RECOVER: &str = "/recover";
pub const FORGOT_USERNAME: &str = "/recover/username";
pub const FORGOT_PASSWORD: &str = "/recover/password";
pub const RESET_PASSWORD: &str = "/recover/reset";

/// The router's navigate function, captured while a page is drawn (it cannot
/// be looked up later, from inside a server call's answer).
pub type Navigate = dyn Fn(&str, NavigateOptions);

use crate::ui::dom::NOTICE_KEY;
const USERNAME_KEY: &str = "frontdesk.account.username";

#[derive(Clone, Copy)]
pub struct AccountState {
    /// The old portal's name, from the sign-in or recovery that met one of
    /// its usernames.
    pub old_portal: RwSignal<Option<String>>,
    /// The signed-in person, once known.
    pub me: RwSignal<Option<HomeData>>,
    /// The username last typed: carried from "Forgot password" to the reset
    /// form, and from there to the sign-in form.
    pub username: RwSignal<String>,
}

/// Goes to `path`: by the router when it is in this app, else by a full
/// page load of the other app.
pub fn go(navigate: &Navigate, path: &str) {
    if rel_for(path).is_some() {
        dom::go_to(path);
    } else {
        navigate(path, NavigateOptions::default());
    }
}

impl AccountState {
    pub fn provide() {
        provide_context(AccountState {
            old_portal: RwSignal::new(None),
            me: RwSignal::new(None),
            username: RwSignal::new(dom::load(USERNAME_KEY).unwrap_or_default()),
        });
    }

    pub fn get() -> Self {
        expect_context()
    }

    /// Goes to `path`, which then shows `notice` once.
    pub fn go_with_notice(self, navigate: &Navigate, path: &str, notice: impl Into<String>) {
        dom::save(NOTICE_KEY, &notice.into());
        dom::save(USERNAME_KEY, &self.username.get_untracked());
        go(navigate, path);
    }

    /// The signed-in person no longer is: forget them and ask them to sign in.
    pub fn signed_out(self, navigate: &Navigate, notice: &str) {
        self.me.set(None);
        self.username.set(String::new());
        self.go_with_notice(navigate, SIGN_IN, notice);
    }

    /// A server's answer to a signed-in form: a lost session goes to sign
    /// in; anything else shows in the page's error summary.
    pub fn show_error(
        self,
        navigate: &Navigate,
        errors: RwSignal<Vec<FieldError>>,
        error: AppError,
    ) {
        if error == AppError::SignedOut {
            self.signed_out(navigate, words::home_session_ended());
        } else {
            show_error(errors, error);
        }
    }

    /// `submit_checked` for the signed-in pages: shows `problems` if any;
    /// else sends `call` once and passes its answer to `done`. A lost
    /// session goes to sign in.
    pub fn submit<T: 'static>(
        self,
        navigate: impl Fn(&str, NavigateOptions) + 'static,
        errors: RwSignal<Vec<FieldError>>,
        pending: RwSignal<bool>,
        problems: Vec<FieldError>,
        call: impl Future<Output = Result<T, AppError>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        submit_checked_or(errors, pending, problems, call, done, move |error| {
            self.show_error(&navigate, errors, error)
        });
    }
}

/// The notice left for this page, shown once.
#[component]
pub fn Notice() -> impl IntoView {
    let message = dom::load::<String>(NOTICE_KEY);
    dom::forget(NOTICE_KEY);
    message.map(|message| {
        view! {
            <div class="notice" role="status">
                <p class="body">{message}</p>
            </div>
        }
    })
}

/// A page for the signed-in person: `page` is drawn with their details,
/// fetched first when not yet known. Anyone not signed in goes to sign in.
pub fn signed_in(page: impl Fn(HomeData) -> AnyView + Send + Sync + 'static) -> AnyView {
    let state = AccountState::get();
    let navigate = use_navigate();
    let loaded = RwSignal::new(state.me.get_untracked().map(Ok::<_, AppError>));
    if loaded.with_untracked(Option::is_none) {
        leptos::task::spawn_local(async move {
            match home().await {
                Ok(Some(me)) => {
                    state.me.set(Some(me.clone()));
                    loaded.set(Some(Ok(me)));
                }
                Ok(None) => {
                    dom::come_back_here_after_sign_in();
                    state.signed_out(&navigate, words::home_sign_in_to_see());
                }
                Err(error) => loaded.set(Some(Err(error))),
            }
        });
    }
    (move || match loaded.get() {
        None => ().into_any(),
        Some(Ok(me)) => page(me),
        Some(Err(error)) => {
            let message = error.message(&crate::ui::components::help_desk_phone());
            view! {
                <Page heading=words::home_could_not_open()>
                    <p class="body">{message}</p>
                </Page>
            }
            .into_any()
        }
    })
    .into_any()
}

/// The username of an existing account, to sign in or recover it.
#[component]
pub fn UsernameField(value: RwSignal<String>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <TextField
            id="username"
            label=words::signin_username()
            value=value
            errors=errors
            autocomplete="username"
            width="input--width-20"
            verbatim=true
        />
    }
}
