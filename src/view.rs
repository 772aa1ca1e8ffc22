//! One view, built once from the output options, for every mode: which
//! format, colour, width, paging and filters; it renders any report type
//! (through [`Render`]) and decides whether the result goes through a pager.

use crate::cli::{CompareArgs, Format, OnlyArg, OutputArgs};
use crate::pager::{self, Paging};
use std::io::IsTerminal;
use storydiff::render::{Only, Render, TerminalOptions, wrap};

pub struct View {
    pub format: Format,
    pub terminal: TerminalOptions,
    /// Wrap the terminal view to this many columns.
    width: Option<usize>,
    /// Page the terminal view (stdout is a terminal, no `-o`).
    paging: Option<Paging>,
}

impl View {
    pub fn new(output: &OutputArgs, args: &CompareArgs) -> View {
        let format = output.format();
        let tty = output.output.is_none() && std::io::stdout().is_terminal();
        let width = match output.width {
            Some(w) => Some(usize::from(w)),
            None if tty => terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)),
            None => None,
        };
        View {
            format,
            terminal: TerminalOptions {
                color: output.use_color(),
                only: match args.only {
                    OnlyArg::All => Only::All,
                    OnlyArg::Changed => Only::Changed,
                    OnlyArg::Unique => Only::Unique,
                },
                explain: args.explain,
                min_significance: args.min_significance.map(Into::into),
            },
            width: width.filter(|_| format == Format::Terminal),
            paging: (tty && format == Format::Terminal).then_some(output.paging),
        }
    }

    /// The report in the chosen format.
    pub fn render<R: Render>(&self, report: &R) -> String {
        match self.format {
            Format::Json => report.json(),
            Format::Markdown => report.markdown(&self.terminal),
            Format::Html => report.html(&self.terminal),
            Format::Terminal => {
                colored::control::set_override(self.terminal.color);
                let body = report.terminal(&self.terminal);
                match self.width {
                    Some(w) => wrap::wrap(&body, w),
                    None => body,
                }
            }
        }
    }

    /// Show `body` through a pager when the view asks for one; `true` when
    /// it did (the caller then prints nothing).
    pub fn page(&self, body: &str) -> bool {
        let Some(mode) = self.paging else {
            return false;
        };
        let height = terminal_size::terminal_size().map(|(_, h)| usize::from(h.0));
        pager::wanted(mode, true, body, height) && pager::page(body).unwrap_or(false)
    }
}
