//! A segmented and analyzed source: the data every later stage reads.

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
    /// The text exactly as in the source (`source.text[start..end]`).
    pub text: String,
    /// The text as shown and compared: markup removed, whitespace collapsed.
    pub clean: String,
    pub features: Features,
}

/// A source cut into sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub label: String,
    pub origin: String,
    pub format: InputFormat,
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
            InputFormat::Text => &source.text,
        };
        let sentences = segment::split(view)
            .into_iter()
            .enumerate()
            .map(|(id, sp)| {
                let clean = collapse_space(&view[sp.start..sp.end]);
                let features = text::analyze(&clean);
                Sentence {
                    id,
                    start: sp.start,
                    end: sp.end,
                    paragraph: sp.paragraph,
                    text: source.text[sp.start..sp.end].to_string(),
                    clean,
                    features,
                }
            })
            .collect();
        Document {
            label: source.label.clone(),
            origin: source.origin.clone(),
            format: source.format,
            sentences,
        }
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
