use super::{CHECK_ANSWERS, CodeSignup, ENTER_CODE};
use crate::api::signup_code::check_new_login;
use crate::ui::components::{
    Checkbox, EmailField, NoEmail, Page, PasswordField, SubmitButton, TextField, redirect,
    submit_once,
};
use crate::ui::password_list::PasswordList;
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/signup/code/login`: username, password and email.
#[component]
pub fn CreateLoginPage() -> impl IntoView {
    let signup = CodeSignup::get();
    let Some(holder) = signup.holder.get_untracked() else {
        return redirect(ENTER_CODE);
    };
    let errors = signup.login_errors;
    let pending = RwSignal::new(false);
    let (username, email, password) = (signup.username, signup.email, signup.password);
    // Offer the email on the record.
    if email.with_untracked(String::is_empty) {
        email.set(holder.record_email.clone().unwrap_or_default());
    }
    // After a reload the password is gone (it is never stored): say why.
    let password_forgotten =
        !username.with_untracked(String::is_empty) && password.with_untracked(String::is_empty);
    // After the no-code flow, Back returns there.
    let verified = signup.verified_by_email.get_untracked();
    let back = if verified {
        "/signup/verify/check"
    } else {
        ENTER_CODE
    };
    let names = {
        let holder = holder.clone();
        Signal::stored(vec![
            holder.first_name,
            holder.middle_name,
            holder.last_name,
        ])
    };
    // A teen confirms the account is their own (the server checks it).
    let teen = holder.teen;
    let own_account_label = words::signup_login_own_account(&holder.first_name);
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let login = signup.login();
        let name_list = names.get_untracked();
        let name_refs: Vec<&str> = name_list.iter().map(String::as_str).collect();
        let problems = PasswordList::get().with(|common| login.problems(&name_refs, common));
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        let code = untrack(|| signup.entry());
        let navigate = navigate.clone();
        submit_once(pending, async move {
            match check_new_login(code, login).await {
                Ok(()) => {
                    errors.set(Vec::new());
                    navigate(CHECK_ANSWERS, Default::default());
                }
                Err(error) => signup.show_error(error, errors, &navigate),
            }
        });
    };
    view! {
        <Page heading=words::signup_login_heading() errors=errors back=back>
            <p class="body">{words::signup_login_intro(&holder.first_name)}</p>
            {password_forgotten.then(|| view! {
                <div class="inset-text">{words::signup_login_reloaded()}</div>
            })}
            <form novalidate on:submit=on_submit>
                <TextField
                    id="username"
                    label=words::signup_login_username()
                    hint=words::signup_login_username_hint()
                    value=username
                    errors=errors
                    autocomplete="username"
                    width="input--width-20"
                    verbatim=true
                />
                <PasswordField
                    id="password"
                    label=words::signup_login_password()
                    value=password
                    errors=errors
                    username=username
                    names=names
                />
                <EmailField
                    label=words::signup_login_email()
                    hint=words::signup_login_email_hint()
                    value=email
                    errors=errors
                />
                <NoEmail />
                {teen.then(|| view! {
                    <Checkbox
                        id="own_account"
                        label=own_account_label
                        value=signup.own_account
                        errors=errors
                    />
                })}
                <SubmitButton label=words::continue_button() pending=pending />
            </form>
        </Page>
    }
    .into_any()
}
