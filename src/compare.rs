//! From an [`Alignment`] to a [`Report`]: per group, the word diffs and
//! wording class, attribution differences and conflicts (from the shared
//! toolkit in [`crate::diffkit`]), unique claims, coverage.

use crate::align::{Alignment, Link};
use crate::diffkit::attribution::member_attr;
pub use crate::diffkit::attribution::{
    attribution_diffs, attribution_diffs_linked, related_attribution_diffs,
};
pub use crate::diffkit::conflict::{
    GroupFacts, conflicts, conflicts_of, group_facts, related_conflicts,
};
pub use crate::diffkit::{MAX_DIFF_TOKENS, fact_changed, significance_of, word_diff, wording_of};
use crate::document::Document;
use crate::report::*;

/// Build the report.
pub fn report(docs: &[Document], alignment: &Alignment) -> Report {
    let n = docs.len();
    let label = |d: usize| docs[d].label.clone();
    let mut unique_groups: Vec<Vec<usize>> = vec![Vec::new(); n];
    // with[i][j]: sentences of i sharing a group with j. Only kept when the
    // coverage matrix is shown (up to MAX_COVERAGE_SOURCES sources): it
    // costs the square of the sources and of a group's members.
    let shown = if n <= MAX_COVERAGE_SOURCES { n } else { 0 };
    let mut with = vec![vec![0usize; shown]; shown];
    // Each group's facts, read once for its conflicts and its related
    // groups'.
    let facts: Vec<std::sync::OnceLock<GroupFacts>> = (0..alignment.groups.len())
        .map(|_| Default::default())
        .collect();
    // Groups are independent: their reports (word diffs, conflicts,
    // attribution differences) are built on all cores, in order.
    use rayon::prelude::*;
    let groups: Vec<GroupReport> = alignment
        .groups
        .par_iter()
        .enumerate()
        .map(|(gid, g)| {
            let texts: Vec<String> = g
                .members
                .iter()
                .map(|(d, ss)| docs[*d].text_of(ss))
                .collect();
            let reference = texts.first().cloned().unwrap_or_default();
            let mut wording = Wording::Identical;
            let mut members = Vec::with_capacity(g.members.len());
            // Copies of one text (wire copy carried by many outlets) are
            // compared with the reference once.
            let mut compared: std::collections::HashMap<&str, (Wording, Vec<DiffSpan>)> =
                std::collections::HashMap::new();
            for (k, ((d, ss), t)) in g.members.iter().zip(&texts).enumerate() {
                let diff = if k == 0 {
                    Vec::new()
                } else {
                    // Wire datelines ("HALVARD (AP) —") say where and who
                    // filed, not what happened: they are left out of the
                    // comparison, and the member's own shows unmarked.
                    let (w, diff) = compared
                        .entry(t.as_str())
                        .or_insert_with(|| {
                            let (ra, ta) = (
                                crate::document::dateline_len(&reference),
                                crate::document::dateline_len(t),
                            );
                            let w = wording_of(&reference[ra..], &t[ta..]);
                            let mut diff = Vec::new();
                            if ta > 0 {
                                diff.push(DiffSpan {
                                    op: DiffOp::Equal,
                                    text: t[..ta].to_string(),
                                });
                            }
                            diff.extend(word_diff(&reference[ra..], &t[ta..]));
                            (w, diff)
                        })
                        .clone();
                    wording = wording.max(w);
                    diff
                };
                members.push(MemberReport {
                    source: label(*d),
                    sentences: ss.clone(),
                    text: t.clone(),
                    diff,
                    attribution: attribution_report(&docs[*d].sentences[member_attr(docs, *d, ss)]),
                });
            }
            // A claim is unique to a source only when no related group or
            // echo carries part of it in another source.
            let kind = if g.members.len() > 1 {
                GroupKind::Shared
            } else if g.overlaps().any(|r| {
                alignment.groups[r.group]
                    .members
                    .iter()
                    .any(|m| m.0 != g.members[0].0)
            }) {
                GroupKind::Partial
            } else {
                GroupKind::Unique
            };
            let read =
                |k: usize| facts[k].get_or_init(|| group_facts(docs, &alignment.groups[k].members));
            let mut conflicts = if g.members.len() > 1 {
                conflicts_of(docs, &g.members, read(gid))
            } else {
                Vec::new()
            };
            // Each related edge or echo once, from the group with the lower
            // id.
            for r in g.overlaps().filter(|r| r.group > gid) {
                let other = &alignment.groups[r.group].members;
                conflicts.extend(related_conflicts(
                    docs,
                    &g.members,
                    read(gid),
                    other,
                    read(r.group),
                    r.group,
                ));
            }
            let mut attribution_diffs = attribution_diffs_linked(docs, &g.members, &g.links);
            // Across each related edge or echo once (from the lower id),
            // only where the two groups' sentences share the claim.
            for r in g.overlaps().filter(|r| r.group > gid) {
                attribution_diffs.extend(related_attribution_diffs(docs, &r.pairs, r.group));
            }
            let pairs: Vec<(&str, &str)> = texts
                .iter()
                .skip(1)
                .map(|t| (reference.as_str(), t.as_str()))
                .collect();
            let significance = significance_of(
                g.members.len() < n,
                wording,
                &pairs,
                !attribution_diffs.is_empty(),
                !conflicts.is_empty(),
            );
            GroupReport {
                significance,
                id: gid,
                kind,
                wording,
                sources: g.members.iter().map(|(d, _)| label(*d)).collect(),
                members,
                links: g.links.iter().map(|l| link_report(docs, l)).collect(),
                related: g.related.iter().map(related_report).collect(),
                echoes: g.echoes.iter().map(related_report).collect(),
                conflicts,
                attribution_diffs,
            }
        })
        .collect();
    for (gid, g) in alignment.groups.iter().enumerate() {
        if groups[gid].kind == GroupKind::Unique {
            unique_groups[g.members[0].0].push(gid);
        }
        if shown > 0 {
            for (di, ssi) in &g.members {
                for (dj, _) in &g.members {
                    with[*di][*dj] += ssi.len();
                }
            }
        }
    }
    let group_of_sentence: std::collections::HashMap<(usize, usize), usize> = alignment
        .groups
        .iter()
        .enumerate()
        .flat_map(|(gid, g)| {
            g.members
                .iter()
                .flat_map(move |(d, ss)| ss.iter().map(move |&s| ((*d, s), gid)))
        })
        .collect();
    let sentences: Vec<usize> = docs.iter().map(|d| d.sentences.len()).collect();
    let coverage = (0..shown)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if sentences[i] == 0 {
                        0.0
                    } else {
                        round3(with[i][j] as f64 / sentences[i] as f64)
                    }
                })
                .collect()
        })
        .collect();
    let shared_by_all = groups
        .iter()
        .filter(|g| g.members.len() == n && n > 1)
        .count();
    let unique = groups
        .iter()
        .filter(|g| g.kind == GroupKind::Unique)
        .count();
    let partial = groups
        .iter()
        .filter(|g| g.kind == GroupKind::Partial)
        .count();
    let changed = groups
        .iter()
        .filter(|g| g.wording == Wording::Changed)
        .count();
    let differences = groups
        .iter()
        .any(|g| g.members.len() < n || g.wording == Wording::Changed);
    Report {
        version: SCHEMA_VERSION,
        sources: docs
            .iter()
            .enumerate()
            .zip(unique_groups)
            .map(|((di, d), u)| SourceReport {
                label: d.label.clone(),
                path: d.origin.clone(),
                format: d.format,
                meta: d.meta.clone(),
                sentences: d
                    .sentences
                    .iter()
                    .map(|s| SentenceReport {
                        id: s.id,
                        start: s.start,
                        end: s.end,
                        paragraph: s.paragraph,
                        text: s.text.clone(),
                        attribution: attribution_report(s),
                        group: group_of_sentence.get(&(di, s.id)).copied().unwrap_or(0),
                    })
                    .collect(),
                unique_groups: u,
            })
            .collect(),
        summary: Summary {
            sentences,
            groups: groups.len(),
            shared_by_all,
            shared_by_some: groups.len() - shared_by_all - unique - partial,
            partial,
            unique,
            changed,
            coverage,
            differences,
        },
        groups,
    }
}

fn attribution_report(s: &crate::document::Sentence) -> AttributionReport {
    let a = &s.attribution;
    AttributionReport {
        cue: a.cue,
        speaker: a.speaker.clone(),
        role: a.role.clone(),
        verb: a.verb.clone(),
        stance: a.stance,
        medium: a.medium.clone(),
        anonymous: a.anonymous,
        quote_spans: a
            .quote_spans
            .iter()
            .map(|&(x, y)| (s.start + x, s.start + y))
            .collect(),
        scare_quotes: a.scare_quotes.clone(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn link_report(docs: &[Document], l: &Link) -> LinkReport {
    LinkReport {
        a: SentenceRef {
            source: docs[l.a.0].label.clone(),
            sentences: l.a.1.clone(),
        },
        b: SentenceRef {
            source: docs[l.b.0].label.clone(),
            sentences: l.b.1.clone(),
        },
        score: round3(l.score),
        evidence: l.evidence.clone(),
    }
}

fn related_report(r: &crate::align::Related) -> RelatedReport {
    RelatedReport {
        group: r.group,
        kind: r.kind,
        score: round3(r.score),
        evidence: r.evidence.clone(),
    }
}
