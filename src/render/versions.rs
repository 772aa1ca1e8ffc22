//! Terminal view of `storydiff versions`: each step's changes, then the
//! timeline of every claim that changed.

use super::{Painter, TerminalOptions, ids};
use crate::versions::{ChangeKind, VersionsReport};
use std::fmt::Write;

fn kind_word(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Unchanged => "unchanged",
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Edited => "edited",
        ChangeKind::Moved => "moved",
        ChangeKind::MovedEdited => "moved+edited",
        ChangeKind::Split => "split",
        ChangeKind::Merged => "merged",
    }
}

pub fn render(r: &VersionsReport, opts: &TerminalOptions) -> String {
    let color = opts.color;
    let painter = Painter { color };
    let del = |s: &str| painter.del(s);
    let ins = |s: &str| painter.ins(s);
    let mut out = String::new();
    for v in &r.versions {
        let mut meta: Vec<String> = v
            .meta
            .iter()
            .map(|(k, val)| format!("{k}: {val}"))
            .collect();
        meta.sort();
        let _ = writeln!(
            out,
            "{} {} ({} sentences){}",
            painter.bold("version"),
            v.label,
            v.sentences,
            if meta.is_empty() {
                String::new()
            } else {
                format!(" · {}", meta.join(" · "))
            }
        );
    }
    out.push('\n');
    for st in &r.steps {
        let c = &st.churn;
        let _ = writeln!(
            out,
            "{}",
            painter.bold(
                &format!(
                    "step {} → {}: {} added, {} removed, {} edited, {} moved, {} split, {} merged, {} unchanged",
                    st.from,
                    st.to,
                    c.added,
                    c.removed,
                    c.edited,
                    c.moved,
                    c.split,
                    c.merged,
                    c.unchanged
                ),
            )
        );
        for ch in &st.changes {
            if ch.kind == ChangeKind::Unchanged {
                continue;
            }
            if !crate::report::Significance::shown(ch.significance, opts.min_significance) {
                continue;
            }
            let sig = ch
                .significance
                .map(|s| format!("{s:?}").to_lowercase())
                .unwrap_or_default();
            let place = match ch.kind {
                ChangeKind::Added => format!("+ {}", ids(&ch.new)),
                ChangeKind::Removed => format!("- {}", ids(&ch.old)),
                _ => format!("~ {}→{}", ids(&ch.old), ids(&ch.new)),
            };
            let body = match ch.kind {
                ChangeKind::Added => ins(&ch.new_text),
                ChangeKind::Removed => del(&ch.old_text),
                _ if ch.diff.is_empty() => ch.new_text.clone(),
                _ => painter.diff(&ch.diff),
            };
            let _ = writeln!(
                out,
                "  {} {} {}",
                place,
                painter.dim(&format!("({}, {sig})", kind_word(ch.kind))),
                body
            );
            for n in &ch.notes {
                let _ = writeln!(out, "    {}", painter.warn(&format!("! {n}")));
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", painter.bold("timeline"));
    let first = r.versions.first().map(|v| v.label.as_str()).unwrap_or("");
    let mut any = false;
    for c in &r.claims {
        let changed = c.events.iter().any(|e| e.kind != ChangeKind::Unchanged);
        if !changed {
            continue;
        }
        any = true;
        let mut text: String = c.text.chars().take(60).collect();
        if c.text.chars().count() > 60 {
            text.push('…');
        }
        let hist: Vec<String> = c
            .events
            .iter()
            .map(|e| {
                if e.kind == ChangeKind::Unchanged && e.version == first {
                    format!("{}: first seen", e.version)
                } else {
                    format!("{}: {}", e.version, kind_word(e.kind))
                }
            })
            .collect();
        let _ = writeln!(out, "  claim {} “{}”: {}", c.id, text, hist.join(" · "));
    }
    if !any {
        let _ = writeln!(out, "  no claim changed");
    }
    super::escape_controls(&out, color)
}
