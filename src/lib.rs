//! storydiff: compare several news reports of the same events.
//!
//! The pipeline runs one way (README.md, "How it works"):
//! [`ingest`] → [`segment`] → [`text`] analysis → [`align`] → [`compare`] →
//! [`render`]. The [`Report`](report::Report) is the contract every view reads.
//!
//! ```
//! use storydiff::{compare, Options, ingest::Source};
//! let a = Source::from_text("ap", "A storm killed 12 people on Tuesday. Schools were closed.");
//! let b = Source::from_text("afp", "Schools were shut. A storm killed 15 people on Tuesday.");
//! let report = compare(&[a, b], &Options::default()).unwrap();
//! assert_eq!(report.summary.shared_by_all, 2);
//! assert_eq!(report.groups[0].conflicts.len(), 1);
//! ```

pub mod align;
pub mod attribution;
pub mod batch;
pub mod check;
pub mod compare;
pub mod diffkit;
pub mod document;
pub mod embed;
pub mod error;
pub mod fetch;
pub mod html;
pub mod ingest;
pub mod render;
pub mod report;
pub mod segment;
pub mod tag;
pub mod text;
pub mod versions;

use document::Document;
pub use error::Error;
use ingest::Source;
use rayon::prelude::*;
use report::Report;

/// Everything the library needs to know to compare sources; the CLI builds it
/// from its flags, tests build it directly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub align: align::AlignOptions,
}

/// Compare two or more sources of the same events.
///
/// Fails when fewer than two sources are given, when two share a label,
/// when a label is empty, too long or holds a control character, or when a
/// source has no text.
pub fn compare(sources: &[Source], opts: &Options) -> Result<Report, Error> {
    check_sources(sources)?;
    // Documents are independent: build them on all cores (order is kept).
    // The word-piece vectors the alignment needs next are read meanwhile.
    let (docs, _) = rayon::join(
        || sources.par_iter().map(Document::build).collect::<Vec<_>>(),
        embed::vectors,
    );
    let alignment = align::align(&docs, &opts.align);
    Ok(compare::report(&docs, &alignment))
}

/// The checks every multi-source command makes before it starts.
pub fn check_sources(sources: &[Source]) -> Result<(), Error> {
    if sources.len() < 2 {
        return Err(Error::Usage(format!(
            "need at least 2 sources to compare, got {}",
            sources.len()
        )));
    }
    for (i, s) in sources.iter().enumerate() {
        ingest::check_label(&s.label).map_err(|e| {
            if s.origin.is_empty() {
                Error::Usage(e)
            } else {
                Error::input(shown(s), e)
            }
        })?;
        if let Some(prev) = sources[..i].iter().find(|p| p.label == s.label) {
            return Err(Error::Usage(format!(
                "duplicate label '{}' ({} and {}); name them with --label or NAME=path",
                render::escape_controls(&s.label, false),
                shown(prev),
                shown(s)
            )));
        }
        if !ingest::has_text(s) {
            return Err(Error::input(shown(s), "empty (no text to compare)"));
        }
    }
    Ok(())
}

/// How a source is named in an error: its path or URL, else its label,
/// control characters shown as escapes.
fn shown(s: &Source) -> String {
    let name = if s.origin.is_empty() {
        &s.label
    } else {
        &s.origin
    };
    render::escape_controls(name, false)
}
