//! Write `data/words/common_nouns.txt`: words mostly used as lower-case
//! common nouns in the treebanks, and never (or rarely) as a first name.
//! The attribution reads a capitalised one before a person's name as a
//! title ("Sheriff Robert Pickell", "Coroner Gary Hargrove").
//!
//! ```text
//! cargo run --release --example common_nouns -- --treebanks ../shared/data/treebanks \
//!     [--out data/words/common_nouns.txt]
//! ```
//!
//! Source: UD English EWT (train, dev, test) and every GUM document except
//! the GUM news articles of the attribution test part (odd positions of the
//! sorted `GUM_news_*` names, as in `examples/train_tagger.rs`).
//!
//! A word (lower case, letters only) is listed when, over its lower-case
//! occurrences, it is tagged NOUN at least twice and at least half the time,
//! and it heads a name of capitalised words (a capitalised PROPN with a
//! `flat` dependent right after it, "Bill Gates") at most a quarter as often
//! as it is a lower-case noun: "sheriff", "county", "police" are listed;
//! "bill", "mark", "will" are not.

#[path = "support/gum.rs"]
mod gum;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Default)]
struct Counts {
    lower: usize,
    lower_noun: usize,
    first_name: usize,
}

fn count(path: &Path, counts: &mut HashMap<String, Counts>) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let mut sent: Vec<Vec<String>> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            for (i, c) in sent.iter().enumerate() {
                let form = &c[1];
                let l = form.to_lowercase();
                if !l.chars().all(|ch| ch.is_ascii_alphabetic()) {
                    continue;
                }
                let e = counts.entry(l).or_default();
                let first = form.chars().next().unwrap_or(' ');
                if first.is_lowercase() {
                    e.lower += 1;
                    if c[3] == "NOUN" {
                        e.lower_noun += 1;
                    }
                } else if c[3] == "PROPN"
                    && sent
                        .get(i + 1)
                        .is_some_and(|n| n[7] == "flat" && n[6] == c[0])
                {
                    e.first_name += 1;
                }
            }
            sent.clear();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<String> = line.split('\t').map(str::to_string).collect();
        if cols.len() < 8 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        sent.push(cols);
    }
}

fn main() {
    let mut tb = PathBuf::from("../shared/data/treebanks");
    let mut out = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/words/common_nouns.txt");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--treebanks" => tb = PathBuf::from(args.next().expect("--treebanks needs a path")),
            "--out" => out = PathBuf::from(args.next().expect("--out needs a path")),
            other => panic!("unknown argument {other}"),
        }
    }
    let (gum, held) = gum::files(&tb);
    let mut files: Vec<PathBuf> = ["train", "dev", "test"]
        .iter()
        .map(|s| tb.join(format!("ewt/en_ewt-ud-{s}.conllu")))
        .collect();
    files.extend(gum.iter().filter(|p| !held.contains(p)).cloned());
    let mut counts: HashMap<String, Counts> = HashMap::new();
    for f in &files {
        count(f, &mut counts);
    }
    let mut words: Vec<&String> = counts
        .iter()
        .filter(|(_, c)| {
            c.lower_noun >= 2 && c.lower_noun * 2 >= c.lower && c.first_name * 4 <= c.lower_noun
        })
        .map(|(w, _)| w)
        .collect();
    words.sort();
    let mut text = String::from(
        "# Words mostly used as lower-case common nouns, rarely as first names.\n\
         # Derived by examples/common_nouns.rs from UD English EWT (CC BY-SA 4.0,\n\
         # Silveira et al. 2014) and GUM (annotations CC BY 4.0, Zeldes 2017).\n",
    );
    for w in &words {
        text.push_str(w);
        text.push('\n');
    }
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("{}: cannot write: {e}", out.display()));
    eprintln!("{} words → {}", words.len(), out.display());
}
