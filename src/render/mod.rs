//! Views of a [`Report`](crate::report::Report). Renderers never compute:
//! they only show what the report holds.

use colored::Colorize;

pub mod check;
pub mod html;
pub mod json;
pub mod markdown;
pub mod terminal;
pub mod versions;
pub mod wrap;

/// Every report type (compare, versions, check) in every format. The binary
/// builds one view from the output options and calls these; it never matches
/// on the report type.
pub trait Render {
    fn terminal(&self, opts: &TerminalOptions) -> String;
    fn markdown(&self, opts: &TerminalOptions) -> String;
    fn html(&self, opts: &TerminalOptions) -> String;
    fn json(&self) -> String;
}

/// Pretty JSON with a final newline.
pub fn pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

impl Render for crate::report::Report {
    fn terminal(&self, opts: &TerminalOptions) -> String {
        terminal::render(self, opts)
    }
    fn markdown(&self, opts: &TerminalOptions) -> String {
        markdown::render(self, opts.min_significance)
    }
    fn html(&self, opts: &TerminalOptions) -> String {
        html::render(self, opts.min_significance, opts.explain)
    }
    fn json(&self) -> String {
        json::render(self)
    }
}

impl Render for crate::versions::VersionsReport {
    fn terminal(&self, opts: &TerminalOptions) -> String {
        versions::render(self, opts)
    }
    fn markdown(&self, opts: &TerminalOptions) -> String {
        markdown::render_versions(self, opts.min_significance)
    }
    fn html(&self, opts: &TerminalOptions) -> String {
        html::render_versions(self, opts.min_significance)
    }
    fn json(&self) -> String {
        pretty_json(self)
    }
}

impl Render for crate::check::CheckReport {
    fn terminal(&self, opts: &TerminalOptions) -> String {
        check::render(self, opts)
    }
    fn markdown(&self, _opts: &TerminalOptions) -> String {
        markdown::render_check(self)
    }
    fn html(&self, _opts: &TerminalOptions) -> String {
        html::render_check(self)
    }
    fn json(&self) -> String {
        pretty_json(self)
    }
}

/// Which groups the terminal view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Only {
    /// Shared groups, unique claims and the summary.
    #[default]
    All,
    /// Shared groups whose wording changed, and the summary.
    Changed,
    /// Claims found in one source only, and the summary.
    Unique,
}

/// Options of the terminal view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TerminalOptions {
    pub color: bool,
    pub only: Only,
    /// Show link scores and the shared words behind them.
    pub explain: bool,
    /// Hide groups whose difference is less significant than this.
    pub min_significance: Option<crate::report::Significance>,
}

/// Paints terminal text when colour is on; plain text otherwise.
pub(crate) struct Painter {
    pub(crate) color: bool,
}

impl Painter {
    pub(crate) fn bold(&self, s: &str) -> String {
        if self.color {
            s.bold().to_string()
        } else {
            s.to_string()
        }
    }
    pub(crate) fn label(&self, s: &str) -> String {
        if self.color {
            s.cyan().to_string()
        } else {
            s.to_string()
        }
    }
    pub(crate) fn dim(&self, s: &str) -> String {
        if self.color {
            s.dimmed().to_string()
        } else {
            s.to_string()
        }
    }
    pub(crate) fn warn(&self, s: &str) -> String {
        if self.color {
            s.yellow().bold().to_string()
        } else {
            s.to_string()
        }
    }
    /// A deleted run; trailing whitespace stays outside the markers.
    pub(crate) fn del(&self, s: &str) -> String {
        let (lead, body, space) = split_space(s);
        if self.color {
            format!("{lead}{}{space}", body.red().strikethrough())
        } else {
            format!("{lead}[-{body}-]{space}")
        }
    }
    pub(crate) fn ins(&self, s: &str) -> String {
        let (lead, body, space) = split_space(s);
        if self.color {
            format!("{lead}{}{space}", body.green().underline())
        } else {
            format!("{lead}{{+{body}+}}{space}")
        }
    }
}

impl Painter {
    /// A word diff. In colour, a deleted run directly followed by an inserted
    /// one gets a space between them, so `fell 6` + `rose 2` does not read
    /// "fell 6rose 2"; the plain marks `[-fell 6-]{+rose 2+}` need none.
    pub(crate) fn diff(&self, spans: &[crate::report::DiffSpan]) -> String {
        use crate::report::DiffOp;
        let mut out = String::new();
        let mut prev = DiffOp::Equal;
        for d in spans {
            match d.op {
                DiffOp::Equal => out.push_str(&d.text),
                DiffOp::Delete => out.push_str(&self.del(&d.text)),
                DiffOp::Insert => {
                    if self.color
                        && prev == DiffOp::Delete
                        && !out.ends_with(char::is_whitespace)
                        && !d.text.starts_with(char::is_whitespace)
                    {
                        out.push(' ');
                    }
                    out.push_str(&self.ins(&d.text));
                }
            }
            prev = d.op;
        }
        out
    }
}

/// Leading whitespace, the text, trailing whitespace: marks go around the
/// text only.
fn split_space(s: &str) -> (&str, &str, &str) {
    let lead = &s[..s.len() - s.trim_start().len()];
    let body = s.trim();
    (lead, body, &s[lead.len() + body.len()..])
}

/// Sentence ids as `[3,4]`.
pub(crate) fn ids(ss: &[usize]) -> String {
    let v: Vec<String> = ss.iter().map(|s| s.to_string()).collect();
    format!("[{}]", v.join(","))
}

/// Replace C0 and C1 control characters (all but newline and tab) with
/// visible escapes — `\x1b`, `\x07`, `\u{9b}` — so that text from an article,
/// a label or a path cannot clear the screen, set the title, write the
/// clipboard (OSC 52), hide text or ring the bell.
///
/// With `keep_styles`, the SGR sequences the [`Painter`] emits (`ESC[…m` with
/// only bold, dim, underline, strike, red, green, yellow, cyan or reset)
/// stay, so colour survives; any other escape sequence is shown, not run.
/// JSON output never goes through this: it keeps the text exact.
pub fn escape_controls(s: &str, keep_styles: bool) -> String {
    let is_control = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !s.chars().any(is_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '\x1b'
            && keep_styles
            && let Some(n) = painter_style_len(rest)
        {
            out.push_str(&rest[..n]);
            rest = &rest[n..];
            continue;
        }
        if is_control(c) {
            let code = c as u32;
            if code < 0x80 {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\x{code:02x}"));
            } else {
                let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\u{{{code:x}}}"));
            }
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Length of an `ESC[…m` sequence at the start of `s` whose parameters are
/// all styles the [`Painter`] uses; `None` for any other sequence.
fn painter_style_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\x1b[")?;
    let end = body.find('m')?;
    let params = &body[..end];
    let allowed = ["0", "1", "2", "4", "9", "31", "32", "33", "36"];
    params
        .split(';')
        .all(|p| allowed.contains(&p))
        .then_some(2 + end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{AttributionDiff, AttributionDiffKind};

    /// A difference with a related group's member names that group in
    /// every view (JSON `group`, "(group N)" in the others); one inside a
    /// group does not.
    #[test]
    fn related_attribution_difference_names_the_other_group_in_every_view() {
        use crate::ingest::Source;
        let sources = [
            Source::from_text(
                "wire",
                "Oregon State Police say a bomb at a bank killed a police officer.",
            ),
            Source::from_text(
                "daily",
                "A bomb at a bank killed a police officer, officials said Saturday.",
            ),
        ];
        let mut r = crate::compare(&sources, &crate::Options::default()).expect("report");
        let g = r
            .groups
            .iter()
            .position(|g| g.members.len() == 2)
            .expect("a shared group");
        r.groups[g].attribution_diffs = vec![AttributionDiff {
            kind: AttributionDiffKind::NamedVsAnonymous,
            members: vec!["wire".into(), "daily".into()],
            values: vec![
                "Oregon State Police · say · reported speech".into(),
                "officials · say · reported speech".into(),
            ],
            diff: Vec::new(),
            group: Some(7),
        }];
        let opts = TerminalOptions::default();
        let json: serde_json::Value = serde_json::from_str(&r.json()).expect("JSON");
        assert_eq!(json["groups"][g]["attribution_diffs"][0]["group"], 7);
        assert!(r.terminal(&opts).contains("(wire vs daily (group 7)):"));
        assert!(r.markdown(&opts).contains(&format!(
            "({}):",
            markdown::escape("wire vs daily (group 7)")
        )));
        assert!(r.html(&opts).contains("(wire vs daily (group 7)):"));
        r.groups[g].attribution_diffs[0].group = None;
        let json: serde_json::Value = serde_json::from_str(&r.json()).expect("JSON");
        assert!(
            json["groups"][g]["attribution_diffs"][0]
                .get("group")
                .is_none()
        );
        assert!(r.terminal(&opts).contains("(wire vs daily):"));
    }
}
