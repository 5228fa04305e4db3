use super::components::page::NavigatedBefore;
use super::dom;
use super::pages::not_found::NotFoundPage;
use super::pages::signup_code::{
    AccountReadyPage, CheckAnswersPage, CodeSignup, CreateLoginPage, EnterCodePage, Outcome,
    OutcomePage,
};
use super::pages::start::StartPage;
use super::password_list::PasswordList;
use crate::ui::components::HelpDeskLink;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// The whole app: layout around the routed page.
#[component]
pub fn App() -> impl IntoView {
    provide_context(NavigatedBefore(StoredValue::new(false)));
    provide_context(dom::site_settings());
    CodeSignup::provide();
    PasswordList::provide();
    view! {
        <Router>
            <a
                href="#main-content"
                class="skip-link"
                on:click=|ev| {
                    ev.prevent_default();
                    dom::focus_id("main-content");
                }
            >
                "Skip to main content"
            </a>
            <header class="header">
                <div class="width-container">
                    <a href="/" class="header__service">{dom::SERVICE_NAME}</a>
                </div>
            </header>
            <div class="width-container">
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/") view=|| StartPage().into_any() />
                    <Route path=path!("/signup/code") view=|| EnterCodePage().into_any() />
                    <Route path=path!("/signup/code/login") view=|| CreateLoginPage().into_any() />
                    <Route path=path!("/signup/code/check") view=|| CheckAnswersPage().into_any() />
                    <Route path=path!("/signup/code/done") view=|| AccountReadyPage().into_any() />
                    <Route path=path!("/signup/code/expired") view=|| outcome(Outcome::Expired) />
                    <Route path=path!("/signup/code/used") view=|| outcome(Outcome::Used) />
                    <Route path=path!("/signup/code/ended") view=|| outcome(Outcome::Ended) />
                    <Route
                        path=path!("/signup/code/account-exists")
                        view=|| outcome(Outcome::AccountExists)
                    />
                </FlatRoutes>
            </div>
            <footer class="footer">
                <div class="width-container">
                    <p>"Need help? Call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."</p>
                </div>
            </footer>
        </Router>
    }
}

fn outcome(outcome: Outcome) -> AnyView {
    view! { <OutcomePage outcome=outcome /> }.into_any()
}
