//! Snapshots of every renderer on a fixture story, so any change to what a
//! user sees shows up in review.

use storydiff::ingest::read_source;
use storydiff::render::{self, TerminalOptions};
use storydiff::{Options, compare};

fn storm() -> storydiff::report::Report {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/storm/");
    let srcs: Vec<_> = ["wire", "daily", "broadcaster"]
        .iter()
        .map(|l| {
            let mut s = read_source(&format!("{dir}{l}.txt"), l).expect("fixture");
            s.origin = format!("fixtures/storm/{l}.txt");
            s
        })
        .collect();
    compare(&srcs, &Options::default()).expect("compares")
}

/// The plain terminal view of the storm story.
#[test]
fn terminal_view_of_storm() {
    let out = render::terminal::render(&storm(), &TerminalOptions::default());
    insta::assert_snapshot!(out);
}

/// The JSON report of the storm story.
#[test]
fn json_view_of_storm() {
    insta::assert_snapshot!(render::json::render(&storm()));
}

/// The Markdown report of the storm story.
#[test]
fn markdown_view_of_storm() {
    insta::assert_snapshot!(render::markdown::render(&storm(), None));
}

/// The self-contained HTML page of the storm story.
#[test]
fn html_view_of_storm() {
    insta::assert_snapshot!(render::html::render(&storm(), None, false));
}

fn fixture(path: &str, label: &str) -> storydiff::ingest::Source {
    let mut s = read_source(
        &format!("{}/fixtures/{path}", env!("CARGO_MANIFEST_DIR")),
        label,
    )
    .expect("fixture");
    s.origin = format!("fixtures/{path}");
    s
}

/// Markdown and HTML of the four-version story.
#[test]
fn versions_views_of_warehouse_fire() {
    let srcs: Vec<_> = (1..=4)
        .map(|k| fixture(&format!("warehouse-fire/v{k}.txt"), &format!("v{k}")))
        .collect();
    let r = storydiff::versions::versions(&srcs, &Options::default()).expect("versions");
    insta::assert_snapshot!(
        "versions_markdown",
        render::markdown::render_versions(&r, None)
    );
    insta::assert_snapshot!("versions_html", render::html::render_versions(&r, None));
}

/// Markdown and HTML of the check fixture.
#[test]
fn check_views_of_draft() {
    let draft = fixture("check/draft.txt", "draft");
    let srcs = vec![
        fixture("check/ap.txt", "ap"),
        fixture("check/reuters.txt", "reuters"),
    ];
    let r = storydiff::check::check(&draft, &srcs, &Options::default()).expect("check");
    insta::assert_snapshot!("check_markdown", render::markdown::render_check(&r));
    insta::assert_snapshot!("check_html", render::html::render_check(&r));
}

/// Article text with markup cannot inject anything into the reports.
#[test]
fn script_in_articles_is_escaped() {
    use storydiff::ingest::Source;
    let a = Source::from_text(
        "a<b>",
        "The mayor said <script>alert('x')</script> was *fine* | [ok](javascript:x).",
    );
    let b = Source::from_text("b", "The mayor said <img src=x onerror=alert(1)> was fine.");
    let r = compare(&[a, b], &Options::default()).expect("compares");
    let html = render::html::render(&r, None, false);
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert("));
    assert!(!html.contains("<b>"), "labels are escaped too");
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only storydiff's own script"
    );
    let md = render::markdown::render(&r, None);
    assert!(!md.contains("<script>") && !md.contains("<img"));
    assert!(md.contains("\\[ok\\]\\(javascript:x\\)"));
}

/// --min-significance reaches the HTML views: groups below the level lose
/// their marks and details; versions leave lesser changes out.
#[test]
fn html_honours_min_significance() {
    use storydiff::report::Significance;
    let full = render::html::render(&storm(), None, false);
    let claims_only = render::html::render(&storm(), Some(Significance::Claim), false);
    assert!(full.contains("<span class=\"badge attr\">attribution</span>"));
    assert!(!claims_only.contains("<span class=\"badge attr\">attribution</span>"));
    assert!(claims_only.contains("<span class=\"badge unique\">only here</span>"));
    assert!(claims_only.contains("Below the chosen --min-significance"));
    let srcs: Vec<_> = (1..=2)
        .map(|k| fixture(&format!("warehouse-fire/v{k}.txt"), &format!("v{k}")))
        .collect();
    let r = storydiff::versions::versions(&srcs, &Options::default()).expect("versions");
    assert!(render::html::render_versions(&r, None).contains("(typography)"));
    assert!(
        !render::html::render_versions(&r, Some(Significance::Wording)).contains("(typography)")
    );
}
