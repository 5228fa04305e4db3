use super::{InlineError, Legend, described_by, error_for, has_error};
use crate::api::FieldError;
use leptos::prelude::*;

/// One answer from a few, as radio buttons in a fieldset. The first button
/// carries the field's id, so the error summary can focus it.
#[component]
pub fn Radios(
    id: &'static str,
    legend: &'static str,
    /// (value, label) pairs, the labels in the reader's language.
    options: Vec<(&'static str, &'static str)>,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional)] hint: Option<&'static str>,
    /// The page's only question: the legend is its heading.
    #[prop(optional)]
    page_heading: bool,
) -> impl IntoView {
    let error = error_for(errors, id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let hints = hint.map(|_| hint_id.clone()).into_iter().collect();
    let described_by = described_by(hints, error_id.clone(), error);
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (option, label))| {
            let input_id = if i == 0 {
                id.to_string()
            } else {
                format!("{id}-{}", i + 1)
            };
            view! {
                <div class="radios__item">
                    <input
                        class="radios__input"
                        id=input_id.clone()
                        name=id
                        type="radio"
                        value=option
                        prop:checked=move || value.with(|v| v == option)
                        on:change=move |_| value.set(option.to_string())
                    />
                    <label class="label radios__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=has_error(error)>
            <fieldset class="fieldset" aria-describedby=described_by>
                <Legend text=legend page_heading=page_heading />
                {hint.map(|text| view! { <div class="hint" id=hint_id.clone()>{text}</div> })}
                <InlineError error=error id=error_id.clone() />
                <div class="radios">{items}</div>
            </fieldset>
        </div>
    }
}

/// A drop-down list, for long lists such as states.
#[component]
pub fn Select(
    id: &'static str,
    label: &'static str,
    /// (value, label) pairs.
    options: &'static [(&'static str, &'static str)],
    /// Shown first, with an empty value.
    placeholder: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let error = error_for(errors, id);
    let error_id = format!("{id}-error");
    let described_by = described_by(Vec::new(), error_id.clone(), error);
    let items = options
        .iter()
        .map(|(option, text)| {
            view! { <option value=*option selected=move || value.with(|v| v == option)>{*text}</option> }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=has_error(error)>
            <label class="label" for=id>{label}</label>
            <InlineError error=error id=error_id.clone() />
            <select
                class="select"
                class:input--error=has_error(error)
                id=id
                name=id
                autocomplete=autocomplete
                aria-describedby=described_by
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">{placeholder}</option>
                {items}
            </select>
        </div>
    }
}

/// Several lines of text. Apart from [`super::TextField`] (not a mode of it)
/// so the apps without a text area do not carry its code.
#[component]
pub fn TextArea(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
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
            <textarea
                class="textarea"
                class:input--error=has_error(error)
                id=id
                name=id
                rows="5"
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// One yes-or-no statement the person confirms, such as a teen's "I am …
/// and I'm creating my own account".
#[component]
pub fn Checkbox(
    id: &'static str,
    label: String,
    value: RwSignal<bool>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let error = error_for(errors, id);
    let error_id = format!("{id}-error");
    let described_by = described_by(Vec::new(), error_id.clone(), error);
    view! {
        <div class="form-group" class:form-group--error=has_error(error)>
            <InlineError error=error id=error_id.clone() />
            <div class="checkbox">
                <input
                    class="checkbox__input"
                    id=id
                    type="checkbox"
                    aria-describedby=described_by
                    prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev))
                />
                <label class="label checkbox__label" for=id>{label}</label>
            </div>
        </div>
    }
}
