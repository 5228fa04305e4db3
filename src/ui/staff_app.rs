use super::layout::provide_shared_context;
use super::pages::not_found::NotFoundPage;
use super::pages::staff::{
    AuditPage, ConsoleLayout, HomePage, LetterPage, MembersPage, PatientPage, ProxiesPage,
    ProxyRequestPage, QueuePage, RecordsPage, ReviewPage, SetupPage, SignInPage, StaffState,
};
use super::password_list::PasswordList;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

/// The help desk console. A bundle of its own, never loaded by patients.
#[component]
pub fn StaffApp() -> impl IntoView {
    provide_shared_context("staff");
    StaffState::provide();
    PasswordList::provide();
    view! {
        <Router>
            <ConsoleLayout>
                <FlatRoutes fallback=|| NotFoundPage().into_any()>
                    <Route path=path!("/staff") view=|| HomePage().into_any() />
                    <Route path=path!("/staff/signin") view=|| SignInPage().into_any() />
                    <Route path=path!("/staff/setup") view=|| SetupPage().into_any() />
                    <Route path=path!("/staff/patients/:id") view=|| PatientPage().into_any() />
                    <Route path=path!("/staff/letter") view=|| LetterPage().into_any() />
                    <Route path=path!("/staff/queue") view=|| QueuePage().into_any() />
                    <Route path=path!("/staff/queue/:reference") view=|| ReviewPage().into_any() />
                    <Route path=path!("/staff/records-requests") view=|| RecordsPage().into_any() />
                    <Route path=path!("/staff/audit") view=|| AuditPage().into_any() />
                    <Route path=path!("/staff/proxies") view=|| ProxiesPage().into_any() />
                    <Route path=path!("/staff/proxies/:reference") view=|| ProxyRequestPage().into_any() />
                    <Route path=path!("/staff/members") view=|| MembersPage().into_any() />
                </FlatRoutes>
            </ConsoleLayout>
        </Router>
    }
}
