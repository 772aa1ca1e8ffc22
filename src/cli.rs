//! Command-line arguments, and turning them into library [`Options`].

use clap::{Parser, Subcommand, ValueEnum};
use storydiff::Options;
use storydiff::align::AlignOptions;
use storydiff::report::Significance;

/// Compare news reports of the same events: which sentences say the same
/// thing, how their wording differs, and which claims only one report makes.
#[derive(Debug, Parser)]
#[command(
    name = "storydiff",
    version,
    args_conflicts_with_subcommands = true,
    after_help = "Exit status: 0 the reports say the same thing, 1 they differ, 2 trouble."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Reports to compare: paths, `-` for stdin, or NAME=path to set a label.
    #[arg(value_name = "REPORT")]
    pub files: Vec<String>,

    #[command(flatten)]
    pub compare: CompareArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare versions of one article in order: added, removed, edited,
    /// moved, split and merged sentences per step, and each claim's history.
    Versions {
        /// The versions, oldest first (or any order with --sort time).
        #[arg(value_name = "VERSION", required = true)]
        files: Vec<String>,
        /// Order: as given, or by the modification/publication time in the
        /// pages' metadata.
        #[arg(long, value_enum, default_value_t = SortBy::Given)]
        sort: SortBy,
        #[command(flatten)]
        compare: CompareArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Run many stories from a JSON Lines file (`-` for stdin): one story a
    /// line in, one JSON report a line out, streaming.
    Batch {
        /// The stories, one JSON object a line.
        file: String,
        #[command(flatten)]
        compare: CompareArgs,
        /// Write to FILE (atomically, when all stories are done).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<String>,
        /// Refuse "path" fields (for stories from untrusted hands: a path can
        /// read any local file into the output). Relative paths are relative
        /// to the stories file's folder.
        #[arg(long)]
        no_local_paths: bool,
    },
    /// Review a draft against its sources: unsupported claims, attribution
    /// drift and conflicting numbers, names or dates.
    #[command(override_usage = "storydiff check [OPTIONS] <DRAFT> --against <SOURCE>...")]
    Check {
        /// The draft under review.
        draft: String,
        /// The sources to check it against.
        #[arg(long, num_args = 1.., required = true, value_name = "SOURCE")]
        against: Vec<String>,
        /// Which findings make the exit status 1.
        #[arg(long, value_delimiter = ',', default_values_t = vec![FailOn::Unsupported, FailOn::Drift, FailOn::Conflict])]
        fail_on: Vec<FailOn>,
        #[command(flatten)]
        compare: CompareArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    /// to standard output, e.g. `storydiff completions bash > /etc/bash_completion.d/storydiff`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output, e.g.
    /// `storydiff man > storydiff.1 && man ./storydiff.1`.
    Man,
    /// Show how storydiff splits one file into sentences, with byte spans.
    Segment {
        /// The file to split (`-` for stdin).
        file: String,
        #[command(flatten)]
        output: OutputArgs,
    },
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Label of the next report, in order (repeat once per report).
    #[arg(long = "label", value_name = "NAME")]
    pub labels: Vec<String>,

    /// Lowest similarity (0 to 1) for two sentences to count as the same claim.
    #[arg(long, default_value_t = AlignOptions::default().threshold, value_parser = parse_threshold)]
    pub threshold: f64,

    /// Which groups to show in the terminal view.
    #[arg(long, value_enum, default_value_t = OnlyArg::All)]
    pub only: OnlyArg,

    /// Skip empty or whitespace-only inputs with a warning instead of failing.
    #[arg(long)]
    pub skip_empty: bool,

    /// Show each link's score and the shared words behind it.
    #[arg(long)]
    pub explain: bool,

    /// Give up on a URL after this many seconds (redirects and body included).
    #[arg(long, value_name = "SECS", default_value_t = 20.0, value_parser = parse_seconds)]
    pub fetch_timeout: f64,

    /// Largest page fetched from a URL, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_page_bytes: u64,

    /// Hide differences below this level, in the views and the exit code:
    /// typography < wording < facts (numbers, names, dates) < attribution < claim.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub min_significance: Option<SignificanceArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignificanceArg {
    Typography,
    Wording,
    Facts,
    Attribution,
    Claim,
}

impl From<SignificanceArg> for Significance {
    fn from(a: SignificanceArg) -> Self {
        match a {
            SignificanceArg::Typography => Significance::Typography,
            SignificanceArg::Wording => Significance::Wording,
            SignificanceArg::Facts => Significance::Facts,
            SignificanceArg::Attribution => Significance::Attribution,
            SignificanceArg::Claim => Significance::Claim,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Auto,
    Text,
    Markdown,
    Html,
}

impl From<InputFormatArg> for storydiff::ingest::FormatChoice {
    fn from(a: InputFormatArg) -> Self {
        use storydiff::ingest::FormatChoice as F;
        match a {
            InputFormatArg::Auto => F::Auto,
            InputFormatArg::Text => F::Text,
            InputFormatArg::Markdown => F::Markdown,
            InputFormatArg::Html => F::Html,
        }
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format [default: from the extension of -o (.json, .md,
    /// .markdown, .html, .htm), else terminal].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// How to read the inputs: by extension and content (auto), or as told.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<String>,

    /// When to colour the terminal view (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// When to show the terminal view through a pager ($STORYDIFF_PAGER,
    /// $PAGER, else `less -FRX`): auto pages a report taller than the screen
    /// when standard output is a terminal.
    #[arg(long, value_enum, default_value_t = crate::pager::Paging::Auto)]
    pub paging: crate::pager::Paging,

    /// Wrap the terminal view to this many columns [default: the terminal's
    /// width when standard output is a terminal, else no wrapping].
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Unsupported,
    Drift,
    Conflict,
}

impl std::fmt::Display for FailOn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FailOn::Unsupported => "unsupported",
            FailOn::Drift => "drift",
            FailOn::Conflict => "conflict",
        })
    }
}

impl From<FailOn> for storydiff::check::FindingKind {
    fn from(f: FailOn) -> Self {
        use storydiff::check::FindingKind as K;
        match f {
            FailOn::Unsupported => K::Unsupported,
            FailOn::Drift => K::Drift,
            FailOn::Conflict => K::Conflict,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortBy {
    Given,
    Time,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Terminal,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnlyArg {
    All,
    Changed,
    Unique,
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is outside 0..=1"))
    }
}

/// Longest `--fetch-timeout`: a day.
const MAX_FETCH_SECS: f64 = 86_400.0;

fn parse_seconds(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("'{s}' is not a number of seconds"))?;
    if v.is_finite() && v > 0.0 && v <= MAX_FETCH_SECS {
        Ok(v)
    } else {
        Err(format!(
            "'{s}' is not a number of seconds above 0 and at most {MAX_FETCH_SECS}"
        ))
    }
}

impl CompareArgs {
    pub fn fetch_options(&self) -> storydiff::fetch::FetchOptions {
        let timeout = std::time::Duration::try_from_secs_f64(self.fetch_timeout)
            .unwrap_or(std::time::Duration::from_secs(20));
        storydiff::fetch::FetchOptions {
            timeout,
            max_bytes: self.max_page_bytes,
            ..Default::default()
        }
    }

    pub fn to_options(&self) -> Options {
        Options {
            align: AlignOptions {
                threshold: self.threshold,
            },
        }
    }
}

impl OutputArgs {
    /// The output format: `--format`, else the extension of `-o`, else
    /// the terminal view.
    pub fn format(&self) -> Format {
        if let Some(f) = self.format {
            return f;
        }
        let ext = self
            .output
            .as_deref()
            .and_then(|o| std::path::Path::new(o).extension())
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("json") => Format::Json,
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            _ => Format::Terminal,
        }
    }

    /// Colour on or off, from the flag, NO_COLOR and whether stdout is a TTY.
    pub fn use_color(&self) -> bool {
        use std::io::IsTerminal;
        match self.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && self.output.is_none()
                    && std::io::stdout().is_terminal()
            }
        }
    }
}
