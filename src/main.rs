//! The `storydiff` binary: arguments → options → library → render → exit code.

mod cli;

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
            eprintln!("storydiff: {e}");
            ExitCode::from(exit::TROUBLE)
        }
    }
}

fn run(cli: Cli) -> Result<u8, Error> {
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
        }) => batch(&file, &compare, output.as_deref()),
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
    emit(&cli.output, &body)?;
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
    let mut sources: Vec<Source> = Vec::new();
    for (i, arg) in files.iter().enumerate() {
        let (named, path) = ingest::split_labelled(arg);
        let label = args.labels.get(i).cloned().or(named);
        let src = ingest::read_input(
            &path,
            label.as_deref(),
            output.input_format.into(),
            &args.fetch_options(),
        )?;
        if src.text.trim().is_empty() {
            if args.skip_empty {
                eprintln!("storydiff: warning: {path}: empty, skipped");
                continue;
            }
            return Err(Error::input(
                path,
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
    emit(output, &body)?;
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
    emit(output, &body)?;
    let kinds: Vec<storydiff::check::FindingKind> = fail_on.iter().map(|&f| f.into()).collect();
    let min = args.min_significance.map(Into::into);
    Ok(if report.fails_on_at(&kinds, min) {
        exit::DIFFERENT
    } else {
        exit::SAME
    })
}

/// `storydiff batch`: exit 2 if any story failed, else 1 if any differs.
fn batch(file: &str, args: &CompareArgs, output: Option<&str>) -> Result<u8, Error> {
    use std::io::IsTerminal;
    let text = if file == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| Error::input("-", format!("cannot read: {e}")))?;
        s
    } else {
        let src = ingest::read_source_as(file, "batch", ingest::FormatChoice::Text)?;
        src.text
    };
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    let bar = if std::io::stderr().is_terminal() {
        let b = indicatif::ProgressBar::new(lines.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} stories {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let opts = args.to_options();
    let fetch_opts = args.fetch_options();
    let (mut failed, mut differs) = (false, false);
    let mut collected = String::new();
    let stdout = std::io::stdout();
    for (lineno, line) in lines {
        let r = storydiff::batch::run_line(line, lineno, &opts, &fetch_opts);
        failed |= !r.ok;
        differs |= r.differences;
        if output.is_some() {
            collected.push_str(&r.line);
            collected.push('\n');
        } else {
            let mut out = stdout.lock();
            match writeln!(out, "{}", r.line).and_then(|_| out.flush()) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(exit::SAME),
                Err(e) => return Err(Error::input("stdout", format!("cannot write: {e}"))),
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if let Some(path) = output {
        write_atomic(path, collected.as_bytes())?;
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
            s
        }
    };
    emit(output, &body)?;
    Ok(exit::SAME)
}

/// A report as pretty JSON with a final newline.
fn pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// Write the output: to a file atomically (temp file in the same folder, then
/// rename), or to stdout, where a closed pipe is not an error.
fn emit(output: &OutputArgs, body: &str) -> Result<(), Error> {
    match &output.output {
        Some(path) => write_atomic(path, body.as_bytes()),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(body.as_bytes()).and_then(|_| out.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Error::input("stdout", format!("cannot write: {e}"))),
            }
        }
    }
}

fn write_atomic(path: &str, bytes: &[u8]) -> Result<(), Error> {
    let p = std::path::Path::new(path);
    let dir = p
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = p
        .file_name()
        .ok_or_else(|| Error::input(path, "not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.storydiff-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, p));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::input(path, format!("cannot write: {e}")));
    }
    Ok(())
}
