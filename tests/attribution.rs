//! Attribution of every fixture sentence matches `attribution.json`, and the
//! differences flagged per group are the ones an editor would flag.

mod common;

use assert_cmd::Command;
use serde_json::Value;

fn report(story: &str) -> Value {
    common::compare_story(story).2
}

fn check_story(story: &str) {
    let r = report(story);
    let (dir, _, _) = common::story(story);
    let want: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("attribution.json")).expect("attribution.json"),
    )
    .expect("json");
    for s in r["sources"].as_array().expect("sources") {
        let label = s["label"].as_str().expect("label");
        let got: Vec<(String, Value)> = s["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|x| {
                (
                    x["attribution"]["cue"].as_str().expect("cue").to_string(),
                    x["attribution"]["speaker"].clone(),
                )
            })
            .collect();
        let exp: Vec<(String, Value)> = want[label]
            .as_array()
            .expect("labelled source")
            .iter()
            .map(|x| (x[0].as_str().expect("cue").to_string(), x[1].clone()))
            .collect();
        assert_eq!(got, exp, "attribution of {story}/{label}");
    }
}

#[test]
fn arms_talks_attribution_matches_labels() {
    check_story("arms-talks");
}
#[test]
fn storm_attribution_matches_labels() {
    check_story("storm");
}
#[test]
fn port_strike_attribution_matches_labels() {
    check_story("port-strike");
}
#[test]
fn recall_attribution_matches_labels() {
    check_story("recall");
}
#[test]
fn budget_attribution_matches_labels() {
    check_story("budget");
}

fn diff_kinds(r: &Value, source: &str, id: u64) -> Vec<String> {
    let g = r["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| {
            g["members"]
                .as_array()
                .expect("members")
                .iter()
                .any(|m| m["source"] == source && m["sentences"][0] == id)
        })
        .expect("group");
    g["attribution_diffs"]
        .as_array()
        .expect("diffs")
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["kind"].as_str().expect("kind"),
                d["members"]
                    .as_array()
                    .expect("m")
                    .iter()
                    .map(|m| m.as_str().expect("s"))
                    .collect::<Vec<_>>()
                    .join("/")
            )
        })
        .collect()
}

/// Gazette drops Antonov's attribution of the suspension and paraphrases his
/// quote with "claimed"; daily quotes him with other words, which is a
/// wording difference (the word diff shows it), not an attribution one.
#[test]
fn arms_talks_flags_drift_between_reports() {
    let r = report("arms-talks");
    assert_eq!(
        diff_kinds(&r, "wire", 1),
        vec![
            "attribution_dropped wire/gazette",
            "attribution_dropped daily/gazette"
        ]
    );
    assert_eq!(
        diff_kinds(&r, "wire", 2),
        vec![
            "stance_changed wire/gazette",
            "quote_vs_paraphrase wire/gazette",
            "stance_changed daily/gazette",
            "quote_vs_paraphrase daily/gazette"
        ]
    );
    // Both sides of the missile-limits claim are anonymous: no difference.
    assert_eq!(diff_kinds(&r, "wire", 5), Vec::<String>::new());
}

/// The mayor's two-sentence quote is reworded in the herald under the same
/// attribution: only the word diff shows it. "admitted" became "said".
#[test]
fn budget_reworded_quote_is_wording_and_stance_changes() {
    let r = report("budget");
    assert_eq!(diff_kinds(&r, "city", 1), Vec::<String>::new());
    assert_eq!(
        diff_kinds(&r, "city", 3),
        vec!["stance_changed city/herald"]
    );
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .args([
            concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/budget/city.txt"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/budget/herald.txt"),
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("quote altered"));
    assert!(text.contains("The city cannot spend [-money-] {+what+} it does not have"));
    assert!(text.contains("[Lena Ortiz · say · direct]"));
}
