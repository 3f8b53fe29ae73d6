//! The connection loop: hyper HTTP/1 connections under the [`ServerLimits`], so that slow or idle
//! clients cannot hold the server. `axum::serve` sets no timer and no cap, so a client that sends
//! half a request keeps its connection, and its file descriptor, for ever.
//!
//! - **Header timeout**: a connection must deliver a request's headers within it, else hyper
//!   closes it; an idle keep-alive connection is closed after the same time.
//! - **Request timeout**: once the headers are in, the body must be read and the response ready
//!   within it, else the client gets a 408 problem document and the connection is closed.
//! - **Connection cap**: at most this many connections are served at once; further clients wait
//!   in the listen backlog until one closes.
//! - **Shutdown**: the listener closes, open connections finish their request and close.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::server_limits::ServerLimits;

/// Serves `router` on `listener` under `limits` until `shutdown` completes, then lets open
/// connections finish their requests.
pub async fn serve_connections(
    listener: TcpListener,
    router: Router,
    limits: ServerLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let graceful = GracefulShutdown::new();
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&permits).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!("cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(router.clone());
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that hangs up or times out ends its connection; nothing to report.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
