//! The `storydiff` binary: arguments → options → library → render → exit code.

mod cli;
mod sink;

use clap::Parser;
use cli::{Cli, Command, CompareArgs, Format, OutputArgs, SortBy};
use std::io::Write;
use std::process::ExitCode;
use storydiff::ingest::{self, Source};
use storydiff::{Error, document::Document, render};

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
    let sources = load_sources(&cli.files, &cli.compare, &cli.output, "reports")?;
    let report = storydiff::compare(&sources, &cli.compare.to_options())?;
    let min = cli.compare.min_significance.map(Into::into);
    let body = match cli.output.format {
        Format::Json => render::json::render(&report),
        Format::Markdown => render::markdown::render(&report, min),
        Format::Html => render::html::render(&report, min),
        Format::Terminal => {
            let opts = cli.output.terminal_options(&cli.compare);
            colored::control::set_override(opts.color);
            render::terminal::render(&report, &opts)
        }
    };
    if !emit(&cli.output, &body)? {
        return Ok(exit::SAME);
    }
    Ok(if report.differs_at(min) {
        exit::DIFFERENT
    } else {
        exit::SAME
    })
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
    let min = args.min_significance.map(Into::into);
    let body = match output.format {
        Format::Markdown => render::markdown::render_versions(&report, min),
        Format::Html => render::html::render_versions(&report, min),
        Format::Json => pretty_json(&report),
        Format::Terminal => {
            let opts = output.terminal_options(args);
            colored::control::set_override(opts.color);
            render::versions::render(&report, &opts)
        }
    };
    if !emit(output, &body)? {
        return Ok(exit::SAME);
    }
    Ok(if report.differs_at(min) {
        exit::DIFFERENT
    } else {
        exit::SAME
    })
}

/// `storydiff check`: exit 1 on findings of the `--fail-on` kinds.
fn check(
    draft: &str,
    against: &[String],
    fail_on: &[cli::FailOn],
    args: &CompareArgs,
    output: &OutputArgs,
) -> Result<u8, Error> {
    let mut files = vec![draft.to_string()];
    files.extend(against.iter().cloned());
    let mut sources = load_sources(&files, args, output, "inputs (a draft and a source)")?;
    let draft = sources.remove(0);
    let report = storydiff::check::check(&draft, &sources, &args.to_options())?;
    let body = match output.format {
        Format::Markdown => render::markdown::render_check(&report),
        Format::Html => render::html::render_check(&report),
        Format::Json => pretty_json(&report),
        Format::Terminal => {
            let opts = output.terminal_options(args);
            colored::control::set_override(opts.color);
            render::check::render(&report, &opts)
        }
    };
    if !emit(output, &body)? {
        return Ok(exit::SAME);
    }
    let kinds: Vec<storydiff::check::FindingKind> = fail_on.iter().map(|&f| f.into()).collect();
    Ok(if report.fails_on(&kinds) {
        exit::DIFFERENT
    } else {
        exit::SAME
    })
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
    let body = match output.format {
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
        Format::Terminal | Format::Markdown | Format::Html => {
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

/// A report as pretty JSON with a final newline.
fn pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
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
