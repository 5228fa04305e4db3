//! Matching a self-signup to the patient record it describes, graded the way
//! FHIR's `$match` grades candidates: **certain**, **probable**, **possible**.
//!
//! Every record with the submission's date of birth is a candidate. Each
//! field the person gave is compared with the record's and lands on one
//! [`Agreement`]:
//!
//! | field         | same                          | close                 | weak                                  |
//! |---------------|-------------------------------|-----------------------|---------------------------------------|
//! | first name    | exact, or given names in order ("Mary" of "Mary Ann") | a nickname (Bill, William) | one typo; the middle name; only the first of two given names; near a nickname |
//! | last name     | exact (or a maiden or previous name) | one part of a two-part name | one typo |
//! | middle name   | exact                         | an initial            |                                       |
//! | legal sex     | the same                      |                       |                                       |
//! | email, phone  | the same                      |                       |                                       |
//! | address       | street and ZIP                | street only           | ZIP only                              |
//!
//! Names compare after folding (case, accents, ł→l, ß→ss, Müller = Mueller
//! = Muller; see [`names`]); streets after the USPS abbreviations (Road = Rd,
//! Apt 3 = #3; see [`address`]); phones by their ten digits, an extension
//! ignored. A field missing on either side is *unknown*. [`WEIGHTS`] turns
//! the agreements into a score that ranks candidates for the help desk.
//!
//! The grade of one candidate:
//!
//! - **certain** — the last name is the same or one part of it; the first
//!   name is exact, in order, or a nickname; legal sex is the same (or
//!   unknown on the record; when it was not asked, only an exact first name
//!   will do); the middle name does not differ; and the email, the phone or
//!   the street agrees. Only a certain match gets the emailed code.
//! - **probable** — both names agree in some way (a typo, the middle name, a
//!   different legal sex) and the email, the phone or the street agrees: the
//!   help desk reviews it with this record proposed.
//! - **possible** — at least one of the names agrees (a married name not yet
//!   on the record, a sibling): the help desk compares.
//!
//! Then the other candidates are weighed ([`decide`]). Twins and siblings
//! share a birthday, a last name and often every contact, so when another
//! candidate's last name agrees, only an exact first name can stay certain:
//! "Mary" of "Mary Ann" or a nickname is certain only when no sibling's first
//! name agrees exactly, in order or as a nickname too. An exact candidate
//! beats typo and nickname candidates; two exact candidates are both only
//! probable. Legal sex that differs is never certain.
//!
//! Server only: folding needs Unicode decomposition, which the browser never
//! does.

pub mod address;
pub mod names;

use super::date::Date;
use super::person::{phone_digits, zip5};
use names::{FirstName, GivenNames, LastName, MiddleName};

/// The details a person gives, or a record holds, that matching looks at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    /// Other names the record holds: maiden and previous names, nicknames.
    pub other_names: Vec<OtherName>,
    pub date_of_birth: Option<Date>,
    /// "F", "M" or "X"; anything else (blank, "U") is unknown, and a
    /// submission leaves it blank where the form does not ask.
    pub legal_sex: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub street: String,
    pub zip: String,
}

/// Another name a record holds for the person; either part may be blank.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OtherName {
    pub first_name: String,
    pub last_name: String,
}

/// The FHIR `match-grade` of a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    Possible,
    Probable,
    Certain,
}

impl Grade {
    /// The FHIR code: `certain`, `probable`, `possible`.
    pub fn code(self) -> &'static str {
        match self {
            Grade::Certain => "certain",
            Grade::Probable => "probable",
            Grade::Possible => "possible",
        }
    }
}

/// The fields compared, in the order the help desk sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    DateOfBirth,
    FirstName,
    MiddleName,
    LastName,
    LegalSex,
    Address,
    Phone,
    Email,
}

/// How one field of a submission agrees with a record's (see the table in
/// the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agreement {
    Same,
    Close,
    Weak,
    /// Missing on one side.
    Unknown,
    Differs,
}

/// What each field's agreement adds to a candidate's score:
/// `[same, close, weak, unknown, differs]`. Contacts that differ weigh
/// nothing: people change numbers and families share them.
pub const WEIGHTS: &[(Field, [i32; 5])] = &[
    (Field::DateOfBirth, [8, 0, 0, 0, -12]),
    (Field::FirstName, [4, 3, 2, 0, -6]),
    (Field::MiddleName, [1, 1, 0, 0, -2]),
    (Field::LastName, [4, 3, 2, 0, -6]),
    (Field::LegalSex, [1, 0, 0, 0, -4]),
    (Field::Address, [3, 2, 1, 0, 0]),
    (Field::Phone, [3, 0, 0, 0, 0]),
    (Field::Email, [3, 0, 0, 0, 0]),
];

fn weight(field: Field, agreement: Agreement) -> i32 {
    let column = match agreement {
        Agreement::Same => 0,
        Agreement::Close => 1,
        Agreement::Weak => 2,
        Agreement::Unknown => 3,
        Agreement::Differs => 4,
    };
    WEIGHTS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or(0, |(_, row)| row[column])
}

/// One candidate compared with the submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub first_name: FirstName,
    pub last_name: LastName,
    pub fields: Vec<(Field, Agreement)>,
    pub score: i32,
    /// The grade after the other candidates were weighed; None when the
    /// record is not a candidate at all.
    pub grade: Option<Grade>,
    /// Why the grade is not certain, for the help desk.
    pub limits: Vec<&'static str>,
}

impl Assessment {
    pub fn agreement(&self, field: Field) -> Agreement {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(Agreement::Unknown, |(_, a)| *a)
    }
}

/// What matching a submission against the candidates found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The best grade any candidate reached; None when none is a candidate.
    pub grade: Option<Grade>,
    /// The record the decision points to: the certain match, or the
    /// probable one the help desk is asked to confirm. None when several
    /// are equally good.
    pub candidate: Option<usize>,
    /// One per record, in the order given.
    pub assessments: Vec<Assessment>,
}

impl Decision {
    /// The certain match, if there is one.
    pub fn certain(&self) -> Option<usize> {
        self.candidate
            .filter(|_| self.grade == Some(Grade::Certain))
    }

    /// A sentence for the help desk on how the request was graded.
    pub fn summary(&self) -> String {
        let Some(grade) = self.grade else {
            return "no record matched".into();
        };
        match self.candidate {
            Some(_) if grade == Grade::Certain => "certain match".into(),
            Some(i) => format!(
                "{} match: {}",
                grade.code(),
                self.assessments[i].limits.join("; ")
            ),
            None => format!("{} match with several records", grade.code()),
        }
    }
}

/// Grades `submission` against `records` (those with its date of birth).
pub fn decide(submission: &Person, records: &[Person]) -> Decision {
    let mut assessments: Vec<Assessment> = records.iter().map(|r| assess(submission, r)).collect();
    let certain: Vec<bool> = assessments
        .iter()
        .map(|a| a.grade == Some(Grade::Certain))
        .collect();
    for i in 0..assessments.len() {
        if !certain[i] {
            continue;
        }
        let first = assessments[i].first_name;
        let siblings = || {
            assessments.iter().enumerate().filter(move |(j, a)| {
                *j != i
                    && a.last_name != LastName::Differs
                    && a.agreement(Field::DateOfBirth) == Agreement::Same
            })
        };
        let limit = if first == FirstName::Exact {
            siblings()
                .any(|(j, a)| certain[j] && a.first_name == FirstName::Exact)
                .then_some("another record agrees exactly as well")
        } else {
            siblings()
                .any(|(_, a)| {
                    matches!(
                        a.first_name,
                        FirstName::Exact | FirstName::Parts | FirstName::Nickname
                    )
                })
                .then_some(
                    "another patient with this date of birth and last name has a first name that agrees too",
                )
        };
        if let Some(limit) = limit {
            assessments[i].grade = Some(Grade::Probable);
            assessments[i].limits.push(limit);
        }
    }
    let rank = |a: &Assessment| (a.grade, a.first_name.strength(), a.score);
    let best = (0..assessments.len()).max_by_key(|&i| rank(&assessments[i]));
    let grade = best.and_then(|i| assessments[i].grade);
    let candidate = best.filter(|&i| {
        let tied = (0..assessments.len())
            .any(|j| j != i && rank(&assessments[j]) == rank(&assessments[i]));
        grade >= Some(Grade::Probable) && !tied
    });
    Decision {
        grade,
        candidate,
        assessments,
    }
}

/// One record compared with the submission, on its own.
pub fn assess(submission: &Person, record: &Person) -> Assessment {
    let record_given: Vec<&str> = record
        .other_names
        .iter()
        .map(|o| o.first_name.as_str())
        .filter(|n| !n.trim().is_empty())
        .collect();
    let first_name = names::first_name(
        &GivenNames {
            first: &submission.first_name,
            middle: &submission.middle_name,
            other: &[],
        },
        &GivenNames {
            first: &record.first_name,
            middle: &record.middle_name,
            other: &record_given,
        },
    );
    let record_family: Vec<&str> = std::iter::once(record.last_name.as_str())
        .chain(record.other_names.iter().map(|o| o.last_name.as_str()))
        .filter(|n| !n.trim().is_empty())
        .collect();
    let last_name = names::last_name(&submission.last_name, &record_family);
    let middle_name = names::middle_name(&submission.middle_name, &record.middle_name);

    let dob = match (submission.date_of_birth, record.date_of_birth) {
        (Some(a), Some(b)) if a == b => Agreement::Same,
        (Some(_), Some(_)) => Agreement::Differs,
        _ => Agreement::Unknown,
    };
    let first = match first_name {
        FirstName::Exact | FirstName::Parts => Agreement::Same,
        FirstName::Nickname => Agreement::Close,
        FirstName::Middle | FirstName::Typo | FirstName::FirstPart | FirstName::NearNickname => {
            Agreement::Weak
        }
        FirstName::Differs => Agreement::Differs,
    };
    let last = match last_name {
        LastName::Same => Agreement::Same,
        LastName::Part => Agreement::Close,
        LastName::Typo => Agreement::Weak,
        LastName::Differs => Agreement::Differs,
    };
    let middle = match middle_name {
        MiddleName::Same => Agreement::Same,
        MiddleName::Initial => Agreement::Close,
        MiddleName::Unknown => Agreement::Unknown,
        MiddleName::Differs => Agreement::Differs,
    };
    let sex_known = |s: &str| matches!(s, "F" | "M" | "X");
    let sex = match (submission.legal_sex.as_str(), record.legal_sex.as_str()) {
        (a, b) if !sex_known(a) || !sex_known(b) => Agreement::Unknown,
        (a, b) if a == b => Agreement::Same,
        _ => Agreement::Differs,
    };
    let email = compare(
        submission.email.as_deref().map(|e| e.trim().to_lowercase()),
        record.email.as_deref().map(|e| e.trim().to_lowercase()),
    );
    let phone = compare(
        submission.phone.as_deref().and_then(phone_digits),
        record.phone.as_deref().and_then(phone_digits),
    );
    let address = compare_address(submission, record);
    let fields = vec![
        (Field::DateOfBirth, dob),
        (Field::FirstName, first),
        (Field::MiddleName, middle),
        (Field::LastName, last),
        (Field::LegalSex, sex),
        (Field::Address, address),
        (Field::Phone, phone),
        (Field::Email, email),
    ];
    let score = fields.iter().map(|(f, a)| weight(*f, *a)).sum();

    let contact = email == Agreement::Same
        || phone == Agreement::Same
        || matches!(address, Agreement::Same | Agreement::Close);
    let mut limits = Vec::new();
    match last_name {
        LastName::Same | LastName::Part => {}
        LastName::Typo => limits.push("the last name is one typo from the record's"),
        LastName::Differs => limits.push("the last name differs"),
    }
    match first_name {
        FirstName::Exact | FirstName::Parts | FirstName::Nickname => {}
        FirstName::Middle => limits.push("the first name is the record's middle name"),
        FirstName::Typo => limits.push("the first name is one typo from the record's"),
        FirstName::FirstPart => {
            limits.push("only the first of the given names agrees; a later one differs")
        }
        FirstName::NearNickname => limits.push("the first name is only near a nickname"),
        FirstName::Differs => limits.push("the first name differs"),
    }
    let sex_given = sex_known(&submission.legal_sex);
    if sex == Agreement::Differs {
        limits.push("legal sex differs");
    } else if !sex_given && first_name != FirstName::Exact {
        limits.push("legal sex was not given and the first name is not exact");
    }
    if middle == Agreement::Differs {
        limits.push("the middle name differs");
    }
    if !contact {
        limits.push("neither the email, the phone nor the street agrees");
    }
    let names_agree = last_name != LastName::Differs && first_name != FirstName::Differs;
    let one_name_agrees = last_name != LastName::Differs || first_name != FirstName::Differs;
    let grade = if dob != Agreement::Same {
        None
    } else if limits.is_empty() {
        Some(Grade::Certain)
    } else if names_agree && contact {
        Some(Grade::Probable)
    } else if one_name_agrees {
        Some(Grade::Possible)
    } else {
        None
    };
    Assessment {
        first_name,
        last_name,
        fields,
        score,
        grade,
        limits,
    }
}

fn compare(a: Option<String>, b: Option<String>) -> Agreement {
    match (a.filter(|a| !a.is_empty()), b.filter(|b| !b.is_empty())) {
        (Some(a), Some(b)) if a == b => Agreement::Same,
        (Some(_), Some(_)) => Agreement::Differs,
        _ => Agreement::Unknown,
    }
}

fn compare_address(submission: &Person, record: &Person) -> Agreement {
    let (a, b) = (
        address::street_key(&submission.street),
        address::street_key(&record.street),
    );
    let (zip_a, zip_b) = (zip5(&submission.zip), zip5(&record.zip));
    let same_zip = zip_a.is_some() && zip_a == zip_b;
    if a.is_empty() || b.is_empty() {
        return if same_zip {
            Agreement::Weak
        } else {
            Agreement::Unknown
        };
    }
    match (a == b, same_zip) {
        (true, true) => Agreement::Same,
        (true, false) => Agreement::Close,
        (false, true) => Agreement::Weak,
        (false, false) => Agreement::Differs,
    }
}

/// Email addresses compared whole, ignoring case and surrounding spaces.
pub fn same_email(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.map(str::trim), b.map(str::trim)) {
        (Some(a), Some(b)) => !a.is_empty() && a.to_lowercase() == b.to_lowercase(),
        _ => false,
    }
}

/// Whether two addresses may reach the same mailbox: as [`same_email`],
/// and also when one adds a `+tag` to the other's name (`mei+teen@` is
/// delivered to `mei@` by most providers). For refusals that protect
/// someone (a teen may not use a parent's address); never as proof that the
/// person reads an address.
pub fn same_mailbox(a: Option<&str>, b: Option<&str>) -> bool {
    fn mailbox(email: &str) -> String {
        let email = email.trim().to_lowercase();
        match email.rsplit_once('@') {
            Some((name, domain)) => {
                let name = name.split('+').next().unwrap_or(name);
                format!("{name}@{domain}")
            }
            None => email,
        }
    }
    same_email(a, b) || same_email(a.map(mailbox).as_deref(), b.map(mailbox).as_deref())
}

/// Phone numbers compared by their ten digits.
pub fn same_phone(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(phone_digits), b.and_then(phone_digits)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// Lower case, accents removed, only letters and digits kept: the folded
/// form names are compared in.
pub fn normalize_name(name: &str) -> String {
    names::fold(name, false)
}

#[cfg(test)]
mod labelled;
#[cfg(test)]
mod tests;
