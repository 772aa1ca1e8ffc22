//! Attribution: who is said to have said a sentence, how, and with which verb.
//!
//! Rules, no model. Per sentence:
//! - **quotes**: pairs of “…”, "…", «…», „…“ (an apostrophe such as Russia’s is
//!   never a quote mark); a quote left open at the end of a sentence continues
//!   into the next ones, which keep its speaker;
//! - **reporting verb**: the first known verb form outside the quotes, with its
//!   lemma and stance class ([`VERBS`]); "according to X" and "citing X" are cues
//!   of their own;
//! - **speaker**: the phrase before the verb ("Union leader Marta Quill said"),
//!   or after it ("…, said Antonov."); titles and roles are split from the name;
//!   "he"/"she" go to the last person named as a speaker, "Mr. Antonov" and
//!   "the deputy foreign minister" to the fullest name used in the report;
//!   "officials", "a source familiar with…" are anonymous;
//! - **cue**: `direct` (a quote with a speaker), `indirect` (reported speech),
//!   `according_to`, or `none` (the outlet states it). A short quoted phrase
//!   with no speaker is a scare quote.
//!
//! ```
//! use storydiff::attribution::{attribute, Cue};
//! let a = attribute(&["“We see no point,” Deputy Foreign Minister Sergei Antonov told Volna."]);
//! assert_eq!(a[0].cue, Cue::Direct);
//! assert_eq!(a[0].speaker.as_deref(), Some("Sergei Antonov"));
//! assert_eq!(a[0].role.as_deref(), Some("Deputy Foreign Minister"));
//! assert_eq!(a[0].verb.as_deref(), Some("tell"));
//! assert_eq!(a[0].medium.as_deref(), Some("Volna"));
//! ```

use crate::tag::{Token, Upos};
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// How a sentence is attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    Direct,
    Indirect,
    AccordingTo,
    /// Stated by the outlet itself.
    #[default]
    None,
}

/// What a reporting verb says about the writer's stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Neutral,
    Emphatic,
    Distancing,
    Concession,
    Denial,
    Endorsing,
    Tentative,
    Directive,
    Mental,
}

/// The attribution of one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Attribution {
    pub cue: Cue,
    /// The fullest name the report uses for the speaker, or an organisation,
    /// document or anonymous description.
    pub speaker: Option<String>,
    /// Title or role given with the speaker ("Deputy Foreign Minister").
    pub role: Option<String>,
    /// Lemma of the reporting verb ("tell", "claim", "according to").
    pub verb: Option<String>,
    pub stance: Option<Stance>,
    /// Where or to whom it was said ("Volna", "a statement", "Twitter").
    pub medium: Option<String>,
    pub anonymous: bool,
    /// Byte spans of direct quotes, relative to the sentence text.
    pub quote_spans: Vec<(usize, usize)>,
    /// Short quoted phrases with no speaker (scare quotes), as text.
    pub scare_quotes: Vec<String>,
    /// A key that is equal for the same speaker across reports (folded last
    /// name, or folded organisation); not serialised.
    #[serde(skip)]
    pub speaker_key: Option<String>,
}

/// Reporting verbs: lemma, stance, and the forms looked for.
pub const VERBS: &[(&str, Stance, &[&str])] = &[
    ("say", Stance::Neutral, &["said", "says", "say", "saying"]),
    ("tell", Stance::Neutral, &["told", "tells", "telling"]),
    ("state", Stance::Neutral, &["stated", "states"]),
    ("add", Stance::Neutral, &["added", "adds"]),
    ("report", Stance::Neutral, &["reported", "reports"]),
    ("write", Stance::Neutral, &["wrote", "writes"]),
    ("tweet", Stance::Neutral, &["tweeted"]),
    ("post", Stance::Neutral, &["posted"]),
    ("announce", Stance::Neutral, &["announced", "announces"]),
    ("explain", Stance::Neutral, &["explained", "explains"]),
    ("note", Stance::Neutral, &["noted", "notes"]),
    ("comment", Stance::Neutral, &["commented"]),
    ("reply", Stance::Neutral, &["replied"]),
    ("respond", Stance::Neutral, &["responded"]),
    ("ask", Stance::Neutral, &["asked"]),
    ("describe", Stance::Neutral, &["described"]),
    ("declare", Stance::Neutral, &["declared"]),
    ("express", Stance::Neutral, &["expressed"]),
    ("confirm", Stance::Endorsing, &["confirmed", "confirms"]),
    ("reveal", Stance::Endorsing, &["revealed"]),
    ("show", Stance::Endorsing, &["showed", "shows", "shown"]),
    ("find", Stance::Endorsing, &["found", "finds"]),
    ("stress", Stance::Emphatic, &["stressed", "stresses"]),
    ("insist", Stance::Emphatic, &["insisted", "insists"]),
    ("emphasise", Stance::Emphatic, &["emphasised", "emphasized"]),
    ("warn", Stance::Emphatic, &["warned", "warns"]),
    ("vow", Stance::Emphatic, &["vowed"]),
    ("pledge", Stance::Emphatic, &["pledged"]),
    ("assert", Stance::Emphatic, &["asserted"]),
    ("declare", Stance::Emphatic, &["proclaimed"]),
    (
        "claim",
        Stance::Distancing,
        &["claimed", "claims", "claiming"],
    ),
    (
        "allege",
        Stance::Distancing,
        &["alleged", "alleges", "alleging"],
    ),
    ("purport", Stance::Distancing, &["purported"]),
    ("admit", Stance::Concession, &["admitted", "admits"]),
    ("concede", Stance::Concession, &["conceded", "concedes"]),
    (
        "acknowledge",
        Stance::Concession,
        &["acknowledged", "acknowledges"],
    ),
    ("deny", Stance::Denial, &["denied", "denies", "denying"]),
    ("reject", Stance::Denial, &["rejected"]),
    ("dispute", Stance::Denial, &["disputed"]),
    ("suggest", Stance::Tentative, &["suggested", "suggests"]),
    ("hint", Stance::Tentative, &["hinted"]),
    (
        "speculate",
        Stance::Tentative,
        &["speculated", "speculates"],
    ),
    ("indicate", Stance::Tentative, &["indicated", "indicates"]),
    ("urge", Stance::Directive, &["urged", "urges"]),
    ("call", Stance::Directive, &["called on"]),
    ("believe", Stance::Mental, &["believes", "believed"]),
    ("argue", Stance::Emphatic, &["argued", "argues"]),
    ("testify", Stance::Neutral, &["testified", "testifies"]),
    (
        "recommend",
        Stance::Directive,
        &["recommended", "recommends"],
    ),
    ("accuse", Stance::Distancing, &["accused", "accuses"]),
    ("observe", Stance::Neutral, &["observed"]),
    ("add", Stance::Neutral, &["add"]),
    ("call", Stance::Neutral, &["called"]),
];

/// Nouns that make a speaker anonymous when no name is given.
const ANONYMOUS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "aide",
    "aides",
    "insider",
    "insiders",
    "person",
    "people",
    "witness",
    "witnesses",
    "residents",
    "someone",
    "analysts",
    "experts",
];

/// Words that make up titles and roles, not names.
const ROLE_WORDS: &[&str] = &[
    "minister",
    "deputy",
    "foreign",
    "prime",
    "president",
    "vice",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "executive",
    "director",
    "head",
    "governor",
    "mayor",
    "senator",
    "sen",
    "rep",
    "representative",
    "general",
    "gen",
    "ambassador",
    "commander",
    "colonel",
    "col",
    "captain",
    "judge",
    "attorney",
    "prosecutor",
    "police",
    "union",
    "party",
    "opposition",
    "state",
    "defense",
    "defence",
    "interior",
    "finance",
    "transport",
    "health",
    "trade",
    "economy",
    "energy",
    "justice",
    "officer",
    "manager",
    "founder",
    "ceo",
    "cfo",
    "coach",
    "analyst",
    "economist",
    "professor",
    "dr",
    "mr",
    "mrs",
    "ms",
    "lt",
    "sgt",
    "gov",
    "pres",
    "king",
    "queen",
    "prince",
    "pope",
    "lawmaker",
    "councillor",
    "councilman",
    "adviser",
    "advisor",
    "envoy",
    "negotiator",
    "official",
    "press",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Opening and closing quote marks; straight quotes pair with themselves.
fn closing_of(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '"' => Some('"'),
        '«' => Some('»'),
        '„' => Some('“'),
        '‘' => Some('’'),
        _ => None,
    }
}

fn words_of(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace())
        .map(|w| {
            let t =
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-');
            // Keep the last dot of an initialism ("L.A.", "U.S.").
            if t.contains('.') && t.len() < w.len() {
                let start = t.as_ptr() as usize - w.as_ptr() as usize;
                if w[start + t.len()..].starts_with('.') {
                    return &w[start..start + t.len() + 1];
                }
            }
            t
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn lower(w: &str) -> String {
    crate::text::fold(w)
}

/// Longest quote in straight single quotes looked for, in characters.
const MAX_SINGLE_QUOTE_CHARS: usize = 2000;

/// Find the quote spans in a run of sentences treated as one text. Returns
/// (start, end) byte spans including the marks; an unclosed quote runs to the
/// end of the text.
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        // A straight single quote opens a quote at a word start ('We won,' he
        // said) when a matching close follows: a quote mark after
        // punctuation. Apostrophes (Reid's, students') never open one.
        let straight_single = c == '\''
            && (i == 0 || chars[i - 1].1.is_whitespace())
            && chars.get(i + 1).is_some_and(|x| x.1.is_alphanumeric());
        let Some(close) = closing_of(c).or(straight_single.then_some('\'')) else {
            i += 1;
            continue;
        };
        // ‘ is a quote mark only when it opens a word after a space.
        if c == '‘' && i > 0 && !chars[i - 1].1.is_whitespace() {
            i += 1;
            continue;
        }
        // A straight quote opens only at a word start.
        if c == '"' && i > 0 && chars[i - 1].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            let (o2, c2) = chars[j];
            // ’ between letters is an apostrophe (Russia’s), not a closing mark.
            let apostrophe = c2 == '’'
                && chars.get(j + 1).is_some_and(|x| x.1.is_alphabetic())
                && chars[j - 1].1.is_alphabetic();
            // '' closes a straight double quote (typewriter or PTB style).
            if c == '"' && c2 == '\'' && chars.get(j + 1).is_some_and(|x| x.1 == '\'') {
                found = Some(o2 + 2);
                j += 1;
                break;
            }
            if c == '\'' {
                // Single quotes close within a bounded distance, so a text
                // full of apostrophes stays linear.
                if j > i + MAX_SINGLE_QUOTE_CHARS {
                    break;
                }
                // A single-quote close follows punctuation and ends a word.
                let after_punct = chars[j - 1].1 == ','
                    || chars[j - 1].1 == '.'
                    || chars[j - 1].1 == '?'
                    || chars[j - 1].1 == '!';
                let word_end = chars.get(j + 1).is_none_or(|x| !x.1.is_alphanumeric());
                if c2 == '\'' && after_punct && word_end {
                    found = Some(o2 + 1);
                    break;
                }
                j += 1;
                continue;
            }
            if c2 == close && !apostrophe {
                found = Some(o2 + c2.len_utf8());
                break;
            }
            j += 1;
        }
        match found {
            Some(end) => {
                out.push((off, end));
                i = j + 1;
            }
            None if c == '\'' => {
                i += 1;
            }
            None => {
                out.push((off, text.len()));
                break;
            }
        }
    }
    out
}

/// A reporting verb found in a sentence.
struct VerbHit {
    start: usize,
    end: usize,
    lemma: &'static str,
    stance: Stance,
}

/// Verb form → (lemma, stance), built once from [`VERBS`].
fn verb_forms() -> &'static std::collections::HashMap<&'static str, (&'static str, Stance)> {
    static M: std::sync::OnceLock<std::collections::HashMap<&'static str, (&'static str, Stance)>> =
        std::sync::OnceLock::new();
    M.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (lemma, stance, forms) in VERBS {
            for f in *forms {
                // Two-word forms ("called on") are keyed by their first word.
                let key = f.split(' ').next().unwrap_or(f);
                m.entry(key).or_insert((*lemma, *stance));
            }
        }
        m
    })
}

fn lemma_is(hit: Option<(&str, Stance)>, lemma: &str) -> bool {
    hit.is_some_and(|(l, _)| l == lemma)
}

/// The first reporting verb outside quotes, one pass over the words.
fn find_verb(text: &str, toks: &[Token], outside: &dyn Fn(usize) -> bool) -> Option<VerbHit> {
    let forms = verb_forms();
    let mut prev = String::new();
    for (s, w) in text.split_word_bound_indices() {
        if !w.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let lw = w.to_lowercase();
        let hit = forms.get(lw.as_str()).copied();
        // "after reports that" is a noun; "are told to" is passive.
        let not_verb = matches!(
            prev.as_str(),
            "the"
                | "a"
                | "an"
                | "after"
                | "of"
                | "in"
                | "to"
                | "following"
                | "with"
                | "for"
                | "by"
                | "these"
                | "those"
                | "its"
                | "their"
                | "his"
                | "her"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "no"
                | "new"
                | "such"
                // A verb in a relative clause ("the reporter who wrote the
                // story, says …") is not the reporting verb of the sentence.
                | "who"
                | "which"
                | "whom"
                // A verb right after a subordinator is a reduced clause:
                // "When asked about …, Romney said".
                | "when"
                | "while"
                | "if"
                | "once"
                | "unless"
                | "before"
                | "although"
                | "though"
        );
        // "expressed regret" is a statement; "expressed interest" is not.
        let expression = lemma_is(hit, "express") && {
            let next = text[s + w.len()..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            !matches!(
                next.trim_matches(|c: char| !c.is_alphabetic()),
                "regret"
                    | "concern"
                    | "concerns"
                    | "hope"
                    | "support"
                    | "condolences"
                    | "sympathy"
                    | "surprise"
                    | "dismay"
                    | "confidence"
                    | "doubt"
                    | "doubts"
                    | "disappointment"
                    | "frustration"
                    | "gratitude"
                    | "optimism"
                    | "outrage"
            )
        };
        if let Some((lemma, stance)) = hit
            && !not_verb
            && !expression
            && outside(s)
            && tagged_reporting_verb(text, toks, s)
        {
            let mut end = s + w.len();
            let rest = &text[end..];
            // "called on" needs its particle; "called X 'a mistake'" its quote;
            // plain "called" is not speech.
            let mut stance = stance;
            if lemma == "call" {
                if rest.starts_with(" on ") {
                    end += 3;
                    stance = Stance::Directive;
                } else if !rest.contains(['“', '"', '‘', '\'']) || rest.starts_with(" for ") {
                    prev = lw;
                    continue;
                } else {
                    stance = Stance::Neutral;
                }
            }
            if !reports_here(lemma, &lw, rest) {
                prev = lw;
                continue;
            }
            return Some(VerbHit {
                start: s,
                end,
                lemma,
                stance,
            });
        }
        prev = lw;
    }
    None
}

/// Verbs that are reporting only in some uses: "responded that / ," but not
/// "responded to the crisis"; "denied the allegations" but not "denied
/// visas"; "conceded that" but not "conceded the match"; "states that" but
/// not "states have"; base "add" only as "add that".
fn reports_here(lemma: &str, form: &str, rest: &str) -> bool {
    let next: Vec<String> = rest
        .split_whitespace()
        .take(4)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let first = next.first().map(String::as_str).unwrap_or("");
    // A clause or a quote follows, or the verb ends the clause.
    let clause = matches!(first, "that" | "")
        || rest
            .trim_start()
            .starts_with([',', '.', ':', '“', '"', '\'', '‘']);
    match lemma {
        "respond" | "concede" | "state" => clause,
        "add" if form == "add" => first == "that",
        "deny" => {
            clause
                || next.iter().any(|w| {
                    matches!(
                        w.trim_end_matches('s'),
                        "allegation"
                            | "claim"
                            | "charge"
                            | "report"
                            | "accusation"
                            | "wrongdoing"
                            | "involvement"
                            | "responsibility"
                            | "rumour"
                            | "rumor"
                            | "knowing"
                            | "having"
                            | "being"
                    )
                })
        }
        _ => true,
    }
}

/// Is the word at byte `s` a verb in the tagger's reading, and not a passive
/// ("were twice denied visas")? States as a noun, "United" in a name and
/// participles used as adjectives are not reporting verbs.
fn tagged_reporting_verb(text: &str, toks: &[Token], s: usize) -> bool {
    let Some(k) = toks.iter().position(|t| t.start == s) else {
        return false;
    };
    if toks[k].tag != Upos::Verb {
        return false;
    }
    // Back over adverbs to the word before the verb: a form of "be" makes it
    // passive.
    let mut j = k;
    while j > 0 && toks[j - 1].tag == Upos::Adv {
        j -= 1;
    }
    let passive = j > 0 && toks[j - 1].tag == Upos::Aux && {
        let w = text[toks[j - 1].start..toks[j - 1].end].to_lowercase();
        matches!(
            w.as_str(),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "’s"
        )
    };
    !passive
}

/// Split "Deputy Foreign Minister Sergei Antonov" into (name, role).
fn split_role(phrase: &str) -> (Option<String>, Option<String>) {
    let ws = words_of(phrase);
    if ws.is_empty() {
        return (None, None);
    }
    // Name: the trailing run of capitalised words that are not role words.
    let mut k = ws.len();
    while k > 0
        && is_cap(ws[k - 1])
        && !ROLE_WORDS.contains(&lower(ws[k - 1]).trim_end_matches('.'))
        && !ANONYMOUS.contains(&lower(ws[k - 1]).as_str())
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
fn medium_after(rest: &str) -> Option<String> {
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
            let caps: Vec<&str> = ws
                .iter()
                .copied()
                .skip_while(|w| lower(w) == "the")
                .take_while(|w| is_cap(w))
                .collect();
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
fn document_owner(phrase: &str) -> String {
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

/// The raw speaker found in one sentence before resolution.
struct RawSpeaker {
    phrase: String,
}

/// Attribute a document's sentences (their texts in order). Pronouns and
/// short forms are resolved within the document.
pub fn attribute(sentences: &[&str]) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(sentences.len());
    // Named speakers seen so far: (full name, role).
    let mut known: Vec<(String, Option<String>)> = Vec::new();
    let mut last_person: Option<usize> = None;
    let mut known_orgs: Vec<String> = Vec::new();
    // The last unnamed person who spoke ("her publicist"), for pronouns
    // when no named person has spoken yet.
    let mut last_desc: Option<(String, String)> = None;
    // Pronoun each speaker key was referred to by ("he"/"she"), so "she"
    // never goes to someone already called "he".
    let mut gender: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    // Sentences attributed by a "Name: claim" headline; kept only when the
    // name is a person quoted elsewhere in the report.
    let mut colon_heads: Vec<usize> = Vec::new();
    let mut open_quote_from: Option<usize> = None; // sentence index where an unclosed quote began
    let mut doc_names: Vec<String> = Vec::new();
    for (si, text) in sentences.iter().enumerate() {
        let mut a = Attribution::default();
        // Picture credits ("Image: Nick Moreau.") credit an image, not a claim.
        if open_quote_from.is_none() && is_credit(text) {
            out.push(a);
            continue;
        }
        let mut spans = quote_spans(text);
        // A quote carried over from the previous sentence: the text up to the
        // first closing mark is quoted.
        let carried = open_quote_from.is_some();
        // A carried quote with no closing mark in this sentence goes on.
        let mut runs_through = false;
        if carried {
            // The first closing mark: ” " » “ or a typewriter '' (ECB+, NYT).
            let close = text.char_indices().find_map(|(p, c)| match c {
                '”' | '"' | '»' | '“' => Some((p, c.len_utf8())),
                '\'' if text[p + 1..].starts_with('\'') => Some((p, 2)),
                _ => None,
            });
            match close {
                Some((p, len)) => {
                    let end = p + len;
                    spans = quote_spans(&text[end..])
                        .into_iter()
                        .map(|(s, e)| (s + end, e + end))
                        .collect();
                    // A mark that opens the sentence closed the quote before it.
                    if !text[..p].trim().is_empty() {
                        spans.insert(0, (0, end));
                    }
                }
                None => {
                    spans = vec![(0, text.len())];
                    runs_through = true;
                }
            }
        }
        // A typewriter close '' with no opening mark before it: the opening
        // was lost ("…Center, '' Reid's rep told Us."); the text before it is
        // the quote.
        if !carried
            && let Some(p) = text.find("''")
            && p > 0
            && spans.iter().all(|&(s, _)| s > p)
        {
            spans.insert(0, (0, p + 2));
        }
        let inside = |p: usize| spans.iter().any(|&(s, e)| p > s && p < e);
        let unclosed = spans.last().is_some_and(|&(s, e)| {
            // A quote that ends the sentence with its closing mark is closed;
            // `s < e - 1` keeps a lone opening mark open.
            e == text.len()
                && !(e - s > 1 && text[s..].trim_end().ends_with(['”', '"', '»', '“', '\'']))
                && (s > 0 || !carried || runs_through)
        });
        let toks = crate::tag::tag(text);
        // Every name of two words or more, for the fullest form of a speaker.
        for sp in crate::tag::names(text, &toks) {
            if let (Some(n), _) = split_role(&text[sp.start..sp.end])
                && n.split_whitespace().count() >= 2
            {
                doc_names.push(n);
            }
        }
        let verb = find_verb(text, &toks, &|p| !inside(p));
        // Quotes of more than four words (or carried over) are direct
        // quotes; a shorter one is direct when it ends in punctuation and the
        // reporting verb follows it ("We had no choice," she said); other
        // short quotes are titles or scare quotes.
        let verb_at = verb.as_ref().map(|v| v.start);
        let long_quote = |&(s, e): &(usize, usize)| {
            let q = text[s..e].trim_end_matches(['”', '"', '»', '“', '\'']);
            let verb_follows = verb_at.is_some_and(|p| p >= e && p - e <= 60);
            carried
                || unclosed_at(text, s, e)
                || words_of(&text[s..e]).len() > 4
                || (q.ends_with([',', '?', '!', '.']) && verb_follows)
        };
        let quoted_len: usize = spans
            .iter()
            .filter(|x| long_quote(x))
            .map(|(s, e)| e - s)
            .sum();
        let lower_text = text.to_lowercase();
        let acc = ["according to ", "citing "]
            .iter()
            .filter_map(|p| lower_text.find(p).map(|i| (i, *p)))
            .filter(|(i, _)| !inside(*i))
            // "The Journal, citing documents, reported": the verb's subject
            // is the speaker; "citing X" alone is a cue.
            .filter(|(_, p)| *p != "citing " || verb.is_none())
            .min();
        let mut raw: Option<RawSpeaker> = None;
        if let Some((i, p)) = acc
            && lower_text.len() == text.len()
        {
            let rest = &text[i + p.len()..];
            // The phrase ends at a clause break or a full stop followed by a
            // space (not the dots of "L.A.").
            let mut end = rest.find([',', ';', '(']).unwrap_or(rest.len());
            if let Some(dot) = rest
                .match_indices('.')
                .map(|(k, _)| k)
                .find(|&k| rest[k + 1..].starts_with(char::is_whitespace) || k + 1 == rest.len())
            {
                let before_dot = &rest[..dot];
                let abbrev = before_dot
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.contains('.') || w.len() == 1);
                if !abbrev {
                    end = end.min(dot);
                }
            }
            raw = Some(RawSpeaker {
                phrase: document_owner(rest[..end].trim()),
            });
            a.cue = Cue::AccordingTo;
            a.verb = Some(p.trim().to_string());
            a.stance = Some(Stance::Neutral);
        }
        // Headline attribution: "Antonov: no talks while sanctions stay".
        if let Some((head, _)) = text.split_once(": ") {
            let hw = words_of(head);
            if !hw.is_empty()
                && hw.len() <= 3
                && hw.iter().all(|w| is_cap(w))
                && !inside(0)
                && verb.is_none()
                && acc.is_none()
            {
                raw = Some(RawSpeaker {
                    phrase: head.to_string(),
                });
                a.cue = Cue::Indirect;
                colon_heads.push(si);
            }
        }
        let mut subordinate = false;
        let mut negated = false;
        let mut relative = false;
        if raw.is_none()
            && let Some(v) = &verb
        {
            a.verb = Some(v.lemma.to_string());
            a.stance = Some(v.stance);
            let before = &text[..v.start];
            let after = &text[v.end..];
            // Subject before the verb: from the last clause break.
            let cut = before
                .rfind([',', '”', '"', '»', ';', ':', '—'])
                .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
                .unwrap_or(0);
            let mut subj = before[cut..].trim().to_string();
            // A speech verb in a subordinate clause ("…, after the company
            // said …") does not attribute the main claim.
            let sw: Vec<&str> = subj.split_whitespace().collect();
            if let Some(k) = sw.iter().rposition(|w| {
                matches!(
                    lower(w).as_str(),
                    "after"
                        | "when"
                        | "because"
                        | "as"
                        | "while"
                        | "since"
                        | "before"
                        | "if"
                        | "although"
                        | "though"
                        | "until"
                )
            }) {
                if k > 0 {
                    subordinate = true;
                }
                subj = sw[k + 1..].join(" ");
            }
            // Time phrases are not part of the speaker ("Ivo Renn on Monday").
            let sw: Vec<&str> = subj.split_whitespace().collect();
            let mut keep: Vec<&str> = Vec::new();
            let mut i = 0;
            while i < sw.len() {
                let l = lower(sw[i].trim_matches(|c: char| !c.is_alphanumeric()));
                let next_time = sw.get(i + 1).is_some_and(|n| {
                    crate::text::is_time_word(&lower(
                        n.trim_matches(|c: char| !c.is_alphanumeric()),
                    ))
                });
                if matches!(l.as_str(), "on" | "late" | "early" | "last" | "this") && next_time {
                    i += 2;
                    continue;
                }
                if crate::text::is_time_word(&l)
                    || matches!(
                        l.as_str(),
                        "also" | "later" | "earlier" | "previously" | "again"
                    )
                {
                    i += 1;
                    continue;
                }
                keep.push(sw[i]);
                i += 1;
            }
            subj = keep.join(" ");
            // Coordination: "Police pulled him over and say …" — the speaker
            // is after the last "and"/"but", or, if nothing stands there, the
            // subject that opens the sentence.
            let sw: Vec<&str> = subj.split_whitespace().collect();
            if let Some(k) = sw
                .iter()
                .rposition(|w| matches!(lower(w).as_str(), "and" | "but"))
            {
                let tail = sw[k + 1..].join(" ");
                subj = if tail.is_empty() {
                    let opening: Vec<&str> = text
                        .split_whitespace()
                        .take_while(|w| is_cap(w))
                        .take(4)
                        .collect();
                    opening.join(" ")
                } else {
                    tail
                };
            }
            // Auxiliaries, negation and adverbs are not part of the speaker
            // ("She has admitted", "Entertainment Weekly has now confirmed").
            let mut sw: Vec<&str> = subj.split_whitespace().collect();
            while let Some(last) = sw.last() {
                let l = lower(last.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''));
                if matches!(
                    l.as_str(),
                    "has"
                        | "have"
                        | "had"
                        | "did"
                        | "does"
                        | "do"
                        | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "now"
                        | "reportedly"
                        | "repeatedly"
                        | "publicly"
                        | "privately"
                        | "quickly"
                        | "firmly"
                        | "not"
                        | "n't"
                        | "never"
                        | "already"
                        | "just"
                        | "then"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                ) {
                    if matches!(l.as_str(), "not" | "n't" | "never") {
                        negated = true;
                    }
                    sw.pop();
                } else {
                    break;
                }
            }
            subj = sw.join(" ");
            subj = subj
                .trim_matches(|c: char| {
                    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»') || c.is_whitespace()
                })
                .to_string();
            // A relative clause is not a speaker ("the attack that almost
            // claimed her life").
            if words_of(&subj).iter().any(|w| {
                matches!(
                    lower(w).as_str(),
                    "that" | "which" | "who" | "whom" | "where"
                )
            }) {
                subj.clear();
                relative = true;
            }
            // "show"/"reveal" attribute only to documents and data.
            if matches!(v.lemma, "show" | "reveal" | "find") {
                let doc = words_of(&subj).iter().any(|w| {
                    matches!(
                        lower(w).trim_end_matches('s'),
                        "data"
                            | "figure"
                            | "report"
                            | "survey"
                            | "study"
                            | "record"
                            | "document"
                            | "paper"
                            | "poll"
                            | "statistic"
                            | "footage"
                            | "video"
                            | "image"
                            | "photo"
                            | "filing"
                            | "email"
                            | "letter"
                            | "analysi"
                            | "test"
                            | "result"
                    )
                });
                if !doc {
                    subj.clear();
                    relative = true;
                }
            }
            // Apposition: "The deputy foreign minister, Sergei Antonov, claimed".
            // Auxiliaries between the comma and the verb ("…, has denied").
            let mut before_aux = before.trim_end();
            loop {
                let last = before_aux.rsplit(char::is_whitespace).next().unwrap_or("");
                if !last.is_empty()
                    && matches!(
                        lower(last).as_str(),
                        "has" | "have" | "had" | "also" | "repeatedly" | "again" | "now"
                    )
                {
                    before_aux = before_aux[..before_aux.len() - last.len()].trim_end();
                } else {
                    break;
                }
            }
            if subj.is_empty() && before_aux.ends_with(',') {
                let b2 = before_aux.trim_end_matches(',');
                let c2 = b2.rfind(',').map(|p| p + 1).unwrap_or(0);
                let name = b2[c2..].trim();
                let role_part = if c2 > 0 { b2[..c2 - 1].trim() } else { "" };
                let first = words_of(name).first().map(|w| lower(w)).unwrap_or_default();
                // A description rather than a name: "the fine reporter …",
                // an age ("45"), a participle ("published by …").
                let first_raw = words_of(name).first().copied().unwrap_or("");
                let description = (matches!(
                    first.as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their"
                ) && !words_of(name).iter().skip(1).all(|w| is_cap(w)))
                    || first_raw
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit() || c.is_lowercase());
                if (matches!(first.as_str(), "who" | "whose" | "which") || description) && c2 > 0 {
                    // "Karla Brandt, who leads the opposition, claimed": the
                    // speaker stands before the relative clause.
                    let head = role_part;
                    let c3 = head
                        .rfind([',', '”', '"', ';', ':'])
                        .map(|p| p + head[p..].chars().next().map_or(1, char::len_utf8))
                        .unwrap_or(0);
                    let mut cand = head[c3..].trim();
                    for conj in ["but ", "and ", "But ", "And "] {
                        cand = cand.strip_prefix(conj).unwrap_or(cand);
                    }
                    if !cand.is_empty() && words_of(cand).len() <= 8 {
                        subj = cand.to_string();
                    }
                } else if words_of(name).iter().all(|w| is_cap(w)) && !name.is_empty() {
                    subj = if role_part.split_whitespace().count() <= 6 {
                        format!("{role_part} {name}")
                    } else {
                        name.to_string()
                    };
                }
            }
            let subj_words = words_of(&subj);
            let subj_ok = !subj_words.is_empty() && subj_words.len() <= 10;
            if subj_ok {
                raw = Some(RawSpeaker { phrase: subj });
            } else if !relative && before.trim_end().ends_with([',', '”', '"', '»', '\'']) {
                // Speaker after the verb: "…, said Ryabkov." / "said the ministry".
                let end = after.find([',', '.', ';', '“', '"']).unwrap_or(after.len());
                let obj = after[..end].trim();
                let ow: Vec<String> = words_of(obj).iter().map(|w| lower(w)).collect();
                // A clause ("the cost had been understated") is not a speaker.
                let clause = ow.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "had"
                            | "has"
                            | "have"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                            | "will"
                            | "would"
                            | "could"
                            | "should"
                            | "been"
                            | "be"
                            | "that"
                    )
                });
                if !obj.is_empty() && ow.len() <= 8 && !clause {
                    raw = Some(RawSpeaker {
                        phrase: obj.to_string(),
                    });
                }
            }
            {
                a.medium = if v.lemma == "tell" {
                    let ws = words_of(after);
                    let caps: Vec<&str> = ws
                        .iter()
                        .copied()
                        .skip_while(|w| lower(w) == "the")
                        .take_while(|w| is_cap(w))
                        .collect();
                    (!caps.is_empty())
                        .then(|| caps.join(" "))
                        .or_else(|| medium_after(after))
                } else {
                    medium_after(after)
                };
            }
            // "did not say what …", "would not say": no claim is attributed.
            if subordinate || negated {
                raw = None;
            }
            if raw.is_some() {
                a.cue = if quoted_len > 0 {
                    Cue::Direct
                } else {
                    Cue::Indirect
                };
            } else {
                a.verb = None;
                a.stance = None;
            }
        }
        // Resolve the speaker.
        if let Some(r) = raw {
            resolve(
                &mut a,
                &r.phrase,
                &mut known,
                &mut known_orgs,
                &mut last_person,
                &mut last_desc,
                &mut gender,
            );
        }
        // An outlet named as the medium ("told the Los Angeles Times") can be
        // "the newspaper" later on.
        if let Some(m) = a
            .medium
            .as_ref()
            .filter(|m| is_cap(m) && m.split_whitespace().count() <= 5)
            && !known_orgs.contains(m)
        {
            known_orgs.push(m.clone());
        }
        // A sentence inside a quote that goes on: take the speaker of the
        // sentence where the quote closes (filled in below) or of the opener.
        if a.cue == Cue::None && (carried || unclosed) && quoted_len * 2 >= text.len() {
            a.cue = Cue::Direct;
        }
        {
            for &(s, e) in &spans {
                let q = &text[s..e];
                if !long_quote(&(s, e)) {
                    a.scare_quotes.push(q.to_string());
                } else {
                    a.quote_spans.push((s, e));
                }
            }
            if a.cue == Cue::None && !a.quote_spans.is_empty() {
                a.cue = Cue::Direct;
            }
        }
        out.push(a);
        open_quote_from = match (carried, unclosed) {
            (_, true) => Some(open_quote_from.unwrap_or(si)),
            (true, false) => {
                // The quote closed here: give its speaker to the sentences it spans.
                if let Some(from) = open_quote_from {
                    let mut sp = out[si].clone();
                    // No speaker where it closes nor where it opened: the
                    // speaker of the sentence just before ("Obama tweeted:").
                    if sp.speaker.is_none() && out[from].speaker.is_some() {
                        sp = out[from].clone();
                    } else if sp.speaker.is_none() && from > 0 && out[from - 1].speaker.is_some() {
                        sp = out[from - 1].clone();
                        if sentences[from - 1].trim_end().ends_with([':', ',']) {
                            out[from - 1].cue = Cue::Direct;
                        }
                    }
                    if sp.speaker.is_some() {
                        // The closing sentence too, when some of it is quoted.
                        let last = if out[si].quote_spans.is_empty() {
                            si
                        } else {
                            si + 1
                        };
                        for a in &mut out[from..last] {
                            if a.speaker.is_none() {
                                a.speaker = sp.speaker.clone();
                                a.role = sp.role.clone();
                                a.speaker_key = sp.speaker_key.clone();
                                a.anonymous = sp.anonymous;
                                a.verb = sp.verb.clone();
                                a.stance = sp.stance;
                                a.cue = Cue::Direct;
                            }
                        }
                    }
                }
                None
            }
            _ => None,
        };
        // An opener without a speaker takes the one of the sentence after it,
        // handled above; a direct quote with no speaker of its own in the
        // middle of a run keeps the previous speaker.
        if out[si].cue == Cue::Direct && out[si].speaker.is_none() && si > 0 && !unclosed {
            let prev = out[si - 1].clone();
            // A frame that introduces the quote: "Hill commented," / "Obama tweeted:".
            let frame = prev.cue != Cue::None && sentences[si - 1].trim_end().ends_with([':', ',']);
            if frame {
                out[si - 1].cue = Cue::Direct;
            }
            if prev.speaker.is_some() && (prev.cue == Cue::Direct || frame) {
                let a = &mut out[si];
                a.speaker = prev.speaker;
                a.role = prev.role;
                a.speaker_key = prev.speaker_key;
                a.anonymous = prev.anonymous;
            }
        }
    }
    for &i in &colon_heads {
        let person = out[i].speaker_key.as_ref().is_some_and(|k| {
            known.iter().any(|(n, _)| key_of_name(n) == *k)
                && out
                    .iter()
                    .enumerate()
                    .any(|(j, b)| j != i && b.speaker_key.as_ref() == Some(k))
        });
        if !person {
            out[i] = Attribution::default();
        }
    }
    // Short forms named before their full form ("Antonov" then "Sergei Antonov"):
    // give every sentence the fullest name with the same key.
    for a in &mut out {
        if let (Some(k), Some(sp)) = (&a.speaker_key, &a.speaker)
            && let Some((full, role)) = known
                .iter()
                .cloned()
                .chain(doc_names.iter().map(|n| (n.clone(), None)))
                .filter(|(n, _)| key_of_name(n) == *k && !a.anonymous)
                .max_by_key(|(n, _)| n.split_whitespace().count())
            && full.split_whitespace().count() > sp.split_whitespace().count()
        {
            a.speaker = Some(full.clone());
            if a.role.is_none() {
                a.role = role.clone();
            }
        }
    }
    out
}

/// A picture or video credit line: "Image: Nick Moreau.", "Photo: AP".
fn is_credit(text: &str) -> bool {
    let Some((head, rest)) = text.trim_start().split_once(':') else {
        return false;
    };
    let head = head.trim().to_lowercase();
    matches!(
        head.trim_end_matches('s'),
        "image" | "photo" | "photograph" | "picture" | "video" | "credit" | "photo credit"
    ) && rest.split_whitespace().count() <= 8
}

/// A quote that is still open at the end of the sentence.
fn unclosed_at(text: &str, s: usize, e: usize) -> bool {
    e == text.len() && !text[s..].trim_end().ends_with(['”', '"', '»', '“', '\''])
}

fn key_of_name(n: &str) -> String {
    n.split_whitespace().last().map(lower).unwrap_or_default()
}

/// Turn a raw speaker phrase into speaker, role, anonymity and key, resolving
/// pronouns and short forms against the speakers named so far.
fn resolve(
    a: &mut Attribution,
    phrase: &str,
    known: &mut Vec<(String, Option<String>)>,
    known_orgs: &mut Vec<String>,
    last_person: &mut Option<usize>,
    last_desc: &mut Option<(String, String)>,
    gender: &mut std::collections::HashMap<String, String>,
) {
    let ws = words_of(phrase);
    let lw: Vec<String> = ws.iter().map(|w| lower(w)).collect();
    if ws.len() == 1 && PRONOUNS.contains(&lw[0].as_str()) {
        let p = lw[0].as_str();
        let fits = |key: &str| {
            !matches!(
                (p, gender.get(key).map(String::as_str)),
                ("he", Some("she")) | ("she", Some("he"))
            )
        };
        let person = last_person
            .filter(|&i| matches!(p, "he" | "she" | "they") && fits(&key_of_name(&known[i].0)));
        if let Some(i) = person {
            let (n, r) = &known[i];
            a.speaker = Some(n.clone());
            a.role = r.clone();
            a.speaker_key = Some(key_of_name(n));
        } else if let Some((d, k)) = last_desc
            .as_ref()
            .filter(|(_, k)| matches!(p, "he" | "she") && fits(k))
        {
            a.speaker = Some(d.clone());
            a.speaker_key = Some(k.clone());
            a.anonymous = k == "anonymous";
        }
        if let (Some(k), "he" | "she") = (&a.speaker_key, p) {
            gender.insert(k.clone(), p.to_string());
        }
        return;
    }
    let (name, role) = split_role(phrase);
    let has_name = name.is_some();
    let anon = !has_name && lw.iter().any(|w| ANONYMOUS.contains(&w.as_str()));
    if anon {
        a.anonymous = true;
        a.speaker = Some(
            phrase
                .trim_start_matches("the ")
                .trim_start_matches("The ")
                .to_string(),
        );
        a.speaker_key = Some("anonymous".to_string());
        return;
    }
    // A person's name: at least one capitalised non-role word and no
    // organisation words ("Department", "Ministry", "Agency").
    let org_words = [
        "department",
        "ministry",
        "agency",
        "authority",
        "office",
        "company",
        "court",
        "police",
        "government",
        "council",
        "commission",
        "bank",
        "union",
        "committee",
        "service",
        "army",
        "military",
        "statement",
        "report",
        "data",
        "papers",
        "documents",
        "survey",
    ];
    let is_org = match &name {
        Some(n) => n
            .split_whitespace()
            .any(|w| org_words.contains(&lower(w).trim_end_matches("'s"))),
        None => lw
            .iter()
            .any(|w| org_words.contains(&w.trim_end_matches("'s"))),
    };
    // "a report from WCCO-TV", "a statement by the ministry": the
    // organisation behind the document speaks.
    if let Some(k) = lw
        .iter()
        .position(|w| matches!(w.as_str(), "from" | "by" | "of"))
        && k > 0
        && matches!(
            lw[k - 1].as_str(),
            "report"
                | "statement"
                | "release"
                | "filing"
                | "document"
                | "documents"
                | "letter"
                | "analysis"
        )
        && k + 1 < ws.len()
    {
        let rest = ws[k + 1..].join(" ");
        return resolve(a, &rest, known, known_orgs, last_person, last_desc, gender);
    }
    // An unnamed person introduced with "a"/"an" is an anonymous source.
    const PERSONS: &[&str] = &[
        "official",
        "source",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "master",
        "resident",
        "witness",
        "aide",
        "person",
        "man",
        "woman",
        "friend",
        "relative",
        "neighbor",
        "neighbour",
        "employee",
        "worker",
        "officer",
        "member",
        "insider",
        "diplomat",
        "staffer",
    ];
    if !has_name
        && matches!(lw.first().map(String::as_str), Some("a" | "an"))
        && lw.iter().any(|w| PERSONS.contains(&w.as_str()))
    {
        a.anonymous = true;
        a.speaker = Some(phrase.trim().to_string());
        a.speaker_key = Some("anonymous".to_string());
        // "a police spokeswoman said … she added": the pronoun goes back
        // to the unnamed speaker.
        *last_desc = Some((phrase.trim().to_string(), "anonymous".to_string()));
        return;
    }
    if let (Some(n), false) = (&name, is_org) {
        // Short form: the fullest known name with this last name.
        let key = key_of_name(n);
        let idx = known.iter().position(|(k, _)| key_of_name(k) == key);
        let idx = match idx {
            Some(i) => {
                if n.split_whitespace().count() > known[i].0.split_whitespace().count() {
                    known[i].0 = n.clone();
                }
                if known[i].1.is_none() {
                    known[i].1 = role.clone();
                }
                i
            }
            None => {
                known.push((n.clone(), role.clone()));
                known.len() - 1
            }
        };
        a.speaker = Some(known[idx].0.clone());
        a.role = role.or_else(|| known[idx].1.clone());
        a.speaker_key = Some(key);
        *last_person = Some(idx);
        return;
    }
    if !has_name && !is_org {
        // "the chairman", "the deputy foreign minister": a role of a known person.
        let role_text = lw
            .iter()
            .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(i) = known.iter().position(|(_, r)| {
            r.as_ref()
                .is_some_and(|r| lower(r).ends_with(&role_text) || lower(r) == role_text)
        }) {
            let (n, r) = &known[i];
            a.speaker = Some(n.clone());
            a.role = r.clone();
            a.speaker_key = Some(key_of_name(n));
            *last_person = Some(i);
            return;
        }
    }
    // An organisation or document; "the agency" is the fullest organisation
    // named before with the same last word.
    let org = phrase.trim();
    let org = org
        .strip_prefix("the ")
        .or_else(|| org.strip_prefix("The "))
        .unwrap_or(org);
    let last = org.split_whitespace().last().map(lower).unwrap_or_default();
    let initials = |o: &str| -> String {
        o.split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| is_cap(w))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let acronym = org.len() >= 2 && org.len() <= 6 && org.chars().all(|c| c.is_ascii_uppercase());
    const ORG_NOUNS: &[&str] = &[
        "station",
        "report",
        "agency",
        "newspaper",
        "paper",
        "network",
        "channel",
        "magazine",
        "broadcaster",
        "outlet",
        "website",
        "site",
        "daily",
        "publication",
        "tabloid",
    ];
    let generic_noun =
        org.split_whitespace().count() == 1 && ORG_NOUNS.contains(&lower(org).as_str());
    let full = known_orgs
        .iter()
        .filter(|o| {
            o.split_whitespace().last().map(lower) == Some(last.clone())
                || o.starts_with(&format!("{org} "))
                || (acronym && initials(o) == org)
        })
        .max_by_key(|o| o.len())
        .cloned()
        // "the station", "the report": the organisation that spoke last.
        .or_else(|| {
            generic_noun
                .then(|| {
                    known_orgs
                        .iter()
                        .rev()
                        .find(|o| o.chars().next().is_some_and(char::is_uppercase))
                        .cloned()
                })
                .flatten()
        });
    let (org, resolved) = match full {
        Some(f) if f.len() >= org.len() || generic_noun => (f, true),
        _ => {
            known_orgs.push(org.to_string());
            (org.to_string(), false)
        }
    };
    // A bare common noun ("the company") that names no known organisation
    // cannot be matched across reports.
    let generic = !resolved && org.split_whitespace().count() == 1 && !is_cap(&org);
    a.speaker_key = (!generic).then(|| lower(&org));
    // A person described by role ("her publicist", "his lawyer") can be
    // "he" or "she" later on.
    const PEOPLE: &[&str] = &[
        "publicist",
        "rep",
        "representative",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "lawyer",
        "attorney",
        "agent",
        "manager",
        "mother",
        "father",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "friend",
        "coach",
        "doctor",
        "chief",
        "director",
    ];
    if org
        .split_whitespace()
        .any(|w| PEOPLE.contains(&lower(w).as_str()))
    {
        *last_desc = Some((org.clone(), lower(&org)));
    }
    a.speaker = Some(org);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronoun_goes_to_last_named_speaker() {
        let a = attribute(&[
            "Deputy Foreign Minister Sergei Antonov said the talks were over.",
            "He said the next round would not take place.",
        ]);
        assert_eq!(a[1].speaker.as_deref(), Some("Sergei Antonov"));
        assert_eq!(a[1].cue, Cue::Indirect);
    }

    #[test]
    fn speaker_after_verb() {
        let a = attribute(&["The talks are over, said Antonov."]);
        assert_eq!(a[0].speaker.as_deref(), Some("Antonov"));
        assert_eq!(a[0].cue, Cue::Indirect);
    }

    #[test]
    fn according_to_and_anonymous() {
        let a = attribute(&[
            "The deal is off, according to the Defense Ministry.",
            "Two diplomats familiar with the talks said a deal was close.",
        ]);
        assert_eq!(a[0].cue, Cue::AccordingTo);
        assert_eq!(a[0].speaker.as_deref(), Some("Defense Ministry"));
        assert!(a[1].anonymous);
    }

    #[test]
    fn multi_sentence_quote_keeps_speaker() {
        let a = attribute(&["“We will fight.", "We will win,” Antonov said."]);
        assert_eq!(a[0].cue, Cue::Direct);
        assert_eq!(a[0].speaker.as_deref(), Some("Antonov"));
    }

    #[test]
    fn apostrophe_is_not_a_quote_and_scare_quotes_are_found() {
        let a = attribute(&["Russia’s move was “a step backwards”, the ministry said."]);
        assert_eq!(a[0].scare_quotes, vec!["“a step backwards”".to_string()]);
        assert_eq!(a[0].cue, Cue::Indirect);
    }

    #[test]
    fn unattributed_claim_has_no_cue() {
        let a = attribute(&["The May round in Geneva has been cancelled."]);
        assert_eq!(a[0], Attribution::default());
    }
}
#[cfg(test)]
mod wire_pattern_tests {
    use super::{Cue, attribute};

    /// Attribution patterns common in wire copy, each with its expected cue
    /// and speaker.
    #[test]
    fn common_wire_patterns() {
        let cases: [(&str, Cue, Option<&str>); 12] = [
            (
                "Smith, 45, said the plant would close in June.",
                Cue::Indirect,
                Some("Smith"),
            ),
            (
                "“We are deeply concerned,” said John Smith, a spokesman for the ministry.",
                Cue::Direct,
                Some("John Smith"),
            ),
            (
                "The ministry said in a statement on Tuesday that the talks had failed.",
                Cue::Indirect,
                Some("ministry"),
            ),
            (
                "Prime Minister Jane Doe told parliament the budget was balanced.",
                Cue::Indirect,
                Some("Jane Doe"),
            ),
            (
                "According to police, the suspect fled on foot.",
                Cue::AccordingTo,
                Some("police"),
            ),
            (
                "The suspect fled on foot, police said.",
                Cue::Indirect,
                Some("police"),
            ),
            (
                "“It was terrible,” one witness told Reuters.",
                Cue::Direct,
                Some("one witness"),
            ),
            (
                "The report, released on Monday, found that emissions rose 3%.",
                Cue::Indirect,
                Some("report"),
            ),
            ("Officials declined to comment.", Cue::None, None),
            (
                "Doe, who took office in 2020, has denied the allegations.",
                Cue::Indirect,
                Some("Doe"),
            ),
            (
                "In a statement, the company said it would appeal.",
                Cue::Indirect,
                Some("company"),
            ),
            (
                "The figures, published by the statistics office, showed a 2% drop.",
                Cue::Indirect,
                Some("figures"),
            ),
        ];
        for (text, cue, speaker) in cases {
            let a = &attribute(&[text])[0];
            assert_eq!((a.cue, a.speaker.as_deref()), (cue, speaker), "{text}");
        }
        assert!(attribute(&["“It was terrible,” one witness told Reuters."])[0].anonymous);
        let two = attribute(&[
            "Police arrested three men, a police spokeswoman said.",
            "The men were charged with robbery, she added.",
        ]);
        assert_eq!(two[1].speaker.as_deref(), Some("a police spokeswoman"));
        assert!(two[1].anonymous);
        assert_eq!(
            attribute(&["Doe, who took office in 2020, has denied the allegations."])[0]
                .verb
                .as_deref(),
            Some("deny")
        );
    }
}
