//! `storydiff batch`: many stories, one JSON line in and one JSON line out.
//!
//! Input: JSON Lines, one story a line:
//! `{"id": "s1", "mode": "compare", "reports": [{"label": "ap", "path": "ap.txt"},
//! {"url": "https://…"}, {"label": "x", "text": "inline text"}]}`
//! (`mode` is `compare`, the default, or `versions`). Output: one line per
//! story, in input order, written as soon as the story is done:
//! `{"id": "s1", "ok": true, "differences": true, "report": {…}}` or
//! `{"id": "s1", "ok": false, "error": "…"}`. A failing story never stops
//! the others.

use crate::Options;
use crate::error::Error;
use crate::fetch::FetchOptions;
use crate::ingest::{self, FormatChoice, Source};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryLine {
    id: serde_json::Value,
    #[serde(default)]
    mode: Option<String>,
    reports: Vec<ReportRef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportRef {
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    format: Option<String>,
}

/// The outcome of one story.
#[derive(Debug)]
pub struct StoryResult {
    /// The JSON line to write (no newline).
    pub line: String,
    pub ok: bool,
    pub differences: bool,
}

fn choice(f: Option<&str>) -> Result<FormatChoice, String> {
    match f {
        None | Some("auto") => Ok(FormatChoice::Auto),
        Some("text") => Ok(FormatChoice::Text),
        Some("markdown") => Ok(FormatChoice::Markdown),
        Some("html") => Ok(FormatChoice::Html),
        Some(other) => Err(format!("unknown format '{other}'")),
    }
}

fn load(r: &ReportRef, k: usize, fetch_opts: &FetchOptions) -> Result<Source, Error> {
    let fmt = choice(r.format.as_deref()).map_err(Error::Usage)?;
    let given = [r.path.is_some(), r.url.is_some(), r.text.is_some()]
        .iter()
        .filter(|x| **x)
        .count();
    if given != 1 {
        return Err(Error::Usage(format!(
            "report {k} needs exactly one of \"path\", \"url\" or \"text\""
        )));
    }
    if let Some(u) = r.url.as_ref().filter(|u| !crate::fetch::is_url(u)) {
        return Err(Error::input(
            u,
            "not a valid URL (http:// or https:// expected)",
        ));
    }
    if let Some(arg) = r.path.as_ref().or(r.url.as_ref()) {
        return ingest::read_input(arg, r.label.as_deref(), fmt, fetch_opts);
    }
    let text = r.text.clone().unwrap_or_default();
    let label = r.label.clone().unwrap_or_else(|| format!("report{k}"));
    ingest::source_from_text("", &label, text, fmt)
}

/// Run one input line. `lineno` is 1-based, for errors.
pub fn run_line(
    line: &str,
    lineno: usize,
    opts: &Options,
    fetch_opts: &FetchOptions,
) -> StoryResult {
    let fail = |id: serde_json::Value, msg: String| StoryResult {
        line: serde_json::json!({"id": id, "ok": false, "error": msg}).to_string(),
        ok: false,
        differences: false,
    };
    let story: StoryLine = match serde_json::from_str(line) {
        Ok(s) => s,
        Err(e) => {
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            return fail(id, format!("line {lineno}: not a story: {e}"));
        }
    };
    let mut sources = Vec::new();
    for (k, r) in story.reports.iter().enumerate() {
        match load(r, k, fetch_opts) {
            Ok(s) => sources.push(s),
            Err(e) => return fail(story.id, format!("line {lineno}: {e}")),
        }
    }
    let mode = story.mode.as_deref().unwrap_or("compare");
    let result = match mode {
        "compare" => crate::compare(&sources, opts)
            .map(|r| (r.summary.differences, serde_json::to_value(&r))),
        "versions" => crate::versions::versions(&sources, opts)
            .map(|r| (r.differs_at(None), serde_json::to_value(&r))),
        other => {
            return fail(
                story.id,
                format!("line {lineno}: unknown mode '{other}' (compare or versions)"),
            );
        }
    };
    match result {
        Ok((differences, Ok(report))) => StoryResult {
            line: serde_json::json!({"id": story.id, "ok": true, "differences": differences, "report": report}).to_string(),
            ok: true,
            differences,
        },
        Ok((_, Err(e))) => fail(story.id, format!("line {lineno}: cannot serialise the report: {e}")),
        Err(e) => fail(story.id, format!("line {lineno}: {e}")),
    }
}
