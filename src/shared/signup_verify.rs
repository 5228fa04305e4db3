//! "Sign up without an access code": the person's details are matched to
//! their record; when exactly one record matches and it has an email, a
//! six-digit code sent there proves the person reads it, and the flow joins
//! the access-code flow at "Create your login". Otherwise the request waits
//! for the help desk.

use crate::shared::rules::Problems;

use crate::shared::signup_code::CodeHolder;

use crate::shared::FieldError;

use crate::domain::date::{Date, DateParts, parse_date_of_birth};

use crate::domain::email::email_problem;

use crate::domain::person::{self, NameField};

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// Where the no-code sign-up leaves the date of birth of someone too young
/// for it (session storage), for the page that tells them (and audits it).
pub const TOO_YOUNG_DOB: &str = "frontdesk.too-young";
/// Where it leaves a request it could not verify, for the page that says so.
pub const PENDING_KEY: &str = "frontdesk.pending";

/// The questions of the wizard, one page each, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DetailsStep {
    Name,
    DateOfBirth,
    LegalSex,
    Address,
    Phone,
    Email,
}

impl DetailsStep {
    pub const ALL: [DetailsStep; 6] = [
        DetailsStep::Name,
        DetailsStep::DateOfBirth,
        DetailsStep::LegalSex,
        DetailsStep::Address,
        DetailsStep::Phone,
        DetailsStep::Email,
    ];

    /// The page that asks for `field`.
    pub fn of_field(field: &str) -> Option<DetailsStep> {
        Some(match field {
            "first_name" | "middle_name" | "last_name" => DetailsStep::Name,
            "dob" => DetailsStep::DateOfBirth,
            "legal_sex" => DetailsStep::LegalSex,
            "street" | "city" | "state" | "zip" => DetailsStep::Address,
            "mobile_phone" => DetailsStep::Phone,
            "email" => DetailsStep::Email,
            _ => return None,
        })
    }
}

/// What a person tells us to be found in the records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct PersonalDetails {
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub first_name: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub middle_name: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub last_name: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
    #[cfg_attr(feature = "ssr", validate(length(max = 8)))]
    pub legal_sex: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 400)))]
    pub street: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub city: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 8)))]
    pub state: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 32)))]
    pub zip: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 64)))]
    pub mobile_phone: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 512)))]
    pub email: String,
}

impl PersonalDetails {
    /// The shared checks for one page.
    pub fn step_problems(&self, step: DetailsStep, today: Date) -> Vec<FieldError> {
        let mut p = Problems::default();
        match step {
            DetailsStep::Name => p
                .check(
                    "first_name",
                    person::name_problem(&self.first_name, NameField::First),
                )
                .check(
                    "middle_name",
                    person::name_problem(&self.middle_name, NameField::Middle),
                )
                .check(
                    "last_name",
                    person::name_problem(&self.last_name, NameField::Last),
                ),
            DetailsStep::DateOfBirth => p.check_date("dob", parse_date_of_birth(&self.dob, today)),
            DetailsStep::LegalSex => {
                p.check("legal_sex", person::legal_sex_problem(&self.legal_sex))
            }
            DetailsStep::Address => p
                .check("street", person::street_problem(&self.street))
                .check("city", person::city_problem(&self.city))
                .check("state", person::state_problem(&self.state))
                .check("zip", person::zip_problem(&self.zip)),
            DetailsStep::Phone => {
                p.check("mobile_phone", person::phone_problem(&self.mobile_phone))
            }
            DetailsStep::Email => p.check("email", email_problem(&self.email)),
        };
        p.into_vec()
    }

    /// Every page's checks, in page order.
    pub fn problems(&self, today: Date) -> Vec<FieldError> {
        DetailsStep::ALL
            .iter()
            .flat_map(|step| self.step_problems(*step, today))
            .collect()
    }
}

/// What happened to submitted details.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DetailsOutcome {
    /// A record matched: a code went to its email, shown masked. Or, with
    /// `wait_minutes`, codes went there so recently that no new one went
    /// out: the latest still works for its ten minutes, and a new one can be
    /// asked for after the wait.
    EmailCodeSent {
        masked_email: String,
        wait_minutes: Option<u32>,
    },
    /// No single record matched (or it has no email): the help desk takes over.
    Pending(PendingRequest),
    /// Below the teen band in their state: no account of their own, and no
    /// request (a parent or guardian asks for proxy access).
    TooYoung,
}

/// A request waiting for the help desk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingRequest {
    pub reference: String,
    /// The date by which a code will be sent, written out ("December 7, 2026").
    pub promised_by: String,
}

/// The proof that the person reads the email on their record: an access
/// code made for them, which the shared "Create your login" step redeems.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifiedSignup {
    pub access_code: String,
    pub holder: CodeHolder,
}
