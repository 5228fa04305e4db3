use super::layout::{Layout, provide_shared_context};
use super::pages::not_found::NotFoundPage;
use super::pages::records_request::{RecordsRequestPage, RecordsRequestSentPage};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// Copies of medical records for people without an account: the form and
/// its printable confirmation. A bundle of its own (its many kinds of
/// field are no other first load's weight).
#[component]
pub fn RecordsRequestApp() -> impl IntoView {
    provide_shared_context("records-request");
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/records-request") view=|| RecordsRequestPage().into_any() />
                    <Route path=path!("/records-request/sent") view=|| RecordsRequestSentPage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
