//! Fit terminal output to a width, with a hanging indent.
//!
//! Every terminal view (compare, versions, check) prints lines of the shape
//! `  label [3] sentence text…` or `  ! note: text…`. A line longer than the
//! width is broken between words; its continuation lines start under the
//! sentence text (after the `[ids]`), or two columns in from the line's own
//! indent, so a sentence stays a visible block:
//!
//! ```text
//!   ledger  [2] The company said it had received 23 reports of fires,
//!               and two riders suffered minor burns.
//! ```
//!
//! Colour escapes take no columns (`textwrap` measures display width without
//! them), so coloured and plain output break at the same places.

/// Narrowest width we wrap to; below it a hanging indent would leave no room.
const MIN_WIDTH: usize = 20;

/// Widest hanging indent, in columns: a long label must not push the text
/// into a one-word column.
const MAX_INDENT: usize = 40;

/// Wrap every line of `text` to `width` display columns.
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.max(MIN_WIDTH);
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if textwrap::core::display_width(body) <= width {
            out.push_str(line);
            continue;
        }
        let indent = " ".repeat(hanging_indent(body).min(MAX_INDENT).min(width / 2));
        let opts = textwrap::Options::new(width)
            .subsequent_indent(&indent)
            .break_words(true)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .word_separator(textwrap::WordSeparator::AsciiSpace);
        let lines = textwrap::wrap(body, &opts);
        out.push_str(&lines.join("\n"));
        out.push_str(nl);
    }
    out
}

/// The column where a line's continuation starts: after the first `[ids] `
/// near the start of the line (a sentence id), else the line's own indent
/// plus two.
fn hanging_indent(line: &str) -> usize {
    let plain = strip_ansi(line);
    let lead = plain.len() - plain.trim_start().len();
    // A sentence id `[3]`, `[3,4]` or `[3]→[4]` within the line's first words.
    let head: String = plain.chars().take(MAX_INDENT + 20).collect();
    if let Some(open) = head.find('[') {
        let before = &head[lead..open];
        // At most a label and a marker before the ids.
        if before.split_whitespace().count() <= 3
            && let Some(close_rel) = head[open..].find("] ")
        {
            let ids = &head[open + 1..open + close_rel];
            if !ids.is_empty()
                && ids
                    .chars()
                    .all(|c| c.is_ascii_digit() || ",→[]".contains(c))
            {
                return textwrap::core::display_width(&head[..open + close_rel + 2]);
            }
        }
    }
    lead + 2
}

/// `s` without ANSI colour escapes (`ESC [ … m`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // A member line breaks between words and continues under the sentence text.
    #[test]
    fn member_line_wraps_under_the_sentence_text() {
        let line = "  ledger  [2] The company said it had received 23 reports of fires, and two riders suffered minor burns.\n";
        let w = wrap(line, 50);
        assert_eq!(
            w,
            "  ledger  [2] The company said it had received 23\n              reports of fires, and two riders\n              suffered minor burns.\n"
        );
        assert!(w.lines().all(|l| l.chars().count() <= 50));
    }

    // Notes without ids keep their indent plus two.
    #[test]
    fn note_wraps_with_its_indent_plus_two() {
        let w = wrap(
            "  ! number conflict: ledger 23 · courier 31 · wire 40 · daily 12",
            30,
        );
        assert_eq!(
            w,
            "  ! number conflict: ledger 23\n    · courier 31 · wire 40 ·\n    daily 12"
        );
    }

    // Colour escapes take no columns: a coloured line breaks where the plain one does.
    #[test]
    fn colour_escapes_take_no_columns() {
        let plain = "  a [1] one two three four five six seven eight";
        let coloured =
            "  \u{1b}[36ma\u{1b}[0m \u{1b}[2m[1]\u{1b}[0m one two three four five six seven eight";
        assert_eq!(strip_ansi(&wrap(coloured, 24)), wrap(plain, 24));
    }

    // Short lines and a word longer than the width are handled without loss.
    #[test]
    fn long_words_are_broken_and_short_lines_kept() {
        assert_eq!(wrap("short\n", 80), "short\n");
        let long = format!("  x [1] {}", "a".repeat(60));
        let w = wrap(&long, 30);
        assert!(w.lines().all(|l| l.chars().count() <= 30), "{w}");
        assert_eq!(w.replace([' ', '\n'], ""), long.replace(' ', ""));
    }
}
