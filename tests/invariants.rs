//! Property tests of the invariants every stage promises.

use proptest::prelude::*;
use storydiff::ingest::Source;
use storydiff::{Options, compare, segment};

/// Text drawn from news-like pieces: words, abbreviations, quotes, numbers,
/// punctuation, line breaks, and arbitrary Unicode.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_string()),
        Just("storm".to_string()),
        Just("killed".to_string()),
        Just("12".to_string()),
        Just("3.5".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("a.m.".to_string()),
        Just("said.".to_string()),
        Just("“We".to_string()),
        Just("won,”".to_string()),
        Just("...".to_string()),
        Just(". . .".to_string()),
        Just("?!".to_string()),
        Just("1.)".to_string()),
        Just("•".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("—".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Sentence spans are ordered, never overlap, sit on char boundaries,
    /// are trimmed, and cover every non-whitespace character exactly once.
    #[test]
    fn spans_cover_all_text_exactly_once(text in newsy()) {
        let spans = segment::split(&text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for s in &spans {
            prop_assert!(s.start >= last_end && s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let t = &text[s.start..s.end];
            prop_assert_eq!(t, t.trim());
            for c in covered.iter_mut().take(s.end).skip(s.start) {
                *c = true;
            }
            last_end = s.end;
        }
        for (i, ch) in text.char_indices() {
            if !ch.is_whitespace() {
                prop_assert!(covered[i], "char {:?} at {} not covered", ch, i);
            }
        }
    }

    /// Every sentence of every source is in exactly one group, and each
    /// source's part of a group is one run of adjacent sentences.
    #[test]
    fn every_sentence_in_exactly_one_group(a in newsy(), b in newsy(), c in newsy()) {
        prop_assume!(!a.trim().is_empty() && !b.trim().is_empty() && !c.trim().is_empty());
        let srcs = vec![Source::from_text("a", a), Source::from_text("b", b), Source::from_text("c", c)];
        let r = compare(&srcs, &Options::default()).expect("compares");
        for (si, s) in r.sources.iter().enumerate() {
            let mut seen = vec![0usize; s.sentences.len()];
            for g in &r.groups {
                let mine: Vec<_> = g.members.iter().filter(|m| m.source == s.label).collect();
                prop_assert!(mine.len() <= 1);
                for m in mine {
                    prop_assert!(m.sentences.windows(2).all(|w| w[1] == w[0] + 1));
                    for &id in &m.sentences {
                        seen[id] += 1;
                    }
                }
            }
            prop_assert!(seen.iter().all(|&n| n == 1), "source {} coverage {:?}", si, seen);
        }
    }

    /// Same input, same output, byte for byte.
    #[test]
    fn output_is_deterministic(a in newsy(), b in newsy()) {
        prop_assume!(!a.trim().is_empty() && !b.trim().is_empty());
        let srcs = vec![Source::from_text("a", a), Source::from_text("b", b)];
        let one = storydiff::render::json::render(&compare(&srcs, &Options::default()).expect("compares"));
        let two = storydiff::render::json::render(&compare(&srcs, &Options::default()).expect("compares"));
        prop_assert_eq!(one, two);
    }

    /// Versions and check never panic and are deterministic; every version's
    /// sentence appears in exactly one change of each step it takes part in.
    #[test]
    fn versions_and_check_are_total_and_deterministic(a in newsy(), b in newsy(), c in newsy()) {
        prop_assume!(!a.trim().is_empty() && !b.trim().is_empty() && !c.trim().is_empty());
        let srcs = vec![Source::from_text("a", a), Source::from_text("b", b), Source::from_text("c", c)];
        let v1 = storydiff::versions::versions(&srcs, &Options::default()).expect("versions");
        let v2 = storydiff::versions::versions(&srcs, &Options::default()).expect("versions");
        prop_assert_eq!(&v1, &v2);
        for (k, step) in v1.steps.iter().enumerate() {
            let mut new_seen = vec![0usize; v1.versions[k + 1].sentences];
            let mut old_seen = vec![0usize; v1.versions[k].sentences];
            for ch in &step.changes {
                ch.new.iter().for_each(|&i| new_seen[i] += 1);
                ch.old.iter().for_each(|&i| old_seen[i] += 1);
            }
            prop_assert!(new_seen.iter().all(|&n| n == 1) && old_seen.iter().all(|&n| n == 1));
        }
        let r1 = storydiff::check::check(&srcs[0], &srcs[1..], &Options::default()).expect("check");
        let r2 = storydiff::check::check(&srcs[0], &srcs[1..], &Options::default()).expect("check");
        prop_assert_eq!(&r1, &r2);
        prop_assert_eq!(
            r1.summary.claims,
            r1.summary.supported + r1.summary.partly_supported + r1.summary.unsupported
        );
        let _ = storydiff::render::html::render_check(&r1);
        let _ = storydiff::render::markdown::render_versions(&v1, None);
    }

    /// No input panics the segmenter or the Markdown reader.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = segment::split(&text);
        let _ = storydiff::ingest::mask_markdown(&text);
        let _ = storydiff::text::analyze(&text);
        let _ = storydiff::attribution::attribute(&[&text, &text]);
    }

    /// Attribution never panics on attribution-shaped text: speakers,
    /// appositions, every kind of quote mark, clause breaks.
    #[test]
    fn attribution_never_panics(parts in prop::collection::vec(prop_oneof![
        Just("“"), Just("”"), Just("\""), Just("''"), Just("'"), Just("«"), Just("»"), Just("„"),
        Just("‘"), Just("’"), Just(","), Just(", who"), Just(", the"), Just("said"), Just("says"),
        Just("told"), Just("claimed"), Just("according to"), Just("citing"), Just("He"), Just("she"),
        Just("Mr."), Just("Antonov"), Just("Sergei"), Just("officials"), Just("a source"),
        Just("the ministry"), Just("did not"), Just("that"), Just("and"), Just("—"), Just(":"),
        Just("."), Just("L.A."), Just("this"), Just("story"), Just("expressed"), Just("regret"),
    ], 0..40)) {
        let text = parts.join(" ");
        let compact = parts.concat();
        let _ = storydiff::attribution::attribute(&[&text, &compact, &text]);
    }
}
