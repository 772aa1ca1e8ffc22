//! `storydiff batch`: many stories, one JSON line in and one JSON line out.
//!
//! Input: JSON Lines, one story a line:
//! `{"id": "s1", "mode": "compare", "reports": [{"label": "ap", "path": "ap.txt"},
//! {"url": "https://…"}, {"label": "x", "text": "inline text"}]}`
//! (`mode` is `compare`, the default, `versions`, or `check`: the first
//! report is the draft, the others its sources). Output: one line per
//! story, in input order, written as soon as the story is done:
//! `{"id": "s1", "ok": true, "differences": true, "report": {…}}` or
//! `{"id": "s1", "ok": false, "error": "…"}`. A failing story never stops
//! the others: each runs on its own thread (a panic becomes its error
//! line), lines are read one at a time with a length cap.
//!
//! A relative `path` is read relative to the folder of the stories file
//! (the current folder for stdin). A `path` may name any local file the
//! user can read, and its text lands in the output: for stories from
//! untrusted hands, [`BatchOptions::local_paths`] off (`--no-local-paths`)
//! refuses them.

use crate::Options;
use crate::error::Error;
use crate::fetch::FetchOptions;
use crate::ingest::{self, FormatChoice, Source};
use serde::Deserialize;
use std::io::BufRead;
use std::path::PathBuf;

/// How stories are run.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub compare: Options,
    pub fetch: FetchOptions,
    /// Folder that relative `path` fields are relative to.
    pub base_dir: PathBuf,
    /// Whether `path` fields may be read at all.
    pub local_paths: bool,
}

/// Stack of the thread a story runs on: deep recursion on odd input fails
/// the story, not the process (inputs are bounded first; see
/// [`crate::html::check_limits`]).
const STORY_STACK_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Story {
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

fn load(r: &ReportRef, k: usize, label: &str, opts: &BatchOptions) -> Result<Source, Error> {
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
    if let Some(path) = &r.path {
        if !opts.local_paths {
            return Err(Error::Usage(format!(
                "report {k}: \"path\" is not allowed here (--no-local-paths); give \"url\" or \"text\""
            )));
        }
        let path = resolve(path, opts);
        return ingest::read_input(&path, Some(label), fmt, &opts.fetch);
    }
    if let Some(url) = &r.url {
        return ingest::read_input(url, Some(label), fmt, &opts.fetch);
    }
    let text = r.text.clone().unwrap_or_default();
    ingest::source_from_text("", label, text, fmt).map_err(|e| match e {
        Error::Input { input, problem } if input.is_empty() => {
            Error::input(format!("report {k} ({label})"), problem)
        }
        other => other,
    })
}

/// A `path` field relative to the stories file's folder.
fn resolve(path: &str, opts: &BatchOptions) -> String {
    if path == "-" {
        return path.to_string();
    }
    opts.base_dir.join(path).to_string_lossy().into_owned()
}

/// One line of the stories file, as read.
#[derive(Debug, PartialEq)]
pub enum StoryLine {
    Text(String),
    /// A line that cannot be a story (too long, not UTF-8): the problem.
    Bad(String),
}

/// Read the next line (without its newline), at most `cap` bytes kept: a
/// longer line is read through to its end and dropped, so memory stays
/// bounded whatever the input. `None` at the end of input.
pub fn read_story_line(r: &mut impl BufRead, cap: u64) -> std::io::Result<Option<StoryLine>> {
    let mut buf: Vec<u8> = Vec::new();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(k) => (k, true),
            None => (chunk.len(), false),
        };
        total += take as u64;
        if total <= cap {
            buf.extend_from_slice(&chunk[..take]);
        }
        r.consume(if done { take + 1 } else { take });
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if total > cap {
        return Ok(Some(StoryLine::Bad(format!(
            "longer than {cap} bytes (the limit for one story)"
        ))));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(match String::from_utf8(buf) {
        Ok(s) => StoryLine::Text(s),
        Err(e) => StoryLine::Bad(format!(
            "not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )),
    }))
}

/// The error line of a line that is not a story.
pub fn error_line(lineno: usize, problem: &str) -> StoryResult {
    StoryResult {
        line: serde_json::json!({"id": null, "ok": false, "error": format!("line {lineno}: {problem}")})
            .to_string(),
        ok: false,
        differences: false,
    }
}

/// Run one story on its own thread, with a large stack: a panic (a bug)
/// becomes this story's error line, and the other stories go on.
pub fn run_isolated(line: &str, lineno: usize, opts: &BatchOptions) -> StoryResult {
    let outcome = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name(format!("story-line-{lineno}"))
            .stack_size(STORY_STACK_BYTES)
            .spawn_scoped(scope, || run_line(line, lineno, opts))
            .map(|h| h.join())
    });
    match outcome {
        Ok(Ok(r)) => r,
        Ok(Err(panic)) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            StoryResult {
                line: serde_json::json!({"id": id, "ok": false,
                    "error": format!("line {lineno}: internal error (a bug, please report it): {msg}")})
                .to_string(),
                ok: false,
                differences: false,
            }
        }
        Err(e) => error_line(lineno, &format!("cannot start a thread: {e}")),
    }
}

/// Run one input line. `lineno` is 1-based, for errors.
pub fn run_line(line: &str, lineno: usize, opts: &BatchOptions) -> StoryResult {
    let fail = |id: serde_json::Value, msg: String| StoryResult {
        line: serde_json::json!({"id": id, "ok": false, "error": msg}).to_string(),
        ok: false,
        differences: false,
    };
    let story: Story = match serde_json::from_str(line) {
        Ok(s) => s,
        Err(e) => {
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            return fail(id, format!("line {lineno}: not a story: {e}"));
        }
    };
    // Labels: explicit ones as given, default ones made distinct.
    let args: Vec<String> = story
        .reports
        .iter()
        .map(|r| match (&r.path, &r.url) {
            (Some(p), _) => resolve(p, opts),
            (None, Some(u)) => u.clone(),
            (None, None) => String::new(),
        })
        .collect();
    let explicit: Vec<Option<String>> = story
        .reports
        .iter()
        .enumerate()
        .map(|(k, r)| {
            r.label
                .clone()
                .or_else(|| (r.path.is_none() && r.url.is_none()).then(|| format!("report{k}")))
        })
        .collect();
    let keyed: Vec<(&str, Option<&str>)> = args
        .iter()
        .zip(&explicit)
        .map(|(a, l)| (a.as_str(), l.as_deref()))
        .collect();
    let labels = ingest::distinct_labels(&keyed);
    let mut sources = Vec::new();
    for (k, r) in story.reports.iter().enumerate() {
        match load(r, k, &labels[k], opts) {
            Ok(s) => sources.push(s),
            Err(e) => return fail(story.id, format!("line {lineno}: {e}")),
        }
    }
    let mode = story.mode.as_deref().unwrap_or("compare");
    let result = match mode {
        "compare" => crate::compare(&sources, &opts.compare)
            .map(|r| (r.summary.differences, serde_json::to_value(&r))),
        "versions" => crate::versions::versions(&sources, &opts.compare)
            .map(|r| (r.differs_at(None), serde_json::to_value(&r))),
        // The first report is the draft, the others its sources; a story
        // "differs" when the draft has findings (as `check`'s exit status
        // with the default --fail-on).
        "check" if sources.len() >= 2 => {
            use crate::check::FindingKind as K;
            let draft = sources.remove(0);
            crate::check::check(&draft, &sources, &opts.compare).map(|r| {
                let findings = r.fails_on(&[K::Unsupported, K::Drift, K::Conflict]);
                (findings, serde_json::to_value(&r))
            })
        }
        "check" => {
            return fail(
                story.id,
                format!("line {lineno}: mode check needs a draft and at least one source"),
            );
        }
        other => {
            return fail(
                story.id,
                format!("line {lineno}: unknown mode '{other}' (compare, versions or check)"),
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
