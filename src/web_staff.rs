//! The browser entry point of the help desk console, built by Trunk (see staff.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::staff_app::StaffApp);
}
