use super::{START, TOO_YOUNG, VerifySignup, step_path};
use crate::api::signup_verify::{DetailsStep, PersonalDetails, TOO_YOUNG_DOB};
use crate::domain::date::Date;
use crate::domain::date::{DateParts, parse_date_of_birth};
use crate::domain::person::{US_STATES, legal_sexes};
use crate::ui::components::{
    DateInput, EmailField, NoEmail, Page, Radios, Select, SubmitButton, TextField,
};
use crate::ui::dom;
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// One question of the self-signup (`/signup/verify/name`, …).
#[component]
pub fn QuestionPage(step: DetailsStep) -> impl IntoView {
    let signup = VerifySignup::get();
    // Errors the check page's submit found here, shown at once.
    let errors = RwSignal::new(
        signup
            .carried_errors
            .try_update(std::mem::take)
            .unwrap_or_default(),
    );
    let pending = RwSignal::new(false);
    let d = signup.answers.with_untracked(|a| a.details.clone());
    let first_name = RwSignal::new(d.first_name);
    let middle_name = RwSignal::new(d.middle_name);
    let last_name = RwSignal::new(d.last_name);
    let dob = RwSignal::new(d.dob);
    let legal_sex = RwSignal::new(d.legal_sex);
    let street = RwSignal::new(d.street);
    let city = RwSignal::new(d.city);
    let state = RwSignal::new(d.state);
    let zip = RwSignal::new(d.zip);
    let mobile_phone = RwSignal::new(d.mobile_phone);
    let email = RwSignal::new(d.email);
    // Every keystroke is kept, so a reload loses nothing.
    Effect::new(move |_| {
        let details = PersonalDetails {
            first_name: first_name.get(),
            middle_name: middle_name.get(),
            last_name: last_name.get(),
            dob: dob.get(),
            legal_sex: legal_sex.get(),
            street: street.get(),
            city: city.get(),
            state: state.get(),
            zip: zip.get(),
            mobile_phone: mobile_phone.get(),
            email: email.get(),
        };
        signup.answers.update(|a| a.details = details);
    });
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let problems = signup
            .answers
            .with_untracked(|a| a.details.step_problems(step, Date::today()));
        let next = signup.next_after(step);
        if step == DetailsStep::DateOfBirth && problems.is_empty() && is_child(&dob.get_untracked())
        {
            // A child learns now, not at the last step, that a parent or
            // guardian asks for access instead (the help app's page, which
            // has the server record it).
            dom::save(TOO_YOUNG_DOB, &dob.get_untracked());
            dom::go_to(TOO_YOUNG);
        } else if problems.is_empty() {
            errors.set(Vec::new());
            navigate(next, Default::default());
        } else {
            errors.set(problems);
        }
    };
    let at = DetailsStep::ALL
        .iter()
        .position(|s| *s == step)
        .unwrap_or(0);
    let back = if at == 0 {
        START
    } else {
        step_path(DetailsStep::ALL[at - 1])
    };
    let (heading, intro) = match step {
        DetailsStep::Name => (words::verify_name_heading(), words::verify_name_intro()),
        DetailsStep::DateOfBirth => (words::verify_dob_heading(), ""),
        DetailsStep::LegalSex => (words::verify_legal_sex_heading(), ""),
        DetailsStep::Address => (
            words::verify_address_heading(),
            words::verify_address_intro(),
        ),
        DetailsStep::Phone => (words::verify_phone_heading(), words::verify_phone_intro()),
        DetailsStep::Email => (words::verify_email_heading(), words::verify_email_intro()),
    };
    // The date of birth and legal sex ask one question each: it is their
    // fieldset's legend, not a second heading.
    let one_question = matches!(step, DetailsStep::DateOfBirth | DetailsStep::LegalSex);
    let fields = match step {
        DetailsStep::Name => view! {
            <TextField id="first_name" label=words::verify_first_name() value=first_name errors=errors autocomplete="given-name" width="input--width-20" />
            <TextField id="middle_name" label=words::verify_middle_name() value=middle_name errors=errors autocomplete="additional-name" width="input--width-20" />
            <TextField
                id="last_name"
                label=words::verify_last_name()
                hint=words::verify_last_name_hint()
                value=last_name
                errors=errors
                autocomplete="family-name"
                width="input--width-20"
            />
        }
        .into_any(),
        DetailsStep::DateOfBirth => view! {
            <DateInput id="dob" legend=heading hint=words::verify_dob_hint() value=dob errors=errors page_heading=true />
        }
        .into_any(),
        DetailsStep::LegalSex => view! {
            <Radios
                id="legal_sex"
                legend=heading
                hint=words::verify_legal_sex_hint()
                options=legal_sexes()
                value=legal_sex
                errors=errors
                page_heading=true
            />
        }
        .into_any(),
        DetailsStep::Address => view! {
            <TextField id="street" label=words::verify_street() value=street errors=errors autocomplete="street-address" width="input--width-30" />
            <TextField id="city" label=words::verify_city() value=city errors=errors autocomplete="address-level2" width="input--width-20" />
            <Select id="state" label=words::verify_state() options=US_STATES placeholder=words::verify_state_placeholder() value=state errors=errors autocomplete="address-level1" />
            <TextField id="zip" label=words::verify_zip() value=zip errors=errors autocomplete="postal-code" inputmode="numeric" width="input--width-10" />
        }
        .into_any(),
        DetailsStep::Phone => view! {
            <TextField
                id="mobile_phone"
                label=words::verify_phone_label()
                hint=words::verify_phone_hint()
                value=mobile_phone
                errors=errors
                input_type="tel"
                autocomplete="tel-national"
                width="input--width-20"
            />
        }
        .into_any(),
        DetailsStep::Email => view! {
            <EmailField label=words::verify_email_label() value=email errors=errors />
            <NoEmail />
        }
        .into_any(),
    };
    view! {
        <Page
            heading=heading
            errors=errors
            back=back
            heading_in_legend=one_question
        >
            {(!intro.is_empty()).then(|| view! { <p class="body">{intro}</p> })}
            <form novalidate on:submit=on_submit>
                {fields}
                <SubmitButton label=words::continue_button() pending=pending />
            </form>
        </Page>
    }
}

/// Younger than any state's teen band (the site settings say from what age).
fn is_child(dob: &DateParts) -> bool {
    let youngest = use_context::<crate::api::SiteSettings>()
        .unwrap_or_default()
        .youngest_teen;
    parse_date_of_birth(dob, Date::today()).is_ok_and(|born| born.age_on(Date::today()) < youngest)
}
