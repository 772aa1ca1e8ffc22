//! The `Report`: the contract between the library and every view.
//!
//! Its JSON form (`--format json`) is versioned by [`SCHEMA_VERSION`] and
//! documented in `docs/schema.md`.

use serde::Serialize;

/// Version of the JSON schema. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Most sources for which the coverage matrix is given.
pub const MAX_COVERAGE_SOURCES: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Report {
    pub version: u32,
    pub sources: Vec<SourceReport>,
    pub groups: Vec<GroupReport>,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SourceReport {
    pub label: String,
    /// The path as given, `-` for stdin.
    pub path: String,
    pub format: crate::ingest::InputFormat,
    /// Title, byline, published, modified, site, url (HTML pages).
    pub meta: std::collections::BTreeMap<String, String>,
    pub sentences: Vec<SentenceReport>,
    /// Ids of the groups that hold only this source's sentences and have no
    /// related group with another source: its claims found nowhere else.
    pub unique_groups: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SentenceReport {
    /// 0-based, in document order.
    pub id: usize,
    /// Byte offsets into the input text exactly as read; `end` is exclusive.
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    /// The sentence as it appears in the input.
    pub text: String,
    pub attribution: AttributionReport,
    /// Id of the group the sentence belongs to.
    pub group: usize,
}

/// A sentence's attribution as reported.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AttributionReport {
    pub cue: crate::attribution::Cue,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub verb: Option<String>,
    pub stance: Option<crate::attribution::Stance>,
    pub medium: Option<String>,
    pub anonymous: bool,
    /// Byte spans of direct quotes, as offsets into the input text.
    pub quote_spans: Vec<(usize, usize)>,
    pub scare_quotes: Vec<String>,
}

/// What kind of attribution difference a group shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttributionDiffKind {
    /// The first member attributes the claim, the second states it as fact.
    AttributionDropped,
    /// The first member states the claim as fact, the second attributes it.
    AttributionAdded,
    DifferentSpeaker,
    /// The reporting verb's stance class differs (said → claimed).
    StanceChanged,
    /// A direct quote in one report, paraphrase in another.
    QuoteVsParaphrase,
    /// The same speaker's direct quote has different words. No longer
    /// produced: a quote reworded under the same attribution is a wording
    /// difference, shown by the word diff. Kept so older JSON still reads.
    QuoteAltered,
    NamedVsAnonymous,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct AttributionDiff {
    pub kind: AttributionDiffKind,
    /// The two members concerned: the reference side first.
    pub members: Vec<String>,
    /// What each side says, e.g. `["said (neutral)", "claimed (distancing)"]`.
    pub values: Vec<String>,
    /// For `quote_altered`: word diff of the quotes.
    pub diff: Vec<DiffSpan>,
    /// For a difference with a related group (a partial overlap): the id of
    /// the group whose member is the second of `members`; absent when both
    /// members are in this group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
}

impl AttributionDiff {
    /// The two members for display: "wire vs daily", or "wire vs daily
    /// (group 5)" when the second is a related group's member.
    pub fn members_text(&self) -> String {
        let pair = self.members.join(" vs ");
        match self.group {
            Some(g) => format!("{pair} (group {g})"),
            None => pair,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// Members from two or more sources.
    Shared,
    /// Members from one source only, and no related group with another
    /// source: a claim found nowhere else.
    Unique,
    /// Members from one source only, but part of the claim is carried by a
    /// related group (or an echo) with another source.
    Partial,
}

/// How the members' wording compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Wording {
    /// Same text (whitespace aside), or a unique group.
    Identical,
    /// Only case, punctuation or typography differs.
    Trivial,
    /// Words differ.
    Changed,
}

/// How much a change matters, least to most. `--min-significance` hides
/// changes below a level in the views and the exit code.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Significance {
    /// Punctuation, whitespace, case or typography only (and sentence
    /// boundaries moved without word changes).
    Typography = 1,
    /// Words changed, or a sentence moved.
    Wording = 2,
    /// Numbers, names or dates changed.
    Facts = 3,
    /// Speaker, stance or cue changed.
    Attribution = 4,
    /// A claim added, removed, or missing from a report.
    Claim = 5,
}

impl Significance {
    /// The level's name, as `--min-significance` and the JSON spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Significance::Typography => "typography",
            Significance::Wording => "wording",
            Significance::Facts => "facts",
            Significance::Attribution => "attribution",
            Significance::Claim => "claim",
        }
    }

    /// Whether this level is at or above `min` (no `min`: every level is).
    pub fn at_least(self, min: Option<Significance>) -> bool {
        min.is_none_or(|m| self >= m)
    }

    /// Whether a change of significance `s` is shown at the level `min`
    /// (no level: everything; no significance, i.e. nothing changed: only
    /// when there is no level). The one test behind every
    /// `--min-significance` filter.
    pub fn shown(s: Option<Significance>, min: Option<Significance>) -> bool {
        match s {
            Some(s) => s.at_least(min),
            None => min.is_none(),
        }
    }
}

impl std::fmt::Display for Significance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct GroupReport {
    pub id: usize,
    pub kind: GroupKind,
    pub wording: Wording,
    /// Sources present, in input order.
    pub sources: Vec<String>,
    /// In input order; the first member is the reference of the diffs.
    pub members: Vec<MemberReport>,
    pub links: Vec<LinkReport>,
    /// Groups that share part of this group's claim (a merge, a split, an
    /// overlap), at most the two strongest; symmetric: each edge appears in
    /// both groups. Every sentence of this group shares part of a claim with
    /// every sentence of a related group.
    pub related: Vec<RelatedReport>,
    /// Weaker overlaps (`kind` "echo"): groups that share words or meaning
    /// with this one, too weakly to be shown as a shared claim; symmetric. A
    /// one-source claim with an echo in another source is `partial`, not
    /// `unique`: "only in" is said only when nothing else comes near it.
    pub echoes: Vec<RelatedReport>,
    /// Numbers that do not agree between members.
    pub conflicts: Vec<Conflict>,
    /// Where the members' attributions differ.
    pub attribution_diffs: Vec<AttributionDiff>,
    /// The most significant difference in the group; null when the members
    /// say the same thing in the same words.
    pub significance: Option<Significance>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct MemberReport {
    pub source: String,
    /// Sentence ids, ascending; more than one marks a split or merge.
    pub sentences: Vec<usize>,
    /// The member's sentences joined by a space, whitespace collapsed.
    pub text: String,
    /// Word diff from the reference member to this one; empty for the
    /// reference itself.
    pub diff: Vec<DiffSpan>,
    /// The member's attribution: that of its first attributed sentence.
    pub attribution: AttributionReport,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DiffSpan {
    pub op: DiffOp,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SentenceRef {
    pub source: String,
    pub sentences: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct LinkReport {
    pub a: SentenceRef,
    pub b: SentenceRef,
    /// Similarity, 0–1, rounded to 3 decimals.
    pub score: f64,
    /// Shared content words behind the score, strongest first.
    pub evidence: Vec<String>,
}

/// An edge to a group that shares part of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RelatedReport {
    /// Id of the other group.
    pub group: usize,
    /// `partial` in `related`, `echo` in `echoes`.
    pub kind: crate::align::RelatedKind,
    /// Similarity, 0–1, rounded to 3 decimals.
    pub score: f64,
    /// Shared content words behind the score, strongest first.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Conflict {
    /// What kind of slot: `number`, `date` or `name`.
    pub kind: String,
    /// What was compared, readable in one glance: "killed: 12 vs 15".
    pub slot: String,
    /// What each member says.
    pub values: Vec<ConflictValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ConflictValue {
    pub source: String,
    pub values: Vec<String>,
    /// For a conflict with a related group (a partial overlap): the id of
    /// that group when these values are stated by its member; absent for
    /// this group's members and for conflicts inside one group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// Sentences per source, in input order.
    pub sentences: Vec<usize>,
    pub groups: usize,
    pub shared_by_all: usize,
    pub shared_by_some: usize,
    /// Groups of one source whose claim is partly in another source.
    pub partial: usize,
    pub unique: usize,
    /// Shared groups whose wording differs beyond typography.
    pub changed: usize,
    /// `coverage[i][j]`: share of source i's sentences that sit in a group with
    /// source j (1.0 on the diagonal), rounded to 3 decimals. Empty when more
    /// than [`MAX_COVERAGE_SOURCES`] sources are compared: the matrix grows
    /// with the square of the sources and no view can show it.
    pub coverage: Vec<Vec<f64>>,
    /// True when some group misses a source or some wording differs.
    pub differences: bool,
}

impl Report {
    /// Whether any group differs at `min` significance or above (all
    /// differences when `min` is None). Picks the exit code.
    pub fn differs_at(&self, min: Option<Significance>) -> bool {
        match min {
            None => self.summary.differences,
            Some(_) => self
                .groups
                .iter()
                .any(|g| Significance::shown(g.significance, min)),
        }
    }
}

/// `as_str` (the name the JSON uses) and `Display` for the report's enums,
/// so views print words without going through serde.
macro_rules! names {
    ($t:ty { $($v:ident => $s:literal),+ $(,)? }) => {
        impl $t {
            /// The value's name, as in the JSON report.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(<$t>::$v => $s),+
                }
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

names!(AttributionDiffKind {
    AttributionDropped => "attribution_dropped",
    AttributionAdded => "attribution_added",
    DifferentSpeaker => "different_speaker",
    StanceChanged => "stance_changed",
    QuoteVsParaphrase => "quote_vs_paraphrase",
    QuoteAltered => "quote_altered",
    NamedVsAnonymous => "named_vs_anonymous",
});
names!(GroupKind { Shared => "shared", Unique => "unique", Partial => "partial" });
names!(Wording { Identical => "identical", Trivial => "trivial", Changed => "changed" });
names!(DiffOp { Equal => "equal", Delete => "delete", Insert => "insert" });

#[cfg(test)]
mod names_tests {
    use super::*;

    // Every enum's as_str is the name serde writes into the JSON report.
    #[test]
    fn as_str_matches_the_json_names() {
        fn json<T: Serialize>(v: T) -> String {
            serde_json::to_value(v)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        }
        use AttributionDiffKind as A;
        for k in [
            A::AttributionDropped,
            A::AttributionAdded,
            A::DifferentSpeaker,
            A::StanceChanged,
            A::QuoteVsParaphrase,
            A::QuoteAltered,
            A::NamedVsAnonymous,
        ] {
            assert_eq!(k.as_str(), json(k));
        }
        for k in [GroupKind::Shared, GroupKind::Unique, GroupKind::Partial] {
            assert_eq!(k.to_string(), json(k));
        }
        for k in [Wording::Identical, Wording::Trivial, Wording::Changed] {
            assert_eq!(k.to_string(), json(k));
        }
        for k in [DiffOp::Equal, DiffOp::Delete, DiffOp::Insert] {
            assert_eq!(k.to_string(), json(k));
        }
        for k in [
            Significance::Typography,
            Significance::Wording,
            Significance::Facts,
            Significance::Attribution,
            Significance::Claim,
        ] {
            assert_eq!(k.to_string(), json(k));
        }
    }
}
