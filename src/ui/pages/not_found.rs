use crate::ui::components::{Link, Page};
use leptos::prelude::*;

/// Any address the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Page heading="Page not found">
            <p class="body">"If you typed the web address, check it is correct."</p>
            <p class="body">"If you pasted the web address, check you copied the entire address."</p>
            <p class="body"><Link href="/">"Go to the start page"</Link></p>
        </Page>
    }
}
