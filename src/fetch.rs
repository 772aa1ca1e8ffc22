//! Fetching pages given as URLs, with `ureq` over rustls.
//!
//! Bounded on every side: a total timeout, a redirect limit, a size cap and
//! an honest user agent. Only the URL given and its redirects are contacted.

use crate::error::Error;
use std::time::Duration;

/// Limits of one fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Whole request, redirects and body included.
    pub timeout: Duration,
    pub max_redirects: u32,
    /// Largest body read, in bytes; larger responses are refused.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(20),
            max_redirects: 5,
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// Whether an input argument is a URL to fetch.
pub fn is_url(arg: &str) -> bool {
    let l = arg.to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// The default label of a URL: its host without `www.`.
pub fn url_label(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |x| x.1);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |x| x.1);
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// A longer label for a URL, used when two URLs share a host: the host and
/// the path, without the query, fragment or trailing slash.
pub fn url_label_long(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |x| x.1);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let host = url_label(url);
    let path = rest.find('/').map_or("", |k| &rest[k..]);
    format!("{host}{}", path.trim_end_matches('/'))
}

/// Fetch a URL and return its body as text, decoded by its declared charset
/// (invalid bytes replaced).
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<String, Error> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(opts.max_redirects)
        .max_redirects_will_error(true)
        .http_status_as_error(true)
        .user_agent(concat!("storydiff/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut resp = agent
        .get(url)
        .call()
        .map_err(|e| fetch_error(url, e, opts))?;
    let charset = resp.body().charset().map(str::to_string);
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| fetch_error(url, e, opts))?;
    if bytes.contains(&0) {
        return Err(Error::input(url, "binary data (NUL bytes), not a page"));
    }
    // Decoded by its declared charset (HTTP header, then `<meta>`), so a
    // latin-1 page does not come back full of U+FFFD.
    Ok(crate::html::decode_page(&bytes, charset.as_deref()))
}

fn fetch_error(url: &str, e: ureq::Error, opts: &FetchOptions) -> Error {
    use ureq::Error as E;
    let problem = match e {
        E::StatusCode(code) => format!("HTTP status {code}"),
        E::Timeout(_) => format!("timed out after {} s", opts.timeout.as_secs_f64()),
        E::HostNotFound => "host not found".to_string(),
        E::ConnectionFailed => "connection failed".to_string(),
        E::TooManyRedirects => format!("more than {} redirects", opts.max_redirects),
        E::RedirectFailed => "redirect failed".to_string(),
        E::BodyExceedsLimit(n) => format!("response larger than {n} bytes (the limit)"),
        E::BadUri(u) => format!("not a valid URL ({u})"),
        E::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused".to_string()
        }
        E::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            format!("timed out after {} s", opts.timeout.as_secs_f64())
        }
        E::Io(io) => format!("cannot fetch: {io}"),
        other => format!("cannot fetch: {other}"),
    };
    Error::input(url, problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_come_from_the_host() {
        assert_eq!(
            url_label("https://www.example.org/news/a.html"),
            "example.org"
        );
        assert_eq!(url_label("http://127.0.0.1:8080/x"), "127.0.0.1:8080");
    }
}
