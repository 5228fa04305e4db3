//! The browser entry point of the no-code app, built by Trunk (see verify.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::verify_app::VerifyApp);
}
