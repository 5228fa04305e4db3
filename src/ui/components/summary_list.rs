use leptos::prelude::*;

/// One answer on a "Check your answers" page, with its Change link when it
/// can be changed (`what` completes the link text for screen readers).
#[component]
pub fn SummaryRow(
    key: &'static str,
    #[prop(into)] value: String,
    #[prop(default = None)] change: Option<&'static str>,
    #[prop(default = "")] what: &'static str,
) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{value}</dd>
            <dd class="summary-list__actions">
                {change.map(|href| view! {
                    <a href=href class="link">
                        "Change"<span class="visually-hidden">{format!(" {what}")}</span>
                    </a>
                })}
            </dd>
        </div>
    }
}
