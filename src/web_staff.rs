//! The browser entry point of the help desk console, built by Trunk (see staff.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::staff_app::StaffApp);
}
