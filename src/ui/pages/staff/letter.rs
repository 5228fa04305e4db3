use super::{HOME, StaffState, console_page};
use crate::domain::staff::Permission;
use crate::ui::components::Page;
use leptos::prelude::*;

/// `/staff/letter`: the mail letter just made, ready to print. The code is
/// in memory only: a reload shows how to make another.
#[component]
pub fn LetterPage() -> impl IntoView {
    console_page(Permission::IssueCodes, |_| {
        let Some(l) = StaffState::get().letter.get_untracked() else {
            return view! {
                <Page heading="No letter to print" back=HOME>
                    <p class="body">
                        "A letter can be printed only right after its code is issued, because codes are \
                         never stored. Find the patient and print a new letter (it ends the older code)."
                    </p>
                </Page>
            }
            .into_any();
        };
        let address = std::iter::once(l.name.clone())
            .chain(l.address.iter().cloned())
            .collect::<Vec<_>>()
            .join("\n");
        view! {
            <Page heading="Print the letter" back=HOME>
                <p class="body no-print">
                    "Print this page and mail it in a windowed envelope. The code is shown only now."
                </p>
                <button type="button" class="button no-print" on:click=|_| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.print();
                    }
                }>"Print"</button>
                <article class="letter" aria-label="Letter">
                    <p class="letter__address">{address}</p>
                    <div class="letter__body">
                        <p>{l.date.clone()}</p>
                        <p>{format!("Dear {},", l.name)}</p>
                        <p>
                            "Our patient portal has moved, and logins from the old portal do not carry over. \
                             Here is your personal access code to create your new account:"
                        </p>
                        <p class="letter__code">{l.code.clone()}</p>
                        <p>{format!("It works once, until {}.", l.expires_on)}</p>
                        <ol>
                            <li>{format!("Go to {}", l.portal_url)}</li>
                            <li>"Enter the code above and your date of birth."</li>
                            <li>"Choose a username and password. You will need an email address."</li>
                        </ol>
                        <p>{format!(
                            "Questions, or the code does not work? Call the help desk at {}, 24 hours a day, \
                             7 days a week. We will never ask for your password.",
                            l.help_desk_phone
                        )}</p>
                    </div>
                </article>
            </Page>
        }
        .into_any()
    })
}
