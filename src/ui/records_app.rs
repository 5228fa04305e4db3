use super::layout::{Layout, provide_shared_context};
use super::pages::not_found::NotFoundPage;
use super::pages::records::{OpenedRecordPage, OwnRecordPage};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// Records: the person's own, who can see it and the requests to; and the
/// records proxy access opens. A bundle of its own.
#[component]
pub fn RecordsApp() -> impl IntoView {
    provide_shared_context("records");
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/records") view=|| OwnRecordPage().into_any() />
                    <Route path=path!("/records/:id") view=|| OpenedRecordPage().into_any() />

                </FlatRoutes>
            </Layout>
        </Router>
    }
}
