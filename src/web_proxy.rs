//! The browser entry point of the proxy access app, built by Trunk (see proxy.html).

fn main() {
    frontdesk::ui::language::start(frontdesk::ui::proxy_app::ProxyApp);
}
