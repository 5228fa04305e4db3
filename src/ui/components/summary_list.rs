use super::ErrorMessage;
use crate::api::FieldError;
use leptos::prelude::*;

/// One answer on a "Check your answers" page, with its Change link when it
/// can be changed (`what` completes the link text for screen readers). With
/// `errors`, a server's error about one of its `fields` highlights the row
/// and is shown in it.
#[component]
pub fn SummaryRow(
    key: &'static str,
    #[prop(into)] value: String,
    #[prop(default = None)] change: Option<&'static str>,
    #[prop(default = "")] what: &'static str,
    #[prop(optional)] errors: Option<RwSignal<Vec<FieldError>>>,
    #[prop(optional)] fields: &'static [&'static str],
) -> impl IntoView {
    let error = move || {
        errors.and_then(|errors| {
            errors.with(|list| {
                list.iter()
                    .find(|e| fields.contains(&e.field.as_str()))
                    .map(|e| e.message.clone())
            })
        })
    };
    let id = format!("row-{}", fields.first().copied().unwrap_or(key));
    view! {
        <div
            class="summary-list__row"
            class:summary-list__row--error=move || error().is_some()
            class:summary-list__row--no-actions=change.is_none()
        >
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">
                {move || error().map(|message| view! { <ErrorMessage id=id.clone() message=message /> })}
                {value}
            </dd>
            {change.map(|href| view! {
                <dd class="summary-list__actions">
                    <a href=href class="link">
                        "Change"<span class="visually-hidden">{format!(" {what}")}</span>
                    </a>
                </dd>
            })}
        </div>
    }
}
