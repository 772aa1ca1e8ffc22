//! The Markdown reports render cleanly: pasted where GitHub renders Markdown,
//! no emphasis marker is left over as literal text (issue 12).

mod common;
use common::{run, story};
use pulldown_cmark::{Event, Options, Parser};

/// The text a GFM renderer shows (inline HTML such as `<del>` is markup, not text).
fn rendered_text(md: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::new();
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::End(_) | Event::SoftBreak | Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn assert_no_literal_markers(what: &str, md: &str) {
    let text = rendered_text(md);
    for marker in ["**", "~~", "<del>", "<ins>", "</del>", "</ins>"] {
        assert!(
            !text.contains(marker),
            "{what}: literal {marker:?} in the rendered Markdown:\n{}",
            text.lines()
                .filter(|l| l.contains(marker))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

// Every compare fixture's Markdown report renders without leftover `**`/`~~`.
#[test]
fn markdown_of_every_fixture_has_no_literal_emphasis_markers() {
    for name in ["port-strike", "storm", "arms-talks", "recall", "budget"] {
        let (_, _, files) = story(name);
        let mut args = files;
        args.extend(["--format".into(), "markdown".into()]);
        let (code, md, err) = run(&args);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(
            md.contains("<del>") || md.contains("<ins>"),
            "{name}: no word diff"
        );
        assert_no_literal_markers(name, &md);
    }
}

// The versions report marks added and removed sentences with tags too.
#[test]
fn markdown_of_versions_has_no_literal_emphasis_markers() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/warehouse-fire");
    let mut args: Vec<String> = vec!["versions".into()];
    for v in ["v1", "v2", "v3", "v4"] {
        args.push(dir.join(format!("{v}.txt")).display().to_string());
    }
    args.extend(["--format".into(), "markdown".into()]);
    let (code, md, err) = run(&args);
    assert_eq!(code, Some(1), "{err}");
    assert_no_literal_markers("warehouse-fire versions", &md);
}

// Article text with Markdown punctuation next to a change stays literal
// text and leaves no marker behind.
#[test]
fn markdown_diff_next_to_punctuation_renders_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Shares fell 6% on *Wednesday* in (early) trading.\n").expect("write");
    std::fs::write(&b, "Shares rose 2% on *Wednesday* in (late) trading.\n").expect("write");
    let (code, md, err) = run(&[
        a.display().to_string(),
        b.display().to_string(),
        "--format".into(),
        "markdown".into(),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert_no_literal_markers("punctuation", &md);
    assert!(rendered_text(&md).contains("*Wednesday*"), "{md}");
}
