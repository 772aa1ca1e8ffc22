//! Benchmarks of segmentation and alignment on the fixture stories, scaled up.
//!
//! `cargo bench --bench pipeline`. Compare runs on one machine by ratio; these
//! machines are shared and noisy.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use storydiff::ingest::{Source, read_source};
use storydiff::{Options, compare, segment};

fn stories() -> Vec<Source> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/");
    let mut out = Vec::new();
    for (story, labels) in [
        ("port-strike", &["ap", "reuters", "afp", "local"][..]),
        ("storm", &["wire", "daily", "broadcaster"][..]),
        ("arms-talks", &["wire", "daily", "gazette"][..]),
        ("recall", &["ledger", "courier"][..]),
    ] {
        for l in labels {
            let mut s = read_source(&format!("{dir}{story}/{l}.txt"), l).expect("fixture");
            s.label = format!("{story}-{l}");
            out.push(s);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let srcs = stories();
    let all_text: String = srcs
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let big = all_text.repeat(20);
    c.bench_function("segment 20x fixtures", |b| {
        b.iter(|| segment::split(black_box(&big)))
    });
    c.bench_function("compare 12 fixture reports", |b| {
        b.iter(|| compare(black_box(&srcs), &Options::default()))
    });
    // Forty sources built from the fixtures, to see how alignment scales.
    let many: Vec<Source> = (0..40)
        .map(|i| {
            let s = &srcs[i % srcs.len()];
            Source::from_text(format!("s{i}"), s.text.clone())
        })
        .collect();
    c.bench_function("compare 40 reports", |b| {
        b.iter(|| compare(black_box(&many), &Options::default()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
