//! The command line as a user meets it: exit codes, errors, labels, colour,
//! `segment`, output files.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::PathBuf;

fn bin() -> Command {
    let mut c = Command::cargo_bin("storydiff").expect("binary");
    c.env_remove("NO_COLOR");
    c
}

fn fixture(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(p)
        .display()
        .to_string()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("write");
    p.display().to_string()
}

/// Identical reports: exit 0, like diff.
#[test]
fn identical_reports_exit_0() {
    let d = tempfile::tempdir().expect("tmp");
    let a = write(&d, "a.txt", b"The storm killed 12 people. Schools closed.");
    let b = write(
        &d,
        "b.txt",
        b"The storm killed 12 people.\n\nSchools closed.\n",
    );
    bin()
        .args([&a, &b])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "groups: 2 — 2 shared by all, 0 by some, 0 unique; 0 with changed wording",
        ));
}

/// Different reports: exit 1.
#[test]
fn differing_reports_exit_1() {
    bin()
        .args([fixture("storm/wire.txt"), fixture("storm/daily.txt")])
        .assert()
        .code(1);
}

/// Missing file: one line naming it, exit 2.
#[test]
fn missing_file_is_named_and_exits_2() {
    bin()
        .args(["no/such/file.txt", &fixture("storm/wire.txt")])
        .assert()
        .code(2)
        .stdout("")
        .stderr("storydiff: no/such/file.txt: no such file\n");
}

/// A directory is not a report.
#[test]
fn directory_is_refused() {
    let dir = fixture("storm");
    bin()
        .args([&dir, &fixture("storm/wire.txt")])
        .assert()
        .code(2)
        .stderr(format!("storydiff: {dir}: is a directory, not a file\n"));
}

/// Empty and whitespace-only files fail unless --skip-empty.
#[test]
fn empty_file_fails_unless_skipped() {
    let d = tempfile::tempdir().expect("tmp");
    let e = write(&d, "empty.txt", b"  \n\t\n");
    let a = fixture("storm/wire.txt");
    let b = fixture("storm/daily.txt");
    bin().args([&e, &a, &b]).assert().code(2).stderr(format!(
        "storydiff: {e}: empty (no text to compare; --skip-empty skips such inputs)\n"
    ));
    bin()
        .args([&e, &a, &b, "--skip-empty"])
        .assert()
        .code(1)
        .stderr(format!("storydiff: warning: {e}: empty, skipped\n"));
}

/// Binary data and invalid UTF-8 are refused with the reason.
#[test]
fn binary_and_invalid_utf8_are_refused() {
    let d = tempfile::tempdir().expect("tmp");
    let bin_file = write(&d, "x.bin", b"PK\x03\x04\x00\x00binary");
    let latin1 = write(&d, "latin1.txt", b"caf\xe9 au lait");
    let a = fixture("storm/wire.txt");
    bin().args([&bin_file, &a]).assert().code(2).stderr(format!(
        "storydiff: {bin_file}: binary data (NUL bytes), not text\n"
    ));
    bin().args([&latin1, &a]).assert().code(2).stderr(format!(
        "storydiff: {latin1}: not valid UTF-8 (invalid byte at offset 3)\n"
    ));
}

/// One source is not a comparison.
#[test]
fn single_source_is_an_error() {
    bin()
        .arg(fixture("storm/wire.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "storydiff: need at least 2 reports to compare, got 1",
        ));
}

/// Two inputs with one stem get folder/stem labels; explicit duplicate
/// labels are refused.
#[test]
fn duplicate_labels_are_refused() {
    let a = fixture("storm/wire.txt");
    let b = fixture("arms-talks/wire.txt");
    bin()
        .args([&a, &b, "--format", "json"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("\"label\": \"storm/wire\"")
                .and(predicate::str::contains("\"label\": \"arms-talks/wire\"")),
        );
    bin()
        .args([format!("x={a}"), format!("x={b}")])
        .assert()
        .code(2)
        .stderr(format!(
            "storydiff: duplicate label 'x' ({a} and {b}); name them with --label or NAME=path\n"
        ));
    bin()
        .args([format!("storm={a}"), format!("talks={b}")])
        .assert()
        .code(1);
    bin()
        .args([&a, &b, "--label", "s", "--label", "t", "--format", "json"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("\"label\": \"s\"")
                .and(predicate::str::contains("\"label\": \"t\"")),
        );
}

/// stdin is read with `-` and labelled `stdin`.
#[test]
fn stdin_is_a_source() {
    let text = std::fs::read_to_string(fixture("storm/daily.txt")).expect("fixture");
    bin()
        .args([&fixture("storm/wire.txt"), "-", "--format", "json"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"label\": \"stdin\""));
}

/// No colour into pipes, colour when forced, NO_COLOR wins under auto.
#[test]
fn colour_follows_flag_tty_and_no_color() {
    let a = fixture("storm/wire.txt");
    let b = fixture("storm/daily.txt");
    let plain = bin().args([&a, &b]).output().expect("runs");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    assert!(
        String::from_utf8_lossy(&plain.stdout).contains("[-kills 12 in northern-] {+batters+}")
    );
    let forced = bin()
        .args([&a, &b, "--color", "always"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&forced.stdout).contains('\x1b'));
    let no_color = bin()
        .env("NO_COLOR", "1")
        .args([&a, &b, "--color", "auto"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&no_color.stdout).contains('\x1b'));
}

/// `--only unique` shows only the claims found in one source.
#[test]
fn only_unique_lists_unique_claims() {
    let out = bin()
        .args([
            &fixture("storm/wire.txt"),
            &fixture("storm/daily.txt"),
            &fixture("storm/broadcaster.txt"),
            "--only",
            "unique",
        ])
        .output()
        .expect("runs");
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("+ only in daily (1 claim)\n  [5] The government has promised emergency funds for rebuilding."));
    assert!(!s.contains("~ group"));
}

/// `segment` prints the sentences with their byte spans.
#[test]
fn segment_prints_spans() {
    let d = tempfile::tempdir().expect("tmp");
    let f = write(
        &d,
        "s.txt",
        "At 5 a.m. Mr. Smith left.  “Why?” she asked. He did not say.".as_bytes(),
    );
    bin()
        .args(["segment", &f])
        .assert()
        .code(0)
        .stdout("0\t0..25\tAt 5 a.m. Mr. Smith left.\n1\t27..48\t“Why?” she asked.\n2\t49..64\tHe did not say.\n");
    let out = bin()
        .args(["segment", &f, "--format", "json"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["sentences"][1]["start"], 27);
    assert_eq!(v["sentences"][1]["end"], 48);
    assert_eq!(v["sentences"][1]["text"], "“Why?” she asked.");
}

/// `--output` writes the file whole and leaves no temporary file behind.
#[test]
fn output_file_is_written_atomically() {
    let d = tempfile::tempdir().expect("tmp");
    let out = d.path().join("report.json");
    bin()
        .args([
            &fixture("storm/wire.txt"),
            &fixture("storm/daily.txt"),
            "--format",
            "json",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("json");
    assert_eq!(v["version"], 1);
    let names: Vec<String> = std::fs::read_dir(d.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["report.json".to_string()]);
}

/// Inputs are never modified.
#[test]
fn inputs_are_left_untouched() {
    let d = tempfile::tempdir().expect("tmp");
    let a = write(&d, "a.txt", b"One claim here. Another one.");
    let b = write(&d, "b.txt", b"One claim here.");
    bin().args([&a, &b]).assert().code(1);
    assert_eq!(
        std::fs::read(&a).expect("a"),
        b"One claim here. Another one."
    );
    assert_eq!(std::fs::read(&b).expect("b"), b"One claim here.");
}

/// Markdown input: markup never reaches the sentences.
#[test]
fn markdown_markup_is_not_compared() {
    let d = tempfile::tempdir().expect("tmp");
    let a = write(
        &d,
        "a.md",
        b"# Storm\n\n- The storm killed **12** people, [officials](http://x.test) said.\n",
    );
    let b = write(
        &d,
        "b.txt",
        b"Storm\n\nThe storm killed 12 people, officials said.\n",
    );
    bin().args([&a, &b]).assert().code(0);
}

/// A pathological "sentence" (1 MB without a stop) finishes and reports.
#[test]
fn huge_sentence_is_handled() {
    let d = tempfile::tempdir().expect("tmp");
    let big = "word ".repeat(200_000);
    let a = write(&d, "a.txt", big.as_bytes());
    let b = write(&d, "b.txt", b"word word word.");
    bin().args([&a, &b, "--format", "json"]).assert().code(1);
}

/// Pathological inputs stay linear: a "sentence" of 30,000 distinct words,
/// 50,000 titles without a stop, apostrophes everywhere, unbalanced quotes.
/// (A quadratic step would make this test take minutes.)
#[test]
fn pathological_sentences_finish() {
    let d = tempfile::tempdir().expect("tmp");
    let inputs = [
        (
            "distinct.txt",
            (0..60_000)
                .map(|i| format!("w{i}"))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        ("titles.txt", "Mr. ".repeat(50_000)),
        ("apostrophes.txt", "'a ".repeat(25_000)),
        ("quotes.txt", "\"a ".repeat(25_000)),
    ];
    let b = fixture("storm/wire.txt");
    for (name, text) in inputs {
        let a = write(&d, name, text.as_bytes());
        bin().args([&a, &b, "--format", "json"]).assert().code(1);
        bin().args(["segment", &a]).assert().code(0);
    }
}
