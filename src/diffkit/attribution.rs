//! Attribution differences between the members of a group: who, stance,
//! quote vs paraphrase, attributed vs stated as fact.

use super::{word_diff, wording_of};
use crate::attribution::{Attribution, Cue};
use crate::document::Document;
use crate::report::*;

/// The sentence of a member whose attribution stands for the member: the
/// first attributed one, else the first.
pub(crate) fn member_attr(docs: &[Document], d: usize, ss: &[usize]) -> usize {
    ss.iter()
        .copied()
        .find(|&s| docs[d].sentences[s].attribution.cue != Cue::None)
        .or_else(|| ss.first().copied())
        .unwrap_or(0)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
