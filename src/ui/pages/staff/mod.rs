//! The help desk console (`/staff`), a bundle of its own: staff sign-in and
//! setup, finding a patient and acting on their portal status, the queues,
//! and the audit log. The server checks every role; the console only hides
//! what a role cannot use.

mod audit;
mod home;
mod letter;
mod members;
mod patient;
mod proxies;
mod queue;
mod records;
mod signin;

pub use audit::AuditPage;
pub use home::HomePage;
pub use letter::LetterPage;
pub use members::MembersPage;
pub use patient::PatientPage;
pub use proxies::{ProxiesPage, ProxyRequestPage};
pub use queue::{QueuePage, ReviewPage};
pub use records::RecordsPage;
pub use signin::{SetupPage, SignInPage};

use crate::api::staff::patients::Letter;
use crate::api::staff::{StaffMe, current_staff, staff_sign_out};
use crate::api::{AppError, FieldError};
use crate::domain::ids::PatientId;
use crate::domain::staff::Permission;
use crate::ui::components::{Page, show_error, submit_checked_or};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use std::future::Future;

pub const HOME: &str = "/staff";
pub const SIGN_IN: &str = "/staff/signin";
pub const SETUP: &str = "/staff/setup";
pub const LETTER: &str = "/staff/letter";
pub const QUEUE: &str = "/staff/queue";
pub const RECORDS: &str = "/staff/records-requests";
pub const AUDIT: &str = "/staff/audit";
pub const PROXIES: &str = "/staff/proxies";
pub const MEMBERS: &str = "/staff/members";

pub fn patient_path(id: PatientId) -> String {
    format!("/staff/patients/{id}")
}

pub fn review_path(reference: &str) -> String {
    format!("/staff/queue/{reference}")
}

/// What the console's pages share.
#[derive(Clone, Copy)]
pub struct StaffState {
    /// The signed-in staff member, once known.
    pub me: RwSignal<Option<StaffMe>>,
    /// The letter just made, for the print page (shown once, never stored).
    pub letter: RwSignal<Option<Letter>>,
    /// A message for the next page ("Code revoked").
    pub notice: RwSignal<Option<String>>,
}

impl StaffState {
    pub fn provide() {
        provide_context(StaffState {
            me: RwSignal::new(None),
            letter: RwSignal::new(None),
            notice: RwSignal::new(None),
        });
    }

    pub fn get() -> Self {
        expect_context()
    }

    /// Whether the signed-in member's role may do `permission`.
    pub fn may(self, permission: Permission) -> bool {
        self.me
            .with(|me| me.as_ref().is_some_and(|me| me.role.may(permission)))
    }

    /// Sends the call; a lost session goes to sign-in, other errors to the
    /// page's error summary.
    pub fn submit<T: 'static>(
        self,
        errors: RwSignal<Vec<FieldError>>,
        pending: RwSignal<bool>,
        problems: Vec<FieldError>,
        call: impl Future<Output = Result<T, AppError>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        let navigate = use_navigate();
        submit_checked_or(errors, pending, problems, call, done, move |error| {
            if error == AppError::SignedOut {
                self.signed_out(&navigate);
            } else {
                show_error(errors, error);
            }
        });
    }

    fn signed_out(self, navigate: &dyn Fn(&str, NavigateOptions)) {
        self.me.set(None);
        self.notice.set(Some(
            "Your session ended. Sign in again to continue.".into(),
        ));
        navigate(SIGN_IN, NavigateOptions::default());
    }
}

/// A console page: drawn once the staff member is known; anyone not signed
/// in goes to sign-in. `needs` hides a page the role may not use.
pub fn console_page(
    needs: Permission,
    page: impl Fn(StaffMe) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let state = StaffState::get();
    let navigate = use_navigate();
    let loaded = RwSignal::new(state.me.get_untracked().map(Ok::<_, AppError>));
    if loaded.with_untracked(Option::is_none) {
        leptos::task::spawn_local(async move {
            match current_staff().await {
                Ok(Some(me)) => {
                    state.me.set(Some(me.clone()));
                    loaded.set(Some(Ok(me)));
                }
                // Never signed in here (or long gone): just "Sign in".
                Ok(None) => navigate(SIGN_IN, NavigateOptions::default()),
                Err(error) => loaded.set(Some(Err(error))),
            }
        });
    }
    (move || match loaded.get() {
        None => ().into_any(),
        Some(Ok(me)) if me.role.may(needs) => page(me),
        Some(Ok(me)) => view! {
            <Page heading="This page is not for your role">
                <p class="body">
                    {format!("{} accounts cannot use this page. ", me.role.title())}
                    <a href=HOME class="link">"Go to the console's start page"</a>"."
                </p>
            </Page>
        }
        .into_any(),
        Some(Err(error)) => {
            let message = error.message(&crate::ui::components::help_desk_phone());
            view! {
                <Page heading="Sorry, the console could not open">
                    <p class="body">{message}</p>
                </Page>
            }
            .into_any()
        }
    })
    .into_any()
}

/// The console's frame: the service name, the pages this role may use,
/// who is signed in, and signing out.
#[component]
pub fn ConsoleLayout(children: Children) -> impl IntoView {
    let state = StaffState::get();
    let navigate = use_navigate();
    let sign_out = move |_| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            // Signed out either way: the cookie is cleared or already gone.
            let _ = staff_sign_out().await;
            state.me.set(None);
            state.notice.set(Some("You have signed out.".into()));
            navigate(SIGN_IN, NavigateOptions::default());
        });
    };
    let nav = move || {
        state.me.get().map(|me| {
            let link = |permission: Permission, href: &'static str, text: &'static str| {
                me.role
                    .may(permission)
                    .then(|| view! { <li><a href=href>{text}</a></li> })
            };
            let sign_out = sign_out.clone();
            view! {
                <nav aria-label="Console">
                    <ul class="console-nav">
                        <li><a href=HOME>"Find a patient"</a></li>
                        {link(Permission::WorkSignupQueue, QUEUE, "Unverified sign-ups")}
                        {link(Permission::WorkRecordsRequests, RECORDS, "Records requests")}
                        {link(Permission::WorkProxyRequests, PROXIES, "Proxy requests")}
                        {link(Permission::ReadAuditLog, AUDIT, "Audit log")}
                        {link(Permission::ManageStaff, MEMBERS, "Staff accounts")}
                        <li class="console-nav__who">
                            {format!("{} ({})", me.username, me.role.title())}
                            <button type="button" class="button button--secondary" on:click=sign_out>
                                "Sign out"
                            </button>
                        </li>
                    </ul>
                </nav>
            }
        })
    };
    view! {
        <a href="#main-content" class="skip-link">"Skip to main content"</a>
        <header class="header">
            <div class="width-container width-container--wide">
                <a href=HOME class="header__service">"Patient portal help desk"</a>
                {nav}
            </div>
        </header>
        <div class="width-container width-container--wide">{children()}</div>
    }
}

/// A message left for this page by the previous one, shown once.
#[component]
pub fn ConsoleNotice() -> impl IntoView {
    let state = StaffState::get();
    let message = state.notice.get_untracked();
    state.notice.set(None);
    message.map(|message| {
        view! {
            <div class="notice" role="status">
                <p class="body">{message}</p>
            </div>
        }
    })
}
