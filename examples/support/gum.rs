//! The GUM treebank's files and its held-out part, shared by the programs
//! that learn from the treebanks (`train_tagger`, `common_nouns`), so that
//! both leave out the same articles.

use std::path::{Path, PathBuf};

/// Every GUM `.conllu` file under `treebanks/gum`, sorted by name, and the
/// held-out ones among them: the news articles in sorted order, odd
/// positions (the same rule as the gum-news test articles of
/// `eval_attribution`).
pub fn files(treebanks: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut gum: Vec<PathBuf> = std::fs::read_dir(treebanks.join("gum"))
        .expect("treebanks/gum")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    gum.sort();
    let held = gum
        .iter()
        .filter(|p| p.to_string_lossy().contains("GUM_news_"))
        .skip(1)
        .step_by(2)
        .cloned()
        .collect();
    (gum, held)
}
