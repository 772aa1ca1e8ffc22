//! How far the findings can be trusted: conflicts, attribution differences
//! and `check` verdicts, measured on hand-labelled real news, plus label-free
//! counts of findings per 100 aligned sentence pairs on all ECB+ stories.
//!
//! ```text
//! cargo run --release --example findings -- --labels eval/ecb-links-dev.json [--texts DIR | --texts ../shared/data/ecbplus/clusters.jsonl]
//! cargo run --release --example findings -- --ecb ../shared/data/ecbplus/clusters.jsonl [--exclude 19ecb,18ecb,…] [-v]
//! ```
//!
//! `--exclude` names ECB+ clusters (the held-out test stories) whose
//! label-free findings are counted in the "all clusters" line only and never
//! printed; `-v` lists the other clusters' conflicts and attribution
//! differences with their members. `--partial`, `--cite`, `--missing`,
//! `--related` and `--similar` set `check`'s thresholds (see
//! `storydiff::check::Tuning`) for tuning on the dev labels.
//!
//! Labels follow `LABELING.md` (§1 links with `attribution_differs`, §4
//! conflicts): `{"stories": [{"id", "docs", "links": [{"a": [doc, start],
//! "b": [doc, start], "kind", "attribution_differs"}], "conflicts": [{"a",
//! "b", "slot", "a_value", "b_value"}]}]}`; each text is
//! `<texts>/<doc>.txt`. Sentences are matched by the byte offset of their
//! start (a labelled offset inside a sentence counts for that sentence).
//!
//! Measures:
//! - conflicts: a finding is a (group, conflict, pair of sources whose
//!   values differ); it is right when a labelled conflict joins a sentence of
//!   one member to a sentence of the other. Recall over labelled conflicts.
//! - attribution differences: a finding is a (group, pair of members); it is
//!   right when a labelled link between the two members says
//!   `attribution_differs` (for a difference across a related edge, the
//!   second member is the related group's). Recall over the labelled
//!   differing links whose two sentences sit in one group, over those in two
//!   related groups, and over all of them; `-v` also lists where the
//!   labelled pairs not in one group sit.
//! - check: each report in turn is the draft, the others the sources. A
//!   draft sentence is unsupported when no labelled link joins it to a
//!   source; a "supported by" reference is right when a labelled link joins
//!   the claim to the member cited.

#[path = "support/ecb.rs"]
mod ecb;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use storydiff::Options;
use storydiff::check::FindingKind;
use storydiff::ingest::Source;
use storydiff::report::Report;

type Key = (String, usize);

fn main() {
    let mut labels: Option<PathBuf> = None;
    // Report texts: <texts>/<doc>.txt when --texts is given, else the ECB+
    // clusters file (title, blank line, text), as the labellers read them.
    let mut texts = PathBuf::from("../shared/data/ecbplus/clusters.jsonl");
    let mut ecb: Option<PathBuf> = None;
    let mut verbose = false;
    // Clusters (ECB+ subtopics) whose findings are never printed and whose
    // counts are given apart: the held-out test stories.
    let mut exclude: BTreeSet<String> = BTreeSet::new();
    let mut tuning = storydiff::check::Tuning::default();
    // A number option's value, kept as it was when missing or unreadable.
    fn set<T: std::str::FromStr>(field: &mut T, value: Option<String>) {
        if let Some(v) = value.and_then(|x| x.parse().ok()) {
            *field = v;
        }
    }
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--labels" => labels = args.next().map(PathBuf::from),
            "--texts" => texts = args.next().map(PathBuf::from).unwrap_or(texts),
            "--ecb" => ecb = args.next().map(PathBuf::from),
            "-v" | "--verbose" => verbose = true,
            "--exclude" => exclude.extend(
                args.next()
                    .unwrap_or_default()
                    .split(',')
                    .filter(|x| !x.is_empty())
                    .map(String::from),
            ),
            "--partial" => set(&mut tuning.partial, args.next()),
            "--missing" => set(&mut tuning.missing_words, args.next()),
            "--similar" => set(&mut tuning.similar, args.next()),
            "--related" => set(&mut tuning.related, args.next()),
            "--cite" => set(&mut tuning.cite, args.next()),
            other => {
                eprintln!("findings: unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    if let Some(l) = labels {
        labelled(&l, &texts, verbose, &tuning);
    }
    if let Some(e) = ecb {
        label_free(&e, verbose, &exclude);
    }
}

/// Start offset of every sentence of every source, by label.
fn starts(report: &Report) -> BTreeMap<String, Vec<usize>> {
    report
        .sources
        .iter()
        .map(|s| {
            (
                s.label.clone(),
                s.sentences.iter().map(|x| x.start).collect(),
            )
        })
        .collect()
}

/// The sentence id holding a labelled offset.
fn sentence_at(starts: &BTreeMap<String, Vec<usize>>, doc: &str, off: usize) -> Option<usize> {
    let v = starts.get(doc)?;
    let i = v.partition_point(|&s| s <= off);
    i.checked_sub(1)
}

fn key_of(v: &serde_json::Value) -> Option<(String, usize)> {
    Some((v[0].as_str()?.to_string(), v[1].as_u64()? as usize))
}

#[derive(Default)]
struct Tally {
    conflict_tp: usize,
    conflict_fp: usize,
    conflict_gold: usize,
    conflict_found: usize,
    attr_tp: usize,
    attr_fp: usize,
    attr_gold_aligned: usize,
    attr_gold_all: usize,
    attr_found_aligned: usize,
    /// Labelled differing pairs whose sentences sit in two related groups,
    /// and of them the ones found (a difference across the related edge).
    attr_gold_related: usize,
    attr_found_related: usize,
    unsup: [[usize; 2]; 2],
    support_ok: usize,
    support_bad: usize,
    partial: usize,
    /// [labelled whole][said supported] over claims with a labelled link.
    whole: [[usize; 2]; 2],
}

/// Report texts by doc id: from a folder of `<doc>.txt`, or from an ECB+
/// `clusters.jsonl` (title, blank line, text).
fn report_texts(path: &std::path::Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if path.is_dir() {
        for e in std::fs::read_dir(path).into_iter().flatten().flatten() {
            let p = e.path();
            if let (Some(stem), Ok(body)) = (p.file_stem(), std::fs::read_to_string(&p)) {
                out.insert(stem.to_string_lossy().to_string(), body);
            }
        }
        return out;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("findings: {}: cannot read the report texts", path.display());
        std::process::exit(2);
    };
    ecb::bodies(&text)
}

fn labelled(
    path: &PathBuf,
    texts: &std::path::Path,
    verbose: bool,
    tuning: &storydiff::check::Tuning,
) {
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("findings: {}: cannot read", path.display());
        std::process::exit(2);
    };
    let Ok(labels) = serde_json::from_str::<serde_json::Value>(&raw) else {
        eprintln!("findings: {}: not JSON", path.display());
        std::process::exit(2);
    };
    let bodies = report_texts(texts);
    let opts = Options::default();
    let mut t = Tally::default();
    for story in labels["stories"].as_array().into_iter().flatten() {
        let docs: Vec<String> = story["docs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d.as_str().map(String::from))
            .collect();
        let sources: Vec<Source> = docs
            .iter()
            .filter_map(|d| {
                let text = bodies.get(d).cloned()?;
                Some(Source::from_text(d.clone(), text))
            })
            .collect();
        if sources.len() != docs.len() {
            eprintln!("findings: story {}: missing texts, skipped", story["id"]);
            continue;
        }
        let Ok(report) = storydiff::compare(&sources, &opts) else {
            continue;
        };
        let st = starts(&report);
        let resolve = |v: &serde_json::Value| -> Option<Key> {
            let (d, off) = key_of(v)?;
            // The first letter or digit at or after the offset names the
            // sentence, so labels stay put when the segmenter moves a stray
            // quote mark from one sentence to the next.
            let off = ecb::first_word(bodies.get(&d).map_or("", String::as_str), off);
            let s = sentence_at(&st, &d, off)?;
            Some((d, s))
        };
        // Labelled links as sentence pairs (both orders).
        let mut linked: BTreeSet<(Key, Key)> = BTreeSet::new();
        let mut differs: BTreeSet<(Key, Key)> = BTreeSet::new();
        let mut equivalent: BTreeSet<(Key, Key)> = BTreeSet::new();
        for l in story["links"].as_array().into_iter().flatten() {
            let (Some(a), Some(b)) = (resolve(&l["a"]), resolve(&l["b"])) else {
                continue;
            };
            linked.insert((a.clone(), b.clone()));
            linked.insert((b.clone(), a.clone()));
            if l["kind"].as_str() == Some("equivalent") {
                equivalent.insert((a.clone(), b.clone()));
                equivalent.insert((b.clone(), a.clone()));
            }
            if l["attribution_differs"].as_bool() == Some(true) {
                differs.insert((a.clone(), b.clone()));
                differs.insert((b, a));
            }
        }
        let mut conflicts: Vec<(Key, Key)> = Vec::new();
        for c in story["conflicts"].as_array().into_iter().flatten() {
            if let (Some(a), Some(b)) = (resolve(&c["a"]), resolve(&c["b"])) {
                conflicts.push((a, b));
            }
        }
        t.conflict_gold += conflicts.len();
        let mut found_conflicts: BTreeSet<usize> = BTreeSet::new();
        let sent = |k: &Key| {
            report
                .sources
                .iter()
                .find(|s| s.label == k.0)
                .and_then(|s| s.sentences.get(k.1))
        };
        let group_of = |k: &Key| -> Option<usize> { sent(k).map(|s| s.group) };
        t.attr_gold_all += differs.len() / 2;
        t.attr_gold_aligned += differs
            .iter()
            .filter(|(a, b)| a < b && group_of(a).is_some() && group_of(a) == group_of(b))
            .count();
        let mut found_differs: BTreeSet<(Key, Key)> = BTreeSet::new();
        for g in &report.groups {
            let member = |src: &str| -> Vec<Key> {
                g.members
                    .iter()
                    .filter(|m| m.source == src)
                    .flat_map(|m| m.sentences.iter().map(|&s| (src.to_string(), s)))
                    .collect()
            };
            // A value stated by a related group's member (a conflict with
            // that group) is that member's; only pairs across the two
            // groups count for such a conflict.
            let member_in = |src: &str, grp: Option<usize>| -> Vec<Key> {
                let members = match grp.and_then(|r| report.groups.iter().find(|x| x.id == r)) {
                    Some(r) => &r.members,
                    None => &g.members,
                };
                members
                    .iter()
                    .filter(|m| m.source == src)
                    .flat_map(|m| m.sentences.iter().map(|&s| (src.to_string(), s)))
                    .collect()
            };
            for c in &g.conflicts {
                let with: Vec<(&str, Option<usize>)> = c
                    .values
                    .iter()
                    .filter(|v| !v.values.is_empty())
                    .map(|v| (v.source.as_str(), v.group))
                    .collect();
                let related = with.iter().any(|w| w.1.is_some());
                for (i, &(x, gx)) in with.iter().enumerate() {
                    for &(y, gy) in &with[i + 1..] {
                        if related && gx == gy {
                            continue;
                        }
                        let (mx, my) = (member_in(x, gx), member_in(y, gy));
                        let hit = conflicts.iter().position(|(a, b)| {
                            (mx.contains(a) && my.contains(b)) || (mx.contains(b) && my.contains(a))
                        });
                        match hit {
                            Some(k) => {
                                t.conflict_tp += 1;
                                found_conflicts.insert(k);
                            }
                            None => t.conflict_fp += 1,
                        }
                        if verbose {
                            println!(
                                "  conflict {} [{}] {x}{:?} vs {y}{:?}: {}",
                                if hit.is_some() { "OK " } else { "BAD" },
                                c.kind,
                                mx.iter().map(|k| k.1).collect::<Vec<_>>(),
                                my.iter().map(|k| k.1).collect::<Vec<_>>(),
                                c.slot
                            );
                        }
                    }
                }
            }
            // One verdict per pair of members, whatever the number of kinds.
            // A difference with a related group's member: the second member
            // is that group's.
            let mut pairs: Vec<(&str, &str, Option<usize>, Vec<String>)> = Vec::new();
            for d in &g.attribution_diffs {
                let (x, y) = (d.members[0].as_str(), d.members[1].as_str());
                let kind = serde_json::to_value(d.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                let kind = if verbose {
                    let text = |src: &str, grp: Option<usize>| {
                        let members =
                            match grp.and_then(|r| report.groups.iter().find(|x| x.id == r)) {
                                Some(r) => &r.members,
                                None => &g.members,
                            };
                        members
                            .iter()
                            .find(|m| m.source == src)
                            .map(|m| m.text.clone())
                            .unwrap_or_default()
                    };
                    format!(
                        "{kind} [{}]\n      A: {}\n      B{}: {}",
                        d.values.join(" | "),
                        text(x, None),
                        d.group.map(|r| format!(" (group {r})")).unwrap_or_default(),
                        text(y, d.group)
                    )
                } else {
                    kind
                };
                match pairs
                    .iter_mut()
                    .find(|p| p.0 == x && p.1 == y && p.2 == d.group)
                {
                    Some(p) => p.3.push(kind),
                    None => pairs.push((x, y, d.group, vec![kind])),
                }
            }
            for (x, y, grp, kinds) in pairs {
                let (mx, my) = (member(x), member_in(y, grp));
                let pair = mx
                    .iter()
                    .flat_map(|a| my.iter().map(move |b| (a.clone(), b.clone())))
                    .find(|p| differs.contains(p));
                match &pair {
                    Some(p) => {
                        t.attr_tp += 1;
                        found_differs.insert(p.clone());
                    }
                    None => t.attr_fp += 1,
                }
                if verbose {
                    let linked_any = mx
                        .iter()
                        .any(|a| my.iter().any(|b| linked.contains(&(a.clone(), b.clone()))));
                    println!(
                        "  attribution {} {x}{:?} vs {y}{:?}{}: {}{}",
                        if pair.is_some() { "OK " } else { "BAD" },
                        mx.iter().map(|k| k.1).collect::<Vec<_>>(),
                        my.iter().map(|k| k.1).collect::<Vec<_>>(),
                        grp.map(|r| format!(" (group {r})")).unwrap_or_default(),
                        kinds.join(", "),
                        if linked_any {
                            ""
                        } else {
                            " (not a labelled link)"
                        }
                    );
                }
            }
        }
        // Whether the groups of two sentences are joined by an edge of
        // `list` (their related groups or their echoes).
        type Edges = fn(&storydiff::report::GroupReport) -> &Vec<storydiff::report::RelatedReport>;
        let joined = |a: &Key, b: &Key, list: Edges| {
            group_of(a)
                .zip(group_of(b))
                .and_then(|(x, y)| report.groups.iter().find(|g| g.id == x).map(|g| (g, y)))
                .is_some_and(|(g, y)| list(g).iter().any(|r| r.group == y))
        };
        let related_groups = |a: &Key, b: &Key| joined(a, b, |g| &g.related);
        let in_one_group = |a: &Key, b: &Key| group_of(a).is_some() && group_of(a) == group_of(b);
        t.attr_gold_related += differs
            .iter()
            .filter(|(a, b)| a < b && related_groups(a, b))
            .count();
        t.attr_found_aligned += found_differs
            .iter()
            .filter(|(a, b)| in_one_group(a, b))
            .count();
        t.attr_found_related += found_differs
            .iter()
            .filter(|(a, b)| related_groups(a, b))
            .count();
        if verbose {
            // A sentence with its attribution, as the lists below show it.
            let show = |k: &Key| {
                sent(k)
                    .map(|s| {
                        format!(
                            "{:?} {:?} {:?}: {}",
                            s.attribution.cue, s.attribution.speaker, s.attribution.verb, s.text
                        )
                    })
                    .unwrap_or_default()
            };
            for (a, b) in differs.iter().filter(|(a, b)| a < b) {
                let same = group_of(a).is_some() && group_of(a) == group_of(b);
                let found = found_differs.contains(&(a.clone(), b.clone()))
                    || found_differs.contains(&(b.clone(), a.clone()));
                if !same {
                    // Where the labelled pair sits: in two related groups
                    // (a partial overlap), or in two unrelated groups.
                    let (ga, gb) = (group_of(a), group_of(b));
                    let related = related_groups(a, b);
                    println!(
                        "  attribution APART ({}) {a:?} g{:?} vs {b:?} g{:?}\n      A: {}\n      B: {}",
                        if related { "related" } else { "unrelated" },
                        ga,
                        gb,
                        show(a),
                        show(b)
                    );
                }
                if same && !found {
                    println!(
                        "  attribution MISSED {a:?} vs {b:?}\n      A: {}\n      B: {}",
                        show(a),
                        show(b)
                    );
                }
            }
            // Where each missed labelled conflict sits: in one group, in two
            // groups joined by a related edge or an echo, or apart.
            for (k, (a, b)) in conflicts.iter().enumerate() {
                if found_conflicts.contains(&k) {
                    continue;
                }
                let (ga, gb) = (group_of(a), group_of(b));
                let place = if in_one_group(a, b) {
                    "one group"
                } else if related_groups(a, b) {
                    "related"
                } else if joined(a, b, |g| &g.echoes) {
                    "echo"
                } else {
                    "unrelated"
                };
                let text = |k: &Key| sent(k).map(|s| s.text.clone()).unwrap_or_default();
                println!(
                    "  conflict MISSED ({place}) {a:?} g{ga:?} vs {b:?} g{gb:?}\n      A: {}\n      B: {}",
                    text(a),
                    text(b)
                );
            }
        }
        t.conflict_found += found_conflicts.len();
        // check: each report as the draft.
        for (di, draft) in sources.iter().enumerate() {
            let others: Vec<Source> = sources
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != di)
                .map(|(_, s)| s.clone())
                .collect();
            let Ok(cr) = storydiff::check::check_with(draft, &others, &opts, tuning) else {
                continue;
            };
            let dl = &draft.label;
            for claim in &cr.claims {
                let keys: Vec<Key> = claim.sentences.iter().map(|&s| (dl.clone(), s)).collect();
                let truly = keys
                    .iter()
                    .any(|k| linked.iter().any(|(a, b)| a == k && b.0 != *dl));
                let said_unsupported = claim
                    .findings
                    .iter()
                    .any(|f| f.kind == FindingKind::Unsupported);
                t.unsup[usize::from(!truly)][usize::from(said_unsupported)] += 1;
                if verbose && claim.verdict != storydiff::check::Verdict::Supported {
                    println!(
                        "  check {} {:?} {dl}{:?} (labelled {}): {} || {}",
                        if truly == (claim.verdict == storydiff::check::Verdict::PartlySupported) {
                            "OK "
                        } else {
                            "BAD"
                        },
                        claim.verdict,
                        claim.sentences,
                        if truly { "linked" } else { "unique" },
                        claim.text,
                        claim.support.first().map(|s| s.text.as_str()).unwrap_or("")
                    );
                }
                // Whole or part: a claim with an equivalent labelled link is
                // carried whole; one with only partial links, in part.
                if truly {
                    let whole = keys
                        .iter()
                        .any(|k| equivalent.iter().any(|(a, b)| a == k && b.0 != *dl));
                    let said_whole = claim.verdict == storydiff::check::Verdict::Supported;
                    t.whole[usize::from(whole)][usize::from(said_whole)] += 1;
                }
                if claim.verdict != storydiff::check::Verdict::Supported {
                    if claim.verdict == storydiff::check::Verdict::PartlySupported {
                        t.partial += 1;
                    }
                    continue;
                }
                for s in &claim.support {
                    let ok = keys.iter().any(|k| {
                        s.sentences
                            .iter()
                            .any(|&b| linked.contains(&(k.clone(), (s.source.clone(), b))))
                    });
                    if ok {
                        t.support_ok += 1;
                    } else {
                        t.support_bad += 1;
                        if verbose {
                            println!(
                                "  cite BAD {dl}{:?} -> {}{:?}: {} || {}",
                                claim.sentences, s.source, s.sentences, claim.text, s.text
                            );
                        }
                    }
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "conflicts: {} flagged, precision {:.3} ({} right, {} wrong); recall {:.3} ({} of {} labelled)",
        t.conflict_tp + t.conflict_fp,
        ratio(t.conflict_tp, t.conflict_tp + t.conflict_fp),
        t.conflict_tp,
        t.conflict_fp,
        ratio(t.conflict_found, t.conflict_gold),
        t.conflict_found,
        t.conflict_gold
    );
    println!(
        "attribution differences: {} flagged member pairs, precision {:.3} ({} right, {} wrong); recall {:.3} over aligned labelled ({} of {}), {:.3} over labelled in two related groups ({} of {}), {:.3} over all {}",
        t.attr_tp + t.attr_fp,
        ratio(t.attr_tp, t.attr_tp + t.attr_fp),
        t.attr_tp,
        t.attr_fp,
        ratio(t.attr_found_aligned, t.attr_gold_aligned),
        t.attr_found_aligned,
        t.attr_gold_aligned,
        ratio(t.attr_found_related, t.attr_gold_related),
        t.attr_found_related,
        t.attr_gold_related,
        ratio(t.attr_found_aligned + t.attr_found_related, t.attr_gold_all),
        t.attr_gold_all
    );
    let u = t.unsup;
    let w = t.whole;
    println!(
        "check, linked claims: said supported {} (whole by the labels {}), said partly supported {} (only partial links by the labels {})",
        w[0][1] + w[1][1],
        w[1][1],
        w[0][0] + w[1][0],
        w[0][0]
    );
    println!(
        "check: unsupported precision {:.3} recall {:.3} (tp {}, fp {}, fn {}); supported-by references precision {:.3} ({} of {}); {} partly supported",
        ratio(u[1][1], u[1][1] + u[0][1]),
        ratio(u[1][1], u[1][1] + u[1][0]),
        u[1][1],
        u[0][1],
        u[1][0],
        ratio(t.support_ok, t.support_ok + t.support_bad),
        t.support_ok,
        t.support_ok + t.support_bad,
        t.partial
    );
}

/// Findings per 100 aligned member pairs over every ECB+ cluster (first 3
/// reports of each): no labels, but on these stories almost every finding
/// a tool makes is false, so the count bounds the false ones. Clusters in
/// `exclude` are counted in the first line only and never listed.
fn label_free(path: &PathBuf, verbose: bool, exclude: &BTreeSet<String>) {
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("findings: {}: cannot read", path.display());
        std::process::exit(2);
    };
    let opts = Options::default();
    // [all clusters, clusters not excluded]
    let (mut pairs, mut conflicts, mut attr) = ([0usize; 2], [0usize; 2], [0usize; 2]);
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for line in raw.lines() {
        let Ok(c) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = c["subtopic"].as_str().unwrap_or_default();
        let kept = !exclude.contains(id);
        let sources: Vec<Source> = c["docs"]
            .as_array()
            .into_iter()
            .flatten()
            .take(3)
            .map(|d| Source::from_text(d["doc_id"].as_str().unwrap_or_default(), ecb::doc_text(d)))
            .collect();
        let Ok(r) = storydiff::compare(&sources, &opts) else {
            continue;
        };
        let ks: &[usize] = if kept { &[0, 1] } else { &[0] };
        for g in &r.groups {
            let n = g.members.len();
            for &k in ks {
                pairs[k] += n * (n - 1) / 2;
            }
            for c in &g.conflicts {
                // Pairs of values that differ; for a conflict with a
                // related group, only pairs across the two groups.
                let with: Vec<Option<usize>> = c
                    .values
                    .iter()
                    .filter(|v| !v.values.is_empty())
                    .map(|v| v.group)
                    .collect();
                let across = with.iter().filter(|x| x.is_some()).count();
                let v = if across > 0 {
                    across * (with.len() - across)
                } else {
                    with.len() * with.len().saturating_sub(1) / 2
                };
                for &k in ks {
                    conflicts[k] += v;
                }
                if !kept {
                    continue;
                }
                *by_kind.entry(format!("conflict {}", c.kind)).or_default() += 1;
                if verbose {
                    println!("  conflict {id} [{}] {}", c.kind, c.slot);
                    for m in &g.members {
                        println!("      {}: {}", m.source, m.text);
                    }
                    let related = c.values.iter().filter_map(|v| v.group);
                    let related: BTreeSet<usize> = related.collect();
                    for o in r.groups.iter().filter(|x| related.contains(&x.id)) {
                        let score = g.related.iter().find(|e| e.group == o.id).map(|e| e.score);
                        for m in &o.members {
                            println!(
                                "      (group {}, related {:.3}) {}: {}",
                                o.id,
                                score.unwrap_or_default(),
                                m.source,
                                m.text
                            );
                        }
                    }
                }
            }
            for d in &g.attribution_diffs {
                for &k in ks {
                    attr[k] += 1;
                }
                if !kept {
                    continue;
                }
                let k = serde_json::to_value(d.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                if verbose {
                    println!(
                        "  attribution {id} [{k}] {}{}",
                        d.values.join(" | "),
                        d.group
                            .map(|r| format!(" (with related group {r})"))
                            .unwrap_or_default()
                    );
                    let other = d.group.and_then(|x| r.groups.iter().find(|o| o.id == x));
                    let shown = g.members.iter().filter(|m| m.source == d.members[0]).chain(
                        other
                            .map_or(&g.members, |o| &o.members)
                            .iter()
                            .filter(|m| m.source == d.members[1]),
                    );
                    for m in shown {
                        println!("      {}: {}", m.source, m.text);
                    }
                }
                *by_kind.entry(k).or_default() += 1;
            }
        }
    }
    for (k, name) in [(0, "all clusters"), (1, "without --exclude")] {
        let per100 = |x: usize| 100.0 * x as f64 / pairs[k].max(1) as f64;
        println!(
            "ecb+ label-free, {name}: {} aligned member pairs; conflicts {} ({:.1} per 100 pairs); attribution differences {} ({:.1} per 100 pairs)",
            pairs[k],
            conflicts[k],
            per100(conflicts[k]),
            attr[k],
            per100(attr[k])
        );
    }
    for (k, v) in by_kind {
        println!("  {k}: {v}");
    }
}
