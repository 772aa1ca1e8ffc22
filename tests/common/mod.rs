//! Helpers shared by the integration tests.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Run the binary; exit code, stdout and stderr as text.
pub fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("storydiff")
        .expect("bin")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fixture story: its folder, its `expected.json`, and its source files in
/// the order `expected.json` lists them.
pub fn story(name: &str) -> (PathBuf, Value, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json"),
    )
    .expect("valid JSON");
    let files = expected["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| {
            dir.join(format!("{}.txt", s.as_str().expect("label")))
                .display()
                .to_string()
        })
        .collect();
    (dir, expected, files)
}

/// Compare a fixture story: exit code, expected.json and the JSON report.
pub fn compare_story(name: &str) -> (Option<i32>, Value, Value) {
    let (_, expected, files) = story(name);
    let mut args = files;
    args.extend(["--format".to_string(), "json".to_string()]);
    let (code, out, _) = run(&args);
    (
        code,
        expected,
        serde_json::from_str(&out).expect("JSON report"),
    )
}
