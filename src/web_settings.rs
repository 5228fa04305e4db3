//! The browser entry point of the account-settings app, built by Trunk (see
//! settings.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::settings_app::SettingsApp);
}
