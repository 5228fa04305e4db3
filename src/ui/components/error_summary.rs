use crate::api::FieldError;
use crate::shared::SIGNED_IN_ELSEWHERE;
use crate::ui::dom;
use crate::words;
use leptos::prelude::*;

/// {words::error_summary_title()}: every error, each a link to its field. Takes focus
/// whenever a submit finds errors, so screen readers announce it. (A "Check
/// your answers" page sends a server's error about a field to the page
/// that asks for it, as the wizards do.)
#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    Effect::new(move |_| {
        if errors.with(|e| !e.is_empty()) {
            dom::focus_id("error-summary");
        }
    });
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 class="error-summary__title" id="error-summary-title">{words::error_summary_title()}</h2>
                <ul class="error-summary__list">
                    {move || errors.get().into_iter().map(summary_item).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

fn summary_item(error: FieldError) -> impl IntoView {
    if error.field.is_empty() {
        return view! { <li>{error.message}</li> }.into_any();
    }
    if error.field == SIGNED_IN_ELSEWHERE {
        // The home page of the other account has its Sign out button.
        return view! {
            <li>
                {error.message}". "
                <a href="/home" rel=crate::ui::layout::rel_for("/home")>
                    {words::sign_out_other_account()}
                </a>
            </li>
        }
        .into_any();
    }
    let target = error.target_id();
    let href = format!("#{target}");
    view! {
        <li>
            <a
                href=href
                on:click=move |ev| {
                    // Focus the field itself, not just scroll to it.
                    ev.prevent_default();
                    dom::focus_id(&target);
                }
            >
                {error.message}
            </a>
        </li>
    }
    .into_any()
}
