use super::{InlineError, Legend, described_by, error_for, has_error};
use crate::api::FieldError;
use crate::domain::date::DateParts;
use crate::words;
use leptos::prelude::*;

/// Month, Day and Year boxes in a fieldset: numeric keyboards, no auto-tab,
/// and only the boxes with a problem highlighted.
#[component]
pub fn DateInput(
    /// Id prefix: the boxes are `{id}-month`, `{id}-day`, `{id}-year`.
    id: &'static str,
    legend: &'static str,
    hint: &'static str,
    value: RwSignal<DateParts>,
    errors: RwSignal<Vec<FieldError>>,
    /// A date of birth: the browser may fill it in (`bday-…` autocomplete).
    #[prop(default = true)]
    birthday: bool,
    /// The page's only question: the legend is its heading.
    #[prop(optional)]
    page_heading: bool,
) -> impl IntoView {
    let error = error_for(errors, id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by(vec![hint_id.clone()], error_id.clone(), error);
    let part_has_error = move |part: &'static str| {
        move || {
            error.with(|e| {
                e.as_ref()
                    .is_some_and(|e| e.parts.is_empty() || e.parts.iter().any(|p| p == part))
            })
        }
    };
    let item = move |part: &'static str, label: &'static str, width: &'static str| {
        let input_id = format!("{id}-{part}");
        let get = move || {
            value.with(|v| match part {
                "month" => v.month.clone(),
                "day" => v.day.clone(),
                _ => v.year.clone(),
            })
        };
        let set = move |text: String| {
            value.update(|v| match part {
                "month" => v.month = text,
                "day" => v.day = text,
                _ => v.year = text,
            })
        };
        view! {
            <div class="date-input__item">
                <label class="label date-input__label" for=input_id.clone()>{label}</label>
                <input
                    class=format!("input date-input__input {width}")
                    class:input--error=part_has_error(part)
                    id=input_id.clone()
                    name=input_id
                    type="text"
                    inputmode="numeric"
                    autocomplete=if birthday { format!("bday-{part}") } else { "off".to_string() }
                    spellcheck="false"
                    prop:value=get
                    on:input=move |ev| set(event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <div class="form-group" class:form-group--error=has_error(error)>
            <fieldset class="fieldset" role="group" aria-describedby=described_by>
                <Legend text=legend page_heading=page_heading />
                <div class="hint" id=hint_id.clone()>{hint}</div>
                <InlineError error=error id=error_id.clone() />
                <div class="date-input">
                    {item("month", words::date_month(), "input--width-2")}
                    {item("day", words::date_day(), "input--width-2")}
                    {item("year", words::date_year(), "input--width-4")}
                </div>
            </fieldset>
        </div>
    }
}
