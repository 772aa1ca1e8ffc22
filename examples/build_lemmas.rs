//! Build `data/lemmas.txt`: the irregular verb and noun forms of English
//! ("fell" → "fall", "struck" → "strike", "men" → "man"), learned from the
//! gold lemmas of the UD treebanks, for [`storydiff::text::lemma`].
//!
//! ```text
//! cargo run --release --example build_lemmas -- --treebanks ../shared/data/treebanks [--out data/lemmas.txt]
//! ```
//!
//! Read: UD English EWT train, and every GUM document except the GUM news
//! articles of the attribution test part (odd positions of the sorted
//! `GUM_news_*` names, as in `examples/train_tagger.rs`). Kept: a lowercase
//! form tagged VERB or NOUN whose Snowball stem differs from its lemma's
//! (regular forms, "killed" → "kill", already stem together), seen at least
//! [`MIN_COUNT`] times with that lemma, which is at least [`MIN_SHARE`] of
//! its VERB and NOUN uses. Written sorted, one `form<TAB>lemma` a line.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use storydiff::text::{fold, stem};

/// Fewest times a form must carry its lemma.
const MIN_COUNT: usize = 2;
/// Least share of a form's VERB and NOUN uses that carry its lemma.
const MIN_SHARE: f64 = 0.8;

fn read(path: &Path, counts: &mut HashMap<String, HashMap<String, usize>>) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        if !matches!(cols[3], "VERB" | "NOUN") {
            continue;
        }
        let (form, lemma) = (fold(cols[1]), fold(cols[2]));
        if !form.chars().all(|c| c.is_ascii_lowercase()) || lemma == "_" {
            continue;
        }
        *counts.entry(form).or_default().entry(lemma).or_default() += 1;
    }
}

fn main() {
    let mut treebanks = PathBuf::from("../shared/data/treebanks");
    let mut out = PathBuf::from("data/lemmas.txt");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--treebanks" => treebanks = args.next().map(PathBuf::from).unwrap_or(treebanks),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            other => panic!("unknown argument {other}"),
        }
    }
    let mut files = vec![treebanks.join("ewt").join("en_ewt-ud-train.conllu")];
    let mut gum: Vec<PathBuf> = std::fs::read_dir(treebanks.join("gum"))
        .expect("gum directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    gum.sort();
    let news: Vec<PathBuf> = gum
        .iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("GUM_news_"))
        })
        .cloned()
        .collect();
    let held_out: Vec<&PathBuf> = news.iter().skip(1).step_by(2).collect();
    files.extend(gum.iter().filter(|p| !held_out.contains(p)).cloned());
    let mut counts: HashMap<String, HashMap<String, usize>> = HashMap::new();
    for f in &files {
        read(f, &mut counts);
    }
    let mut kept: BTreeMap<String, String> = BTreeMap::new();
    for (form, lemmas) in &counts {
        let total: usize = lemmas.values().sum();
        // The most frequent lemma; ties go to the alphabetically first.
        let Some((lemma, n)) = lemmas
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        else {
            continue;
        };
        if *n < MIN_COUNT || (*n as f64) < MIN_SHARE * total as f64 {
            continue;
        }
        // Regular forms stem together; lemmas that are not words ("am" →
        // "a.m.") are not kept.
        if stem(form) == stem(lemma) || !lemma.chars().all(|c| c.is_ascii_lowercase()) {
            continue;
        }
        kept.insert(form.clone(), lemma.clone());
    }
    let mut text = String::from(
        "# Irregular verb and noun forms and their lemmas, learned from UD English EWT (train)\n\
         # and GUM by examples/build_lemmas.rs (see data/README.md). CC BY-SA 4.0.\n",
    );
    for (f, l) in &kept {
        text.push_str(&format!("{f}\t{l}\n"));
    }
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    println!(
        "{} forms from {} files written to {}",
        kept.len(),
        files.len(),
        out.display()
    );
}
