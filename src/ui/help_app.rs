use super::layout::{Layout, provide_shared_context};
use super::pages::code_outcomes::{Outcome, OutcomePage};
use super::pages::new_code::{NewCodePage, NewCodeSentPage};
use super::pages::not_found::NotFoundPage;
use super::pages::request_pending::PendingPage;
use super::pages::signup_status::{StatusPage, StatusResultPage};
use super::pages::teen::TeenPage;
use super::pages::teen_too_young::TooYoungPage;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// Help without an account: an access code that cannot be used, check a
/// request, get a new access code, and how teens enroll.
#[component]
pub fn HelpApp() -> impl IntoView {
    provide_shared_context("help");
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/signup/status") view=|| StatusPage().into_any() />
                    <Route path=path!("/signup/status/result") view=|| StatusResultPage().into_any() />
                    <Route path=path!("/signup/status/pending") view=|| PendingPage().into_any() />
                    <Route path=path!("/signup/new-code") view=|| NewCodePage().into_any() />
                    <Route path=path!("/signup/new-code/sent") view=|| NewCodeSentPage().into_any() />
                    <Route path=path!("/teen") view=|| TeenPage().into_any() />
                    <Route path=path!("/teen/too-young") view=|| TooYoungPage().into_any() />
                    <Route path=path!("/signup/code/expired") view=|| outcome(Outcome::Expired) />
                    <Route path=path!("/signup/code/used") view=|| outcome(Outcome::Used) />
                    <Route path=path!("/signup/code/ended") view=|| outcome(Outcome::Ended) />
                    <Route
                        path=path!("/signup/code/account-exists")
                        view=|| outcome(Outcome::AccountExists)
                    />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}

fn outcome(outcome: Outcome) -> AnyView {
    view! { <OutcomePage outcome=outcome /> }.into_any()
}
