//! Every fixture story aligns exactly as its `expected.json` says.

mod common;

use serde_json::Value;
use std::collections::BTreeMap;

type GroupKey = BTreeMap<String, Vec<u64>>;
type Values = BTreeMap<String, Vec<String>>;

fn key(v: &Value) -> GroupKey {
    v.as_object()
        .map(|o| {
            o.iter()
                .map(|(k, ids)| {
                    let ids = ids
                        .as_array()
                        .map(|a| a.iter().filter_map(Value::as_u64).collect())
                        .unwrap_or_default();
                    (k.clone(), ids)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A report group's members as source → sentence ids.
fn members_of(g: &Value) -> GroupKey {
    g["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| {
            let ids = m["sentences"]
                .as_array()
                .expect("ids")
                .iter()
                .filter_map(Value::as_u64)
                .collect();
            (m["source"].as_str().expect("source").to_string(), ids)
        })
        .collect()
}

/// A JSON array of strings.
fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array of strings")
        .iter()
        .filter_map(|x| x.as_str().map(String::from))
        .collect()
}

fn run_story(name: &str) {
    let (code, expected, report) = common::compare_story(name);
    assert_eq!(code, Some(1), "stories differ, so exit 1");
    let groups = report["groups"].as_array().expect("groups");
    let mut got: Vec<GroupKey> = groups.iter().map(members_of).collect();
    let mut want: Vec<GroupKey> = expected["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(key)
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "groups of {name}");

    // Conflicts: the group they sit in, the slot compared and each source's
    // contradicted values.
    let mut got_conflicts: Vec<(GroupKey, String, Values)> = Vec::new();
    for g in groups {
        for c in g["conflicts"].as_array().expect("conflicts") {
            let values: Values = c["values"]
                .as_array()
                .expect("values")
                .iter()
                .map(|v| {
                    (
                        v["source"].as_str().expect("source").to_string(),
                        strings(&v["values"]),
                    )
                })
                .collect();
            let slot = c["slot"].as_str().expect("slot").to_string();
            got_conflicts.push((members_of(g), slot, values));
        }
    }
    let mut want_conflicts: Vec<(GroupKey, String, Values)> = expected["conflicts"]
        .as_array()
        .expect("conflicts")
        .iter()
        .map(|c| {
            let values: Values = c["values"]
                .as_object()
                .expect("values")
                .iter()
                .map(|(k, v)| (k.clone(), strings(v)))
                .collect();
            let slot = c["slot"].as_str().expect("slot").to_string();
            (key(&c["group"]), slot, values)
        })
        .collect();
    got_conflicts.sort();
    want_conflicts.sort();
    assert_eq!(got_conflicts, want_conflicts, "conflicts of {name}");

    // Attribution differences, where the story lists them: group, kind, the
    // members in order (reference first) and what each says.
    if let Some(want) = expected["attribution_diffs"].as_array() {
        let mut got: Vec<(GroupKey, String, Vec<String>, Vec<String>)> = Vec::new();
        for g in groups {
            for d in g["attribution_diffs"]
                .as_array()
                .expect("attribution_diffs")
            {
                got.push((
                    members_of(g),
                    d["kind"].as_str().expect("kind").to_string(),
                    strings(&d["members"]),
                    strings(&d["values"]),
                ));
            }
        }
        let mut want: Vec<(GroupKey, String, Vec<String>, Vec<String>)> = want
            .iter()
            .map(|d| {
                (
                    key(&d["group"]),
                    d["kind"].as_str().expect("kind").to_string(),
                    strings(&d["members"]),
                    strings(&d["values"]),
                )
            })
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "attribution differences of {name}");
    }
    // Related edges (when the story lists them): symmetric pairs of groups.
    if let Some(want) = expected["related"].as_array() {
        let mut got: Vec<(GroupKey, GroupKey)> = Vec::new();
        for g in groups {
            for r in g["related"].as_array().expect("related") {
                let other = r["group"].as_u64().expect("group id") as usize;
                let back = groups[other]["related"]
                    .as_array()
                    .expect("related")
                    .iter()
                    .any(|x| x["group"] == g["id"]);
                assert!(back, "related edges of {name} are symmetric");
                let (x, y) = (members_of(g), members_of(&groups[other]));
                if x < y {
                    got.push((x, y));
                }
            }
        }
        let mut want: Vec<(GroupKey, GroupKey)> = want
            .iter()
            .map(|p| {
                let (x, y) = (key(&p[0]), key(&p[1]));
                if x < y { (x, y) } else { (y, x) }
            })
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "related groups of {name}");
    }
    // Unique claims (when the story lists them).
    if let Some(want) = expected["unique"].as_array() {
        let mut got: Vec<GroupKey> = groups
            .iter()
            .filter(|g| g["kind"] == "unique")
            .map(members_of)
            .collect();
        let mut want: Vec<GroupKey> = want.iter().map(key).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "unique claims of {name}");
    }
}

/// Each case of issue 10: slots that conflict (bills, pages, people killed,
/// weekday, month-day, number words, the speaker of one quote) and the ones
/// that must not (F.B.I./FBI, William/Bill, hedged and rounded values, a sum
/// or an age against a year, a reworded quote); attribution dropped and
/// added in their direction.
#[test]
fn findings_story_flags_only_real_conflicts() {
    run_story("findings");
}

/// Four sources, reordering, a merge, paraphrase, 40 vs 38 ships.
#[test]
fn port_strike_groups_match_expected() {
    run_story("port-strike");
}

/// Death toll 12 vs 15, a split, paraphrase.
#[test]
fn storm_groups_match_expected() {
    run_story("storm");
}

/// Quotes, paraphrase, names spelled two ways.
#[test]
fn arms_talks_groups_match_expected() {
    run_story("arms-talks");
}

/// Two number conflicts; last year's recall stays apart.
#[test]
fn recall_groups_match_expected() {
    run_story("recall");
}

/// A quote cut differently in each report groups as one two-sentence run.
#[test]
fn budget_groups_match_expected() {
    run_story("budget");
}

/// Three adjacent sentences merged into one in the other report form one group.
#[test]
fn bridge_merge_of_three_sentences_groups_as_one_run() {
    run_story("bridge-merge");
}

/// One long lead split into four sentences in the other report forms one group.
#[test]
fn tram_split_into_four_sentences_groups_as_one_run() {
    run_story("tram-split");
}

/// A sentence that shares part of a claim is related, not unique.
#[test]
fn refinery_partial_overlap_is_a_related_group_not_a_unique_claim() {
    run_story("refinery-partial");
}
