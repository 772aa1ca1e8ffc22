//! Hardening (issue 11): what an attacker or a careless user does. Each test
//! is named after the case it guards: never lose a user's file, never pass
//! control codes to the terminal, survive hostile or odd input.

use assert_cmd::Command;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

const A: &str = "A storm hit the coast on Monday. Twelve people died in the floods.\n";
const B: &str = "A storm hit the coast on Tuesday. Ten people died in the floods.\n";

fn bin() -> Command {
    let mut c = Command::cargo_bin("storydiff").expect("binary");
    c.env_remove("NO_COLOR");
    c
}

fn bin_path() -> String {
    assert_cmd::cargo::cargo_bin("storydiff")
        .display()
        .to_string()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p.display().to_string()
}

/// One field of a JSON line.
fn field(line: &str, key: &str) -> serde_json::Value {
    let v: serde_json::Value = serde_json::from_str(line.trim()).expect("json line");
    v[key].clone()
}

/// Exit code, stdout, stderr.
fn run(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Run a shell line with `$SD` set to the binary.
fn sh(line: &str, dir: &Path) -> (Option<i32>, String, String) {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(line)
        .env("SD", bin_path())
        .current_dir(dir)
        .output()
        .expect("bash");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn refusal(out: &str, input: &str) -> String {
    format!(
        "storydiff: {out}: is also the input {input}; refusing to overwrite an input with the report (choose another -o FILE)\n"
    )
}

// ---- 1. -o naming an input ----

/// `-o` naming an input (directly, via `x/../`, a hard link or a symlink) is
/// refused with exit 2 and the input is left as it was.
#[test]
fn output_naming_an_input_is_refused() {
    let d = tempfile::tempdir().expect("tmp");
    let dir = d.path();
    write(dir, "a.txt", A.as_bytes());
    write(dir, "b.txt", B.as_bytes());
    std::fs::create_dir(dir.join("x")).expect("mkdir");
    std::fs::hard_link(dir.join("a.txt"), dir.join("hard.txt")).expect("link");
    std::os::unix::fs::symlink("a.txt", dir.join("soft.txt")).expect("symlink");
    for out in ["a.txt", "./x/../a.txt", "hard.txt", "soft.txt"] {
        let (code, stdout, stderr) =
            run(bin().current_dir(dir).args(["a.txt", "b.txt", "-o", out]));
        assert_eq!(code, Some(2), "{out}");
        assert_eq!(stderr, refusal(out, "a.txt"));
        assert_eq!(stdout, "");
    }
    // A labelled input, versions and check are guarded the same way.
    let (code, _, stderr) = run(bin()
        .current_dir(dir)
        .args(["versions", "v1=a.txt", "b.txt", "-o", "a.txt"]));
    assert_eq!((code, stderr), (Some(2), refusal("a.txt", "a.txt")));
    let (code, _, stderr) =
        run(bin()
            .current_dir(dir)
            .args(["check", "a.txt", "--against", "b.txt", "-o", "b.txt"]));
    assert_eq!((code, stderr), (Some(2), refusal("b.txt", "b.txt")));
    assert_eq!(std::fs::read_to_string(dir.join("a.txt")).expect("a"), A);
    assert_eq!(std::fs::read_to_string(dir.join("b.txt")).expect("b"), B);
}

/// `segment a.txt -o a.txt` is refused too.
#[test]
fn segment_output_naming_its_input_is_refused() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    let (code, _, stderr) = run(bin()
        .current_dir(d.path())
        .args(["segment", "a.txt", "-o", "a.txt"]));
    assert_eq!((code, stderr), (Some(2), refusal("a.txt", "a.txt")));
    assert_eq!(
        std::fs::read_to_string(d.path().join("a.txt")).expect("a"),
        A
    );
}

/// `batch s.jsonl -o s.jsonl` is refused before any story runs.
#[test]
fn batch_output_naming_the_stories_file_is_refused() {
    let d = tempfile::tempdir().expect("tmp");
    let line = r#"{"id": 1, "reports": [{"text": "One two three four five."}, {"text": "One two three four six."}]}"#;
    write(d.path(), "s.jsonl", format!("{line}\n").as_bytes());
    let (code, stdout, stderr) = run(bin()
        .current_dir(d.path())
        .args(["batch", "s.jsonl", "-o", "s.jsonl"]));
    assert_eq!(
        (code, stdout, stderr),
        (Some(2), String::new(), refusal("s.jsonl", "s.jsonl"))
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join("s.jsonl")).expect("s"),
        format!("{line}\n")
    );
}

/// stdin redirected from the output file counts as that input.
#[test]
fn output_that_stdin_reads_is_refused() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let (code, _, stderr) = sh("$SD - b.txt -o a.txt < a.txt", d.path());
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "storydiff: a.txt: is also the input (stdin reads from it); refusing to overwrite an input with the report (choose another -o FILE)\n"
    );
    assert_eq!(
        std::fs::read_to_string(d.path().join("a.txt")).expect("a"),
        A
    );
}

// ---- 2. temporary file ----

/// Symlinks planted under every predictable temporary name are never
/// followed: the target they point to is untouched, the report is written,
/// and no temporary file is left behind.
#[test]
fn planted_symlink_beside_the_output_is_not_followed() {
    let d = tempfile::tempdir().expect("tmp");
    let dir = d.path();
    write(dir, "a.txt", A.as_bytes());
    write(dir, "b.txt", B.as_bytes());
    let victim = write(dir, "victim.txt", b"precious\n");
    // The old scheme's name for the next few pids.
    for pid in 1..2000 {
        let _ =
            std::os::unix::fs::symlink(&victim, dir.join(format!(".out.txt.storydiff-{pid}.tmp")));
    }
    let (code, _, stderr) = run(bin()
        .current_dir(dir)
        .args(["a.txt", "b.txt", "--format", "json", "-o", "out.txt"]));
    assert_eq!((code, stderr.as_str()), (Some(1), ""));
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "precious\n"
    );
    let out = std::fs::read_to_string(dir.join("out.txt")).expect("out");
    assert!(out.starts_with("{\n"), "{out}");
    let leftovers: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".storydiff-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// ---- 3. non-regular targets, permissions ----

/// `-o /dev/null` writes to the device; it stays a character device.
#[test]
fn output_to_dev_null_keeps_the_device() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let (code, _, stderr) =
        run(bin()
            .current_dir(d.path())
            .args(["a.txt", "b.txt", "-o", "/dev/null"]));
    assert_eq!((code, stderr.as_str()), (Some(1), ""));
    let m = std::fs::metadata("/dev/null").expect("dev null");
    assert!(m.file_type().is_char_device());
}

/// A FIFO as output is written in place (a reader gets the report) and stays
/// a FIFO.
#[test]
fn output_to_a_fifo_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let (code, stdout, stderr) = sh(
        "mkfifo pipe && { cat pipe > got.txt & } && $SD a.txt b.txt --format json -o pipe; rc=$?; wait; echo $rc",
        d.path(),
    );
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (Some(0), "1\n", "")
    );
    let m = std::fs::symlink_metadata(d.path().join("pipe")).expect("fifo");
    assert!(m.file_type().is_fifo());
    let got = std::fs::read_to_string(d.path().join("got.txt")).expect("got");
    assert!(got.contains("\"sources\""), "{got}");
}

/// Replacing a 0600 file keeps 0600; a new file gets 0666 less the umask.
#[test]
fn output_keeps_existing_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let secret = write(d.path(), "secret.txt", b"old\n");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let (code, _, _) = sh(
        "umask 022; $SD a.txt b.txt -o secret.txt; $SD a.txt b.txt -o new.txt",
        d.path(),
    );
    assert_eq!(code, Some(1));
    let mode = |p: &str| {
        std::fs::metadata(d.path().join(p))
            .expect("meta")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("secret.txt"), 0o600);
    assert_eq!(mode("new.txt"), 0o644);
    assert_ne!(std::fs::read_to_string(&secret).expect("s"), "old\n");
}

/// `-o link` where link is a symlink writes the file it names; the link stays.
#[test]
fn output_through_a_symlink_keeps_the_link() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    write(d.path(), "real.txt", b"old\n");
    std::os::unix::fs::symlink("real.txt", d.path().join("link.txt")).expect("symlink");
    let (code, _, _) = run(bin()
        .current_dir(d.path())
        .args(["a.txt", "b.txt", "--format", "json", "-o", "link.txt"]));
    assert_eq!(code, Some(1));
    let m = std::fs::symlink_metadata(d.path().join("link.txt")).expect("link");
    assert!(m.file_type().is_symlink());
    assert!(
        std::fs::read_to_string(d.path().join("real.txt"))
            .expect("real")
            .starts_with("{\n")
    );
}

// ---- 4. batch isolation ----

fn hostile_page() -> String {
    format!(
        "<html><body><p>{}Words enough to be an article are here.</p></body></html>",
        "<b><i><span>".repeat(10_000)
    )
}

fn story(id: &str, a: &str, b: &str, format: &str) -> String {
    serde_json::json!({"id": id, "reports": [
        {"label": "a", "text": a, "format": format},
        {"label": "b", "text": b, "format": format}
    ]})
    .to_string()
}

/// A hostile story (30,000 unclosed inline tags) gets an error line; the
/// stories before and after it are reported, to stdout and with `-o`.
#[test]
fn batch_hostile_story_is_isolated() {
    let d = tempfile::tempdir().expect("tmp");
    let page = hostile_page();
    let stories = [
        story("first", A, B, "text"),
        story("hostile", &page, &page, "html"),
        story("last", A, A, "text"),
    ]
    .join("\n");
    write(d.path(), "s.jsonl", stories.as_bytes());
    let expect = |text: &str| {
        let v: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(v.len(), 3, "{text}");
        assert_eq!(
            (v[0]["id"].as_str(), v[0]["ok"].as_bool()),
            (Some("first"), Some(true))
        );
        assert_eq!(
            v[1]["error"],
            "line 2: report 0 (a): HTML elements nested more than 512 deep (the limit; unclosed tags count)"
        );
        assert_eq!(
            (v[2]["id"].as_str(), v[2]["ok"].as_bool()),
            (Some("last"), Some(true))
        );
    };
    let (code, stdout, _) = run(bin().current_dir(d.path()).args(["batch", "s.jsonl"]));
    assert_eq!(code, Some(2));
    expect(&stdout);
    let (code, stdout, _) =
        run(bin()
            .current_dir(d.path())
            .args(["batch", "s.jsonl", "-o", "out.jsonl"]));
    assert_eq!((code, stdout.as_str()), (Some(2), ""));
    expect(&std::fs::read_to_string(d.path().join("out.jsonl")).expect("out"));
}

/// Each story's line is written as soon as it is done: the first answer
/// arrives while the second story has not even been sent.
#[test]
fn batch_lines_are_flushed_as_stories_finish() {
    let mut child = std::process::Command::new(bin_path())
        .args(["batch", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    writeln!(stdin, "{}", story("one", A, B, "text")).expect("send");
    stdin.flush().expect("flush");
    let mut first = String::new();
    stdout.read_line(&mut first).expect("first line");
    assert_eq!(field(&first, "id"), "one");
    writeln!(stdin, "{}", story("two", A, A, "text")).expect("send");
    drop(stdin);
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).expect("rest");
    assert_eq!(field(&rest, "id"), "two");
    assert_eq!(field(&rest, "ok"), true);
    assert_eq!(child.wait().expect("wait").code(), Some(1));
}

// ---- 5. control characters ----

const NASTY: &str = "Markets fell \x1b[2J sharply \x1b]52;c;aGVsbG8=\x07 on Monday.\x08\x08 Officials \x1b]8;;http://evil\x1b\\said\x1b]8;;\x1b\\ it was \u{9b}31m bad.\r\n";

/// Escape sequences in article text reach the terminal and Markdown views
/// only as visible escapes, in every mode; JSON keeps the text exact.
#[test]
fn control_characters_are_escaped_in_terminal_and_markdown() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", NASTY.as_bytes());
    write(d.path(), "b.txt", A.as_bytes());
    for args in [
        vec!["--color", "never"],
        vec!["--color", "always"],
        vec!["--format", "markdown"],
        vec!["--color", "never", "--only", "unique"],
    ] {
        for cmd in [vec![], vec!["versions"], vec!["check"]] {
            // check refuses --only (it has no groups to filter).
            if cmd == ["check"] && args.contains(&"--only") {
                continue;
            }
            let mut all: Vec<&str> = cmd.clone();
            if cmd == ["check"] {
                all.extend(["a.txt", "--against", "b.txt"]);
            } else {
                all.extend(["a.txt", "b.txt"]);
            }
            all.extend(args.iter());
            let (code, stdout, _) = run(bin().current_dir(d.path()).args(&all));
            assert!(code == Some(1) || code == Some(0), "{all:?}");
            for raw in ["\x1b[2J", "\x1b]", "\x07", "\x08", "\r", "\u{9b}"] {
                assert!(
                    !stdout.contains(raw),
                    "{all:?} let {raw:?} through:\n{stdout}"
                );
            }
            // Markdown also escapes the bracket: `\x1b\[2J`.
            assert!(stdout.contains("\\x1b"), "{all:?}:\n{stdout}");
        }
    }
    let (_, stdout, _) = run(bin()
        .current_dir(d.path())
        .args(["a.txt", "b.txt", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let text = v["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["members"].as_array().cloned().unwrap_or_default())
        .map(|m| m["text"].as_str().unwrap_or_default().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("\x1b[2J"), "{text}");
}

/// `&#27;` in an HTML page is decoded, then escaped like any other.
#[test]
fn control_character_entities_in_html_are_escaped() {
    let d = tempfile::tempdir().expect("tmp");
    let page = "<html><head><title>T</title></head><body><article><p>The council voted &#27;[2J on Monday to close the old bridge for repairs.</p><p>Work starts in May and lasts a year.</p></article></body></html>";
    write(d.path(), "a.html", page.as_bytes());
    write(d.path(), "b.txt", A.as_bytes());
    let (_, stdout, _) = run(bin()
        .current_dir(d.path())
        .args(["a.html", "b.txt", "--color", "never"]));
    assert!(!stdout.contains('\x1b'), "{stdout}");
    assert!(stdout.contains("\\x1b[2J"), "{stdout}");
}

/// A path with control characters is escaped in the error message.
#[test]
fn control_characters_in_paths_are_escaped_in_errors() {
    let (code, _, stderr) = run(bin().args(["no\x1b[2Jsuch.txt", "b.txt"]));
    assert_eq!(code, Some(2));
    assert_eq!(stderr, "storydiff: no\\x1b[2Jsuch.txt: no such file\n");
}

// ---- 6. hostile HTML, Markdown masking ----

/// Pages that used to take minutes or overflow the stack end at once with
/// a clear error.
#[test]
fn hostile_html_is_refused_quickly() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "b.txt", A.as_bytes());
    let body = |inner: String| format!("<html><body>{inner}</body></html>");
    let cases = [
        (
            "unclosed.html",
            body(format!("<p>{}x</p>", "<b><i><span>".repeat(10_000))),
            "HTML elements nested more than 512 deep (the limit; unclosed tags count)",
        ),
        (
            "divs.html",
            body(format!(
                "{}x{}",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            )),
            "HTML elements nested more than 512 deep (the limit; unclosed tags count)",
        ),
        (
            "attrs.html",
            body(format!(
                "<p {}>x</p>",
                (0..40_000)
                    .map(|i| format!("a{i}=\"v\""))
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
            "an HTML element has more than 1000 attributes (the limit)",
        ),
        (
            "many.html",
            body("<br>".repeat(100_001)),
            "the HTML page has more than 100000 elements (the limit)",
        ),
        (
            "attributes.html",
            body("<p a b c d e f g h i j>x</p>".repeat(30_001)),
            "the HTML page has more than 300000 attributes (the limit)",
        ),
    ];
    for (name, page, problem) in cases {
        write(d.path(), name, page.as_bytes());
        let t = Instant::now();
        let (code, _, stderr) = run(bin().current_dir(d.path()).args([name, "b.txt"]));
        assert_eq!(
            (code, stderr),
            (Some(2), format!("storydiff: {name}: {problem}\n"))
        );
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "{name}: {:?}",
            t.elapsed()
        );
    }
}

/// Deep but legal nesting (200 levels) still works.
#[test]
fn nested_html_within_limits_is_read() {
    let d = tempfile::tempdir().expect("tmp");
    let page = format!(
        "<html><body>{}<p>The council voted on Monday to close the old bridge for repairs.</p><p>Work starts in May and lasts a year.</p>{}</body></html>",
        "<div>".repeat(200),
        "</div>".repeat(200)
    );
    write(d.path(), "a.html", page.as_bytes());
    write(d.path(), "b.txt", A.as_bytes());
    let (code, _, stderr) = run(bin().current_dir(d.path()).args(["a.html", "b.txt"]));
    assert_eq!((code, stderr.as_str()), (Some(1), ""));
}

/// A 400 KB line of `[` is masked in linear time (it took 99 s).
#[test]
fn markdown_line_of_brackets_is_fast() {
    let d = tempfile::tempdir().expect("tmp");
    let mut md = "[".repeat(400_000);
    md.push_str("](x");
    md.push_str(&"[](".repeat(50_000));
    md.push_str(")\n\nThe storm hit the coast on Monday.\n");
    write(d.path(), "a.md", md.as_bytes());
    write(d.path(), "b.txt", A.as_bytes());
    let t = Instant::now();
    let (code, _, _) = run(bin().current_dir(d.path()).args(["a.md", "b.txt"]));
    assert_eq!(code, Some(1));
    assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
}

// ---- 7-8. capped readers, streamed batch ----

/// `/dev/zero` stops at the 64 MiB cap instead of filling memory.
#[test]
fn endless_device_stops_at_the_cap() {
    let (code, _, stderr) = run(bin().args(["/dev/zero", "/dev/null"]));
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "storydiff: /dev/zero: too large (the limit is 67108864 bytes)\n"
    );
}

/// A FIFO with an endless writer stops at the cap too.
#[test]
fn endless_fifo_stops_at_the_cap() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "b.txt", A.as_bytes());
    let (code, stdout, _) = sh(
        "mkfifo f && { yes 'The storm hit.' > f 2>/dev/null & } && $SD f b.txt 2>err.txt; echo $?; cat err.txt",
        d.path(),
    );
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout,
        "2\nstorydiff: f: too large (the limit is 67108864 bytes)\n"
    );
}

/// `batch -` caps each line: a 70 MB line is an error line, the next story runs.
#[test]
fn batch_stdin_line_over_the_cap_is_an_error_line() {
    let mut input = vec![b' '; 70 * 1024 * 1024];
    input[0] = b'x';
    input.push(b'\n');
    input.extend_from_slice(story("after", A, A, "text").as_bytes());
    let (code, stdout, _) = run(bin().args(["batch", "-"]).write_stdin(input));
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(
        lines[0],
        r#"{"error":"line 1: longer than 67108864 bytes (the limit for one story)","id":null,"ok":false}"#
    );
    assert_eq!(field(lines[1], "id"), "after");
    assert_eq!(field(lines[1], "ok"), true);
}

/// A stories file over 64 MiB is streamed, not refused whole.
#[test]
fn batch_file_over_64_mib_is_streamed() {
    let d = tempfile::tempdir().expect("tmp");
    let blank = " ".repeat(33 * 1024 * 1024);
    let text = format!("{blank}\n{blank}\n{}\n", story("s", A, B, "text"));
    write(d.path(), "big.jsonl", text.as_bytes());
    let (code, stdout, stderr) = run(bin().current_dir(d.path()).args(["batch", "big.jsonl"]));
    assert_eq!((code, stderr.as_str()), (Some(1), ""));
    assert_eq!(field(&stdout, "id"), "s");
    assert_eq!(field(&stdout, "ok"), true);
}

// ---- 9. options ----

/// `--fetch-timeout` NaN, negative, zero or huge is a usage error, not a panic.
#[test]
fn fetch_timeout_nan_negative_huge_is_refused() {
    for v in ["NaN", "-1", "0", "inf", "1e300"] {
        let arg = format!("--fetch-timeout={v}");
        let (code, _, stderr) = run(bin().args(["a.txt", "b.txt", arg.as_str()]));
        assert_eq!(code, Some(2), "{v}");
        assert!(
            stderr.contains(&format!(
                "'{v}' is not a number of seconds above 0 and at most 86400"
            )),
            "{v}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// A 65,536-character label is refused with a message, not a panic.
#[test]
fn huge_label_is_refused() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let label = "x".repeat(65_536);
    let (code, _, stderr) = run(bin()
        .current_dir(d.path())
        .args(["a.txt", "b.txt", "--label", &label]));
    assert_eq!(
        (code, stderr),
        (
            Some(2),
            "storydiff: label of 65536 characters (the limit is 256)\n".to_string()
        )
    );
}

/// A file stem of 250 characters makes a shortened default label, no panic.
#[test]
fn long_file_name_makes_a_short_label() {
    let d = tempfile::tempdir().expect("tmp");
    let name = format!("{}.txt", "n".repeat(250));
    write(d.path(), &name, A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let (code, stdout, _) =
        run(bin()
            .current_dir(d.path())
            .args([name.as_str(), "b.txt", "--format", "json"]));
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["sources"][0]["label"], format!("{}…", "n".repeat(79)));
}

// ---- 10. encodings ----

/// A latin-1 page (meta charset, invalid as UTF-8) is decoded by its charset.
#[test]
fn latin1_page_is_decoded_by_its_meta_charset() {
    let d = tempfile::tempdir().expect("tmp");
    let mut page = b"<html><head><meta charset=\"iso-8859-1\"><title>T</title></head><body><article><p>Le caf\xe9 de la gare a ferm\xe9 lundi apr\xe8s trente ans.</p><p>Les employ\xe9s ont \xe9t\xe9 reclass\xe9s.</p></article></body></html>".to_vec();
    page.push(b'\n');
    write(d.path(), "a.html", &page);
    write(
        d.path(),
        "b.txt",
        "Le café de la gare a fermé lundi après trente ans.\n\nLes employés ont été reclassés.\n"
            .as_bytes(),
    );
    let (code, stdout, stderr) = run(bin()
        .current_dir(d.path())
        .args(["a.html", "b.txt", "--format", "json"]));
    assert_eq!(stderr, "");
    assert!(!stdout.contains('\u{fffd}'), "{stdout}");
    assert!(stdout.contains("Le café de la gare a fermé lundi après trente ans."));
    assert_eq!(code, Some(0), "{stdout}");
}

/// A page fetched with `Content-Type: …; charset=iso-8859-1` is decoded by it.
#[test]
fn latin1_page_is_decoded_by_the_http_charset() {
    let body: &[u8] = b"<html><head><title>T</title></head><body><article><p>Le caf\xe9 de la gare a ferm\xe9 lundi apr\xe8s trente ans.</p><p>Les employ\xe9s ont \xe9t\xe9 reclass\xe9s.</p></article></body></html>";
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/page", l.local_addr().expect("addr"));
    std::thread::spawn(move || {
        if let Some(Ok(mut s)) = l.incoming().next() {
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(body);
        }
    });
    let d = tempfile::tempdir().expect("tmp");
    write(
        d.path(),
        "b.txt",
        "Le café de la gare a fermé lundi après trente ans.\n\nLes employés ont été reclassés.\n"
            .as_bytes(),
    );
    let (code, stdout, stderr) =
        run(bin()
            .current_dir(d.path())
            .args([url.as_str(), "b.txt", "--format", "json"]));
    assert_eq!(stderr, "");
    assert!(!stdout.contains('\u{fffd}'), "{stdout}");
    assert_eq!(code, Some(0));
}

/// A UTF-8 byte-order mark does not make identical files differ.
#[test]
fn utf8_bom_is_stripped() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", format!("\u{feff}{A}").as_bytes());
    write(d.path(), "b.txt", A.as_bytes());
    let (code, _, stderr) = run(bin().current_dir(d.path()).args(["a.txt", "b.txt"]));
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

/// A file of only a BOM, Markdown of only rules, or only a code fence is empty.
#[test]
fn bom_only_and_markup_only_files_are_empty() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "b.txt", A.as_bytes());
    for (name, bytes) in [
        ("bom.txt", "\u{feff}".as_bytes()),
        ("rules.md", b"---\n\n***\n\n___\n".as_slice()),
        ("fence.md", b"```\nlet x = 1;\n```\n".as_slice()),
    ] {
        write(d.path(), name, bytes);
        let (code, _, stderr) = run(bin().current_dir(d.path()).args([name, "b.txt"]));
        assert_eq!(
            (code, stderr),
            (
                Some(2),
                format!(
                    "storydiff: {name}: empty (no text to compare; --skip-empty skips such inputs)\n"
                )
            )
        );
    }
}

// ---- 11. labels ----

/// The same path twice gets distinct labels by itself (`a`, `a#2`).
#[test]
fn same_path_twice_gets_distinct_labels() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    let (code, stdout, stderr) = run(bin()
        .current_dir(d.path())
        .args(["versions", "a.txt", "a.txt", "--format", "json"]));
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let labels: Vec<&str> = v["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .filter_map(|x| x["label"].as_str())
        .collect();
    assert_eq!(labels, ["a", "a#2"]);
}

/// Two files with one stem in different folders are labelled folder/stem.
#[test]
fn same_stem_in_two_folders_gets_folder_labels() {
    let d = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(d.path().join("ap")).expect("mkdir");
    std::fs::create_dir(d.path().join("afp")).expect("mkdir");
    write(d.path(), "ap/story.txt", A.as_bytes());
    write(d.path(), "afp/story.txt", B.as_bytes());
    let (code, stdout, _) = run(bin().current_dir(d.path()).args([
        "ap/story.txt",
        "afp/story.txt",
        "--format",
        "json",
    ]));
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["sources"][0]["label"], "ap/story");
    assert_eq!(v["sources"][1]["label"], "afp/story");
}

/// Two URLs of one host are labelled host + path; the same URL twice gets a
/// counter.
#[test]
fn urls_of_one_host_get_distinct_labels() {
    let page = "<html><head><title>T</title></head><body><article><p>The council voted on Monday to close the old bridge for repairs.</p><p>Work starts in May and lasts a year.</p></article></body></html>";
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let host = l.local_addr().expect("addr").to_string();
    std::thread::spawn(move || {
        for mut s in l.incoming().take(4).flatten() {
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    let u1 = format!("http://{host}/news/one");
    let u2 = format!("http://{host}/news/two/");
    let (code, stdout, stderr) = run(bin().args([u1.as_str(), u2.as_str(), "--format", "json"]));
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["sources"][0]["label"], format!("{host}/news/one"));
    assert_eq!(v["sources"][1]["label"], format!("{host}/news/two"));
    let (code, stdout, _) =
        run(bin().args(["versions", u1.as_str(), u1.as_str(), "--format", "json"]));
    assert_eq!(code, Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v["versions"][0]["label"], host);
    assert_eq!(v["versions"][1]["label"], format!("{host}#2"));
}

/// Explicit duplicate labels stay an error; empty labels and labels with a
/// newline are refused.
#[test]
fn explicit_duplicate_empty_and_newline_labels_are_refused() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let cases: [(&[&str], &str); 4] = [
        (
            &["x=a.txt", "x=b.txt"],
            "storydiff: duplicate label 'x' (a.txt and b.txt); name them with --label or NAME=path\n",
        ),
        (
            &["a.txt", "b.txt", "--label", ""],
            "storydiff: empty label (a label needs at least one visible character)\n",
        ),
        (
            &["a.txt", "b.txt", "--label", "  "],
            "storydiff: empty label (a label needs at least one visible character)\n",
        ),
        (
            &["a.txt", "b.txt", "--label", "two\nlines"],
            "storydiff: label 'two\\nlines' holds a line break or control character\n",
        ),
    ];
    for (args, err) in cases {
        let (code, _, stderr) = run(bin().current_dir(d.path()).args(args));
        assert_eq!((code, stderr.as_str()), (Some(2), err), "{args:?}");
    }
}

// ---- 12. stdout ----

/// A closed stdout (`>&-`) is an error, exit 2; `>/dev/null` is fine.
#[test]
fn closed_stdout_exits_2() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let (code, _, stderr) = sh("$SD a.txt b.txt >&-", d.path());
    assert_eq!(
        (code, stderr.as_str()),
        (
            Some(2),
            "storydiff: stdout: closed, the report would be lost (redirect it, or write to a file with -o FILE)\n"
        )
    );
    let (code, _, stderr) = sh("$SD a.txt b.txt > /dev/null", d.path());
    assert_eq!((code, stderr.as_str()), (Some(1), ""));
}

/// A reader that stops early (`| head`) is not an error: exit 0, silent.
#[test]
fn broken_pipe_exits_0_silently() {
    let d = tempfile::tempdir().expect("tmp");
    let long: String = (0..3000)
        .map(|i| format!("Sentence number {i} says something new. "))
        .collect();
    write(d.path(), "a.txt", long.as_bytes());
    write(d.path(), "b.txt", B.as_bytes());
    let (code, stdout, stderr) = sh(
        "$SD a.txt b.txt --color never | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}",
        d.path(),
    );
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (Some(0), "0\n", "")
    );
}

// ---- 13. batch paths ----

/// Relative `path` fields are relative to the stories file's folder, not
/// the current folder.
#[test]
fn batch_paths_resolve_against_the_stories_file() {
    let d = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(d.path().join("job")).expect("mkdir");
    write(d.path(), "job/a.txt", A.as_bytes());
    write(d.path(), "job/b.txt", B.as_bytes());
    let line = r#"{"id": "s", "reports": [{"path": "a.txt"}, {"path": "b.txt"}]}"#;
    write(d.path(), "job/s.jsonl", format!("{line}\n").as_bytes());
    let (code, stdout, _) = run(bin().current_dir(d.path()).args(["batch", "job/s.jsonl"]));
    assert_eq!(code, Some(1), "{stdout}");
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("json");
    assert_eq!(v["report"]["sources"][0]["label"], "a");
    assert_eq!(v["report"]["sources"][0]["path"], "job/a.txt");
}

/// `--no-local-paths` refuses `path` fields (untrusted stories).
#[test]
fn batch_no_local_paths_refuses_paths() {
    let d = tempfile::tempdir().expect("tmp");
    write(d.path(), "a.txt", A.as_bytes());
    let line = r#"{"id": "s", "reports": [{"path": "/etc/passwd"}, {"text": "One two three four five."}]}"#;
    write(d.path(), "s.jsonl", format!("{line}\n").as_bytes());
    let (code, stdout, _) =
        run(bin()
            .current_dir(d.path())
            .args(["batch", "s.jsonl", "--no-local-paths"]));
    assert_eq!(code, Some(2));
    assert_eq!(
        stdout,
        "{\"error\":\"line 1: report 0: \\\"path\\\" is not allowed here (--no-local-paths); give \\\"url\\\" or \\\"text\\\"\",\"id\":\"s\",\"ok\":false}\n"
    );
}

// ---- library helpers ----

/// With colour, only the painter's own styles survive; every other escape
/// sequence (screen clear, hidden text) is shown, not run.
#[test]
fn escape_controls_keeps_only_painter_styles() {
    use storydiff::render::escape_controls;
    let s = "a\x1b[1mb\x1b[0m \x1b[2J \x1b[8mhidden \x1b[1;33mwarn\x07\u{9b}\tok\n";
    assert_eq!(
        escape_controls(s, true),
        "a\x1b[1mb\x1b[0m \\x1b[2J \\x1b[8mhidden \x1b[1;33mwarn\\x07\\u{9b}\tok\n"
    );
    assert_eq!(
        escape_controls(s, false),
        "a\\x1b[1mb\\x1b[0m \\x1b[2J \\x1b[8mhidden \\x1b[1;33mwarn\\x07\\u{9b}\tok\n"
    );
}

/// Default labels: unique stems stay, colliding ones take folder/stem or
/// host + path, then a counter; explicit labels are never taken.
#[test]
fn default_labels_are_made_distinct() {
    use storydiff::ingest::distinct_labels;
    let got = distinct_labels(&[
        ("ap/story.txt", None),
        ("afp/story.txt", None),
        ("a.txt", None),
        ("a.txt", None),
        ("a.md", Some("a")),
        ("https://www.example.org/news/1", None),
        ("https://example.org/news/2?x=1", None),
        ("notes.txt", None),
    ]);
    assert_eq!(
        got,
        [
            "ap/story",
            "afp/story",
            "a#2",
            "a#3",
            "a",
            "example.org/news/1",
            "example.org/news/2",
            "notes"
        ]
    );
}

/// A file of many reports pasted together is read in parts of
/// `DISCOURSE_SPAN` sentences (attribution's look-ups across a report stay
/// linear in the file's length); sentences past the first part are still
/// attributed, to their own speakers.
#[test]
fn many_reports_pasted_into_one_file_are_attributed_past_the_first_part() {
    use std::fmt::Write;
    let mut text = String::new();
    for i in 0..150 {
        let _ = write!(
            text,
            "Officials at Firm{i} said on Monday that output rose {i} percent. \
             \"We are pleased,\" said Dana Firm{i}. Analyst Kim Lee{i} told reporters the rise was expected. \
             Shares rose. Police said nothing. Mr. Lee{i} said he agreed. They left. \
             Output was up. Sales were down. Costs were flat.\n\n"
        );
    }
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    assert!(sentences.len() > storydiff::attribution::DISCOURSE_SPAN);
    let out = storydiff::attribution::attribute(&sentences);
    assert_eq!(out.len(), sentences.len());
    let last_quote = sentences
        .iter()
        .rposition(|s| s.contains("said Dana Firm149"))
        .expect("the last report's quote");
    assert!(last_quote > storydiff::attribution::DISCOURSE_SPAN);
    assert_eq!(out[last_quote].speaker.as_deref(), Some("Dana Firm149"));
}
