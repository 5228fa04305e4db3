use super::{StaffState, console_page};
use crate::api::staff::members::{
    NewSetupCode, StaffListing, StaffStatus, disable_staff, enable_staff, reset_staff_password,
    staff_members, unlock_staff,
};
use crate::api::{AppError, FieldError};
use crate::domain::staff::Permission;
use crate::ui::components::Page;
use crate::ui::dom;
use leptos::prelude::*;

/// What an administrator can do to a member from the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    Reset,
    Unlock,
    Disable,
    Enable,
}

impl Act {
    fn label(self) -> &'static str {
        match self {
            Act::Reset => "Reset password",
            Act::Unlock => "Unlock",
            Act::Disable => "Disable",
            Act::Enable => "Enable",
        }
    }

    /// Reset and disable end the member's sessions: asked once more first.
    fn confirms(self) -> bool {
        matches!(self, Act::Reset | Act::Disable)
    }
}

/// `/staff/members`: every staff member with their status, and, for
/// administrators, resetting a password (the new setup code shown once),
/// unlocking, disabling and enabling.
#[component]
pub fn MembersPage() -> impl IntoView {
    console_page(Permission::ManageStaff, |_| {
        let state = StaffState::get();
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let pending = RwSignal::new(false);
        let list = RwSignal::new(None::<Result<Vec<StaffListing>, AppError>>);
        // The action waiting for "Yes", and the setup code just made (shown
        // once, gone on reload).
        let confirming = RwSignal::new(None::<(Act, String)>);
        let shown = RwSignal::new(None::<NewSetupCode>);
        let notice = RwSignal::new(None::<String>);
        let reload =
            move || leptos::task::spawn_local(async move { list.set(Some(staff_members().await)) });
        reload();
        let run = move |act: Act, username: String| {
            confirming.set(None);
            shown.set(None);
            notice.set(None);
            let done = move |message: String| {
                notice.set(Some(message));
                reload();
            };
            let name = username.clone();
            match act {
                Act::Reset => state.submit(
                    errors,
                    pending,
                    Vec::new(),
                    reset_staff_password(username),
                    move |code| {
                        shown.set(Some(code));
                        reload();
                        dom::focus_id("setup-code");
                    },
                ),
                Act::Unlock => state.submit(
                    errors,
                    pending,
                    Vec::new(),
                    unlock_staff(username),
                    move |()| done(format!("{name} is unlocked.")),
                ),
                Act::Disable => state.submit(
                    errors,
                    pending,
                    Vec::new(),
                    disable_staff(username),
                    move |()| done(format!("{name} is disabled and signed out.")),
                ),
                Act::Enable => state.submit(
                    errors,
                    pending,
                    Vec::new(),
                    enable_staff(username),
                    move |()| done(format!("{name} is enabled and can sign in again.")),
                ),
            }
        };
        let ask = move |act: Act, username: String| {
            errors.set(Vec::new());
            if act.confirms() {
                confirming.set(Some((act, username)));
                dom::focus_id("confirm-heading");
            } else {
                run(act, username);
            }
        };
        view! {
            <Page heading="Staff accounts" errors=errors>
                {move || notice.get().map(|message| view! {
                    <div class="notice" role="status"><p class="body">{message}</p></div>
                })}
                {move || shown.get().map(code_once)}
                {move || confirming.get().map(|(act, username)| confirmation(act, username, run, confirming))}
                <p class="body">
                    "Add staff members with "<code>"frontdesk staff add"</code>". A reset or a disable signs the member out everywhere."
                </p>
                {move || match list.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="body">{e.message(&crate::ui::components::help_desk_phone())}</p> }.into_any(),
                    Some(Ok(members)) => table(&members, ask).into_any(),
                }}
            </Page>
        }
        .into_any()
    })
}

/// The new setup code, to pass on: shown this once.
fn code_once(code: NewSetupCode) -> impl IntoView {
    view! {
        <div class="notice" role="status">
            <h2 class="heading-m" id="setup-code" tabindex="-1">{format!("New setup code for {}", code.username)}</h2>
            <p class="code-once">{code.code}</p>
            <p class="body">
                {format!(
                    "It works once, until {}: they enter it with their username at /staff/setup and choose a new password. It is shown only now: if it is lost, reset the password again.",
                    code.expires
                )}
            </p>
        </div>
    }
}

fn confirmation(
    act: Act,
    username: String,
    run: impl Fn(Act, String) + Copy + Send + Sync + 'static,
    confirming: RwSignal<Option<(Act, String)>>,
) -> impl IntoView {
    let (question, consequence, yes) = match act {
        Act::Disable => (
            format!("Disable {username}?"),
            "They are signed out everywhere and cannot sign in or set up until an administrator enables their account.",
            format!("Yes, disable {username}"),
        ),
        _ => (
            format!("Reset {username}'s password?"),
            "Their password stops working and they are signed out everywhere. You get a new setup code to give them, with which they choose a new password.",
            format!("Yes, reset {username}'s password"),
        ),
    };
    let class = if act == Act::Disable {
        "button button--warning"
    } else {
        "button"
    };
    view! {
        <section class="confirm" aria-labelledby="confirm-heading">
            <h2 class="heading-m" id="confirm-heading" tabindex="-1">{question}</h2>
            <p class="body">{consequence}</p>
            <div class="button-row">
                <button type="button" class=class on:click=move |_| run(act, username.clone())>{yes}</button>
                <button type="button" class="button button--secondary" on:click=move |_| confirming.set(None)>"Cancel"</button>
            </div>
        </section>
    }
}

fn table(
    members: &[StaffListing],
    ask: impl Fn(Act, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let rows = members
        .iter()
        .map(|m| {
            // Nothing for oneself: a reset or a disable would sign them out.
            let acts: &[Act] = match &m.status {
                _ if m.you => &[],
                StaffStatus::Disabled => &[Act::Enable],
                StaffStatus::Locked { .. } => &[Act::Unlock, Act::Reset, Act::Disable],
                _ => &[Act::Reset, Act::Disable],
            };
            let buttons = acts
                .iter()
                .map(|&act| {
                    let username = m.username.clone();
                    let class = match act {
                        Act::Disable => "button button--warning",
                        Act::Reset => "button button--secondary",
                        _ => "button",
                    };
                    view! {
                        <button type="button" class=class on:click=move |_| ask(act, username.clone())>
                            {act.label()}<span class="visually-hidden">{format!(" {}", m.username)}</span>
                        </button>
                    }
                })
                .collect_view();
            let tag = match m.status {
                StaffStatus::Active => "tag tag--green",
                StaffStatus::Disabled => "tag tag--grey",
                StaffStatus::Locked { .. } => "tag tag--red",
                StaffStatus::WaitingForSetup { .. } => "tag",
            };
            view! {
                <tr>
                    <td>{m.username.clone()}{m.you.then_some(" (you)")}</td>
                    <td>{m.role.title()}</td>
                    <td><strong class=tag>{m.status.text()}</strong></td>
                    <td><div class="button-row">{buttons}</div></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Staff members, by username"</caption>
                <thead><tr>
                    <th scope="col">"Username"</th><th scope="col">"Role"</th>
                    <th scope="col">"Status"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
