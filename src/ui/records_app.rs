use super::layout::{Layout, provide_shared_context};
use super::pages::not_found::NotFoundPage;
use super::pages::proxy::{
    ProxyCheckPage, ProxyOutcomePage, ProxyQuestionPage, ProxyStartPage, ProxyWizard,
};
use super::pages::records::{OpenedRecordPage, OwnRecordPage};
use crate::api::proxy::ProxyStep;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// Records: the person's own, who can see it and the requests to; the
/// records proxy access opens; and asking for proxy access. A bundle of its
/// own.
#[component]
pub fn RecordsApp() -> impl IntoView {
    provide_shared_context("records");
    ProxyWizard::provide();
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/records") view=|| OwnRecordPage().into_any() />
                    <Route path=path!("/records/:id") view=|| OpenedRecordPage().into_any() />
                    <Route path=path!("/proxy") view=|| ProxyStartPage().into_any() />
                    <Route path=path!("/proxy/person") view=|| question(ProxyStep::Person) />
                    <Route path=path!("/proxy/relationship") view=|| question(ProxyStep::Relationship) />
                    <Route path=path!("/proxy/details") view=|| question(ProxyStep::Details) />
                    <Route path=path!("/proxy/check") view=|| ProxyCheckPage().into_any() />
                    <Route path=path!("/proxy/outcome") view=|| ProxyOutcomePage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}

fn question(step: ProxyStep) -> AnyView {
    view! { <ProxyQuestionPage step=step /> }.into_any()
}
