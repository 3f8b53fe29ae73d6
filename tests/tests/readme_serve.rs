//! The README's "Serve the API" example, run with curl against a real `cavra serve`: the output
//! it shows is the output the server gives.

use std::process::Command;

use cavra_tests::server::Server;
use cavra_tests::workspace_root;

/// The command (continuation lines joined) and the expected output of the README's
/// `serve-example` block.
fn example() -> (String, String) {
    let readme = std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md");
    let start = readme
        .find("<!-- serve-example")
        .expect("the serve-example marker");
    let block = &readme[start..];
    let body =
        &block[block.find("```console\n").expect("a console block") + "```console\n".len()..];
    let body = &body[..body.find("\n```").expect("the block's end") + 1];
    let mut command = String::new();
    let mut lines = body.lines();
    for line in lines.by_ref() {
        let line = line.strip_prefix("$ ").unwrap_or(line);
        match line.strip_suffix('\\') {
            Some(head) => command.push_str(head),
            None => {
                command.push_str(line);
                break;
            }
        }
    }
    let output: String = lines.map(|l| format!("{l}\n")).collect();
    (command, output)
}

#[test]
fn the_readme_curl_example_shows_what_the_server_answers() {
    let (command, expected) = example();
    assert!(
        command.starts_with("curl -s http://127.0.0.1:8080/"),
        "{command}"
    );
    let server = Server::start(&[]);
    let command = command.replace("http://127.0.0.1:8080", &server.base);
    let output = Command::new("sh")
        .args(["-c", &command])
        .output()
        .expect("sh runs curl");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
}
