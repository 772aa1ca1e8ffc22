//! The shared diff toolkit of `compare`, `versions` and `check`: word
//! diffs, the wording class, the significance of a change; conflicts
//! ([`conflict`]) and attribution differences ([`attribution`]) between
//! members of a group.

pub mod attribution;
pub mod conflict;

use crate::report::*;
use crate::text::{self, diff_tokens};
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// Longest member, in tokens, that gets a word diff; longer ones are shown as
/// replaced whole. Keeps the diff bounded on pathological "sentences".
pub const MAX_DIFF_TOKENS: usize = 4000;

/// The significance of a difference, from what changed. `pairs` are the
/// (reference, other) texts compared.
pub fn significance_of(
    claim_missing: bool,
    wording: Wording,
    pairs: &[(&str, &str)],
    attribution_changed: bool,
    numbers_conflict: bool,
) -> Option<Significance> {
    if claim_missing {
        return Some(Significance::Claim);
    }
    if attribution_changed {
        return Some(Significance::Attribution);
    }
    match wording {
        Wording::Identical => None,
        Wording::Trivial => Some(Significance::Typography),
        Wording::Changed => {
            let facts = numbers_conflict || pairs.iter().any(|(a, b)| fact_changed(a, b));
            Some(if facts {
                Significance::Facts
            } else {
                Significance::Wording
            })
        }
    }
}

/// Whether a number, name or date changed between two texts: a number
/// (a word starting with a digit) of one is missing from the other, or a
/// name was replaced: each text has a capitalised word after its first word
/// that the other lacks, spelling variants ("Sergei"/"Sergey",
/// "F.B.I."/"FBI") and nicknames ("Bill"/"William") aside. A name only
/// added or dropped is a detail, not a changed fact.
pub fn fact_changed(a: &str, b: &str) -> bool {
    use std::collections::HashSet;
    use unicode_segmentation::UnicodeSegmentation;
    let folded = |s: &str| -> HashSet<String> {
        s.unicode_words()
            .map(|w| text::fold(w).replace('.', ""))
            .collect()
    };
    let (fa, fb) = (folded(a), folded(b));
    // Numbers in digits or words, and dates (weekdays, months).
    let number_missing = |s: &str, other: &HashSet<String>| {
        s.unicode_words().any(|w| {
            let f = text::fold(w);
            (w.starts_with(|c: char| c.is_ascii_digit())
                || conflict::is_number_word(&f)
                || (text::is_time_word(&f)
                    && !matches!(f.as_str(), "today" | "tonight" | "yesterday" | "tomorrow")))
                && !other.contains(&f)
        })
    };
    if number_missing(a, &fb) || number_missing(b, &fa) {
        return true;
    }
    let names = |s: &str| -> Vec<String> {
        s.unicode_words()
            .skip(1)
            .filter(|w| w.starts_with(char::is_uppercase) && w.chars().count() > 1)
            .map(|w| text::fold(w).replace('.', ""))
            .filter(|f| !text::is_stop(f) && !text::is_reporting(f) && f != "i'll" && f != "i'm")
            .collect()
    };
    let unmatched = |mine: &[String], other_names: &[String], other: &HashSet<String>| {
        mine.iter().any(|n| {
            !other.contains(n)
                && !other_names
                    .iter()
                    .any(|o| attribution::close_spelling(n, o) || attribution::same_person(n, o))
        })
    };
    let (na, nb) = (names(a), names(b));
    unmatched(&na, &nb, &fb) && unmatched(&nb, &na, &fa)
}

/// Compare wording: identical text, typography only, or changed words.
pub fn wording_of(a: &str, b: &str) -> Wording {
    if a == b {
        return Wording::Identical;
    }
    let words = |s: &str| -> Vec<String> {
        use unicode_segmentation::UnicodeSegmentation;
        s.unicode_words().map(text::fold).collect()
    };
    if words(a) == words(b) {
        Wording::Trivial
    } else {
        Wording::Changed
    }
}

/// Word-level diff of `old` to `new`; whitespace follows each token.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let ta = diff_tokens(old);
    let tb = diff_tokens(new);
    let mut out: Vec<DiffSpan> = Vec::new();
    let mut push = |op: DiffOp, mut s: String| {
        if s.is_empty() {
            return;
        }
        // Keep words apart in the display: "talks" + deleted "with" reads
        // "talks with", not "talkswith".
        if op != DiffOp::Equal
            && out
                .last()
                .is_some_and(|l| !l.text.ends_with(char::is_whitespace) && l.op == DiffOp::Equal)
            && s.starts_with(char::is_alphanumeric)
        {
            s.insert(0, ' ');
        }
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&s),
            _ => out.push(DiffSpan { op, text: s }),
        }
    };
    let join = |ts: &[text::Token<'_>]| -> String {
        ts.iter()
            .map(|t| format!("{}{}", t.text, t.space))
            .collect()
    };
    if ta.len() > MAX_DIFF_TOKENS || tb.len() > MAX_DIFF_TOKENS {
        push(DiffOp::Delete, join(&ta));
        push(DiffOp::Insert, join(&tb));
        return out;
    }
    let ka: Vec<&str> = ta.iter().map(|t| t.text).collect();
    let kb: Vec<&str> = tb.iter().map(|t| t.text).collect();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(DiffOp::Equal, join(&tb[rb])),
            DiffTag::Delete => push(DiffOp::Delete, join(&ta[ra])),
            DiffTag::Insert => push(DiffOp::Insert, join(&tb[rb])),
            DiffTag::Replace => {
                push(DiffOp::Delete, join(&ta[ra]));
                push(DiffOp::Insert, join(&tb[rb]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_changed_number() {
        let d = word_diff("The storm killed 12 people.", "The storm killed 15 people.");
        let ops: Vec<(DiffOp, &str)> = d.iter().map(|s| (s.op, s.text.as_str())).collect();
        assert_eq!(
            ops,
            vec![
                (DiffOp::Equal, "The storm killed "),
                (DiffOp::Delete, "12 "),
                (DiffOp::Insert, "15 "),
                (DiffOp::Equal, "people."),
            ]
        );
    }

    /// `--min-significance facts` keeps numbers, dates and replaced names,
    /// not spelling variants, nicknames or a name only added.
    #[test]
    fn facts_are_numbers_dates_and_replaced_names() {
        assert!(!fact_changed(
            "The F.B.I. opened an inquiry.",
            "The FBI opened an inquiry."
        ));
        assert!(!fact_changed(
            "Talks resumed, William Hart said.",
            "Talks resumed, Bill Hart said."
        ));
        assert!(!fact_changed(
            "He met officials.",
            "He met officials from Interpol."
        ));
        assert!(fact_changed(
            "The talks ended, Ryabkov said.",
            "The talks ended, Lavrov said."
        ));
        assert!(fact_changed("Twelve people died.", "Fifteen people died."));
        assert!(fact_changed(
            "It opened on Tuesday.",
            "It opened on Wednesday."
        ));
    }

    #[test]
    fn punctuation_only_is_trivial() {
        assert_eq!(
            wording_of("Rain, then sun.", "Rain then sun"),
            Wording::Trivial
        );
        assert_eq!(
            wording_of("Rain then sun.", "Rain then snow."),
            Wording::Changed
        );
    }
}
