//! Quotation marks: which stretches of a sentence are quoted.

/// Opening and closing quote marks; straight quotes pair with themselves.
pub(super) fn closing_of(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '"' => Some('"'),
        '«' => Some('»'),
        '„' => Some('“'),
        '‘' => Some('’'),
        _ => None,
    }
}

/// Longest quote in straight single quotes looked for, in characters.
pub(super) const MAX_SINGLE_QUOTE_CHARS: usize = 2000;

/// Find the quote spans in a run of sentences treated as one text. Returns
/// (start, end) byte spans including the marks; an unclosed quote runs to the
/// end of the text.
pub(super) fn quote_spans(text: &str) -> Vec<(usize, usize)> {
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
            // A straight quote before a space that nothing closes is a
            // stray closing mark (ECB+ spacing: `…body.' " After the
            // confrontation, …`), not a quote running to the end.
            None if c == '"' && chars.get(i + 1).is_none_or(|x| x.1.is_whitespace()) => {
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

/// A quote that is still open at the end of the sentence.
pub(super) fn unclosed_at(text: &str, s: usize, e: usize) -> bool {
    e == text.len() && !text[s..].trim_end().ends_with(['”', '"', '»', '“', '\''])
}
