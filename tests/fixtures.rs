//! Every fixture story aligns exactly as its `expected.json` says.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

type GroupKey = BTreeMap<String, Vec<u64>>;

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

fn run_story(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json"),
    )
    .expect("valid JSON");
    let sources: Vec<String> = expected["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| {
            dir.join(format!("{}.txt", s.as_str().expect("label")))
                .display()
                .to_string()
        })
        .collect();
    let out = Command::cargo_bin("storydiff")
        .expect("binary")
        .args(&sources)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "stories differ, so exit 1");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let mut got: Vec<GroupKey> = report["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
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
        })
        .collect();
    let mut want: Vec<GroupKey> = expected["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(key)
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "groups of {name}");

    let mut got_conflicts: Vec<(GroupKey, GroupKey)> = Vec::new();
    for g in report["groups"].as_array().expect("groups") {
        for c in g["conflicts"].as_array().expect("conflicts") {
            let members: GroupKey = g["members"]
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
                .collect();
            let values: BTreeMap<String, Vec<String>> = c["values"]
                .as_array()
                .expect("values")
                .iter()
                .map(|v| {
                    let vals = v["values"]
                        .as_array()
                        .expect("vals")
                        .iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect();
                    (v["source"].as_str().expect("source").to_string(), vals)
                })
                .collect();
            let values: GroupKey = values
                .into_iter()
                .map(|(k, v)| (k, v.iter().map(|x| x.len() as u64).collect()))
                .collect();
            got_conflicts.push((members, values));
        }
    }
    let mut want_conflicts: Vec<(GroupKey, GroupKey)> = expected["conflicts"]
        .as_array()
        .expect("conflicts")
        .iter()
        .map(|c| {
            let values: GroupKey = c["values"]
                .as_object()
                .expect("values")
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_array()
                            .expect("vals")
                            .iter()
                            .filter_map(|x| x.as_str())
                            .map(|x| x.len() as u64)
                            .collect(),
                    )
                })
                .collect();
            (key(&c["group"]), values)
        })
        .collect();
    got_conflicts.sort();
    want_conflicts.sort();
    assert_eq!(got_conflicts, want_conflicts, "number conflicts of {name}");
    // The conflicting values themselves, as text.
    let text = String::from_utf8_lossy(&out.stdout);
    for c in expected["conflicts"].as_array().expect("conflicts") {
        for (_, vals) in c["values"].as_object().expect("values") {
            for v in vals.as_array().expect("vals") {
                assert!(text.contains(&format!("\"{}\"", v.as_str().expect("value"))));
            }
        }
    }
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
