//! RFC 9457 problem details (`application/problem+json`): what every refused HTTP request gets.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::violation::Violations;

/// The media type of a problem document.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem document. `problems` is the same `{path, message}` list `cavra validate --format
/// json` prints; it is empty for problems of the HTTP exchange itself (size, media type, route).
#[derive(Clone, Debug, Serialize)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:cavra:problem:invalid-document`).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// A short summary of the kind, the same for every occurrence.
    pub title: &'static str,
    /// The HTTP status code (a number in the document).
    #[serde(serialize_with = "status_number")]
    pub status: StatusCode,
    /// What went wrong this time. Never contains a value of the request.
    pub detail: String,
    /// Every problem of the document, each at its JSON path.
    pub problems: Violations,
}

impl Problem {
    /// A problem of `status` with no document problems.
    pub fn new(
        status: StatusCode,
        kind: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        Problem {
            kind,
            title,
            status,
            detail: detail.into(),
            problems: Violations::default(),
        }
    }

    /// 400: a readable body whose document breaks the contract; every problem listed.
    pub fn invalid_document(problems: Violations) -> Self {
        let count = problems.len();
        Problem {
            problems,
            ..Problem::new(
                StatusCode::BAD_REQUEST,
                "urn:cavra:problem:invalid-document",
                "The document breaks the contract",
                format!(
                    "{count} problem{} found; each is listed in `problems` with its JSON path",
                    if count == 1 { "" } else { "s" }
                ),
            )
        }
    }

    /// 400: a body that is not one readable JSON document within the limits.
    pub fn unreadable(detail: impl Into<String>) -> Self {
        Problem::new(
            StatusCode::BAD_REQUEST,
            "urn:cavra:problem:unreadable-body",
            "The body is not a readable JSON document",
            detail,
        )
    }

    /// 413: a body over the limit.
    pub fn too_large(limit: usize) -> Self {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "urn:cavra:problem:body-too-large",
            "The body is larger than the limit",
            format!("the body limit is {limit} bytes"),
        )
    }

    /// 415: a body that is not declared as JSON.
    pub fn unsupported_media_type() -> Self {
        Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "urn:cavra:problem:unsupported-media-type",
            "The body must be JSON",
            "send the body with `Content-Type: application/json`",
        )
    }

    /// 404: no route.
    pub fn not_found() -> Self {
        Problem::new(
            StatusCode::NOT_FOUND,
            "urn:cavra:problem:not-found",
            "No such route",
            "GET /openapi.json lists every route",
        )
    }

    /// 408: the request was not read and answered within the server's request timeout.
    pub fn timed_out(timeout: std::time::Duration) -> Self {
        Problem::new(
            StatusCode::REQUEST_TIMEOUT,
            "urn:cavra:problem:request-timeout",
            "Request not received in time",
            format!(
                "the request was not received and answered within {} s (cavra serve --request-timeout)",
                timeout.as_secs_f64()
            ),
        )
    }

    /// 405: a route that does not take this method.
    pub fn method_not_allowed() -> Self {
        Problem::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "urn:cavra:problem:method-not-allowed",
            "The route does not take this method",
            "the `Allow` header lists the methods it takes",
        )
    }
}

/// A status as the number RFC 9457 puts in `status`.
fn status_number<S: serde::Serializer>(status: &StatusCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u16(status.as_u16())
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status;
        let mut body = serde_json::to_string_pretty(&self).unwrap_or_default();
        body.push('\n');
        let mut response = (status, body).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}
