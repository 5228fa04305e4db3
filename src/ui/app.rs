use super::layout::{Layout, provide_shared_context};
use super::pages::not_found::NotFoundPage;
use super::pages::signup_code::{CheckAnswersPage, CodeSignup, CreateLoginPage, EnterCodePage};
use super::pages::start::StartPage;
use super::password_list::PasswordList;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// The way in: the start page and the access-code sign-up (with the
/// "Create your login" steps the no-code flow joins), one app because most
/// people go from one to the other.
#[component]
pub fn App() -> impl IntoView {
    provide_shared_context("");
    CodeSignup::provide();
    PasswordList::provide();
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/") view=|| StartPage().into_any() />
                    <Route path=path!("/signup/code") view=|| EnterCodePage().into_any() />
                    <Route path=path!("/signup/code/login") view=|| CreateLoginPage().into_any() />
                    <Route path=path!("/signup/code/check") view=|| CheckAnswersPage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
