//! The browser entry point of the recovery app, built by Trunk (see recover.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::recover_app::RecoverApp);
}
