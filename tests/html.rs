//! HTML pages: main text without navigation, ads or related links; metadata
//! from meta tags and JSON-LD; clear errors for pages without an article.

mod common;

use common::run;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/html-pages/");

fn page(name: &str) -> String {
    format!("{DIR}{name}")
}

/// The article's paragraphs are the sentences; boilerplate is gone.
#[test]
fn segment_keeps_only_the_article() {
    let (code, out, err) = run(&["segment", &page("wire.html"), "--format", "json"]);
    assert_eq!((code, err.as_str()), (Some(0), ""));
    let v: Value = serde_json::from_str(&out).expect("json");
    let texts: Vec<&str> = v["sentences"]
        .as_array()
        .expect("s")
        .iter()
        .map(|s| s["text"].as_str().expect("t"))
        .collect();
    assert_eq!(
        texts,
        vec![
            "PORT ANSEL, Selvane (Wire) — Typhoon Mara killed at least 12 people in northern Selvane on Tuesday, the national disaster agency said.",
            "The storm made landfall near the fishing town of Caro shortly before dawn, with winds of up to 180 kilometres per hour.",
            "More than 30,000 people were moved to evacuation centres before the typhoon arrived.",
            "Power was cut to most of the province, and schools will stay closed until Friday.",
            "Most of the victims drowned when rivers burst their banks, the agency said.",
        ]
    );
    assert_eq!(v["format"], "html");
    assert_eq!(
        v["meta"]["title"],
        "Typhoon Mara kills 12 in northern Selvane"
    );
    assert_eq!(v["meta"]["byline"], "Ana Ruiz");
    assert_eq!(v["meta"]["site"], "Wire News");
    assert_eq!(v["meta"]["published"], "2026-09-08T06:10:00Z");
    assert_eq!(v["meta"]["modified"], "2026-09-08T09:45:00Z");
}

/// JSON-LD inside @graph, with two authors.
#[test]
fn json_ld_graph_gives_metadata() {
    let (_, out, _) = run(&["segment", &page("daily.html"), "--format", "json"]);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["meta"]["byline"], "Tom Reyes, Lia Chen");
    assert_eq!(v["meta"]["modified"], "2026-09-08T14:20:00+00:00");
    let all = out.to_lowercase();
    for noise in ["cookie", "newsletter", "most read", "recipes"] {
        assert!(!all.contains(noise), "{noise} leaked into the text");
    }
}

/// Two pages compare like text reports, and their metadata is shown.
#[test]
fn pages_compare_and_show_metadata() {
    let (code, out, _) = run(&[&page("wire.html"), &page("daily.html")]);
    assert_eq!(code, Some(1));
    assert!(out.starts_with("wire  “Typhoon Mara kills 12 in northern Selvane” · by Ana Ruiz · Wire News · published 2026-09-08T06:10:00Z · modified 2026-09-08T09:45:00Z\n"));
    assert!(out.contains("! number conflict: killed: 12 vs 15 (wire 12 · daily 15)"));
    let (_, json, _) = run(&[&page("wire.html"), &page("daily.html"), "--format", "json"]);
    let v: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["sources"][1]["meta"]["site"], "The Daily");
}

/// `versions --sort time` orders pages by their modification time.
#[test]
fn versions_sort_by_page_time() {
    let (code, out, _) = run(&[
        "versions",
        &page("daily.html"),
        &page("wire.html"),
        "--sort",
        "time",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(1));
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["versions"][0]["label"], "wire");
    assert_eq!(v["versions"][1]["label"], "daily");
}

/// A page with no article, and a truncated page, are refused with exit 2;
/// malformed but readable HTML is read.
#[test]
fn pages_without_article_are_refused() {
    let d = tempfile::tempdir().expect("tmp");
    let nav = d.path().join("menu.html");
    std::fs::write(&nav, "<html><head><title>Menu</title></head><body><nav><a href=\"/\">Home</a></nav><footer>(c) 2026</footer></body></html>").expect("w");
    let cut = d.path().join("cut.html");
    std::fs::write(&cut, "<html><head><title>x</title></head><body><div><p>").expect("w");
    let bad = d.path().join("bad.html");
    std::fs::write(&bad, "<html><body><div><p>The storm killed 12 people on <b>Tuesday, officials said.<div><p>Schools closed").expect("w");
    for f in [&nav, &cut] {
        let f = f.display().to_string();
        let (code, out, err) = run(&["segment", &f]);
        assert_eq!(code, Some(2));
        assert_eq!(out, "");
        assert_eq!(
            err,
            format!("storydiff: {f}: no article text found in the HTML page\n")
        );
    }
    let (code, out, _) = run(&["segment", &bad.display().to_string()]);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "0\t0..54\tThe storm killed 12 people on Tuesday, officials said.\n1\t55..69\tSchools closed\n"
    );
}

/// --input-format text reads a page as plain text (no extraction).
#[test]
fn input_format_overrides_sniffing() {
    let (_, out, _) = run(&[
        "segment",
        &page("wire.html"),
        "--input-format",
        "text",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["format"], "text");
    assert!(out.contains("<!DOCTYPE html>"));
}
