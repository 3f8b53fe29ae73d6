//! How long a client of `cavra serve` may take and how many may be served at once: plain data,
//! so that the CLI can state the defaults without the `server` feature.

use std::time::Duration;

/// How long a client may take and how many may be served at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerLimits {
    /// The longest wait for a request's headers (and the longest idle keep-alive).
    pub header_timeout: Duration,
    /// The longest time from a request's headers to its answer, reading the body included.
    pub request_timeout: Duration,
    /// The most connections served at once.
    pub max_connections: usize,
}

impl ServerLimits {
    /// Ten seconds for the headers.
    pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
    /// Thirty seconds for the rest of a request.
    pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
    /// 1,024 connections at once.
    pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;
}

impl Default for ServerLimits {
    fn default() -> Self {
        ServerLimits {
            header_timeout: Self::DEFAULT_HEADER_TIMEOUT,
            request_timeout: Self::DEFAULT_REQUEST_TIMEOUT,
            max_connections: Self::DEFAULT_MAX_CONNECTIONS,
        }
    }
}
