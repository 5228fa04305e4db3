//! Configuration: every setting is a flag and an environment variable, with a
//! safe default. `frontdesk --help` lists them; the README documents them.

use super::store::DatabaseOptions;
use crate::domain::staff::Role;
use clap::builder::BoolishValueParser;
use clap::{ArgAction, Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(
    name = "frontdesk",
    version,
    about = "Front Desk: patient portal enrollment",
    // A later flag wins, so `--demo=false` after a script's `--demo` works.
    args_override_self = true
)]
pub struct Cli {
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub serve: ServeArgs,
}

/// With no subcommand the server runs.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Issue a new access code for a patient and print it once. Ends the
    /// patient's older unused codes.
    IssueCode {
        /// The patient's medical record number.
        #[arg(long)]
        mrn: String,
        /// Days until the code expires.
        #[arg(long, default_value_t = crate::server::codes::DEFAULT_DAYS, value_parser = clap::value_parser!(u32).range(1..=90))]
        days: u32,
    },
    /// Load the previous portal's usernames from a CSV file with the columns
    /// `username,mrn` (a header line is optional), so people who try them get
    /// the notice that old logins did not carry over.
    ImportOldPortal {
        /// The CSV file.
        #[arg(long)]
        file: PathBuf,
    },
    /// Manage staff accounts for the help desk console.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Check the audit log's hash chain from its first entry to its newest;
    /// names the first entry that does not verify (and exits 1).
    VerifyAudit,
    /// Print a new random server secret (hex) for FRONTDESK_SECRET. Every
    /// server sharing a database must use the same one.
    GenerateSecret,
    /// Print areas of a language's browser catalog as the server sends
    /// them (scripts/first-load-size.sh weighs each app's).
    Catalog {
        /// A language code: en, es.
        #[arg(long)]
        language: String,
        /// Areas, comma-separated in id order: files of locales/<language>/
        /// (common, signup-code …).
        #[arg(long)]
        area: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum StaffCommand {
    /// Add a staff member and print their one-time setup code (valid 72
    /// hours), with which they choose their password at /staff/setup.
    Add {
        #[arg(long)]
        username: String,
        /// agent (help desk), clinic (clinic staff) or admin.
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// List staff members with their role and status.
    List,
    /// Clear a member's password, end their sessions and print a new
    /// one-time setup code (valid 72 hours) for /staff/setup.
    ResetPassword {
        #[arg(long)]
        username: String,
    },
    /// Lift a member's sign-in lock.
    Unlock {
        #[arg(long)]
        username: String,
    },
    /// End a member's sessions; they cannot sign in or set up until enabled
    /// (never the last enabled administrator).
    Disable {
        #[arg(long)]
        username: String,
    },
    /// Let a disabled member sign in again.
    Enable {
        #[arg(long)]
        username: String,
    },
}

/// Where data lives; shared by every subcommand.
#[derive(Args, Debug, Clone)]
pub struct StoreArgs {
    /// A SQLite database file or `sqlite:` URL (created if missing), or a
    /// `postgres://user:password@host/database` URL for several servers.
    /// DATABASE_URL is read when neither this flag nor FRONTDESK_DATABASE is
    /// set. [default: data/frontdesk.db]
    #[arg(long, env = "FRONTDESK_DATABASE", global = true)]
    pub database: Option<String>,
    /// File holding the server secret (hex). With SQLite it is generated on
    /// first start if missing, beside the database file. With PostgreSQL every
    /// server needs the same secret, so it must be given: this file or the
    /// environment variable FRONTDESK_SECRET (hex, 32 bytes or more), which
    /// takes precedence.
    #[arg(long, env = "FRONTDESK_SECRET_FILE", global = true)]
    pub secret_file: Option<PathBuf>,
    /// A replacement for the bundled state policy table (teens and proxies;
    /// see src/domain/state_policy.csv for its columns). Checked at start,
    /// and used by the admin commands too (an access code is never issued
    /// to a child the table says is too young).
    #[arg(long, env = "FRONTDESK_STATE_POLICY", global = true)]
    pub state_policy: Option<PathBuf>,
    /// Most database connections this server opens.
    #[arg(
        long,
        env = "FRONTDESK_DB_MAX_CONNECTIONS",
        default_value_t = 10,
        global = true
    )]
    pub db_max_connections: u32,
    /// Seconds a request waits for a free database connection before it
    /// answers "try again" (503).
    #[arg(
        long,
        env = "FRONTDESK_DB_ACQUIRE_TIMEOUT",
        default_value_t = 5,
        global = true
    )]
    pub db_acquire_timeout: u64,
    /// Seconds before an idle database connection is closed.
    #[arg(
        long,
        env = "FRONTDESK_DB_IDLE_TIMEOUT",
        default_value_t = 300,
        global = true
    )]
    pub db_idle_timeout: u64,
    /// Seconds to keep retrying, with back-off, when the database cannot be
    /// reached at start.
    #[arg(
        long,
        env = "FRONTDESK_DB_STARTUP_TIMEOUT",
        default_value_t = 60,
        global = true
    )]
    pub db_startup_timeout: u64,
}

impl StoreArgs {
    pub const DEFAULT_DATABASE: &str = "data/frontdesk.db";

    pub fn database_options(&self) -> DatabaseOptions {
        let database = self
            .database
            .clone()
            .or_else(|| std::env::var("DATABASE_URL").ok().filter(|u| !u.is_empty()))
            .unwrap_or_else(|| Self::DEFAULT_DATABASE.to_string());
        DatabaseOptions {
            max_connections: self.db_max_connections,
            acquire_timeout: Duration::from_secs(self.db_acquire_timeout),
            idle_timeout: Duration::from_secs(self.db_idle_timeout),
            startup_timeout: Duration::from_secs(self.db_startup_timeout),
            ..DatabaseOptions::new(&database)
        }
    }
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to listen on. Port 0 picks a free port (printed at start).
    #[arg(long, env = "FRONTDESK_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The browser app built by Trunk.
    #[arg(long, env = "FRONTDESK_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Demo mode: seed the demo patients (printing three fresh codes to try)
    /// and, while there are no staff, demo staff with printed passwords;
    /// show emails at /dev/mailbox when there is no SMTP server; honour the
    /// tests' clock. Without it nothing is seeded: a production server.
    #[arg(long, env = "FRONTDESK_DEMO", value_name = "BOOL", action = ArgAction::Set,
          num_args = 0..=1, require_equals = true, default_missing_value = "true",
          default_value = "false", value_parser = BoolishValueParser::new())]
    pub demo: bool,
    /// Take the client address from X-Forwarded-For, or else Forwarded (set
    /// this only behind a trusted reverse proxy that appends to the header).
    #[arg(long, env = "FRONTDESK_TRUST_PROXY", value_name = "BOOL", action = ArgAction::Set,
          num_args = 0..=1, require_equals = true, default_missing_value = "true",
          default_value = "false", value_parser = BoolishValueParser::new())]
    pub trust_proxy: bool,
    /// Wrong dates of birth that void an access code.
    #[arg(long, env = "FRONTDESK_MAX_CODE_TRIES", default_value_t = 5)]
    pub max_code_tries: u32,
    /// Failed code attempts allowed from one client address per window.
    #[arg(long, env = "FRONTDESK_CLIENT_FAILURE_LIMIT", default_value_t = 20)]
    pub client_failure_limit: u32,
    /// Length of the client-address failure window, in minutes.
    #[arg(
        long,
        env = "FRONTDESK_CLIENT_FAILURE_WINDOW_MINUTES",
        default_value_t = 15
    )]
    pub client_failure_window_minutes: u32,
    /// Sign-ups without an access code allowed from one network (client
    /// address) per hour; a clinic kiosk or shared Wi-Fi is one network.
    #[arg(long, env = "FRONTDESK_SIGNUP_NETWORK_LIMIT", default_value_t = 60)]
    pub signup_network_limit: u32,
    /// Failed request-status look-ups allowed from one network per hour.
    #[arg(long, env = "FRONTDESK_STATUS_NETWORK_LIMIT", default_value_t = 60)]
    pub status_network_limit: u32,
    /// New-access-code requests allowed from one network per hour.
    #[arg(long, env = "FRONTDESK_NEW_CODE_NETWORK_LIMIT", default_value_t = 30)]
    pub new_code_network_limit: u32,
    /// Password hashes computed at once (argon2id is memory-hard). Defaults to
    /// the number of CPU cores.
    #[arg(long, env = "FRONTDESK_HASH_CONCURRENCY")]
    pub hash_concurrency: Option<usize>,
    /// Password hashes that may wait for a free hash thread; more requests
    /// needing one are answered "busy, try again" (503 with Retry-After).
    #[arg(long, env = "FRONTDESK_HASH_QUEUE", default_value_t = 32)]
    pub hash_queue: usize,
    /// The help desk's phone number, shown wherever the flows mention it.
    #[arg(
        long,
        env = "FRONTDESK_HELP_DESK_PHONE",
        default_value = "855-667-9704"
    )]
    pub help_desk_phone: String,
    /// Days within which a person whose details could not be verified gets
    /// an access code (the promise shown on pages and in emails).
    #[arg(long, env = "FRONTDESK_CODE_PROMISE_DAYS", default_value_t = 7)]
    pub code_promise_days: u32,
    /// The address people use to reach the portal, for links in emails.
    /// [default: http:// and the listening address]
    #[arg(long, env = "FRONTDESK_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// SMTP server for email, e.g. smtp://user:password@mail.example.org:587?tls=required
    /// (STARTTLS) or smtps://…:465. Without it, a demo server shows emails at
    /// /dev/mailbox and a production server keeps them in the outbox.
    #[arg(long, env = "FRONTDESK_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// Served over HTTPS (by this server or a proxy in front): session
    /// cookies are `Secure` with the `__Host-` prefix, and HSTS is sent.
    #[arg(long, env = "FRONTDESK_HTTPS", value_name = "BOOL", action = ArgAction::Set,
          num_args = 0..=1, require_equals = true, default_missing_value = "true",
          default_value = "false", value_parser = BoolishValueParser::new())]
    pub https: bool,
    /// Minutes without activity that end a session.
    #[arg(long, env = "FRONTDESK_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: u32,
    /// Hours after sign-in that end a session regardless.
    #[arg(long, env = "FRONTDESK_SESSION_MAX_HOURS", default_value_t = 12)]
    pub session_max_hours: u32,
    /// Straight failed sign-ins after which each further try must wait
    /// (2 s, doubling, at most a minute).
    #[arg(long, env = "FRONTDESK_SIGNIN_SLOW_AFTER", default_value_t = 3)]
    pub signin_slow_after: u32,
    /// Straight failed sign-ins that lock the account (1 to 100).
    #[arg(long, env = "FRONTDESK_SIGNIN_LOCK_AFTER", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..=100))]
    pub signin_lock_after: u32,
    /// Minutes a locked account stays locked (a password reset lifts it).
    #[arg(long, env = "FRONTDESK_SIGNIN_LOCK_MINUTES", default_value_t = 15)]
    pub signin_lock_minutes: u32,
    /// Failed sign-ins allowed from one client address per 15 minutes.
    #[arg(
        long,
        env = "FRONTDESK_SIGNIN_CLIENT_FAILURE_LIMIT",
        default_value_t = 30
    )]
    pub signin_client_failure_limit: u32,
    /// The previous portal's name, for the notice that its logins did not carry over.
    #[arg(
        long,
        env = "FRONTDESK_OLD_PORTAL_NAME",
        default_value = "the old patient portal"
    )]
    pub old_portal_name: String,
    /// How often the server ends expired proxy grants and emails renewal
    /// warnings, in seconds.
    #[arg(
        long,
        env = "FRONTDESK_GRANT_UPKEEP_SECONDS",
        default_value_t = 600,
        value_parser = clap::value_parser!(u64).range(1..=86_400)
    )]
    pub grant_upkeep_seconds: u64,
    /// How often the server deletes ended sessions, dead codes, ended limit
    /// counters and undelivered emails whose code expired, in seconds.
    #[arg(
        long,
        env = "FRONTDESK_RETENTION_SECONDS",
        default_value_t = 600,
        value_parser = clap::value_parser!(u64).range(1..=86_400)
    )]
    pub retention_seconds: u64,
    /// The sender of every email.
    #[arg(
        long,
        env = "FRONTDESK_MAIL_FROM",
        default_value = "Patient Portal <no-reply@portal.example.org>"
    )]
    pub mail_from: String,
}

/// `--role`: a role as stored (`domain::staff::Role`).
fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| "agent, clinic or admin".into())
}
