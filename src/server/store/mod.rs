//! The one place for SQL. Every query is portable (`$1` parameters, standard
//! SQL, `ON CONFLICT`, `RETURNING`), run through sqlx's `Any` driver, so the
//! same text serves SQLite and PostgreSQL; only the migrations differ.

mod accounts;
mod audit;
mod codes;
mod limits;
mod patients;

pub use accounts::{NewAccount, RedeemConflict};
pub use audit::AuditEvent;
pub use codes::CodeRecord;
pub use patients::{NewGuardian, NewPatient, Patient, PatientRecord};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::time::Duration;

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
}

impl Store {
    /// Opens the database named by `database`: a file path or `sqlite:` URL.
    /// Creates the file (and its folder) if missing, and applies migrations.
    pub async fn open(database: &str) -> Result<Store, String> {
        install_default_drivers();
        let url = sqlite_url(database)?;
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    // WAL lets readers work while one writer commits; a busy
                    // timeout makes writers queue instead of failing.
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                    )
                    .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(|e| format!("could not open the database {database}: {e}"))?;
        sqlx::migrate!("src/server/migrations/sqlite")
            .run(&pool)
            .await
            .map_err(|e| format!("could not migrate the database {database}: {e}"))?;
        Ok(Store { pool })
    }

    /// True when the database answers.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

fn sqlite_url(database: &str) -> Result<String, String> {
    if database.starts_with("sqlite:") {
        return Ok(database.to_string());
    }
    let path = Path::new(database);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("could not create {}: {e}", dir.display()))?;
    }
    Ok(format!("sqlite://{database}?mode=rwc"))
}

/// True when a database error is a unique-constraint violation.
fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(e) if e.is_unique_violation())
}
