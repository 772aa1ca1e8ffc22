//! `--format json`: the report as pretty-printed JSON (schema in `docs/schema.md`).

use crate::report::Report;

pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_else(|e| {
        // Serialising plain data with string keys cannot fail; keep a
        // diagnosable output rather than panicking if it ever does.
        format!("{{\"error\": \"cannot serialise report: {e}\"}}")
    });
    s.push('\n');
    s
}
