//! The browser entry point of the account app, built by Trunk (see account.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::account_app::AccountApp);
}
