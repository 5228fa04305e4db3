//! What every page of every app shares: the skip link, the header, the
//! footer, and the contexts pages rely on.

use super::components::HelpDeskLink;
use super::components::page::NavigatedBefore;
use super::dom;
use leptos::prelude::*;

/// Provides the shared contexts; call first in every app.
pub fn provide_shared_context() {
    provide_context(NavigatedBefore(StoredValue::new(false)));
    provide_context(dom::site_settings());
}

/// The frame around the routed page (to be used inside the `Router`).
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a
            href="#main-content"
            class="skip-link"
            on:click=|ev| {
                ev.prevent_default();
                dom::focus_id("main-content");
            }
        >
            "Skip to main content"
        </a>
        <header class="header">
            <div class="width-container">
                <a href="/" class="header__service" rel="external">{dom::SERVICE_NAME}</a>
            </div>
        </header>
        <div class="width-container">{children()}</div>
        <footer class="footer">
            <div class="width-container">
                <p>"Need help? Call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."</p>
            </div>
        </footer>
    }
}
