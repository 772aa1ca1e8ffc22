//! `--format html`: one self-contained page (inline CSS and JS, no network),
//! built with minijinja templates (`templates/`). Every piece of article
//! text goes through the template engine's HTML escaping, so a report on an
//! article containing `<script>` cannot run it.

use crate::check::CheckReport;
use crate::report::{Report, Significance};
use crate::versions::VersionsReport;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, context};

/// The template environment, parsed once per process, or why a template
/// would not parse (a bug the snapshot tests catch; the library does not
/// print it, the rendered page says it).
fn env() -> Result<&'static Environment<'static>, &'static minijinja::Error> {
    static ENV: std::sync::OnceLock<Result<Environment<'static>, minijinja::Error>> =
        std::sync::OnceLock::new();
    ENV.get_or_init(build_env).as_ref()
}

fn build_env() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    // Escape everything, whatever the template's name.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    let templates = [
        ("base.html", include_str!("../../templates/base.html")),
        ("compare.html", include_str!("../../templates/compare.html")),
        (
            "versions.html",
            include_str!("../../templates/versions.html"),
        ),
        ("check.html", include_str!("../../templates/check.html")),
    ];
    for (name, src) in templates {
        env.add_template(name, src)?;
    }
    Ok(env)
}

fn render_with(name: &str, ctx: minijinja::Value) -> String {
    let env = match env() {
        Ok(env) => env,
        Err(e) => return error_page(name, e),
    };
    let rendered = env.get_template(name).and_then(|t| t.render(ctx));
    match rendered {
        Ok(mut s) => {
            if !s.ends_with('\n') {
                s.push('\n');
            }
            s
        }
        Err(e) => error_page(name, &e),
    }
}

/// A page saying why a template could not be rendered.
fn error_page(name: &str, e: &minijinja::Error) -> String {
    format!(
        "<!DOCTYPE html><p>storydiff: cannot render {name}: {}</p>\n",
        minijinja::HtmlEscape(&e.to_string())
    )
}

/// Significance levels at or above `min`, by name (all when `min` is None).
fn levels_from(min: Option<Significance>) -> Vec<&'static str> {
    [
        Significance::Typography,
        Significance::Wording,
        Significance::Facts,
        Significance::Attribution,
        Significance::Claim,
    ]
    .into_iter()
    .filter(|s| s.at_least(min))
    .map(Significance::as_str)
    .collect()
}

/// A multi-source report: one column per source. Groups below `min` are
/// shown as plain text, without marks or details (`--min-significance`);
/// `explain` adds each link's score and shared words to the details.
pub fn render(r: &Report, min: Option<Significance>, explain: bool) -> String {
    let labels: Vec<String> = r.sources.iter().map(|s| s.label.clone()).collect();
    let ncols = labels.len().max(1);
    let quiet: Vec<usize> = r
        .groups
        .iter()
        .filter(|g| !Significance::shown(g.significance, min))
        .map(|g| g.id)
        .collect();
    render_with(
        "compare.html",
        context! { r => Value::from(Serde(r)), labels => labels, ncols => ncols, quiet => quiet, explain => explain, tool_version => env!("CARGO_PKG_VERSION") },
    )
}

/// A versions report: the timeline and each step; changes below `min` are
/// left out.
pub fn render_versions(r: &VersionsReport, min: Option<Significance>) -> String {
    let labels: Vec<String> = r.versions.iter().map(|v| v.label.clone()).collect();
    render_with(
        "versions.html",
        context! { r => Value::from(Serde(r)), labels => labels, levels => levels_from(min), ncols => 1, tool_version => env!("CARGO_PKG_VERSION") },
    )
}

/// A check report: each claim of the draft with its findings.
pub fn render_check(r: &CheckReport) -> String {
    render_with(
        "check.html",
        context! { r => Value::from(Serde(r)), summary_line => r.summary.line(), ncols => 1, tool_version => env!("CARGO_PKG_VERSION") },
    )
}
