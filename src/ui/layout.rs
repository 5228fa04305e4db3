//! What every page of every app shares: the skip link, the header, the
//! footer, and the contexts pages rely on.

use super::components::HelpDeskLink;
use super::components::page::NavigatedBefore;
use super::dom;
use crate::routes::LANGUAGE_HELP;
use crate::ui::language::LanguageLinks;
use crate::words;
use leptos::prelude::*;

/// The app this page runs in: its folder in `dist/` (see `crate::routes`).
#[derive(Clone, Copy)]
pub struct ThisBundle(pub &'static str);

/// Provides the shared contexts; call first in every app.
pub fn provide_shared_context(bundle: &'static str) {
    // The page's loading line (and its header) gives way to the app's.
    dom::remove_by_id("app-loading");
    provide_context(ThisBundle(bundle));
    provide_context(NavigatedBefore(StoredValue::new(false)));
    provide_context(dom::site_settings());
}

/// `rel="external"` for a link into another app, so the router leaves it to
/// the browser (a full page load of that app).
pub fn rel_for(href: &str) -> Option<&'static str> {
    let here = use_context::<ThisBundle>().map_or("", |b| b.0);
    let other_app = crate::routes::bundle_of(href) != here || crate::routes::is_server_page(href);
    (href.starts_with('/') && other_app).then_some("external")
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
            {words::skip_to_content()}
        </a>
        <header class="header">
            <div class="width-container header__bar">
                <a href="/" class="header__service" rel=rel_for("/")>{words::service_name()}</a>
                <LanguageLinks />
            </div>
        </header>
        <div class="width-container">{children()}</div>
        <footer class="footer">
            <div class="width-container">
                <p>{words::footer_help()}" "<HelpDeskLink />{words::footer_hours()}</p>
                <p>
                    <a href=LANGUAGE_HELP class="link" rel=rel_for(LANGUAGE_HELP)>
                        {words::footer_language_help()}
                    </a>
                </p>
            </div>
        </footer>
    }
}
