//! `--format markdown`: reports that read well pasted into a code review, a
//! ticket or a chat. Article text is escaped so it cannot break the
//! Markdown (or smuggle HTML into it); unchanged groups fold into
//! `<details>`.

use crate::align::RelatedKind;
use crate::check::{CheckReport, FindingKind};
use crate::render::check::drift_words;
use crate::report::*;
use crate::versions::{ChangeKind, VersionsReport};
use std::fmt::Write;

/// Escape text for Markdown: punctuation that Markdown reads is
/// backslash-escaped, `<`, `>` and `&` become entities, line breaks spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!'
            | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn ids(v: &[usize]) -> String {
    let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    format!("\\[{}\\]", s.join(","))
}

/// A word diff as `<del>deleted</del> <ins>inserted</ins>`, spaces kept
/// outside the marks. HTML tags, not `~~`/`**`: emphasis markers next to
/// punctuation or inside words are left as literal text by CommonMark, and
/// bold would look like the source labels.
fn diff_md(d: &[DiffSpan]) -> String {
    let mut out = String::new();
    for span in d {
        let t = span.text.as_str();
        let lead = &t[..t.len() - t.trim_start().len()];
        let body = t.trim();
        let space = &t[lead.len() + body.len()..];
        match span.op {
            DiffOp::Equal => out.push_str(&escape(t)),
            DiffOp::Delete if !body.is_empty() => {
                let _ = write!(out, "{lead}<del>{}</del>{space}", escape(body));
            }
            DiffOp::Insert if !body.is_empty() => {
                let _ = write!(out, "{lead}<ins>{}</ins>{space}", escape(body));
            }
            _ => out.push_str(t),
        }
    }
    out
}

fn sig(s: Option<Significance>) -> &'static str {
    s.map_or("same", Significance::as_str)
}

fn attribution_kind(k: AttributionDiffKind) -> &'static str {
    drift_words(k)
}

/// "partly also in" lines for a group's related groups; a one-source claim
/// without one shows its echoes ("weakly echoed in"), which are why it is
/// not called unique.
fn related_md(out: &mut String, r: &Report, g: &GroupReport) {
    let echoes: &[_] = if g.kind == GroupKind::Partial && g.related.is_empty() {
        &g.echoes
    } else {
        &[]
    };
    for rel in g.related.iter().chain(echoes) {
        let whom: Vec<String> = r
            .groups
            .get(rel.group)
            .into_iter()
            .flat_map(|o| &o.members)
            .map(|m| format!("{} {}", escape(&m.source), ids(&m.sentences)))
            .collect();
        let what = match rel.kind {
            RelatedKind::Partial => "partly also in",
            RelatedKind::Echo => "weakly echoed in",
        };
        let _ = writeln!(
            out,
            "- *{what}* {} (group {}, score {:.3}: {})",
            whom.join(", "),
            rel.group,
            rel.score,
            escape(&rel.evidence.join(", "))
        );
    }
}

/// A multi-source report.
pub fn render(r: &Report, min: Option<Significance>) -> String {
    let mut out = String::new();
    let labels: Vec<&str> = r.sources.iter().map(|s| s.label.as_str()).collect();
    let _ = writeln!(out, "# storydiff: {}\n", escape(&labels.join(", ")));
    let sm = &r.summary;
    let _ = writeln!(
        out,
        "{} groups: {} shared by all, {} by some, {} unique; {} with changed wording.\n",
        sm.groups, sm.shared_by_all, sm.shared_by_some, sm.unique, sm.changed
    );
    let _ = writeln!(
        out,
        "| source | sentences | claims found only here | title | published |"
    );
    let _ = writeln!(out, "|---|---:|---:|---|---|");
    for (s, n) in r.sources.iter().zip(&sm.sentences) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&s.label),
            n,
            s.unique_groups.len(),
            escape(s.meta.get("title").map_or("", String::as_str)),
            escape(s.meta.get("published").map_or("", String::as_str)),
        );
    }
    let _ = writeln!(
        out,
        "\n**Coverage** (share of the row's sentences also carried by the column):\n"
    );
    let _ = write!(out, "| |");
    for l in &labels {
        let _ = write!(out, " {} |", escape(l));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "|---|{}", "---:|".repeat(labels.len()));
    for (l, row) in labels.iter().zip(&sm.coverage) {
        let _ = write!(out, "| {} |", escape(l));
        for v in row {
            let _ = write!(out, " {:.0}% |", v * 100.0);
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "\n## Claims found in one report only\n");
    let mut any = false;
    for s in &r.sources {
        for &gid in &s.unique_groups {
            if let Some(m) = r.groups.get(gid).and_then(|g| g.members.first()) {
                let _ = writeln!(
                    out,
                    "- **{}** {} {}",
                    escape(&s.label),
                    ids(&m.sentences),
                    escape(&m.text)
                );
                any = true;
            }
        }
    }
    if !any {
        let _ = writeln!(out, "None.");
    }

    let partial: Vec<&GroupReport> = r
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Partial)
        .collect();
    if !partial.is_empty() {
        let _ = writeln!(out, "\n## Claims partly found in other reports\n");
        for g in partial {
            if let Some(m) = g.members.first() {
                let _ = writeln!(
                    out,
                    "- **{}** {} {}",
                    escape(&m.source),
                    ids(&m.sentences),
                    escape(&m.text)
                );
                let mut sub = String::new();
                related_md(&mut sub, r, g);
                for line in sub.lines() {
                    let _ = writeln!(out, "  {line}");
                }
            }
        }
    }

    let _ = writeln!(out, "\n## Attribution differences\n");
    let mut any = false;
    for g in &r.groups {
        for d in &g.attribution_diffs {
            any = true;
            let detail = if d.kind == AttributionDiffKind::QuoteAltered {
                diff_md(&d.diff)
            } else {
                d.members
                    .iter()
                    .zip(&d.values)
                    .map(|(m, v)| format!("{}: {}", escape(m), escape(v)))
                    .collect::<Vec<_>>()
                    .join(" → ")
            };
            let _ = writeln!(
                out,
                "- group {} · **{}** ({}): {}",
                g.id,
                attribution_kind(d.kind),
                escape(&d.members_text()),
                detail
            );
        }
    }
    if !any {
        let _ = writeln!(out, "None.");
    }

    let _ = writeln!(out, "\n## Conflicting numbers, names and dates\n");
    let mut any = false;
    for g in &r.groups {
        for c in &g.conflicts {
            any = true;
            let vals: Vec<String> = c
                .values
                .iter()
                .filter(|v| !v.values.is_empty())
                .map(|v| {
                    let source = match v.group {
                        Some(r) => format!("{} (group {r})", v.source),
                        None => v.source.clone(),
                    };
                    format!("{} {}", escape(&source), escape(&v.values.join(", ")))
                })
                .collect();
            let _ = writeln!(
                out,
                "- group {} · **{}** {} ({})",
                g.id,
                escape(&c.kind),
                escape(&c.slot),
                vals.join(" · ")
            );
        }
    }
    if !any {
        let _ = writeln!(out, "None.");
    }

    let _ = writeln!(out, "\n## Changed groups\n");
    let mut folded: Vec<&GroupReport> = Vec::new();
    let n = r.sources.len();
    for g in r.groups.iter().filter(|g| g.kind == GroupKind::Shared) {
        let shown = g.wording == Wording::Changed && Significance::shown(g.significance, min);
        if !shown {
            folded.push(g);
            continue;
        }
        let _ = writeln!(
            out,
            "### Group {} · {} of {} sources · {}\n",
            g.id,
            g.members.len(),
            n,
            sig(g.significance)
        );
        for (k, m) in g.members.iter().enumerate() {
            let body = if k == 0 {
                escape(&m.text)
            } else {
                diff_md(&m.diff)
            };
            let _ = writeln!(
                out,
                "- **{}** {} {}",
                escape(&m.source),
                ids(&m.sentences),
                body
            );
        }
        related_md(&mut out, r, g);
        let _ = writeln!(out);
    }
    if !folded.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>{} unchanged or minor groups</summary>\n",
            folded.len()
        );
        for g in folded {
            let text = g
                .members
                .first()
                .map(|m| escape(&m.text))
                .unwrap_or_default();
            let who: Vec<String> = g
                .members
                .iter()
                .map(|m| format!("{}{}", escape(&m.source), ids(&m.sentences)))
                .collect();
            let _ = writeln!(
                out,
                "- group {} ({}; {}): {}",
                g.id,
                who.join(", "),
                sig(g.significance),
                text
            );
        }
        let _ = writeln!(out, "\n</details>");
    }
    super::escape_controls(&out, false)
}

/// A versions report.
pub fn render_versions(r: &VersionsReport, min: Option<Significance>) -> String {
    let mut out = String::new();
    let labels: Vec<&str> = r.versions.iter().map(|v| v.label.as_str()).collect();
    let _ = writeln!(
        out,
        "# storydiff versions: {}\n",
        escape(&labels.join(" → "))
    );
    let _ = writeln!(
        out,
        "| step | added | removed | edited | moved | split | merged | unchanged |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|");
    for s in &r.steps {
        let c = &s.churn;
        let _ = writeln!(
            out,
            "| {} → {} | {} | {} | {} | {} | {} | {} | {} |",
            escape(&s.from),
            escape(&s.to),
            c.added,
            c.removed,
            c.edited,
            c.moved,
            c.split,
            c.merged,
            c.unchanged
        );
    }
    for s in &r.steps {
        let _ = writeln!(out, "\n## {} → {}\n", escape(&s.from), escape(&s.to));
        let mut any = false;
        for ch in &s.changes {
            if ch.kind == ChangeKind::Unchanged || !Significance::shown(ch.significance, min) {
                continue;
            }
            any = true;
            let body = match ch.kind {
                ChangeKind::Added => format!("<ins>{}</ins>", escape(&ch.new_text)),
                ChangeKind::Removed => format!("<del>{}</del>", escape(&ch.old_text)),
                _ if ch.diff.is_empty() => escape(&ch.new_text),
                _ => diff_md(&ch.diff),
            };
            let kind = serde_json::to_value(ch.kind)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- *{}* ({}): {}",
                kind.replace('_', " "),
                sig(ch.significance),
                body
            );
            for n in &ch.notes {
                let _ = writeln!(out, "  - {}", escape(n));
            }
        }
        if !any {
            let _ = writeln!(out, "No changes at this level.");
        }
    }
    let _ = writeln!(out, "\n## Timeline\n");
    for c in r
        .claims
        .iter()
        .filter(|c| c.events.iter().any(|e| e.kind != ChangeKind::Unchanged))
    {
        let hist: Vec<String> = c
            .events
            .iter()
            .map(|e| {
                let k = serde_json::to_value(e.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                format!(
                    "{}: {}",
                    escape(&e.version),
                    if k == "unchanged" {
                        "first seen".into()
                    } else {
                        k.replace('_', " ")
                    }
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "- claim {} “{}”: {}",
            c.id,
            escape(&c.text),
            hist.join(" · ")
        );
    }
    super::escape_controls(&out, false)
}

/// A check report.
pub fn render_check(r: &CheckReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# storydiff check: {} against {}\n\n**{}**\n",
        escape(&r.draft),
        escape(&r.sources.join(", ")),
        r.summary.line()
    );
    let _ = writeln!(out, "| draft | finding | detail |");
    let _ = writeln!(out, "|---|---|---|");
    let mut any = false;
    for c in &r.claims {
        for f in &c.findings {
            any = true;
            let (what, detail) = match f.kind {
                FindingKind::Unsupported => (
                    "unsupported".to_string(),
                    "no source carries this claim".to_string(),
                ),
                FindingKind::PartlySupported => (
                    "partly supported".to_string(),
                    format!(
                        "by {}; missing: {}",
                        f.source.clone().unwrap_or_default(),
                        f.values.join(" … ")
                    ),
                ),
                FindingKind::Drift => (
                    format!(
                        "drift: {}",
                        f.drift.map(drift_words).unwrap_or("attribution")
                    ),
                    format!(
                        "vs {}: {}",
                        f.source.clone().unwrap_or_default(),
                        f.values.join(" → ")
                    ),
                ),
                FindingKind::Conflict => (
                    format!("{} conflict", f.conflict.clone().unwrap_or_default()),
                    format!(
                        "vs {}: {}",
                        f.source.clone().unwrap_or_default(),
                        f.slot.clone().unwrap_or_else(|| f.values.join(" · "))
                    ),
                ),
            };
            let _ = writeln!(
                out,
                "| {} {} | {} | {} |",
                ids(&c.sentences),
                escape(&c.text),
                escape(&what),
                escape(&detail)
            );
        }
    }
    if !any {
        let _ = writeln!(out, "| | no findings | |");
    }
    let supported: Vec<&crate::check::ClaimCheck> =
        r.claims.iter().filter(|c| c.findings.is_empty()).collect();
    if !supported.is_empty() {
        let _ = writeln!(
            out,
            "\n<details><summary>{} claims supported as written</summary>\n",
            supported.len()
        );
        for c in supported {
            let by: Vec<String> = c
                .support
                .iter()
                .map(|s| format!("{}{}", escape(&s.source), ids(&s.sentences)))
                .collect();
            let _ = writeln!(
                out,
                "- {} {} — {}",
                ids(&c.sentences),
                escape(&c.text),
                by.join(", ")
            );
        }
        let _ = writeln!(out, "\n</details>");
    }
    super::escape_controls(&out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_cannot_break_markdown() {
        assert_eq!(
            escape("<script>alert(1)</script> *bold* | [link](x) # h"),
            "&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*bold\\* \\| \\[link\\]\\(x\\) \\# h"
        );
    }
}
