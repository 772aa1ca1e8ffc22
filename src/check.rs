//! `storydiff check DRAFT --against SOURCES…`: review a draft against its
//! sources, claim by claim.
//!
//! The draft and the sources are aligned together. Each run of draft
//! sentences in a group is a claim; the other members of the group support
//! it. A finding is reported only when **no** supporting source agrees with
//! the draft on that point: if one source says "claimed" and another "said",
//! a draft that says "said" has not drifted.

use crate::align;
use crate::compare::{attribution_diffs, conflicts};
use crate::document::Document;
use crate::error::Error;
use crate::ingest::Source;
use crate::report::{AttributionDiffKind, Conflict};
use crate::{Options, check_sources};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// Kinds of finding, for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// No source carries the claim.
    Unsupported,
    /// The sources attribute the claim differently.
    Drift,
    /// Numbers, names or dates differ from every source.
    Conflict,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// For drift: which kind of attribution change.
    pub drift: Option<AttributionDiffKind>,
    /// For conflicts: number, date or name.
    pub conflict: Option<String>,
    /// The source compared with (the first supporting source).
    pub source: Option<String>,
    /// What the source says, then what the draft says.
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Support {
    pub source: String,
    pub sentences: Vec<usize>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimCheck {
    /// Draft sentence ids.
    pub sentences: Vec<usize>,
    pub text: String,
    pub supported: bool,
    pub support: Vec<Support>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckSummary {
    pub claims: usize,
    pub supported: usize,
    pub unsupported: usize,
    /// Claims with at least one drift finding.
    pub drifted: usize,
    /// Claims with at least one conflict finding.
    pub conflicts: usize,
}

impl CheckSummary {
    /// "N claims: M supported, K unsupported, D drifted, C conflicts".
    pub fn line(&self) -> String {
        format!(
            "{} claims: {} supported, {} unsupported, {} drifted, {} conflicts",
            self.claims, self.supported, self.unsupported, self.drifted, self.conflicts
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    pub version: u32,
    pub mode: &'static str,
    pub draft: String,
    pub sources: Vec<String>,
    pub meta: BTreeMap<String, BTreeMap<String, String>>,
    pub claims: Vec<ClaimCheck>,
    pub summary: CheckSummary,
}

impl CheckReport {
    /// Whether any finding of the given kinds exists (the exit code).
    pub fn fails_on(&self, kinds: &[FindingKind]) -> bool {
        self.claims
            .iter()
            .flat_map(|c| &c.findings)
            .any(|f| kinds.contains(&f.kind))
    }
}

/// Check `draft` against `sources`.
pub fn check(draft: &Source, sources: &[Source], opts: &Options) -> Result<CheckReport, Error> {
    if sources.is_empty() {
        return Err(Error::Usage(
            "check needs at least one source (--against SOURCE…)".to_string(),
        ));
    }
    let mut all = vec![draft.clone()];
    all.extend(sources.iter().cloned());
    check_sources(&all)?;
    let docs: Vec<Document> = all.par_iter().map(Document::build).collect();
    let alignment = align::align(&docs, &opts.align);
    let mut claims = Vec::new();
    for g in &alignment.groups {
        let Some(dm) = g.members.iter().find(|m| m.0 == 0) else {
            continue;
        };
        let support: Vec<&(usize, Vec<usize>)> = g.members.iter().filter(|m| m.0 != 0).collect();
        let mut findings = Vec::new();
        if support.is_empty() {
            findings.push(Finding {
                kind: FindingKind::Unsupported,
                drift: None,
                conflict: None,
                source: None,
                values: Vec::new(),
            });
        } else {
            // Drift: a kind every supporting source shows against the draft.
            let per_source: Vec<Vec<crate::report::AttributionDiff>> = support
                .iter()
                .map(|sm| attribution_diffs(&docs, &[(*sm).clone(), dm.clone()]))
                .collect();
            let mut kinds: Vec<AttributionDiffKind> =
                per_source[0].iter().map(|d| d.kind).collect();
            kinds.dedup();
            for k in kinds {
                if per_source.iter().all(|ds| ds.iter().any(|d| d.kind == k)) {
                    let d = per_source[0].iter().find(|d| d.kind == k).cloned();
                    findings.push(Finding {
                        kind: FindingKind::Drift,
                        drift: Some(k),
                        conflict: None,
                        source: Some(docs[support[0].0].label.clone()),
                        values: d.map(|d| d.values).unwrap_or_default(),
                    });
                }
            }
            // Conflicts: a kind on which no supporting source agrees.
            let per_source: Vec<Vec<Conflict>> = support
                .iter()
                .map(|sm| conflicts(&docs, &[(*sm).clone(), dm.clone()]))
                .collect();
            for c in &per_source[0] {
                if per_source
                    .iter()
                    .all(|cs| cs.iter().any(|x| x.kind == c.kind))
                {
                    findings.push(Finding {
                        kind: FindingKind::Conflict,
                        drift: None,
                        conflict: Some(c.kind.clone()),
                        source: Some(docs[support[0].0].label.clone()),
                        values: c
                            .values
                            .iter()
                            .map(|v| format!("{} {}", v.source, v.values.join(", ")))
                            .collect(),
                    });
                }
            }
        }
        claims.push(ClaimCheck {
            sentences: dm.1.clone(),
            text: docs[0].text_of(&dm.1),
            supported: !support.is_empty(),
            support: support
                .iter()
                .map(|(d, ss)| Support {
                    source: docs[*d].label.clone(),
                    sentences: ss.clone(),
                    text: docs[*d].text_of(ss),
                })
                .collect(),
            findings,
        });
    }
    claims.sort_by_key(|c| c.sentences.first().copied());
    let summary = CheckSummary {
        claims: claims.len(),
        supported: claims.iter().filter(|c| c.supported).count(),
        unsupported: claims.iter().filter(|c| !c.supported).count(),
        drifted: claims
            .iter()
            .filter(|c| c.findings.iter().any(|f| f.kind == FindingKind::Drift))
            .count(),
        conflicts: claims
            .iter()
            .filter(|c| c.findings.iter().any(|f| f.kind == FindingKind::Conflict))
            .count(),
    };
    Ok(CheckReport {
        version: crate::report::SCHEMA_VERSION,
        mode: "check",
        draft: draft.label.clone(),
        sources: sources.iter().map(|s| s.label.clone()).collect(),
        meta: all
            .iter()
            .filter(|s| !s.meta.is_empty())
            .map(|s| (s.label.clone(), s.meta.clone()))
            .collect(),
        claims,
        summary,
    })
}
