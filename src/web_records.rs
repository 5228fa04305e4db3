//! The browser entry point of the records app, built by Trunk (see records.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::records_app::RecordsApp);
}
