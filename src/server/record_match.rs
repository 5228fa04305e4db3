//! Finding the record a person describes: the patients born on the date of
//! birth they gave, graded by `domain::matching`.

use super::store::{OtherName, Patient, Store};
use crate::domain::date::{Date, parse_date_of_birth};
use crate::domain::ids::PatientId;
use crate::domain::matching::{self, Decision, Grade};
use crate::shared::signup_verify::PersonalDetails;

/// The candidates and how they were graded.
pub struct Graded {
    pub decision: Decision,
    pub candidates: Vec<Patient>,
}

impl Graded {
    /// The record matched with certainty, the only one a code may go to.
    pub fn certain(&self) -> Option<&Patient> {
        self.decision.certain().map(|i| &self.candidates[i])
    }

    /// The probable record the help desk is asked to confirm.
    pub fn proposed(&self) -> Option<&Patient> {
        self.decision
            .candidate
            .filter(|_| self.decision.grade == Some(Grade::Probable))
            .map(|i| &self.candidates[i])
    }

    pub fn into_certain(mut self) -> Option<Patient> {
        let at = self.decision.certain()?;
        Some(self.candidates.swap_remove(at))
    }
}

/// A stored patient as matching compares it.
pub fn as_person(patient: &Patient, other_names: &[OtherName]) -> matching::Person {
    let r = &patient.record;
    matching::Person {
        first_name: r.first_name.clone(),
        middle_name: r.middle_name.clone(),
        last_name: r.last_name.clone(),
        other_names: other_names
            .iter()
            .map(|n| matching::OtherName {
                first_name: n.first_name.clone(),
                last_name: n.last_name.clone(),
            })
            .collect(),
        date_of_birth: Date::parse_iso(&r.date_of_birth),
        legal_sex: r.legal_sex.clone(),
        email: r.email.clone(),
        phone: r.mobile_phone.clone(),
        street: r.street.clone(),
        zip: r.zip.clone(),
    }
}

/// What someone typed on the sign-up pages, as matching compares it.
pub fn submitted(details: &PersonalDetails, today: Date) -> Option<matching::Person> {
    let dob = parse_date_of_birth(&details.dob, today).ok()?;
    Some(matching::Person {
        first_name: details.first_name.clone(),
        middle_name: details.middle_name.clone(),
        last_name: details.last_name.clone(),
        other_names: Vec::new(),
        date_of_birth: Some(dob),
        legal_sex: details.legal_sex.clone(),
        email: Some(details.email.clone()),
        phone: Some(details.mobile_phone.clone()),
        street: details.street.clone(),
        zip: details.zip.clone(),
    })
}

/// Grades `submission` against the patients born on its date of birth.
pub async fn grade(store: &Store, submission: &matching::Person) -> Result<Graded, sqlx::Error> {
    let candidates = match submission.date_of_birth {
        Some(dob) => store.patients_born_on(&dob.iso()).await?,
        None => Vec::new(),
    };
    let ids: Vec<PatientId> = candidates.iter().map(|p| p.id).collect();
    let other_names = store.other_names_of(&ids).await?;
    let records: Vec<matching::Person> = candidates
        .iter()
        .zip(&other_names)
        .map(|(p, names)| as_person(p, names))
        .collect();
    Ok(Graded {
        decision: matching::decide(submission, &records),
        candidates,
    })
}

/// The one patient the sign-up details describe with certainty.
pub async fn certain_patient(
    store: &Store,
    details: &PersonalDetails,
    today: Date,
) -> Result<Option<Patient>, sqlx::Error> {
    match submitted(details, today) {
        Some(submission) => Ok(grade(store, &submission).await?.into_certain()),
        None => Ok(None),
    }
}
