//! Reading inputs into [`Source`]s: files, stdin, plain text and Markdown.
//!
//! Every error names the input it is about, so the CLI can print it on one line.

use crate::error::Error;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// How the text of a source is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Markdown,
    /// An HTML page; the source text is the extracted article text.
    Html,
}

/// How to read an input: by its extension and content, or as told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormatChoice {
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
}

/// One report as read: its label, where it came from and its text as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub label: String,
    /// The path as given, `-` for stdin, or empty for in-memory text.
    pub origin: String,
    pub text: String,
    pub format: InputFormat,
    pub meta: BTreeMap<String, String>,
}

impl Source {
    /// A plain-text source built in memory (tests, library users).
    pub fn from_text(label: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            label: label.into(),
            origin: String::new(),
            text: text.into(),
            format: InputFormat::Text,
            meta: BTreeMap::new(),
        }
    }
}

/// Largest input read, in bytes. Larger inputs are refused rather than
/// exhausting memory; 64 MiB is far above any article.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Read one input argument (`-` is stdin) into a source, format by
/// extension and content.
pub fn read_source(arg: &str, label: &str) -> Result<Source, Error> {
    read_source_as(arg, label, FormatChoice::Auto)
}

/// Read one input argument with a given format choice.
pub fn read_source_as(arg: &str, label: &str, choice: FormatChoice) -> Result<Source, Error> {
    let bytes = read_bytes(arg)?;
    let html = match choice {
        FormatChoice::Html => true,
        FormatChoice::Auto => {
            let l = arg.to_ascii_lowercase();
            l.ends_with(".html") || l.ends_with(".htm") || looks_like_html_bytes(&bytes)
        }
        _ => false,
    };
    let text = decode(arg, bytes, html)?;
    source_from_text(arg, label, text, choice)
}

/// The bytes of a file or of stdin (`-`), never more than
/// [`MAX_INPUT_BYTES`]: the reader is capped, so `/dev/zero`, a FIFO with an
/// endless writer or a file growing while read stop at the limit (the length
/// a file reports is not trusted).
pub fn read_bytes(arg: &str) -> Result<Vec<u8>, Error> {
    let too_large = || {
        Error::input(
            arg,
            format!("too large (the limit is {MAX_INPUT_BYTES} bytes)"),
        )
    };
    let open_error = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Error::input(arg, "no such file"),
        std::io::ErrorKind::PermissionDenied => Error::input(arg, "permission denied"),
        _ => Error::input(arg, format!("cannot read: {e}")),
    };
    let mut buf = Vec::new();
    if arg == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::input(arg, format!("cannot read: {e}")))?;
    } else {
        let path = Path::new(arg);
        let meta = std::fs::metadata(path).map_err(open_error)?;
        if meta.is_dir() {
            return Err(Error::input(arg, "is a directory, not a file"));
        }
        if meta.is_file() && meta.len() > MAX_INPUT_BYTES {
            return Err(Error::input(
                arg,
                format!(
                    "too large ({} bytes; the limit is {} bytes)",
                    meta.len(),
                    MAX_INPUT_BYTES
                ),
            ));
        }
        std::fs::File::open(path)
            .map_err(open_error)?
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::input(arg, format!("cannot read: {e}")))?;
    }
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    Ok(buf)
}

/// Whether raw bytes start like an HTML page (for the charset decision).
fn looks_like_html_bytes(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    crate::html::looks_like_html(&head)
}

/// Read one input of any kind: a URL (fetched within `fetch`'s limits), a
/// path, or `-` for stdin. Without a label, a URL is labelled by its host
/// and a file by its stem.
pub fn read_input(
    arg: &str,
    label: Option<&str>,
    choice: FormatChoice,
    fetch: &crate::fetch::FetchOptions,
) -> Result<Source, Error> {
    if crate::fetch::is_url(arg) {
        let label = label.map_or_else(|| default_label(arg), str::to_string);
        let body = crate::fetch::fetch(arg, fetch)?;
        source_from_text(arg, &label, body, choice)
    } else {
        let label = label.map_or_else(|| default_label(arg), str::to_string);
        read_source_as(arg, &label, choice)
    }
}

/// Build a source from text already read (a file, stdin, a fetched page).
pub fn source_from_text(
    origin: &str,
    label: &str,
    text: String,
    choice: FormatChoice,
) -> Result<Source, Error> {
    let format = match choice {
        FormatChoice::Auto => format_of(origin, &text),
        FormatChoice::Text => InputFormat::Text,
        FormatChoice::Markdown => InputFormat::Markdown,
        FormatChoice::Html => InputFormat::Html,
    };
    let (text, meta) = if format == InputFormat::Html {
        crate::html::extract(&text, origin)?
    } else {
        (text, BTreeMap::new())
    };
    Ok(Source {
        label: label.to_string(),
        origin: origin.to_string(),
        format,
        text,
        meta,
    })
}

/// Check the bytes are text and decode them: UTF-8 (a leading byte-order
/// mark is dropped, so a file saved with one equals the same file without;
/// offsets are then those of the text after the mark). An HTML page that is
/// not valid UTF-8 is decoded by the charset its `<meta>` declares
/// (`encoding_rs`, as browsers do).
fn decode(arg: &str, mut bytes: Vec<u8>, html: bool) -> Result<String, Error> {
    if bytes.contains(&0) {
        return Err(Error::input(arg, "binary data (NUL bytes), not text"));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok(t),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            if html
                && let Some(enc) =
                    crate::html::declared_charset(&bytes).filter(|e| *e != encoding_rs::UTF_8)
            {
                return Ok(enc.decode_without_bom_handling(&bytes).0.into_owned());
            }
            Err(Error::input(
                arg,
                format!("not valid UTF-8 (invalid byte at offset {at})"),
            ))
        }
    }
}

fn format_of(arg: &str, text: &str) -> InputFormat {
    let lower = arg.to_ascii_lowercase();
    let path = lower.split(['?', '#']).next().unwrap_or(&lower);
    if path.ends_with(".md") || path.ends_with(".markdown") {
        InputFormat::Markdown
    } else if path.ends_with(".html")
        || path.ends_with(".htm")
        || crate::html::looks_like_html(text)
    {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

/// Longest default label, in characters; a longer file stem or URL is cut
/// (with `…`) so that views stay readable and column padding bounded.
pub const MAX_DEFAULT_LABEL_CHARS: usize = 80;
/// Longest label given by the user, in characters.
pub const MAX_LABEL_CHARS: usize = 256;

/// The default label of an input: its file stem, its URL's host, or `stdin`.
pub fn default_label(arg: &str) -> String {
    if arg == "-" {
        return "stdin".to_string();
    }
    if crate::fetch::is_url(arg) {
        return shorten(&crate::fetch::url_label(arg));
    }
    let stem = Path::new(arg)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| arg.to_string());
    shorten(&stem)
}

/// The longer default label tried when short ones collide: a URL's host and
/// path, a file's folder name and stem (`storm/wire`).
fn long_label(arg: &str) -> String {
    if crate::fetch::is_url(arg) {
        return shorten(&crate::fetch::url_label_long(arg));
    }
    let p = Path::new(arg);
    match p.parent().and_then(|d| d.file_name()) {
        Some(dir) => shorten(&format!("{}/{}", dir.to_string_lossy(), default_label(arg))),
        None => shorten(arg),
    }
}

/// Bounded in length, control characters shown as escapes.
fn shorten(s: &str) -> String {
    let s = crate::render::escape_controls(s, false);
    if s.chars().count() > MAX_DEFAULT_LABEL_CHARS {
        let mut t: String = s.chars().take(MAX_DEFAULT_LABEL_CHARS - 1).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// Labels for a list of inputs, each `(argument, explicit label)`; text
/// given in memory has the argument `""` and needs an explicit label.
/// Explicit labels are kept as given (duplicates among them stay an error,
/// found by [`crate::check_sources`]). Default labels are made distinct by
/// themselves: the short label (file stem, URL host) when it is unique, else
/// the long one (path as given, host + path) when that separates the
/// colliding inputs, else the short label with a counter (`a`, `a#2`, …).
/// A default label never takes a label given explicitly.
pub fn distinct_labels(inputs: &[(&str, Option<&str>)]) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let explicit: HashSet<&str> = inputs.iter().filter_map(|(_, l)| *l).collect();
    let short: Vec<String> = inputs.iter().map(|(a, _)| default_label(a)).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (i, (_, l)) in inputs.iter().enumerate() {
        if l.is_none() {
            *count.entry(short[i].as_str()).or_default() += 1;
        }
    }
    let mut taken: HashSet<String> = explicit.iter().map(|s| s.to_string()).collect();
    let mut out: Vec<Option<String>> = inputs.iter().map(|(_, l)| l.map(str::to_string)).collect();
    // Unique short labels first, so a counter never takes one of them.
    for (i, (_, l)) in inputs.iter().enumerate() {
        if l.is_none() && count[short[i].as_str()] == 1 && !explicit.contains(short[i].as_str()) {
            taken.insert(short[i].clone());
            out[i] = Some(short[i].clone());
        }
    }
    let mut groups: Vec<&str> = Vec::new();
    for (i, (_, l)) in inputs.iter().enumerate() {
        if l.is_none() && out[i].is_none() && !groups.contains(&short[i].as_str()) {
            groups.push(short[i].as_str());
        }
    }
    for g in groups {
        let members: Vec<usize> = (0..inputs.len())
            .filter(|&i| inputs[i].1.is_none() && out[i].is_none() && short[i] == g)
            .collect();
        let long: Vec<String> = members.iter().map(|&i| long_label(inputs[i].0)).collect();
        let long_set: HashSet<&String> = long.iter().collect();
        if long_set.len() == long.len() && long.iter().all(|l| !taken.contains(l)) {
            for (&i, l) in members.iter().zip(long) {
                taken.insert(l.clone());
                out[i] = Some(l);
            }
            continue;
        }
        let mut n = 1;
        for &i in &members {
            let mut label = g.to_string();
            while taken.contains(&label) {
                n += 1;
                label = format!("{g}#{n}");
            }
            taken.insert(label.clone());
            out[i] = Some(label);
        }
    }
    out.into_iter().map(Option::unwrap_or_default).collect()
}

/// Whether a label can be used: not empty, at most [`MAX_LABEL_CHARS`]
/// characters, no line break or other control character.
pub fn check_label(label: &str) -> Result<(), String> {
    if label.trim().is_empty() {
        return Err("empty label (a label needs at least one visible character)".to_string());
    }
    if label.chars().any(char::is_control) {
        return Err(format!(
            "label '{}' holds a line break or control character",
            label.escape_debug()
        ));
    }
    let n = label.chars().count();
    if n > MAX_LABEL_CHARS {
        return Err(format!(
            "label of {n} characters (the limit is {MAX_LABEL_CHARS})"
        ));
    }
    Ok(())
}

/// Whether a source has text to compare: not only whitespace and, for
/// Markdown, not only markup (rules, an empty code fence…).
pub fn has_text(source: &Source) -> bool {
    match source.format {
        InputFormat::Markdown => !mask_markdown(&source.text).trim().is_empty(),
        _ => !source.text.trim().is_empty(),
    }
}

/// Split a `NAME=path` argument. A plain path that happens to contain `=` is
/// left alone when it exists as a file.
pub fn split_labelled(arg: &str) -> (Option<String>, String) {
    if Path::new(arg).exists() {
        return (None, arg.to_string());
    }
    match arg.split_once('=') {
        Some((name, path)) if !name.is_empty() && !path.is_empty() && !name.contains('/') => {
            (Some(name.to_string()), path.to_string())
        }
        _ => (None, arg.to_string()),
    }
}

/// Replace Markdown markup with spaces of the same byte length, so that
/// sentence spans found in the result are spans of the original text, and
/// sentences carry no markup noise.
///
/// Handles headings, block quotes, list bullets, emphasis marks, inline code
/// ticks, links (`[text](url)` keeps `text`), images, HTML tags and rules.
pub fn mask_markdown(text: &str) -> String {
    let mut out: Vec<u8> = text.as_bytes().to_vec();
    let blank = |out: &mut Vec<u8>, r: std::ops::Range<usize>| {
        for b in &mut out[r] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut in_fence = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let ls = pos;
        pos += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        let indent = body.len() - trimmed.len();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            blank(&mut out, ls..ls + body.len());
            continue;
        }
        if in_fence {
            blank(&mut out, ls..ls + body.len());
            continue;
        }
        let t = trimmed.as_bytes();
        // Horizontal rules.
        if t.len() >= 3
            && t.iter()
                .all(|&b| b == b'-' || b == b'*' || b == b'_' || b == b' ')
            && t.iter().filter(|&&b| b != b' ').count() >= 3
        {
            blank(&mut out, ls..ls + body.len());
            continue;
        }
        // Block prefixes: '>' quotes, '#' headings, bullets.
        let mut i = indent;
        loop {
            let rest = &body.as_bytes()[i..];
            if rest.first() == Some(&b'>') {
                blank(&mut out, ls + i..ls + i + 1);
                i += 1;
                while body.as_bytes().get(i) == Some(&b' ') {
                    i += 1;
                }
                continue;
            }
            break;
        }
        let rest = &body[i..];
        let hashes = rest.bytes().take_while(|&b| b == b'#').count();
        if hashes > 0 && hashes <= 6 && rest[hashes..].starts_with(' ') {
            blank(&mut out, ls + i..ls + i + hashes);
            // Closing hashes of an ATX heading.
            let tail = rest.trim_end();
            let closing = tail.bytes().rev().take_while(|&b| b == b'#').count();
            if closing > 0 && closing < tail.len() - hashes {
                blank(&mut out, ls + i + tail.len() - closing..ls + i + tail.len());
            }
        } else if (rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ "))
            && rest.len() > 2
        {
            blank(&mut out, ls + i..ls + i + 1);
        }
        // Inline markup. Where the next `](`, `)` and `>` are is computed once
        // per line, and link targets already blanked are not blanked again,
        // so the line is masked in linear time (a 400 KB line of `[` took 99 s
        // when each `[` searched the rest of the line).
        let lb = body.as_bytes();
        let next_close = next_index(lb, |k| lb[k] == b']' && lb.get(k + 1) == Some(&b'('));
        let next_paren = next_index(lb, |k| lb[k] == b')');
        let next_gt = next_index(lb, |k| lb[k] == b'>');
        let link_end = |open: usize| -> Option<(usize, usize)> {
            let close = *next_close.get(open)?;
            let end = *next_paren.get(close)?;
            (close < lb.len() && end < lb.len()).then_some((close, end + 1))
        };
        // Bytes before this (line offset) are already blanked as a link target.
        let mut blanked_to = 0usize;
        let mut j = i;
        while j < lb.len() {
            match lb[j] {
                b'!' if lb.get(j + 1) == Some(&b'[') => {
                    if let Some((_, end)) = link_end(j + 1) {
                        // Scanning resumes after `end`: these ranges never overlap.
                        blank(&mut out, ls + j..ls + end);
                        blanked_to = blanked_to.max(end);
                        j = end;
                        continue;
                    }
                }
                b'[' => {
                    if let Some((close, end)) = link_end(j) {
                        blank(&mut out, ls + j..ls + j + 1);
                        let from = close.max(blanked_to);
                        if from < end {
                            blank(&mut out, ls + from..ls + end);
                        }
                        blanked_to = blanked_to.max(end);
                        j = close;
                        continue;
                    }
                }
                b'`' => blank(&mut out, ls + j..ls + j + 1),
                b'*' | b'_' | b'~' => {
                    let prev = if j == 0 { b' ' } else { lb[j - 1] };
                    let next = lb.get(j + 1).copied().unwrap_or(b' ');
                    // Emphasis marks touch a word on one side only.
                    let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
                    if !(word(prev) && word(next)) {
                        blank(&mut out, ls + j..ls + j + 1);
                    }
                }
                b'<' => {
                    if let Some(k) = next_gt.get(j).filter(|&&g| g < lb.len()).map(|g| g - j) {
                        let tag = &body[j + 1..j + k];
                        if tag
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
                        {
                            blank(&mut out, ls + j..ls + j + k + 1);
                            j += k + 1;
                            continue;
                        }
                    }
                }
                _ => {}
            }
            j += 1;
        }
    }
    // Only ASCII bytes were replaced by ASCII spaces, so this stays UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// For each index of `b`, the first index at or after it where `at` holds
/// (`b.len()` when none): one backward pass.
fn next_index(b: &[u8], at: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut next = vec![b.len(); b.len() + 1];
    for k in (0..b.len()).rev() {
        next[k] = if at(k) { k } else { next[k + 1] };
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_masking_keeps_offsets() {
        let md = "# Storm hits\n\n- **Twelve** people died, [officials](http://x.y) said.\n";
        let m = mask_markdown(md);
        assert_eq!(m.len(), md.len());
        assert_eq!(
            m.split_whitespace().collect::<Vec<_>>().join(" "),
            "Storm hits Twelve people died, officials said."
        );
        assert_eq!(&m[md.find("officials").unwrap_or(0)..][..9], "officials");
    }

    #[test]
    fn labelled_argument_is_split() {
        assert_eq!(
            split_labelled("ap=stories/ap.txt"),
            (Some("ap".to_string()), "stories/ap.txt".to_string())
        );
        assert_eq!(split_labelled("a/b=c.txt"), (None, "a/b=c.txt".to_string()));
    }
}
