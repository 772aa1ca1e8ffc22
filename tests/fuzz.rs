//! Randomised robustness (issue 11): random bytes and random Unicode full of
//! quotes, brackets, Markdown, HTML fragments and control characters go
//! through ingest (every format), segmentation, attribution, alignment,
//! compare, versions, check and every renderer. Nothing may panic, sentence
//! spans must cover the text once, and the terminal and Markdown views must
//! carry no raw control character.
//!
//! `cargo test --test fuzz` runs 2,500 cases (1,000 + 1,500; about 36 s of
//! CPU in a debug build). The long run, 100,000 cases of each property:
//! `STORYDIFF_FUZZ_CASES=100000 cargo test --release --test fuzz`.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use storydiff::document::Document;
use storydiff::ingest::{self, FormatChoice, InputFormat, Source};
use storydiff::render::{self, TerminalOptions};
use storydiff::{Options, compare};

/// Cases per property: `STORYDIFF_FUZZ_CASES`, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("STORYDIFF_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Hostile-looking text: news words, every quote mark, brackets, Markdown
/// and HTML fragments, entities, control characters, arbitrary Unicode.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop_oneof![
            Just("The"), Just("storm"), Just("killed"), Just("12"), Just("3.5%"), Just("U.S."),
            Just("Mr."), Just("said"), Just("said."), Just("according to"), Just("told"),
            Just("Reuters"), Just("on Monday."), Just("officials"), Just("he added."),
        ].prop_map(str::to_string),
        3 => prop_oneof![
            Just("“"), Just("”"), Just("\""), Just("'"), Just("‘"), Just("’"), Just("«"),
            Just("»"), Just("„"), Just("["), Just("]"), Just("("), Just(")"), Just("{"),
            Just("}"), Just("<"), Just(">"), Just("..."), Just("?!"), Just("—"), Just(";"),
        ].prop_map(str::to_string),
        3 => prop_oneof![
            Just("# "), Just("\n## "), Just("\n- "), Just("\n* "), Just("\n> "), Just("**"),
            Just("_"), Just("`"), Just("\n```\n"), Just("\n~~~\n"), Just("\n---\n"),
            Just("[a](http://x)"), Just("![i](y.png)"), Just("]("), Just("\n\n"), Just("\n"),
            Just("    "), Just("\t"), Just("\r\n"),
        ].prop_map(str::to_string),
        3 => prop_oneof![
            Just("<p>"), Just("</p>"), Just("<b>"), Just("<i>"), Just("</b>"), Just("<div class=\"x\">"),
            Just("</div>"), Just("<script>"), Just("</script>"), Just("<!--"), Just("-->"),
            Just("<br/>"), Just("&amp;"), Just("&#27;"), Just("&nbsp;"), Just("<meta charset=latin1>"),
            Just("<html><body>"), Just("</body></html>"), Just("<article>"), Just("<title>"),
            Just("<a href='u'>"), Just("<p a=1 b=\"2\" c>"),
        ].prop_map(str::to_string),
        2 => prop_oneof![
            Just("\x1b[2J"), Just("\x1b]52;c;aGk=\x07"), Just("\x07"), Just("\x08"), Just("\r"),
            Just("\u{9b}"), Just("\u{85}"), Just("\u{feff}"), Just("\u{200b}"), Just("\u{202e}"),
            Just("\x0b"), Just("\x0c"), Just("\x7f"),
        ].prop_map(str::to_string),
        2 => "[a-zA-Z]{1,10}",
        2 => "\\PC{1,6}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect::<String>()),
    ];
    prop::collection::vec(piece, 0..50).prop_map(|v| v.join(" "))
}

/// Spans are ordered, disjoint, inside the text, on char boundaries, and
/// cover every non-whitespace character of the text the segmenter saw.
fn spans_cover_once(src: &Source, doc: &Document) -> Result<(), TestCaseError> {
    let text = &src.text;
    let seen = if src.format == InputFormat::Markdown {
        ingest::mask_markdown(text)
    } else {
        text.clone()
    };
    let mut covered = vec![false; text.len()];
    let mut last_end = 0;
    for s in &doc.sentences {
        prop_assert!(s.start >= last_end && s.start < s.end && s.end <= text.len());
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        for c in covered.iter_mut().take(s.end).skip(s.start) {
            *c = true;
        }
        last_end = s.end;
    }
    for (i, ch) in seen.char_indices() {
        if !ch.is_whitespace() && !ch.is_control() {
            prop_assert!(covered[i], "{:?} at {} not covered in {:?}", ch, i, seen);
        }
    }
    Ok(())
}

fn no_raw_controls(view: &str, out: &str) -> Result<(), TestCaseError> {
    let bad = out
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t');
    prop_assert!(bad.is_none(), "{} view lets {:?} through", view, bad);
    Ok(())
}

/// Every view of two or three sources: compare, versions, check.
fn all_views(sources: &[Source]) -> Result<(), TestCaseError> {
    let opts = Options::default();
    let plain = TerminalOptions::default();
    let colour = TerminalOptions {
        color: true,
        explain: true,
        ..TerminalOptions::default()
    };
    if let Ok(r) = compare(sources, &opts) {
        let _ = render::json::render(&r);
        let _ = render::html::render(&r, None, true);
        no_raw_controls("markdown", &render::markdown::render(&r, None))?;
        no_raw_controls("terminal", &render::terminal::render(&r, &plain))?;
        let _ = render::terminal::render(&r, &colour);
    }
    if let Ok(v) = storydiff::versions::versions(sources, &opts) {
        let _ = render::html::render_versions(&v, None);
        let _ = serde_json::to_string(&v);
        no_raw_controls(
            "versions markdown",
            &render::markdown::render_versions(&v, None),
        )?;
        no_raw_controls("versions", &render::versions::render(&v, &plain))?;
        let _ = render::versions::render(&v, &colour);
    }
    if let Ok(c) = storydiff::check::check(&sources[0], &sources[1..], &opts) {
        let _ = render::html::render_check(&c);
        let _ = serde_json::to_string(&c);
        no_raw_controls("check markdown", &render::markdown::render_check(&c))?;
        no_raw_controls("check", &render::check::render(&c, &plain))?;
        let _ = render::check::render(&c, &colour);
    }
    Ok(())
}

/// Random hostile text, read as each format, then every stage and view.
#[test]
fn hostile_text_through_every_stage_and_view() {
    runner(cases(1_000))
        .run(&(hostile(), hostile(), 0usize..4), |(a, b, how)| {
            let choice = [
                FormatChoice::Auto,
                FormatChoice::Text,
                FormatChoice::Markdown,
                FormatChoice::Html,
            ][how];
            let mut sources = Vec::new();
            for (label, text) in [("a", &a), ("b", &b)] {
                if let Ok(src) = ingest::source_from_text("x", label, text.clone(), choice) {
                    let doc = Document::build(&src);
                    spans_cover_once(&src, &doc)?;
                    sources.push(src);
                }
            }
            if sources.len() == 2 {
                // Third source: the first again under another label.
                let mut c = sources[0].clone();
                c.label = "c".to_string();
                sources.push(c);
                all_views(&sources)?;
            }
            Ok(())
        })
        .expect("no failure");
}

/// Random bytes: the page decoder, the HTML limits, batch line reading and
/// a batch story built from them.
#[test]
fn random_bytes_through_decoders_and_batch() {
    runner(cases(1_500))
        .run(
            &prop::collection::vec(any::<u8>(), 0..400),
            |bytes| {
                let page = storydiff::html::decode_page(&bytes, None);
                let _ = storydiff::html::check_limits(&page);
                let _ = storydiff::html::declared_charset(&bytes);
                let mut reader = std::io::BufReader::new(bytes.as_slice());
                let opts = storydiff::batch::BatchOptions::default();
                let mut lineno = 0;
                while let Ok(Some(line)) = storydiff::batch::read_story_line(&mut reader, 64) {
                    lineno += 1;
                    if let storydiff::batch::StoryLine::Text(t) = line {
                        let r = storydiff::batch::run_line(&t, lineno, &opts);
                        prop_assert!(serde_json::from_str::<serde_json::Value>(&r.line).is_ok());
                    }
                }
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let story = serde_json::json!({"id": 1, "reports": [
                    {"text": text, "format": "html"}, {"text": text}, {"text": page, "format": "markdown"}
                ]})
                .to_string();
                let r = storydiff::batch::run_line(&story, 1, &opts);
                prop_assert!(serde_json::from_str::<serde_json::Value>(&r.line).is_ok());
                Ok(())
            },
        )
        .expect("no failure");
}
