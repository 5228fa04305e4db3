//! The browser entry point of the records-request app, built by Trunk (see
//! records-request.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::records_request_app::RecordsRequestApp);
}
