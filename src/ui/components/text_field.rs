use super::{InlineError, described_by, error_for, has_error};
use crate::api::FieldError;
use crate::words;
use leptos::prelude::*;

/// A labelled text input with an optional hint and its inline error.
#[component]
pub fn TextField(
    /// The input's id and name, and the field name errors use.
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    /// Shown under the label, unless empty.
    #[prop(default = "")]
    hint: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// Extra classes, such as a width: `input--width-20`.
    #[prop(default = "")]
    width: &'static str,
    /// For codes and usernames: no spellcheck or automatic capitals.
    #[prop(optional)]
    verbatim: bool,
) -> impl IntoView {
    let hint = (!hint.is_empty()).then_some(hint);
    let error = error_for(errors, id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let hints = hint.map(|_| hint_id.clone()).into_iter().collect();
    let described_by = described_by(hints, error_id.clone(), error);
    view! {
        <div class="form-group" class:form-group--error=has_error(error)>
            <label class="label" for=id>{label}</label>
            {hint.map(|text| view! { <div class="hint" id=hint_id.clone()>{text}</div> })}
            <InlineError error=error id=error_id.clone() />
            <input
                class=format!("input {width}")
                class:input--error=has_error(error)
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=verbatim.then_some("false")
                autocapitalize=verbatim.then_some("none")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The 6-digit code from an email that proves the person reads it.
#[component]
pub fn EmailCodeField(value: RwSignal<String>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <TextField
            id="code"
            label=words::email_code_label()
            hint=words::email_code_hint()
            value=value
            errors=errors
            inputmode="numeric"
            autocomplete="one-time-code"
            width="input--width-10"
            verbatim=true
        />
    }
}

/// An email address input (`id="email"`).
#[component]
pub fn EmailField(
    label: &'static str,
    #[prop(default = "")] hint: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    view! {
        <TextField
            id="email"
            label=label
            hint=hint
            value=value
            errors=errors
            input_type="email"
            autocomplete="email"
            width="input--width-30"
            verbatim=true
        />
    }
}
