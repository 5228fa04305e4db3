//! The browser entry point of the records app, built by Trunk (see records.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::records_app::RecordsApp);
}
