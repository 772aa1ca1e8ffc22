//! One path from options to views (issue 12): the format from `-o`'s
//! extension, wrapping, paging, options that do not apply are refused,
//! completions and the man page.

mod common;
use common::run;
use std::path::Path;

fn port_strike() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/port-strike");
    ["ap", "reuters", "afp", "local"]
        .iter()
        .map(|s| dir.join(format!("{s}.txt")).display().to_string())
        .collect()
}

fn with(mut args: Vec<String>, more: &[&str]) -> Vec<String> {
    args.extend(more.iter().map(|s| s.to_string()));
    args
}

// `-o report.html` writes HTML, `.md` Markdown, `.json` JSON; --format wins.
#[test]
fn output_extension_picks_the_format_unless_format_is_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, start) in [
        ("r.html", "<!DOCTYPE html>"),
        ("r.HTM", "<!DOCTYPE html>"),
        ("r.md", "# storydiff"),
        ("r.json", "{"),
        ("r.txt", "~ group 0"),
    ] {
        let out = dir.path().join(name);
        let (code, _, err) = run(&with(port_strike(), &["-o", &out.display().to_string()]));
        assert_eq!(code, Some(1), "{name}: {err}");
        let body = std::fs::read_to_string(&out).expect("written");
        assert!(
            body.starts_with(start),
            "{name}: {}",
            &body[..40.min(body.len())]
        );
    }
    let out = dir.path().join("forced.html");
    let (code, _, _) = run(&with(
        port_strike(),
        &["--format", "json", "-o", &out.display().to_string()],
    ));
    assert_eq!(code, Some(1));
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .starts_with('{')
    );
}

// --width 80: no line over 80 columns, continuation lines keep the indent.
#[test]
fn terminal_view_fits_80_columns_with_a_hanging_indent() {
    let (code, out, err) = run(&with(port_strike(), &["--width", "80", "--color", "never"]));
    assert_eq!(code, Some(1), "{err}");
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "over 80: {line:?}");
    }
    // The AP lead (long) continues under its text, after "[1] ".
    let lines: Vec<&str> = out.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("  ap      [1] HALVARD (AP)"))
        .expect("ap lead");
    assert!(
        lines[i + 1].starts_with(&" ".repeat(14)),
        "{:?}",
        lines[i + 1]
    );
    assert!(!lines[i + 1][14..].starts_with(' '), "{:?}", lines[i + 1]);
}

// Not a terminal (a pipe, as here): no wrapping, no pager, even with --paging always.
#[test]
fn no_pager_and_no_wrapping_when_stdout_is_not_a_terminal() {
    let out = assert_cmd::Command::cargo_bin("storydiff")
        .expect("bin")
        .args(port_strike())
        .args(["--paging", "always"])
        .env("PAGER", "echo PAGED")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("PAGED"));
    assert!(text.lines().any(|l| l.chars().count() > 100), "not wrapped");
    assert_eq!(out.status.code(), Some(1));
}

// On a terminal (a pseudo-terminal made by `script`), --paging always runs $PAGER.
#[test]
fn pager_runs_on_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("script(1) is not installed; pager check done by hand only");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("storydiff");
    let dir = tempfile::tempdir().expect("tempdir");
    let paged = dir.path().join("paged.txt");
    let cmd = format!(
        "{} {} --paging always --color never",
        bin.display(),
        port_strike().join(" ")
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("PAGER", format!("cat > {}", paged.display()))
        .output()
        .expect("script runs");
    let body = std::fs::read_to_string(&paged).expect("the pager received the report");
    assert!(body.contains("summary"), "{body}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("summary"));
}

// segment has no Markdown or HTML view: refused with exit 2, not tab-separated text.
#[test]
fn segment_refuses_markdown_and_html() {
    let f = &port_strike()[0];
    for fmt in ["markdown", "html"] {
        let (code, out, err) = run(&["segment", f, "--format", fmt]);
        assert_eq!(code, Some(2));
        assert!(out.is_empty());
        assert_eq!(
            err,
            "storydiff: segment prints sentences as tab-separated text (--format terminal) or JSON (--format json); markdown and html are not available\n"
        );
    }
}

// check --only is refused (it did nothing); batch refuses --label, --only and --explain.
#[test]
fn options_that_do_not_apply_are_refused() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check");
    let d = |f: &str| dir.join(f).display().to_string();
    let (code, _, err) = run(&[
        "check",
        &d("draft.txt"),
        "--against",
        &d("ap.txt"),
        &d("reuters.txt"),
        "--only",
        "unique",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("storydiff: --only applies to comparing reports"),
        "{err}"
    );
    for flag in [
        &["--label", "x"][..],
        &["--only", "changed"],
        &["--explain"],
    ] {
        let mut args = vec!["batch", "-"];
        args.extend_from_slice(flag);
        let (code, _, err) = run(&args);
        assert_eq!(code, Some(2), "{flag:?}");
        assert!(err.contains("does not apply"), "{flag:?}: {err}");
    }
}

// The usage line of check, when followed, works.
#[test]
fn check_usage_line_is_followable() {
    let (_, out, _) = run(&["check", "--help"]);
    assert!(
        out.contains("Usage: storydiff check [OPTIONS] <DRAFT> --against <SOURCE>..."),
        "{out}"
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check");
    let d = |f: &str| dir.join(f).display().to_string();
    let (code, _, err) = run(&[
        "check",
        &d("draft.txt"),
        "--against",
        &d("ap.txt"),
        &d("reuters.txt"),
    ]);
    assert_eq!(code, Some(1), "{err}");
}

// Shell completions and the man page are generated from the clap definitions.
#[test]
fn completions_and_man_page_generate() {
    let (code, out, _) = run(&["completions", "bash"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("_storydiff()") && out.contains("--min-significance"));
    let (code, out, _) = run(&["completions", "zsh"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("#compdef storydiff"));
    let (code, out, _) = run(&["man"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains(".TH storydiff 1"),
        "{}",
        &out[..200.min(out.len())]
    );
    assert!(out.contains("versions"));
}
