//! The Front Desk server binary: serves the browser app and the server
//! functions, and runs admin subcommands. `frontdesk --help` lists them.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    frontdesk::server::cli::main().await
}
