//! Alignment cases a user checks on the command line: identical inputs give
//! no differences whatever they contain; related (partial) groups.

mod common;

use std::fmt::Write;

/// Write the same text to two files and compare them; the exit code.
fn same_twice(text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, text).expect("write a");
    std::fs::write(&b, text).expect("write b");
    let (code, out, _) = common::run(&[
        a.display().to_string(),
        b.display().to_string(),
        "--color".to_string(),
        "never".to_string(),
    ]);
    (code, out)
}

/// Sentences with no content words at all still pair with their copies.
#[test]
fn identical_inputs_without_content_words_exit_0() {
    let (code, out) = same_twice("Yes.\n\nNo, no.\n\nOh!\n\nIt is what it is.\n\n…\n");
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("only in"), "{out}");
}

/// A sentence repeated more than 6 times pairs copy by copy.
#[test]
fn identical_inputs_with_a_sentence_repeated_eight_times_exit_0() {
    let mut text = String::from("Storm warning\n\n");
    for i in 0..8 {
        let _ = write!(
            text,
            "The river is rising. Stay indoors. Shelter {i} is open.\n\n"
        );
    }
    let (code, out) = same_twice(&text);
    assert_eq!(code, Some(0), "{out}");
}

/// A term carried by more than 400 sentences (beyond the postings bound)
/// does not leave sentences unpaired.
#[test]
fn identical_inputs_with_a_term_in_450_sentences_exit_0() {
    let mut text = String::new();
    for i in 0..450 {
        if i % 50 == 0 {
            text.push_str("The vote.\n\n");
        }
        let _ = write!(text, "Vote {i} was counted.\n\n");
    }
    let (code, out) = same_twice(&text);
    assert_eq!(code, Some(0), "{}", &out[..out.len().min(2000)]);
}

/// A sentence sharing part of another report's claim is listed with "partly
/// also in", and is not a claim found only in its report.
#[test]
fn partial_overlap_is_shown_as_partly_also_in() {
    let (_, _, files) = common::story("refinery-partial");
    let mut args = files;
    args.extend(["--color".to_string(), "never".to_string()]);
    let (code, out, _) = common::run(&args);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("≈ group 2 · only north, partly shared\n  north [2] Residents of nearby homes were evacuated for six hours while firefighters cooled the storage tanks.\n  partly also in north [1], coast [1]\n"),
        "{out}"
    );
    assert!(
        out.contains("+ only in coast (1 claim)\n  [3] A refinery worker, who asked not to be named, said alarms had sounded an hour earlier.\n"),
        "{out}"
    );
}

/// Reworded sentences with few shared words are aligned through the
/// sentence vectors ("did not cite specific reasons" / "without offering
/// specifics"); term vectors alone leave that pair apart at the default
/// threshold.
#[test]
fn paraphrases_align_through_sentence_vectors() {
    use storydiff::{Options, compare, ingest::Source};
    let a = Source::from_text(
        "a",
        "Storm shuts Harwick airport\n\n\
         Harwick airport was shut on Monday as a storm brought winds of 140 km/h to the coast.\n\n\
         The airline did not cite specific reasons for the cancellations.\n\n\
         About 3,000 passengers were stranded overnight in the terminal.\n\n\
         Schools in the district will stay closed until Wednesday, the council said.\n",
    );
    let b = Source::from_text(
        "b",
        "Flights halted as gale hits Harwick\n\n\
         Officials closed Harwick's airport on Monday when a gale hit the coast with 140 km/h gusts.\n\n\
         The carrier cancelled its flights without offering specifics.\n\n\
         Some 3,000 travellers spent the night in the terminal.\n\n\
         The council said district schools would remain shut until Wednesday.\n",
    );
    let report = compare(&[a, b], &Options::default()).expect("compare");
    let groups: Vec<Vec<(String, Vec<usize>)>> = report
        .groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|m| (m.source.clone(), m.sentences.clone()))
                .collect()
        })
        .collect();
    let pair = |i: usize| vec![("a".to_string(), vec![i]), ("b".to_string(), vec![i])];
    assert_eq!(groups, (0..5).map(pair).collect::<Vec<_>>());
}

/// A long sentence that merges four claims, against four short sentences of
/// another report: the group keeps its two strongest overlaps as related
/// groups ("partly also in") and the weaker ones as echoes. An echoed
/// one-source claim is `partial`, never "only in", and the terminal says
/// where it is echoed; a claim with no overlap at all stays unique.
#[test]
fn overlaps_beyond_the_two_strongest_are_echoes() {
    use storydiff::{Options, compare, ingest::Source, report::GroupKind};
    let a = "Typhoon Mara hits Selvane\n\n\
             Typhoon Mara killed 12 people in Selvane, closed the port of Karo, cut power to 40,000 homes and flooded the Amber Valley rice fields on Tuesday, officials said.\n\n\
             Rescue teams from the capital arrived by helicopter on Wednesday.\n";
    let b = "Deadly storm batters Selvane\n\n\
             At least 12 people were killed when Typhoon Mara struck Selvane on Tuesday.\n\n\
             Rescue teams from the capital arrived by helicopter on Wednesday.\n\n\
             The port of Karo was closed to shipping for the day.\n\n\
             Schools across the island will stay shut until Friday.\n\n\
             Power was cut to about 40,000 homes, the utility said.\n\n\
             Farmers said floodwater covered the rice fields of the Amber Valley.\n";
    let report = compare(
        &[Source::from_text("a", a), Source::from_text("b", b)],
        &Options::default(),
    )
    .expect("compare");
    let ids =
        |v: &[storydiff::report::RelatedReport]| v.iter().map(|r| r.group).collect::<Vec<_>>();
    let g = &report.groups[1];
    assert_eq!(g.members.len(), 2);
    assert_eq!((ids(&g.related), ids(&g.echoes)), (vec![0, 5], vec![3, 6]));
    let kinds: Vec<GroupKind> = report.groups.iter().map(|g| g.kind).collect();
    assert_eq!(
        kinds[3..],
        [
            GroupKind::Partial,
            GroupKind::Unique,
            GroupKind::Partial,
            GroupKind::Partial
        ]
    );
    // Symmetric: the echoed group points back at group 1 as an echo.
    assert_eq!(
        (
            ids(&report.groups[6].related),
            ids(&report.groups[6].echoes)
        ),
        (vec![], vec![1])
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let (pa, pb) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&pa, a).expect("write a");
    std::fs::write(&pb, b).expect("write b");
    let (code, out, _) = common::run(&[
        pa.display().to_string(),
        pb.display().to_string(),
        "--color".to_string(),
        "never".to_string(),
    ]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("≈ group 6 · only b, partly shared\n  b [6] Farmers said floodwater covered the rice fields of the Amber Valley.\n  weakly echoed in a [1], b [1]\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "+ only in b (1 claim)\n  [4] Schools across the island will stay shut until Friday.\n"
        ),
        "{out}"
    );
    let (_, md, _) = common::run(&[
        pa.display().to_string(),
        pb.display().to_string(),
        "--format".to_string(),
        "markdown".to_string(),
    ]);
    assert!(
        md.contains("  - *weakly echoed in* a \\[1\\], b \\[1\\] (group 1, score 0.348: amber, valley, rice, fields)\n"),
        "{md}"
    );
}
