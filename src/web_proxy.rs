//! The browser entry point of the proxy access app, built by Trunk (see proxy.html).

fn main() {
    leptos::mount::mount_to_body(frontdesk::ui::proxy_app::ProxyApp);
}
