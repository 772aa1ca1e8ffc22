//! Conflicts between the members of a group: numbers, dates and names
//! stated differently.

use crate::document::Document;
use crate::report::*;
use crate::text;

/// Numbers that some members state and others contradict: only members that
/// state numbers at all are compared, and a conflict needs at least two such
/// members whose number sets differ.
/// Numbers, dates and names that members state differently.
pub fn conflicts(docs: &[Document], members: &[(usize, Vec<usize>)]) -> Vec<Conflict> {
    let mut out = Vec::new();
    if members.len() < 2 {
        return out;
    }
    out.extend(value_conflicts(
        "number",
        docs,
        members,
        |s| s.features.numbers.clone(),
        |a, b| a == b,
    ));
    out.extend(value_conflicts(
        "date",
        docs,
        members,
        date_words,
        |a, b| a == b,
    ));
    out.extend(value_conflicts(
        "name", docs, members, name_words, same_name,
    ));
    out
}

/// Weekday and month words of a sentence, folded.
fn date_words(s: &crate::document::Sentence) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut v: Vec<String> = Vec::new();
    for w in s.clean.unicode_words() {
        let f = text::fold(w);
        if text::is_time_word(&f)
            && !matches!(
                f.as_str(),
                "today" | "tonight" | "yesterday" | "tomorrow" | "may" | "march"
            )
            && !v.contains(&f)
        {
            v.push(f);
        }
    }
    v
}

/// Capitalised words after the first word of a sentence (so, names), not
/// function words, reporting words, dates or dateline words.
fn name_words(s: &crate::document::Sentence) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let body = &s.clean[crate::document::dateline_len(&s.clean)..];
    let mut v: Vec<String> = Vec::new();
    for (i, w) in body.unicode_words().enumerate() {
        let f = text::fold(w);
        let f = f.trim_end_matches("'s").to_string();
        if i > 0
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() > 1
            && !text::is_stop(&f)
            && !text::is_reporting(&f)
            && !text::is_time_word(&f)
            && !v.contains(&f)
        {
            v.push(f);
        }
    }
    v
}

/// Two spellings of one name ("sergei" / "sergey"): at most one edit apart
/// for short names, two for long ones, same first letter.
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.first() != y.first() || x.len().abs_diff(y.len()) > 2 {
        return false;
    }
    let max = if x.len().min(y.len()) >= 9 { 2 } else { 1 };
    // Levenshtein distance, two rows; names are short.
    let mut prev: Vec<usize> = (0..=y.len()).collect();
    for i in 1..=x.len() {
        let mut cur = vec![i; y.len() + 1];
        for j in 1..=y.len() {
            let sub = prev[j - 1] + usize::from(x[i - 1] != y[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[y.len()] <= max
}

/// Values of one kind that members state differently. Only members that
/// state such values are compared; extra detail in one member is not a
/// conflict: at least two members must each have a value the others lack.
fn value_conflicts(
    kind: &str,
    docs: &[Document],
    members: &[(usize, Vec<usize>)],
    extract: impl Fn(&crate::document::Sentence) -> Vec<String>,
    same: impl Fn(&str, &str) -> bool,
) -> Vec<Conflict> {
    use std::collections::HashSet;
    use unicode_segmentation::UnicodeSegmentation;
    let with_values: Vec<(usize, &Vec<usize>, Vec<String>)> = members
        .iter()
        .map(|(d, ss)| {
            let mut v: Vec<String> = Vec::new();
            for &s in ss {
                for x in extract(&docs[*d].sentences[s]) {
                    if !v.contains(&x) {
                        v.push(x);
                    }
                }
            }
            (*d, ss, v)
        })
        .filter(|(_, _, v)| !v.is_empty())
        .collect();
    if with_values.len() < 2 {
        return Vec::new();
    }
    // The folded words of each member, needed only when values exist.
    let vals: Vec<(usize, Vec<String>, HashSet<String>)> = with_values
        .into_iter()
        .map(|(d, ss, v)| {
            let mut words: HashSet<String> = HashSet::new();
            if kind != "number" {
                for &s in ss {
                    words.extend(docs[d].sentences[s].clean.unicode_words().map(text::fold));
                }
            }
            (d, v, words)
        })
        .collect();
    // x of member i is missing from member j when j neither states it nor
    // (for words) uses the word at all.
    let missing = |x: &String, j: usize| {
        let (_, w, words) = &vals[j];
        !(w.iter().any(|y| same(x, y)) || (kind != "number" && words.contains(x)))
    };
    // Two members conflict when each has a value the other lacks; extra
    // detail on one side only is not a conflict.
    let mut flagged: Vec<Vec<String>> = vec![Vec::new(); vals.len()];
    for i in 0..vals.len() {
        for j in i + 1..vals.len() {
            let i_only: Vec<&String> = vals[i].1.iter().filter(|x| missing(x, j)).collect();
            let j_only: Vec<&String> = vals[j].1.iter().filter(|x| missing(x, i)).collect();
            if !i_only.is_empty() && !j_only.is_empty() {
                for x in i_only {
                    if !flagged[i].contains(x) {
                        flagged[i].push(x.clone());
                    }
                }
                for x in j_only {
                    if !flagged[j].contains(x) {
                        flagged[j].push(x.clone());
                    }
                }
            }
        }
    }
    if flagged.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let values: Vec<ConflictValue> = vals
        .iter()
        .zip(flagged)
        .map(|((d, _, _), f)| ConflictValue {
            source: docs[*d].label.clone(),
            values: f,
        })
        .collect();
    vec![Conflict {
        kind: kind.to_string(),
        values,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_spellings_are_one_name() {
        assert!(same_name("sergei", "sergey"));
        assert!(!same_name("ryabkov", "lavrov"));
        assert!(!same_name("thursday", "tuesday"));
    }

    #[test]
    fn dates_and_names_conflict() {
        use crate::ingest::Source;
        let a = Source::from_text(
            "a",
            "Deputy Foreign Minister Sergey Ryabkov said on Thursday that the talks were over.",
        );
        let b = Source::from_text(
            "b",
            "Deputy Foreign Minister Sergey Lavrov said on Friday that the talks were over.",
        );
        let r = crate::compare(&[a, b], &crate::Options::default()).expect("compares");
        let kinds: Vec<&str> = r.groups[0]
            .conflicts
            .iter()
            .map(|c| c.kind.as_str())
            .collect();
        assert_eq!(kinds, vec!["date", "name"]);
        assert_eq!(
            r.groups[0].conflicts[1].values[0].values,
            vec!["ryabkov".to_string()]
        );
    }
}
