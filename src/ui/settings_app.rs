use super::layout::{Layout, provide_shared_context};
use super::pages::account::{AccountState, ChangeEmailPage, ChangePasswordPage};
use super::pages::not_found::NotFoundPage;
use super::password_list::PasswordList;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// Account settings: a new password, a new email address. A bundle of its
/// own, so the sign-in and home pages' first load carries no password checks.
#[component]
pub fn SettingsApp() -> impl IntoView {
    provide_shared_context("settings");
    AccountState::provide();
    PasswordList::provide();
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/account/password") view=|| ChangePasswordPage().into_any() />
                    <Route path=path!("/account/email") view=|| ChangeEmailPage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
