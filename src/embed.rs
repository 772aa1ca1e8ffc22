//! Sentence vectors from static word-piece vectors: paraphrase knowledge for
//! the aligner.
//!
//! Two reports often say one thing in different words ("did not cite
//! specifically" / "without offering specifics"; "shut" / "closed"). Shared
//! terms miss that; a sentence-embedding model sees it. storydiff ships a
//! table of static vectors (`data/vectors.bin`), one per word piece of the
//! all-MiniLM-L6-v2 vocabulary, distilled from that model with model2vec
//! (`scripts/distill_vectors.py`; each word piece is run through the
//! transformer alone, reduced to 128 dimensions and weighted by frequency).
//! A sentence's vector is the mean of its word pieces' vectors: no neural
//! runtime, a table lookup per word piece.
//!
//! The word pieces come from BERT's uncased tokenizer, re-implemented here:
//! control characters dropped, accents stripped, lower case, words split at
//! white space and punctuation, then greedy longest-match WordPiece with
//! `##` continuations. `tests/data/wordpiece.json` holds the reference
//! tokenizer's output for test sentences.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The table: `b"SDVEC1\n"`, u32 rows, u32 dims, rows × (u16 length, word
/// piece), rows × f32 scale, rows × dims × i8 (little endian).
static TABLE: &[u8] = include_bytes!("../data/vectors.bin");

/// Words longer than this (in characters) are one unknown word piece, as in
/// BERT.
const MAX_WORD_CHARS: usize = 100;

/// Static word-piece vectors.
pub struct Vectors {
    index: HashMap<&'static str, u32>,
    /// Id → word piece.
    names: Vec<&'static str>,
    /// Length in bytes of the longest piece (without `##`).
    longest_piece: usize,
    dims: usize,
    scale: Vec<f32>,
    data: &'static [u8],
}

/// The shipped table, read once. `None` only if the compiled-in table is
/// damaged, which a test rules out.
pub fn vectors() -> Option<&'static Vectors> {
    static V: OnceLock<Option<Vectors>> = OnceLock::new();
    V.get_or_init(|| Vectors::parse(TABLE)).as_ref()
}

impl Vectors {
    fn parse(b: &'static [u8]) -> Option<Vectors> {
        let rest = b.strip_prefix(b"SDVEC1\n")?;
        let u32_at = |s: &[u8], i: usize| -> Option<u32> {
            Some(u32::from_le_bytes(s.get(i..i + 4)?.try_into().ok()?))
        };
        let rows = u32_at(rest, 0)? as usize;
        let dims = u32_at(rest, 4)? as usize;
        let mut at = 8;
        let mut index = HashMap::default();
        index.reserve(rows);
        let mut names = Vec::with_capacity(rows);
        for id in 0..rows {
            let len = u16::from_le_bytes(rest.get(at..at + 2)?.try_into().ok()?) as usize;
            let piece = std::str::from_utf8(rest.get(at + 2..at + 2 + len)?).ok()?;
            index.insert(piece, id as u32);
            names.push(piece);
            at += 2 + len;
        }
        let mut scale = Vec::with_capacity(rows);
        for r in 0..rows {
            let x = rest.get(at + 4 * r..at + 4 * r + 4)?;
            scale.push(f32::from_le_bytes(x.try_into().ok()?));
        }
        at += 4 * rows;
        let data = rest.get(at..at + rows * dims)?;
        if at + rows * dims != rest.len() {
            return None;
        }
        let longest_piece = names
            .iter()
            .map(|p| p.strip_prefix("##").unwrap_or(p).len())
            .max()
            .unwrap_or(0);
        Some(Vectors {
            index,
            names,
            longest_piece,
            dims,
            scale,
            data,
        })
    }

    /// Number of dimensions of a vector.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The word pieces of a text (unknown words left out), as ids.
    pub fn piece_ids(&self, text: &str) -> Vec<u32> {
        let norm = normalize(text);
        let mut out = Vec::with_capacity(norm.len() / 4);
        let mut key = String::with_capacity(32);
        for_each_word(&norm, |word| {
            self.word_pieces(word, &mut out, &mut key);
        });
        out
    }

    /// The word pieces of a text as strings (for tests and tools).
    pub fn pieces(&self, text: &str) -> Vec<&'static str> {
        self.piece_ids(text)
            .into_iter()
            .map(|id| self.names[id as usize])
            .collect()
    }

    /// Greedy longest-match WordPiece of one word, pushed onto `out`; false
    /// (and nothing pushed) when the word cannot be covered (BERT's
    /// unknown word, which model2vec leaves out). `key` is scratch space.
    fn word_pieces(&self, word: &str, out: &mut Vec<u32>, key: &mut String) -> bool {
        if word.len() > MAX_WORD_CHARS && word.chars().count() > MAX_WORD_CHARS {
            return false;
        }
        let start = out.len();
        let mut pos = 0;
        while pos < word.len() {
            let rest = &word[pos..];
            // Longest first, from the longest piece the vocabulary has.
            let mut end = rest.len().min(self.longest_piece);
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            loop {
                if end == 0 {
                    out.truncate(start);
                    return false;
                }
                key.clear();
                if pos > 0 {
                    key.push_str("##");
                }
                key.push_str(&rest[..end]);
                if let Some(&id) = self.index.get(key.as_str()) {
                    out.push(id);
                    pos += end;
                    break;
                }
                end -= 1;
                while !rest.is_char_boundary(end) {
                    end -= 1;
                }
            }
        }
        true
    }

    /// Sum of the word-piece vectors of a text, and the number of word
    /// pieces. The sentence vector is this sum normalised (the mean's
    /// direction); a run of sentences sums its sentences' sums.
    pub fn sum(&self, text: &str) -> (Vec<f32>, usize) {
        let mut v = vec![0.0f32; self.dims];
        let ids = self.piece_ids(text);
        for &id in &ids {
            let id = id as usize;
            let s = self.scale[id];
            let row = &self.data[id * self.dims..(id + 1) * self.dims];
            for (x, &q) in v.iter_mut().zip(row) {
                *x += s * (q as i8) as f32;
            }
        }
        (v, ids.len())
    }

    /// The unit vector of a text (all zeros when it has no known word
    /// piece).
    pub fn embed(&self, text: &str) -> Vec<f32> {
        let (mut v, _) = self.sum(text);
        unit(&mut v);
        v
    }
}

/// Scale a vector to length 1 (left as is when it is zero).
pub fn unit(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v.iter_mut() {
            *x /= n;
        }
    }
}

/// Dot product (the cosine of two unit vectors), in eight independent
/// lanes so that the compiler can use vector instructions (a single running
/// sum fixes the order of the additions and cannot be vectorised).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let (ca, cb) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    let mut acc = [0.0f32; LANES];
    for (x, y) in ca.zip(cb) {
        for i in 0..LANES {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Lanes of [`dot`].
const LANES: usize = 8;

/// BERT's normaliser: control and format characters dropped, white space
/// made a plain space, CJK ideographs set apart, accents stripped, lower
/// case.
fn normalize(text: &str) -> String {
    if text.is_ascii() {
        // Nothing to decompose: the common case, done without NFD.
        return text
            .bytes()
            .filter(|&b| !b.is_ascii_control() || matches!(b, b'\t' | b'\n' | b'\r'))
            .map(|b| {
                if b.is_ascii_whitespace() {
                    ' '
                } else {
                    b.to_ascii_lowercase() as char
                }
            })
            .collect();
    }
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || is_control(c) {
            continue;
        }
        if c.is_whitespace() {
            clean.push(' ');
        } else if is_cjk(c) {
            clean.push(' ');
            clean.push(c);
            clean.push(' ');
        } else {
            clean.push(c);
        }
    }
    clean
        .nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Control (Cc) and common format (Cf) characters, except the white space
/// that BERT keeps as a space.
fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    c.is_control()
        || matches!(c,
            '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
            | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}')
}

/// CJK ideographs, which BERT treats as words of their own.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{20000}'..='\u{2a6df}'
        | '\u{2a700}'..='\u{2b73f}' | '\u{2b740}'..='\u{2b81f}' | '\u{2b820}'..='\u{2ceaf}'
        | '\u{f900}'..='\u{faff}' | '\u{2f800}'..='\u{2fa1f}')
}

/// BERT's punctuation: all ASCII non-alphanumeric printing characters, and
/// the Unicode punctuation news text uses (general punctuation, Latin-1 and
/// CJK marks, full-width forms).
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c,
            '¡' | '§' | '«' | '¶' | '·' | '»' | '¿' | '\u{37e}' | '\u{387}'
            | '\u{55a}'..='\u{55f}' | '\u{589}' | '\u{58a}' | '\u{5be}' | '\u{5c0}'
            | '\u{5c3}' | '\u{5c6}' | '\u{5f3}' | '\u{5f4}' | '\u{609}' | '\u{60a}'
            | '\u{60c}' | '\u{60d}' | '\u{61b}' | '\u{61e}' | '\u{61f}'
            | '\u{66a}'..='\u{66d}' | '\u{6d4}' | '\u{964}' | '\u{965}' | '\u{970}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}'
            | '\u{2053}'..='\u{205e}' | '\u{207d}' | '\u{207e}' | '\u{208d}' | '\u{208e}'
            | '\u{2308}'..='\u{230b}' | '\u{2329}' | '\u{232a}' | '\u{2768}'..='\u{2775}'
            | '\u{27c5}' | '\u{27c6}' | '\u{27e6}'..='\u{27ef}' | '\u{2983}'..='\u{2998}'
            | '\u{29d8}'..='\u{29db}' | '\u{29fc}' | '\u{29fd}' | '\u{2cf9}'..='\u{2cfc}'
            | '\u{2cfe}' | '\u{2cff}' | '\u{2e00}'..='\u{2e2e}' | '\u{2e30}'..='\u{2e4f}'
            | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}'
            | '\u{3030}' | '\u{303d}' | '\u{30a0}' | '\u{30fb}' | '\u{fe10}'..='\u{fe19}'
            | '\u{fe30}'..='\u{fe52}' | '\u{fe54}'..='\u{fe61}' | '\u{fe63}' | '\u{fe68}'
            | '\u{fe6a}' | '\u{fe6b}' | '\u{ff01}'..='\u{ff03}' | '\u{ff05}'..='\u{ff0a}'
            | '\u{ff0c}'..='\u{ff0f}' | '\u{ff1a}' | '\u{ff1b}' | '\u{ff1f}' | '\u{ff20}'
            | '\u{ff3b}'..='\u{ff3d}' | '\u{ff3f}' | '\u{ff5b}' | '\u{ff5d}'
            | '\u{ff5f}'..='\u{ff65}')
}

/// Words split at white space, each punctuation character a word of its
/// own (BERT's pre-tokeniser), as slices of the text, given to `f` in order.
fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    for chunk in text.split(' ') {
        let mut from = 0;
        for (i, c) in chunk.char_indices() {
            if is_punct(c) {
                if i > from {
                    f(&chunk[from..i]);
                }
                f(&chunk[i..i + c.len_utf8()]);
                from = i + c.len_utf8();
            }
        }
        if from < chunk.len() {
            f(&chunk[from..]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v() -> &'static Vectors {
        vectors().expect("the compiled-in table parses")
    }

    #[test]
    fn table_parses_with_the_vocabulary() {
        // 29,525 word pieces of 128 dimensions, "the" among them.
        let v = v();
        assert_eq!(v.dims(), 128);
        assert_eq!(v.scale.len(), 29_525);
        assert!(v.index.contains_key("the"));
        assert!(v.index.contains_key("##s"));
    }

    #[test]
    fn unknown_words_are_left_out() {
        // A word no piece covers adds nothing, as in model2vec.
        assert!(v().piece_ids("\u{1F600}").is_empty());
        assert_eq!(
            v().pieces("Rescuers ☃ arrived"),
            ["rescue", "##rs", "arrived"]
        );
    }

    #[test]
    fn paraphrases_are_closer_than_other_sentences_of_the_story() {
        // The point of the table: reworded sentences stay close.
        let v = v();
        let a = v.embed("The airport was shut on Monday because of the storm.");
        let b = v.embed("Officials closed the airport on Monday as the storm hit.");
        let c = v.embed("The storm's winds reached 140 km/h on the coast.");
        assert!(
            dot(&a, &b) > dot(&a, &c),
            "{} vs {}",
            dot(&a, &b),
            dot(&a, &c)
        );
    }

    #[test]
    fn empty_text_is_the_zero_vector() {
        assert!(v().embed("").iter().all(|&x| x == 0.0));
        assert!(v().embed(" \t\u{7}").iter().all(|&x| x == 0.0));
    }
}
