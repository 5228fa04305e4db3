//! The binary's entry: read configuration, open the store, then serve or run
//! an admin subcommand.

use super::codes;
use super::config::{Cli, Command, ServeArgs, StaffCommand, StoreArgs};
use super::mail::Mailer;
use super::security::{PasswordHasher, ServerSecret};
use super::sessions::SessionPolicy;
use super::state::{AppState, Inner, Limit, Limits, Settings, SigninPolicy};
use super::store::{Backend, DatabaseOptions, Store, redact};
use super::{demo, now};
use crate::domain::policy::PolicyTable;
use crate::domain::staff::Role;
use clap::Parser;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The HTTP layer: the router that serves `state`'s app from the browser
/// build in `dist`, trusting forwarded client addresses when told to. The
/// binary passes it in, so the services never depend on HTTP.
pub type HttpApp = fn(state: AppState, dist: PathBuf, trust_proxy: bool) -> axum::Router;

pub async fn main(http: HttpApp) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli, http).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("frontdesk: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli, http: HttpApp) -> Result<(), String> {
    if let Some(Command::GenerateSecret) = cli.command {
        println!("{}", ServerSecret::generate_hex());
        return Ok(());
    }
    if let Some(Command::Catalog { language, area }) = &cli.command {
        let language = crate::words::Language::from_code(language)
            .ok_or_else(|| format!("no catalog in {language:?}"))?;
        let mut areas = area
            .split(',')
            .map(|a| crate::words::Area::named(a).ok_or_else(|| format!("no area {a:?}")))
            .collect::<Result<Vec<_>, _>>()?;
        areas.sort();
        print!("{}", crate::words::browser_catalog(language, &areas));
        return Ok(());
    }
    // The tests' clock, for a demo server and the admin commands run beside
    // it; anything else refuses to start with it, so production time is real.
    if let Ok(file) = std::env::var("FRONTDESK_TEST_CLOCK") {
        if !cli.serve.demo {
            return Err(
                "FRONTDESK_TEST_CLOCK is for tests and works only in demo mode (--demo)".into(),
            );
        }
        super::use_test_clock(file.into());
    }
    // Checked before anything else happens, so a bad table changes nothing.
    let policy = match &cli.store.state_policy {
        None => PolicyTable::parse(crate::domain::policy::BUNDLED),
        Some(file) => std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|text| PolicyTable::parse(&text)),
    }
    .map_err(|e| format!("state policy table: {e}"))?;
    let options = cli.store.database_options();
    let secret = load_secret(&cli.store, &options)?;
    let store = Store::open(&options)
        .await?
        .with_audit_key(secret.keyed_hash("audit-chain", "").as_bytes());
    tracing::info!(database = %redact(&options.database), "database ready");
    match cli.command {
        None => serve(http, cli.serve, store, secret, policy).await,
        Some(Command::IssueCode { mrn, days }) => {
            issue_code(&store, &secret, &policy, &mrn, days).await
        }
        Some(Command::ImportOldPortal { file }) => import_old_portal(&store, &file).await,
        Some(Command::VerifyAudit) => verify_audit(&store).await,
        Some(Command::Staff(command)) => manage_staff(&store, &secret, command).await,
        Some(Command::GenerateSecret | Command::Catalog { .. }) => Ok(()),
    }
}

/// Every `every` (ten minutes by default): ends proxy grants whose end has come, by date,
/// majority or emancipation (every check at use also refuses them, so this only tidies the
/// table), and emails both sides of grants ending within a month.
fn spawn_grant_upkeep(state: AppState, every: std::time::Duration) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(every);
        loop {
            every.tick().await;
            if let Err(e) = super::record_access::end_lapsed_grants(&state, now()).await {
                tracing::warn!(error = %e, "could not end expired proxy grants");
            }
            if let Err(e) = super::record_access::warn_ending_grants(&state, now()).await {
                tracing::warn!(error = %e, "could not warn about ending proxy grants");
            }
        }
    });
}

/// At start and every `every` (ten minutes by default): deletes what
/// nothing needs any more (see `Store::remove_dead`), and checks the audit
/// log's chain from its checkpoint, so the console only ever has the
/// newest entries to check. Every check at use refuses what is expired
/// already; this keeps dead sessions, codes and counters from piling up and
/// no code in an undelivered email past its expiry.
fn spawn_retention(state: AppState, every: std::time::Duration) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(every);
        loop {
            every.tick().await;
            match state.store.remove_dead(now(), state.sessions.idle).await {
                Ok(removed) => tracing::debug!(?removed, "retention"),
                Err(e) => {
                    tracing::warn!(error = %e, "could not delete dead sessions, codes and emails")
                }
            }
            match state.store.verify_audit_since_checkpoint(None).await {
                Ok(report) => match report.broken {
                    None => tracing::debug!(chained = report.chained, "audit chain verifies"),
                    Some(link) => tracing::error!(
                        entry = link.entry,
                        reason = %link.reason,
                        "the audit log's hash chain does not verify"
                    ),
                },
                Err(e) => tracing::warn!(error = %e, "could not check the audit log's chain"),
            }
        }
    });
}

fn load_secret(args: &StoreArgs, options: &DatabaseOptions) -> Result<ServerSecret, String> {
    if let Ok(hex) = std::env::var("FRONTDESK_SECRET") {
        return ServerSecret::from_hex(&hex).map_err(|e| format!("FRONTDESK_SECRET: {e}"));
    }
    if let Some(path) = &args.secret_file {
        return ServerSecret::load_or_create(path);
    }
    match Backend::of(&options.database) {
        // Every server sharing the database must hash codes with one key: a
        // secret made up here would silently differ from the others'.
        Backend::Postgres => Err(
            "with PostgreSQL every server must use the same secret: set \
             FRONTDESK_SECRET (or --secret-file) to the same value on each; \
             `frontdesk generate-secret` prints a new one"
                .to_string(),
        ),
        Backend::Sqlite => {
            let db = super::store::sqlite_file(&options.database);
            let dir = Path::new(db).parent().unwrap_or(Path::new("."));
            ServerSecret::load_or_create(&dir.join("secret.key"))
        }
    }
}

async fn serve(
    http: HttpApp,
    args: ServeArgs,
    store: Store,
    secret: ServerSecret,
    policy: PolicyTable,
) -> Result<(), String> {
    if args.demo {
        // Adds the demo patients that are missing and prints three fresh codes.
        demo::seed(&store, &secret, &policy, now()).await?;
        if store.count_staff().await.map_err(|e| e.to_string())? == 0 {
            demo::seed_staff(&store, now()).await?;
        }
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("could not listen on {}: {e}", args.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let state = state(&args, store.clone(), secret, policy, addr)?;
    state.mailer.spawn_sender(store);
    spawn_grant_upkeep(
        state.clone(),
        std::time::Duration::from_secs(args.grant_upkeep_seconds),
    );
    spawn_retention(
        state.clone(),
        std::time::Duration::from_secs(args.retention_seconds),
    );
    let app = http(state, PathBuf::from(&args.dist), args.trust_proxy);

    // Tests read this line to find the port.
    println!("Front Desk is listening on http://{addr}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| e.to_string())
}

/// The application state `args` configure, around an opened store: what
/// every service reads. `listening` is where the server listens, the public
/// URL unless configured. The service tests build theirs here too.
pub fn state(
    args: &ServeArgs,
    store: Store,
    secret: ServerSecret,
    policy: PolicyTable,
    listening: SocketAddr,
) -> Result<AppState, String> {
    let hash_concurrency = args
        .hash_concurrency
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let limits = Limits {
        max_code_tries: args.max_code_tries,
        client_failures: args.client_failure_limit,
        client_window: i64::from(args.client_failure_window_minutes.max(1)) * 60,
        signup_per_network: args.signup_network_limit,
        status_per_network: args.status_network_limit,
        new_code_per_network: args.new_code_network_limit,
    };
    let settings = Settings {
        help_desk_phone: args.help_desk_phone.clone(),
        promise_days: args.code_promise_days.max(1),
        public_url: args
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{listening}"))
            .trim_end_matches('/')
            .to_string(),
        old_portal_name: args.old_portal_name.clone(),
        youngest_teen: policy.youngest_teen(),
    };
    let mailer = Mailer::new(args.smtp_url.as_deref(), &args.mail_from, args.demo)?;
    Ok(AppState::new(Inner {
        store,
        secret,
        hasher: PasswordHasher::new(hash_concurrency, args.hash_queue),
        limits,
        settings,
        mailer,
        sessions: SessionPolicy {
            idle: i64::from(args.session_idle_minutes.max(1)) * 60,
            max: i64::from(args.session_max_hours.max(1)) * 3600,
            https: args.https,
        },
        signin: SigninPolicy {
            slow_after: args.signin_slow_after,
            lock_after: args.signin_lock_after,
            lock_seconds: i64::from(args.signin_lock_minutes.max(1)) * 60,
            per_client: Limit {
                scope: "signin-client",
                per_network: true,
                max: args.signin_client_failure_limit,
                window: 15 * 60,
            },
        },
        policy,
    }))
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

async fn issue_code(
    store: &Store,
    secret: &ServerSecret,
    policy: &PolicyTable,
    mrn: &str,
    days: u32,
) -> Result<(), String> {
    let patient = store
        .patient_by_mrn(mrn.trim())
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no patient has MRN {mrn}"))?;
    let issued = codes::issue_code(
        store,
        secret,
        policy,
        &patient,
        &codes::Issue::by_staff("cli", days),
        now(),
    )
    .await
    .map_err(|e| e.to_string())?;
    let born = crate::domain::date::Date::parse_iso(&patient.record.date_of_birth)
        .map_or(patient.record.date_of_birth.clone(), |d| d.to_string());
    println!("Access code: {}", issued.code);
    println!(
        "Patient: {} {} (MRN {}), born {born}",
        patient.record.first_name, patient.record.last_name, patient.record.mrn
    );
    println!("Expires: {}", issued.expires_on);
    println!(
        "The code is shown only this once. Older unused codes for this patient no longer work."
    );
    Ok(())
}

async fn add_staff(
    store: &Store,
    secret: &ServerSecret,
    username: &str,
    role: Role,
) -> Result<(), String> {
    let code = super::staff::add(store, secret, username, role, now()).await?;
    println!("Added {} ({}).", username.trim(), role.title());
    println!("Setup code: {code}");
    println!(
        "It works once, for {} hours: they enter it with their username at /staff/setup and choose a password.",
        super::staff::SETUP_HOURS
    );
    Ok(())
}

/// `staff add`, `list`, `reset-password`, `unlock`, `disable`, `enable`:
/// audited with the actor `cli`.
async fn manage_staff(
    store: &Store,
    secret: &ServerSecret,
    command: StaffCommand,
) -> Result<(), String> {
    use super::staff::members::{self, Action, Admin};
    let by = Admin {
        actor: "cli",
        id: None,
        client_addr: None,
    };
    let (username, action) = match command {
        StaffCommand::Add { username, role } => {
            return add_staff(store, secret, &username, role).await;
        }
        StaffCommand::List => {
            let list = members::listing(store, None, now())
                .await
                .map_err(|e| e.to_string())?;
            for m in list {
                println!("{}\t{}\t{}", m.username, m.role.as_str(), m.status.text());
            }
            return Ok(());
        }
        StaffCommand::ResetPassword { username } => {
            let reset = members::reset_password_by(store, secret, &by, &username, now())
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "{}'s password is cleared and their sessions ended.",
                reset.username
            );
            println!("Setup code: {}", reset.code);
            println!(
                "It works once, until {}: they enter it with their username at /staff/setup and choose a new password.",
                reset.expires
            );
            return Ok(());
        }
        StaffCommand::Unlock { username } => (username, Action::Unlock),
        StaffCommand::Disable { username } => (username, Action::Disable),
        StaffCommand::Enable { username } => (username, Action::Enable),
    };
    let name = members::change_by(store, &by, &username, action, now())
        .await
        .map_err(|e| e.to_string())?;
    let done = match action {
        Action::Unlock => "unlocked",
        Action::Disable => "disabled; their sessions ended",
        Action::Enable => "enabled",
    };
    println!("{name}: {done}.");
    Ok(())
}

async fn verify_audit(store: &Store) -> Result<(), String> {
    let report = store
        .verify_audit_chain()
        .await
        .map_err(|e| e.to_string())?;
    match report.broken {
        None => {
            println!(
                "The audit log verifies: {} entries in the chain, {} from before it.",
                report.chained, report.before_chain
            );
            Ok(())
        }
        Some(link) => Err(format!(
            "the audit log does not verify: entry {} ({}); {} entries before it verify",
            link.entry, link.reason, report.chained
        )),
    }
}

async fn import_old_portal(store: &Store, file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let users = parse_old_portal_csv(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let count = store
        .import_old_portal_users(&users, now())
        .await
        .map_err(|e| e.to_string())?;
    println!("Imported {count} usernames from the old portal.");
    Ok(())
}

/// `username,mrn` rows; a first line naming the columns is skipped, quotes
/// around values are removed, blank lines ignored.
fn parse_old_portal_csv(text: &str) -> Result<Vec<(String, String)>, String> {
    let unquote = |v: &str| v.trim().trim_matches('"').trim().to_string();
    let mut users = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || (n == 0 && line.to_ascii_lowercase().contains("username")) {
            continue;
        }
        let mut fields = line.splitn(2, ',');
        let (username, mrn) = (
            unquote(fields.next().unwrap_or("")),
            unquote(fields.next().unwrap_or("")),
        );
        if username.is_empty() || mrn.is_empty() {
            return Err(format!("line {}: expected username,mrn", n + 1));
        }
        users.push((username, mrn));
    }
    Ok(users)
}

#[cfg(test)]
mod tests {
    use super::parse_old_portal_csv;

    #[test]
    fn reads_old_portal_csv() {
        let users =
            parse_old_portal_csv("username,mrn\nMGarcia84,100001\n\n\"rj\", \"100002\"\n").unwrap();
        assert_eq!(
            users,
            [
                ("MGarcia84".into(), "100001".into()),
                ("rj".into(), "100002".into())
            ]
        );
        assert!(
            parse_old_portal_csv("justaname\n")
                .unwrap_err()
                .contains("line 1")
        );
    }
}
