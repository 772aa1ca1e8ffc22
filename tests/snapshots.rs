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
