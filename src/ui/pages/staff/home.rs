use super::{ConsoleNotice, StaffState, console_page, patient_path};
use crate::api::staff::patients::{PatientQuery, PatientSummary, find_patients};
use crate::domain::staff::Permission;
use crate::ui::components::{DateInput, Page, SubmitButton, TextField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// `/staff`: find a patient by MRN, or by name and date of birth.
#[component]
pub fn HomePage() -> impl IntoView {
    console_page(Permission::FindPatients, |_| {
        let state = StaffState::get();
        let errors = RwSignal::new(Vec::new());
        let pending = RwSignal::new(false);
        let mrn = RwSignal::new(String::new());
        let first_name = RwSignal::new(String::new());
        let last_name = RwSignal::new(String::new());
        let dob = RwSignal::new(Default::default());
        let found = RwSignal::new(None::<Vec<PatientSummary>>);
        let on_submit = move |ev: SubmitEvent| {
            ev.prevent_default();
            let query = PatientQuery {
                mrn: mrn.get_untracked(),
                first_name: first_name.get_untracked(),
                last_name: last_name.get_untracked(),
                dob: dob.get_untracked(),
            };
            state.submit(
                errors,
                pending,
                Vec::new(),
                find_patients(query),
                move |list| found.set(Some(list)),
            );
        };
        view! {
            <Page heading="Find a patient" errors=errors>
                <ConsoleNotice />
                <form novalidate on:submit=on_submit>
                    <TextField id="mrn" label="Medical record number (MRN)" value=mrn errors=errors width="input--width-10" verbatim=true />
                    <p class="body">"Or"</p>
                    <TextField id="last_name" label="Last name" value=last_name errors=errors width="input--width-20" />
                    <TextField id="first_name" label="First name (optional)" value=first_name errors=errors width="input--width-20" />
                    <DateInput id="dob" legend="Date of birth" hint="For example, 3 27 1984" value=dob errors=errors birthday=false />
                    <SubmitButton label="Search" pending=pending />
                </form>
                {move || found.get().map(|list| results(&list))}
            </Page>
        }
        .into_any()
    })
}

fn results(list: &[PatientSummary]) -> AnyView {
    if list.is_empty() {
        return view! {
            <h2 class="heading-m" role="status">"No patient found"</h2>
            <p class="body">"Check the spelling and the date of birth, or search by MRN."</p>
        }
        .into_any();
    }
    let rows = list
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td><a href=patient_path(p.id) class="link">{p.name.clone()}</a></td>
                    <td>{p.mrn.clone()}</td>
                    <td>{p.date_of_birth.clone()}</td>
                    <td>{if p.has_account { "Has an account" } else { "No account yet" }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption role="status">{format!("{} found", list.len())}</caption>
                <thead>
                    <tr><th scope="col">"Name"</th><th scope="col">"MRN"</th><th scope="col">"Date of birth"</th><th scope="col">"Portal"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
