//! The `storydiff` binary: arguments → options → library → render → exit code.

mod cli;
mod pager;
mod sink;
mod view;

use clap::Parser;
use cli::{Cli, Command, CompareArgs, Format, OnlyArg, OutputArgs, SortBy};
use std::io::Write;
use std::process::ExitCode;
use storydiff::ingest::{self, Source};
use storydiff::{Error, document::Document, render};
use view::View;

/// mimalloc: the pipeline makes many small, short-lived allocations (token
/// lists, sparse vectors, diff tokens) on two threads; the system allocator
/// spent about a fifth of all instructions on them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes, as `diff`: no differences, differences, trouble.
mod exit {
    pub const SAME: u8 = 0;
    pub const DIFFERENT: u8 = 1;
    pub const TROUBLE: u8 = 2;
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // Paths and labels in errors may hold control characters.
            eprintln!(
                "storydiff: {}",
                render::escape_controls(&e.to_string(), false)
            );
            ExitCode::from(exit::TROUBLE)
        }
    }
}

fn run(cli: Cli) -> Result<u8, Error> {
    let to_stdout = match &cli.command {
        Some(Command::Segment { output, .. })
        | Some(Command::Check { output, .. })
        | Some(Command::Versions { output, .. }) => output.output.is_none(),
        Some(Command::Batch { output, .. }) => output.is_none(),
        Some(Command::Completions { .. } | Command::Man) => true,
        None => cli.output.output.is_none(),
    };
    if to_stdout && sink::stdout_closed() {
        return Err(Error::input(
            "stdout",
            "closed, the report would be lost (redirect it, or write to a file with -o FILE)",
        ));
    }
    match cli.command {
        Some(Command::Segment { file, output }) => segment(&file, &output),
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "storydiff", &mut out);
            write_stdout(&out)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut out)
                .map_err(|e| Error::input("man page", e.to_string()))?;
            write_stdout(&out)
        }
        Some(Command::Check {
            draft,
            against,
            fail_on,
            compare,
            output,
        }) => check(&draft, &against, &fail_on, &compare, &output),
        Some(Command::Batch {
            file,
            compare,
            output,
            no_local_paths,
        }) => batch(&file, &compare, output.as_deref(), no_local_paths),
        Some(Command::Versions {
            files,
            sort,
            compare,
            output,
        }) => versions(&files, sort, &compare, &output),
        None => compare(&cli),
    }
}

fn compare(cli: &Cli) -> Result<u8, Error> {
    let view = View::new(&cli.output, &cli.compare);
    let sources = load_sources(&cli.files, &cli.compare, &cli.output, "reports")?;
    let report = storydiff::compare(&sources, &cli.compare.to_options())?;
    if !show(&view, &cli.output, &report)? {
        return Ok(exit::SAME);
    }
    Ok(differs(report.differs_at(view.terminal.min_significance)))
}

/// Render a report with the view and write it (pager, file or stdout);
/// `false` when the reader closed the pipe early (not an error).
fn show<R: render::Render>(view: &View, output: &OutputArgs, report: &R) -> Result<bool, Error> {
    let body = view.render(report);
    if view.page(&body) {
        return Ok(true);
    }
    emit(output, &body)
}

fn differs(yes: bool) -> u8 {
    if yes { exit::DIFFERENT } else { exit::SAME }
}

/// Read the inputs of a multi-input command: labels, stdin once, empty files.
fn load_sources(
    files: &[String],
    args: &CompareArgs,
    output: &OutputArgs,
    what: &str,
) -> Result<Vec<Source>, Error> {
    if files.len() < 2 {
        return Err(Error::Usage(format!(
            "need at least 2 {what} to compare, got {} (see `storydiff --help`; `storydiff segment FILE` inspects one)",
            files.len()
        )));
    }
    if args.labels.len() > files.len() {
        return Err(Error::Usage(format!(
            "{} labels given for {} {what}",
            args.labels.len(),
            files.len()
        )));
    }
    if files.iter().filter(|f| f.as_str() == "-").count() > 1 {
        return Err(Error::Usage("stdin (-) can be read only once".to_string()));
    }
    // Everything that can be checked before reading is checked first.
    let split: Vec<(Option<String>, String)> =
        files.iter().map(|f| ingest::split_labelled(f)).collect();
    let explicit: Vec<Option<String>> = split
        .iter()
        .enumerate()
        .map(|(i, (named, _))| args.labels.get(i).cloned().or(named.clone()))
        .collect();
    for l in explicit.iter().flatten() {
        ingest::check_label(l).map_err(Error::Usage)?;
    }
    let paths: Vec<String> = split.iter().map(|(_, p)| p.clone()).collect();
    sink::refuse_input_as_output(output.output.as_deref(), &paths)?;
    let keyed: Vec<(&str, Option<&str>)> = paths
        .iter()
        .zip(&explicit)
        .map(|(p, l)| (p.as_str(), l.as_deref()))
        .collect();
    let labels = ingest::distinct_labels(&keyed);
    let mut sources: Vec<Source> = Vec::new();
    for (path, label) in paths.iter().zip(&labels) {
        let src = ingest::read_input(
            path,
            Some(label),
            output.input_format.into(),
            &args.fetch_options(),
        )?;
        if !ingest::has_text(&src) {
            if args.skip_empty {
                eprintln!(
                    "storydiff: warning: {}: empty, skipped",
                    render::escape_controls(path, false)
                );
                continue;
            }
            return Err(Error::input(
                path.as_str(),
                "empty (no text to compare; --skip-empty skips such inputs)",
            ));
        }
        sources.push(src);
    }
    Ok(sources)
}

fn versions(
    files: &[String],
    sort: SortBy,
    args: &CompareArgs,
    output: &OutputArgs,
) -> Result<u8, Error> {
    let mut sources = load_sources(files, args, output, "versions")?;
    if sort == SortBy::Time {
        let mut keyed = Vec::with_capacity(sources.len());
        for s in sources {
            let t = s
                .meta
                .get("modified")
                .or_else(|| s.meta.get("published"))
                .cloned()
                .ok_or_else(|| {
                    Error::input(
                        s.origin.clone(),
                        "no publication or modification time in its metadata (needed by --sort time)",
                    )
                })?;
            keyed.push((t, s));
        }
        // ISO 8601 times sort as text; the stable sort keeps ties in order.
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        sources = keyed.into_iter().map(|(_, s)| s).collect();
    }
    let report = storydiff::versions::versions(&sources, &args.to_options())?;
    let view = View::new(output, args);
    if !show(&view, output, &report)? {
        return Ok(exit::SAME);
    }
    Ok(differs(report.differs_at(view.terminal.min_significance)))
}

/// `storydiff check`: exit 1 on findings of the `--fail-on` kinds.
fn check(
    draft: &str,
    against: &[String],
    fail_on: &[cli::FailOn],
    args: &CompareArgs,
    output: &OutputArgs,
) -> Result<u8, Error> {
    if args.only != OnlyArg::All {
        return Err(Error::Usage(
            "--only applies to comparing reports; check shows every finding (filter them with --min-significance, and pick what fails with --fail-on)".to_string(),
        ));
    }
    let mut files = vec![draft.to_string()];
    files.extend(against.iter().cloned());
    let mut sources = load_sources(&files, args, output, "inputs (a draft and a source)")?;
    let draft = sources.remove(0);
    let report = storydiff::check::check(&draft, &sources, &args.to_options())?;
    if !show(&View::new(output, args), output, &report)? {
        return Ok(exit::SAME);
    }
    let kinds: Vec<storydiff::check::FindingKind> = fail_on.iter().map(|&f| f.into()).collect();
    let min = args.min_significance.map(Into::into);
    Ok(differs(report.fails_on_at(&kinds, min)))
}

/// `storydiff batch`: exit 2 if any story failed, else 1 if any differs.
///
/// The file is streamed a line at a time (each line at most
/// [`ingest::MAX_INPUT_BYTES`]); each story runs isolated, and its line is
/// written (and flushed) as soon as it is done, to stdout or to the
/// temporary file that replaces `-o FILE` at the end, so stories already
/// done are kept whatever a later one does.
fn batch(
    file: &str,
    args: &CompareArgs,
    output: Option<&str>,
    no_local_paths: bool,
) -> Result<u8, Error> {
    use std::io::{BufRead, IsTerminal};
    // Options of the views have no effect on JSON lines: say so.
    let ignored = [
        (
            !args.labels.is_empty(),
            "--label (give each report's \"label\" in the story line)",
        ),
        (args.only != OnlyArg::All, "--only"),
        (
            args.explain,
            "--explain (links and scores are always in the JSON)",
        ),
    ];
    if let Some((_, flag)) = ignored.iter().find(|(set, _)| *set) {
        return Err(Error::Usage(format!(
            "batch writes one JSON report a line; {flag} does not apply"
        )));
    }
    sink::refuse_input_as_output(output, &[file.to_string()])?;
    let (mut reader, base_dir): (Box<dyn BufRead>, std::path::PathBuf) = if file == "-" {
        (
            Box::new(std::io::BufReader::new(std::io::stdin())),
            std::path::PathBuf::new(),
        )
    } else {
        let path = std::path::Path::new(file);
        if path.is_dir() {
            return Err(Error::input(file, "is a directory, not a file"));
        }
        let f = std::fs::File::open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::input(file, "no such file"),
            std::io::ErrorKind::PermissionDenied => Error::input(file, "permission denied"),
            _ => Error::input(file, format!("cannot read: {e}")),
        })?;
        // Relative `path` fields are relative to the stories file's folder.
        let base = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
        (Box::new(std::io::BufReader::new(f)), base)
    };
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::no_length();
        b.set_style(
            indicatif::ProgressStyle::with_template("{pos} stories {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let opts = storydiff::batch::BatchOptions {
        compare: args.to_options(),
        fetch: args.fetch_options(),
        base_dir,
        local_paths: !no_local_paths,
    };
    let mut out_file = output.map(sink::Sink::create).transpose()?;
    let (mut failed, mut differs) = (false, false);
    let stdout = std::io::stdout();
    let mut lineno = 0usize;
    loop {
        let read = storydiff::batch::read_story_line(&mut reader, ingest::MAX_INPUT_BYTES)
            .map_err(|e| Error::input(file, format!("cannot read: {e}")))?;
        let Some(read) = read else { break };
        lineno += 1;
        let r = match read {
            storydiff::batch::StoryLine::Text(line) if line.trim().is_empty() => continue,
            storydiff::batch::StoryLine::Text(line) => {
                storydiff::batch::run_isolated(&line, lineno, &opts)
            }
            storydiff::batch::StoryLine::Bad(problem) => {
                storydiff::batch::error_line(lineno, &problem)
            }
        };
        failed |= !r.ok;
        differs |= r.differences;
        match out_file.as_mut() {
            Some(f) => {
                f.write(r.line.as_bytes())?;
                f.write(b"\n")?;
            }
            None => {
                let mut out = stdout.lock();
                match writeln!(out, "{}", r.line).and_then(|_| out.flush()) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                        return Ok(exit::SAME);
                    }
                    Err(e) => return Err(Error::input("stdout", format!("cannot write: {e}"))),
                }
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if let Some(f) = out_file {
        f.finish()?;
    }
    Ok(if failed {
        exit::TROUBLE
    } else if differs {
        exit::DIFFERENT
    } else {
        exit::SAME
    })
}

fn segment(file: &str, output: &OutputArgs) -> Result<u8, Error> {
    sink::refuse_input_as_output(output.output.as_deref(), &[file.to_string()])?;
    let src = ingest::read_input(
        file,
        None,
        output.input_format.into(),
        &storydiff::fetch::FetchOptions::default(),
    )?;
    let doc = Document::build(&src);
    let body = match output.format() {
        Format::Json => {
            let sentences: Vec<serde_json::Value> = doc
                .sentences
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "id": s.id, "start": s.start, "end": s.end,
                        "paragraph": s.paragraph, "text": s.text,
                    })
                })
                .collect();
            let v = serde_json::json!({
                "version": storydiff::report::SCHEMA_VERSION,
                "label": doc.label,
                "path": doc.origin,
                "format": doc.format,
                "meta": src.meta,
                "sentences": sentences,
            });
            pretty_json(&v)
        }
        Format::Markdown | Format::Html => {
            return Err(Error::Usage(
                "segment prints sentences as tab-separated text (--format terminal) or JSON (--format json); markdown and html are not available".to_string(),
            ));
        }
        Format::Terminal => {
            let mut s = String::new();
            for x in &doc.sentences {
                s.push_str(&format!("{}\t{}..{}\t{}\n", x.id, x.start, x.end, x.clean));
            }
            render::escape_controls(&s, false)
        }
    };
    if !emit(output, &body)? {
        return Ok(exit::SAME);
    }
    Ok(exit::SAME)
}

use render::pretty_json;

/// Generated text (completions, man page) to stdout.
fn write_stdout(bytes: &[u8]) -> Result<u8, Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(exit::SAME),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(exit::SAME),
        Err(e) => Err(Error::input("stdout", format!("cannot write: {e}"))),
    }
}

/// Write the output: to a file (see [`sink::Sink`]), or to stdout, where a
/// pipe closed by its reader (`| head`) is not an error: `Ok(false)` then,
/// and the command exits 0 silently (as ripgrep does).
fn emit(output: &OutputArgs, body: &str) -> Result<bool, Error> {
    match &output.output {
        Some(path) => {
            let mut f = sink::Sink::create(path)?;
            f.write(body.as_bytes())?;
            f.finish().map(|_| true)
        }
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(body.as_bytes()).and_then(|_| out.flush()) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
                Err(e) => Err(Error::input("stdout", format!("cannot write: {e}"))),
            }
        }
    }
}
