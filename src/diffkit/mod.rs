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
///
/// The spans keep both texts exact: the equal and inserted spans spell
/// `new`, the equal and deleted spans spell `old`. Whitespace goes where
/// the texts have it, so no mark holds a stray space: "talks with Iran." →
/// "talks." is `talks` `[- with Iran-]` `.` (the space came before "with"
/// in the old text), and "Terminals, offered" → "Terminals offered" is
/// `Terminals` `[-,-]` ` offered` (the comma was glued to the word).
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let ta = diff_tokens(old);
    let tb = diff_tokens(new);
    let mut out: Vec<DiffSpan> = Vec::new();
    fn push(out: &mut Vec<DiffSpan>, op: DiffOp, s: String) {
        if s.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&s),
            _ => out.push(DiffSpan { op, text: s }),
        }
    }
    let join = |ts: &[text::Token<'_>]| -> String {
        ts.iter()
            .map(|t| format!("{}{}", t.text, t.space))
            .collect()
    };
    // A deleted run of old tokens `ra`, its whitespace placed as in `old`.
    let delete = |out: &mut Vec<DiffSpan>, ra: std::ops::Range<usize>| {
        let mut d = join(&ta[ra.clone()]);
        let old_lead = if ra.start > 0 {
            ta[ra.start - 1].space
        } else {
            ""
        };
        let after_equal = out.last().is_some_and(|l| l.op == DiffOp::Equal);
        let ends_ws = out
            .last()
            .is_some_and(|l| l.text.ends_with(char::is_whitespace));
        if after_equal && ends_ws && old_lead.is_empty() {
            // Glued to the previous word in `old`: the space comes after.
            let mut ws = String::new();
            if let Some(last) = out.last_mut() {
                let keep = last.text.trim_end().len();
                ws = last.text.split_off(keep);
                if last.text.is_empty() {
                    out.pop();
                }
            }
            let trimmed = d.trim_end().len();
            d.truncate(trimmed);
            push(out, DiffOp::Delete, d);
            push(out, DiffOp::Equal, ws);
            return;
        }
        if after_equal && !ends_ws && !old_lead.is_empty() {
            d.insert_str(0, old_lead);
        }
        push(out, DiffOp::Delete, d);
    };
    if ta.len() > MAX_DIFF_TOKENS || tb.len() > MAX_DIFF_TOKENS {
        push(&mut out, DiffOp::Delete, join(&ta));
        push(&mut out, DiffOp::Insert, join(&tb));
        return out;
    }
    let ka: Vec<&str> = ta.iter().map(|t| t.text).collect();
    let kb: Vec<&str> = tb.iter().map(|t| t.text).collect();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ra, rb) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(&mut out, DiffOp::Equal, join(&tb[rb])),
            DiffTag::Delete => delete(&mut out, ra),
            DiffTag::Insert => {
                // The previous word had no space after it in `old`: the
                // space belongs to the insertion.
                let mut ins = join(&tb[rb]);
                let old_space = if ra.start > 0 {
                    ta[ra.start - 1].space
                } else {
                    ""
                };
                if old_space.is_empty()
                    && let Some(last) = out.last_mut().filter(|l| l.op == DiffOp::Equal)
                {
                    let keep = last.text.trim_end().len();
                    ins.insert_str(0, &last.text.split_off(keep));
                    if last.text.is_empty() {
                        out.pop();
                    }
                }
                push(&mut out, DiffOp::Insert, ins);
            }
            DiffTag::Replace => {
                delete(&mut out, ra);
                push(&mut out, DiffOp::Insert, join(&tb[rb]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(d: &[DiffSpan]) -> String {
        d.iter()
            .map(|s| {
                let (lead, body, trail) = (
                    &s.text[..s.text.len() - s.text.trim_start().len()],
                    s.text.trim(),
                    &s.text[s
                        .text
                        .trim_end()
                        .len()
                        .max(s.text.len() - s.text.trim_start().len())..],
                );
                match s.op {
                    DiffOp::Equal => s.text.clone(),
                    DiffOp::Delete => format!("{lead}[-{body}-]{trail}"),
                    DiffOp::Insert => format!("{lead}{{+{body}+}}{trail}"),
                }
            })
            .collect()
    }

    // No stray spaces inside or beside the marks (issue 12): "( [-AP-]{+Reuters+})"
    // and "Terminals [-,-]offered" were shown before.
    #[test]
    fn word_diff_places_whitespace_as_the_texts_have_it() {
        let cases = [
            (
                "HALVARD (AP) said.",
                "HALVARD (Reuters) said.",
                "HALVARD ([-AP-]{+Reuters+}) said.",
            ),
            (
                "Halvard Terminals, offered 4%.",
                "Halvard Terminals offered 4%.",
                "Halvard Terminals[-,-] offered 4%.",
            ),
            (
                "The talks with Iran.",
                "The talks.",
                "The talks [-with Iran-].",
            ),
            (
                "The talks.",
                "The talks with Iran.",
                "The talks {+with Iran+}.",
            ),
            (
                "Shares fell 6% on Monday.",
                "Shares rose 2% on Monday.",
                "Shares [-fell 6-]{+rose 2+}% on Monday.",
            ),
        ];
        for (a, b, want) in cases {
            let d = word_diff(a, b);
            assert_eq!(plain(&d), want, "{a} -> {b}");
            let new: String = d
                .iter()
                .filter(|s| s.op != DiffOp::Delete)
                .map(|s| s.text.as_str())
                .collect();
            let old: String = d
                .iter()
                .filter(|s| s.op != DiffOp::Insert)
                .map(|s| s.text.as_str())
                .collect();
            assert_eq!(new, b, "new text kept exactly");
            assert_eq!(old, a, "old text kept exactly");
        }
    }

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
