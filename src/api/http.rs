//! HTTP: the router, the server-function endpoint, static files and the
//! security headers every response carries; and for each server function,
//! the caller its request makes and the response its answer makes.

use crate::routes::{APPS, App, LANGUAGE_HELP, bundle_of, is_known};
use crate::server::caller::{Caller, Presented, SessionChange};
use crate::server::sessions::SessionPolicy;
use crate::server::state::{AppState, Settings};
use crate::server::store::Realm;
use crate::server::{internal_error, now};
use crate::shared::AppError;
use crate::words::{self, Area, Language};
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Router, http::request::Parts};
use base64::Engine;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::ResponseOptions;
use sha2::{Digest, Sha256};
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The help desk console's app (the one app that is not a patient page).
const CONSOLE: &str = "staff";

/// Request bodies larger than this are refused with 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Bodies up to this size are read to the end before they are refused.
const DRAIN_BYTES: usize = 256 * 1024;

/// 413, closing the connection when the rest of the body was left unread.
fn too_large(close: bool) -> Response {
    let message = "The request is too large.".to_string();
    let mut response = json_error(
        StatusCode::PAYLOAD_TOO_LARGE,
        &AppError::BadRequest { message },
    );
    if close {
        response
            .headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// The client's address as the server sees it: the peer, or behind a
/// trusted proxy the address the proxy reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(IpAddr);

impl ClientAddr {
    /// An IPv4-mapped IPv6 address is the IPv4 client it stands for.
    pub fn new(ip: IpAddr) -> ClientAddr {
        ClientAddr(ip.to_canonical())
    }

    /// Behind a trusted proxy, the right-most address of all `X-Forwarded-For`
    /// lines (the one our proxy appended), or when there is none the
    /// right-most `for=` of `Forwarded` (RFC 7239); else, or when that entry
    /// is not an IP address, the peer. X-Forwarded-For wins because it is
    /// what most proxies append to, and a client-sent `Forwarded` passes
    /// through them unchanged.
    pub fn of_request(headers: &HeaderMap, peer: SocketAddr, trust_proxy: bool) -> ClientAddr {
        let reported = trust_proxy
            .then(|| {
                right_most(headers, "x-forwarded-for")
                    .map(parse_ip)
                    .or_else(|| right_most(headers, "forwarded").map(forwarded_for))
            })
            .flatten()
            .flatten();
        ClientAddr::new(reported.unwrap_or(peer.ip()))
    }

    /// The subject limits count this client under: an IPv4 address, or an
    /// IPv6 address's /64, since one subscriber is handed a whole /64.
    pub fn limit_key(&self) -> String {
        match self.0 {
            IpAddr::V4(ip) => ip.to_string(),
            IpAddr::V6(ip) => {
                let prefix = u128::from(ip) & !(u128::MAX >> 64);
                format!("{}/64", Ipv6Addr::from(prefix))
            }
        }
    }
}

/// The full address, as the audit log records it.
impl std::fmt::Display for ClientAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The last comma-separated element of every `name` line taken together.
fn right_most<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    let last = headers.get_all(name).iter().next_back()?;
    // A line that is not text cannot be read, so nothing it holds is trusted.
    Some(last.to_str().ok()?.rsplit(',').next()?.trim())
}

/// `192.0.2.7`, `2001:db8::1`, or either with a port (`[2001:db8::1]:4711`).
fn parse_ip(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| text.strip_prefix('[')?.strip_suffix(']')?.parse().ok())
}

/// The `for=` of one `Forwarded` element: `for=192.0.2.60;proto=https` or
/// `for="[2001:db8:cafe::17]:4711"`. `unknown` and obfuscated names
/// (`_hidden`) are no address.
fn forwarded_for(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("for")
            .then(|| parse_ip(value.trim().trim_matches('"')))
            .flatten()
    })
}

/// The caller of a server function, from its request: the client address
/// the router found, the session cookies it presents, and the clock.
pub fn caller() -> Result<Caller, AppError> {
    let state = use_context::<AppState>()
        .ok_or_else(|| internal_error(&"application state missing from the request"))?;
    let parts = use_context::<Parts>();
    let client = parts
        .as_ref()
        .and_then(|parts| parts.extensions.get::<ClientAddr>().copied());
    let (client, limit_key) = client.map_or_else(
        || ("unknown".to_string(), "unknown".to_string()),
        |c| (c.to_string(), c.limit_key()),
    );
    let cookies = parts
        .as_ref()
        .and_then(|parts| parts.headers.get(header::COOKIE))
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let token = |realm| cookie(cookies, cookie_name(&state.sessions, realm)).map(String::from);
    let presented = Presented {
        patient: token(Realm::Patient),
        staff: token(Realm::Staff),
        language: parts
            .as_ref()
            .and_then(|parts| chosen_language(&parts.headers)),
    };
    Ok(Caller::new(state, client, limit_key, presented, now()))
}

/// The cookie that keeps the reader's choice of language; the app sets it
/// too (so it is not `HttpOnly`) and reads nothing else from it.
pub const LANGUAGE_COOKIE: &str = "frontdesk_lang";

/// The language the reader chose (the cookie), if any.
fn chosen_language(headers: &HeaderMap) -> Option<Language> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    cookie(cookies, LANGUAGE_COOKIE).and_then(Language::from_code)
}

/// The language to answer in: the reader's choice, else the first of the
/// browser's preferred languages Front Desk speaks, else English.
pub fn language_of(headers: &HeaderMap) -> Language {
    chosen_language(headers)
        .or_else(|| {
            let accept = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            Language::preferred(accept)
        })
        .unwrap_or_default()
}

/// Remembers a choice of language for a year.
fn language_cookie(language: Language) -> String {
    format!(
        "{LANGUAGE_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        language.code()
    )
}

/// The value of the cookie `name` in a `Cookie` header.
fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then_some(value)
    })
}

/// The session cookie of each realm; over HTTPS `Secure` with the
/// `__Host-` prefix.
fn cookie_name(policy: &SessionPolicy, realm: Realm) -> &'static str {
    match (realm, policy.https) {
        (Realm::Patient, true) => "__Host-frontdesk_session",
        (Realm::Patient, false) => "frontdesk_session",
        (Realm::Staff, true) => "__Host-frontdesk_staff",
        (Realm::Staff, false) => "frontdesk_staff",
    }
}

/// The `Set-Cookie` value that carries out a session change: `HttpOnly`,
/// `SameSite=Lax`, and `Secure` over HTTPS.
fn set_cookie(policy: &SessionPolicy, change: &SessionChange) -> String {
    let (realm, value, max_age) = match change {
        SessionChange::Started {
            realm,
            token,
            max_age,
        } => (*realm, token.as_str(), *max_age),
        SessionChange::Ended { realm } => (*realm, "", 0),
    };
    let secure = if policy.https { "; Secure" } else { "" };
    format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}",
        cookie_name(policy, realm)
    )
}

/// Applies a service's answer to the response: its session changes as
/// cookies, and an error's HTTP status (with Retry-After when it has one).
pub fn answer<T>(caller: &Caller, result: Result<T, AppError>) -> Result<T, AppError> {
    let Some(response) = use_context::<ResponseOptions>() else {
        return result;
    };
    for change in caller.session_changes() {
        if let Ok(value) = HeaderValue::from_str(&set_cookie(&caller.state.sessions, &change)) {
            response.append_header(header::SET_COOKIE, value);
        }
    }
    if let Err(err) = &result {
        response.set_status(StatusCode::from_u16(err.status()).unwrap_or(StatusCode::BAD_REQUEST));
        let retry_after = match err {
            AppError::TooManyAttempts {
                retry_after_minutes,
                ..
            } => Some(retry_after_minutes * 60),
            AppError::Busy {
                retry_after_seconds,
            } => Some(*retry_after_seconds),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response.insert_header(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
    }
    result
}

/// The built browser app: where its files are and its `index.html`.
pub struct WebApp {
    dist: PathBuf,
    /// Each app's page (in the order of `crate::routes::APPS`) in each
    /// language (in the order of `Language::ALL`).
    pages: Vec<Option<Vec<Bytes>>>,
    /// The main app's stylesheet links, for the pages the server writes.
    stylesheets: String,
    csp: HeaderValue,
}

impl WebApp {
    /// Reads each app's `index.html` once and makes it a page in each
    /// language ([`localized_page`]), and allows exactly their inline
    /// scripts (Trunk's loaders) by hash, so the policy needs no
    /// `unsafe-inline`.
    pub fn load(dist: PathBuf, settings: &Settings) -> WebApp {
        let pages: Vec<Option<Vec<Bytes>>> = APPS
            .iter()
            .map(|app| {
                let path = dist.join(app.folder).join("index.html");
                let page = std::fs::read_to_string(&path).ok();
                if page.is_none() {
                    tracing::warn!(path = %path.display(), "missing: build the browser apps (scripts/build.sh)");
                }
                page.map(|html| {
                    Language::ALL
                        .iter()
                        .map(|l| Bytes::from(localized_page(&html, app, settings, *l)))
                        .collect()
                })
            })
            .collect();
        // The languages share their scripts: the first's hashes are all's.
        let hashes: String = pages
            .iter()
            .flatten()
            .filter_map(|languages| languages.first())
            .map(|html| inline_script_hashes(&String::from_utf8_lossy(html)))
            .collect();
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        );
        let stylesheets = pages
            .first()
            .and_then(Option::as_ref)
            .and_then(|languages| languages.first())
            .map(|html| stylesheet_links(&String::from_utf8_lossy(html)))
            .unwrap_or_default();
        WebApp {
            dist,
            pages,
            stylesheets,
            csp: HeaderValue::from_str(&csp).expect("ASCII policy"),
        }
    }

    /// The page of the app that owns the client route `path`, in `language`.
    fn page_for(&self, path: &str, language: Language) -> Option<&Bytes> {
        let folder = bundle_of(path);
        let app = APPS.iter().position(|app| app.folder == folder);
        let languages = self.pages.get(app?).and_then(Option::as_ref)?;
        // The help desk console is in English for every reader.
        let language = if folder == CONSOLE {
            Language::En
        } else {
            language
        };
        languages.get(language as usize)
    }
}

/// An app's page in `language`: `<html lang>`, the site settings (a
/// `frontdesk-settings` meta tag the app reads), the areas of the catalog
/// its pages use, fetched while the app loads, and what shows before it
/// starts or without JavaScript (`#app-loading`, with the help desk's
/// number to call) in the language.
fn localized_page(html: &str, app: &App, settings: &Settings, language: Language) -> String {
    words::in_language(language, || with_settings(html, app, settings, language))
}

fn with_settings(html: &str, app: &App, settings: &Settings, language: Language) -> String {
    let site = crate::shared::SiteSettings {
        help_desk_phone: settings.help_desk_phone.clone(),
        promise_days: settings.promise_days,
        youngest_teen: settings.youngest_teen,
    };
    let json = serde_json::to_string(&site).unwrap_or_default();
    let mut areas: Vec<Area> = app.words.iter().filter_map(|n| Area::named(n)).collect();
    areas.sort();
    let names: Vec<&str> = areas.iter().map(|a| a.name()).collect();
    let head = format!(
        "<meta name=\"frontdesk-settings\" content=\"{}\">\
         <link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\" \
         data-words=\"{}\">",
        escape_html(&json),
        language.areas_path(&areas),
        names.join("+")
    );
    let phone = format!(
        "<a class=\"link\" href=\"{}\">{}</a>",
        escape_html(&crate::domain::person::tel_href(&settings.help_desk_phone)),
        escape_html(&settings.help_desk_phone)
    );
    let shell = format!(
        "<div id=\"app-loading\"><header class=\"header\"><div class=\"width-container\">\
         <a href=\"/\" class=\"header__service\">{service}</a></div></header>\
         <div class=\"width-container\"><main class=\"main\">\
         <p class=\"body\" role=\"status\" id=\"app-status\">{loading}</p>\
         <p class=\"body\" id=\"app-failed\" hidden>{failed}</p>\
         <noscript><h1 class=\"heading-l\">{heading}</h1><p class=\"body\">{turn_on}</p>\
         <p class=\"body\">{call}</p></noscript></main></div></div>",
        service = escape_html(words::service_name()),
        loading = escape_html(words::loading()),
        failed = escape_html(words::loading_failed()),
        heading = escape_html(words::no_javascript_heading()),
        turn_on = escape_html(words::no_javascript()),
        call = words::no_javascript_call(&phone).replace("\n", " "),
    );
    // The page's own `<html …>` tag (minified or not) gives way to one in
    // the language.
    let html = match html
        .find("<html")
        .and_then(|at| Some((at, at + html[at..].find('>')?)))
    {
        Some((start, end)) => format!(
            "{}<html lang=\"{}\">{}",
            &html[..start],
            language.code(),
            &html[end + 1..]
        ),
        None => html.to_string(),
    };
    // Minified pages may leave out optional tags such as <head>.
    let html = match ["</head>", "<body>"].iter().find(|tag| html.contains(*tag)) {
        Some(tag) => html.replacen(tag, &format!("{head}{tag}"), 1),
        None => format!("{head}{html}"),
    };
    // index.html's own shell (English, for a look at the page without the
    // server) gives way to the language's: from its `<div id=app-loading>`
    // to the end of the body.
    let own_shell = ["<div id=app-loading>", "<div id=\"app-loading\">"]
        .iter()
        .find_map(|tag| html.find(tag));
    match (own_shell, html.rfind("</body>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{shell}{}", &html[..start], &html[end..])
        }
        (Some(start), _) => format!("{}{shell}", &html[..start]),
        _ => format!("{html}{shell}"),
    }
}

/// Every `<link … rel=stylesheet …>` tag of a page, in order.
fn stylesheet_links(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        rest = &rest[start..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        if tag.contains("stylesheet") {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out
}

/// `'sha256-…'` sources for every `<script>` without a `src`.
fn inline_script_hashes(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        let body = &rest[body_start..body_start + close];
        if !tag.contains(" src=") && !body.is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            out.push_str(&format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_start + close..];
    }
    out
}

#[derive(Clone)]
struct HttpState {
    app: AppState,
    web: Arc<WebApp>,
    trust_proxy: bool,
}

/// The whole HTTP app: the router over the browser build in `dist`.
pub fn app(state: AppState, dist: PathBuf, trust_proxy: bool) -> Router {
    let web = WebApp::load(dist, &state.settings);
    router(state, web, trust_proxy)
}

pub fn router(app: AppState, web: WebApp, trust_proxy: bool) -> Router {
    let csp = web.csp.clone();
    // Over HTTPS, browsers are told to use nothing else (HSTS).
    let hsts = app.sessions.https.then(|| {
        SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        )
    });
    let state = HttpState {
        app,
        web: Arc::new(web),
        trust_proxy,
    };
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    Router::new()
        .route("/api/{*function}", any(server_function))
        .route("/healthz", get(healthz))
        .route(LANGUAGE_HELP, get(language_help))
        .route("/words/{file}", get(catalog))
        .route("/dev/mailbox", get(demo_mailbox))
        .route(
            crate::domain::password::SERVED_AT,
            get(common_passwords).layer(tower_http::compression::CompressionLayer::new()),
        )
        .fallback(static_files)
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(header(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ))
        .layer(tower::util::option_layer(hsts))
        .layer(CatchPanicLayer::custom(|_| {
            let reference = crate::server::security::new_reference();
            tracing::error!(%reference, "a request handler panicked");
            json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                &AppError::Unavailable { reference },
            )
        }))
}

fn json_error(status: StatusCode, error: &AppError) -> Response {
    let body = serde_json::to_vec(error).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Runs a server function: checks the caller's origin, bounds the body,
/// records the client address, and makes sure nothing a client sends can
/// produce a 5xx.
async fn server_function(
    State(state): State<HttpState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let (mut parts, body) = req.into_parts();
    if parts.method != Method::GET && !same_origin(&parts, state.trust_proxy) {
        return json_error(StatusCode::FORBIDDEN, &AppError::Forbidden);
    }
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    // A body somewhat over the limit is read to its end before the 413, so
    // the client gets the answer instead of a broken connection; a much
    // larger one is refused at once and the connection closed.
    let body = if declared.is_some_and(|n| n > DRAIN_BYTES as u64) {
        None
    } else {
        axum::body::to_bytes(body, DRAIN_BYTES).await.ok()
    };
    let body = match body {
        Some(body) if body.len() <= MAX_BODY_BYTES => body,
        drained => return too_large(drained.is_none()),
    };
    let client = ClientAddr::of_request(&parts.headers, peer, state.trust_proxy);
    parts.extensions.insert(client);

    let app = state.app.clone();
    // Every word the function answers with is in the caller's language.
    let language = language_of(&parts.headers);
    let request = Request::from_parts(parts, Body::from(body));
    let mut response = words::scope(
        language,
        leptos_axum::handle_server_fns_with_context(move || provide_context(app.clone()), request),
    )
    .await
    .into_response();
    // Our functions always set their own status; a 500 left here comes from
    // decoding the request (wrong types, missing fields): the client's fault.
    if response.status() == StatusCode::INTERNAL_SERVER_ERROR {
        *response.status_mut() = StatusCode::BAD_REQUEST;
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Browsers send `Origin` (and `Sec-Fetch-Site`) on every POST; a request
/// from another site is refused. Non-browser clients send neither and carry
/// no ambient credentials, so they pass.
fn same_origin(parts: &Parts, trust_proxy: bool) -> bool {
    let headers = &parts.headers;
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if site.is_some_and(|site| site != "same-origin" && site != "none") {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = trust_proxy
        .then(|| headers.get("x-forwarded-host"))
        .flatten()
        .or_else(|| headers.get(header::HOST))
        .and_then(|v| v.to_str().ok());
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, h)| h);
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

/// Its sentences: code, direction, the language's name, the sentence.
const LANGUAGE_HELP_LINES: &str = include_str!("../../locales/language-help.tsv");

/// `/language-help`, written by the server: plain HTML in the reader's
/// language around the fifteen sentences, each marked with its language
/// and direction, so it works on any browser, with or without JavaScript.
async fn language_help(State(state): State<HttpState>, req: Request) -> Response {
    let language = language_of(req.headers());
    let settings = &state.app.settings;
    let phone = format!(
        "<a class=\"link\" dir=\"ltr\" href=\"{}\">{}</a>",
        escape_html(&crate::domain::person::tel_href(&settings.help_desk_phone)),
        escape_html(&settings.help_desk_phone)
    );
    let items: String = LANGUAGE_HELP_LINES
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut cells = line.splitn(4, '\t');
            let (code, dir, name, sentence) = (cells.next()?, cells.next()?, cells.next()?, cells.next()?);
            Some(format!(
                "<li class=\"language-help__item\" lang=\"{code}\" dir=\"{dir}\"><strong>{}</strong><br>{}</li>",
                escape_html(name),
                escape_html(sentence).replace("{phone}", &phone)
            ))
        })
        .collect();
    let stylesheets = state.web.stylesheets.clone();
    let html = words::in_language(language, || {
        format!(
            "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title} – {service}</title><link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\
             {stylesheets}</head><body><a href=\"#main-content\" class=\"skip-link\">{skip}</a>\
             <header class=\"header\"><div class=\"width-container\"><a href=\"/\" class=\"header__service\">{service}</a></div></header>\
             <div class=\"width-container\"><main class=\"main\" id=\"main-content\" tabindex=\"-1\">\
             <h1 class=\"heading-l\">{title}</h1><p class=\"body\">{intro}</p>\
             <ul class=\"list language-help\">{items}</ul>\
             <p class=\"body\"><a class=\"link\" href=\"/\">{back}</a></p></main></div>\
             <footer class=\"footer\"><div class=\"width-container\"><p>{footer} {phone}{hours}</p></div></footer>\
             </body></html>\n",
            code = language.code(),
            title = escape_html(words::language_help_title()),
            service = escape_html(words::service_name()),
            skip = escape_html(words::skip_to_content()),
            intro = escape_html(&words::language_help_intro("\u{1}")).replace('\u{1}', &phone),
            back = escape_html(words::language_help_back()),
            footer = escape_html(words::footer_help()),
            hours = escape_html(words::footer_hours()),
        )
    });
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::VARY, "Cookie, Accept-Language"),
        ],
        html,
    )
        .into_response()
}

/// `/words/<language>-<hash>.txt`: a language's browser catalog. The hash
/// is the words' own, so the file is cached for good; an address of other
/// words (an app from another build) is not found.
/// The catalog files asked for, compressed once each, as the files in
/// `dist/` are (brotli at its best quality: they are downloaded on every
/// first visit). At most one per language and set of areas.
static CATALOGS_BROTLI: std::sync::LazyLock<std::sync::Mutex<CompressedCatalogs>> =
    std::sync::LazyLock::new(Default::default);

type CompressedCatalogs = std::collections::HashMap<(Language, Vec<Area>), Bytes>;

fn compressed_catalog(language: Language, areas: &[Area]) -> Bytes {
    let key = (language, areas.to_vec());
    if let Some(done) = CATALOGS_BROTLI
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&key)
    {
        return done.clone();
    }
    let text = words::browser_catalog(language, areas);
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    // Writing to memory cannot fail.
    let _ = brotli::BrotliCompress(&mut text.as_bytes(), &mut out, &params);
    let out = Bytes::from(out);
    CATALOGS_BROTLI
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(key, out.clone());
    out
}

/// `/words/<language>-<area>+<area>…-<hash>.txt`: areas of a catalog.
async fn catalog(
    axum::extract::Path(file): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Response {
    let path = format!("/words/{file}");
    let found = Language::ALL
        .into_iter()
        .find_map(|l| Some((l, l.areas_of_path(&path)?)));
    let Some((language, areas)) = found else {
        return not_found();
    };
    let cached = [
        (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
        (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        (header::VARY, "Accept-Encoding"),
    ];
    let takes_brotli = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            name.eq_ignore_ascii_case("br") && !refused
        });
    if takes_brotli {
        let body = compressed_catalog(language, &areas);
        (cached, [(header::CONTENT_ENCODING, "br")], body).into_response()
    } else {
        (cached, words::browser_catalog(language, &areas)).into_response()
    }
}

async fn common_passwords() -> Response {
    let text = crate::domain::password::CommonPasswords::bundled().text();
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        text,
    )
        .into_response()
}

/// Demo mode only: the emails waiting in the outbox (a demo server without
/// SMTP sends none), newest first, so a newcomer can finish every flow on
/// one machine. One carrying a code leaves when the code expires.
async fn demo_mailbox(State(state): State<HttpState>) -> Response {
    if !state.app.mailer.has_mailbox() {
        return not_found();
    }
    let messages = match state.app.store.recent_emails(50).await {
        Ok(messages) => messages,
        Err(e) => {
            let error = internal_error(&e);
            let message = error.message(&state.app.settings.help_desk_phone);
            return (StatusCode::SERVICE_UNAVAILABLE, message).into_response();
        }
    };
    let mut html = String::from(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Demo mailbox</title></head><body><main>\n<h1>Demo mailbox</h1>\n\
         <p>Emails this demo server would send, newest first. An email with a code leaves when \
         the code expires. A production server sends them by SMTP and has no such page.</p>\n",
    );
    if messages.is_empty() {
        html.push_str("<p>No emails yet.</p>\n");
    }
    for m in &messages {
        let when = crate::domain::date::Date::from_unix_seconds(m.created_at);
        let status = match (&m.sent_via, &m.last_error) {
            (Some(via), _) => format!("delivered ({via}); its text was removed"),
            (None, Some(error)) => format!("not delivered yet: {error}"),
            (None, None) => "waiting".to_string(),
        };
        html.push_str(&format!(
            "<article>\n<h2>{}</h2>\n<p>To: {} · {} · {}</p>\n<pre>{}</pre>\n</article>\n",
            escape_html(&m.subject),
            escape_html(&m.to_addr),
            when,
            escape_html(&status),
            escape_html(&m.text_body),
        ));
    }
    html.push_str("</main></body></html>\n");
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        html,
    )
        .into_response()
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn healthz(State(state): State<HttpState>) -> Response {
    if state.app.store.ping().await {
        (StatusCode::OK, "ok\n").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
    }
}

/// Files from `dist/` (precompressed when the browser accepts it), long-cached
/// when their name carries a content hash; `index.html` for client routes;
/// a real 404 for missing files.
async fn static_files(State(state): State<HttpState>, req: Request) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let path = req.uri().path().to_string();
    let file_name = path.rsplit('/').next().unwrap_or_default();
    if !file_name.contains('.') {
        // An unknown address still gets the app (its page-not-found page),
        // with the status that says so.
        let status = if is_known(&path) {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        };
        // `?lang=es` (the language link, followed without the app) is a
        // choice, remembered like one the app makes.
        let asked = req.uri().query().and_then(|query| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix("lang="))
                .and_then(Language::from_code)
        });
        let language = asked.unwrap_or_else(|| language_of(req.headers()));
        return match state.web.page_for(&path, language) {
            Some(html) => {
                let mut response = (
                    status,
                    [
                        (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                        (header::CACHE_CONTROL, "no-cache"),
                        (header::VARY, "Cookie, Accept-Language"),
                    ],
                    html.clone(),
                )
                    .into_response();
                if let Some(language) = asked
                    && let Ok(cookie) = HeaderValue::from_str(&language_cookie(language))
                {
                    response.headers_mut().append(header::SET_COOKIE, cookie);
                }
                response
            }
            None => (
                StatusCode::SERVICE_UNAVAILABLE,
                "The web app has not been built yet. See README.md.\n",
            )
                .into_response(),
        };
    }
    let files = ServeDir::new(&state.web.dist)
        .precompressed_br()
        .precompressed_gzip();
    let mut response = match files.oneshot(req).await {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        return not_found();
    }
    let cache = if has_content_hash(file_name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        "<!doctype html><html lang=\"en\"><title>Page not found</title>\
         <h1>Page not found</h1><p><a href=\"/\">Go to the start page</a></p></html>",
    )
        .into_response()
}

/// Trunk names built files `name-<16 hex digits>[_bg].ext`.
/// Trunk's hashed names end in `-{hash}`: a 64-bit hash in hex, written
/// without leading zeros (so one build in sixteen has 15 digits, not 16).
fn has_content_hash(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(has_content_hash("frontdesk-web-0123456789abcdef_bg.wasm"));
        assert!(has_content_hash("frontdesk-web-0123456789abcdef.js"));
        assert!(
            has_content_hash("frontdesk-web-9ff5cb6860b9cd3_bg.wasm"),
            "a hash that began with a zero"
        );
        assert!(has_content_hash("style-0123456789abcdef.css"));
        assert!(!has_content_hash("favicon.svg"));
        assert!(!has_content_hash("robots.txt"));
    }

    fn client(lines: &[(&str, &str)], trust_proxy: bool) -> ClientAddr {
        let mut headers = HeaderMap::new();
        for (name, value) in lines {
            headers.append(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        ClientAddr::of_request(&headers, "10.0.0.9:41000".parse().unwrap(), trust_proxy)
    }

    #[test]
    fn the_right_most_forwarded_address_of_all_lines_is_the_client() {
        let two_lines = [
            ("x-forwarded-for", "198.51.100.7"),
            ("x-forwarded-for", "203.0.113.5, 192.0.2.44"),
        ];
        assert_eq!(client(&two_lines, true).to_string(), "192.0.2.44");
        assert_eq!(client(&two_lines, false).to_string(), "10.0.0.9");
        // With a port, or IPv6 in brackets with one.
        let port = [("x-forwarded-for", "203.0.113.5, 192.0.2.44:5678")];
        assert_eq!(client(&port, true).to_string(), "192.0.2.44");
        let v6 = [("x-forwarded-for", "[2001:db8::17]:4711")];
        assert_eq!(client(&v6, true).to_string(), "2001:db8::17");
        // What is not an address falls back to the peer, never to an entry
        // further left (the client wrote those).
        for garbage in ["192.0.2.1, not-an-ip", "192.0.2.1, ", "192.0.2.1,unknown"] {
            let lines = [("x-forwarded-for", garbage)];
            assert_eq!(client(&lines, true).to_string(), "10.0.0.9", "{garbage}");
        }
        let empty_last = [("x-forwarded-for", "192.0.2.1"), ("x-forwarded-for", "")];
        assert_eq!(client(&empty_last, true).to_string(), "10.0.0.9");
    }

    #[test]
    fn forwarded_is_read_when_there_is_no_x_forwarded_for() {
        let quoted_v6 = [(
            "forwarded",
            "for=192.0.2.60;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https",
        )];
        assert_eq!(client(&quoted_v6, true).to_string(), "2001:db8:cafe::17");
        let lines = [
            ("forwarded", "for=198.51.100.1"),
            ("forwarded", "proto=https;For=\"192.0.2.43:8080\""),
        ];
        assert_eq!(client(&lines, true).to_string(), "192.0.2.43");
        for hidden in [
            "for=unknown",
            "for=_hidden",
            "for=\"_gazonk\"",
            "proto=https",
        ] {
            let lines = [("forwarded", "for=198.51.100.1"), ("forwarded", hidden)];
            assert_eq!(client(&lines, true).to_string(), "10.0.0.9", "{hidden}");
        }
        // X-Forwarded-For wins: a client-sent Forwarded passes through an
        // X-Forwarded-For proxy untouched.
        let both = [
            ("forwarded", "for=198.51.100.1"),
            ("x-forwarded-for", "192.0.2.44"),
        ];
        assert_eq!(client(&both, true).to_string(), "192.0.2.44");
    }

    #[test]
    fn limits_count_ipv6_clients_by_their_64() {
        let key = |ip: &str| ClientAddr::new(ip.parse().unwrap()).limit_key();
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
        assert_eq!(key("192.0.2.44"), "192.0.2.44");
        // IPv4-mapped IPv6 is the IPv4 client, in the audit log too.
        assert_eq!(key("::ffff:192.0.2.44"), "192.0.2.44");
        let mapped = ClientAddr::new("::ffff:192.0.2.44".parse().unwrap());
        assert_eq!(mapped.to_string(), "192.0.2.44");
        // The audit log keeps the whole address.
        let full = ClientAddr::new("2001:db8:1:2:aaaa::1".parse().unwrap());
        assert_eq!(full.to_string(), "2001:db8:1:2:aaaa::1");
    }

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<script src="/a.js"></script><script type="module">init()</script>"#;
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"init()"));
        assert_eq!(inline_script_hashes(html), format!(" 'sha256-{expected}'"));
    }
}
