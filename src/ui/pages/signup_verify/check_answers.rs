use super::{EMAIL_CODE, PENDING, TOO_YOUNG, VerifySignup, step_path};
use crate::api::AppError;
use crate::api::signup_verify::{DetailsOutcome, DetailsStep, PENDING_KEY, submit_details};
use crate::domain::date::{Date, parse_date_of_birth};
use crate::domain::person::{US_STATES, legal_sexes};
use crate::ui::components::{
    Page, SubmitButton, SummaryRow, redirect, show_error, submit_checked_or,
};
use crate::ui::dom;
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/signup/verify/check`: every answer with a Change link, then send.
#[component]
pub fn CheckDetailsPage() -> impl IntoView {
    let signup = VerifySignup::get();
    if let Some(step) = signup.first_unanswered() {
        return redirect(step_path(step));
    }
    signup.answers.update(|a| a.reached_check = true);
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        // Trying again replaces the request this browser made before.
        let (details, earlier) = signup.answers.with_untracked(|a| {
            let earlier = a.pending.as_ref().map(|p| p.reference.clone());
            (a.details.clone(), earlier)
        });
        let navigate = navigate.clone();
        let to_step = navigate.clone();
        submit_checked_or(
            errors,
            pending,
            Vec::new(),
            submit_details(details, earlier),
            move |outcome| match outcome {
                DetailsOutcome::EmailCodeSent {
                    masked_email,
                    wait_minutes,
                } => {
                    signup.answers.update(|a| {
                        a.masked_email = Some(masked_email);
                        a.wait_minutes = wait_minutes;
                    });
                    navigate(EMAIL_CODE, Default::default());
                }
                DetailsOutcome::Pending(request) => {
                    dom::save(PENDING_KEY, &request);
                    signup.answers.update(|a| a.pending = Some(request));
                    dom::go_to(PENDING);
                }
                DetailsOutcome::TooYoung => dom::go_to(TOO_YOUNG),
            },
            // A field's problem (a teen's parent's email, say): to the page
            // that asks for it, which shows it, as the proxy wizard does.
            move |error| match error {
                AppError::Invalid { errors: found } => {
                    match found.first().and_then(|e| DetailsStep::of_field(&e.field)) {
                        Some(step) => {
                            signup.carried_errors.set(found);
                            to_step(step_path(step), Default::default());
                        }
                        None => errors.set(found),
                    }
                }
                other => show_error(errors, other),
            },
        );
    };
    let d = signup.answers.with_untracked(|a| a.details.clone());
    let label = |options: &[(&str, &'static str)], value: &str| {
        options
            .iter()
            .find(|(code, _)| *code == value)
            .map_or("", |(_, name)| *name)
    };
    let name = [
        d.first_name.trim(),
        d.middle_name.trim(),
        d.last_name.trim(),
    ]
    .iter()
    .filter(|p| !p.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    let born = parse_date_of_birth(&d.dob, Date::today())
        .map_or_else(|_| String::new(), |d| d.to_string());
    let address = format!(
        "{}, {}, {} {}",
        d.street.trim(),
        d.city.trim(),
        label(US_STATES, &d.state),
        d.zip.trim()
    );
    let rows = [
        (
            words::verify_check_legal_name(),
            name,
            DetailsStep::Name,
            words::verify_check_change_legal_name(),
        ),
        (
            words::verify_check_dob(),
            born,
            DetailsStep::DateOfBirth,
            words::verify_check_change_dob(),
        ),
        (
            words::verify_check_legal_sex(),
            label(&legal_sexes(), &d.legal_sex).to_string(),
            DetailsStep::LegalSex,
            words::verify_check_change_legal_sex(),
        ),
        (
            words::verify_check_address(),
            address,
            DetailsStep::Address,
            words::verify_check_change_address(),
        ),
        (
            words::verify_check_phone(),
            d.mobile_phone.trim().to_string(),
            DetailsStep::Phone,
            words::verify_check_change_phone(),
        ),
        (
            words::verify_check_email(),
            d.email.trim().to_string(),
            DetailsStep::Email,
            words::verify_check_change_email(),
        ),
    ];
    view! {
        <Page
            heading=words::verify_check_heading()
            title=words::verify_check_title()
            errors=errors
            back=step_path(DetailsStep::Email)
        >
            <dl class="summary-list">
                {rows
                    .into_iter()
                    .map(|(key, value, step, what)| {
                        view! { <SummaryRow key=key value=value change=Some(step_path(step)) what=what /> }
                    })
                    .collect_view()}
            </dl>
            <p class="body">
                {words::verify_check_next()}
            </p>
            <form novalidate on:submit=on_submit>
                <SubmitButton label=words::continue_button() pending=pending />
            </form>
        </Page>
    }
    .into_any()
}
