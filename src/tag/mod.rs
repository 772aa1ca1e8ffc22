//! Part-of-speech tagging and name spans.
//!
//! An averaged perceptron (Collins 2002; the feature set of Honnibal's
//! "A good part-of-speech tagger in about 200 lines of Python", plus word
//! shapes so that capitals count) over the 17 Universal Dependencies tags,
//! trained on UD English EWT and GUM (`examples/train_tagger.rs`). The
//! weights ship in `data/tagger.bin` (see `data/README.md` for the format,
//! the training data and its licences).
//!
//! Cost: one pass over the tokens, a fixed number (18) of hashed features per
//! token, one table look-up each; no allocation per feature.
//!
//! ```
//! use storydiff::tag::{Upos, tag, names};
//! let text = "The United States handed Ryabkov a note, said Mr. Putin.";
//! let toks = tag(text);
//! let verbs: Vec<&str> = toks.iter().filter(|t| t.tag == Upos::Verb).map(|t| &text[t.start..t.end]).collect();
//! assert_eq!(verbs, ["handed", "said"]);
//! let ns: Vec<&str> = names(text, &toks).iter().map(|s| &text[s.start..s.end]).collect();
//! assert_eq!(ns, ["United States", "Ryabkov", "Putin"]);
//! ```

mod model;
mod tokens;

pub use model::{Model, N_FEATURES, features, model, word_features};
pub use tokens::tokenize;

use serde::Serialize;

/// Universal Dependencies part-of-speech tags, in a fixed order (the index
/// is the class number in the weights).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

/// All tags, by class number.
pub const TAGS: [Upos; 17] = [
    Upos::Adj,
    Upos::Adp,
    Upos::Adv,
    Upos::Aux,
    Upos::Cconj,
    Upos::Det,
    Upos::Intj,
    Upos::Noun,
    Upos::Num,
    Upos::Part,
    Upos::Pron,
    Upos::Propn,
    Upos::Punct,
    Upos::Sconj,
    Upos::Sym,
    Upos::Verb,
    Upos::X,
];

impl Upos {
    /// The tag as written in CoNLL-U ("PROPN").
    pub fn name(self) -> &'static str {
        [
            "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
            "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
        ][self as usize]
    }

    /// The tag named `s` in CoNLL-U, if any.
    pub fn parse(s: &str) -> Option<Upos> {
        TAGS.iter().copied().find(|t| t.name() == s)
    }
}

/// One token with its byte span in the text and its tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub tag: Upos,
}

/// A byte span of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Sentences tagged lately, by text, shared by all threads: the attribution
/// reader (one thread per report), the attribution differences and the
/// conflicts (other threads) ask for the same sentences. Cleared when full,
/// so memory stays bounded (a few tens of MB at most).
const TAG_CACHE: usize = 32768;

/// Tokenize and tag a sentence.
pub fn tag(text: &str) -> Vec<Token> {
    use std::sync::{Mutex, OnceLock};
    type Cache = Mutex<rustc_hash::FxHashMap<String, Vec<Token>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    // A poisoned lock (a panic elsewhere while holding it) only loses the
    // cache: tagging again gives the same tokens.
    if let Ok(c) = cache.lock()
        && let Some(t) = c.get(text)
    {
        return t.clone();
    }
    let out = tag_uncached(text);
    if let Ok(mut c) = cache.lock() {
        if c.len() >= TAG_CACHE {
            c.clear();
        }
        c.insert(text.to_string(), out.clone());
    }
    out
}

fn tag_uncached(text: &str) -> Vec<Token> {
    let spans = tokenize(text);
    let words: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    let tags = model().tag(&words);
    spans
        .into_iter()
        .zip(tags)
        .map(|((start, end), tag)| Token { start, end, tag })
        .collect()
}

/// Names: runs of proper nouns ("Sergei Ryabkov"), with capitalised
/// adjectives, nouns or participles before a proper noun ("United States",
/// where UD tags "United" ADJ), joined over "of", "for", "and", "the", "&",
/// "-" and "de" between two parts ("Department of Agriculture"). A title
/// abbreviation alone ("Mr.") is not a name.
pub fn names(text: &str, toks: &[Token]) -> Vec<Span> {
    let word = |k: usize| &text[toks[k].start..toks[k].end];
    let capital = |k: usize| word(k).chars().next().is_some_and(char::is_uppercase);
    // Can token k be part of a name that a proper noun ends?
    let part = |k: usize| {
        toks[k].tag == Upos::Propn
            || (capital(k)
                && matches!(toks[k].tag, Upos::Adj | Upos::Noun | Upos::Verb | Upos::Num))
    };
    let joiner = |k: usize| {
        matches!(
            word(k).to_lowercase().as_str(),
            "of" | "for" | "and" | "the" | "&" | "-" | "de"
        )
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !part(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < toks.len() && part(end) {
                end += 1;
            } else if end + 1 < toks.len() && joiner(end) && part(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        // The name ends at its last proper noun.
        let mut last = end;
        while last > start && toks[last - 1].tag != Upos::Propn {
            last -= 1;
        }
        if last > start {
            let s = toks[start].start;
            let e = toks[last - 1].end;
            let only_title = last - start == 1 && is_title_abbrev(&text[s..e]);
            if !only_title {
                out.push(Span { start: s, end: e });
            }
        }
        i = end;
    }
    out
}

fn is_title_abbrev(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gov" | "Gen" | "Prof" | "St"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags_of(text: &str) -> Vec<(String, &'static str)> {
        tag(text)
            .iter()
            .map(|t| (text[t.start..t.end].to_string(), t.tag.name()))
            .collect()
    }

    // The seed's failure: "United States" is a name, "handed" the verb.
    #[test]
    fn united_states_is_a_name_not_a_speaker_and_verb() {
        let text = "The United States on Friday handed Russia its answer.";
        let t = tags_of(text);
        assert_eq!(t[1], ("United".into(), "ADJ"));
        assert_eq!(t[2], ("States".into(), "PROPN"));
        assert_eq!(t[5], ("handed".into(), "VERB"));
        let ns: Vec<&str> = names(text, &tag(text))
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(ns, ["United States", "Friday", "Russia"]);
    }

    // Reporting verbs are verbs; "states" as a noun is not.
    #[test]
    fn states_as_noun_and_said_as_verb() {
        let t = tags_of("Several states said they would sue.");
        assert_eq!(t[1], ("states".into(), "NOUN"));
        assert_eq!(t[2], ("said".into(), "VERB"));
    }

    // An empty or punctuation-only sentence tags without panicking.
    #[test]
    fn empty_and_punctuation_only_input() {
        assert!(tag("").is_empty());
        assert!(tag("   ").is_empty());
        assert_eq!(tags_of("“…”").len(), 3);
    }

    // Class numbers and CoNLL-U names round-trip.
    #[test]
    fn tag_names_round_trip() {
        for t in TAGS {
            assert_eq!(Upos::parse(t.name()), Some(t));
        }
        assert_eq!(Upos::parse("NOPE"), None);
    }
}
