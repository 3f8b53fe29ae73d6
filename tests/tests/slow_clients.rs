//! `cavra serve` under slow clients: hundreds of connections that stall mid-request (half of
//! them inside the headers, half inside a body) are closed within the timeouts, a normal request
//! meanwhile is answered, a stalled body gets a 408 problem document, and the server's open files
//! come back to where they started.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use cavra_tests::server::Server;

/// How many stalled connections the test opens.
const STALLED: usize = 300;

/// The `host:port` of a server's base URL.
fn address(server: &Server) -> String {
    server.base.trim_start_matches("http://").to_owned()
}

/// A connection that sent `bytes` and then nothing more.
fn stall(address: &str, bytes: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    stream.write_all(bytes).expect("the first bytes are sent");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("a read timeout");
    stream
}

/// What the server sends before it closes `stream`, or `None` if it keeps it open.
fn until_closed(mut stream: TcpStream) -> Option<String> {
    let mut answer = Vec::new();
    match stream.read_to_end(&mut answer) {
        Ok(_) => Some(String::from_utf8_lossy(&answer).into_owned()),
        // Reset by the server: closed as well.
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Some(String::new()),
        Err(_) => None,
    }
}

#[test]
fn stalled_clients_are_closed_within_the_timeouts_and_others_are_served() {
    let server = Server::start(&["--header-timeout", "1", "--request-timeout", "2"]);
    let before = server.open_files();
    let address = address(&server);
    let head = b"POST /saas/operating-automation HTTP/1.1\r\nHost: cavra\r\n";
    let body_head = b"POST /saas/operating-automation HTTP/1.1\r\nHost: cavra\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{";
    let started = Instant::now();
    let stalled: Vec<(bool, TcpStream)> = (0..STALLED)
        .map(|i| {
            let in_body = i % 2 == 1;
            let bytes: &[u8] = if in_body { body_head } else { head };
            (in_body, stall(&address, bytes))
        })
        .collect();

    // Meanwhile a normal client is served.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .new_agent();
    let mut health = agent
        .get(server.url("/healthz"))
        .call()
        .expect("a normal request is answered while the stalled ones wait");
    assert_eq!(health.status().as_u16(), 200);
    assert!(
        health
            .body_mut()
            .read_to_string()
            .is_ok_and(|b| b.contains("ok"))
    );

    // Every stalled connection is closed by the server; a stalled body first gets its 408.
    let mut timed_out = 0;
    for (in_body, stream) in stalled {
        let answer = until_closed(stream).expect("the server closes a stalled connection");
        if in_body {
            assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
            assert!(
                answer.contains("urn:cavra:problem:request-timeout"),
                "{answer}"
            );
            timed_out += 1;
        }
    }
    assert_eq!(timed_out, STALLED / 2);
    // Well under the 20 s the clients would wait: the server's timeouts closed them.
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );

    if let Some(before) = before {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut now = server.open_files().unwrap_or(usize::MAX);
        while now > before && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            now = server.open_files().unwrap_or(usize::MAX);
        }
        assert!(now <= before, "open files grew from {before} to {now}");
    }
}

#[test]
fn the_connection_cap_holds_further_clients_until_one_closes() {
    let server = Server::start(&["--max-connections", "2", "--header-timeout", "2"]);
    let address = address(&server);
    // Two idle connections take the two places.
    let idle: Vec<TcpStream> = (0..2).map(|_| stall(&address, b"")).collect();
    std::thread::sleep(Duration::from_millis(200));
    // A third client waits in the backlog: no answer while both places are held...
    let mut third = TcpStream::connect(&address).expect("the kernel accepts into the backlog");
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: cavra\r\nConnection: close\r\n\r\n")
        .expect("sent");
    third
        .set_read_timeout(Some(Duration::from_millis(500)))
        .expect("a read timeout");
    let mut first = [0u8; 1];
    assert!(
        third.read(&mut first).is_err(),
        "a client beyond the cap is not served at once"
    );
    // ...and is served once the header timeout closes the idle ones.
    third
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read timeout");
    let mut answer = String::new();
    third.read_to_string(&mut answer).expect("an answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    drop(idle);
    assert!(server.log().contains("at most 2 connections"));
}
