//! The browser entry point of the records-request app, built by Trunk (see
//! records-request.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::records_request_app::RecordsRequestApp);
}
