//! The medical records request form, for people without an email address.

use crate::shared::FieldError;

use crate::shared::rules::Problems;

use crate::domain::date::{Date, DateField, DateParts, parse_date_of_birth, parse_past_date};

use crate::domain::person::{self, NameField};

use crate::words;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// How the records reach the person: each code with its label, in the
/// reader's language.
pub fn deliveries() -> Vec<(&'static str, &'static str)> {
    vec![
        ("mail", words::records_request_by_mail()),
        ("pickup", words::records_request_pickup()),
    ]
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct RecordsRequest {
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub first_name: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub middle_name: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub last_name: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
    #[cfg_attr(feature = "ssr", validate(length(max = 400)))]
    pub street: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub city: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 8)))]
    pub state: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 32)))]
    pub zip: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 64)))]
    pub phone: String,
    /// Which records, in the person's words.
    #[cfg_attr(feature = "ssr", validate(length(max = 4000)))]
    pub records_wanted: String,
    /// From and to: both empty for all dates.
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub from: DateParts,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub to: DateParts,
    #[cfg_attr(feature = "ssr", validate(length(max = 16)))]
    pub delivery: String,
    /// The person's full name, typed as a signature.
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub signature: String,
}

impl RecordsRequest {
    pub fn problems(&self, today: Date) -> Vec<FieldError> {
        let no_range = |d: &DateParts| {
            d.month.trim().is_empty() && d.day.trim().is_empty() && d.year.trim().is_empty()
        };
        let all_dates = no_range(&self.from) && no_range(&self.to);
        let records_wanted = match self.records_wanted.trim().chars().count() {
            0 => Err(words::records_request_which_missing()),
            n if n > 2000 => Err(words::records_request_which_too_long()),
            _ => Ok(()),
        };
        let delivery = if deliveries().iter().any(|(code, _)| *code == self.delivery) {
            Ok(())
        } else {
            Err(words::records_request_delivery_missing())
        };
        let signature = match self.signature.trim().chars().count() {
            0 => Err(words::records_request_signature_missing()),
            n if n > 200 => Err(words::records_request_signature_too_long()),
            _ => Ok(()),
        };
        // Any phone, not only a mobile one.
        let phone = if self.phone.trim().is_empty() {
            Err(words::records_request_phone_missing())
        } else {
            person::phone_problem(&self.phone)
        };
        let mut p = Problems::default();
        p.check(
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
        )
        .check_date("dob", parse_date_of_birth(&self.dob, today))
        .check("street", person::street_problem(&self.street))
        .check("city", person::city_problem(&self.city))
        .check("state", person::state_problem(&self.state))
        .check("zip", person::zip_problem(&self.zip))
        .check("phone", phone)
        .check("records_wanted", records_wanted);
        if !all_dates {
            let from = parse_past_date(&self.from, today, DateField::First);
            let to = parse_past_date(&self.to, today, DateField::Last);
            let order = match (&from, &to) {
                (Ok(a), Ok(b)) if b < a => Err(words::records_request_dates_order()),
                _ => Ok(()),
            };
            p.check_date("from", from)
                .check_date("to", to)
                .check("to", order);
        }
        p.check("delivery", delivery)
            .check("signature", signature)
            .into_vec()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsRequestReceived {
    pub reference: String,
    /// The date the request was signed, written out.
    pub signed_on: String,
}
