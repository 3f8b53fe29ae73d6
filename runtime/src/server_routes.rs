//! The routes `cavra serve` answers besides the spec's own. The spec may not take them (the spec
//! checker refuses them), the OpenAPI document lists them, and the router serves them: one list.

/// `(method, path)` of every route of the server itself, in the OpenAPI document's order.
pub const SERVER_ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/openapi.json"),
    ("GET", "/console"),
    ("GET", "/console/"),
    ("GET", "/console/config"),
    ("POST", "/console/gate"),
];

/// Whether `path` is the server's: one of [`SERVER_ROUTES`] or under `/console/`.
///
/// ```
/// use cavra_runtime::server_routes::is_reserved;
/// assert!(is_reserved("/healthz"));
/// assert!(is_reserved("/console/assets/app.js"));
/// assert!(!is_reserved("/saas/operating-automation"));
/// ```
pub fn is_reserved(path: &str) -> bool {
    SERVER_ROUTES.iter().any(|(_, p)| *p == path) || path.starts_with("/console/")
}
