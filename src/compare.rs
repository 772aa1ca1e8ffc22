//! From an [`Alignment`] to a [`Report`]: word diffs, wording class, number
//! conflicts, unique claims, coverage.

use crate::align::{Alignment, Link};
use crate::attribution::{Attribution, Cue};
use crate::document::Document;
use crate::report::*;
use crate::text::{self, diff_tokens};
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// Longest member, in tokens, that gets a word diff; longer ones are shown as
/// replaced whole. Keeps the diff bounded on pathological "sentences".
pub const MAX_DIFF_TOKENS: usize = 4000;

/// Build the report.
pub fn report(docs: &[Document], alignment: &Alignment) -> Report {
    let n = docs.len();
    let label = |d: usize| docs[d].label.clone();
    let mut groups = Vec::with_capacity(alignment.groups.len());
    let mut unique_groups: Vec<Vec<usize>> = vec![Vec::new(); n];
    // in_group_with[i][j]: sentences of i sharing a group with j.
    let mut with = vec![vec![0usize; n]; n];
    for (gid, g) in alignment.groups.iter().enumerate() {
        let texts: Vec<String> = g
            .members
            .iter()
            .map(|(d, ss)| docs[*d].text_of(ss))
            .collect();
        let reference = texts.first().cloned().unwrap_or_default();
        let mut wording = Wording::Identical;
        let mut members = Vec::with_capacity(g.members.len());
        for (k, ((d, ss), t)) in g.members.iter().zip(&texts).enumerate() {
            let diff = if k == 0 {
                Vec::new()
            } else {
                let w = wording_of(&reference, t);
                wording = wording.max(w);
                word_diff(&reference, t)
            };
            members.push(MemberReport {
                source: label(*d),
                sentences: ss.clone(),
                text: t.clone(),
                diff,
                attribution: attribution_report(&docs[*d].sentences[member_attr(docs, *d, ss)]),
            });
        }
        // A claim is unique to a source only when no related group carries
        // part of it in another source.
        let kind = if g.members.len() > 1 {
            GroupKind::Shared
        } else if g.related.iter().any(|r| {
            alignment.groups[r.group]
                .members
                .iter()
                .any(|m| m.0 != g.members[0].0)
        }) {
            GroupKind::Partial
        } else {
            unique_groups[g.members[0].0].push(gid);
            GroupKind::Unique
        };
        for (di, ssi) in &g.members {
            for (dj, _) in &g.members {
                with[*di][*dj] += ssi.len();
            }
        }
        let conflicts = conflicts(docs, &g.members);
        let attribution_diffs = attribution_diffs(docs, &g.members);
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
        groups.push(GroupReport {
            significance,
            id: gid,
            kind,
            wording,
            sources: g.members.iter().map(|(d, _)| label(*d)).collect(),
            members,
            links: g.links.iter().map(|l| link_report(docs, l)).collect(),
            related: g.related.iter().map(related_report).collect(),
            conflicts,
            attribution_diffs,
        });
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
    let shown = if n <= MAX_COVERAGE_SOURCES { n } else { 0 };
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

/// The sentence of a member whose attribution stands for the member: the
/// first attributed one, else the first.
fn member_attr(docs: &[Document], d: usize, ss: &[usize]) -> usize {
    ss.iter()
        .copied()
        .find(|&s| docs[d].sentences[s].attribution.cue != Cue::None)
        .or_else(|| ss.first().copied())
        .unwrap_or(0)
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

fn describe(a: &Attribution) -> String {
    match a.cue {
        Cue::None => "stated as fact".to_string(),
        _ => {
            let who = a
                .speaker
                .clone()
                .unwrap_or_else(|| "unnamed speaker".to_string());
            let verb = a.verb.clone().unwrap_or_default();
            let cue = match a.cue {
                Cue::Direct => "direct quote",
                Cue::Indirect => "reported speech",
                Cue::AccordingTo => "according to",
                Cue::None => "",
            };
            if verb.is_empty() {
                format!("{who} · {cue}")
            } else {
                format!("{who} · {verb} · {cue}")
            }
        }
    }
}

/// The quoted words of a sentence, marks removed.
fn quote_text(s: &crate::document::Sentence) -> String {
    s.attribution
        .quote_spans
        .iter()
        .filter_map(|&(x, y)| s.text.get(x..y))
        .map(|q| {
            q.trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '«' | '»' | '„' | '‘' | '’'))
        })
        .collect::<Vec<_>>()
        .join(" … ")
}

/// One report names a speaker only by role ("Volkaria's deputy foreign
/// minister") and the other names that person with that role.
fn same_by_role(named: &Attribution, by_role: &Attribution) -> bool {
    let (Some(role), Some(desc)) = (&named.role, &by_role.speaker) else {
        return false;
    };
    let role = crate::text::fold(role);
    let desc = crate::text::fold(desc);
    // Drop a possessive owner ("volkaria's") from the description.
    let desc = desc
        .split_once("'s ")
        .map_or(desc.as_str(), |(_, r)| r)
        .trim();
    !desc.is_empty() && (role == desc || role.ends_with(desc))
}

/// All direct-quote words of a member's sentences.
fn member_quotes(docs: &[Document], (d, ss): &(usize, Vec<usize>)) -> String {
    ss.iter()
        .map(|&s| quote_text(&docs[*d].sentences[s]))
        .filter(|q| !q.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Attribution differences between every pair of members.
pub fn attribution_diffs(
    docs: &[Document],
    members: &[(usize, Vec<usize>)],
) -> Vec<AttributionDiff> {
    let mut out = Vec::new();
    let sent = |(d, ss): &(usize, Vec<usize>)| &docs[*d].sentences[member_attr(docs, *d, ss)];
    for (i, x) in members.iter().enumerate() {
        for y in &members[i + 1..] {
            let (sx, sy) = (sent(x), sent(y));
            let (ax, ay) = (&sx.attribution, &sy.attribution);
            let pair = vec![docs[x.0].label.clone(), docs[y.0].label.clone()];
            let mut push = |kind, values: Vec<String>, diff: Vec<DiffSpan>| {
                out.push(AttributionDiff {
                    kind,
                    members: pair.clone(),
                    values,
                    diff,
                });
            };
            if (ax.cue == Cue::None) != (ay.cue == Cue::None) {
                push(
                    AttributionDiffKind::AttributionDropped,
                    vec![describe(ax), describe(ay)],
                    Vec::new(),
                );
                continue;
            }
            if ax.cue == Cue::None {
                continue;
            }
            if ax.anonymous != ay.anonymous {
                push(
                    AttributionDiffKind::NamedVsAnonymous,
                    vec![describe(ax), describe(ay)],
                    Vec::new(),
                );
            } else if let (Some(kx), Some(ky)) = (&ax.speaker_key, &ay.speaker_key)
                && kx != ky
                && !ax.anonymous
                && !same_by_role(ax, ay)
                && !same_by_role(ay, ax)
            {
                push(
                    AttributionDiffKind::DifferentSpeaker,
                    vec![
                        ax.speaker.clone().unwrap_or_default(),
                        ay.speaker.clone().unwrap_or_default(),
                    ],
                    Vec::new(),
                );
            }
            if let (Some(tx), Some(ty)) = (ax.stance, ay.stance)
                && tx != ty
            {
                let v = |a: &Attribution, t: crate::attribution::Stance| {
                    format!(
                        "{} ({})",
                        a.verb.clone().unwrap_or_default(),
                        serde_json::to_value(t)
                            .ok()
                            .and_then(|v| v.as_str().map(String::from))
                            .unwrap_or_default()
                    )
                };
                push(
                    AttributionDiffKind::StanceChanged,
                    vec![v(ax, tx), v(ay, ty)],
                    Vec::new(),
                );
            }
            if (ax.cue == Cue::Direct) != (ay.cue == Cue::Direct) {
                push(
                    AttributionDiffKind::QuoteVsParaphrase,
                    vec![describe(ax), describe(ay)],
                    Vec::new(),
                );
            } else if ax.cue == Cue::Direct && ax.speaker_key == ay.speaker_key {
                let (qx, qy) = (member_quotes(docs, x), member_quotes(docs, y));
                if !qx.is_empty() && !qy.is_empty() && wording_of(&qx, &qy) == Wording::Changed {
                    push(
                        AttributionDiffKind::QuoteAltered,
                        vec![qx.clone(), qy.clone()],
                        word_diff(&qx, &qy),
                    );
                }
            }
        }
    }
    out
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

/// The significance of a difference, from what changed. `pairs` are the
/// (reference, other) texts compared.
pub fn significance_of(
    claim_missing: bool,
    wording: Wording,
    pairs: &[(&str, &str)],
    attribution_changed: bool,
    numbers_conflict: bool,
) -> Option<Significance> {
    if claim_missing {
        return Some(Significance::Claim);
    }
    if attribution_changed {
        return Some(Significance::Attribution);
    }
    match wording {
        Wording::Identical => None,
        Wording::Trivial => Some(Significance::Typography),
        Wording::Changed => {
            let facts = numbers_conflict || pairs.iter().any(|(a, b)| fact_changed(a, b));
            Some(if facts {
                Significance::Facts
            } else {
                Significance::Wording
            })
        }
    }
}

/// Whether a number, name or date of one text is missing from the other: a
/// word starting with a digit, or a capitalised word that is not a function
/// word, whose folded form the other text does not have.
pub fn fact_changed(a: &str, b: &str) -> bool {
    use std::collections::HashSet;
    use unicode_segmentation::UnicodeSegmentation;
    let folded = |s: &str| -> HashSet<String> { s.unicode_words().map(text::fold).collect() };
    let (fa, fb) = (folded(a), folded(b));
    let missing = |s: &str, other: &HashSet<String>| {
        s.unicode_words().any(|w| {
            let first = w.chars().next();
            let f = text::fold(w);
            let factual = first.is_some_and(|c| c.is_ascii_digit())
                || (first.is_some_and(char::is_uppercase)
                    && !text::is_stop(&f)
                    && !text::is_reporting(&f));
            factual && !other.contains(&f)
        })
    };
    missing(a, &fb) || missing(b, &fa)
}

/// Compare wording: identical text, typography only, or changed words.
pub fn wording_of(a: &str, b: &str) -> Wording {
    if a == b {
        return Wording::Identical;
    }
    let words = |s: &str| -> Vec<String> {
        use unicode_segmentation::UnicodeSegmentation;
        s.unicode_words().map(text::fold).collect()
    };
    if words(a) == words(b) {
        Wording::Trivial
    } else {
        Wording::Changed
    }
}

/// Word-level diff of `old` to `new`; whitespace follows each token.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let ta = diff_tokens(old);
    let tb = diff_tokens(new);
    let mut out: Vec<DiffSpan> = Vec::new();
    let mut push = |op: DiffOp, mut s: String| {
        if s.is_empty() {
            return;
        }
        // Keep words apart in the display: "talks" + deleted "with" reads
        // "talks with", not "talkswith".
        if op != DiffOp::Equal
            && out
                .last()
                .is_some_and(|l| !l.text.ends_with(char::is_whitespace) && l.op == DiffOp::Equal)
            && s.starts_with(char::is_alphanumeric)
        {
            s.insert(0, ' ');
        }
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&s),
            _ => out.push(DiffSpan { op, text: s }),
        }
    };
    let join = |ts: &[text::Token<'_>]| -> String {
        ts.iter()
            .map(|t| format!("{}{}", t.text, t.space))
            .collect()
    };
    if ta.len() > MAX_DIFF_TOKENS || tb.len() > MAX_DIFF_TOKENS {
        push(DiffOp::Delete, join(&ta));
        push(DiffOp::Insert, join(&tb));
        return out;
    }
    let ka: Vec<&str> = ta.iter().map(|t| t.text).collect();
    let kb: Vec<&str> = tb.iter().map(|t| t.text).collect();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(DiffOp::Equal, join(&tb[rb])),
            DiffTag::Delete => push(DiffOp::Delete, join(&ta[ra])),
            DiffTag::Insert => push(DiffOp::Insert, join(&tb[rb])),
            DiffTag::Replace => {
                push(DiffOp::Delete, join(&ta[ra]));
                push(DiffOp::Insert, join(&tb[rb]));
            }
        }
    }
    out
}

/// Numbers that some members state and others contradict: only members that
/// state numbers at all are compared, and a conflict needs at least two such
/// members whose number sets differ.
/// Numbers, dates and names that members state differently.
pub fn conflicts(docs: &[Document], members: &[(usize, Vec<usize>)]) -> Vec<Conflict> {
    let mut out = Vec::new();
    if members.len() < 2 {
        return out;
    }
    out.extend(value_conflicts(
        "number",
        docs,
        members,
        |s| s.features.numbers.clone(),
        |a, b| a == b,
    ));
    out.extend(value_conflicts(
        "date",
        docs,
        members,
        date_words,
        |a, b| a == b,
    ));
    out.extend(value_conflicts(
        "name", docs, members, name_words, same_name,
    ));
    out
}

/// Weekday and month words of a sentence, folded.
fn date_words(s: &crate::document::Sentence) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut v: Vec<String> = Vec::new();
    for w in s.clean.unicode_words() {
        let f = text::fold(w);
        if text::is_time_word(&f)
            && !matches!(
                f.as_str(),
                "today" | "tonight" | "yesterday" | "tomorrow" | "may" | "march"
            )
            && !v.contains(&f)
        {
            v.push(f);
        }
    }
    v
}

/// Capitalised words after the first word of a sentence (so, names), not
/// function words, reporting words, dates or dateline words.
fn name_words(s: &crate::document::Sentence) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let body = &s.clean[crate::document::dateline_len(&s.clean)..];
    let mut v: Vec<String> = Vec::new();
    for (i, w) in body.unicode_words().enumerate() {
        let f = text::fold(w);
        let f = f.trim_end_matches("'s").to_string();
        if i > 0
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() > 1
            && !text::is_stop(&f)
            && !text::is_reporting(&f)
            && !text::is_time_word(&f)
            && !v.contains(&f)
        {
            v.push(f);
        }
    }
    v
}

/// Two spellings of one name ("sergei" / "sergey"): at most one edit apart
/// for short names, two for long ones, same first letter.
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.first() != y.first() || x.len().abs_diff(y.len()) > 2 {
        return false;
    }
    let max = if x.len().min(y.len()) >= 9 { 2 } else { 1 };
    // Levenshtein distance, two rows; names are short.
    let mut prev: Vec<usize> = (0..=y.len()).collect();
    for i in 1..=x.len() {
        let mut cur = vec![i; y.len() + 1];
        for j in 1..=y.len() {
            let sub = prev[j - 1] + usize::from(x[i - 1] != y[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[y.len()] <= max
}

/// Values of one kind that members state differently. Only members that
/// state such values are compared; extra detail in one member is not a
/// conflict: at least two members must each have a value the others lack.
fn value_conflicts(
    kind: &str,
    docs: &[Document],
    members: &[(usize, Vec<usize>)],
    extract: impl Fn(&crate::document::Sentence) -> Vec<String>,
    same: impl Fn(&str, &str) -> bool,
) -> Vec<Conflict> {
    use std::collections::HashSet;
    use unicode_segmentation::UnicodeSegmentation;
    let with_values: Vec<(usize, &Vec<usize>, Vec<String>)> = members
        .iter()
        .map(|(d, ss)| {
            let mut v: Vec<String> = Vec::new();
            for &s in ss {
                for x in extract(&docs[*d].sentences[s]) {
                    if !v.contains(&x) {
                        v.push(x);
                    }
                }
            }
            (*d, ss, v)
        })
        .filter(|(_, _, v)| !v.is_empty())
        .collect();
    if with_values.len() < 2 {
        return Vec::new();
    }
    // The folded words of each member, needed only when values exist.
    let vals: Vec<(usize, Vec<String>, HashSet<String>)> = with_values
        .into_iter()
        .map(|(d, ss, v)| {
            let mut words: HashSet<String> = HashSet::new();
            if kind != "number" {
                for &s in ss {
                    words.extend(docs[d].sentences[s].clean.unicode_words().map(text::fold));
                }
            }
            (d, v, words)
        })
        .collect();
    // x of member i is missing from member j when j neither states it nor
    // (for words) uses the word at all.
    let missing = |x: &String, j: usize| {
        let (_, w, words) = &vals[j];
        !(w.iter().any(|y| same(x, y)) || (kind != "number" && words.contains(x)))
    };
    // Two members conflict when each has a value the other lacks; extra
    // detail on one side only is not a conflict.
    let mut flagged: Vec<Vec<String>> = vec![Vec::new(); vals.len()];
    for i in 0..vals.len() {
        for j in i + 1..vals.len() {
            let i_only: Vec<&String> = vals[i].1.iter().filter(|x| missing(x, j)).collect();
            let j_only: Vec<&String> = vals[j].1.iter().filter(|x| missing(x, i)).collect();
            if !i_only.is_empty() && !j_only.is_empty() {
                for x in i_only {
                    if !flagged[i].contains(x) {
                        flagged[i].push(x.clone());
                    }
                }
                for x in j_only {
                    if !flagged[j].contains(x) {
                        flagged[j].push(x.clone());
                    }
                }
            }
        }
    }
    if flagged.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let values: Vec<ConflictValue> = vals
        .iter()
        .zip(flagged)
        .map(|((d, _, _), f)| ConflictValue {
            source: docs[*d].label.clone(),
            values: f,
        })
        .collect();
    vec![Conflict {
        kind: kind.to_string(),
        values,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_changed_number() {
        let d = word_diff("The storm killed 12 people.", "The storm killed 15 people.");
        let ops: Vec<(DiffOp, &str)> = d.iter().map(|s| (s.op, s.text.as_str())).collect();
        assert_eq!(
            ops,
            vec![
                (DiffOp::Equal, "The storm killed "),
                (DiffOp::Delete, "12 "),
                (DiffOp::Insert, "15 "),
                (DiffOp::Equal, "people."),
            ]
        );
    }

    #[test]
    fn role_only_speaker_matches_named_speaker_across_reports() {
        let a = crate::attribution::attribute(&[
            "Deputy Foreign Minister Sergei Antonov said the talks were over.",
        ]);
        let b = crate::attribution::attribute(&[
            "Volkaria's deputy foreign minister said the talks were over.",
        ]);
        assert!(same_by_role(&a[0], &b[0]));
        let c = crate::attribution::attribute(&["The finance minister said the talks were over."]);
        assert!(!same_by_role(&a[0], &c[0]));
    }

    #[test]
    fn name_spellings_are_one_name() {
        assert!(same_name("sergei", "sergey"));
        assert!(!same_name("ryabkov", "lavrov"));
        assert!(!same_name("thursday", "tuesday"));
    }

    #[test]
    fn dates_and_names_conflict() {
        use crate::ingest::Source;
        let a = Source::from_text(
            "a",
            "Deputy Foreign Minister Sergey Ryabkov said on Thursday that the talks were over.",
        );
        let b = Source::from_text(
            "b",
            "Deputy Foreign Minister Sergey Lavrov said on Friday that the talks were over.",
        );
        let r = crate::compare(&[a, b], &crate::Options::default()).expect("compares");
        let kinds: Vec<&str> = r.groups[0]
            .conflicts
            .iter()
            .map(|c| c.kind.as_str())
            .collect();
        assert_eq!(kinds, vec!["date", "name"]);
        assert_eq!(
            r.groups[0].conflicts[1].values[0].values,
            vec!["ryabkov".to_string()]
        );
    }

    #[test]
    fn punctuation_only_is_trivial() {
        assert_eq!(
            wording_of("Rain, then sun.", "Rain then sun"),
            Wording::Trivial
        );
        assert_eq!(
            wording_of("Rain then sun.", "Rain then snow."),
            Wording::Changed
        );
    }
}
