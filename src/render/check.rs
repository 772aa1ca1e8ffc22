//! Terminal view of `storydiff check`: the summary line, then each claim
//! of the draft with its findings.

use super::{Painter, TerminalOptions, ids};
use crate::check::{CheckReport, FindingKind};
use crate::report::{AttributionDiffKind, Significance};
use std::fmt::Write;

/// Words for a drift kind.
pub fn drift_words(k: AttributionDiffKind) -> &'static str {
    match k {
        AttributionDiffKind::AttributionDropped => "attribution dropped",
        AttributionDiffKind::AttributionAdded => "attribution added",
        AttributionDiffKind::DifferentSpeaker => "different speaker",
        AttributionDiffKind::StanceChanged => "stance changed",
        AttributionDiffKind::QuoteVsParaphrase => "quote vs paraphrase",
        AttributionDiffKind::QuoteAltered => "quote altered",
        AttributionDiffKind::NamedVsAnonymous => "named vs anonymous",
    }
}

pub fn render(r: &CheckReport, opts: &TerminalOptions) -> String {
    let p = Painter { color: opts.color };
    let mut out = String::new();
    let head = format!(
        "check {} against {}: {}",
        r.draft,
        r.sources.join(", "),
        r.summary.line()
    );
    let _ = writeln!(out, "{}", p.bold(&head));
    out.push('\n');
    let shown = |s: Significance| s.at_least(opts.min_significance);
    for claim in &r.claims {
        let findings: Vec<_> = claim
            .findings
            .iter()
            .filter(|f| shown(f.significance))
            .collect();
        if findings.is_empty() {
            // Supported claims are context: left out when a level is asked.
            if opts.min_significance.is_some() {
                continue;
            }
            let by: Vec<String> = claim
                .support
                .iter()
                .map(|s| format!("{}{}", s.source, ids(&s.sentences)))
                .collect();
            let line = format!(
                "✓ {} supported by {}: {}",
                ids(&claim.sentences),
                by.join(", "),
                claim.text
            );
            let _ = writeln!(out, "{}", p.dim(&line));
            continue;
        }
        for f in findings {
            let (mark, what) = match f.kind {
                FindingKind::Unsupported => {
                    ("✗", "unsupported: no source carries this claim".to_string())
                }
                FindingKind::PartlySupported => (
                    "◐",
                    format!(
                        "partly supported by {}; missing: {}",
                        f.source.clone().unwrap_or_default(),
                        f.values.join(" … ")
                    ),
                ),
                FindingKind::Drift => (
                    "~",
                    format!(
                        "drift ({}) vs {}: {}",
                        f.drift.map(drift_words).unwrap_or("attribution"),
                        f.source.clone().unwrap_or_default(),
                        f.values.join(" → ")
                    ),
                ),
                FindingKind::Conflict => (
                    "!",
                    format!(
                        "{} conflict vs {}: {}",
                        f.conflict.clone().unwrap_or_default(),
                        f.source.clone().unwrap_or_default(),
                        f.slot.clone().unwrap_or_else(|| f.values.join(" · "))
                    ),
                ),
            };
            let head = format!("{mark} {} {what}", ids(&claim.sentences));
            let _ = writeln!(out, "{}", p.warn(&head));
        }
        let _ = writeln!(out, "    draft: {}", claim.text);
        for s in &claim.support {
            let _ = writeln!(out, "    {}{}: {}", s.source, ids(&s.sentences), s.text);
        }
    }
    super::escape_controls(&out, opts.color)
}
