//! Word-level analysis of a sentence: tokens, folding, stems, content terms,
//! numbers and names.
//!
//! ```
//! let f = storydiff::text::analyze("The Fed raised rates by 0.25 points, officials said.");
//! assert!(f.terms.contains(&"rais".to_string()));
//! assert_eq!(f.numbers, vec!["0.25".to_string()]);
//! assert!(!f.terms.iter().any(|t| t == "said" || t == "say"));
//! ```

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// What the aligner and the comparer need to know about one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Stemmed, folded content words (stop words and reporting verbs removed),
    /// in order of appearance, with repeats removed.
    pub terms: Vec<String>,
    /// For each term, the first word that produced it (folded), for evidence.
    pub surfaces: Vec<String>,
    /// Numbers as written, with thousands separators removed ("1,200" → "1200").
    pub numbers: Vec<String>,
    /// Folded capitalised words that are not sentence-initial function words.
    pub names: Vec<String>,
}

/// Common English function words: they carry no claim.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "else",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one's",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "mr",
    "mrs",
    "ms",
    "dr",
    "s",
    "t",
    "ve",
    "ll",
    "re",
    "d",
    "m",
    "also",
    "still",
    "yet",
    "however",
    "although",
    "though",
    "since",
    "via",
    "per",
    "within",
    "without",
    "among",
    "amid",
    "around",
    "across",
    "along",
    "toward",
    "towards",
    "onto",
    "says",
    "according",
];

/// Reporting verbs and attribution boilerplate, as folded words. They say who
/// said a thing, not what was said, so they never count as content.
pub const REPORTING_WORDS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "state",
    "states",
    "stated",
    "stating",
    "note",
    "notes",
    "noted",
    "noting",
    "according",
    "report",
    "reports",
    "reported",
    "reporting",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "explain",
    "explained",
    "explains",
    "stress",
    "stressed",
    "stresses",
    "insist",
    "insisted",
    "insists",
    "argue",
    "argued",
    "argues",
    "announce",
    "announced",
    "announces",
    "comment",
    "commented",
    "quote",
    "quoted",
    "statement",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "reporter",
    "reporters",
    "interview",
    "press",
    "conference",
    "news",
    "agency",
    "asked",
    "ask",
    "asks",
    "wrote",
    "write",
    "writes",
    "tweeted",
    "posted",
    "declared",
    "continued",
    "went",
    "remarked",
    "suggested",
    "confirmed",
    "confirm",
    "confirms",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "warned",
    "warn",
    "warns",
];

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Fold a word for comparison: compatibility decomposition, accents dropped,
/// lowercase, curly apostrophes made straight.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
        .collect()
}

/// British spellings common in news, with their American forms, so that a
/// UK and a US outlet's words meet ("centre" / "center").
const BRITISH: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "centers"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("metres", "meters"),
    ("kilometre", "kilometer"),
    ("kilometres", "kilometers"),
    ("litre", "liter"),
    ("litres", "liters"),
    ("fibre", "fiber"),
    ("colour", "color"),
    ("favour", "favor"),
    ("favoured", "favored"),
    ("labour", "labor"),
    ("honour", "honor"),
    ("behaviour", "behavior"),
    ("neighbour", "neighbor"),
    ("neighbouring", "neighboring"),
    ("harbour", "harbor"),
    ("rumour", "rumor"),
    ("rumours", "rumors"),
    ("vapour", "vapor"),
    ("armour", "armor"),
    ("armoured", "armored"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("cancelled", "canceled"),
    ("cancelling", "canceling"),
    ("labelled", "labeled"),
    ("modelling", "modeling"),
    ("fuelled", "fueled"),
    ("jewellery", "jewelry"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("grey", "gray"),
    ("aluminium", "aluminum"),
    ("mould", "mold"),
    ("plough", "plow"),
    ("sceptical", "skeptical"),
    ("paediatric", "pediatric"),
    ("anaesthetic", "anesthetic"),
    ("manoeuvre", "maneuver"),
    ("organise", "organize"),
    ("organised", "organized"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("recognise", "recognize"),
    ("recognised", "recognized"),
    ("realise", "realize"),
    ("realised", "realized"),
    ("apologise", "apologize"),
    ("apologised", "apologized"),
    ("criticise", "criticize"),
    ("criticised", "criticized"),
    ("emphasise", "emphasize"),
    ("emphasised", "emphasized"),
    ("authorise", "authorize"),
    ("authorised", "authorized"),
    ("prioritise", "prioritize"),
    ("mobilise", "mobilize"),
    ("stabilise", "stabilize"),
    ("privatisation", "privatization"),
    ("minimise", "minimize"),
    ("maximise", "maximize"),
    ("legalise", "legalize"),
    ("characterise", "characterize"),
    ("hospitalised", "hospitalized"),
    ("analyse", "analyze"),
    ("analysed", "analyzed"),
    ("paralysed", "paralyzed"),
    ("paralyses", "paralyzes"),
];

/// The American spelling of a folded word, or the word itself.
pub fn americanize(folded: &str) -> &str {
    static M: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    M.get_or_init(|| BRITISH.iter().copied().collect())
        .get(folded)
        .copied()
        .unwrap_or(folded)
}

/// Drop an English possessive ending ("Russia's" → "russia").
fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w)
}

/// Days, months and relative days: when something was said, not where.
pub fn is_time_word(folded: &str) -> bool {
    matches!(
        folded,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
    )
}

pub fn is_stop(folded: &str) -> bool {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| STOP_WORDS.iter().copied().collect())
        .contains(folded)
}

pub fn is_reporting(folded: &str) -> bool {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| REPORTING_WORDS.iter().copied().collect())
        .contains(folded)
}

/// Irregular verb and noun forms and their lemmas ("fell" → "fall", "men"
/// → "man"), learned from the UD treebanks' gold lemmas by
/// `examples/build_lemmas.rs` (see `data/README.md`).
static LEMMAS: &str = include_str!("../data/lemmas.txt");

/// The lemma of an irregular verb or noun form ("fell" → "fall", "struck"
/// → "strike", "thieves" → "thief"); any other folded word as it is.
/// Regular forms need none: they stem together with their lemma.
pub fn lemma(folded: &str) -> &str {
    static M: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    M.get_or_init(|| {
        LEMMAS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
    .get(folded)
    .copied()
    .unwrap_or(folded)
}

/// The stem of a folded word's lemma: "fell", "falling" and "fall" give
/// one stem.
pub fn lemma_stem(folded: &str) -> String {
    stem(lemma(folded))
}

/// Stems kept per thread: the reports of one story repeat their words, and
/// Snowball costs more than a lookup. Cleared when it grows past this.
const STEM_CACHE: usize = 1 << 16;

/// Stem one folded word with the Snowball English stemmer.
pub fn stem(folded: &str) -> String {
    thread_local! {
        static CACHE: std::cell::RefCell<FxHashMap<String, String>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(s) = c.get(folded) {
            return s.clone();
        }
        let s = stemmer().stem(folded).into_owned();
        if c.len() >= STEM_CACHE {
            c.clear();
        }
        c.insert(folded.to_string(), s.clone());
        s
    })
}

/// A number token: starts with a digit ("12", "3.5", "1,200", "2022").
fn number_of(word: &str) -> Option<String> {
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        Some(word.chars().filter(|c| *c != ',').collect())
    } else {
        None
    }
}

/// Analyze one sentence's text.
pub fn analyze(text: &str) -> Features {
    let mut f = Features::default();
    // Sets beside the vectors keep this linear on pathological sentences.
    let mut seen_terms: FxHashSet<String> = FxHashSet::default();
    let mut seen_names: FxHashSet<String> = FxHashSet::default();
    let mut seen_numbers: FxHashSet<String> = FxHashSet::default();
    let mut first = true;
    for w in text.unicode_words() {
        let folded = fold(w);
        let base = strip_possessive(&folded);
        if let Some(n) = number_of(w) {
            if seen_numbers.insert(n.clone()) {
                f.numbers.push(n.clone());
            }
            add_term(&mut f, &mut seen_terms, format!("#{n}"), &n);
            first = false;
            continue;
        }
        let stop = is_stop(base) || base.chars().count() < 2;
        if w.chars().next().is_some_and(char::is_uppercase)
            && !stop
            && !(first && is_common(base))
            && seen_names.insert(base.to_string())
        {
            f.names.push(base.to_string());
        }
        first = false;
        if stop || is_reporting(base) {
            continue;
        }
        add_term(&mut f, &mut seen_terms, stem(americanize(base)), base);
    }
    f
}

/// Sentence-initial capitalised words that are ordinary words, not names.
fn is_common(w: &str) -> bool {
    matches!(
        w,
        "officials" | "police" | "authorities" | "prices" | "government" | "president" | "people"
    ) || is_reporting(w)
}

fn add_term(f: &mut Features, seen: &mut FxHashSet<String>, term: String, surface: &str) {
    if seen.insert(term.clone()) {
        f.terms.push(term);
        f.surfaces.push(surface.to_string());
    }
}

/// A piece of a sentence for word diffs: a word or one punctuation mark, with
/// the whitespace that follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token without its trailing whitespace.
    pub text: &'a str,
    /// The whitespace after it, as written.
    pub space: &'a str,
}

/// Tokens of `text` for diffing (words, numbers, punctuation marks).
pub fn diff_tokens(text: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    for (_, piece) in text.split_word_bound_indices() {
        if piece.chars().all(char::is_whitespace) {
            if let Some(last) = out.last_mut() {
                // Whitespace directly follows the previous token in the text.
                let start = last.text.as_ptr() as usize - text.as_ptr() as usize;
                let len = last.text.len() + last.space.len() + piece.len();
                last.space = &text[start + last.text.len()..start + len];
            }
            continue;
        }
        out.push(Token {
            text: piece,
            space: "",
        });
    }
    out
}

#[cfg(test)]
mod tests {
    /// Irregular forms learned from the treebanks meet their lemma.
    #[test]
    fn lemma_of_irregular_forms() {
        assert_eq!(lemma("fell"), "fall");
        assert_eq!(lemma("struck"), "strike");
        assert_eq!(lemma("men"), "man");
        assert_eq!(lemma("killed"), "killed");
        assert_eq!(lemma_stem("fell"), lemma_stem("falling"));
        assert_eq!(lemma_stem("thieves"), lemma_stem("thief"));
    }

    use super::*;

    #[test]
    fn british_and_american_spellings_meet() {
        assert_eq!(
            analyze("the Promises Treatment Centre").terms,
            analyze("the Promises Treatment Center").terms
        );
        assert_eq!(americanize("paralysed"), "paralyzed");
        assert_eq!(americanize("promise"), "promise");
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Éric’s"), "eric's");
    }

    #[test]
    fn reporting_verbs_are_not_terms() {
        let f = analyze("Ryabkov told reporters the talks were suspended.");
        assert_eq!(f.terms, vec!["ryabkov", "talk", "suspend"]);
    }

    #[test]
    fn numbers_keep_decimals_and_drop_separators() {
        let f = analyze("About 1,200 people, or 3.5 percent, left.");
        assert_eq!(f.numbers, vec!["1200", "3.5"]);
    }

    #[test]
    fn diff_tokens_keep_whitespace() {
        let t = diff_tokens("Hello,  world.");
        let joined: String = t.iter().map(|t| format!("{}{}", t.text, t.space)).collect();
        assert_eq!(joined, "Hello,  world.");
        assert_eq!(t.len(), 4);
    }
}
