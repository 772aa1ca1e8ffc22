//! Reading ECB+ reports (`../shared/data/ecbplus/clusters.jsonl`) as the
//! labellers read them: title, blank line, text. Shared by the eval programs.
// Each example uses a different subset of these helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;

/// One report's text: its title, a blank line, then its text.
pub fn doc_text(d: &serde_json::Value) -> String {
    format!(
        "{}\n\n{}",
        d["title"].as_str().unwrap_or_default(),
        d["text"].as_str().unwrap_or_default()
    )
}

/// Every report's text by doc id, from the contents of `clusters.jsonl`
/// (lines that are not JSON are skipped).
pub fn bodies(clusters_jsonl: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in clusters_jsonl.lines() {
        let Ok(c) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        for d in c["docs"].as_array().into_iter().flatten() {
            let id = d["doc_id"].as_str().unwrap_or_default().to_string();
            out.insert(id, doc_text(d));
        }
    }
    out
}

/// The offset of the first letter or digit at or after `off` in `body`
/// (`off` when there is none). Labels name a sentence by the offset of its
/// start; the sentence holding this offset is the one meant, even when the
/// segmenter has since moved a stray quote mark from one sentence to the
/// next.
#[allow(dead_code)]
pub fn first_word(body: &str, off: usize) -> usize {
    body.get(off..)
        .and_then(|t| t.char_indices().find(|c| c.1.is_alphanumeric()))
        .map_or(off, |c| off + c.0)
}
