use super::{PatientId, Store, StoredBool};
use sqlx::FromRow;

/// What the health system's record says about a patient.
#[derive(Clone, Debug, FromRow)]
pub struct PatientRecord {
    pub mrn: String,
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    pub legal_sex: String,
    pub street: String,
    pub city: String,
    pub state: String,
    pub zip: String,
    pub mobile_phone: Option<String>,
    pub email: Option<String>,
    /// An emancipated minor.
    #[sqlx(try_from = "StoredBool")]
    pub emancipated: bool,
    /// The record's preferred language (a BCP 47 code), when it names one.
    pub language: Option<String>,
}

impl PatientRecord {
    /// The preferred language, when it is one Front Desk speaks.
    pub fn preferred_language(&self) -> Option<crate::words::Language> {
        self.language
            .as_deref()
            .and_then(crate::words::Language::from_code)
    }
}

/// A stored patient.
#[derive(Clone, Debug, FromRow)]
pub struct Patient {
    pub id: PatientId,
    #[sqlx(flatten)]
    pub record: PatientRecord,
}

/// A patient to add, with the parents and guardians their record lists and
/// the other names it holds for them.
#[derive(Clone, Debug)]
pub struct NewPatient {
    pub record: PatientRecord,
    pub guardians: Vec<NewGuardian>,
    pub other_names: Vec<OtherName>,
}

/// Another name on a patient's record (a maiden or previous name, a
/// nickname); `kind` is the FHIR HumanName use.
#[derive(Clone, Debug, FromRow, PartialEq, Eq)]
pub struct OtherName {
    pub kind: String,
    pub first_name: String,
    pub last_name: String,
}

/// A parent or guardian as the record lists them.
#[derive(Clone, Debug, FromRow)]
pub struct GuardianContact {
    pub full_name: String,
    /// As the record has it ("Mother", "Legal guardian").
    pub relationship: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewGuardian {
    pub full_name: String,
    pub relationship: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The columns of a [`Patient`] row.
pub(super) const PATIENT_COLUMNS: &str = "id, mrn, first_name, middle_name, last_name, \
     date_of_birth, legal_sex, street, city, state, zip, mobile_phone, email, emancipated, language";

impl Store {
    pub async fn count_patients(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM patients")
            .fetch_one(&self.pool)
            .await
    }

    pub async fn patient_by_mrn(&self, mrn: &str) -> Result<Option<Patient>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {PATIENT_COLUMNS} FROM patients WHERE mrn = $1"
        ))
        .bind(mrn)
        .fetch_optional(&self.pool)
        .await
    }

    /// Every patient born on `date_of_birth` (`YYYY-MM-DD`): the candidates
    /// for matching a self-signup.
    pub async fn patients_born_on(&self, date_of_birth: &str) -> Result<Vec<Patient>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {PATIENT_COLUMNS} FROM patients WHERE date_of_birth = $1 ORDER BY id"
        ))
        .bind(date_of_birth)
        .fetch_all(&self.pool)
        .await
    }

    /// Adds a patient and their guardians unless the MRN exists. Returns the
    /// new id, or None when the MRN was already there.
    pub async fn insert_patient(
        &self,
        new: &NewPatient,
        now: i64,
    ) -> Result<Option<PatientId>, sqlx::Error> {
        let p = &new.record;
        let mut tx = self.pool.begin().await?;
        let id: Option<PatientId> = sqlx::query_scalar(
            "INSERT INTO patients (mrn, first_name, middle_name, last_name, date_of_birth, legal_sex, \
             street, city, state, zip, mobile_phone, email, emancipated, language, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (mrn) DO NOTHING RETURNING id",
        )
        .bind(&p.mrn)
        .bind(&p.first_name)
        .bind(&p.middle_name)
        .bind(&p.last_name)
        .bind(&p.date_of_birth)
        .bind(&p.legal_sex)
        .bind(&p.street)
        .bind(&p.city)
        .bind(&p.state)
        .bind(&p.zip)
        .bind(&p.mobile_phone)
        .bind(&p.email)
        .bind(i64::from(p.emancipated))
        .bind(&p.language)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(id) = id {
            for g in &new.guardians {
                sqlx::query(
                    "INSERT INTO patient_guardians (patient_id, full_name, relationship, phone, email) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(&g.full_name)
                .bind(&g.relationship)
                .bind(&g.phone)
                .bind(&g.email)
                .execute(&mut *tx)
                .await?;
            }
            for n in &new.other_names {
                sqlx::query(
                    "INSERT INTO patient_other_names (patient_id, kind, first_name, last_name) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(&n.kind)
                .bind(&n.first_name)
                .bind(&n.last_name)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The other names each of `patient_ids` has on its record, in the
    /// order given.
    pub async fn other_names_of(
        &self,
        patient_ids: &[PatientId],
    ) -> Result<Vec<Vec<OtherName>>, sqlx::Error> {
        let mut all = Vec::with_capacity(patient_ids.len());
        for id in patient_ids {
            all.push(
                sqlx::query_as(
                    "SELECT kind, first_name, last_name FROM patient_other_names \
                     WHERE patient_id = $1 ORDER BY id",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await?,
            );
        }
        Ok(all)
    }
}

impl Store {
    /// The parents and guardians on a patient's record.
    pub async fn guardian_contacts(
        &self,
        patient_id: PatientId,
    ) -> Result<Vec<GuardianContact>, sqlx::Error> {
        sqlx::query_as(
            "SELECT full_name, relationship, email, phone FROM patient_guardians \
             WHERE patient_id = $1 ORDER BY id",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await
    }
}
