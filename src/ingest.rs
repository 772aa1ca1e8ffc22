//! Reading inputs into [`Source`]s: files, stdin, plain text and Markdown.
//!
//! Every error names the input it is about, so the CLI can print it on one line.

use crate::error::Error;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// How the text of a source is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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
    let bytes = if arg == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::input(arg, format!("cannot read: {e}")))?;
        buf
    } else {
        let path = Path::new(arg);
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::input(arg, "no such file"),
            std::io::ErrorKind::PermissionDenied => Error::input(arg, "permission denied"),
            _ => Error::input(arg, format!("cannot read: {e}")),
        })?;
        if meta.is_dir() {
            return Err(Error::input(arg, "is a directory, not a file"));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(Error::input(
                arg,
                format!(
                    "too large ({} bytes; the limit is {} bytes)",
                    meta.len(),
                    MAX_INPUT_BYTES
                ),
            ));
        }
        std::fs::read(path).map_err(|e| Error::input(arg, format!("cannot read: {e}")))?
    };
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::input(
            arg,
            format!("too large (the limit is {MAX_INPUT_BYTES} bytes)"),
        ));
    }
    let text = decode(arg, bytes)?;
    source_from_text(arg, label, text, choice)
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
        let label = label.map_or_else(|| crate::fetch::url_label(arg), str::to_string);
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

/// Check the bytes are text and decode them as UTF-8 (a leading BOM is kept
/// in the text, so byte offsets stay those of the file, but it is whitespace
/// to the segmenter).
fn decode(arg: &str, bytes: Vec<u8>) -> Result<String, Error> {
    if bytes.contains(&0) {
        return Err(Error::input(arg, "binary data (NUL bytes), not text"));
    }
    match String::from_utf8(bytes) {
        Ok(t) => Ok(t),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
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

/// The default label of an input: its file stem, or `stdin`.
pub fn default_label(arg: &str) -> String {
    if arg == "-" {
        return "stdin".to_string();
    }
    Path::new(arg)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| arg.to_string())
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
        // Inline markup.
        let lb = body.as_bytes();
        let mut j = i;
        while j < lb.len() {
            match lb[j] {
                b'!' if lb.get(j + 1) == Some(&b'[') => {
                    if let Some(end) = link_end(body, j + 1) {
                        blank(&mut out, ls + j..ls + end);
                        j = end;
                        continue;
                    }
                }
                b'[' => {
                    if let Some(close) = body[j..].find("](").map(|k| j + k)
                        && let Some(end) = body[close..].find(')').map(|k| close + k + 1)
                    {
                        blank(&mut out, ls + j..ls + j + 1);
                        blank(&mut out, ls + close..ls + end);
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
                    if let Some(k) = body[j..].find('>') {
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

fn link_end(body: &str, open: usize) -> Option<usize> {
    let close = body[open..].find("](")? + open;
    let end = body[close..].find(')')? + close + 1;
    Some(end)
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
