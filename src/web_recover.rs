//! The browser entry point of the recovery app, built by Trunk (see recover.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::recover_app::RecoverApp);
}
