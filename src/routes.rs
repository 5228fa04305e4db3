//! Which browser app (bundle) owns which client routes. The server serves
//! each app's page for its routes; the apps follow a link into another app
//! with a full page load. One table for both.

/// The apps besides the main one (`dist/index.html`, which owns every other
/// route): their folder in `dist/` and the route prefixes they own.
pub const BUNDLES: &[(&str, &[&str])] = &[
    ("verify", &["/signup/verify"]),
    (
        "help",
        &[
            "/",
            "/signup/status",
            "/signup/new-code",
            "/records-request",
            "/teen",
            // The access-code outcomes that stop the sign-up.
            "/signup/code/expired",
            "/signup/code/used",
            "/signup/code/ended",
            "/signup/code/account-exists",
        ],
    ),
    ("account", &["/signin", "/home"]),
    ("recover", &["/recover"]),
    ("records", &["/records"]),
    ("proxy", &["/proxy"]),
    ("staff", &["/staff"]),
];

/// The folder of the app that owns `path` ("" for the main app).
pub fn bundle_of(path: &str) -> &'static str {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let owns = |prefix: &&str| {
        path == *prefix
            || path
                .strip_prefix(*prefix)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    BUNDLES
        .iter()
        .find(|(_, routes)| routes.iter().any(owns))
        .map_or("", |(folder, _)| folder)
}

#[cfg(test)]
mod tests {
    use super::bundle_of;

    #[test]
    fn routes_belong_to_one_app() {
        assert_eq!(bundle_of("/"), "help");
        assert_eq!(bundle_of("/?from=letter"), "help");
        assert_eq!(bundle_of("/nowhere"), "");
        assert_eq!(bundle_of("/signup/code/login"), "");
        assert_eq!(bundle_of("/signup/code/expired?on=May%201"), "help");
        assert_eq!(bundle_of("/signup/verify"), "verify");
        assert_eq!(bundle_of("/signup/verify/check?x=1"), "verify");
        assert_eq!(bundle_of("/signup/verifyx"), "");
        assert_eq!(bundle_of("/signup/status"), "help");
        assert_eq!(bundle_of("/records-request#form"), "help");
        assert_eq!(bundle_of("/signin"), "account");
        assert_eq!(bundle_of("/home/password"), "account");
        assert_eq!(bundle_of("/recover/reset"), "recover");
        assert_eq!(bundle_of("/staff/patients/7"), "staff");
        assert_eq!(bundle_of("/records/12"), "records");
        assert_eq!(bundle_of("/teen"), "help");
        assert_eq!(bundle_of("/proxy/relationship"), "proxy");
        assert_eq!(bundle_of("/staffing"), "");
    }
}
