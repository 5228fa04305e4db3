//! The browser entry point of the account-settings app, built by Trunk (see
//! settings.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::settings_app::SettingsApp);
}
