//! Proxy access: asking to act for another patient (a child, or an adult
//! who needs help), and what the answer is.

use crate::domain::ids::GrantId;
use crate::domain::states::Scope;
use crate::shared::rules::Problems;

use crate::shared::FieldError;

use crate::domain::date::{Date, DateParts, parse_their_date_of_birth};

use crate::domain::relationship::Relationship;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// Whose record, the relationship, and what supports it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct ProxyRequestForm {
    #[cfg_attr(feature = "ssr", validate(length(max = 100)))]
    pub first_name: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 100)))]
    pub last_name: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
    /// `parent`, `guardian_of_minor`, `guardian_of_adult`, `power_of_attorney`,
    /// `spouse_or_partner`, `caregiver` or `other`.
    #[cfg_attr(feature = "ssr", validate(length(max = 40)))]
    pub relationship: String,
    /// The court order or document reference (guardianship, power of attorney).
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub document_reference: String,
    /// Anything the help desk should know.
    #[cfg_attr(feature = "ssr", validate(length(max = 2000)))]
    pub details: String,
}

/// The wizard's pages, in order: whose record, the relationship, and the
/// details that support it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProxyStep {
    Person,
    Relationship,
    Details,
}

impl ProxyStep {
    pub const ALL: [ProxyStep; 3] = [
        ProxyStep::Person,
        ProxyStep::Relationship,
        ProxyStep::Details,
    ];
}

impl ProxyRequestForm {
    /// The checks of one page, shared by the browser and the server.
    pub fn step_problems(&self, step: ProxyStep, today: Date) -> Vec<FieldError> {
        let filled = |text: &str, message: &'static str| {
            if text.trim().is_empty() {
                Err(message)
            } else {
                Ok(())
            }
        };
        let mut p = Problems::default();
        match step {
            ProxyStep::Person => p
                .check(
                    "first_name",
                    filled(&self.first_name, crate::words::proxy_enter_first_name()),
                )
                .check(
                    "last_name",
                    filled(&self.last_name, crate::words::proxy_enter_last_name()),
                )
                .check_date("dob", parse_their_date_of_birth(&self.dob, today)),
            ProxyStep::Relationship => p.check(
                "relationship",
                Relationship::parse(&self.relationship)
                    .map(|_| ())
                    .ok_or(crate::words::proxy_choose_relationship()),
            ),
            ProxyStep::Details => {
                let needs = Relationship::parse(&self.relationship)
                    .is_some_and(Relationship::needs_document);
                if needs {
                    p.check(
                        "document_reference",
                        filled(
                            &self.document_reference,
                            crate::words::proxy_enter_document(),
                        ),
                    );
                }
                &mut p
            }
        }
        .into_vec()
    }

    /// Every page's checks, in page order.
    pub fn problems(&self, today: Date) -> Vec<FieldError> {
        ProxyStep::ALL
            .into_iter()
            .flat_map(|step| self.step_problems(step, today))
            .collect()
    }

    /// The page that asks for `field`.
    pub fn step_of(field: &str) -> ProxyStep {
        match field {
            "relationship" => ProxyStep::Relationship,
            "document_reference" | "details" => ProxyStep::Details,
            _ => ProxyStep::Person,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProxyAnswer {
    /// Access by law, now.
    Granted {
        name: String,
        /// "full" or "limited".
        scope: Scope,
        /// The date it ends (the age of majority).
        until: String,
        /// The rule, in plain words.
        because: String,
    },
    /// Refused, and why.
    Refused { reason: String },
    /// Waiting for the help desk (and, for an adult, their own approval).
    Review { reference: String, within_days: u32 },
}

/// What Front Desk holds about a patient, as much as the viewer may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSummary {
    pub name: String,
    pub date_of_birth: String,
    pub mrn: String,
    /// "Your own record", or the grant it is opened under.
    pub opened_as: String,
    /// Contact details: a full view only.
    pub contact: Option<Contact>,
    /// Who has access: the patient's own view and full grants only.
    pub access: Option<Vec<AccessHolder>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub address: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// One person who can open a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessHolder {
    pub grant_id: GrantId,
    pub name: String,
    pub relationship: String,
    pub since: String,
    pub until: String,
    pub scope: Scope,
    /// The patient may end it (not a parent's access by law).
    pub can_end: bool,
}

/// A request for access to the signed-in patient's record, waiting for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalAsked {
    pub reference: String,
    pub requester: String,
    pub relationship: String,
    pub asked_on: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_sends_the_person_back_to_the_page_that_asks_for_it() {
        let today = Date::new(2026, 11, 30).unwrap();
        let empty = ProxyRequestForm {
            relationship: "power_of_attorney".into(),
            ..Default::default()
        };
        for step in ProxyStep::ALL {
            let problems = empty.step_problems(step, today);
            let expected = match step {
                ProxyStep::Person => 3,
                ProxyStep::Relationship => 0,
                ProxyStep::Details => 1,
            };
            assert_eq!(problems.len(), expected, "{step:?}: {problems:?}");
            for p in problems {
                assert_eq!(ProxyRequestForm::step_of(&p.field), step, "{}", p.field);
            }
        }
        let unknown = ProxyRequestForm {
            relationship: "cousin".into(),
            ..Default::default()
        };
        let problems = unknown.step_problems(ProxyStep::Relationship, today);
        assert_eq!(problems[0].field, "relationship");
        assert_eq!(
            ProxyRequestForm::step_of("relationship"),
            ProxyStep::Relationship
        );
        // A caregiver needs no court order.
        let caregiver = ProxyRequestForm {
            relationship: "caregiver".into(),
            ..Default::default()
        };
        assert!(
            caregiver
                .step_problems(ProxyStep::Details, today)
                .is_empty()
        );
    }
}

/// A request the person made, as they see it on their record page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRequest {
    pub reference: String,
    /// Whose record.
    pub name: String,
    /// "Waiting for Lily Chen to approve", "Approved", …
    pub status: String,
    /// When it last changed ("December 1, 2026").
    pub updated_on: String,
}
