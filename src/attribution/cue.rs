//! Cues: the reporting verb of a sentence (its lemma and stance), checked
//! against the part-of-speech tagger.

use super::*;
use crate::tag::{Token, Upos};
use unicode_segmentation::UnicodeSegmentation;

/// Reporting verbs: lemma, stance, and the forms looked for.
pub const VERBS: &[(&str, Stance, &[&str])] = &[
    ("say", Stance::Neutral, &["said", "says", "say", "saying"]),
    (
        "tell",
        Stance::Neutral,
        &["told", "tells", "telling", "tell"],
    ),
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
    (
        "insist",
        Stance::Emphatic,
        &["insisted", "insists", "insist"],
    ),
    ("emphasise", Stance::Emphatic, &["emphasised", "emphasized"]),
    ("warn", Stance::Emphatic, &["warned", "warns", "warn"]),
    ("vow", Stance::Emphatic, &["vowed"]),
    ("pledge", Stance::Emphatic, &["pledged"]),
    ("assert", Stance::Emphatic, &["asserted"]),
    ("declare", Stance::Emphatic, &["proclaimed"]),
    (
        "claim",
        Stance::Distancing,
        &["claimed", "claims", "claiming", "claim"],
    ),
    (
        "allege",
        Stance::Distancing,
        &["alleged", "alleges", "alleging", "allege"],
    ),
    ("purport", Stance::Distancing, &["purported"]),
    ("admit", Stance::Concession, &["admitted", "admits"]),
    ("concede", Stance::Concession, &["conceded", "concedes"]),
    (
        "acknowledge",
        Stance::Concession,
        &["acknowledged", "acknowledges"],
    ),
    (
        "deny",
        Stance::Denial,
        &["denied", "denies", "denying", "deny"],
    ),
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
    ("argue", Stance::Emphatic, &["argued", "argues", "argue"]),
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

/// A reporting verb found in a sentence.
pub(super) struct VerbHit {
    pub start: usize,
    pub end: usize,
    pub lemma: &'static str,
    pub stance: Stance,
}

/// Verb form → (lemma, stance), built once from [`VERBS`].
pub(super) fn verb_forms()
-> &'static std::collections::HashMap<&'static str, (&'static str, Stance)> {
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

pub(super) fn lemma_is(hit: Option<(&str, Stance)>, lemma: &str) -> bool {
    hit.is_some_and(|(l, _)| l == lemma)
}

/// The first reporting verb outside quotes, one pass over the words.
pub(super) fn find_verb(
    text: &str,
    toks: &std::cell::OnceCell<Vec<Token>>,
    outside: &dyn Fn(usize) -> bool,
) -> Option<VerbHit> {
    let forms = verb_forms();
    let mut prev = String::new();
    for (s, w) in text.split_word_bound_indices() {
        if !w.chars().next().is_some_and(char::is_alphanumeric) {
            // The tests on the previous word below are about the word right
            // before the verb: punctuation or a quote mark in between ends
            // it ("… at once,” said Olsen" is not "once said").
            if !w.trim().is_empty() {
                prev.clear();
            }
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
        // A participle that opens the sentence before a lower-case word
        // opens a reduced clause ("Asked if the company will …, Feldman
        // said"), not the main statement ("Added Smith: …" is one).
        let opening_participle = lw.ends_with("ed")
            && !text[..s].chars().any(char::is_alphanumeric)
            && text[s + w.len()..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        // A plural present ("prosecutors allege that …") is a statement;
        // the same form after a modal, a negation or "than" is not made yet
        // ("will argue", "will not deny", "rather than argue").
        let unmade = hit.is_some_and(|(l, _)| l == lw && !matches!(l, "say" | "tell" | "add"))
            && (matches!(
                prev.as_str(),
                "will"
                    | "would"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "shall"
                    | "should"
                    | "must"
                    | "not"
                    | "never"
                    | "did"
                    | "do"
                    | "does"
                    | "than"
                    | "cannot"
                    | "you"
            ) || prev.ends_with("n't"));
        if let Some((lemma, stance)) = hit
            && !not_verb
            && !unmade
            && !opening_participle
            && !expression
            && outside(s)
            && tagged_reporting_verb(text, toks.get_or_init(|| crate::tag::tag(text)), s)
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
            // A clause without "that": a subject (name, noun or pronoun)
            // right after the verb, then a verb ("stated Montalvo left").
            let subject_then_verb = toks.get().is_some_and(|ts| {
                use crate::tag::Upos;
                let after: Vec<Upos> = ts
                    .iter()
                    .filter(|t| t.start >= end)
                    .take(4)
                    .map(|t| t.tag)
                    .collect();
                matches!(after.first(), Some(Upos::Propn | Upos::Pron | Upos::Noun))
                    && after[1..]
                        .iter()
                        .take(2)
                        .any(|t| matches!(t, Upos::Verb | Upos::Aux))
            });
            if !reports_here(lemma, &lw, rest, subject_then_verb) {
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
        // An acronym ("WHO say") is none of the function words above.
        prev = if w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()) {
            String::new()
        } else {
            lw
        };
    }
    None
}

/// Verbs that are reporting only in some uses: "responded that / ," but not
/// "responded to the crisis"; "denied the allegations" but not "denied
/// visas"; "conceded that" but not "conceded the match"; "states that" but
/// not "states have"; base "add" only as "add that".
pub(super) fn reports_here(lemma: &str, form: &str, rest: &str, subject_then_verb: bool) -> bool {
    let next: Vec<String> = rest
        .split_whitespace()
        .take(5)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let first = next.first().map(String::as_str).unwrap_or("");
    // A clause or a quote follows, or the verb ends the clause; a clause
    // without "that" starts with a subject and its verb ("stated they had
    // not", "stated Montalvo left": `subject_then_verb`, from the tagger).
    // "stated to LA Weekly that …": the addressee, then the clause.
    let clause = matches!(first, "that" | "")
        || (first == "to" && next.iter().skip(2).any(|w| w == "that"))
        || subject_then_verb
        || rest
            .trim_start()
            .starts_with([',', '.', ':', '“', '"', '\'', '‘']);
    match lemma {
        "respond" | "concede" | "state" => clause,
        "add" if form == "add" => first == "that",
        // "told her to leave", "asked him to pose": a request, not speech.
        "tell" | "ask" => next.get(1).is_none_or(|w| w != "to"),
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
pub(super) fn tagged_reporting_verb(text: &str, toks: &[Token], s: usize) -> bool {
    let Some(k) = toks.iter().position(|t| t.start == s) else {
        return false;
    };
    // A present-tense form right after a name, a pronoun or the dash that
    // ends an apposition, and before a capitalised word, a determiner, a
    // pronoun or "that", is the verb even when the tagger reads a noun
    // ("Jason Waxman tells Wired that …").
    let present_after_subject = toks[k].tag == Upos::Noun
        && text[toks[k].start..toks[k].end].ends_with('s')
        && k > 0
        && (matches!(toks[k - 1].tag, Upos::Propn | Upos::Pron)
            || matches!(&text[toks[k - 1].start..toks[k - 1].end], "—" | "--"))
        && toks.get(k + 1).is_some_and(|t| {
            matches!(t.tag, Upos::Propn | Upos::Det | Upos::Pron | Upos::Sconj)
                || is_cap(&text[t.start..t.end])
        });
    if toks[k].tag != Upos::Verb && !present_after_subject {
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

/// A quote framed by a verb that [`VERBS`] does not hold: "PC World's
/// analysis concluded, “…”", "The letter reads “…”", "The city reasoned:
/// “…”". The word right before the quote (a comma or colon between them
/// allowed) is the reporting verb when the tagger reads it as a verb with
/// words before it (its subject); the quote must hold more than four
/// words. Returns the hit and the verb's lemma.
pub(super) fn framing_verb(
    text: &str,
    toks: &std::cell::OnceCell<Vec<Token>>,
    spans: &[(usize, usize)],
) -> Option<(VerbHit, String)> {
    let &(s, _) = spans
        .iter()
        .find(|&&(s, e)| words_of(&text[s..e]).len() > 4)?;
    let frame = text[..s].trim_end();
    let frame = frame.strip_suffix([',', ':']).unwrap_or(frame).trim_end();
    if frame.is_empty() || spans.iter().any(|&(a, _)| a < s) {
        return None;
    }
    let ts = toks.get_or_init(|| crate::tag::tag(text));
    let k = ts.iter().rposition(|t| t.end <= frame.len())?;
    let t = &ts[k];
    if t.end != frame.len() || t.tag != Upos::Verb || k == 0 {
        return None;
    }
    // A subject before the verb: the word before is a name, noun or pronoun.
    if !matches!(ts[k - 1].tag, Upos::Propn | Upos::Noun | Upos::Pron) {
        return None;
    }
    let form = text[t.start..t.end].to_lowercase();
    Some((
        VerbHit {
            start: t.start,
            end: t.end,
            lemma: "",
            stance: Stance::Neutral,
        },
        verb_lemma(&form),
    ))
}

/// The lemma of a lower-case verb form: irregular forms from the treebank
/// list, regular "-s", "-ed", "-ing" forms stripped ("concluded" →
/// "conclude", "reasoned" → "reason", "stating" → "state").
pub(super) fn verb_lemma(form: &str) -> String {
    let irregular = crate::text::lemma(form);
    if irregular != form {
        return irregular.to_string();
    }
    let stem = if let Some(s) = form.strip_suffix("ied") {
        return format!("{s}y");
    } else if let Some(s) = form.strip_suffix("ed").or_else(|| form.strip_suffix("ing")) {
        s
    } else if let Some(s) = form.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        return s.to_string();
    } else {
        return form.to_string();
    };
    let cs: Vec<char> = stem.chars().collect();
    let n = cs.len();
    let vowel = |c: char| "aeiou".contains(c);
    if n >= 2 && cs[n - 1] == cs[n - 2] && !vowel(cs[n - 1]) && !matches!(cs[n - 1], 'l' | 's') {
        // "dubbed" → "dub".
        return cs[..n - 1].iter().collect();
    }
    // A silent "e" after a single vowel and a consonant ("stat-", "conclud-",
    // "argu-"), or after "v", "z", "c".
    let silent_e = n >= 2
        && (matches!(cs[n - 1], 'v' | 'z' | 'c' | 'u')
            || (matches!(cs[n - 1], 'd' | 't' | 's' | 'g' | 'k' | 'r')
                && matches!(cs[n - 2], 'a' | 'i' | 'u' | 'o')
                && !(n >= 3 && vowel(cs[n - 3]))));
    if silent_e {
        format!("{stem}e")
    } else {
        stem.to_string()
    }
}
