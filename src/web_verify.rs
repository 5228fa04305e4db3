//! The browser entry point of the no-code app, built by Trunk (see verify.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::verify_app::VerifyApp);
}
