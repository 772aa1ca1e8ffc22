//! Attribution accuracy on labelled real news, read at run time.
//!
//! ```text
//! cargo run --release --example eval_attribution -- --data ../shared/data \
//!     [--errors dev|ecb|dev2] [--dev eval/ecb-attribution-dev2.json] \
//!     [--heldout eval/ecb-attribution-test.json [--texts DIR]]
//! ```
//!
//! Sets:
//! - `gum-news` (24 Wikinews articles, every sentence labelled from GUM's gold
//!   discourse annotation). The split is fixed before any tuning: articles
//!   sorted by name, even positions (0, 2, …) are **dev** (rules are tuned on
//!   them), odd positions are **test** (only measured). The tagger is also
//!   trained without the test articles (see `examples/train_tagger.rs`).
//! - `eval/ecb-attribution.json`: twelve hand-labelled ECB+ reports. The rules
//!   were written against them: a dev set.
//! - `--dev FILE`: another ECB+ set labelled the same way for tuning
//!   (`eval/ecb-attribution-dev2.json`, twelve reports of four stories);
//!   texts from the ECB+ clusters; `--errors dev2` prints its errors.
//! - `--heldout FILE --texts DIR`: a set labelled the same way by someone else,
//!   measured only, never read while writing rules.
//!
//! Figures: cue accuracy and speaker accuracy over all sentences (a sentence
//! with no attribution must get no speaker), and over attributed sentences
//! only (gold cue other than `none`). Speakers compare case-insensitively,
//! without a leading "the"; anonymous sources compare as "anonymous"; a
//! label that keeps a title ("Professor Cres Eastman") matches the role and
//! name found ("Professor" + "Cres Eastman").
//! `--errors dev|test|ecb` prints every wrong sentence of that set.

#[path = "support/ecb.rs"]
mod ecb;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use storydiff::attribution::{Attribution, attribute};
use storydiff::ingest::Source;

/// Is this gum-news article in the dev part? Sorted names, even positions.
pub fn gum_is_dev(sorted_index: usize) -> bool {
    sorted_index % 2 == 0
}

#[derive(Default)]
struct Score {
    n: usize,
    cue: usize,
    spk: usize,
    att_n: usize,
    att_cue: usize,
    att_spk: usize,
    /// Speaker right up to the form of the name: one's words end the other's
    /// ("Heald" / "Colette Heald", "team member Rodaba Noori" / "Rodaba Noori").
    loose: usize,
    att_loose: usize,
}

fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    !short.is_empty() && long.ends_with(short)
}

impl Score {
    fn add(&mut self, gold_cue: &str, gold_spk: Option<&str>, got: &Attribution) -> bool {
        let cue = cue_name(got) == gold_cue;
        // The name, or the title and the name when the label keeps the title
        // ("Professor Cres Eastman"): LABELING.md §3 names the person; the
        // title is the attribution's `role`.
        let gold = gold_spk.map(norm);
        let titled = match (&got.role, &got.speaker) {
            (Some(r), Some(s)) if !got.anonymous => Some(norm(&format!("{r} {s}"))),
            _ => None,
        };
        let spk = speaker_of(got) == gold || (titled.is_some() && titled == gold);
        let loose = spk
            || matches!((speaker_of(got), gold_spk.map(norm)), (Some(x), Some(y)) if same_person(&x, &y));
        self.loose += loose as usize;
        self.n += 1;
        self.cue += cue as usize;
        self.spk += spk as usize;
        if gold_cue != "none" {
            self.att_n += 1;
            self.att_cue += cue as usize;
            self.att_spk += spk as usize;
            self.att_loose += loose as usize;
        }
        cue && spk
    }
    fn line(&self, name: &str) -> String {
        let r = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        format!(
            "{name}: {} sentences: cue {:.3}, speaker {:.3} (same person {:.3}); attributed ({}): cue {:.3}, speaker {:.3} (same person {:.3})",
            self.n,
            r(self.cue, self.n),
            r(self.spk, self.n),
            r(self.loose, self.n),
            self.att_n,
            r(self.att_cue, self.att_n),
            r(self.att_spk, self.att_n),
            r(self.att_loose, self.att_n)
        )
    }
}

fn norm(s: &str) -> String {
    let l = s.trim().to_lowercase();
    l.strip_prefix("the ").unwrap_or(&l).to_string()
}

fn cue_name(a: &Attribution) -> String {
    serde_json::to_value(a.cue)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn speaker_of(a: &Attribution) -> Option<String> {
    if a.anonymous {
        return Some("anonymous".into());
    }
    a.speaker.as_deref().map(norm)
}

fn main() {
    let mut data = PathBuf::from("../shared/data");
    let mut errors = String::new();
    let mut heldout: Option<PathBuf> = None;
    let mut dev2: Option<PathBuf> = None;
    let mut texts: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--data" => data = PathBuf::from(val()),
            "--errors" => errors = val(),
            "--dev" => dev2 = Some(PathBuf::from(val())),
            "--heldout" => heldout = Some(PathBuf::from(val())),
            "--texts" => texts = Some(PathBuf::from(val())),
            other => panic!("unknown argument {other}"),
        }
    }
    gum_news(&data.join("gum-news/sentences.jsonl"), &errors);
    let ecb = ecb_bodies(&data.join("ecbplus/clusters.jsonl"));
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/ecb-attribution.json");
    labelled_set(
        "ecb+ dev (eval/ecb-attribution.json)",
        &dev,
        &ecb,
        errors == "ecb",
    );
    if let Some(d) = dev2 {
        labelled_set(
            &format!("ecb+ dev2 ({})", d.display()),
            &d,
            &ecb,
            errors == "dev2",
        );
    }
    if let Some(h) = heldout {
        // Report texts: from a folder of <doc>.txt when given, else straight
        // from the ECB+ clusters (title, blank line, text).
        let bodies = match texts {
            Some(t) => {
                let mut bodies = BTreeMap::new();
                for e in std::fs::read_dir(&t).into_iter().flatten().flatten() {
                    let p = e.path();
                    if let (Some(stem), Ok(body)) = (p.file_stem(), std::fs::read_to_string(&p)) {
                        bodies.insert(stem.to_string_lossy().to_string(), body);
                    }
                }
                bodies
            }
            None => ecb_bodies(&data.join("ecbplus/clusters.jsonl")),
        };
        labelled_set("ecb+ held-out", &h, &bodies, false);
    }
}

fn gum_news(path: &Path, errors: &str) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("gum-news: {} not found, skipped", path.display());
        return;
    };
    let mut docs: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    for line in text.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            let d = v["doc"].as_str().unwrap_or_default().to_string();
            docs.entry(d).or_default().push(v);
        }
    }
    let (mut dev, mut test) = (Score::default(), Score::default());
    for (i, (name, rows)) in docs.iter().enumerate() {
        let is_dev = gum_is_dev(i);
        let sents: Vec<&str> = rows
            .iter()
            .map(|r| r["text"].as_str().unwrap_or_default())
            .collect();
        let got = attribute(&sents);
        for (r, g) in rows.iter().zip(&got) {
            if r["sources_section"].as_bool() == Some(true) {
                continue;
            }
            let gold_cue = r["cue"].as_str().unwrap_or("none");
            let gold_spk = r["speaker"].as_str();
            let ok = if is_dev { &mut dev } else { &mut test }.add(gold_cue, gold_spk, g);
            let show = (errors == "dev" && is_dev) || (errors == "test" && !is_dev);
            if !ok && show {
                println!(
                    "{name}#{} gold {gold_cue}/{gold_spk:?} got {}/{:?} verb {:?}\n    {}",
                    r["sent"],
                    cue_name(g),
                    speaker_of(g),
                    g.verb,
                    r["text"].as_str().unwrap_or_default()
                );
            }
        }
    }
    println!("{}", dev.line("gum-news dev (12 articles, even positions)"));
    println!(
        "{}",
        test.line("gum-news test (12 articles, odd positions)")
    );
}

fn ecb_bodies(clusters: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(clusters)
        .map(|t| ecb::bodies(&t))
        .unwrap_or_default()
}

/// A file `{"docs": {id: [[start, cue, speaker], …]}}` over report texts.
fn labelled_set(name: &str, labels: &Path, bodies: &BTreeMap<String, String>, errors: bool) {
    let labels: serde_json::Value = std::fs::read_to_string(labels)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let Some(docs) = labels["docs"].as_object() else {
        println!("{name}: no labels, skipped");
        return;
    };
    let mut score = Score::default();
    let mut reports = 0;
    for (id, rows) in docs {
        let Some(body) = bodies.get(id) else {
            continue;
        };
        reports += 1;
        let doc =
            storydiff::document::Document::build(&Source::from_text(id.clone(), body.clone()));
        // A row is [start, cue, speaker] or {"start", "cue", "speaker", …}.
        let fields = |row: &serde_json::Value| -> (usize, serde_json::Value, serde_json::Value) {
            let (start, cue, speaker) = if row.is_object() {
                (&row["start"], &row["cue"], &row["speaker"])
            } else {
                (&row[0], &row[1], &row[2])
            };
            (
                start.as_u64().unwrap_or(0) as usize,
                cue.clone(),
                speaker.clone(),
            )
        };
        let labelled: std::collections::BTreeSet<usize> = rows
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| fields(r).0)
            .collect();
        for row in rows.as_array().into_iter().flatten() {
            let (start, cue, speaker) = fields(row);
            // The sentence that starts there; else the one holding the
            // label's first word, unless that sentence has its own label
            // (the segmenter moved a stray quote mark since labelling).
            let at = ecb::first_word(body, start);
            let Some(s) = doc.sentences.iter().find(|s| s.start == start).or_else(|| {
                doc.sentences
                    .iter()
                    .find(|s| s.start <= at && at < s.end && !labelled.contains(&s.start))
            }) else {
                continue;
            };
            let gold_cue = cue.as_str().unwrap_or("none");
            let ok = score.add(gold_cue, speaker.as_str(), &s.attribution);
            if !ok && errors {
                println!(
                    "{id}@{start} gold {gold_cue}/{:?} got {}/{:?} verb {:?}\n    {}",
                    speaker.as_str(),
                    cue_name(&s.attribution),
                    speaker_of(&s.attribution),
                    s.attribution.verb,
                    s.clean
                );
            }
        }
    }
    println!("{}", score.line(&format!("{name} ({reports} reports)")));
}
