use super::ErrorSummary;
use crate::api::FieldError;
use crate::ui::dom;
use crate::words;
use leptos::prelude::*;

/// Whether a page has been shown yet: focus moves to a new page's content
/// after an in-app navigation, as it would after a full page load.
#[derive(Clone, Copy)]
pub struct NavigatedBefore(pub StoredValue<bool>);

/// A page: optional Back link, the error summary, the heading (which is also
/// the title, prefixed "Error: " while there are errors) and the content.
#[component]
pub fn Page(
    #[prop(into)] heading: String,
    /// The title when the heading alone is another flow's too ("Check your
    /// answers – sign up with a code").
    #[prop(optional)]
    title: Option<&'static str>,
    #[prop(optional)] errors: Option<RwSignal<Vec<FieldError>>>,
    #[prop(optional)] back: Option<&'static str>,
    /// A confirmation page: the heading sits in a highlighted panel.
    #[prop(optional)]
    confirmation: bool,
    /// A single-question page: its one fieldset's legend is the heading.
    #[prop(optional)]
    heading_in_legend: bool,
    children: Children,
) -> impl IntoView {
    let title = title.map_or_else(|| heading.clone(), str::to_string);
    Effect::new(move |_| {
        let has_errors = errors.is_some_and(|e| e.with(|e| !e.is_empty()));
        dom::set_title(&title, has_errors);
    });
    if let Some(NavigatedBefore(seen)) = use_context::<NavigatedBefore>() {
        // Pages arriving with errors focus their error summary instead.
        let has_errors = errors.is_some_and(|e| e.with_untracked(|e| !e.is_empty()));
        if seen.get_value() && !has_errors {
            dom::focus_id("main-content");
        }
        seen.set_value(true);
    }
    view! {
        {back.map(|href| {
            let rel = crate::ui::layout::rel_for(href);
            view! { <a href=href class="back-link" rel=rel>{words::back_link()}</a> }
        })}
        <main class="main" id="main-content" tabindex="-1">
            {errors.map(|errors| view! { <ErrorSummary errors=errors /> })}
            {if heading_in_legend {
                ().into_any()
            } else if confirmation {
                view! {
                    <div class="panel">
                        <h1 class="panel__title">{heading}</h1>
                    </div>
                }
                    .into_any()
            } else {
                view! { <h1 class="heading-l">{heading}</h1> }.into_any()
            }}
            {children()}
        </main>
    }
}
