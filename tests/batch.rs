//! `storydiff batch`: one story a line in, one report a line out, failures
//! reported per story without stopping the others.

use assert_cmd::Command;
use serde_json::Value;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/");

fn stories() -> String {
    format!(
        concat!(
            "{{\"id\": \"storm\", \"reports\": [{{\"path\": \"{f}storm/wire.txt\"}}, {{\"path\": \"{f}storm/daily.txt\"}}]}}\n",
            "\n",
            "{{\"id\": \"bad\", \"reports\": [{{\"path\": \"no/such.txt\"}}, {{\"path\": \"{f}storm/daily.txt\"}}]}}\n",
            "not json\n",
            "{{\"id\": 7, \"mode\": \"versions\", \"reports\": [{{\"label\": \"v1\", \"text\": \"The fire started on Sunday.\"}}, {{\"label\": \"v2\", \"text\": \"The fire started on Monday.\"}}]}}\n"
        ),
        f = FIX
    )
}

fn lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

/// Every story gets its line, in order; a failed story does not stop the rest.
#[test]
fn batch_reports_each_story() {
    let d = tempfile::tempdir().expect("tmp");
    let f = d.path().join("stories.jsonl");
    std::fs::write(&f, stories()).expect("write");
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .arg("batch")
        .arg(&f)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "a failed story makes exit 2");
    let v = lines(&out.stdout);
    assert_eq!(v.len(), 4);
    assert_eq!(
        (
            v[0]["id"].as_str(),
            v[0]["ok"].as_bool(),
            v[0]["differences"].as_bool()
        ),
        (Some("storm"), Some(true), Some(true))
    );
    assert_eq!(v[0]["report"]["summary"]["shared_by_all"], 5);
    // A relative path is relative to the stories file's folder.
    assert_eq!(
        v[1]["error"],
        format!("line 3: {}/no/such.txt: no such file", d.path().display())
    );
    assert!(
        v[2]["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("line 4: not a story:"))
    );
    assert_eq!(v[3]["id"], 7);
    assert_eq!(v[3]["report"]["mode"], "versions");
    assert_eq!(
        v[3]["report"]["steps"][0]["changes"][0]["significance"],
        "facts"
    );
}

/// Stories come from stdin with `-`, and all-identical stories exit 0.
#[test]
fn batch_reads_stdin() {
    let input = "{\"id\": \"same\", \"reports\": [{\"text\": \"Rain fell.\"}, {\"text\": \"Rain fell.\"}]}\n";
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .args(["batch", "-"])
        .write_stdin(input)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v = lines(&out.stdout);
    assert_eq!(v[0]["differences"], false);
}

/// With --output the file is written whole, at the end.
#[test]
fn batch_output_file() {
    let d = tempfile::tempdir().expect("tmp");
    let f = d.path().join("s.jsonl");
    std::fs::write(&f, stories()).expect("write");
    let o = d.path().join("out.jsonl");
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .arg("batch")
        .arg(&f)
        .arg("-o")
        .arg(&o)
        .output()
        .expect("runs");
    assert_eq!(out.stdout, b"");
    assert_eq!(lines(&std::fs::read(&o).expect("written")).len(), 4);
}

/// `"mode": "check"` reviews the first report against the others, as the
/// `check` command does (issue 12: batch rejected it).
#[test]
fn batch_runs_check_mode() {
    let input = format!(
        concat!(
            "{{\"id\": \"review\", \"mode\": \"check\", \"reports\": [{{\"path\": \"{f}check/draft.txt\"}}, {{\"path\": \"{f}check/ap.txt\"}}, {{\"path\": \"{f}check/reuters.txt\"}}]}}\n",
            "{{\"id\": \"alone\", \"mode\": \"check\", \"reports\": [{{\"label\": \"d\", \"text\": \"A storm hit.\"}}]}}\n"
        ),
        f = FIX
    );
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .args(["batch", "-"])
        .write_stdin(input)
        .output()
        .expect("runs");
    let got = lines(&out.stdout);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["ok"], true, "{}", got[0]);
    assert_eq!(got[0]["differences"], true);
    assert_eq!(got[0]["report"]["draft"], "draft");
    assert!(
        got[0]["report"]["claims"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
    assert_eq!(got[1]["ok"], false);
    assert_eq!(
        got[1]["error"],
        "line 2: mode check needs a draft and at least one source"
    );
    assert_eq!(out.status.code(), Some(2));
}
