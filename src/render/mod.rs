//! Views of a [`Report`](crate::report::Report). Renderers never compute:
//! they only show what the report holds.

pub mod check;
pub mod html;
pub mod json;
pub mod markdown;
pub mod terminal;
pub mod versions;

/// Which groups the terminal view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Only {
    /// Shared groups, unique claims and the summary.
    #[default]
    All,
    /// Shared groups whose wording changed, and the summary.
    Changed,
    /// Claims found in one source only, and the summary.
    Unique,
}

/// Options of the terminal view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TerminalOptions {
    pub color: bool,
    pub only: Only,
    /// Show link scores and the shared words behind them.
    pub explain: bool,
    /// Hide groups whose difference is less significant than this.
    pub min_significance: Option<crate::report::Significance>,
}
