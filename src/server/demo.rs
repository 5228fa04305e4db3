//! Demo data: about 50 synthetic patients of all ages, with fresh codes, and
//! three ready-to-try code and date-of-birth pairs printed on the console.
//! Only in demo mode (`--demo`). Every name, address and number is invented.

use super::codes::{DEFAULT_DAYS, Issue, issue_code};
use super::security::{PasswordHasher, ServerSecret, new_token};
use super::store::{
    AuditEvent, NewGuardian, NewPatient, NewStaff, OtherName, PatientRecord, Store,
};
use crate::domain::date::Date;
use crate::domain::policy::{AgeGroup, PolicyTable};
use crate::domain::staff::Role;

const FIRST_NAMES: &[(&str, &str)] = &[
    ("Olivia", "F"),
    ("Liam", "M"),
    ("Emma", "F"),
    ("Noah", "M"),
    ("Ava", "F"),
    ("Elijah", "M"),
    ("Sophia", "F"),
    ("James", "M"),
    ("Isabella", "F"),
    ("William", "M"),
    ("Mia", "F"),
    ("Benjamin", "M"),
    ("Charlotte", "F"),
    ("Lucas", "M"),
    ("Amelia", "F"),
    ("Henry", "M"),
    ("Harper", "F"),
    ("Alexander", "M"),
    ("Evelyn", "F"),
    ("Daniel", "M"),
    ("Abigail", "F"),
    ("Mateo", "M"),
    ("Elizabeth", "F"),
    ("Jackson", "M"),
    ("Sofia", "F"),
    ("Sebastian", "M"),
    ("Camila", "F"),
    ("Joseph", "M"),
    ("Aaliyah", "F"),
    ("Samuel", "M"),
    ("Priya", "F"),
    ("Wei", "M"),
    ("Fatima", "F"),
    ("Kwame", "M"),
    ("Guadalupe", "F"),
    ("Dmitri", "M"),
];
/// Demo patients whose records give Spanish as their preferred language.
const SPANISH_SPEAKERS: &[&str] = &["Mateo", "Sofia", "Camila", "Guadalupe", "Ana"];
const LAST_NAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "O'Connor",
    "Nguyen",
    "Patel",
    "Kim",
    "Okafor",
    "Müller",
];
const STREETS: &[&str] = &[
    "Maple Ave",
    "Oak St",
    "Cedar Ln",
    "Pine Rd",
    "Elm St",
    "Lakeview Dr",
    "Hillcrest Blvd",
    "Sunset Ave",
    "River Rd",
    "Park Pl",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("Springfield", "IL", "62704"),
    ("Madison", "WI", "53703"),
    ("Columbus", "OH", "43215"),
    ("Portland", "OR", "97205"),
    ("Austin", "TX", "78701"),
    ("Raleigh", "NC", "27601"),
    ("Denver", "CO", "80202"),
    ("Albany", "NY", "12207"),
];

/// A small deterministic generator, so every demo database looks the same.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Born `age` years and `extra_days` days before `today`.
fn born(today: Date, age: i32, extra_days: i64) -> String {
    let anniversary =
        Date::new(today.year() - age, today.month(), today.day().min(28)).unwrap_or(today);
    anniversary.add_days(-extra_days).iso()
}

struct Person {
    first: &'static str,
    middle: &'static str,
    last: &'static str,
    sex: &'static str,
    age: i32,
    email: bool,
    emancipated: bool,
    guardians: &'static [(&'static str, &'static str)],
    /// The family's shared email, when not one of their own.
    family_email: Option<&'static str>,
    /// A maiden or previous last name on the record.
    maiden_name: Option<&'static str>,
}

/// The patients with a story; the rest are generated.
const NAMED: &[Person] = &[
    Person {
        first: "Maria",
        middle: "Elena",
        last: "Garcia",
        sex: "F",
        age: 42,
        email: true,
        emancipated: false,
        guardians: &[],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Robert",
        middle: "",
        last: "Johnson",
        sex: "M",
        age: 71,
        email: true,
        emancipated: false,
        guardians: &[],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Aiden",
        middle: "Minh",
        last: "Nguyen",
        sex: "M",
        age: 16,
        email: true,
        emancipated: false,
        guardians: &[("Linh Nguyen", "mother")],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Lily",
        middle: "",
        last: "Chen",
        sex: "F",
        age: 9,
        email: false,
        emancipated: false,
        guardians: &[("Mei Chen", "mother"), ("David Chen", "father")],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Jordan",
        middle: "Avery",
        last: "Taylor",
        sex: "X",
        age: 17,
        email: true,
        emancipated: true,
        guardians: &[],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Harold",
        middle: "",
        last: "Brooks",
        sex: "M",
        age: 83,
        email: false,
        emancipated: false,
        guardians: &[],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Zoe",
        middle: "",
        last: "Okafor",
        sex: "F",
        age: 14,
        email: true,
        emancipated: false,
        guardians: &[("Chidi Okafor", "father")],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Ethan",
        middle: "",
        last: "Okafor",
        sex: "M",
        age: 11,
        email: false,
        emancipated: false,
        guardians: &[("Chidi Okafor", "father")],
        family_email: None,
        maiden_name: None,
    },
    // Parents with records of their own, listed on their children's records
    // with the same email: they can sign up and get proxy access by law.
    Person {
        first: "Mei",
        middle: "",
        last: "Chen",
        sex: "F",
        age: 38,
        email: true,
        emancipated: false,
        guardians: &[],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Linh",
        middle: "",
        last: "Nguyen",
        sex: "F",
        age: 44,
        email: true,
        emancipated: false,
        guardians: &[],
        family_email: None,
        maiden_name: None,
    },
    // Twins sharing a birthday, an address and the family email: each one's
    // own details match only their own record.
    Person {
        first: "Jason",
        middle: "",
        last: "Park",
        sex: "M",
        age: 24,
        email: true,
        emancipated: false,
        guardians: &[],
        family_email: Some("park.family@example.com"),
        maiden_name: None,
    },
    Person {
        first: "Mason",
        middle: "",
        last: "Park",
        sex: "M",
        age: 24,
        email: true,
        emancipated: false,
        guardians: &[],
        family_email: Some("park.family@example.com"),
        maiden_name: None,
    },
    // Names people write without their letters, and a maiden name.
    Person {
        first: "Jonas",
        middle: "",
        last: "Müller",
        sex: "M",
        age: 35,
        email: true,
        emancipated: false,
        guardians: &[],
        family_email: None,
        maiden_name: None,
    },
    Person {
        first: "Ana",
        middle: "Lucía",
        last: "Silva",
        sex: "F",
        age: 33,
        email: true,
        emancipated: false,
        guardians: &[],
        family_email: None,
        maiden_name: Some("Costa"),
    },
];

pub async fn seed(
    store: &Store,
    secret: &ServerSecret,
    policy: &PolicyTable,
    now: i64,
) -> Result<(), String> {
    let today = Date::from_unix_seconds(now);
    let mut rng = Lcg(2026);
    let mut patients: Vec<NewPatient> = Vec::new();
    for (i, person) in NAMED.iter().enumerate() {
        // Twins share a birthday: one per family email.
        let twin = NAMED[..i]
            .iter()
            .position(|p| p.family_email.is_some() && p.family_email == person.family_email);
        let date_of_birth = born(today, person.age, 40 + twin.unwrap_or(i) as i64 * 17);
        let mut new = patient(i, person, date_of_birth, &mut rng);
        if let Some(twin) = twin {
            let home = &patients[twin].record;
            new.record.street = home.street.clone();
            new.record.city = home.city.clone();
            new.record.state = home.state.clone();
            new.record.zip = home.zip.clone();
        }
        patients.push(new);
    }
    for i in NAMED.len()..50 {
        let (first, sex) = FIRST_NAMES[rng.next(FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.next(LAST_NAMES.len())];
        let age = [2, 6, 12, 15, 17, 19, 24, 31, 38, 45, 52, 58, 63, 69, 76, 88][rng.next(16)];
        let guardians: &'static [(&str, &str)] = if age < 18 {
            &[("Alex Parent", "parent")]
        } else {
            &[]
        };
        let person = Person {
            first,
            middle: "",
            last,
            sex,
            age,
            email: rng.next(10) != 0,
            emancipated: false,
            guardians,
            family_email: None,
            maiden_name: None,
        };
        let date_of_birth = born(today, age, rng.next(360) as i64);
        patients.push(patient(i, &person, date_of_birth, &mut rng));
    }

    let mut ready = Vec::new();
    for p in &patients {
        store
            .insert_patient(p, now)
            .await
            .map_err(|e| e.to_string())?;
        let Some(record) = store
            .patient_by_mrn(&p.record.mrn)
            .await
            .map_err(|e| e.to_string())?
        else {
            continue;
        };
        let born_on = Date::parse_iso(&record.record.date_of_birth).unwrap_or(today);
        if policy.age_group(born_on, &record.record.state, now).value == AgeGroup::Child
            || store
                .patient_has_account(record.id)
                .await
                .map_err(|e| e.to_string())?
        {
            continue;
        }
        let issued = issue_code(
            store,
            secret,
            policy,
            &record,
            &Issue::by_staff("demo", DEFAULT_DAYS),
            now,
        )
        .await
        .map_err(|e| e.to_string())?;
        if ["Maria", "Aiden", "Mei"].contains(&record.record.first_name.as_str()) {
            ready.push((record, born_on, issued));
        }
    }

    // Mei asks for her daughter's record by name and date of birth.
    let lily_born = patients
        .iter()
        .find(|p| p.record.first_name == "Lily")
        .and_then(|p| Date::parse_iso(&p.record.date_of_birth))
        .map_or(String::new(), |d| {
            format!(", born {:02}/{:02}/{}", d.month(), d.day(), d.year())
        });
    println!(
        "Demo data is ready: {} synthetic patients. Codes to try (Aiden is a teen; Mei is \
         the mother of Lily Chen{lily_born}: once signed in, she can ask for access to Lily's \
         record):",
        patients.len()
    );
    for (p, born_on, issued) in &ready {
        println!(
            "  {:<16} access code {}   date of birth {:02}/{:02}/{} (month/day/year)   expires {}",
            format!("{} {}", p.record.first_name, p.record.last_name),
            issued.code,
            born_on.month(),
            born_on.day(),
            born_on.year(),
            issued.expires_on
        );
    }
    if let Some(twin) = patients.iter().find(|p| p.record.first_name == "Jason") {
        let r = &twin.record;
        let born = Date::parse_iso(&r.date_of_birth).unwrap_or(today);
        println!(
            "To sign up without a code, try the twins Jason and Mason Park (born {:02}/{:02}/{}, {}, {} {} {}, park.family@example.com): each one's own details reach only their own record.",
            born.month(),
            born.day(),
            born.year(),
            r.street,
            r.city,
            r.state,
            r.zip
        );
    }
    Ok(())
}

fn patient(index: usize, person: &Person, date_of_birth: String, rng: &mut Lcg) -> NewPatient {
    let Person {
        first,
        middle,
        last,
        sex,
        emancipated,
        guardians,
        ..
    } = *person;
    let (city, state, zip) = CITIES[rng.next(CITIES.len())];
    let handle = person
        .family_email
        .map_or_else(|| email_of(&format!("{first} {last}")), str::to_string);
    let record = PatientRecord {
        mrn: format!("{}", 100_001 + index),
        first_name: first.into(),
        middle_name: middle.into(),
        last_name: last.into(),
        date_of_birth,
        legal_sex: sex.into(),
        street: format!(
            "{} {}",
            100 + rng.next(9800),
            STREETS[rng.next(STREETS.len())]
        ),
        city: city.into(),
        state: state.into(),
        zip: zip.into(),
        mobile_phone: Some(format!("(555) 555-01{:02}", rng.next(100))),
        email: person.email.then_some(handle),
        emancipated,
        language: SPANISH_SPEAKERS.contains(&first).then(|| "es".to_string()),
    };
    NewPatient {
        record,
        guardians: guardians
            .iter()
            .map(|(name, relationship)| NewGuardian {
                full_name: (*name).into(),
                relationship: (*relationship).into(),
                phone: Some(format!("(555) 555-01{:02}", rng.next(100))),
                email: Some(email_of(name)),
            })
            .collect(),
        other_names: person
            .maiden_name
            .map(|last| OtherName {
                kind: "maiden".into(),
                first_name: String::new(),
                last_name: last.into(),
            })
            .into_iter()
            .collect(),
    }
}

/// A synthetic email address for a full name: parents listed on a child's
/// record and their own records share it. Letters keep their base letter
/// ("Emma Müller" is `emma.muller@`, "José Núñez" `jose.nunez@`).
fn email_of(full_name: &str) -> String {
    let handle: Vec<String> = full_name
        .split_whitespace()
        .map(crate::domain::matching::normalize_name)
        .filter(|word| !word.is_empty())
        .collect();
    format!("{}@example.com", handle.join("."))
}

/// Adds a staff member who signs in with `password` at once (no setup
/// code): the demo's staff, and tests'. False when the username is taken.
pub async fn add_staff_with_password(
    store: &Store,
    hasher: &PasswordHasher,
    username: &str,
    role: Role,
    password: &str,
    now: i64,
) -> Result<bool, String> {
    let hash = hasher.hash(password).await.map_err(|e| format!("{e:?}"))?;
    let new = NewStaff {
        username,
        username_key: username,
        role,
        password_hash: Some(&hash),
        setup_code_hash: None,
        setup_expires_at: None,
    };
    let event = AuditEvent {
        actor: "demo",
        patient_id: None,
        action: "staff.add",
        outcome: &format!("{username} added as {}", role.as_str()),
        client_addr: None,
    };
    let added = store.add_staff(&new, &event, now).await;
    Ok(added.map_err(|e| e.to_string())?.is_some())
}

/// One staff member of each role with a random password, printed once.
pub async fn seed_staff(store: &Store, now: i64) -> Result<(), String> {
    let hasher = PasswordHasher::new(1, 1);
    println!("Demo staff, shown only now (sign in at /staff/signin):");
    for (username, role) in [
        ("helpdesk.demo", Role::Agent),
        ("clinic.demo", Role::Clinic),
        ("admin.demo", Role::Admin),
    ] {
        let token = new_token(16);
        let password = format!(
            "{}-{}-{}-{}",
            &token[..4],
            &token[4..8],
            &token[8..12],
            &token[12..]
        );
        // Another server starting on the same database may have seeded
        // them first: its passwords are the ones that work.
        if !add_staff_with_password(store, &hasher, username, role, &password, now).await? {
            continue;
        }
        println!(
            "  {:<14} {:<16} password {password}",
            username,
            role.title()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::email_of;

    #[test]
    fn demo_addresses_keep_each_letter_as_its_base_letter() {
        assert_eq!(email_of("Jonas Müller"), "jonas.muller@example.com");
        assert_eq!(email_of("Ana Lucía Núñez"), "ana.lucia.nunez@example.com");
        assert_eq!(email_of("Mary-Kate O'Brien"), "marykate.obrien@example.com");
    }
}
