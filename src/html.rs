//! HTML pages: the article's main text and its metadata.
//!
//! Main text comes from `rs-trafilatura` (a Rust port of trafilatura), which
//! scored best of the candidates measured on the article-extraction
//! benchmark (see README). Metadata — title, byline, publication and
//! modification time, site name, URL — comes from the extractor, from meta
//! tags (`article:published_time`, `article:modified_time`, `og:site_name`…)
//! and from JSON-LD (`datePublished`, `dateModified`, `author`).

use crate::error::Error;
use std::collections::BTreeMap;

/// Fewer words than this (title aside) is not an article.
pub const MIN_ARTICLE_WORDS: usize = 5;

/// Whether text looks like an HTML page (used when the format is `auto`).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<head") || head.contains("<body")))
}

/// Deepest element nesting accepted. Parsing and extraction take time
/// (and stack) that grows faster than the depth: 10,000 nested `<div>`s took
/// 53 s and 30,000 unclosed `<b><i><span>` overflowed the stack. Real
/// article pages stay far below this.
pub const MAX_DEPTH: usize = 512;
/// Most attributes on one element (40,000 on one tag took 13 s).
pub const MAX_ATTRIBUTES: usize = 1_000;
/// Most elements in a page; a long article page has a few thousand
/// (150,000 paragraphs took 8 s to extract).
pub const MAX_ELEMENTS: usize = 100_000;
/// Most attributes in a page, all elements together.
pub const MAX_TOTAL_ATTRIBUTES: usize = 300_000;

/// Elements that never hold others (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];
/// Elements whose end tag is optional: the next one of the same name
/// closes the open one (and the unclosed inline tags inside it).
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody",
    "thead", "tfoot", "colgroup", "rp", "rt", "caption",
];

/// A cheap, linear pre-scan of a page before it reaches the parser: the
/// nesting depth (open elements not yet closed), attributes per element and
/// elements and attributes in all. A page beyond [`MAX_DEPTH`],
/// [`MAX_ATTRIBUTES`], [`MAX_ELEMENTS`] or [`MAX_TOTAL_ATTRIBUTES`] is
/// refused with the limit it broke.
pub fn check_limits(html: &str) -> Result<(), String> {
    let b = html.as_bytes();
    let lower = |i: usize, pat: &[u8]| {
        b.len() >= i + pat.len() && b[i..i + pat.len()].eq_ignore_ascii_case(pat)
    };
    let find = |from: usize, pat: &[u8]| -> usize {
        // Case-insensitive search; returns b.len() when absent.
        let mut k = from;
        while k + pat.len() <= b.len() {
            match memchr_ascii(b, k, pat[0]) {
                Some(at) if at + pat.len() <= b.len() => {
                    if b[at..at + pat.len()].eq_ignore_ascii_case(pat) {
                        return at;
                    }
                    k = at + 1;
                }
                _ => break,
            }
        }
        b.len()
    };
    let mut stack: Vec<String> = Vec::new();
    let mut elements = 0usize;
    let mut total_attributes = 0usize;
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = memchr_ascii(b, i, b'<') else {
            break;
        };
        i = lt + 1;
        if lower(lt, b"<!--") {
            i = find(lt + 4, b"-->").saturating_add(3);
            continue;
        }
        if lower(lt, b"<!") || lower(lt, b"<?") {
            i = memchr_ascii(b, i, b'>').map_or(b.len(), |k| k + 1);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        // Attributes up to the closing '>', quotes respected.
        let mut k = name_start + name_len;
        let mut attributes = 0usize;
        let mut self_closing = false;
        while k < b.len() && b[k] != b'>' {
            match b[k] {
                c if c.is_ascii_whitespace() => k += 1,
                b'/' => {
                    self_closing = b.get(k + 1) == Some(&b'>');
                    k += 1;
                }
                b'=' => {
                    k += 1;
                    while k < b.len() && b[k].is_ascii_whitespace() {
                        k += 1;
                    }
                    if let Some(&q) = b.get(k).filter(|&&q| q == b'"' || q == b'\'') {
                        k = memchr_ascii(b, k + 1, q).map_or(b.len(), |e| e + 1);
                    } else {
                        while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                            k += 1;
                        }
                    }
                }
                _ => {
                    attributes += 1;
                    total_attributes += 1;
                    if total_attributes > MAX_TOTAL_ATTRIBUTES {
                        return Err(format!(
                            "the HTML page has more than {MAX_TOTAL_ATTRIBUTES} attributes (the limit)"
                        ));
                    }
                    if attributes > MAX_ATTRIBUTES {
                        return Err(format!(
                            "an HTML element has more than {MAX_ATTRIBUTES} attributes (the limit)"
                        ));
                    }
                    while k < b.len()
                        && !b[k].is_ascii_whitespace()
                        && !matches!(b[k], b'=' | b'>' | b'/')
                    {
                        k += 1;
                    }
                }
            }
        }
        i = k + 1;
        if closing {
            if let Some(at) = stack.iter().rposition(|n| *n == name) {
                stack.truncate(at);
            }
            continue;
        }
        elements += 1;
        if elements > MAX_ELEMENTS {
            return Err(format!(
                "the HTML page has more than {MAX_ELEMENTS} elements (the limit)"
            ));
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let end = format!("</{name}");
            i = find(i, end.as_bytes());
            continue;
        }
        if self_closing || VOID.contains(&name.as_str()) {
            continue;
        }
        if OPTIONAL_END.contains(&name.as_str())
            && let Some(at) = stack.iter().rposition(|n| *n == name)
        {
            // A new <p> (or <li>, <td>…) closes the open one and what it
            // holds, as the parser does.
            stack.truncate(at);
        }
        stack.push(name);
        if stack.len() > MAX_DEPTH {
            return Err(format!(
                "HTML elements nested more than {MAX_DEPTH} deep (the limit; unclosed tags count)"
            ));
        }
    }
    Ok(())
}

/// The first `needle` byte at or after `from`.
fn memchr_ascii(b: &[u8], from: usize, needle: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c.eq_ignore_ascii_case(&needle))
        .map(|k| from + k)
}

/// The character encoding a page declares in a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` within its
/// first 4 KiB (as browsers look for it).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find_bytes(&lower[from..], b"<meta").map(|k| from + k) {
        let end = lower[at..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(lower.len(), |k| at + k);
        let tag = &lower[at..end];
        if let Some(c) = find_bytes(tag, b"charset") {
            let mut v = &tag[c + 7..];
            while let Some((&first, rest)) = v.split_first() {
                if first.is_ascii_whitespace() || first == b'=' || first == b'"' || first == b'\'' {
                    v = rest;
                } else {
                    break;
                }
            }
            let n = v
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'))
                .count();
            if let Some(enc) = encoding_rs::Encoding::for_label(&v[..n]) {
                // A page that says UTF-16 in ASCII is not UTF-16.
                return Some(enc.output_encoding());
            }
        }
        from = end;
    }
    None
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decode a fetched page: a byte-order mark first, then the charset of the
/// HTTP `Content-Type` header, then UTF-8 when the bytes are valid UTF-8,
/// then the page's `<meta>` charset; invalid bytes become U+FFFD.
pub fn decode_page(bytes: &[u8], header_charset: Option<&str>) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Some(enc) =
        header_charset.and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()))
    {
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let enc = declared_charset(bytes).unwrap_or(encoding_rs::UTF_8);
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The article's text (paragraphs separated by blank lines) and metadata.
/// A page beyond the [`check_limits`] bounds is refused before parsing.
pub fn extract(html: &str, input: &str) -> Result<(String, BTreeMap<String, String>), Error> {
    check_limits(html).map_err(|e| Error::input(input, e))?;
    let result = rs_trafilatura::extract(html).map_err(|e| {
        Error::input(
            input,
            format!("cannot extract an article from the HTML: {e}"),
        )
    })?;
    let text = paragraphs(&result.content_text);
    // With no article, the extractor falls back to the title (sometimes
    // repeated): text that is nothing but the title, or only a few words,
    // is not an article.
    let mut rest = text.clone();
    if let Some(t) = result
        .metadata
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    {
        rest = rest.replace(t.trim(), " ");
    }
    if rest.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err(Error::input(
            input,
            "no article text found in the HTML page",
        ));
    }
    let mut meta = BTreeMap::new();
    let m = &result.metadata;
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty())
        {
            meta.entry(k.to_string()).or_insert(v);
        }
    };
    let doc = dom_query::Document::from(html);
    let meta_content = |sel: &str| -> Option<String> {
        doc.select(sel)
            .iter()
            .find_map(|s| s.attr("content").map(|c| c.to_string()))
    };
    // JSON-LD blocks: NewsArticle and friends, possibly inside @graph.
    for s in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&s.text()) else {
            continue;
        };
        let mut items = vec![v.clone()];
        if let Some(g) = v.get("@graph").and_then(|g| g.as_array()) {
            items.extend(g.iter().cloned());
        }
        if let Some(a) = v.as_array() {
            items.extend(a.iter().cloned());
        }
        for it in items {
            let text_of = |k: &str| it.get(k).and_then(|x| x.as_str()).map(String::from);
            put("published", text_of("datePublished"));
            put("modified", text_of("dateModified"));
            put("title", text_of("headline"));
            let author = it.get("author").and_then(|a| {
                let one = |x: &serde_json::Value| {
                    x.get("name")
                        .and_then(|n| n.as_str())
                        .map(String::from)
                        .or_else(|| x.as_str().map(String::from))
                };
                match a {
                    serde_json::Value::Array(list) => {
                        let names: Vec<String> = list.iter().filter_map(one).collect();
                        (!names.is_empty()).then(|| names.join(", "))
                    }
                    other => one(other),
                }
            });
            put("byline", author);
            put(
                "site",
                it.get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(|n| n.as_str())
                    .map(String::from),
            );
        }
    }
    put(
        "published",
        meta_content(
            r#"meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="pubdate"]"#,
        ),
    );
    put(
        "modified",
        meta_content(
            r#"meta[property="article:modified_time"], meta[itemprop="dateModified"], meta[property="og:updated_time"]"#,
        ),
    );
    put("site", meta_content(r#"meta[property="og:site_name"]"#));
    put("title", m.title.clone());
    put("byline", m.author.clone());
    put("site", m.sitename.clone());
    put("url", m.url.clone());
    put("published", m.date.map(|d| d.to_rfc3339()));
    Ok((text, meta))
}

/// One paragraph per block of text, separated by blank lines, so that the
/// segmenter never joins text across paragraphs.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sloppy but ordinary pages pass the pre-scan: an unclosed `<b>` in
    /// each of 2,000 paragraphs is closed by the next `<p>`; 2,000 unclosed
    /// ones in one paragraph are not.
    #[test]
    fn unclosed_inline_tags_in_paragraphs_pass_the_limits() {
        let sloppy = format!("<html><body>{}</body></html>", "<p><b>Text".repeat(2_000));
        assert_eq!(check_limits(&sloppy), Ok(()));
        let hostile = format!("<html><body><p>{}</body></html>", "<b>Text".repeat(2_000));
        assert_eq!(
            check_limits(&hostile),
            Err("HTML elements nested more than 512 deep (the limit; unclosed tags count)".into())
        );
        let scripts = "<script>if (a < b) { x = '<div>'; }</script>".repeat(2_000);
        assert_eq!(check_limits(&scripts), Ok(()));
    }

    /// The charset a page declares is found in either form of `<meta>`.
    #[test]
    fn declared_charset_is_found() {
        let a = declared_charset(b"<html><head><meta charset='ISO-8859-1'>");
        let b = declared_charset(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
        );
        assert_eq!(a.map(|e| e.name()), Some("windows-1252"));
        assert_eq!(b.map(|e| e.name()), Some("windows-1251"));
        assert_eq!(declared_charset(b"<p>charset=latin1</p>"), None);
    }

    #[test]
    fn sniffing_finds_pages() {
        assert!(looks_like_html(
            "  <!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html("<html lang=en>"));
        assert!(!looks_like_html("The <b>storm</b> hit."));
    }
}
