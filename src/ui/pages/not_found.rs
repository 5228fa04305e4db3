use crate::ui::components::{Link, Page};
use crate::words;
use leptos::prelude::*;

/// Any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Page heading=words::not_found_heading()>
            <p class="body">{words::not_found_typed()}</p>
            <p class="body">{words::not_found_pasted()}</p>
            <p class="body"><Link href="/">{words::not_found_start()}</Link></p>
        </Page>
    }
}
