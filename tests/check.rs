//! `storydiff check`: the findings written beside the check fixture, the
//! summary line, and `--fail-on`.

mod common;
use assert_cmd::Command;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/check/");

fn run(extra: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec![
        "check".to_string(),
        format!("{DIR}draft.txt"),
        "--against".to_string(),
        format!("{DIR}ap.txt"),
        format!("{DIR}reuters.txt"),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    common::run(&args)
}

/// One unsupported claim, a said←claimed drift, a dropped attribution and a
/// changed number: exactly those, on exactly those sentences, ranked by
/// significance.
#[test]
fn draft_findings_match_expected() {
    let (code, out, _) = run(&["--format", "json"]);
    assert_eq!(code, Some(1));
    let r: Value = serde_json::from_str(&out).expect("json");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}expected.json")).expect("e"))
            .expect("json");
    let mut got = Vec::new();
    for c in r["claims"].as_array().expect("claims") {
        for f in c["findings"].as_array().expect("findings") {
            let mut o = serde_json::json!({"sentences": c["sentences"], "kind": f["kind"], "significance": f["significance"]});
            if !f["drift"].is_null() {
                o["drift"] = f["drift"].clone();
            }
            if !f["conflict"].is_null() {
                o["conflict"] = f["conflict"].clone();
                o["slot"] = f["slot"].clone();
                o["values"] = f["values"].clone();
            }
            if f["drift"] == "stance_changed" {
                o["values"] = f["values"].clone();
            }
            got.push(o);
        }
    }
    assert_eq!(Value::Array(got), expected["findings"]);
    let s = &r["summary"];
    let line = format!(
        "{} claims: {} supported, {} partly supported, {} unsupported, {} drifted, {} conflicts",
        s["claims"],
        s["supported"],
        s["partly_supported"],
        s["unsupported"],
        s["drifted"],
        s["conflicts"]
    );
    assert_eq!(line, expected["summary"].as_str().expect("summary"));
}

/// A Markdown draft: front matter and headings are not claims and the
/// heading does not run into the lead; a claim that adds an unsourced fact
/// to a sourced one is partly supported, with the words no source carries.
#[test]
fn markdown_draft_partly_supported_and_headings_skipped() {
    let args: Vec<String> = vec![
        "check".into(),
        format!("{DIR}draft.md"),
        "--against".into(),
        format!("{DIR}ap.txt"),
        format!("{DIR}reuters.txt"),
        "--format".into(),
        "json".into(),
    ];
    let (code, out, _) = common::run(&args);
    assert_eq!(code, Some(1));
    let r: Value = serde_json::from_str(&out).expect("json");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}expected.json")).expect("e"))
            .expect("json");
    let want = &expected["markdown_draft"];
    let s = &r["summary"];
    assert_eq!(
        format!(
            "{} claims: {} supported, {} partly supported, {} unsupported, {} drifted, {} conflicts",
            s["claims"],
            s["supported"],
            s["partly_supported"],
            s["unsupported"],
            s["drifted"],
            s["conflicts"]
        ),
        want["summary"].as_str().expect("summary")
    );
    let texts: Vec<&str> = r["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect();
    assert!(
        texts
            .iter()
            .all(|t| !t.contains("Vessen tram draft") && !t.contains("Next steps"))
    );
    assert!(texts.contains(&"The Vessen city council on Monday approved a 14-kilometre tram line linking the airport with the city centre."));
    let partial = &r["claims"][0];
    assert_eq!(partial["verdict"], "partly_supported");
    assert_eq!(partial["sentences"], want["partly_supported"]["sentences"]);
    assert_eq!(
        partial["findings"][0]["source"],
        want["partly_supported"]["source"]
    );
    assert_eq!(
        partial["findings"][0]["values"],
        want["partly_supported"]["missing"]
    );
}

/// --min-significance applies to check: below the level, findings leave the
/// view and the exit code.
#[test]
fn min_significance_applies_to_check() {
    let (code, out, _) = run(&["--min-significance", "claim", "--fail-on", "conflict,drift"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("✗ [5] unsupported"));
    assert!(!out.contains("conflict vs"));
    assert!(!out.contains("✓"));
    assert_eq!(
        run(&["--min-significance", "facts", "--fail-on", "conflict"]).0,
        Some(1)
    );
}

/// The terminal view leads with the summary line, then the findings, most
/// significant first, each conflict with its slot.
#[test]
fn terminal_summary_line() {
    let (_, out, _) = run(&[]);
    assert!(out.starts_with("check draft against ap, reuters: 6 claims: 5 supported, 0 partly supported, 1 unsupported, 2 drifted, 1 conflicts\n\n✗ [5] unsupported: no source carries this claim\n"));
    assert!(out.contains("! [1] number conflict vs ap: tram: 14-kilometre vs 16-kilometre"));
}

/// --fail-on picks which findings give exit 1.
#[test]
fn fail_on_selects_findings() {
    assert_eq!(run(&["--fail-on", "unsupported"]).0, Some(1));
    assert_eq!(run(&["--fail-on", "conflict,drift"]).0, Some(1));
    // The sources checked against themselves: everything supported.
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .args([
            "check",
            &format!("{DIR}ap.txt"),
            "--against",
            &format!("{DIR}reuters.txt"),
        ])
        .args(["--fail-on", "unsupported"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A draft needs a source; errors are one line with exit 2.
#[test]
fn check_needs_sources() {
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .args(["check", &format!("{DIR}draft.txt")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .args([
            "check",
            &format!("{DIR}draft.txt"),
            "--against",
            "missing.txt",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "storydiff: missing.txt: no such file\n"
    );
}

/// A claim in no group whose group the aligner relates to a source's
/// (refinery-partial: north 2, the evacuation, inside coast 1) is partly
/// supported by that source sentence when their sentence vectors are close
/// enough, and unsupported when neither the vectors nor the edge's score
/// are enough (issue 10).
#[test]
fn related_group_partly_supports_a_claim_when_sentence_vectors_agree() {
    use storydiff::check::{Tuning, Verdict, check_with};
    use storydiff::ingest::Source;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/refinery-partial/");
    let read = |n: &str| std::fs::read_to_string(format!("{dir}{n}.txt")).expect("fixture");
    let north = Source::from_text("north", read("north"));
    let coast = Source::from_text("coast", read("coast"));
    let verdict_of_north_2 = |t: &Tuning| {
        let r = check_with(
            &north,
            std::slice::from_ref(&coast),
            &storydiff::Options::default(),
            t,
        )
        .expect("check");
        let c = r
            .claims
            .into_iter()
            .find(|c| c.sentences == vec![2])
            .expect("north 2 is a claim");
        let cited: Vec<(String, Vec<usize>)> = c
            .support
            .iter()
            .map(|s| (s.source.clone(), s.sentences.clone()))
            .collect();
        (c.verdict, cited)
    };
    let near = Tuning {
        similar: 0.0,
        ..Tuning::default()
    };
    assert_eq!(
        verdict_of_north_2(&near),
        (
            Verdict::PartlySupported,
            vec![("coast".to_string(), vec![1])]
        )
    );
    let far = Tuning {
        similar: 1.01,
        related: 1.01,
        ..Tuning::default()
    };
    assert_eq!(verdict_of_north_2(&far), (Verdict::Unsupported, vec![]));
}

/// A closing quote mark left alone as a sentence states nothing: it is not
/// a claim (ECB+ drafts had four such "unsupported" claims).
#[test]
fn punctuation_alone_is_not_a_claim() {
    use storydiff::ingest::Source;
    let draft = Source::from_text(
        "draft",
        "The bridge will reopen on Monday, officials said.\n\n”\n\nThe bridge closed in May after a crack was found.",
    );
    let source = Source::from_text(
        "wire",
        "Officials said the bridge will reopen on Monday.\n\nA crack closed the bridge in May.",
    );
    let r =
        storydiff::check::check(&draft, &[source], &storydiff::Options::default()).expect("check");
    let texts: Vec<&str> = r.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(r.claims.len(), 2, "{texts:?}");
    assert!(texts.iter().all(|t| t.chars().any(char::is_alphanumeric)));
}
