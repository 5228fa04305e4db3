//! How a person asking for proxy access is related to the patient: the
//! wizard's choices (browser) and the decision's input (server).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Parent,
    /// Legal guardian of a minor.
    GuardianOfMinor,
    /// Legal guardian of an adult (court-appointed).
    GuardianOfAdult,
    /// Health care power of attorney.
    PowerOfAttorney,
    SpouseOrPartner,
    /// Adult child or caregiver.
    Caregiver,
    Other,
}

impl Relationship {
    pub const ALL: [Relationship; 7] = [
        Relationship::Parent,
        Relationship::GuardianOfMinor,
        Relationship::GuardianOfAdult,
        Relationship::PowerOfAttorney,
        Relationship::SpouseOrPartner,
        Relationship::Caregiver,
        Relationship::Other,
    ];

    /// Each relationship's value and its title in English, in `ALL`'s order
    /// (for the help desk's console and the audit log).
    pub const CHOICES: &[(&str, &str)] = &[
        ("parent", "Parent"),
        ("guardian_of_minor", "Legal guardian of a child"),
        ("guardian_of_adult", "Legal guardian of an adult"),
        ("power_of_attorney", "Health care power of attorney"),
        ("spouse_or_partner", "Spouse or partner"),
        ("caregiver", "Adult child or caregiver"),
        ("other", "Other"),
    ];

    pub fn as_str(self) -> &'static str {
        Relationship::CHOICES[self as usize].0
    }

    pub fn parse(text: &str) -> Option<Relationship> {
        Relationship::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// In English, as the help desk's console and the audit log read it.
    pub fn title(self) -> &'static str {
        Relationship::CHOICES[self as usize].1
    }

    /// As the patient reads it, in their language.
    pub fn label(self) -> &'static str {
        match self {
            Relationship::Parent => crate::words::proxy_relationship_parent(),
            Relationship::GuardianOfMinor => crate::words::proxy_relationship_guardian_of_minor(),
            Relationship::GuardianOfAdult => crate::words::proxy_relationship_guardian_of_adult(),
            Relationship::PowerOfAttorney => crate::words::proxy_relationship_power_of_attorney(),
            Relationship::SpouseOrPartner => crate::words::proxy_relationship_spouse_or_partner(),
            Relationship::Caregiver => crate::words::proxy_relationship_caregiver(),
            Relationship::Other => crate::words::proxy_relationship_other(),
        }
    }

    /// Each relationship's value and how the patient reads it, in `ALL`'s
    /// order (the wizard's radio buttons).
    pub fn choices() -> Vec<(&'static str, &'static str)> {
        Relationship::ALL
            .into_iter()
            .map(|r| (r.as_str(), r.label()))
            .collect()
    }

    /// Relationships that need a court order or document reference.
    pub fn needs_document(self) -> bool {
        matches!(
            self,
            Relationship::GuardianOfMinor
                | Relationship::GuardianOfAdult
                | Relationship::PowerOfAttorney
        )
    }

    /// A parent's or a child's guardian: access to a minor by law.
    pub fn of_a_minor(self) -> bool {
        matches!(self, Relationship::Parent | Relationship::GuardianOfMinor)
    }
}

/// Reading a stored row: an unknown relationship is a decoding error.
impl TryFrom<String> for Relationship {
    type Error = String;

    fn try_from(text: String) -> Result<Relationship, String> {
        Relationship::parse(&text).ok_or_else(|| format!("unknown relationship {text:?}"))
    }
}
