//! The browser entry point of the help app, built by Trunk (see help.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::help_app::HelpApp);
}
