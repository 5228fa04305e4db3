use super::{CREATE_LOGIN, CodeSignup};
use crate::api::signup_code::verify_access_code;
use crate::domain::date::Date;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, SubmitButton, TextField, submit_once,
};
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/signup/code`: the access code and date of birth.
#[component]
pub fn EnterCodePage() -> impl IntoView {
    let signup = CodeSignup::get();
    let errors = signup.code_errors;
    let pending = RwSignal::new(false);
    let (code, dob) = (signup.code, signup.dob);
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let entry = untrack(|| signup.entry());
        let problems = entry.problems(Date::today());
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        let navigate = navigate.clone();
        submit_once(pending, async move {
            match verify_access_code(entry).await {
                Ok(holder) => {
                    errors.set(Vec::new());
                    signup.holder.set(Some(holder));
                    navigate(CREATE_LOGIN, Default::default());
                }
                Err(error) => signup.show_error(error, errors, &navigate),
            }
        });
    };
    view! {
        <Page heading=words::signup_code_heading() errors=errors back="/">
            <p class="body">{words::signup_code_intro()}</p>
            <form novalidate on:submit=on_submit>
                <TextField
                    id="code"
                    label=words::signup_code_label()
                    hint=words::signup_code_hint()
                    value=code
                    errors=errors
                    autocomplete="off"
                    width="input--width-20"
                    verbatim=true
                />
                <DateInput
                    id="dob"
                    legend=words::signup_code_dob()
                    hint=words::verify_dob_hint()
                    value=dob
                    errors=errors
                />
                <SubmitButton label=words::continue_button() pending=pending />
            </form>
            <h2 class="heading-m">{words::signup_code_lost_heading()}</h2>
            <p class="body">
                <Link href="/signup/new-code">{words::signup_code_lost_link()}</Link>
                {words::signup_code_lost_call()}<HelpDeskLink />{words::signup_code_lost_hours()}
            </p>
        </Page>
    }
}
