//! `storydiff versions`: every change of every step, as `expected.json` says.

mod common;

use common::run;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/warehouse-fire/");

fn v(n: u8) -> String {
    format!("{DIR}v{n}.txt")
}

/// Each step's changes (kind, old ids, new ids, significance) are exact.
#[test]
fn four_versions_changes_match_expected() {
    let (code, out, _) = run(&["versions", &v(1), &v(2), &v(3), &v(4), "--format", "json"]);
    assert_eq!(code, Some(1));
    let r: Value = serde_json::from_str(&out).expect("json");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{DIR}expected.json")).expect("expected"),
    )
    .expect("json");
    for (k, want) in expected["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .enumerate()
    {
        let got: Vec<Value> = r["steps"][k]["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .filter(|c| c["kind"] != "unchanged")
            .map(|c| serde_json::json!([c["kind"], c["old"], c["new"], c["significance"]]))
            .collect();
        assert_eq!(&Value::Array(got), want, "step {k}");
    }
    // The claim of the firefighters: first seen in v1, edited in v2.
    let claim = r["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("About 60"))
        })
        .expect("claim");
    let events: Vec<(&str, &str)> = claim["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            (
                e["version"].as_str().expect("v"),
                e["kind"].as_str().expect("k"),
            )
        })
        .collect();
    assert_eq!(events, vec![("v1", "unchanged"), ("v2", "edited")]);
}

/// The terminal view shows the churn, the diff and the timeline.
#[test]
fn terminal_view_shows_steps_and_timeline() {
    let (_, out, _) = run(&["versions", &v(1), &v(2), &v(3), &v(4)]);
    assert!(out.contains(
        "step v1 → v2: 0 added, 0 removed, 2 edited, 1 moved, 0 split, 0 merged, 2 unchanged"
    ));
    assert!(out.contains(
        "~ [3]→[2] (edited, facts) About [-60-] {+80+} firefighters fought the blaze for six hours."
    ));
    assert!(out.contains("! verb say → claim"));
    assert!(out.contains(
        "claim 4 “The cause of the fire is not yet known.”: v1: first seen · v3: removed"
    ));
}

/// A comma is not worth an alert: with --min-significance wording the
/// comma-only step is hidden, and a step with nothing above it exits 0.
#[test]
fn min_significance_hides_minor_changes_and_sets_exit_code() {
    let d = tempfile::tempdir().expect("tmp");
    let a = d.path().join("a.txt");
    let b = d.path().join("b.txt");
    std::fs::write(&a, "The fire started on Sunday. No one was hurt.").expect("write");
    std::fs::write(&b, "The fire started, on Sunday. No one was hurt.").expect("write");
    let (a, b) = (a.display().to_string(), b.display().to_string());
    assert_eq!(run(&["versions", &a, &b]).0, Some(1));
    let (code, out, _) = run(&["versions", &a, &b, "--min-significance", "wording"]);
    assert_eq!(code, Some(0));
    assert!(!out.contains("(edited, typography)"));
    let (code, _, _) = run(&[
        "versions",
        &v(1),
        &v(2),
        "--min-significance",
        "attribution",
    ]);
    assert_eq!(code, Some(0));
    let (code, _, _) = run(&[
        "versions",
        &v(3),
        &v(4),
        "--min-significance",
        "attribution",
    ]);
    assert_eq!(code, Some(1));
}

/// Identical versions exit 0; a single version is an error.
#[test]
fn identical_versions_exit_0_and_one_version_is_an_error() {
    let d = tempfile::tempdir().expect("tmp");
    let copy = d.path().join("again.txt");
    std::fs::copy(v(1), &copy).expect("copy");
    assert_eq!(
        run(&["versions", &v(1), &copy.display().to_string()]).0,
        Some(0)
    );
    let (code, out, err) = run(&["versions", &v(1)]);
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert!(
        err.starts_with("storydiff: need at least 2 versions to compare, got 1"),
        "{err}"
    );
}

/// --sort time needs times in the metadata and says which input lacks one.
#[test]
fn sort_by_time_needs_metadata() {
    let (code, _, err) = run(&["versions", &v(1), &v(2), "--sort", "time"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        format!(
            "storydiff: {}: no publication or modification time in its metadata (needed by --sort time)\n",
            v(1)
        )
    );
}
