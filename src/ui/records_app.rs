use super::layout::{Layout, provide_shared_context};
use super::pages::not_found::NotFoundPage;
use super::pages::records::{OpenedRecordPage, OwnRecordPage};
use super::pages::records_request::{RecordsRequestPage, RecordsRequestSentPage};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// Records: the person's own, who can see it and the requests to; the
/// records proxy access opens; and copies of records for people without an
/// account (`/records-request`). A bundle of its own.
#[component]
pub fn RecordsApp() -> impl IntoView {
    provide_shared_context("records");
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/records") view=|| OwnRecordPage().into_any() />
                    <Route path=path!("/records/:id") view=|| OpenedRecordPage().into_any() />
                    <Route path=path!("/records-request") view=|| RecordsRequestPage().into_any() />
                    <Route path=path!("/records-request/sent") view=|| RecordsRequestSentPage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
