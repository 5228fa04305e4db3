use super::layout::{Layout, provide_shared_context};
use super::pages::account::{AccountReadyPage, AccountState, HomePage, OldPortalPage, SignInPage};
use super::pages::not_found::NotFoundPage;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// For people with an account: sign in, and the signed-in home (its
/// settings' pages are in the records app). A bundle of its own.
#[component]
pub fn AccountApp() -> impl IntoView {
    provide_shared_context("account");
    AccountState::provide();
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/signin") view=|| SignInPage().into_any() />
                    <Route path=path!("/signin/old-portal") view=|| OldPortalPage().into_any() />
                    <Route path=path!("/signin/welcome") view=|| AccountReadyPage().into_any() />
                    <Route path=path!("/home") view=|| HomePage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
