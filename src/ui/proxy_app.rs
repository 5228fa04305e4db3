use super::layout::{Layout, provide_shared_context};
use super::pages::not_found::NotFoundPage;
use super::pages::proxy::{
    ProxyCheckPage, ProxyOutcomePage, ProxyQuestionPage, ProxyRenewPage, ProxyStartPage,
    ProxyWizard,
};
use crate::api::proxy::ProxyStep;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// Asking for proxy access to someone else's record: a wizard of its own
/// bundle, so the records pages stay small.
#[component]
pub fn ProxyApp() -> impl IntoView {
    provide_shared_context("proxy");
    ProxyWizard::provide();
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/proxy") view=|| ProxyStartPage().into_any() />
                    <Route path=path!("/proxy/person") view=|| question(ProxyStep::Person) />
                    <Route path=path!("/proxy/relationship") view=|| question(ProxyStep::Relationship) />
                    <Route path=path!("/proxy/details") view=|| question(ProxyStep::Details) />
                    <Route path=path!("/proxy/check") view=|| ProxyCheckPage().into_any() />
                    <Route path=path!("/proxy/outcome") view=|| ProxyOutcomePage().into_any() />
                    <Route path=path!("/proxy/renew/:grant") view=|| ProxyRenewPage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}

fn question(step: ProxyStep) -> AnyView {
    view! { <ProxyQuestionPage step=step /> }.into_any()
}
