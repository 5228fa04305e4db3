//! "Forgot login information": a username reminder, and a password reset by
//! a one-time code sent to the account's email. The pages read the same
//! whether or not the details matched an account.

use super::{
    AccountState, FORGOT_PASSWORD, FORGOT_USERNAME, Notice, RECOVER_OLD_PORTAL, RESET_PASSWORD,
    SIGN_IN, UsernameField,
};
use crate::api::recovery::{
    NewPasswordWithCode, PasswordResetRequest, RecoveryOutcome, UsernameReminder, remind_username,
    reset_password, send_reset_code,
};
use crate::domain::date::Date;
use crate::ui::components::{
    DateInput, EmailField, HelpDeskLink, Link, Page, PasswordField, SubmitButton, TextField,
    submit_checked,
};
use crate::ui::password_list::PasswordList;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/recover`: the two paths, and what to do when both are forgotten.
#[component]
pub fn RecoverPage() -> impl IntoView {
    view! {
        <Page heading="Forgot your username or password?" back=SIGN_IN>
            <p class="body">"We will send an email to the address on your account."</p>
            <ul class="list list--bullet">
                <li><Link href=FORGOT_USERNAME>"I forgot my username"</Link></li>
                <li><Link href=FORGOT_PASSWORD>"I forgot my password"</Link></li>
            </ul>
            <h2 class="heading-m">"Forgot both?"</h2>
            <p class="body">
                "Start with your username: we will email it to you. Then use it to reset your password."
            </p>
            <p class="body">
                "If you no longer use the email address on your account, call the help desk at "
                <HelpDeskLink />", 24 hours a day, 7 days a week."
            </p>
        </Page>
    }
}

/// `/recover/username`: email address and date of birth.
#[component]
pub fn ForgotUsernamePage() -> impl IntoView {
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let email = RwSignal::new(String::new());
    let dob = RwSignal::new(Default::default());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let request = UsernameReminder {
            email: email.get_untracked(),
            dob: dob.get_untracked(),
        };
        let problems = request.problems(Date::today());
        submit_checked(
            errors,
            pending,
            problems,
            remind_username(request),
            move |()| sent.set(true),
        );
    };
    move || {
        if sent.get() {
            return view! {
                <Page heading="Check your email" title="Check your email – forgotten username">
                    <p class="body">
                        "If the details match an account, we have sent an email with your username to the \
                         address on file. It can take a few minutes to arrive."
                    </p>
                    <p class="body">
                        "If nothing arrives, check your spam or junk folder, or call the help desk at "
                        <HelpDeskLink />"."
                    </p>
                    <ul class="list list--bullet">
                        <li><Link href=SIGN_IN>"Sign in"</Link></li>
                        <li><Link href=FORGOT_PASSWORD>"Reset your password"</Link></li>
                    </ul>
                </Page>
            }
            .into_any();
        }
        view! {
            <Page heading="Get your username" errors=errors back=super::RECOVER>
                <p class="body">"We will email your username to the address on your account."</p>
                <form novalidate on:submit=on_submit>
                    <EmailField
                        label="Email address"
                        hint="The one you used for your portal account"
                        value=email
                        errors=errors
                    />
                    <DateInput id="dob" legend="Date of birth" hint="For example, 3 27 1984" value=dob errors=errors />
                    <SubmitButton label="Send my username" pending=pending />
                </form>
            </Page>
        }
        .into_any()
    }
}

/// `/recover/password`: the username; a code goes to the account's email.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let state = AccountState::get();
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let username = state.username;
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let request = PasswordResetRequest {
            username: username.get_untracked(),
        };
        let problems = request.problems();
        let navigate = navigate.clone();
        submit_checked(
            errors,
            pending,
            problems,
            send_reset_code(request),
            move |outcome| match outcome {
                RecoveryOutcome::EmailSent => navigate(RESET_PASSWORD, Default::default()),
                RecoveryOutcome::OldPortalUsername { portal_name } => {
                    state.old_portal.set(Some(portal_name));
                    navigate(RECOVER_OLD_PORTAL, Default::default());
                }
            },
        );
    };
    view! {
        <Page heading="Reset your password" errors=errors back=super::RECOVER>
            <Notice />
            <p class="body">"We will email a code to the address on your account. With it you can choose a new password."</p>
            <form novalidate on:submit=on_submit>
                <UsernameField value=username errors=errors />
                <SubmitButton label="Send a code" pending=pending />
            </form>
            <p class="body">
                "Forgot your username too? "<Link href=FORGOT_USERNAME>"Get your username first"</Link>"."
            </p>
        </Page>
    }
}

/// `/recover/reset`: the emailed code and a new password. Afterwards the
/// person signs in with it (every session of the account has ended).
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let state = AccountState::get();
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let username = state.username;
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let request = NewPasswordWithCode {
            username: username.get_untracked(),
            code: code.get_untracked(),
            password: password.get_untracked(),
        };
        let problems = PasswordList::get().with(|common| request.problems(common));
        let navigate = navigate.clone();
        submit_checked(
            errors,
            pending,
            problems,
            reset_password(request),
            move |()| {
                password.set(String::new());
                state.go_with_notice(
                &navigate,
                SIGN_IN,
                "Your password has been reset, and you have been signed out everywhere. Sign in \
                 with your new password.",
            );
            },
        );
    };
    view! {
        <Page heading="Check your email" title="Check your email – reset your password" errors=errors back=FORGOT_PASSWORD>
            <p class="body">
                "If the username matches an account, we have sent an email with a code to the address on \
                 file. The code works for 15 minutes."
            </p>
            <form novalidate on:submit=on_submit>
                <UsernameField value=username errors=errors />
                <TextField
                    id="code"
                    label="Code from the email"
                    hint="8 letters and numbers, for example 7KDM-2Q9X"
                    value=code
                    errors=errors
                    autocomplete="one-time-code"
                    width="input--width-10"
                    verbatim=true
                />
                <PasswordField
                    id="password"
                    label="New password"
                    value=password
                    errors=errors
                    username=username
                    names=Signal::stored(Vec::new())
                />
                <SubmitButton label="Reset password" pending=pending />
            </form>
            <details class="details">
                <summary class="details__summary">"I did not get the email"</summary>
                <div class="details__text">
                    <p class="body">
                        "It can take a few minutes. Check your spam or junk folder. You can "
                        <Link href=FORGOT_PASSWORD>"send a new code"</Link>
                        " (the last code sent is the one that works), or call the help desk at "
                        <HelpDeskLink />", 24 hours a day, 7 days a week."
                    </p>
                </div>
            </details>
        </Page>
    }
}
