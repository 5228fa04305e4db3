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
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/recover`: the two paths, and what to do when both are forgotten.
#[component]
pub fn RecoverPage() -> impl IntoView {
    view! {
        <Page heading=words::recover_heading() back=SIGN_IN>
            <p class="body">{words::recover_intro()}</p>
            <ul class="list list--bullet">
                <li><Link href=FORGOT_USERNAME>{words::recover_forgot_username()}</Link></li>
                <li><Link href=FORGOT_PASSWORD>{words::recover_forgot_password()}</Link></li>
            </ul>
            <h2 class="heading-m">{words::recover_both_heading()}</h2>
            <p class="body">
                {words::recover_both()}
            </p>
            <p class="body">
                {words::recover_no_email()}
                <HelpDeskLink />{words::footer_hours()}
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
                <Page heading=words::recover_check_email() title=words::recover_username_sent_title()>
                    <p class="body">
                        {words::recover_username_sent()}
                    </p>
                    <p class="body">
                        {words::recover_nothing_arrives()}
                        <HelpDeskLink />"."
                    </p>
                    <ul class="list list--bullet">
                        <li><Link href=SIGN_IN>{words::recover_sign_in()}</Link></li>
                        <li><Link href=FORGOT_PASSWORD>{words::recover_reset_link()}</Link></li>
                    </ul>
                </Page>
            }
            .into_any();
        }
        view! {
            <Page heading=words::recover_username_heading() errors=errors back=super::RECOVER>
                <p class="body">{words::recover_username_intro()}</p>
                <form novalidate on:submit=on_submit>
                    <EmailField
                        label=words::recover_email()
                        hint=words::recover_email_hint()
                        value=email
                        errors=errors
                    />
                    <DateInput id="dob" legend=words::recover_dob() hint=words::recover_dob_hint() value=dob errors=errors />
                    <SubmitButton label=words::recover_username_send() pending=pending />
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
        <Page heading=words::recover_password_heading() errors=errors back=super::RECOVER>
            <Notice />
            <p class="body">{words::recover_password_intro()}</p>
            <form novalidate on:submit=on_submit>
                <UsernameField value=username errors=errors />
                <SubmitButton label=words::recover_password_send() pending=pending />
            </form>
            <p class="body">
                {words::recover_username_too()}<Link href=FORGOT_USERNAME>{words::recover_username_first()}</Link>"."
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
                state.go_with_notice(&navigate, SIGN_IN, words::recover_reset_done());
            },
        );
    };
    view! {
        <Page heading=words::recover_check_email() title=words::recover_reset_title() errors=errors back=FORGOT_PASSWORD>
            <p class="body">
                {words::recover_reset_sent()}
            </p>
            <form novalidate on:submit=on_submit>
                <UsernameField value=username errors=errors />
                <TextField
                    id="code"
                    label=words::recover_code()
                    hint=words::recover_code_hint()
                    value=code
                    errors=errors
                    autocomplete="one-time-code"
                    width="input--width-10"
                    verbatim=true
                />
                <PasswordField
                    id="password"
                    label=words::recover_new_password()
                    value=password
                    errors=errors
                    username=username
                    names=Signal::stored(Vec::new())
                />
                <SubmitButton label=words::recover_reset_button() pending=pending />
            </form>
            <details class="details">
                <summary class="details__summary">{words::recover_not_got()}</summary>
                <div class="details__text">
                    <p class="body">
                        {words::recover_not_got_before()}
                        <Link href=FORGOT_PASSWORD>{words::recover_send_new_code()}</Link>
                        {words::recover_not_got_after()}
                        <HelpDeskLink />{words::footer_hours()}
                    </p>
                </div>
            </details>
        </Page>
    }
}
