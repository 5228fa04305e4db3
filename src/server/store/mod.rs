//! The one place for SQL. Every query is portable (`$1` parameters, standard
//! SQL, `ON CONFLICT`, `RETURNING`), run through sqlx's `Any` driver, so the
//! same text serves SQLite and PostgreSQL; only the migrations differ.

mod accounts;
mod audit;
mod codes;
mod console;
mod email_codes;
mod limits;
mod outbox;
mod patients;
mod proxies;
mod queue;
mod records;
mod recovery;
mod retention;
mod sessions;
mod signup_requests;
mod staff;

pub use accounts::{Account, NewAccount, RedeemConflict};
pub use audit::{AuditEvent, AuditPage, AuditQuery, AuditRow, BrokenLink, ChainReport};
pub use codes::{CodeRecord, IssueCode};
pub use console::{AccountListing, CodeListing, RequestListing};
pub use email_codes::{CodeTable, EmailCode};
pub use outbox::{NewEmail, OutboxMessage};
pub use patients::{GuardianContact, NewGuardian, NewPatient, OtherName, Patient, PatientRecord};
pub use proxies::{
    GrantEnded, GrantEnding, GrantRow, NewGrant, NewProxyRequest, OpenGrant, OwnProxyRequest,
    ProxyRequestRow, ProxyStep,
};
pub use queue::{RecordsRequestRow, StatusChange, SubmittedSignup};
pub use records::{NewRecordsRequest, RecordsRequestStatus};
pub use recovery::{EmailChange, PendingEmail};
pub use retention::Removed;
pub use sessions::{Realm, SessionRecord, SigninCounter, SignsIn};
pub use signup_requests::{NewSignupRequest, SignupRequest};
pub use staff::{NewStaff, StaffChange, StaffMember};

pub use crate::domain::ids::*;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::time::{Duration, Instant};

/// A yes/no column as both databases store it: an integer, 0 or 1 (sqlx's
/// `Any` driver reads no SQLite boolean). Rows read it as a `bool` with
/// `#[sqlx(try_from = "StoredBool")]`; writes bind `i64::from(flag)`.
#[derive(sqlx::Type)]
#[sqlx(transparent)]
pub struct StoredBool(i64);

impl From<StoredBool> for bool {
    fn from(stored: StoredBool) -> bool {
        stored.0 != 0
    }
}

/// Which database a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// One file, one machine: the default.
    Sqlite,
    /// Shared by several servers.
    Postgres,
}

impl Backend {
    /// PostgreSQL for `postgres://` and `postgresql://` URLs; SQLite otherwise.
    pub fn of(database: &str) -> Backend {
        if database.starts_with("postgres://") || database.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// How to reach the database, and the connection pool's sizing.
#[derive(Clone, Debug)]
pub struct DatabaseOptions {
    /// A SQLite file path or `sqlite:` URL, or a `postgres://` URL.
    pub database: String,
    pub max_connections: u32,
    /// How long a request waits for a free connection before answering 503.
    pub acquire_timeout: Duration,
    /// Idle connections are closed after this.
    pub idle_timeout: Duration,
    /// How long to keep retrying, with back-off, when the database cannot be
    /// reached at start.
    pub startup_timeout: Duration,
}

impl DatabaseOptions {
    pub fn new(database: &str) -> Self {
        DatabaseOptions {
            database: database.to_string(),
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
            idle_timeout: Duration::from_secs(300),
            startup_timeout: Duration::from_secs(60),
        }
    }
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Keys the audit log's hash chain (see `audit.rs`).
    audit_key: std::sync::Arc<[u8]>,
}

impl Store {
    /// The connection pool, for tests that look at what a service stored.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The key for the audit log's hash chain; servers and admin commands
    /// derive it from the server secret.
    pub fn with_audit_key(mut self, key: &[u8]) -> Store {
        self.audit_key = std::sync::Arc::from(key);
        self
    }

    /// Opens the database and applies migrations. A SQLite file (and its
    /// folder) is created if missing. An unreachable server is retried with
    /// back-off until `startup_timeout`; errors name the database without
    /// its password.
    pub async fn open(options: &DatabaseOptions) -> Result<Store, String> {
        install_default_drivers();
        let backend = Backend::of(&options.database);
        let shown = redact(&options.database);
        let url = match backend {
            Backend::Sqlite => sqlite_url(&options.database)?,
            Backend::Postgres => options.database.clone(),
        };
        let pool_options = AnyPoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout)
            .idle_timeout(options.idle_timeout)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    conn.execute(match backend {
                        // WAL lets readers work while one writer commits; a
                        // busy timeout makes writers queue instead of failing.
                        Backend::Sqlite => {
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;"
                        }
                        // No statement may hold a connection for long.
                        Backend::Postgres => {
                            "SET application_name = 'frontdesk'; SET statement_timeout = 30000;"
                        }
                    })
                    .await?;
                    Ok(())
                })
            });

        if backend == Backend::Postgres {
            wait_until_reachable(&url, &shown, options.startup_timeout).await?;
        }
        let pool = pool_options
            .connect(&url)
            .await
            .map_err(|e| format!("could not open the database {shown}: {e}"))?;
        let migrated = match backend {
            Backend::Sqlite => {
                sqlx::migrate!("src/server/migrations/sqlite")
                    .run(&pool)
                    .await
            }
            // The migrator holds a PostgreSQL advisory lock while it runs, so
            // servers starting together migrate one after the other.
            Backend::Postgres => {
                sqlx::migrate!("src/server/migrations/postgres")
                    .run(&pool)
                    .await
            }
        };
        migrated.map_err(|e| format!("could not migrate the database {shown}: {e}"))?;
        Ok(Store {
            pool,
            backend,
            audit_key: std::sync::Arc::from(&b""[..]),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// True when the database answers.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Closes every connection (tests, shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Tries single connections, with back-off, until the server answers or
/// `timeout` passes. (The pool's own connect would wait its acquire timeout
/// on every try instead of failing fast.)
async fn wait_until_reachable(url: &str, shown: &str, timeout: Duration) -> Result<(), String> {
    use sqlx::Connection;
    let started = Instant::now();
    let mut wait = Duration::from_millis(250);
    loop {
        match sqlx::AnyConnection::connect(url).await {
            Ok(connection) => {
                let _ = connection.close().await;
                return Ok(());
            }
            Err(e) if started.elapsed() + wait < timeout => {
                tracing::warn!(database = %shown, error = %e, "database unreachable; retrying in {wait:?}");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(Duration::from_secs(10));
            }
            Err(e) => {
                return Err(format!(
                    "could not reach the database {shown} within {}s: {e}",
                    timeout.as_secs()
                ));
            }
        }
    }
}

/// The database named for people and logs: a URL's password replaced by `***`.
pub fn redact(database: &str) -> String {
    let Some((scheme, rest)) = database.split_once("://") else {
        return database.to_string();
    };
    // The user information ends at the last '@' before any query string, so a
    // password holding '/' or '@' is still hidden.
    let query_at = rest.find('?').unwrap_or(rest.len());
    let Some(at) = rest[..query_at].rfind('@') else {
        return database.to_string();
    };
    match rest[..at].split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{}", &rest[at + 1..]),
        None => database.to_string(),
    }
}

/// A SQLite database's file, for a plain path or a `sqlite:` URL (the part
/// before any `?`, as sqlx reads it); `:memory:` or empty for none.
pub fn sqlite_file(database: &str) -> &str {
    let path = database
        .strip_prefix("sqlite://")
        .or_else(|| database.strip_prefix("sqlite:"));
    match path {
        Some(path) => path.split('?').next().unwrap_or(path),
        None => database,
    }
}

/// The URL sqlx opens: a plain path or a `sqlite:` URL alike create a
/// missing file (and its folder), unless the URL names its own `mode`.
fn sqlite_url(database: &str) -> Result<String, String> {
    let file = sqlite_file(database);
    let in_memory = file.is_empty() || file == ":memory:";
    if let Some(dir) = Path::new(file)
        .parent()
        .filter(|d| !in_memory && !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("could not create {}: {e}", dir.display()))?;
    }
    if !database.starts_with("sqlite:") {
        return Ok(format!("sqlite://{database}?mode=rwc"));
    }
    if in_memory {
        return Ok(database.to_string());
    }
    let names_mode = database
        .split_once('?')
        .is_some_and(|(_, query)| query.split('&').any(|p| p.starts_with("mode=")));
    Ok(match (names_mode, database.contains('?')) {
        (true, _) => database.to_string(),
        (false, true) => format!("{database}&mode=rwc"),
        (false, false) => format!("{database}?mode=rwc"),
    })
}

/// True when a database error is a unique-constraint violation.
fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(e) if e.is_unique_violation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgres://fd:s3cret@db.example:5432/fd"),
            "postgres://fd:***@db.example:5432/fd"
        );
        assert_eq!(
            redact("postgres://fd@db/fd?sslmode=require"),
            "postgres://fd@db/fd?sslmode=require"
        );
        assert_eq!(redact("postgresql://a:b:c@h/d"), "postgresql://a:***@h/d");
        assert_eq!(
            redact("postgres://a:p/w@d@h/d?x=@"),
            "postgres://a:***@h/d?x=@"
        );
        assert_eq!(redact("data/frontdesk.db"), "data/frontdesk.db");
        assert_eq!(Backend::of("postgresql://h/d"), Backend::Postgres);
        assert_eq!(Backend::of("sqlite://x.db"), Backend::Sqlite);
    }

    #[test]
    fn sqlite_urls_create_missing_files_like_plain_paths() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("new/folder/fd.db").display().to_string();
        let url = sqlite_url(&format!("sqlite://{nested}")).unwrap();
        assert_eq!(url, format!("sqlite://{nested}?mode=rwc"));
        assert!(dir.path().join("new/folder").is_dir());
        assert_eq!(
            sqlite_url("sqlite:fd.db?cache=shared").unwrap(),
            "sqlite:fd.db?cache=shared&mode=rwc"
        );
        assert_eq!(
            sqlite_url("sqlite://fd.db?mode=ro").unwrap(),
            "sqlite://fd.db?mode=ro"
        );
        assert_eq!(sqlite_file("sqlite:///var/fd.db?mode=rwc"), "/var/fd.db");
        assert_eq!(sqlite_file("data/fd.db"), "data/fd.db");
        assert_eq!(sqlite_url("sqlite::memory:").unwrap(), "sqlite::memory:");
    }
}
