//! The HTTP front end (feature `server`): an axum [`Router`] over a spec's routes, and
//! [`serve`], which runs it until Ctrl-C. The generated `cavra::server` module describes the
//! routes ([`Api`]); everything an HTTP exchange does is written once, here.
//!
//! A `POST` body is read within the [`Limits`] (413 over the size limit), must be declared JSON
//! (415), must parse (400), and is handed to the operation's generated `exchange()`, which refuses
//! unknown keys by name and reports every problem at once (400). Every refusal is an RFC 9457
//! problem document ([`Problem`]) that never repeats a value of the request. One log line per
//! request names the method, the route pattern (never the raw URI, which may carry anything),
//! the status and the time taken.

mod listen;
mod problem;

use std::future::Future;
use std::net::SocketAddr;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FailedToBufferBody};
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{MethodFilter, get, on};
use serde_json::Value;

pub use crate::server_limits::ServerLimits;
pub use axum;
pub use problem::{PROBLEM_JSON, Problem};

use crate::boundary::Boundary;
use crate::input::{Limits, parse};
use crate::violation::Violations;

/// What a route answers.
#[derive(Clone, Copy, Debug)]
pub enum Handler {
    /// A fixed JSON document (a family's public contract description), for `GET`.
    Describe(fn() -> Value),
    /// An operation's generated `exchange()`: the body's inputs in, `{"request", "response"}`
    /// out, or every problem.
    Exchange(fn(&Value) -> Result<Value, Violations>),
}

/// One route of the spec.
#[derive(Clone, Copy, Debug)]
pub struct Route {
    /// Upper-case HTTP method, as the spec gives it.
    pub method: &'static str,
    /// The path (`/saas/operating-automation`).
    pub path: &'static str,
    /// The key of the route in `GET /console/config`'s `endpoints` (an operation's name).
    pub name: &'static str,
    /// What it answers.
    pub handler: Handler,
}

/// A spec's HTTP surface, as the generator writes it.
#[derive(Debug)]
pub struct Api {
    /// The spec's routes, in spec order.
    pub routes: &'static [Route],
    /// The boundary every document is scanned against.
    pub boundary: &'static Boundary,
    /// The OpenAPI 3.1 document, served at `GET /openapi.json`.
    pub openapi: &'static str,
    /// The Evidence Console page, served at `GET /console/`.
    pub console: &'static str,
    /// The catalog whose evidence contracts `POST /console/gate` judges.
    pub catalog: &'static crate::catalog::Catalog,
}

/// The router of `api`: its routes, `GET /healthz`, `GET /openapi.json`, the console at
/// `/console/` with its `GET /console/config` and `POST /console/gate` (an evidence document's
/// readiness, as `cavra gate` judges it), with problem documents for unknown routes (404)
/// and methods (405), bodies read within `limits`, and one log line per request.
pub fn router(api: &'static Api, limits: Limits) -> Router {
    let mut router = Router::new();
    for route in api.routes {
        let route = *route;
        router = match route.handler {
            Handler::Describe(describe) => {
                router.route(route.path, get(move || async move { json(&describe()) }))
            }
            Handler::Exchange(exchange) => {
                let filter = Method::from_bytes(route.method.as_bytes())
                    .ok()
                    .and_then(|m| MethodFilter::try_from(m).ok())
                    .unwrap_or(MethodFilter::POST);
                router.route(
                    route.path,
                    on(
                        filter,
                        move |headers: HeaderMap, body: Result<Bytes, BytesRejection>| async move {
                            answer(api, &limits, &exchange, &headers, body)
                        },
                    ),
                )
            }
        };
    }
    router
        .route(
            "/healthz",
            get(|| async { json(&serde_json::json!({"status": "ok"})) }),
        )
        .route(
            "/openapi.json",
            get(move || async move {
                (
                    [(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/json"),
                    )],
                    api.openapi,
                )
            }),
        )
        .route(
            "/console",
            get(|| async { Redirect::permanent("/console/") }),
        )
        .route("/console/", get(move || async move { Html(api.console) }))
        .route(
            "/console/config",
            get(move || async move { json(&console_config(api)) }),
        )
        .route(
            "/console/gate",
            axum::routing::post(
                move |headers: HeaderMap, body: Result<Bytes, BytesRejection>| async move {
                    answer(api, &limits, &|doc| gate(api, doc), &headers, body)
                },
            ),
        )
        .fallback(|| async { Problem::not_found() })
        .method_not_allowed_fallback(|| async { Problem::method_not_allowed() })
        .layer(DefaultBodyLimit::max(limits.max_bytes))
        .layer(axum::middleware::from_fn(log_request))
}

/// `{"endpoints": {name: path}, "openapi", "gate"}`: where the console finds each route.
fn console_config(api: &Api) -> Value {
    let endpoints: serde_json::Map<String, Value> = api
        .routes
        .iter()
        .map(|r| (r.name.to_owned(), Value::from(r.path)))
        .collect();
    serde_json::json!({"endpoints": endpoints, "openapi": "/openapi.json", "gate": "/console/gate"})
}

/// `cavra gate --format json` over a posted evidence document: `{"contract", "status",
/// "blockers"}`, or every problem of a document that is not a valid evidence document.
fn gate(api: &Api, doc: &Value) -> Result<Value, Violations> {
    let (contract, report) = api.catalog.gate(doc)?;
    Ok(
        serde_json::json!({"contract": contract, "status": report.status, "blockers": report.blockers}),
    )
}

/// Answers one request whose JSON body `exchange` turns into the answer: an operation's
/// exchange, or the console's gate.
fn answer(
    api: &Api,
    limits: &Limits,
    exchange: &dyn Fn(&Value) -> Result<Value, Violations>,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if !is_json(headers) {
        return Problem::unsupported_media_type().into_response();
    }
    let body = match body {
        Ok(body) => body,
        Err(BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_))) => {
            return Problem::too_large(limits.max_bytes).into_response();
        }
        Err(_) => return Problem::unreadable("the body could not be read").into_response(),
    };
    let doc = match parse(&body, limits) {
        Ok(doc) => doc,
        Err(e) => return Problem::unreadable(e.to_string()).into_response(),
    };
    let shadowed = doc.shadowed_violations(api.boundary, "");
    match exchange(&doc.value) {
        Ok(exchange) if shadowed.is_empty() => json(&exchange),
        Ok(_) => Problem::invalid_document(Violations(shadowed)).into_response(),
        Err(mut found) => {
            found.0.extend(shadowed);
            Problem::invalid_document(found).into_response()
        }
    }
}

/// Whether the request declares a JSON body (`application/json` or `application/*+json`, any
/// parameters).
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// A 200 JSON response: pretty, with a final newline, as the CLI prints it.
fn json(value: &Value) -> Response {
    let mut body = serde_json::to_string_pretty(value).unwrap_or_default();
    body.push('\n');
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

/// Logs one line per request: method, route pattern, status, microseconds.
async fn log_request(request: Request, next: Next) -> Response {
    // A method is any token the client sends: log only the standard ones.
    let method = match *request.method() {
        Method::GET
        | Method::POST
        | Method::PUT
        | Method::PATCH
        | Method::DELETE
        | Method::HEAD
        | Method::OPTIONS => request.method().as_str().to_owned(),
        _ => "(other)".to_owned(),
    };
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(no route)".to_owned(), |p| p.as_str().to_owned());
    let start = Instant::now();
    let response = next.run(request).await;
    let micros = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX);
    tracing::info!(
        %method,
        route,
        status = response.status().as_u16(),
        micros,
        "request"
    );
    response
}

/// Why [`serve`] stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {address}: {source}")]
    Bind {
        /// The address asked for.
        address: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server or its runtime failed.
    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Serves `router` on `address` under `limits` until Ctrl-C (or SIGTERM), then lets open
/// requests finish. Logs to standard error: `listening on http://ADDRESS` first (with the port
/// the OS chose when `address` asks for port 0), then one line per request.
pub fn serve(router: Router, address: SocketAddr, limits: ServerLimits) -> Result<(), ServeError> {
    init_logging();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|source| ServeError::Bind { address, source })?;
        serve_on(listener, router, limits, shutdown_signal()).await?;
        Ok(())
    })
}

/// Serves `router` on a bound `listener` under `limits` until `shutdown` completes: for embedding
/// the API in a program of one's own, or in tests. A request not answered within
/// `limits.request_timeout` gets a 408 problem document.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: ServerLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let local = listener.local_addr()?;
    tracing::info!("listening on http://{local}");
    tracing::info!(
        "limits: headers within {} s, answers within {} s, at most {} connections",
        limits.header_timeout.as_secs_f64(),
        limits.request_timeout.as_secs_f64(),
        limits.max_connections
    );
    let timeout = limits.request_timeout;
    let router = router.layer(axum::middleware::from_fn(
        move |request, next: Next| async move {
            match tokio::time::timeout(timeout, next.run(request)).await {
                Ok(response) => response,
                Err(_) => {
                    let mut response = Problem::timed_out(timeout).into_response();
                    // The rest of the body is not read: the connection cannot be reused.
                    response
                        .headers_mut()
                        .insert(header::CONNECTION, HeaderValue::from_static("close"));
                    response
                }
            }
        },
    ));
    listen::serve_connections(listener, router, limits, shutdown).await?;
    tracing::info!("shut down");
    Ok(())
}

/// Completes on Ctrl-C, or on SIGTERM where there are signals.
async fn shutdown_signal() {
    let ctrl_c = async {
        // Without a signal handler there is nothing to wait for but the process's end.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// Log lines to standard error, colored only on a terminal; a no-op when a subscriber is set.
fn init_logging() {
    use std::io::IsTerminal;
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}
