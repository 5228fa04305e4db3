//! A fresh database with the demo patients, the state the server would
//! build from its default configuration, and callers at a chosen time.

use clap::Parser;
use frontdesk::domain::date::{Date, DateParts};
use frontdesk::domain::policy::{BUNDLED, PolicyTable};
use frontdesk::domain::staff::Role;
use frontdesk::server::caller::{Caller, Presented, SessionChange};
use frontdesk::server::cli;
use frontdesk::server::config::Cli;
use frontdesk::server::security::ServerSecret;
use frontdesk::server::state::AppState;
use frontdesk::server::store::{DatabaseOptions, Patient, Store};
use frontdesk::server::{signin, signup_code, staff};
use frontdesk::shared::signin::Credentials;
use frontdesk::shared::signup_code::{CodeAndBirthDate, NewLogin};
use frontdesk::shared::signup_verify::PersonalDetails;

pub struct Services {
    pub state: AppState,
    /// The time callers call at; tests move it.
    pub now: i64,
    _dir: tempfile::TempDir,
}

/// 1 December 2026, 09:00 UTC: a fixed day, so ages and expiry never drift.
pub const START: i64 = 1_796_115_600;

impl Services {
    /// A fresh SQLite database seeded with the demo patients, and the
    /// server's default configuration plus `flags`.
    pub async fn start(flags: &[&str]) -> Services {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let database = dir.path().join("frontdesk.db").display().to_string();
        let mut args = vec!["frontdesk", "--demo", "--database", &database];
        args.extend_from_slice(flags);
        let config = Cli::try_parse_from(args).expect("configuration");
        let secret = ServerSecret::from_hex(&ServerSecret::generate_hex()).expect("a secret");
        let store = Store::open(&DatabaseOptions::new(&database))
            .await
            .expect("the database")
            .with_audit_key(secret.keyed_hash("audit-chain", "").as_bytes());
        let policy = PolicyTable::parse(BUNDLED).expect("the state policy table");
        frontdesk::server::demo::seed(&store, &secret, &policy, START)
            .await
            .expect("demo patients");
        let listening = "127.0.0.1:8080".parse().expect("an address");
        let state = cli::state(&config.serve, store, secret, policy, listening).expect("state");
        Services {
            state,
            now: START,
            _dir: dir,
        }
    }

    /// A caller from `client` with no session, at the current time.
    pub fn caller_from(&self, client: &str) -> Caller {
        Caller::new(
            self.state.clone(),
            client,
            client,
            Presented::default(),
            self.now,
        )
    }

    pub fn caller(&self) -> Caller {
        self.caller_from("192.0.2.10")
    }

    /// A caller presenting the patient session `token`.
    pub fn signed_in(&self, token: &str) -> Caller {
        Caller::new(
            self.state.clone(),
            "192.0.2.10",
            "192.0.2.10",
            Presented {
                patient: Some(token.to_string()),
                ..Presented::default()
            },
            self.now,
        )
    }

    /// A caller presenting the staff session `token`.
    pub fn staff_signed_in(&self, token: &str) -> Caller {
        Caller::new(
            self.state.clone(),
            "192.0.2.20",
            "192.0.2.20",
            Presented {
                staff: Some(token.to_string()),
                ..Presented::default()
            },
            self.now,
        )
    }

    /// Signs up the patient with `mrn` (a code from the help desk, the
    /// record's own email, so a confirmed one) as `username`, signs them in,
    /// and returns their session token.
    pub async fn enroll(&self, mrn: &str, username: &str) -> String {
        let code = issue(self, mrn, 14).await;
        let input = CodeAndBirthDate {
            code,
            dob: self.dob_of(mrn).await,
        };
        let login = NewLogin {
            username: username.into(),
            password: PASSWORD.into(),
            email: self
                .patient(mrn)
                .await
                .record
                .email
                .expect("an email on the record"),
            own_account: false,
        };
        signup_code::create_account(&self.caller(), &input, &login)
            .await
            .expect("an account");
        sign_in(self, username).await
    }

    /// A new staff member with `role`, signed in: their session token.
    pub async fn staff(&self, username: &str, role: Role) -> String {
        let state = &self.state;
        let added = frontdesk::server::demo::add_staff_with_password(
            &state.store,
            &state.hasher,
            username,
            role,
            PASSWORD,
            self.now,
        )
        .await;
        assert_eq!(added, Ok(true), "a new staff member");
        let signing_in = self.caller_from("192.0.2.20");
        let credentials = Credentials {
            username: username.into(),
            password: PASSWORD.into(),
        };
        staff::sign_in(&signing_in, &credentials)
            .await
            .expect("staff signed in");
        started_session(&signing_in).expect("a staff session")
    }

    pub async fn patient(&self, mrn: &str) -> Patient {
        self.state
            .store
            .patient_by_mrn(mrn)
            .await
            .expect("the store")
            .expect("a demo patient")
    }

    /// How the patient with `mrn` would type their date of birth.
    pub async fn dob_of(&self, mrn: &str) -> DateParts {
        let born = Date::parse_iso(&self.patient(mrn).await.record.date_of_birth).expect("a date");
        DateParts {
            month: born.month().to_string(),
            day: born.day().to_string(),
            year: born.year().to_string(),
        }
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(self.state.store.pool())
            .await
            .expect("a count")
    }
}

/// Someone with no record: sign-up without a code leaves a request for
/// the help desk.
pub fn stranger() -> PersonalDetails {
    PersonalDetails {
        first_name: "Pat".into(),
        middle_name: String::new(),
        last_name: "Nobody".into(),
        dob: DateParts {
            month: "7".into(),
            day: "4".into(),
            year: "1976".into(),
        },
        legal_sex: "X".into(),
        street: "1 Elm St".into(),
        city: "Albany".into(),
        state: "NY".into(),
        zip: "12207".into(),
        mobile_phone: "(555) 555-0177".into(),
        email: "pat.nobody@example.com".into(),
    }
}

pub const PASSWORD: &str = "correct horse battery staple 42";

/// Signs `username` in with `PASSWORD`: their session token.
pub async fn sign_in(services: &Services, username: &str) -> String {
    let signing_in = services.caller();
    let credentials = Credentials {
        username: username.into(),
        password: PASSWORD.into(),
    };
    signin::sign_in(&signing_in, &credentials)
        .await
        .expect("signed in");
    started_session(&signing_in).expect("a session token")
}

/// The session token a service handed the caller, if it started one.
pub fn started_session(caller: &Caller) -> Option<String> {
    caller.session_changes().into_iter().find_map(|c| match c {
        SessionChange::Started { token, .. } => Some(token),
        SessionChange::Ended { .. } => None,
    })
}

/// A fresh access code for the patient with `mrn`.
pub async fn issue(services: &Services, mrn: &str, days: u32) -> String {
    let patient = services.patient(mrn).await;
    let state = &services.state;
    frontdesk::server::codes::issue_code(
        &state.store,
        &state.secret,
        &state.policy,
        &patient,
        &frontdesk::server::codes::Issue::by_staff("test", days),
        services.now,
    )
    .await
    .expect("a code")
    .code
    .to_string()
}

pub const ADULT_MRN: &str = "100001"; // Maria Garcia, 42
pub const CHILD_MRN: &str = "100004"; // Lily Chen, 9
pub const PARENT_MRN: &str = "100009"; // Mei Chen, 38, Lily's mother
