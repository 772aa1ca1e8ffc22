//! URL inputs, against a local HTTP server that the test starts itself
//! (127.0.0.1 only): pages, a redirect loop, a 50 MB response, a slow
//! server, a 404 and a closed port.

mod common;

use common::run;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

const WIRE: &str = include_str!("../fixtures/html-pages/wire.html");
const DAILY: &str = include_str!("../fixtures/html-pages/daily.html");

fn respond(mut s: TcpStream) {
    let mut reader = BufReader::new(s.try_clone().expect("clone"));
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    // Skip the request headers.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let page = |s: &mut TcpStream, body: &str| {
        let _ = write!(
            s,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
            body.len(),
            body
        );
    };
    match path.as_str() {
        "/wire" => page(&mut s, WIRE),
        "/daily" => page(&mut s, DAILY),
        "/moved" => {
            let _ = write!(
                s,
                "HTTP/1.1 301 Moved Permanently\r\nLocation: /daily\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
        "/loop" => {
            let _ = write!(
                s,
                "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
        "/big" => {
            let total: usize = 50 * 1024 * 1024;
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {total}\r\nConnection: close\r\n\r\n"
            );
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0;
            // Bounded: stops at 50 MB or when the client hangs up.
            while sent < total && s.write_all(&chunk).is_ok() {
                sent += chunk.len();
            }
        }
        "/slow" => {
            thread::sleep(Duration::from_secs(3));
            page(&mut s, WIRE);
        }
        _ => {
            let _ = write!(
                s,
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    }
}

/// Start the server; it serves at most `n` connections, then stops.
fn server(n: usize) -> String {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = format!("http://{}", l.local_addr().expect("addr"));
    thread::spawn(move || {
        for s in l.incoming().take(n).flatten() {
            thread::spawn(move || respond(s));
        }
    });
    addr
}

/// Two URLs compare like files; a redirect is followed.
#[test]
fn urls_are_fetched_and_compared() {
    let base = server(8);
    let (code, out, err) = run(&[
        &format!("wire={base}/wire"),
        &format!("daily={base}/moved"),
        "--format",
        "json",
    ]);
    assert_eq!((code, err.as_str()), (Some(1), ""));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["sources"][0]["path"], format!("{base}/wire"));
    assert_eq!(v["sources"][1]["meta"]["byline"], "Tom Reyes, Lia Chen");
    assert!(out.contains("\"kind\": \"number\""));
}

/// Each failure is one line naming the URL, exit 2.
#[test]
fn url_failures_are_clear() {
    let base = server(16);
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        let a = l.local_addr().expect("addr");
        drop(l);
        format!("http://{a}/gone")
    };
    let cases = [
        (format!("{base}/loop"), "more than 5 redirects".to_string()),
        (format!("{base}/missing"), "HTTP status 404".to_string()),
        (
            format!("{base}/big"),
            format!(
                "response larger than {} bytes (the limit)",
                10 * 1024 * 1024
            ),
        ),
        (closed.clone(), "connection refused".to_string()),
    ];
    for (url, problem) in cases {
        let (code, out, err) = run(&[&url, &format!("{base}/wire")]);
        assert_eq!(code, Some(2), "{url}");
        assert_eq!(out, "");
        assert!(err.starts_with(&format!("storydiff: {url}: ")), "{err}");
        assert!(err.contains(&problem), "{url}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

/// A slow server hits the timeout.
#[test]
fn slow_server_times_out() {
    let base = server(2);
    let url = format!("{base}/slow");
    let (code, _, err) = run(&[&url, &format!("{base}/wire"), "--fetch-timeout", "0.5"]);
    assert_eq!(code, Some(2));
    assert_eq!(err, format!("storydiff: {url}: timed out after 0.5 s\n"));
}
