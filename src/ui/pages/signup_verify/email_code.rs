use super::{CHECK, VerifySignup};
use crate::api::AppError;
use crate::api::signup_code::CodeAndBirthDate;
use crate::api::signup_verify::check_email_code;
use crate::ui::components::{
    EmailCodeField, HelpDeskLink, Link, Page, SubmitButton, redirect, show_error, submit_checked_or,
};
use crate::ui::dom;
use crate::ui::pages::code_outcomes::Outcome;
use crate::ui::pages::signup_code::{Answers, CREATE_LOGIN};
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// `/signup/verify/code`: the six-digit code from the record's email. Then
/// on to "Create your login" in the sign-up app (a full page load; the
/// answers travel in session storage).
#[component]
pub fn EmailCodePage() -> impl IntoView {
    let signup = VerifySignup::get();
    let Some(masked_email) = signup.answers.with_untracked(|a| a.masked_email.clone()) else {
        return redirect(CHECK);
    };
    let wait_minutes = signup.answers.with_untracked(|a| a.wait_minutes);
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let details = signup.answers.with_untracked(|a| a.details.clone());
        let typed = code.get_untracked();
        let (dob, email) = (details.dob.clone(), details.email.trim().to_string());
        submit_checked_or(
            errors,
            pending,
            Vec::new(),
            check_email_code(details, typed),
            move |verified| {
                let answers = Answers {
                    entry: CodeAndBirthDate {
                        code: verified.access_code,
                        dob,
                    },
                    email,
                    holder: Some(verified.holder),
                    verified_by_email: true,
                    ..Default::default()
                };
                Answers::store(&answers);
                dom::go_to(CREATE_LOGIN);
            },
            // The record has an account already: sign in or recover.
            move |error| match error {
                AppError::AccountExists => dom::go_to(Outcome::AccountExists.path()),
                other => show_error(errors, other),
            },
        );
    };
    view! {
        <Page heading=words::verify_code_heading() title=words::verify_code_title() errors=errors back=CHECK>
            <p class="body">
                {match wait_minutes {
                    None => words::verify_code_sent(&masked_email),
                    Some(wait) => words::verify_code_not_resent(
                        &masked_email,
                        &if wait == 1 {
                            words::verify_code_wait_one_minute().to_string()
                        } else {
                            words::verify_code_wait_minutes(&wait.to_string())
                        },
                    ),
                }}
            </p>
            <form novalidate on:submit=on_submit>
                <EmailCodeField value=code errors=errors />
                <SubmitButton label=words::continue_button() pending=pending />
            </form>
            <details class="details">
                <summary class="details__summary">{words::verify_code_no_email()}</summary>
                <div class="details__text">
                    <p class="body">{words::verify_code_no_email_wait()}</p>
                    <p class="body">
                        {words::verify_code_you_can()}<Link href=CHECK>{words::verify_code_send_new()}</Link>
                        {words::verify_code_or_call()}<HelpDeskLink />{words::verify_code_call_hours()}
                    </p>
                </div>
            </details>
        </Page>
    }
    .into_any()
}
