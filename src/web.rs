//! The browser entry point, built by Trunk (see index.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::app::App);
}
