use super::ErrorMessage;
use leptos::prelude::*;

/// One answer on a "Check your answers" page, with its Change link when it
/// can be changed (`what` completes the link text for screen readers). A
/// server's `error` about the answer highlights the row and is shown in it
/// (the page redraws its rows when its errors change).
#[component]
pub fn SummaryRow(
    key: &'static str,
    #[prop(into)] value: String,
    #[prop(default = None)] change: Option<&'static str>,
    #[prop(default = "")] what: &'static str,
    #[prop(default = None)] error: Option<String>,
) -> impl IntoView {
    // The stylesheet marks a row with an error, or without a Change link
    // (`:has`), so the row needs no class of its own for either.
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">
                {error.map(|message| view! { <ErrorMessage id=format!("{key}-error") message=message /> })}
                {value}
            </dd>
            {change.map(|href| view! {
                <dd class="summary-list__actions">
                    <a href=href class="link" rel=crate::ui::layout::rel_for(href)>
                        "Change"<span class="visually-hidden">{format!(" {what}")}</span>
                    </a>
                </dd>
            })}
        </div>
    }
}
