//! Tokens as Universal Dependencies cuts them: words, numbers and each
//! punctuation mark apart; clitics split ("Russia's" → "Russia" "'s",
//! "don't" → "do" "n't"); abbreviations with inner dots kept ("U.S.").

use unicode_segmentation::UnicodeSegmentation;

const CLITICS: [&str; 7] = ["n't", "'s", "'re", "'ll", "'ve", "'m", "'d"];

/// Byte spans of the tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, w) in text.split_word_bound_indices() {
        if w.trim().is_empty() {
            continue;
        }
        let e = s + w.len();
        // "U.S" + "." → "U.S.", the way treebanks write abbreviations.
        if w == "."
            && let Some(last) = out.last_mut()
        {
            let prev = &text[last.0..last.1];
            if last.1 == s
                && prev.contains('.')
                && prev.chars().all(|c| c.is_alphabetic() || c == '.')
            {
                last.1 = e;
                continue;
            }
        }
        match clitic_split(w) {
            Some(k) if k > 0 => {
                out.push((s, s + k));
                out.push((s + k, e));
            }
            _ => out.push((s, e)),
        }
    }
    out
}

/// Where a trailing clitic starts in a word, if it has one (no allocation:
/// the word's end is compared case-insensitively, ’ read as ').
fn clitic_split(w: &str) -> Option<usize> {
    CLITICS.iter().find_map(|c| {
        // Walk both from the end, char by char.
        let mut wi = w.char_indices().rev();
        let mut at = w.len();
        for cc in c.chars().rev() {
            let (p, wc) = wi.next()?;
            let wc = if wc == '’' {
                '\''
            } else {
                wc.to_ascii_lowercase()
            };
            if wc != cc {
                return None;
            }
            at = p;
        }
        (at > 0).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    // Clitics and abbreviations are cut the way the training data cuts them.
    #[test]
    fn clitics_and_abbreviations() {
        assert_eq!(
            words("Russia’s envoy didn't say, the U.S. said."),
            [
                "Russia", "’s", "envoy", "did", "n't", "say", ",", "the", "U.S.", "said", "."
            ]
        );
    }
}
