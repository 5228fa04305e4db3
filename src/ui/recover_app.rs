use super::layout::{Layout, provide_shared_context};
use super::pages::account::{
    AccountState, ForgotPasswordPage, ForgotUsernamePage, OldPortalPage, RecoverPage,
    ResetPasswordPage,
};
use super::pages::not_found::NotFoundPage;
use super::password_list::PasswordList;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// "Forgot login information": a username reminder and a password reset.
/// A bundle of its own.
#[component]
pub fn RecoverApp() -> impl IntoView {
    provide_shared_context("recover");
    AccountState::provide();
    PasswordList::provide();
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/recover") view=|| RecoverPage().into_any() />
                    <Route path=path!("/recover/username") view=|| ForgotUsernamePage().into_any() />
                    <Route path=path!("/recover/password") view=|| ForgotPasswordPage().into_any() />
                    <Route path=path!("/recover/reset") view=|| ResetPasswordPage().into_any() />
                    <Route path=path!("/recover/old-portal") view=|| OldPortalPage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
