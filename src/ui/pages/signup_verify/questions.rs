use super::{START, TOO_YOUNG, VerifySignup, step_path};
use crate::api::signup_verify::{DetailsStep, PersonalDetails, TOO_YOUNG_DOB};
use crate::domain::date::Date;
use crate::domain::date::{DateParts, parse_date_of_birth};
use crate::domain::person::{LEGAL_SEXES, US_STATES};
use crate::ui::components::{
    DateInput, EmailField, NoEmail, Page, Radios, Select, SubmitButton, TextField,
};
use crate::ui::dom;
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
        DetailsStep::Name => (
            "What is your legal name?",
            "Enter it as it appears on your medical record, for example on a bill or a letter from your clinic.",
        ),
        DetailsStep::DateOfBirth => ("What is your date of birth?", ""),
        DetailsStep::LegalSex => ("What is your legal sex on your medical record?", ""),
        DetailsStep::Address => (
            "What is your home address?",
            "Enter the address your clinic has for you. If you moved recently, enter the address you \
             gave at your last visit.",
        ),
        DetailsStep::Phone => (
            "What is your mobile phone number?",
            "We compare it with the number on your record. We will not call or text you.",
        ),
        DetailsStep::Email => (
            "What is your email address?",
            "If your record has an email address, we will send a code there to check it is you. We \
             will also use it to send you important messages about your account.",
        ),
    };
    // The date of birth and legal sex ask one question each: it is their
    // fieldset's legend, not a second heading.
    let one_question = matches!(step, DetailsStep::DateOfBirth | DetailsStep::LegalSex);
    let fields = match step {
        DetailsStep::Name => view! {
            <TextField id="first_name" label="First name" value=first_name errors=errors autocomplete="given-name" width="input--width-20" />
            <TextField id="middle_name" label="Middle name (optional)" value=middle_name errors=errors autocomplete="additional-name" width="input--width-20" />
            <TextField
                id="last_name"
                label="Last name"
                hint="If you have two last names, enter both."
                value=last_name
                errors=errors
                autocomplete="family-name"
                width="input--width-20"
            />
        }
        .into_any(),
        DetailsStep::DateOfBirth => view! {
            <DateInput id="dob" legend=heading hint="For example, 3 27 1984" value=dob errors=errors page_heading=true />
        }
        .into_any(),
        DetailsStep::LegalSex => view! {
            <Radios
                id="legal_sex"
                legend=heading
                hint="We ask only to find your record."
                options=LEGAL_SEXES.to_vec()
                value=legal_sex
                errors=errors
                page_heading=true
            />
        }
        .into_any(),
        DetailsStep::Address => view! {
            <TextField id="street" label="Street address" value=street errors=errors autocomplete="street-address" width="input--width-30" />
            <TextField id="city" label="Town or city" value=city errors=errors autocomplete="address-level2" width="input--width-20" />
            <Select id="state" label="State" options=US_STATES placeholder="Select a state" value=state errors=errors autocomplete="address-level1" />
            <TextField id="zip" label="ZIP code" value=zip errors=errors autocomplete="postal-code" inputmode="numeric" width="input--width-10" />
        }
        .into_any(),
        DetailsStep::Phone => view! {
            <TextField
                id="mobile_phone"
                label="Mobile phone number"
                hint="For example, (555) 555-0100"
                value=mobile_phone
                errors=errors
                input_type="tel"
                autocomplete="tel-national"
                width="input--width-20"
            />
        }
        .into_any(),
        DetailsStep::Email => view! {
            <EmailField label="Email address" value=email errors=errors />
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
                <SubmitButton label="Continue" pending=pending />
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
