//! Library errors. Each names the input it concerns, so the CLI can print it
//! as one line: `storydiff: <input>: <problem>`.

/// What can go wrong while reading or comparing reports.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// A problem with one input (missing, unreadable, not text, empty…).
    #[error("{input}: {problem}")]
    Input { input: String, problem: String },
    /// The set of inputs cannot be compared (too few, duplicate labels…).
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn input(input: impl Into<String>, problem: impl Into<String>) -> Self {
        Error::Input {
            input: input.into(),
            problem: problem.into(),
        }
    }
}
