//! A small Chrome DevTools Protocol client: headless Chromium started with
//! `--remote-debugging-port=0`, one page driven over its WebSocket (tungstenite), scripts
//! evaluated in it, screenshots taken. Enough to fill a form and read what the page shows.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// A headless Chromium, killed when dropped.
pub struct Browser {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts `chromium` and waits for its DevTools endpoint.
    pub fn launch(chromium: &Path) -> Browser {
        let profile = tempfile::tempdir().expect("a profile dir");
        let mut child = Command::new(chromium)
            .args(crate::HEADLESS)
            .args(["--remote-debugging-port=0", "--remote-allow-origins=*"])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Read to the end, so that Chromium never blocks on a full pipe.
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("ws://127.0.0.1:").nth(1) {
                    let port = rest.split('/').next().and_then(|p| p.parse::<u16>().ok());
                    let _ = tx.send(port);
                }
            }
        });
        let port = rx
            .recv_timeout(Duration::from_secs(30))
            .ok()
            .flatten()
            .expect("chromium names its DevTools port within 30 s");
        Browser {
            child,
            port,
            _profile: profile,
        }
    }

    /// The browser's first page, connected.
    pub fn page(&self) -> Page {
        let text = ureq::get(&format!("http://127.0.0.1:{}/json/list", self.port))
            .call()
            .expect("the DevTools target list")
            .body_mut()
            .read_to_string()
            .expect("the list is read");
        let list: Value = serde_json::from_str(&text).expect("JSON");
        let url = list
            .as_array()
            .and_then(|targets| targets.iter().find(|t| t["type"] == "page"))
            .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            .expect("a page target")
            .to_owned();
        let (socket, _) = tungstenite::connect(url.as_str()).expect("the page's WebSocket");
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
        }
        Page { socket, next: 0 }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One page, driven by DevTools commands.
pub struct Page {
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next: u64,
}

impl Page {
    /// Sends `method` and returns its result (events in between are skipped).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let message = json!({"id": id, "method": method, "params": params}).to_string();
        self.socket
            .send(Message::Text(message.into()))
            .expect("a DevTools command is sent");
        loop {
            let Message::Text(text) = self.socket.read().expect("a DevTools answer") else {
                continue;
            };
            let answer: Value = serde_json::from_str(text.as_str()).expect("DevTools speaks JSON");
            if answer["id"] != id {
                continue;
            }
            assert!(answer.get("error").is_none(), "{method}: {answer}");
            return answer["result"].clone();
        }
    }

    /// Evaluates `expression` (awaiting a promise), returning its value; a thrown error fails.
    pub fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "awaitPromise": true, "returnByValue": true}),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "the script threw: {}\n{expression}",
            result["exceptionDetails"]
        );
        result["result"]["value"].clone()
    }

    /// Opens `url` and waits until the console's script says it is done (`body[data-ready]`).
    pub fn open(&mut self, url: &str) {
        self.call("Page.navigate", json!({"url": url}));
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            let ready = self.eval("document.body ? document.body.dataset.ready || '' : ''");
            if ready == "true" {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("{url} was not ready within 30 s");
    }

    /// A PNG of the element `selector` selects, laid out at `width` CSS pixels, written to
    /// `path`; its size in bytes.
    pub fn screenshot(&mut self, selector: &str, path: &Path, width: u32) -> usize {
        let metrics =
            json!({"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500});
        self.call("Emulation.setDeviceMetricsOverride", metrics);
        let rect = self.eval(&format!(
            "(() => {{ const r = document.querySelector({}).getBoundingClientRect(); \
             return {{x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}}; }})()",
            Value::from(selector)
        ));
        let clip = json!({
            "x": rect["x"], "y": rect["y"], "width": rect["width"], "height": rect["height"], "scale": 1,
        });
        let shot = self.call(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true, "clip": clip}),
        );
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().unwrap_or_default())
            .expect("base64 PNG");
        std::fs::write(path, &png).expect("the screenshot is written");
        self.call("Emulation.clearDeviceMetricsOverride", json!({}));
        png.len()
    }
}
