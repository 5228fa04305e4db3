//! The browser entry point of the help app, built by Trunk (see help.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::help_app::HelpApp);
}
