//! The Front Desk server binary: serves the browser app and the server
//! functions, and runs admin subcommands. `frontdesk --help` lists them.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    // The HTTP layer (`api`) and the services it calls (`server`) meet
    // here: the server functions register, and the router is handed in.
    frontdesk::api::register_server_functions();
    frontdesk::server::cli::main(frontdesk::api::http::app).await
}
