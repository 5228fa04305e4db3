use super::{CREATE_LOGIN, CodeSignup};
use crate::api::signup_code::verify_access_code;
use crate::domain::date::Date;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, SubmitButton, TextField, submit_once,
};
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
        <Page heading="Enter your access code" errors=errors back="/">
            <p class="body">
                "Your access code is in the letter or email you got from your clinic or the help desk."
            </p>
            <form novalidate on:submit=on_submit>
                <TextField
                    id="code"
                    label="Access code"
                    hint="15 letters and numbers, like 7KDM2‑Q9XRT‑4HFBW" // non-breaking hyphens: the example stays on one line
                    value=code
                    errors=errors
                    autocomplete="off"
                    width="input--width-20"
                    verbatim=true
                />
                <DateInput
                    id="dob"
                    legend="Date of birth"
                    hint="For example, 3 27 1984"
                    value=dob
                    errors=errors
                />
                <SubmitButton label="Continue" pending=pending />
            </form>
            <h2 class="heading-m">"Lost your code, or it expired?"</h2>
            <p class="body">
                <Link href="/signup/new-code">"Get a new access code"</Link>
                ", or call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."
            </p>
        </Page>
    }
}
