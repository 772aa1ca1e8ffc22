//! Versions of one article: what changed at each step, and the history of
//! every claim across the versions.
//!
//! Each step Vk → Vk+1 is aligned with the same aligner as sources (so edited
//! sentences, splits and merges are found), then read in order: matched
//! sentences off the longest increasing run of positions have *moved*.
//! Unmatched old sentences were removed, unmatched new ones added.

use crate::align::{self, Alignment};
use crate::attribution::Cue;
use crate::compare::{significance_of, word_diff, wording_of};
use crate::document::Document;
use crate::error::Error;
use crate::ingest::Source;
use crate::report::{DiffSpan, Significance, Wording};
use crate::{Options, check_sources};
use rayon::prelude::*;
use serde::Serialize;

/// What happened to a sentence (or run) between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Unchanged,
    Added,
    Removed,
    Edited,
    Moved,
    MovedEdited,
    Split,
    Merged,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Change {
    pub kind: ChangeKind,
    /// Sentence ids in the older version (empty when added).
    pub old: Vec<usize>,
    /// Sentence ids in the newer version (empty when removed).
    pub new: Vec<usize>,
    pub old_text: String,
    pub new_text: String,
    /// Word diff old → new (empty when added, removed or unchanged).
    pub diff: Vec<DiffSpan>,
    /// Null for unchanged sentences.
    pub significance: Option<Significance>,
    /// Plain-language notes on attribution or number changes.
    pub notes: Vec<String>,
    /// The claim this change belongs to (see `claims`).
    pub claim: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, schemars::JsonSchema)]
pub struct Churn {
    pub added: usize,
    pub removed: usize,
    pub edited: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Step {
    /// Labels of the two versions.
    pub from: String,
    pub to: String,
    pub changes: Vec<Change>,
    pub churn: Churn,
}

/// One event in a claim's history.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ClaimEvent {
    /// Label of the version.
    pub version: String,
    pub kind: ChangeKind,
    pub sentences: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ClaimHistory {
    pub id: usize,
    /// The claim's text when first seen.
    pub text: String,
    /// First seen (`added`, or `unchanged` for claims of the first version),
    /// then every change; a claim ends with `removed` if it was dropped.
    pub events: Vec<ClaimEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VersionSummary {
    pub label: String,
    pub path: String,
    pub sentences: usize,
    pub meta: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VersionsReport {
    pub version: u32,
    pub mode: &'static str,
    pub versions: Vec<VersionSummary>,
    pub steps: Vec<Step>,
    pub claims: Vec<ClaimHistory>,
}

impl VersionsReport {
    /// Whether any change reaches `min` (any change at all when None).
    pub fn differs_at(&self, min: Option<Significance>) -> bool {
        self.steps
            .iter()
            .flat_map(|s| &s.changes)
            .any(|c| c.significance.is_some_and(|s| s.at_least(min)))
    }
}

/// Compare versions of one article, in the order given.
pub fn versions(sources: &[Source], opts: &Options) -> Result<VersionsReport, Error> {
    check_sources(sources)?;
    let docs: Vec<Document> = sources.par_iter().map(Document::build).collect();
    let steps: Vec<(usize, Alignment)> = (0..docs.len() - 1)
        .into_par_iter()
        .map(|k| (k, align::align(&docs[k..k + 2], &opts.align)))
        .collect();
    // claim_of[k][s]: claim id of sentence s of version k.
    let mut claim_of: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| vec![usize::MAX; d.sentences.len()])
        .collect();
    let mut claims: Vec<ClaimHistory> = Vec::new();
    for (s, sent) in docs[0].sentences.iter().enumerate() {
        claim_of[0][s] = claims.len();
        claims.push(ClaimHistory {
            id: claims.len(),
            text: sent.clean.clone(),
            events: vec![ClaimEvent {
                version: docs[0].label.clone(),
                kind: ChangeKind::Unchanged,
                sentences: vec![s],
            }],
        });
    }
    let mut out_steps = Vec::new();
    for (k, al) in steps {
        let (old, new) = (&docs[k], &docs[k + 1]);
        let mut changes = step_changes(old, new, &al);
        let mut churn = Churn::default();
        for c in &mut changes {
            match c.kind {
                ChangeKind::Added => churn.added += 1,
                ChangeKind::Removed => churn.removed += 1,
                ChangeKind::Edited => churn.edited += 1,
                ChangeKind::Moved | ChangeKind::MovedEdited => churn.moved += 1,
                ChangeKind::Split => churn.split += 1,
                ChangeKind::Merged => churn.merged += 1,
                ChangeKind::Unchanged => churn.unchanged += 1,
            }
            // Carry claim ids forward.
            let claim = match c.old.first().map(|&s| claim_of[k][s]) {
                Some(id) if id != usize::MAX => id,
                _ => {
                    claims.push(ClaimHistory {
                        id: claims.len(),
                        text: c.new_text.clone(),
                        events: Vec::new(),
                    });
                    claims.len() - 1
                }
            };
            c.claim = claim;
            for &s in &c.new {
                claim_of[k + 1][s] = claim;
            }
            if c.kind != ChangeKind::Unchanged {
                claims[claim].events.push(ClaimEvent {
                    version: new.label.clone(),
                    kind: c.kind,
                    sentences: if c.kind == ChangeKind::Removed {
                        c.old.clone()
                    } else {
                        c.new.clone()
                    },
                });
            }
        }
        out_steps.push(Step {
            from: old.label.clone(),
            to: new.label.clone(),
            changes,
            churn,
        });
    }
    Ok(VersionsReport {
        version: crate::report::SCHEMA_VERSION,
        mode: "versions",
        versions: docs
            .iter()
            .zip(sources)
            .map(|(d, s)| VersionSummary {
                label: d.label.clone(),
                path: d.origin.clone(),
                sentences: d.sentences.len(),
                meta: s.meta.clone(),
            })
            .collect(),
        steps: out_steps,
        claims,
    })
}

/// Changes of one step, in the order of the newer version (removed
/// sentences where they stood in the older one).
fn step_changes(old: &Document, new: &Document, al: &Alignment) -> Vec<Change> {
    // Matched pairs (old run, new run).
    let mut pairs: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut removed: Vec<usize> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    for g in &al.groups {
        let o = g.members.iter().find(|m| m.0 == 0).map(|m| m.1.clone());
        let n = g.members.iter().find(|m| m.0 == 1).map(|m| m.1.clone());
        match (o, n) {
            (Some(o), Some(n)) => pairs.push((o, n)),
            (Some(o), None) => removed.extend(o),
            (None, Some(n)) => added.extend(n),
            (None, None) => {}
        }
    }
    pairs.sort();
    // Longest increasing run of new positions (in old order): the rest moved.
    let keys: Vec<usize> = pairs.iter().map(|p| p.1[0]).collect();
    let in_lis = longest_increasing(&keys);
    let mut changes: Vec<(usize, usize, Change)> = Vec::new();
    for (i, (o, n)) in pairs.iter().enumerate() {
        let (ot, nt) = (old.text_of(o), new.text_of(n));
        let wording = wording_of(&ot, &nt);
        let moved = !in_lis[i];
        let kind = if o.len() == 1 && n.len() > 1 {
            ChangeKind::Split
        } else if o.len() > 1 && n.len() == 1 {
            ChangeKind::Merged
        } else if moved && wording == Wording::Changed {
            ChangeKind::MovedEdited
        } else if moved {
            ChangeKind::Moved
        } else if wording == Wording::Identical {
            ChangeKind::Unchanged
        } else {
            ChangeKind::Edited
        };
        let diff = if wording == Wording::Identical {
            Vec::new()
        } else {
            word_diff(&ot, &nt)
        };
        let notes = attribution_notes(old, o, new, n);
        let numbers_changed = numbers(old, o) != numbers(new, n);
        let mut significance = significance_of(
            false,
            wording,
            &[(ot.as_str(), nt.as_str())],
            !notes.is_empty(),
            numbers_changed,
        );
        if moved && significance.is_none_or(|s| s < Significance::Wording) {
            significance = Some(Significance::Wording);
        }
        if matches!(kind, ChangeKind::Split | ChangeKind::Merged) && significance.is_none() {
            significance = Some(Significance::Typography);
        }
        changes.push((
            n[0],
            0,
            Change {
                kind,
                old: o.clone(),
                new: n.clone(),
                old_text: ot,
                new_text: nt,
                diff,
                significance,
                notes,
                claim: 0,
            },
        ));
    }
    for &s in &added {
        changes.push((
            s,
            0,
            Change {
                kind: ChangeKind::Added,
                old: Vec::new(),
                new: vec![s],
                old_text: String::new(),
                new_text: new.sentences[s].clean.clone(),
                diff: Vec::new(),
                significance: Some(Significance::Claim),
                notes: Vec::new(),
                claim: 0,
            },
        ));
    }
    for &s in &removed {
        // Place a removed sentence after the new sentence that follows its
        // nearest kept predecessor.
        let before = pairs
            .iter()
            .filter(|(o, _)| o[0] < s)
            .map(|(_, n)| n[n.len() - 1])
            .max();
        let at = before.map_or(0, |b| b + 1);
        changes.push((
            at,
            1,
            Change {
                kind: ChangeKind::Removed,
                old: vec![s],
                new: Vec::new(),
                old_text: old.sentences[s].clean.clone(),
                new_text: String::new(),
                diff: Vec::new(),
                significance: Some(Significance::Claim),
                notes: Vec::new(),
                claim: 0,
            },
        ));
    }
    changes.sort_by(|a, b| {
        (a.0, a.1, a.2.old.first(), a.2.new.first()).cmp(&(
            b.0,
            b.1,
            b.2.old.first(),
            b.2.new.first(),
        ))
    });
    changes.into_iter().map(|c| c.2).collect()
}

fn numbers(d: &Document, ids: &[usize]) -> Vec<String> {
    let mut v: Vec<String> = ids
        .iter()
        .flat_map(|&s| d.sentences[s].features.numbers.iter().cloned())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Attribution changes between two matched runs, in words.
fn attribution_notes(old: &Document, o: &[usize], new: &Document, n: &[usize]) -> Vec<String> {
    let pick = |d: &Document, ids: &[usize]| {
        ids.iter()
            .map(|&s| &d.sentences[s].attribution)
            .find(|a| a.cue != Cue::None)
            .or_else(|| ids.first().map(|&s| &d.sentences[s].attribution))
            .cloned()
            .unwrap_or_default()
    };
    let (a, b) = (pick(old, o), pick(new, n));
    let mut notes = Vec::new();
    let who =
        |x: &crate::attribution::Attribution| x.speaker.clone().unwrap_or_else(|| "unnamed".into());
    if (a.cue == Cue::None) != (b.cue == Cue::None) {
        if a.cue == Cue::None {
            notes.push(format!("now attributed to {}", who(&b)));
        } else {
            notes.push(format!("attribution to {} dropped", who(&a)));
        }
        return notes;
    }
    if a.cue == Cue::None {
        return notes;
    }
    if a.speaker_key.is_some() && b.speaker_key.is_some() && a.speaker_key != b.speaker_key {
        notes.push(format!("speaker {} → {}", who(&a), who(&b)));
    }
    if a.stance.is_some() && b.stance.is_some() && a.stance != b.stance {
        notes.push(format!(
            "verb {} → {}",
            a.verb.clone().unwrap_or_default(),
            b.verb.clone().unwrap_or_default()
        ));
    }
    if (a.cue == Cue::Direct) != (b.cue == Cue::Direct) {
        notes.push(if a.cue == Cue::Direct {
            "direct quote → paraphrase".to_string()
        } else {
            "paraphrase → direct quote".to_string()
        });
    }
    notes
}

/// Marks the members of one longest strictly increasing subsequence of `v`.
/// O(n log n); ties broken toward the earliest elements.
fn longest_increasing(v: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // indices into v
    let mut prev: Vec<Option<usize>> = vec![None; v.len()];
    for i in 0..v.len() {
        let pos = tails.partition_point(|&t| v[t] < v[i]);
        if pos > 0 {
            prev[i] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut keep = vec![false; v.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = prev[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_marks_the_moved_one() {
        assert_eq!(
            longest_increasing(&[0, 3, 1, 2]),
            vec![true, false, true, true]
        );
    }

    #[test]
    fn moved_and_edited_are_told_apart() {
        let v1 = Source::from_text(
            "v1",
            "The storm hit Caro at dawn. Twelve people died. Schools closed on Friday.",
        );
        let v2 = Source::from_text(
            "v2",
            "Schools closed on Friday. The storm hit Caro at dawn. Fifteen people died in the floods.",
        );
        let r = versions(&[v1, v2], &Options::default()).expect("compares");
        let kinds: Vec<ChangeKind> = r.steps[0].changes.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            vec![ChangeKind::Moved, ChangeKind::Unchanged, ChangeKind::Edited]
        );
        assert_eq!(
            r.steps[0].changes[2].significance,
            Some(Significance::Facts)
        );
        assert_eq!(
            r.steps[0].changes[0].significance,
            Some(Significance::Wording)
        );
    }
}
