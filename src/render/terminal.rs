//! The terminal view: groups with word diffs, unique claims, summary.
//!
//! Without colour, word changes are marked `[-old-]{+new+}` (as `git diff
//! --word-diff=plain`), which survives copy-paste.

use super::{Only, Painter, TerminalOptions, ids};
use crate::align::RelatedKind;
use crate::report::*;
use std::fmt::Write;

/// A compact attribution badge: `Sergei Antonov · told Volna · direct`.
fn badge(a: &AttributionReport) -> Option<String> {
    use crate::attribution::Cue;
    if a.cue == Cue::None {
        return None;
    }
    let mut parts = Vec::new();
    let who = match (&a.speaker, a.anonymous) {
        (Some(s), true) => format!("{s} (anonymous)"),
        (Some(s), false) => s.clone(),
        (None, _) => "unnamed".to_string(),
    };
    parts.push(who);
    if let Some(v) = a.verb.as_ref().filter(|_| a.cue != Cue::AccordingTo) {
        let mut v = v.clone();
        if let Some(m) = &a.medium {
            v = format!("{v} {m}");
        }
        parts.push(v);
    }
    parts.push(
        match a.cue {
            Cue::Direct => "direct",
            Cue::Indirect => "indirect",
            Cue::AccordingTo => "according to",
            Cue::None => "none",
        }
        .to_string(),
    );
    Some(parts.join(" · "))
}

/// What a changed group's header says: its most significant kind of change.
fn header_kind(s: Option<Significance>) -> &'static str {
    match s {
        Some(Significance::Claim) => "claim missing from a source",
        Some(Significance::Attribution) => "attribution differs",
        Some(Significance::Facts) => "facts differ",
        Some(Significance::Typography) => "typography differs",
        Some(Significance::Wording) | None => "wording differs",
    }
}

/// Render the report for a terminal.
pub fn render(report: &Report, opts: &TerminalOptions) -> String {
    let p = Painter { color: opts.color };
    let mut out = String::new();
    let width = report
        .sources
        .iter()
        .map(|s| s.label.chars().count())
        .max()
        .unwrap_or(0);
    let n = report.sources.len();
    let pad = |l: &str| format!("{l:<width$}");

    // Page metadata, when the inputs carry any (HTML pages).
    for src in &report.sources {
        if src.meta.is_empty() {
            continue;
        }
        let m = &src.meta;
        let mut parts: Vec<String> = Vec::new();
        if let Some(t) = m.get("title") {
            parts.push(format!("“{t}”"));
        }
        if let Some(b) = m.get("byline") {
            parts.push(format!("by {b}"));
        }
        if let Some(x) = m.get("site") {
            parts.push(x.clone());
        }
        if let Some(x) = m.get("published") {
            parts.push(format!("published {x}"));
        }
        if let Some(x) = m.get("modified") {
            parts.push(format!("modified {x}"));
        }
        let _ = writeln!(out, "{} {}", p.label(&pad(&src.label)), parts.join(" · "));
    }
    if report.sources.iter().any(|s| !s.meta.is_empty()) {
        out.push('\n');
    }

    if opts.only != Only::Unique {
        for g in &report.groups {
            if g.kind == GroupKind::Unique {
                continue;
            }
            if opts.only == Only::Changed && g.wording != Wording::Changed {
                continue;
            }
            if !Significance::shown(g.significance, opts.min_significance) {
                continue;
            }
            let share = if g.members.len() == n {
                format!("all {n} sources")
            } else {
                format!("{} of {n} sources", g.members.len())
            };
            match g.wording {
                _ if g.kind == GroupKind::Partial => {
                    let m = &g.members[0];
                    let _ = writeln!(
                        out,
                        "{}",
                        p.bold(&format!(
                            "≈ group {} · only {}, partly shared",
                            g.id, m.source
                        ))
                    );
                    let _ = writeln!(
                        out,
                        "  {} {} {}",
                        p.label(&pad(&m.source)),
                        p.dim(&ids(&m.sentences)),
                        m.text
                    );
                }
                Wording::Identical | Wording::Trivial => {
                    let how = if g.wording == Wording::Identical {
                        "same wording"
                    } else {
                        "same words, typography differs"
                    };
                    let _ = writeln!(
                        out,
                        "{} {}",
                        p.bold(&format!("= group {} · {share} · {how}", g.id)),
                        p.dim(
                            &g.members
                                .iter()
                                .map(|m| format!("{}{}", m.source, ids(&m.sentences)))
                                .collect::<Vec<_>>()
                                .join(" ")
                        )
                    );
                    if let Some(m) = g.members.first() {
                        let _ = writeln!(out, "  {}", m.text);
                    }
                }
                Wording::Changed => {
                    let _ = writeln!(
                        out,
                        "{}",
                        p.bold(&format!(
                            "~ group {} · {share} · {}",
                            g.id,
                            header_kind(g.significance)
                        ))
                    );
                    for (k, m) in g.members.iter().enumerate() {
                        let body = if k == 0 {
                            m.text.clone()
                        } else {
                            p.diff(&m.diff)
                        };
                        let _ = writeln!(
                            out,
                            "  {} {} {}",
                            p.label(&pad(&m.source)),
                            p.dim(&ids(&m.sentences)),
                            body
                        );
                        if let Some(b) = badge(&m.attribution) {
                            let _ = writeln!(out, "  {} {}", pad(""), p.dim(&format!("[{b}]")));
                        }
                    }
                }
            }
            for c in &g.conflicts {
                let vals: Vec<String> = c
                    .values
                    .iter()
                    .filter(|v| !v.values.is_empty())
                    .map(|v| match v.group {
                        Some(r) => format!("{} (group {r}) {}", v.source, v.values.join(", ")),
                        None => format!("{} {}", v.source, v.values.join(", ")),
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "  {} {} ({})",
                    p.warn(&format!("! {} conflict:", c.kind)),
                    c.slot,
                    vals.join(" · ")
                );
            }
            for d in &g.attribution_diffs {
                let kind = super::check::drift_words(d.kind);
                let detail = if d.kind == AttributionDiffKind::QuoteAltered {
                    p.diff(&d.diff)
                } else {
                    d.members
                        .iter()
                        .zip(&d.values)
                        .map(|(m, v)| format!("{m}: {v}"))
                        .collect::<Vec<_>>()
                        .join(" → ")
                };
                let _ = writeln!(
                    out,
                    "  {} {}",
                    p.warn(&format!("! {kind} ({}):", d.members_text())),
                    detail
                );
            }
            // Echoes are shown only where they are why a one-source claim
            // is not called unique.
            let echoes: &[_] = if g.kind == GroupKind::Partial && g.related.is_empty() {
                &g.echoes
            } else {
                &[]
            };
            for rel in g.related.iter().chain(echoes) {
                let whom: Vec<String> = report
                    .groups
                    .get(rel.group)
                    .into_iter()
                    .flat_map(|o| &o.members)
                    .map(|m| format!("{} {}", m.source, ids(&m.sentences)))
                    .collect();
                let why = if opts.explain {
                    format!(
                        " (group {}, score {:.3}: {})",
                        rel.group,
                        rel.score,
                        rel.evidence.join(", ")
                    )
                } else {
                    String::new()
                };
                let what = match rel.kind {
                    RelatedKind::Partial => "partly also in",
                    RelatedKind::Echo => "weakly echoed in",
                };
                let _ = writeln!(
                    out,
                    "  {}",
                    p.dim(&format!("{what} {}{why}", whom.join(", ")))
                );
            }
            if opts.explain {
                for l in &g.links {
                    let _ = writeln!(
                        out,
                        "  {}",
                        p.dim(&format!(
                            "link {}{} ~ {}{} score {:.3}: {}",
                            l.a.source,
                            ids(&l.a.sentences),
                            l.b.source,
                            ids(&l.b.sentences),
                            l.score,
                            l.evidence.join(", ")
                        ))
                    );
                }
            }
            out.push('\n');
        }
    }

    if opts.only != Only::Changed {
        for s in &report.sources {
            if s.unique_groups.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "{}",
                p.bold(&format!(
                    "+ only in {} ({} claim{})",
                    s.label,
                    s.unique_groups.len(),
                    if s.unique_groups.len() == 1 { "" } else { "s" }
                ))
            );
            for &gid in &s.unique_groups {
                if let Some(m) = report.groups.get(gid).and_then(|g| g.members.first()) {
                    let _ = writeln!(out, "  {} {}", p.dim(&ids(&m.sentences)), m.text);
                }
            }
            out.push('\n');
        }
    }

    let sm = &report.summary;
    let _ = writeln!(out, "{}", p.bold("summary"));
    let per: Vec<String> = report
        .sources
        .iter()
        .zip(&sm.sentences)
        .map(|(s, c)| format!("{} {}", s.label, c))
        .collect();
    let _ = writeln!(out, "  sentences: {}", per.join(" · "));
    let partly = if sm.partial > 0 {
        format!(", {} partly shared", sm.partial)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "  groups: {} — {} shared by all, {} by some{partly}, {} unique; {} with changed wording",
        sm.groups, sm.shared_by_all, sm.shared_by_some, sm.unique, sm.changed
    );
    let _ = writeln!(
        out,
        "  coverage (share of the row's sentences also carried by the column):"
    );
    let cw = report
        .sources
        .iter()
        .map(|s| s.label.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let mut head = format!("    {:<width$}", "");
    for s in &report.sources {
        let _ = write!(head, "  {:>cw$}", s.label);
    }
    let _ = writeln!(out, "{}", head.trim_end());
    for (s, row) in report.sources.iter().zip(&sm.coverage) {
        let mut line = format!("    {}", pad(&s.label));
        for v in row {
            let _ = write!(line, "  {:>cw$}", format!("{:.0}%", v * 100.0));
        }
        let _ = writeln!(out, "{line}");
    }
    super::escape_controls(&out, opts.color)
}
