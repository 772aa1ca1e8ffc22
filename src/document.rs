//! A segmented and analyzed source: the data every later stage reads.

use crate::attribution::{Attribution, attribute};
use crate::ingest::{InputFormat, Source, mask_markdown};
use crate::segment;
use crate::text::{self, Features};

/// One sentence of a document, with its exact span in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// 0-based, in document order.
    pub id: usize,
    /// Byte offsets into the source text as read.
    pub start: usize,
    pub end: usize,
    /// 0-based paragraph number.
    pub paragraph: usize,
    /// The title line: first paragraph, alone in it, no closing punctuation.
    pub headline: bool,
    /// The text exactly as in the source (`source.text[start..end]`).
    pub text: String,
    /// The text as shown and compared: markup removed, whitespace collapsed.
    pub clean: String,
    pub features: Features,
    /// Who is said to have said it; quote spans relative to `start`.
    pub attribution: Attribution,
}

impl Sentence {
    /// Whether the sentence has a word (a letter or a digit): a closing
    /// quotation mark or a dash cut off on its own states nothing.
    pub fn has_words(&self) -> bool {
        self.clean.chars().any(char::is_alphanumeric)
    }
}

/// A source cut into sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub label: String,
    pub origin: String,
    pub format: InputFormat,
    pub meta: std::collections::BTreeMap<String, String>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Segment and analyze a source.
    pub fn build(source: &Source) -> Self {
        let masked;
        let view: &str = match source.format {
            InputFormat::Markdown => {
                masked = mask_markdown(&source.text);
                &masked
            }
            InputFormat::Text | InputFormat::Html => &source.text,
        };
        let spans = segment::split(view);
        let first_para_len = spans.iter().filter(|s| s.paragraph == 0).count();
        let has_more = spans.iter().any(|s| s.paragraph > 0);
        let sentences = spans
            .into_iter()
            .enumerate()
            .map(|(id, sp)| {
                let raw = view[sp.start..sp.end].trim_end();
                // A title: the first paragraph, alone in it, with more text
                // after it; unpunctuated (up to 20 words) or short (up to 12
                // words, some titles end with a stop). Wire leads are longer.
                let words = raw.split_whitespace().count();
                // A typewriter "''" closes a quote as '"' does.
                let bare = raw.strip_suffix("''").map_or(raw, str::trim_end);
                let unpunctuated = !bare.ends_with(['.', '!', '?', '"', '”', '…']);
                let headline = id == 0
                    && first_para_len == 1
                    && ((unpunctuated && words <= 20) || (words <= 12 && has_more));
                let clean = collapse_space(&view[sp.start..sp.end]);
                let features = text::analyze(&clean[dateline_len(&clean)..]);
                Sentence {
                    id,
                    start: sp.start,
                    end: sp.end,
                    paragraph: sp.paragraph,
                    headline,
                    text: source.text[sp.start..sp.end].to_string(),
                    clean,
                    features,
                    attribution: Attribution::default(),
                }
            })
            .collect::<Vec<_>>();
        let mut sentences = sentences;
        let texts: Vec<&str> = sentences.iter().map(|s| &view[s.start..s.end]).collect();
        for (s, a) in sentences.iter_mut().zip(attribute(&texts)) {
            s.attribution = a;
        }
        Document {
            label: source.label.clone(),
            origin: source.origin.clone(),
            format: source.format,
            meta: source.meta.clone(),
            sentences,
        }
    }
}

impl Document {
    /// The shown text of a run of sentences, joined by a space.
    pub fn text_of(&self, ids: &[usize]) -> String {
        ids.iter()
            .map(|&s| self.sentences[s].clean.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Collapse every run of whitespace (line breaks included) to one space.
pub fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Length in bytes of a wire dateline opening `s` ("HALVARD (AP) — ",
/// "NEW YORK, March 3 (Reuters) - "), 0 when there is none. Datelines say where
/// a story was filed, not what happened, so they are left out of the analysis.
pub fn dateline_len(s: &str) -> usize {
    // A dateline opens with a word in capitals (two letters or more): most
    // sentences are answered before looking for a dash. Every dash below
    // starts with a space or is "—", so this word (up to the first space,
    // comma or "—") is also the first word of the part before the dash.
    let first = s.split([' ', ',', '—']).next().unwrap_or("");
    let mut letters = 0;
    for c in first.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return 0;
        }
        letters += 1;
    }
    if letters < 2 {
        return 0;
    }
    let mut cut = s.len().min(100);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let Some((pos, dash)) = [" — ", " – ", " -- ", " - ", "—"]
        .iter()
        .filter_map(|d| head.find(d).map(|p| (p, *d)))
        .min()
    else {
        return 0;
    };
    if s[..pos].split_whitespace().count() <= 8 {
        pos + dash.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::dateline_len;

    /// A first line that ends with a stop inside a typewriter-closed quote
    /// is punctuated, as one closed by '"' is: with more than 12 words it
    /// is a lead, not a title.
    #[test]
    fn typewriter_closed_first_line_is_punctuated() {
        let heads = |t: &str| -> Vec<bool> {
            let d = super::Document::build(&crate::ingest::Source::from_text("a", t));
            d.sentences.iter().map(|s| s.headline).collect()
        };
        let long = "It's official : Dana Quill is taking over the director's chair for the \"Harbour '' sequel \"Low Tide. ''\n\nThe studio confirmed it.\n";
        assert_eq!(heads(long), [false, false]);
        let title = "Dana Quill to direct \"Low Tide ''\n\nThe studio confirmed it.\n";
        assert_eq!(heads(title), [true, false]);
    }

    #[test]
    fn wire_datelines_are_found() {
        let s = "HALVARD, March 3 (Reuters) - Dockworkers struck.";
        assert_eq!(&s[dateline_len(s)..], "Dockworkers struck.");
        let s = "NEW YORK (AP) — Prices rose.";
        assert_eq!(&s[dateline_len(s)..], "Prices rose.");
        assert_eq!(dateline_len("The CEO - a veteran - resigned."), 0);
        let s = "WASHINGTON—Officials met.";
        assert_eq!(&s[dateline_len(s)..], "Officials met.");
        let s = "GENEVA, Switzerland (AFP) – Talks ended.";
        assert_eq!(&s[dateline_len(s)..], "Talks ended.");
        assert_eq!(dateline_len("—Officials met."), 0);
        assert_eq!(dateline_len("Geneva — Talks ended."), 0);
        assert_eq!(dateline_len("A — Talks ended."), 0);
        assert_eq!(
            dateline_len("NATO officials, all twelve of them and more, met today - finally."),
            0
        );
    }
}
