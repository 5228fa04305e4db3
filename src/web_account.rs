//! The browser entry point of the account app, built by Trunk (see account.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::account_app::AccountApp);
}
