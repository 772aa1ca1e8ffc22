//! Train the part-of-speech tagger (`src/tag/`) and write `data/tagger.bin`.
//!
//! ```text
//! cargo run --release --example train_tagger -- --treebanks ../shared/data/treebanks \
//!     [--iterations 8] [--out data/tagger.bin] [--eval-only]
//! ```
//!
//! Training data: UD English EWT train, and every GUM document except the
//! GUM news articles in the attribution test part (odd positions of the
//! sorted `GUM_news_*` names, see `examples/eval_attribution.rs`), so that
//! the tagger never saw those articles' gold tags. EWT dev picks nothing: the
//! iteration count and pruning were fixed beforehand.
//!
//! Reports token accuracy on EWT dev, EWT test and the held-out GUM news
//! articles, with the shipped weights after writing them (so the figure is
//! that of the quantised, pruned file).

#[path = "support/gum.rs"]
mod gum;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use storydiff::tag::{Model, N_FEATURES, TAGS, Upos, features, word_features};

type Sentence = (Vec<String>, Vec<usize>);

fn read_conllu(path: &Path) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let mut out = Vec::new();
    let (mut words, mut tags) = (Vec::new(), Vec::new());
    for line in text.lines() {
        if line.is_empty() {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let Some(t) = Upos::parse(cols[3]) else {
            continue;
        };
        words.push(cols[1].to_string());
        tags.push(t as usize);
    }
    if !words.is_empty() {
        out.push((words, tags));
    }
    out
}

/// Averaged perceptron state: current weights, running totals and the
/// step of each weight's last change.
/// Per feature: weights, running totals, step of last change.
type Entry = ([f32; 17], [f64; 17], [u32; 17]);

#[derive(Default)]
struct Perceptron {
    w: HashMap<u32, Entry>,
    step: u32,
}

impl Perceptron {
    fn predict(&self, f: &[u32; N_FEATURES]) -> usize {
        let mut s = [0f32; 17];
        for h in f {
            if let Some((w, _, _)) = self.w.get(h) {
                for c in 0..17 {
                    s[c] += w[c];
                }
            }
        }
        (0..17).fold(0, |b, c| if s[c] > s[b] { c } else { b })
    }

    fn update(&mut self, truth: usize, guess: usize, f: &[u32; N_FEATURES]) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let step = self.step;
        for h in f {
            let e = self.w.entry(*h).or_insert(([0.0; 17], [0.0; 17], [0; 17]));
            for (c, d) in [(truth, 1.0f32), (guess, -1.0)] {
                e.1[c] += (step - e.2[c]) as f64 * e.0[c] as f64;
                e.2[c] = step;
                e.0[c] += d;
            }
        }
    }

    fn averaged(&self) -> Vec<(u32, [f32; 17])> {
        let step = self.step as f64;
        self.w
            .iter()
            .map(|(h, (w, tot, ts))| {
                let mut a = [0f32; 17];
                for c in 0..17 {
                    let t = tot[c] + (step - ts[c] as f64) * w[c] as f64;
                    a[c] = (t / step) as f32;
                }
                (*h, a)
            })
            .collect()
    }
}

fn accuracy(m: &Model, data: &[Sentence]) -> (f64, usize) {
    let (mut ok, mut n) = (0usize, 0usize);
    for (words, gold) in data {
        let ws: Vec<&str> = words.iter().map(String::as_str).collect();
        for (t, g) in m.tag(&ws).iter().zip(gold) {
            n += 1;
            ok += (*t as usize == *g) as usize;
        }
    }
    (ok as f64 / n.max(1) as f64, n)
}

fn main() {
    let mut tb = PathBuf::from("../shared/data/treebanks");
    let mut iterations = 8;
    let mut out = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tagger.bin");
    let mut eval_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--treebanks" => tb = PathBuf::from(args.next().expect("--treebanks needs a path")),
            "--iterations" => {
                iterations = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--iterations needs a number")
            }
            "--out" => out = PathBuf::from(args.next().expect("--out needs a path")),
            "--eval-only" => eval_only = true,
            other => panic!("unknown argument {other}"),
        }
    }
    // Sorted news articles, odd = test: the attribution split.
    let (gum, held) = gum::files(&tb);
    let gum_news_test: Vec<Sentence> = held.iter().flat_map(|p| read_conllu(p)).collect();
    let ewt_dev = read_conllu(&tb.join("ewt/en_ewt-ud-dev.conllu"));
    let ewt_test = read_conllu(&tb.join("ewt/en_ewt-ud-test.conllu"));

    if !eval_only {
        let mut train = read_conllu(&tb.join("ewt/en_ewt-ud-train.conllu"));
        for p in gum.iter().filter(|p| !held.contains(p)) {
            train.extend(read_conllu(p));
        }
        eprintln!("training on {} sentences", train.len());
        let mut p = Perceptron::default();
        // A fixed shuffle (linear congruential), the same on every run.
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut seed: u64 = 12345;
        for it in 0..iterations {
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            let (mut ok, mut n) = (0, 0);
            for &k in &order {
                let (words, gold) = &train[k];
                let wf: Vec<_> = words.iter().map(|w| word_features(w)).collect();
                let (mut p1, mut p2) = (17, 17);
                for (i, &g) in gold.iter().enumerate() {
                    let f = features(&wf, i, p1, p2);
                    let guess = p.predict(&f);
                    p.update(g, guess, &f);
                    ok += (guess == g) as usize;
                    n += 1;
                    p2 = p1;
                    p1 = guess;
                }
            }
            eprintln!(
                "iteration {}: training accuracy {:.4}",
                it + 1,
                ok as f64 / n as f64
            );
        }
        let table = p.averaged();
        let bytes = Model::to_bytes(&table, 1000.0, 2);
        std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        eprintln!(
            "wrote {} ({} features before pruning, {} bytes)",
            out.display(),
            table.len(),
            bytes.len()
        );
    }
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let m = Model::from_bytes(&bytes).expect("weights file parses");
    assert!(
        m.is_sound(),
        "every weight entry lies in the table and names a class"
    );
    let _ = TAGS;
    for (name, set) in [
        ("EWT dev", &ewt_dev),
        ("EWT test", &ewt_test),
        ("GUM news (12 held-out articles)", &gum_news_test),
    ] {
        let (acc, n) = accuracy(&m, set);
        println!("{name}: {n} tokens, UPOS accuracy {acc:.4}");
    }
}
