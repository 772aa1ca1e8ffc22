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

/// The article's text (paragraphs separated by blank lines) and metadata.
pub fn extract(html: &str, input: &str) -> Result<(String, BTreeMap<String, String>), Error> {
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

    #[test]
    fn sniffing_finds_pages() {
        assert!(looks_like_html(
            "  <!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html("<html lang=en>"));
        assert!(!looks_like_html("The <b>storm</b> hit."));
    }
}
