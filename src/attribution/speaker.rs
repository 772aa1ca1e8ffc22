//! Speakers: splitting a speaker phrase into name and role, mediums, and
//! the owners of documents.

use super::*;

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Split "Deputy Foreign Minister Sergei Antonov" into (name, role).
pub(super) fn split_role(phrase: &str) -> (Option<String>, Option<String>) {
    let ws = words_of(phrase);
    if ws.is_empty() {
        return (None, None);
    }
    // Name: the trailing run of capitalised words that are not role words.
    let mut k = ws.len();
    // A possessive stops the name ("Interoute's Wright": the company is
    // part of the description).
    while k > 0
        && is_cap(ws[k - 1])
        && !(k < ws.len() && (ws[k - 1].ends_with("'s") || ws[k - 1].ends_with("’s")))
        && !ROLES.contains(lower(ws[k - 1]).trim_end_matches('.'))
        && !ANONYMOUS.contains(&lower(ws[k - 1]))
        && !matches!(
            lower(ws[k - 1]).as_str(),
            "the" | "a" | "an" | "two" | "three" | "several" | "some" | "many"
        )
    {
        k -= 1;
    }
    let name = (k < ws.len()).then(|| ws[k..].join(" "));
    let role_words: Vec<&str> = ws[..k]
        .iter()
        .copied()
        .filter(|w| !matches!(lower(w).as_str(), "the" | "a" | "an"))
        .collect();
    let role = (!role_words.is_empty()).then(|| role_words.join(" "));
    (name, role)
}

/// Mediums and addressees after a verb: "told RBC", "in a statement",
/// "on Twitter", "on Fox News Sunday".
pub(super) fn medium_after(rest: &str) -> Option<String> {
    let r = rest.trim_start();
    let lower_r = r.to_lowercase();
    for p in [
        "in a statement",
        "in an interview",
        "in a post",
        "in a tweet",
        "in a letter",
    ] {
        if lower_r.starts_with(p) {
            return Some(p.trim_start_matches("in ").to_string());
        }
    }
    for p in ["on ", "to ", "in "] {
        if let Some(x) = lower_r.strip_prefix(p) {
            let orig = &r[p.len()..];
            let ws = words_of(orig);
            let caps = leading_caps(&ws);
            let when = caps
                .first()
                .is_some_and(|w| crate::text::is_time_word(&lower(w)));
            if !caps.is_empty() && !x.is_empty() && !when {
                return Some(caps.join(" "));
            }
        }
    }
    None
}

/// "this L.A. Times story" → "L.A. Times": the outlet behind a document
/// named with a determiner and a document noun.
pub(super) fn document_owner(phrase: &str) -> String {
    let mut ws: Vec<&str> = phrase.split_whitespace().collect();
    if ws.len() > 2
        && matches!(lower(ws[0]).as_str(), "this" | "that" | "a" | "an" | "the")
        && ws[1].chars().next().is_some_and(char::is_uppercase)
    {
        ws.remove(0);
    }
    if ws.len() > 1
        && matches!(
            lower(ws[ws.len() - 1]).as_str(),
            "story" | "report" | "article" | "piece" | "statement" | "account" | "analysis"
        )
        && ws[ws.len() - 2]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        ws.pop();
    }
    ws.join(" ")
}

/// The capitalised words that open `ws`, after an optional "the": a name
/// such as "the Volna news agency" → `["Volna"]`.
pub(super) fn leading_caps<'a>(ws: &[&'a str]) -> Vec<&'a str> {
    ws.iter()
        .copied()
        .skip_while(|w| lower(w) == "the")
        .take_while(|w| is_cap(w))
        .collect()
}

/// The byte offset of the first full stop that ends a sentence in `s`: a
/// dot followed by a space or the end, not the dot of a title ("Dr.",
/// "Capt.") or an initial ("J.", "L.A.").
pub(super) fn sentence_dot(s: &str) -> Option<usize> {
    s.match_indices('.').map(|(k, _)| k).find(|&k| {
        let ends = s[k + 1..].starts_with(char::is_whitespace) || k + 1 == s.len();
        let word = s[..k].rsplit([' ', '.']).next().unwrap_or("");
        let abbrev = word.len() == 1
            || s[..k].rsplit(' ').next().is_some_and(|w| w.contains('.'))
            || (is_cap(word) && ROLES.contains(&lower(word)));
        ends && !abbrev
    })
}

/// A speaker named after the verb, without what follows the name: "agent
/// Mark Roesler in a written statement" → "agent Mark Roesler"; a phrase
/// that starts with a preposition ("in a telephone interview") names no one.
pub(super) fn phrase_before_preposition(obj: &str) -> &str {
    let mut pos = 0;
    for w in obj.split(' ') {
        if matches!(
            w,
            "in" | "on" | "at" | "during" | "after" | "before" | "with" | "from" | "to" | "via"
        ) {
            return obj[..pos].trim_end();
        }
        pos += w.len() + 1;
    }
    obj
}
