//! `/signup/new-code`: a new access code for a lost, expired or missing one.

use crate::api::SiteSettings;
use crate::api::new_code::{NewCodeRequest, request_new_code};
use crate::domain::date::Date;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, SubmitButton, TextField, submit_checked,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn NewCodePage() -> impl IntoView {
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let first_name = RwSignal::new(String::new());
    let last_name = RwSignal::new(String::new());
    let dob = RwSignal::new(Default::default());
    let contact = RwSignal::new(String::new());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let request = NewCodeRequest {
            first_name: first_name.get_untracked(),
            last_name: last_name.get_untracked(),
            dob: dob.get_untracked(),
            contact: contact.get_untracked(),
        };
        let problems = request.problems(Date::today());
        submit_checked(
            errors,
            pending,
            problems,
            request_new_code(request),
            move |()| sent.set(true),
        );
    };
    let promise_days = use_context::<SiteSettings>()
        .unwrap_or_default()
        .promise_days;
    move || {
        if sent.get() {
            return view! {
                <Page heading="Check your email">
                    <p class="body">
                        "If the details match our records, we have sent a new access code to the email \
                         address on your medical record. It can take a few minutes to arrive. Your old code \
                         no longer works."
                    </p>
                    <p class="body">
                        {format!(
                            "If your record has no email address, the help desk will mail a code to your home \
                             address within {promise_days} days."
                        )}
                    </p>
                    <p class="body">
                        "If nothing arrives, call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."
                    </p>
                    <p class="body">
                        <Link href="/signup/code">"Sign up with your access code"</Link>
                    </p>
                </Page>
            }
            .into_any();
        }
        view! {
            <Page heading="Get a new access code" errors=errors back="/signup/verify">
                <p class="body">
                    "If your code is lost, expired or never arrived, we will send a new one to the email \
                     address on your medical record."
                </p>
                <form novalidate on:submit=on_submit>
                    <TextField id="first_name" label="First name" value=first_name errors=errors autocomplete="given-name" width="input--width-20" />
                    <TextField id="last_name" label="Last name" value=last_name errors=errors autocomplete="family-name" width="input--width-20" />
                    <DateInput id="dob" legend="Date of birth" hint="For example, 3 27 1984" value=dob errors=errors />
                    <TextField
                        id="contact"
                        label="Email address or mobile phone number on your record"
                        hint="We use it to find your record. The code goes only to the email address on your record."
                        value=contact
                        errors=errors
                        autocomplete="email"
                        width="input--width-30"
                        verbatim=true
                    />
                    <SubmitButton label="Send a new code" pending=pending />
                </form>
            </Page>
        }
        .into_any()
    }
}
