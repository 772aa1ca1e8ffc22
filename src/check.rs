//! `storydiff check DRAFT --against SOURCES…`: review a draft against its
//! sources, claim by claim.
//!
//! The draft and the sources are aligned together. Each run of draft
//! sentences in a group is a claim; the other members of the group support
//! it. A finding is reported only when **no** supporting source agrees with
//! the draft on that point: if one source says "claimed" and another "said",
//! a draft that says "said" has not drifted. A claim in no group is
//! "partly supported" when a source sentence carries part of it (a weak
//! link, a related group whose sentence vectors are close to the claim's, or
//! a good share of its words; the missing words are given), and
//! "unsupported" only when none does.

use crate::align;
use crate::compare::{attribution_diffs, conflicts};
use crate::document::Document;
use crate::error::Error;
use crate::ingest::{InputFormat, Source};
use crate::report::{AttributionDiff, AttributionDiffKind, Conflict, Significance};
use crate::text;
use crate::{Options, check_sources};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Kinds of finding, for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// No source carries the claim.
    Unsupported,
    /// A source carries part of the claim; `values` holds the part missing
    /// from every source. `--fail-on unsupported` includes it.
    PartlySupported,
    /// The sources attribute the claim differently.
    Drift,
    /// Numbers, names or dates differ from every source.
    Conflict,
}

impl FindingKind {
    /// How much a finding of this kind matters, as ranked in every mode.
    pub fn significance(self) -> Significance {
        match self {
            FindingKind::Unsupported | FindingKind::PartlySupported => Significance::Claim,
            FindingKind::Drift => Significance::Attribution,
            FindingKind::Conflict => Significance::Facts,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    pub kind: FindingKind,
    pub significance: Significance,
    /// For drift: which kind of attribution change.
    pub drift: Option<AttributionDiffKind>,
    /// For conflicts: number, date or name.
    pub conflict: Option<String>,
    /// For conflicts: what was compared, "tram: 14-kilometre vs 16-kilometre".
    pub slot: Option<String>,
    /// The source compared with (the first supporting source).
    pub source: Option<String>,
    /// What the source says, then what the draft says; for a partly
    /// supported claim, the draft's words no source carries.
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Support {
    pub source: String,
    pub sentences: Vec<usize>,
    pub text: String,
}

/// How well the sources carry a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    PartlySupported,
    Unsupported,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ClaimCheck {
    /// Draft sentence ids.
    pub sentences: Vec<usize>,
    pub text: String,
    /// True when a source carries the whole claim.
    pub supported: bool,
    pub verdict: Verdict,
    /// The source sentences that carry the claim (or, when partly
    /// supported, the part they carry).
    pub support: Vec<Support>,
    /// Most significant first.
    pub findings: Vec<Finding>,
    /// The most significant finding's level; null when supported as is.
    pub significance: Option<Significance>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CheckSummary {
    pub claims: usize,
    pub supported: usize,
    pub partly_supported: usize,
    pub unsupported: usize,
    /// Claims with at least one drift finding.
    pub drifted: usize,
    /// Claims with at least one conflict finding.
    pub conflicts: usize,
}

impl CheckSummary {
    /// "N claims: M supported, P partly supported, K unsupported, D drifted,
    /// C conflicts".
    pub fn line(&self) -> String {
        format!(
            "{} claims: {} supported, {} partly supported, {} unsupported, {} drifted, {} conflicts",
            self.claims,
            self.supported,
            self.partly_supported,
            self.unsupported,
            self.drifted,
            self.conflicts
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct CheckReport {
    pub version: u32,
    pub mode: &'static str,
    pub draft: String,
    pub sources: Vec<String>,
    pub meta: BTreeMap<String, BTreeMap<String, String>>,
    /// Claims with findings first, most significant first; then supported
    /// claims in draft order.
    pub claims: Vec<ClaimCheck>,
    pub summary: CheckSummary,
}

impl CheckReport {
    /// Whether any finding of the given kinds exists (the exit code).
    /// `unsupported` includes partly supported claims.
    pub fn fails_on(&self, kinds: &[FindingKind]) -> bool {
        self.fails_on_at(kinds, None)
    }

    /// As [`fails_on`](Self::fails_on), counting only findings at `min`
    /// significance or above (`--min-significance`).
    pub fn fails_on_at(&self, kinds: &[FindingKind], min: Option<Significance>) -> bool {
        self.claims
            .iter()
            .flat_map(|c| &c.findings)
            .filter(|f| f.significance.at_least(min))
            .any(|f| {
                kinds.contains(&f.kind)
                    || (f.kind == FindingKind::PartlySupported
                        && kinds.contains(&FindingKind::Unsupported))
            })
    }
}

/// A group member: a document and its sentence ids.
type Member = (usize, Vec<usize>);

/// See [`Tuning::partial`].
pub const PARTIAL_SUPPORT: f64 = 0.4;

/// Fewest content words a source sentence must share with a claim to
/// carry part of it.
pub const MIN_SHARED_TERMS: usize = 3;

/// Share of a claim's content terms (stems, numbers) that a source sentence
/// carries, and how many.
fn carried(draft: &Document, ids: &[usize], s: &crate::document::Sentence) -> (f64, usize) {
    let mut terms: Vec<&String> = ids
        .iter()
        .flat_map(|&i| &draft.sentences[i].features.terms)
        .collect();
    terms.sort();
    terms.dedup();
    if terms.is_empty() {
        return (0.0, 0);
    }
    let shared = terms
        .iter()
        .filter(|t| s.features.terms.contains(t))
        .count();
    (shared as f64 / terms.len() as f64, shared)
}

/// Blank what is not a claim, keeping every byte offset: YAML front matter
/// at the top of any input, and Markdown headings (a heading would
/// otherwise run into the lead as one sentence).
fn without_non_claims(source: &Source) -> Source {
    let mut text = source.text.clone();
    let blank = |s: &str| -> String {
        s.chars()
            .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
            .collect()
    };
    // Front matter: "---" on the first line up to the next "---" or "...".
    if text.starts_with("---\n") || text.starts_with("---\r\n") {
        let mut end = None;
        let mut pos = 0;
        for (k, line) in text.split_inclusive('\n').enumerate() {
            let body = line.trim_end();
            if k > 0 && (body == "---" || body == "...") {
                end = Some(pos + line.len());
                break;
            }
            pos += line.len();
        }
        if let Some(e) = end {
            let b = blank(&text[..e]);
            text.replace_range(..e, &b);
        }
    }
    if source.format == InputFormat::Markdown {
        let mut out = String::with_capacity(text.len());
        for line in text.split_inclusive('\n') {
            let t = line.trim_start();
            let hashes = t.bytes().take_while(|&b| b == b'#').count();
            if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\n', '\r']) {
                out.push_str(&blank(line));
            } else {
                out.push_str(line);
            }
        }
        text = out;
    }
    Source {
        text,
        ..source.clone()
    }
}

/// Content words of `claim` (in order) that `other` lacks, grouped into
/// runs: the part of a claim a source does not carry.
fn missing_part(claim: &str, other: &str) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let have: std::collections::HashSet<String> = other
        .unicode_words()
        .map(|w| text::stem(&text::fold(w)))
        .collect();
    let mut runs: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for w in claim.unicode_words() {
        let f = text::fold(w);
        if text::is_stop(&f) || text::is_reporting(&f) {
            if !cur.is_empty() {
                cur.push(w);
            }
            continue;
        }
        if have.contains(&text::stem(&f)) {
            if !cur.is_empty() {
                // Drop trailing function words of the run.
                while cur.last().is_some_and(|x| text::is_stop(&text::fold(x))) {
                    cur.pop();
                }
                runs.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(w);
        }
    }
    while cur.last().is_some_and(|x| text::is_stop(&text::fold(x))) {
        cur.pop();
    }
    if !cur.is_empty() {
        runs.push(cur.join(" "));
    }
    runs
}

fn finding(kind: FindingKind) -> Finding {
    Finding {
        kind,
        significance: kind.significance(),
        drift: None,
        conflict: None,
        slot: None,
        source: None,
        values: Vec::new(),
    }
}

/// Check `draft` against `sources`.
pub fn check(draft: &Source, sources: &[Source], opts: &Options) -> Result<CheckReport, Error> {
    check_with(draft, sources, opts, &Tuning::default())
}

/// Thresholds of `check`, chosen on the labelled ECB+ dev stories
/// (`examples/findings.rs --partial X --cite Y`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// Lowest share of a claim's content words a source sentence must carry
    /// for the claim (in no group) to be partly supported.
    pub partial: f64,
    /// Lowest similarity for a source sentence of the claim's group to be
    /// cited as support (unless it carries most of the claim's words).
    pub cite: f64,
    /// Fewest content words of a supported claim that no cited sentence
    /// has for the claim to be only partly supported.
    pub missing_words: usize,
    /// Lowest score of a related edge (a partial overlap the aligner found)
    /// from a claim's group to a group with source members for the claim to
    /// be partly supported by them on the edge alone; above 1, never.
    pub related: f64,
    /// Lowest sentence-vector cosine ([`crate::embed`]) between a claim and
    /// the source member of a related group, over a weaker edge, for the
    /// claim to be partly supported by it; above 1, never.
    pub similar: f64,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            partial: PARTIAL_SUPPORT,
            cite: CITE,
            missing_words: MISSING_WORDS,
            similar: SIMILAR,
            related: RELATED,
        }
    }
}

/// See [`Tuning::missing_words`].
pub const MISSING_WORDS: usize = 4;

/// See [`Tuning::related`].
pub const RELATED: f64 = 0.38;

/// See [`Tuning::similar`].
pub const SIMILAR: f64 = 0.72;

/// See [`Tuning::cite`].
pub const CITE: f64 = 0.3;

/// Share of a claim's content words a source sentence that carries "most"
/// of it holds.
const CARRIED: f64 = 0.5;

/// [`check`] with other thresholds (for tuning).
pub fn check_with(
    draft: &Source,
    sources: &[Source],
    opts: &Options,
    tuning: &Tuning,
) -> Result<CheckReport, Error> {
    let partial = tuning.partial;
    if sources.is_empty() {
        return Err(Error::Usage(
            "check needs at least one source (--against SOURCE…)".to_string(),
        ));
    }
    let mut all = vec![draft.clone()];
    all.extend(sources.iter().cloned());
    check_sources(&all)?;
    let all: Vec<Source> = all.iter().map(without_non_claims).collect();
    let docs: Vec<Document> = all.par_iter().map(Document::build).collect();
    let alignment = align::align(&docs, &opts.align);
    // Similarity of each draft sentence to each source sentence the index
    // proposes (bounded per sentence by the aligner's candidate limit).
    let mut scores: HashMap<(usize, (usize, usize)), f64> = HashMap::new();
    for ((da, sa), (db, sb), sc) in align::scored_pairs(&docs) {
        if da == 0 && db != 0 {
            scores.insert((sa, (db, sb)), sc);
        }
    }
    let score = |ds: &[usize], d: usize, ss: &[usize]| -> f64 {
        ds.iter()
            .flat_map(|&a| ss.iter().map(move |&b| (a, b)))
            .filter_map(|(a, b)| scores.get(&(a, (d, b))).copied())
            .fold(0.0, f64::max)
    };
    let mut claims = Vec::new();
    for g in &alignment.groups {
        let Some(dm) = g.members.iter().find(|m| m.0 == 0) else {
            continue;
        };
        // Blank runs and runs of punctuation alone (a closing quote mark
        // cut off as its own sentence) state nothing: not claims.
        if !dm.1.iter().any(|&s| docs[0].sentences[s].has_words()) {
            continue;
        }
        let members: Vec<&(usize, Vec<usize>)> = g.members.iter().filter(|m| m.0 != 0).collect();
        // Cite only source members that carry the claim themselves: as
        // similar as `cite` asks, or holding most of its content words. A
        // member reached through another source, or linked by a weak
        // score, is not evidence.
        let strong = |m: &&(usize, Vec<usize>)| {
            score(&dm.1, m.0, &m.1) >= tuning.cite
                || m.1.iter().any(|&s| {
                    let (share, shared) = carried(&docs[0], &dm.1, &docs[m.0].sentences[s]);
                    share >= CARRIED && shared >= MIN_SHARED_TERMS
                })
        };
        let (support, weak): (Vec<&Member>, Vec<&Member>) = members.into_iter().partition(strong);
        let mut findings = Vec::new();
        let mut cited: Vec<(usize, Vec<usize>)> = support.iter().map(|m| (*m).clone()).collect();
        let verdict = if support.is_empty() {
            // Weakly aligned members carry part of the claim; with none, a
            // source sentence may still carry part of it when it holds a
            // good share of the claim's content words.
            let weakest_link = weak
                .iter()
                .map(|m| (score(&dm.1, m.0, &m.1), m.0, m.1[0]))
                .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
            // A group the aligner relates to the claim's group (a merge, a
            // split, a partial overlap) carries part of it when its source
            // sentences also mean much the same: their sentence vectors are
            // close to the claim's (shared words alone relate claims that
            // only share a topic).
            let related = || {
                let v = crate::embed::vectors()?;
                let claim = v.embed(&docs[0].text_of(&dm.1));
                g.overlaps()
                    .flat_map(|r| {
                        alignment.groups[r.group]
                            .members
                            .iter()
                            .filter(|m| m.0 != 0)
                            .map(move |m| (r.score, m))
                    })
                    .filter(|(score, m)| {
                        *score >= tuning.related || {
                            let near =
                                crate::embed::dot(&claim, &v.embed(&docs[m.0].text_of(&m.1)));
                            f64::from(near) >= tuning.similar
                        }
                    })
                    .map(|(sc, m)| (sc, m.0, m.1[0]))
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
            };
            let best = weakest_link.or_else(related).or_else(|| {
                scores
                    .keys()
                    .filter(|(a, _)| dm.1.contains(a))
                    .map(|(_, (d, s))| (*d, *s))
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .map(|(d, s)| {
                        let (share, shared) = carried(&docs[0], &dm.1, &docs[d].sentences[s]);
                        (share, shared, d, s)
                    })
                    .filter(|x| x.0 >= partial && x.1 >= MIN_SHARED_TERMS)
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.2.cmp(&x.2)).then(y.3.cmp(&x.3)))
                    .map(|(sc, _, d, s)| (sc, d, s))
            });
            match best {
                Some((_, d, s)) => {
                    let claim = docs[0].text_of(&dm.1);
                    let missing = missing_part(&claim, &docs[d].sentences[s].clean);
                    let mut f = finding(FindingKind::PartlySupported);
                    f.source = Some(docs[d].label.clone());
                    f.values = missing;
                    findings.push(f);
                    cited = vec![(d, vec![s])];
                    Verdict::PartlySupported
                }
                None => {
                    findings.push(finding(FindingKind::Unsupported));
                    Verdict::Unsupported
                }
            }
        } else {
            drift_and_conflicts(&docs, &support, dm, &mut findings);
            // A claim that merges a sourced fact with an unsourced one is
            // carried only in part: say which words no cited sentence has.
            let cited_text = support
                .iter()
                .map(|m| docs[m.0].text_of(&m.1))
                .collect::<Vec<_>>()
                .join(" ");
            let claim = docs[0].text_of(&dm.1);
            let missing = missing_part(&claim, &cited_text);
            let missing_words: usize = missing
                .iter()
                .flat_map(|r| r.split_whitespace())
                .filter(|w| !text::is_stop(&text::fold(w)))
                .count();
            if missing_words >= tuning.missing_words {
                let mut f = finding(FindingKind::PartlySupported);
                f.source = Some(docs[support[0].0].label.clone());
                f.values = missing;
                findings.push(f);
                Verdict::PartlySupported
            } else {
                Verdict::Supported
            }
        };
        findings.sort_by_key(|f| std::cmp::Reverse(f.significance));
        claims.push(ClaimCheck {
            sentences: dm.1.clone(),
            text: docs[0].text_of(&dm.1),
            supported: verdict == Verdict::Supported,
            verdict,
            support: cited
                .iter()
                .map(|(d, ss)| Support {
                    source: docs[*d].label.clone(),
                    sentences: ss.clone(),
                    text: docs[*d].text_of(ss),
                })
                .collect(),
            significance: findings.first().map(|f| f.significance),
            findings,
        });
    }
    // Findings first, most significant first; then draft order.
    claims.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.significance),
            c.sentences.first().copied(),
        )
    });
    let has = |c: &ClaimCheck, k: FindingKind| c.findings.iter().any(|f| f.kind == k);
    let summary = CheckSummary {
        claims: claims.len(),
        supported: claims
            .iter()
            .filter(|c| c.verdict == Verdict::Supported)
            .count(),
        partly_supported: claims
            .iter()
            .filter(|c| c.verdict == Verdict::PartlySupported)
            .count(),
        unsupported: claims
            .iter()
            .filter(|c| c.verdict == Verdict::Unsupported)
            .count(),
        drifted: claims.iter().filter(|c| has(c, FindingKind::Drift)).count(),
        conflicts: claims
            .iter()
            .filter(|c| has(c, FindingKind::Conflict))
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

/// Drift and conflicts of a supported claim: a kind is reported only when
/// every supporting source shows it against the draft (if one source says
/// "claimed" and another "said", a draft that says "said" has not drifted).
fn drift_and_conflicts(
    docs: &[Document],
    support: &[&(usize, Vec<usize>)],
    dm: &(usize, Vec<usize>),
    findings: &mut Vec<Finding>,
) {
    let per_source: Vec<Vec<AttributionDiff>> = support
        .iter()
        .map(|sm| attribution_diffs(docs, &[(*sm).clone(), dm.clone()]))
        .collect();
    let mut kinds: Vec<AttributionDiffKind> = per_source[0].iter().map(|d| d.kind).collect();
    kinds.dedup();
    for k in kinds {
        if per_source.iter().all(|ds| ds.iter().any(|d| d.kind == k)) {
            let d = per_source[0].iter().find(|d| d.kind == k).cloned();
            let mut f = finding(FindingKind::Drift);
            f.drift = Some(k);
            f.source = Some(docs[support[0].0].label.clone());
            f.values = d.map(|d| d.values).unwrap_or_default();
            findings.push(f);
        }
    }
    let what = |c: &Conflict| c.slot.split(": ").next().unwrap_or_default().to_string();
    let per_source: Vec<Vec<Conflict>> = support
        .iter()
        .map(|sm| conflicts(docs, &[(*sm).clone(), dm.clone()]))
        .collect();
    for c in &per_source[0] {
        if per_source
            .iter()
            .all(|cs| cs.iter().any(|x| x.kind == c.kind && what(x) == what(c)))
        {
            let mut f = finding(FindingKind::Conflict);
            f.conflict = Some(c.kind.clone());
            f.slot = Some(c.slot.clone());
            f.source = Some(docs[support[0].0].label.clone());
            f.values = c
                .values
                .iter()
                .map(|v| format!("{} {}", v.source, v.values.join(", ")))
                .collect();
            findings.push(f);
        }
    }
}
