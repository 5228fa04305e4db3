use crate::words;
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
    // A row without a Change link stays in line with the others (the
    // stylesheet's `:has`), so the row needs no class for it.
    view! {
        <div class="summary-list__row">
            <dt class="summary-list__key">{key}</dt>
            <dd class="summary-list__value">{value}</dd>
            {change.map(|href| view! {
                <dd class="summary-list__actions">
                    <a href=href class="link" rel=crate::ui::layout::rel_for(href)>
                        {words::change()}<span class="visually-hidden">{format!(" {what}")}</span>
                    </a>
                </dd>
            })}
        </div>
    }
}
