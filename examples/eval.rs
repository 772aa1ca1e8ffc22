//! Evaluation on public data, read at run time (never copied into the repo).
//!
//! ```text
//! cargo run --release --example eval -- --data ../shared/data [--threshold 0.22] [--sweep]
//!     [--links LABELS.json]... [--links-only]
//! ```
//!
//! `--links FILE` reads hand-labelled links in the format of
//! `../labels/links-dev.json` (stories with docs, sentence spans, links of
//! kind `equivalent` or `partial`, unique sentences) and prints link
//! precision / recall / F1 overall and per kind, "only in" precision and
//! recall, and the unique/shared macro-F1.
//!
//! Prints:
//! - Golden Rules (sentence boundaries): storydiff, the `sentencex` crate and
//!   unicode-segmentation's sentence bounds, sentences matched exactly;
//! - NAnCo: precision / recall / F1 of "same cluster" paragraph pairs across
//!   outlets, with storydiff's aligner run on each question's paragraphs;
//! - fixtures: exact-group accuracy on `fixtures/*/expected.json`.

#[path = "support/ecb.rs"]
mod ecb;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use storydiff::Options;
use storydiff::align::AlignOptions;
use storydiff::ingest::Source;
use unicode_segmentation::UnicodeSegmentation;

fn main() {
    let mut data = PathBuf::from("../shared/data");
    let mut threshold = AlignOptions::default().threshold;
    let mut sweep = false;
    let mut label_files: Vec<PathBuf> = Vec::new();
    let mut links_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = PathBuf::from(args.next().expect("--data needs a path")),
            "--threshold" => {
                threshold = args
                    .next()
                    .and_then(|t| t.parse().ok())
                    .expect("--threshold needs a number")
            }
            "--sweep" => sweep = true,
            "--links" => {
                label_files.push(PathBuf::from(args.next().expect("--links needs a path")))
            }
            "--links-only" => links_only = true,
            other => panic!("unknown argument {other}"),
        }
    }
    let ts0: Vec<f64> = if sweep {
        (14..=40).step_by(2).map(|t| t as f64 / 100.0).collect()
    } else {
        vec![threshold]
    };
    for f in &label_files {
        for &t in &ts0 {
            labelled_links(&data.join("ecbplus/clusters.jsonl"), f, t);
        }
    }
    if links_only {
        for &t in &ts0 {
            ecb_links(&data.join("ecbplus/clusters.jsonl"), t);
        }
        return;
    }
    golden_rules(&data.join("golden-rules/english.jsonl"));
    let ts: Vec<f64> = if sweep {
        (20..=50).step_by(2).map(|t| t as f64 / 100.0).collect()
    } else {
        vec![threshold]
    };
    for &t in &ts {
        nanco(&data.join("nanco/nanco_dataset.json"), t);
    }
    for &t in &ts {
        ecb_links(&data.join("ecbplus/clusters.jsonl"), t);
    }
    extraction(&data.join("article-extraction"));
    ecb_attribution(&data.join("ecbplus/clusters.jsonl"));
    attribution_accuracy();
}

/// Cue and speaker accuracy on the hand-labelled fixtures.
fn attribution_accuracy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let (mut n, mut cue_ok, mut spk_ok) = (0usize, 0usize, 0usize);
    let mut stories: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join("attribution.json").exists())
                .collect()
        })
        .unwrap_or_default();
    stories.sort();
    for dir in stories {
        let read = |f: &str| -> serde_json::Value {
            serde_json::from_str(&std::fs::read_to_string(dir.join(f)).unwrap_or_default())
                .unwrap_or_default()
        };
        let labels = read("attribution.json");
        let expected = read("expected.json");
        for l in expected["sources"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|l| l.as_str())
        {
            let Ok(src) = storydiff::ingest::read_source(
                &dir.join(format!("{l}.txt")).display().to_string(),
                l,
            ) else {
                continue;
            };
            let doc = storydiff::document::Document::build(&src);
            for (s, want) in doc
                .sentences
                .iter()
                .zip(labels[l].as_array().into_iter().flatten())
            {
                n += 1;
                let cue = serde_json::to_value(s.attribution.cue).unwrap_or_default();
                if cue == want[0] {
                    cue_ok += 1;
                }
                let spk = serde_json::to_value(&s.attribution.speaker).unwrap_or_default();
                if spk == want[1] {
                    spk_ok += 1;
                }
            }
        }
    }
    let acc = |k: usize| k as f64 / n.max(1) as f64;
    println!(
        "attribution on fixtures ({n} sentences): cue accuracy {:.3}, speaker accuracy {:.3}",
        acc(cue_ok),
        acc(spk_ok)
    );
}

fn golden_rules(path: &Path) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("golden rules: {} not found, skipped", path.display());
        return;
    };
    let mut total = 0;
    let (mut ours, mut sx, mut uax) = (0, 0, 0);
    let mut failures = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let input = v["text"].as_str().unwrap_or_default();
        let want: Vec<String> = v["sentences"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str())
                    .map(|s| s.trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        total += 1;
        let got: Vec<String> = storydiff::segment::split(input)
            .iter()
            .map(|s| input[s.start..s.end].to_string())
            .collect();
        if got == want {
            ours += 1;
        } else {
            failures.push(format!("  #{}: got {:?}", v["id"], got));
        }
        let s: Vec<String> = sentencex::segment("en", input)
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if s == want {
            sx += 1;
        }
        let u: Vec<String> = input
            .split_sentence_bounds()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if u == want {
            uax += 1;
        }
    }
    println!(
        "golden rules (exact sentences): storydiff {ours}/{total}, sentencex {sx}/{total}, unicode-segmentation {uax}/{total}"
    );
    for f in failures {
        println!("{f}");
    }
}

/// NAnCo: per question, every answer paragraph is a source; two paragraphs
/// are predicted "same" when the aligner links any of their sentences.
fn nanco(path: &Path, threshold: f64) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("nanco: {} not found, skipped", path.display());
        return;
    };
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid NAnCo JSON");
    let opts = Options {
        align: AlignOptions { threshold },
    };
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    // For the ranking measure: (best sentence-pair similarity, same cluster).
    let mut ranked: Vec<(f64, bool)> = Vec::new();
    for q in v.as_array().into_iter().flatten() {
        let answers: Vec<(String, i64)> = q["answers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| {
                let p = a["Paragraph"].as_str()?.to_string();
                let c = a["cluster_global"].as_i64()?;
                (!p.trim().is_empty()).then_some((p, c))
            })
            .collect();
        if answers.len() < 2 {
            continue;
        }
        let sources: Vec<Source> = answers
            .iter()
            .enumerate()
            .map(|(i, (p, _))| Source::from_text(format!("p{i}"), p.clone()))
            .collect();
        let Ok(report) = storydiff::compare(&sources, &opts) else {
            continue;
        };
        let docs: Vec<storydiff::document::Document> = sources
            .iter()
            .map(storydiff::document::Document::build)
            .collect();
        let mut best: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for ((da, _), (db, _), sc) in storydiff::align::scored_pairs(&docs) {
            let e = best.entry((da.min(db), da.max(db))).or_insert(0.0);
            *e = e.max(sc);
        }
        for i in 0..answers.len() {
            for j in i + 1..answers.len() {
                let same = answers[i].1 == answers[j].1 && answers[i].1 >= 0;
                ranked.push((best.get(&(i, j)).copied().unwrap_or(0.0), same));
            }
        }
        let index: BTreeMap<&str, usize> = report
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.label.as_str(), i))
            .collect();
        let mut linked: BTreeSet<(usize, usize)> = BTreeSet::new();
        for g in &report.groups {
            let ids: Vec<usize> = g
                .sources
                .iter()
                .filter_map(|l| index.get(l.as_str()).copied())
                .collect();
            for (x, &a) in ids.iter().enumerate() {
                for &b in &ids[x + 1..] {
                    linked.insert((a.min(b), a.max(b)));
                }
            }
        }
        for i in 0..answers.len() {
            for j in i + 1..answers.len() {
                let same = answers[i].1 == answers[j].1 && answers[i].1 >= 0;
                let pred = linked.contains(&(i, j));
                match (same, pred) {
                    (true, true) => tp += 1,
                    (false, true) => fp += 1,
                    (true, false) => fneg += 1,
                    _ => {}
                }
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "nanco pairs (threshold {threshold:.2}): precision {p:.3} recall {r:.3} F1 {f:.3} (tp {tp}, fp {fp}, fn {fneg})"
    );
    // Ranking quality of the similarity itself: best F1 over all cut-offs of
    // each paragraph pair's best sentence-pair similarity.
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let pos = ranked.iter().filter(|x| x.1).count();
    let (mut tp2, mut best_f, mut best_t) = (0usize, 0.0f64, 0.0f64);
    for (k, (sc, same)) in ranked.iter().enumerate() {
        if *same {
            tp2 += 1;
        }
        let p = tp2 as f64 / (k + 1) as f64;
        let r = tp2 as f64 / pos.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        if f > best_f && *sc > 0.0 {
            best_f = f;
            best_t = *sc;
        }
    }
    println!(
        "nanco similarity ranking: best pair F1 {best_f:.3} at similarity {best_t:.3} ({pos} positive of {} pairs)",
        ranked.len()
    );
}

/// Hand-labelled sentence links on real ECB+ reports (`eval/ecb-links.json`):
/// link precision, recall and F1, and the macro-F1 of classifying each
/// sentence as shared (it has a link) or unique.
fn ecb_links(clusters: &Path, threshold: f64) {
    let Ok(text) = std::fs::read_to_string(clusters) else {
        println!("ecb links: {} not found, skipped", clusters.display());
        return;
    };
    let labels: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/ecb-links.json"))
            .unwrap_or_default(),
    )
    .unwrap_or_default();
    let docs_by_id = ecb::bodies(&text);
    let opts = Options {
        align: AlignOptions { threshold },
    };
    let gold: BTreeSet<((String, u64), (String, u64))> = labels["links"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| {
            let a = (l[0][0].as_str()?.to_string(), l[0][1].as_u64()?);
            let b = (l[1][0].as_str()?.to_string(), l[1][1].as_u64()?);
            Some(if a < b { (a, b) } else { (b, a) })
        })
        .collect();
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    // Confusion for shared (true) / unique (false) per sentence.
    let mut conf = [[0usize; 2]; 2];
    for story in labels["stories"].as_array().into_iter().flatten() {
        let ids: Vec<String> = story
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str().map(String::from))
            .collect();
        let sources: Vec<Source> = ids
            .iter()
            .filter_map(|id| {
                docs_by_id
                    .get(id)
                    .map(|t| Source::from_text(id.clone(), t.clone()))
            })
            .collect();
        let Ok(report) = storydiff::compare(&sources, &opts) else {
            continue;
        };
        // Links in one group and across related groups (partial overlaps,
        // which this file's labels count as links too when labelled).
        let (same, part) = predicted_pairs(&report);
        let pred: BTreeSet<(SentKey, SentKey)> = same.union(&part).cloned().collect();
        // A labelled offset names the sentence holding its first word.
        let snap = |k: &SentKey| snap_key(&report, &docs_by_id, k);
        let story_gold: BTreeSet<_> = gold
            .iter()
            .filter(|(a, _)| ids.contains(&a.0))
            .map(|(a, b)| {
                let (a, b) = (snap(a), snap(b));
                if a < b { (a, b) } else { (b, a) }
            })
            .collect();
        tp += pred.intersection(&story_gold).count();
        fp += pred.difference(&story_gold).count();
        fneg += story_gold.difference(&pred).count();
        for s in &report.sources {
            for sent in &s.sentences {
                let key = (s.label.clone(), sent.start as u64);
                let g_shared = story_gold.iter().any(|(a, b)| *a == key || *b == key);
                let p_shared = !s.unique_groups.contains(&sent.group);
                conf[usize::from(g_shared)][usize::from(p_shared)] += 1;
            }
        }
    }
    let (p, r, f) = prf(tp, fp, fneg);
    let (_, _, f_shared) = prf(conf[1][1], conf[0][1], conf[1][0]);
    let (_, _, f_unique) = prf(conf[0][0], conf[1][0], conf[0][1]);
    println!(
        "ecb+ labelled links (threshold {threshold:.2}): precision {p:.3} recall {r:.3} F1 {f:.3} (tp {tp}, fp {fp}, fn {fneg}); shared/unique macro-F1 {:.3}",
        (f_shared + f_unique) / 2.0
    );
}

/// A sentence as labels name it: (document id, byte offset of its start).
type SentKey = (String, u64);
/// A labelled sentence as the report splits it: the sentence holding the
/// label's first letter or digit (`ecb::first_word`), so labels stay put
/// when the segmenter moves a stray quote mark from one sentence to the
/// next; the label itself when no sentence holds it.
fn snap_key(
    report: &storydiff::report::Report,
    bodies: &BTreeMap<String, String>,
    k: &SentKey,
) -> SentKey {
    let body = bodies.get(&k.0).map_or("", String::as_str);
    let at = ecb::first_word(body, k.1 as usize);
    report
        .sources
        .iter()
        .find(|x| x.label == k.0)
        .and_then(|src| src.sentences.iter().find(|y| y.start <= at && at < y.end))
        .map_or(k.clone(), |y| (k.0.clone(), y.start as u64))
}

/// Sentence pairs, each ordered.
type PairSet = BTreeSet<(SentKey, SentKey)>;

/// Sentence pairs the report links, by kind: pairs of different sources in
/// one group (`equivalent`), and pairs across a related edge (`partial`).
fn predicted_pairs(report: &storydiff::report::Report) -> (PairSet, PairSet) {
    let start_of = |label: &str, id: usize| -> u64 {
        report
            .sources
            .iter()
            .find(|s| s.label == label)
            .and_then(|s| s.sentences.get(id))
            .map_or(0, |s| s.start as u64)
    };
    let sents_of = |g: &storydiff::report::GroupReport| -> Vec<SentKey> {
        g.members
            .iter()
            .flat_map(|m| {
                m.sentences
                    .iter()
                    .map(|&i| (m.source.clone(), start_of(&m.source, i)))
            })
            .collect()
    };
    let ordered = |a: &SentKey, b: &SentKey| {
        if a < b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    };
    let mut same = BTreeSet::new();
    let mut part = BTreeSet::new();
    for g in &report.groups {
        let sents = sents_of(g);
        for (k, a) in sents.iter().enumerate() {
            for b in &sents[k + 1..] {
                if a.0 != b.0 {
                    same.insert(ordered(a, b));
                }
            }
        }
        for r in &g.related {
            let other = sents_of(&report.groups[r.group]);
            for a in &sents {
                for b in &other {
                    if a.0 != b.0 {
                        part.insert(ordered(a, b));
                    }
                }
            }
        }
    }
    let part = part.difference(&same).cloned().collect();
    (same, part)
}

fn prf(tp: usize, fp: usize, fneg: usize) -> (f64, f64, f64) {
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Hand-labelled links in the `links-dev.json` format: per kind and overall.
/// A gold link is found when the report links the pair in either way (same
/// group or related groups); per-kind precision counts the report's group
/// pairs as `equivalent` and its related pairs as `partial`.
fn labelled_links(clusters: &Path, labels: &Path, threshold: f64) {
    let Ok(text) = std::fs::read_to_string(clusters) else {
        println!("labelled links: {} not found, skipped", clusters.display());
        return;
    };
    let Ok(lt) = std::fs::read_to_string(labels) else {
        println!("labelled links: {} not found, skipped", labels.display());
        return;
    };
    let labels_v: serde_json::Value = serde_json::from_str(&lt).unwrap_or_default();
    let bodies = ecb::bodies(&text);
    let opts = Options {
        align: AlignOptions { threshold },
    };
    let key = |v: &serde_json::Value| -> Option<SentKey> {
        Some((v[0].as_str()?.to_string(), v[1].as_u64()?))
    };
    // Counts: all, equivalent, partial; tp/fp/fn.
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    let (mut eq_found, mut eq_all, mut pa_found, mut pa_all) = (0, 0, 0, 0);
    let (mut eq_pred_ok, mut eq_pred, mut pa_pred_ok, mut pa_pred) = (0, 0, 0, 0);
    let mut conf = [[0usize; 2]; 2];
    let mut stories = 0;
    let debug = std::env::var_os("EVAL_DEBUG").is_some();
    for story in labels_v["stories"].as_array().into_iter().flatten() {
        let ids: Vec<String> = story["docs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str().map(String::from))
            .collect();
        let sources: Vec<Source> = ids
            .iter()
            .filter_map(|id| {
                bodies
                    .get(id)
                    .map(|t| Source::from_text(id.clone(), t.clone()))
            })
            .collect();
        let Ok(report) = storydiff::compare(&sources, &opts) else {
            continue;
        };
        stories += 1;
        // A labelled offset names the sentence that holds the first letter or
        // digit at or after it, so labels stay put when the segmenter moves a
        // stray quote mark from one sentence to the next.
        let key = |v: &serde_json::Value| key(v).map(|k| snap_key(&report, &bodies, &k));
        let mut gold: BTreeMap<(SentKey, SentKey), String> = BTreeMap::new();
        for l in story["links"].as_array().into_iter().flatten() {
            let (Some(a), Some(b)) = (key(&l["a"]), key(&l["b"])) else {
                continue;
            };
            let kind = l["kind"].as_str().unwrap_or("equivalent").to_string();
            gold.insert(if a < b { (a, b) } else { (b, a) }, kind);
        }
        let (same, part) = predicted_pairs(&report);
        let all: BTreeSet<_> = same.union(&part).cloned().collect();
        // A sentence as the debug lists show it: "label[id] text".
        let text = |k: &SentKey| {
            report
                .sources
                .iter()
                .find(|x| x.label == k.0)
                .and_then(|x| x.sentences.iter().find(|y| y.start as u64 == k.1))
                .map(|y| format!("{}[{}] {}", k.0, y.id, y.text.replace('\n', " ")))
                .unwrap_or_default()
        };
        for (pair, kind) in &gold {
            let found = all.contains(pair);
            if found {
                tp += 1;
            } else {
                fneg += 1;
            }
            if debug && !found && kind == "equivalent" {
                println!(
                    "  MISSED {kind}\n    {}\n    {}",
                    text(&pair.0),
                    text(&pair.1)
                );
            }
            if kind == "partial" {
                pa_all += 1;
                pa_found += usize::from(found);
            } else {
                eq_all += 1;
                eq_found += usize::from(found);
            }
        }
        fp += all.iter().filter(|p| !gold.contains_key(*p)).count();
        if debug {
            for p in all.iter().filter(|p| !gold.contains_key(*p)) {
                let how = if same.contains(p) { "group" } else { "related" };
                println!(
                    "  FALSE LINK ({how})\n    {}\n    {}",
                    text(&p.0),
                    text(&p.1)
                );
            }
        }
        eq_pred += same.len();
        eq_pred_ok += same.iter().filter(|p| gold.contains_key(*p)).count();
        pa_pred += part.len();
        pa_pred_ok += part.iter().filter(|p| gold.contains_key(*p)).count();
        // Unique vs shared per sentence: gold unique = listed as unique; gold
        // shared = has a link and is not listed; others (filler) are left out.
        let gold_unique: BTreeSet<SentKey> = story["unique"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(key)
            .collect();
        let linked: BTreeSet<&SentKey> = gold.keys().flat_map(|(a, b)| [a, b]).collect();
        let unique_groups: BTreeSet<usize> = report
            .sources
            .iter()
            .flat_map(|s| s.unique_groups.iter().copied())
            .collect();
        for s in &report.sources {
            for sent in &s.sentences {
                let k = (s.label.clone(), sent.start as u64);
                let g_unique = gold_unique.contains(&k);
                if !g_unique && !linked.contains(&k) {
                    continue;
                }
                let p_unique = unique_groups.contains(&sent.group);
                conf[usize::from(g_unique)][usize::from(p_unique)] += 1;
                if debug && g_unique != p_unique {
                    println!(
                        "  {} {}[{}] {}",
                        if p_unique {
                            "FALSE ONLY-IN"
                        } else {
                            "MISSED ONLY-IN"
                        },
                        s.label,
                        sent.id,
                        sent.text.replace('\n', " ")
                    );
                    for ((a, b), kind) in &gold {
                        let other = if *a == k {
                            b
                        } else if *b == k {
                            a
                        } else {
                            continue;
                        };
                        let txt = report
                            .sources
                            .iter()
                            .find(|x| x.label == other.0)
                            .and_then(|x| x.sentences.iter().find(|y| y.start as u64 == other.1))
                            .map(|y| format!("{}[{}] {}", other.0, y.id, y.text.replace('\n', " ")))
                            .unwrap_or_default();
                        println!("      gold {kind}: {txt}");
                    }
                }
            }
        }
    }
    let (p, r, f) = prf(tp, fp, fneg);
    let rate = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    // conf[gold unique][pred unique]
    let (up, ur, uf) = prf(conf[1][1], conf[0][1], conf[1][0]);
    let (_, _, sf) = prf(conf[0][0], conf[1][0], conf[0][1]);
    println!(
        "{} ({stories} stories, threshold {threshold:.2}): links P {p:.3} R {r:.3} F1 {f:.3} (tp {tp}, fp {fp}, fn {fneg}); equivalent R {:.3} ({eq_found}/{eq_all}), P as group pairs {:.3} ({eq_pred_ok}/{eq_pred}); partial R {:.3} ({pa_found}/{pa_all}), P as related pairs {:.3} ({pa_pred_ok}/{pa_pred}); only-in P {up:.3} R {ur:.3} F1 {uf:.3}; unique/shared macro-F1 {:.3}",
        labels.display(),
        rate(eq_found, eq_all),
        rate(eq_pred_ok, eq_pred),
        rate(pa_found, pa_all),
        rate(pa_pred_ok, pa_pred),
        (uf + sf) / 2.0
    );
}

/// Word 4-gram shingles with counts, as the benchmark's evaluate.py
/// (`\w+` tokens, lower-cased as ../shared/data/README.md describes).
fn shingles(text: &str) -> std::collections::HashMap<Vec<String>, usize> {
    let tokens: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut m = std::collections::HashMap::new();
    let n = 4;
    let last = tokens.len().saturating_sub(n) + 1;
    for i in 0..last.max(1) {
        let sh: Vec<String> = tokens[i..(i + n).min(tokens.len())].to_vec();
        if !sh.is_empty() {
            *m.entry(sh).or_insert(0) += 1;
        }
    }
    m
}

fn tp_fp_fn(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (t, p) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    let keys: BTreeSet<&Vec<String>> = t.keys().chain(p.keys()).collect();
    for k in keys {
        let (a, b) = (
            *t.get(k).unwrap_or(&0) as f64,
            *p.get(k).unwrap_or(&0) as f64,
        );
        tp += a.min(b);
        fp += (b - a).max(0.0);
        fneg += (a - b).max(0.0);
    }
    let s = tp + fp + fneg;
    if s > 0.0 {
        (tp / s, fp / s, fneg / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

fn prf_pages(v: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let p: Vec<f64> = v
        .iter()
        .filter(|x| x.0 + x.1 > 0.0)
        .map(|&(tp, fp, fneg)| {
            if fp == 0.0 && fneg == 0.0 {
                1.0
            } else if tp == 0.0 && fp == 0.0 {
                0.0
            } else {
                tp / (tp + fp)
            }
        })
        .collect();
    let r: Vec<f64> = v
        .iter()
        .filter(|x| x.0 + x.2 > 0.0)
        .map(|&(tp, fp, fneg)| {
            if fp == 0.0 && fneg == 0.0 {
                1.0
            } else if tp == 0.0 && fneg == 0.0 {
                0.0
            } else {
                tp / (tp + fneg)
            }
        })
        .collect();
    let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len().max(1) as f64;
    let (p, r) = (mean(&p), mean(&r));
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

/// Main-text extraction on the article-extraction benchmark: storydiff's
/// HTML reading (rs-trafilatura, text as `storydiff segment` returns it)
/// beside dom_smoothie.
fn extraction(dir: &Path) {
    use std::io::Read;
    let Ok(gt) = std::fs::read_to_string(dir.join("ground-truth.json")) else {
        println!("extraction: {} not found, skipped", dir.display());
        return;
    };
    let gt: serde_json::Value = serde_json::from_str(&gt).unwrap_or_default();
    let Some(pages) = gt.as_object() else {
        return;
    };
    let (mut ours, mut smoothie) = (Vec::new(), Vec::new());
    let mut failed = 0;
    for (key, v) in pages {
        let truth = v["articleBody"].as_str().unwrap_or_default();
        let Ok(f) = std::fs::File::open(dir.join("html").join(format!("{key}.html.gz"))) else {
            continue;
        };
        let mut html = String::new();
        let mut bytes = Vec::new();
        if flate2::read::GzDecoder::new(f)
            .read_to_end(&mut bytes)
            .is_err()
        {
            continue;
        }
        html.push_str(&String::from_utf8_lossy(&bytes));
        let pred = match storydiff::ingest::source_from_text(
            key,
            key,
            html.clone(),
            storydiff::ingest::FormatChoice::Html,
        ) {
            Ok(src) => {
                let doc = storydiff::document::Document::build(&src);
                doc.sentences
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            }
            Err(_) => {
                failed += 1;
                String::new()
            }
        };
        ours.push(tp_fp_fn(truth, &pred));
        let ds = dom_smoothie::Readability::new(html.as_str(), None, None)
            .ok()
            .and_then(|mut r| r.parse().ok())
            .map(|a| a.text_content.to_string())
            .unwrap_or_default();
        smoothie.push(tp_fp_fn(truth, &ds));
    }
    let (p, r, f) = prf_pages(&ours);
    let (p2, r2, f2) = prf_pages(&smoothie);
    println!(
        "article extraction ({} pages): storydiff (rs-trafilatura) P {p:.3} R {r:.3} F1 {f:.3} ({failed} pages without text); dom_smoothie P {p2:.3} R {r2:.3} F1 {f2:.3}",
        ours.len()
    );
}

/// Attribution on nine real ECB+ reports labelled by hand
/// (`eval/ecb-attribution.json`): cue and speaker accuracy. Speakers compare
/// case-insensitively, without a leading "the".
fn ecb_attribution(clusters: &Path) {
    let Ok(text) = std::fs::read_to_string(clusters) else {
        println!("ecb attribution: {} not found, skipped", clusters.display());
        return;
    };
    let labels: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/ecb-attribution.json"),
        )
        .unwrap_or_default(),
    )
    .unwrap_or_default();
    let Some(docs) = labels["docs"].as_object() else {
        return;
    };
    let mut bodies = ecb::bodies(&text);
    bodies.retain(|id, _| docs.contains_key(id));
    let norm = |s: &str| {
        s.trim()
            .to_lowercase()
            .trim_start_matches("the ")
            .to_string()
    };
    let (mut n, mut cue_ok, mut spk_ok) = (0usize, 0usize, 0usize);
    for (id, rows) in docs {
        let Some(body) = bodies.get(id) else {
            continue;
        };
        let doc =
            storydiff::document::Document::build(&Source::from_text(id.clone(), body.clone()));
        for row in rows.as_array().into_iter().flatten() {
            let start = row[0].as_u64().unwrap_or(0) as usize;
            let Some(s) = doc.sentences.iter().find(|s| s.start == start) else {
                continue;
            };
            n += 1;
            if serde_json::to_value(s.attribution.cue).unwrap_or_default() == row[1] {
                cue_ok += 1;
            }
            let want = row[2].as_str().map(norm);
            if s.attribution.speaker.as_deref().map(norm) == want {
                spk_ok += 1;
            }
        }
    }
    let acc = |k: usize| k as f64 / n.max(1) as f64;
    println!(
        "attribution on 12 real ECB+ reports ({n} sentences): cue accuracy {:.3}, speaker accuracy {:.3}",
        acc(cue_ok),
        acc(spk_ok)
    );
}
