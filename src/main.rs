//! The Front Desk server binary: serves the browser app and the server
//! functions, and runs admin subcommands. `frontdesk --help` lists them.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    // The server functions register here, where the HTTP layer (`api`) and
    // the services it calls (`server`) meet; the services never see it.
    frontdesk::api::register_server_functions();
    frontdesk::server::cli::main().await
}
