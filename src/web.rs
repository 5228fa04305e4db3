//! The browser entry point, built by Trunk (see index.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::app::App);
}
