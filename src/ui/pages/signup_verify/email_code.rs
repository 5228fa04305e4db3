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
        <Page heading="Check your email" title="Check your email – sign up without a code" errors=errors back=CHECK>
            <p class="body">
                {match wait_minutes {
                    None => format!(
                        "We sent a 6-digit code to {masked_email}, the email address on your medical \
                         record. It works for 10 minutes."
                    ),
                    Some(wait) => format!(
                        "We sent codes to {masked_email}, the email address on your medical record, \
                         several times in the last hour, so we did not send another. Use the code in \
                         the latest email: it works for 10 minutes after it was sent. You can ask for a \
                         new code in {wait} {}.",
                        if wait == 1 { "minute" } else { "minutes" }
                    ),
                }}
            </p>
            <form novalidate on:submit=on_submit>
                <EmailCodeField value=code errors=errors />
                <SubmitButton label="Continue" pending=pending />
            </form>
            <details class="details">
                <summary class="details__summary">"I did not get the email"</summary>
                <div class="details__text">
                    <p class="body">"It can take a few minutes. Check your spam or junk folder."</p>
                    <p class="body">
                        "You can "<Link href=CHECK>"send a new code"</Link>
                        ", or call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."
                    </p>
                </div>
            </details>
        </Page>
    }
    .into_any()
}
