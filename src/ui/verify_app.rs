use super::layout::{Layout, provide_shared_context};
use super::pages::not_found::NotFoundPage;
use super::pages::signup_verify::{
    CheckDetailsPage, EmailCodePage, QuestionPage, StartVerifyPage, VerifySignup,
};
use crate::api::signup_verify::DetailsStep;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// Sign up without an access code. A bundle of its own, so each first load
/// carries only its own pages.
#[component]
pub fn VerifyApp() -> impl IntoView {
    provide_shared_context("verify");
    VerifySignup::provide();
    view! {
        <Router>
            <Layout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/signup/verify") view=|| StartVerifyPage().into_any() />
                    <Route path=path!("/signup/verify/name") view=|| question(DetailsStep::Name) />
                    <Route path=path!("/signup/verify/date-of-birth") view=|| question(DetailsStep::DateOfBirth) />
                    <Route path=path!("/signup/verify/legal-sex") view=|| question(DetailsStep::LegalSex) />
                    <Route path=path!("/signup/verify/address") view=|| question(DetailsStep::Address) />
                    <Route path=path!("/signup/verify/phone") view=|| question(DetailsStep::Phone) />
                    <Route path=path!("/signup/verify/email") view=|| question(DetailsStep::Email) />
                    <Route path=path!("/signup/verify/check") view=|| CheckDetailsPage().into_any() />
                    <Route path=path!("/signup/verify/code") view=|| EmailCodePage().into_any() />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}

fn question(step: DetailsStep) -> AnyView {
    view! { <QuestionPage step=step /> }.into_any()
}
