//! Sentence alignment across documents.
//!
//! 1. **Weights.** Every content term (stem, number or name) gets an inverse
//!    document frequency over all sentences of the collection, so words that
//!    every sentence shares count little. Numbers and names count a little more.
//! 2. **Same words.** Sentences whose words are the same (case and
//!    punctuation aside) are linked first, whatever they contain: the k-th
//!    copy in one document with the k-th copy in the next. Identical inputs
//!    therefore always align completely, even for sentences without content
//!    words, repeated sentences or very common terms.
//! 3. **Candidates.** An inverted index from term to sentences gives, for each
//!    sentence, the sentences of other documents sharing a term. Terms carried
//!    by more than [`MAX_POSTINGS`] sentences are skipped there (their weight is
//!    near zero anyway), and each sentence keeps at most [`MAX_CANDIDATES`]
//!    partners overall and [`CANDIDATES_PER_DOC`] per other document. Cost
//!    grows with the number of sentences times these bounds, not with the
//!    square of the number of documents.
//!    A pair's score mixes the cosine of the term vectors with the cosine of
//!    the sentence vectors of [`crate::embed`] (static word-piece vectors
//!    distilled from a sentence-embedding model), which see paraphrases
//!    that share few words ([`SENTENCE_VECTOR_SHARE`]).
//! 4. **Links.** Inside each document pair a sentence may link to several
//!    sentences of the other document (not only its best one); runs of up to
//!    [`MAX_RUN`] adjacent sentences are tried together for splits and merges.
//! 5. **Groups.** All links, strongest first, join groups as long as every
//!    document's sentences in a group stay one run of adjacent sentences and
//!    the two groups being joined still say the same thing (their summed term
//!    vectors are alike), so that chains A~B~C do not glue unrelated claims.
//! 6. **Related groups.** Links that could not join their groups, and pairs
//!    that share one claim while one side carries more (a partial overlap),
//!    become edges between groups, at most [`MAX_OVERLAPS`] per group. The
//!    [`MAX_RELATED`] strongest of a group's edges are its `related` groups;
//!    the others are `echoes`: too weak to be shown as a shared claim, but
//!    enough to keep a claim from being called unique.
//!
//! Order inside documents is ignored when matching: outlets order facts
//! differently. Everything is sorted with explicit tie-breaks, so the result is
//! deterministic.

use crate::document::Document;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// A term carried by more sentences than this is not used to find candidates:
/// each posting list scanned is at most this long.
pub const MAX_POSTINGS: usize = 400;
/// Partners kept per sentence, over all other documents.
pub const MAX_CANDIDATES: usize = 32;
/// Partners kept per sentence and per other document.
pub const CANDIDATES_PER_DOC: usize = 3;
/// Longest run of adjacent sentences tried against one sentence (a claim
/// split into up to this many sentences, or merged from them).
pub const MAX_RUN: usize = 4;
/// Related edges per group, strongest first; further overlaps are echoes.
/// Every sentence pair across two related groups reads as a link, so each
/// weak edge between two groups of several members adds many false links.
/// On dev (eval/ecb-links-dev.json, threshold 0.29), with echoes still
/// deciding what is unique: 8 gives link precision 0.555, F1 0.576,
/// equivalent recall 0.805; 3 gives 0.593, 0.582, 0.793; 2 gives 0.667,
/// 0.607, 0.780; 1 gives 0.733, 0.598, 0.756. "Only in" precision (0.857)
/// and the unique/shared macro-F1 (0.844) are the same for all.
pub const MAX_RELATED: usize = 2;
/// Overlaps (related edges and echoes) kept per group, strongest first.
pub const MAX_OVERLAPS: usize = 8;
/// An overlap scoring below this share of the threshold is an echo, never a
/// related edge. On both dev sets (eval/ecb-links-dev.json, -dev3.json) at
/// threshold 0.27: link precision 0.619 -> 0.640 and 0.518 -> 0.538, recall
/// 0.566 -> 0.561 and 0.375 -> 0.368; "only in" unchanged. At threshold
/// 0.29, 1 of the 9 pairs of dev's related edges scoring below 0.25 was a
/// labelled link.
const RELATED_LEVEL: f64 = 0.85;
/// Two groups join when their summed vectors reach this share of the link
/// threshold.
const COHERENCE: f64 = 1.0;
/// Share of a joining part's weight that the group must already carry for a
/// join below the coherence level.
const JOIN_COVERAGE: f64 = 0.6;
/// Terms kept in a group's summed vector for the coherence check.
const CENTROID_TERMS: usize = 64;
/// Names and numbers weigh this much more than other terms: two reports
/// sharing "Antonov" or "48" say more than two sharing "talks".
const SPECIAL_WEIGHT: f64 = 1.25;
/// Shared words listed as a link's evidence, strongest first.
const MAX_EVIDENCE: usize = 12;
/// Headlines link to headlines at this share of the threshold: they are
/// short, so one shared name weighs a lot.
const HEADLINE_LEVEL: f64 = 0.5;
/// A pair below the threshold but above this share of it may be a partial
/// overlap (a related edge), if one side carries most of the other.
const PARTIAL_LEVEL: f64 = 0.6;
/// Growing a run of adjacent sentences (a split or merge) by one more
/// sentence must raise the cosine by this much.
const RUN_STEP_GAIN: f64 = 0.03;
/// A run replaces the best single sentence only when it scores this much more.
const RUN_GAIN: f64 = 0.05;

/// Share of the sentence-vector cosine ([`crate::embed`]) in a pair's
/// score, the rest being the term-vector cosine. On dev (eval/ecb-links-dev.json,
/// threshold swept for each): 0 gives link F1 0.539, equivalent recall 0.780,
/// "only in" precision 0.713; 0.2 gives 0.578, 0.793, 0.773; 0.3 gives 0.580,
/// 0.793, 0.753; 0.4 gives 0.580, 0.805, 0.773 with a lower macro-F1.
const SENTENCE_VECTOR_SHARE: f64 = 0.2;
/// A pair above the partial level whose sentence vectors are this alike is
/// a partial overlap even when few of its words are shared (a paraphrase).
/// On dev at share 0.2, threshold 0.29: "only in" precision 0.792 -> 0.857,
/// link precision 0.590 -> 0.555, unique/shared macro-F1 0.834 -> 0.844;
/// 0.6 relates too much ("only in" recall 0.40).
const PARAPHRASE_LEVEL: f64 = 0.75;

/// Tuning of the aligner.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// Lowest similarity (0–1) for two sentences to be linked.
    pub threshold: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { threshold: 0.27 }
    }
}

/// A sentence in the collection: (document index, sentence id).
pub type SentRef = (usize, usize);

/// A link between sentences of two documents. One side holds a run of
/// adjacent sentences when a sentence was split or several were merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: (usize, Vec<usize>),
    pub b: (usize, Vec<usize>),
    pub score: f64,
    /// The shared content words behind the score, strongest first.
    pub evidence: Vec<String>,
}

/// Kind of a relation between two groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RelatedKind {
    /// The groups share part of a claim (a merge, a split, an overlap).
    Partial,
    /// The groups share words or meaning, too weakly (or too far down the
    /// group's list of overlaps) to be shown as a shared claim.
    Echo,
}

/// An edge from one group to another that shares part of its claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Index of the other group in [`Alignment::groups`].
    pub group: usize,
    pub kind: RelatedKind,
    pub score: f64,
    /// The shared content words, strongest first.
    pub evidence: Vec<String>,
    /// The sentence pairs that share the claim: (a sentence of this
    /// group, a sentence of the other, the link's score), from the links
    /// at the link level that the aligner found between the two groups but
    /// did not join (partial overlaps below it are left out), in order, at
    /// most [`MAX_EDGE_PAIRS`]. Other pairs of the two groups' members may
    /// not share the claim (a related edge joins whole groups).
    pub pairs: Vec<(SentRef, SentRef, f64)>,
}

/// Most sentence pairs named in one related edge (see
/// [`Related::pairs`]).
pub const MAX_EDGE_PAIRS: usize = 16;

/// A set of sentences that say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// (document index, ascending sentence ids), by document index.
    pub members: Vec<(usize, Vec<usize>)>,
    /// The links that built the group (one per join: fewer than its members).
    pub links: Vec<Link>,
    /// Groups sharing part of this group's claim, at most [`MAX_RELATED`],
    /// by group id; symmetric.
    pub related: Vec<Related>,
    /// Weaker overlaps ([`RelatedKind::Echo`]), by group id; symmetric. A
    /// claim echoed in another source is not unique to its own.
    pub echoes: Vec<Related>,
}

impl Group {
    /// Related groups and echoes together.
    pub fn overlaps(&self) -> impl Iterator<Item = &Related> {
        self.related.iter().chain(&self.echoes)
    }
}

/// The result of alignment: every sentence of every document is in exactly
/// one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub groups: Vec<Group>,
}

type Vector = Vec<(u32, f64)>;

/// Term vectors of the collection, weighted.
struct Vectors {
    /// Per document, per sentence: (term id, weight), sorted by term id.
    vecs: Vec<Vec<Vector>>,
    norms: Vec<Vec<f64>>,
    /// Term id → a surface word, for evidence.
    surface: Vec<String>,
    /// Term id → number of sentences carrying it.
    df: Vec<usize>,
    /// Per document, per sentence: the sum of its word-piece vectors
    /// ([`crate::embed`]) and that sum made a unit vector (a run of
    /// sentences sums its sums); empty when the table is missing.
    esum: Vec<Vec<Vec<f32>>>,
    eunit: Vec<Vec<Vec<f32>>>,
}

impl Vectors {
    /// How alike two sentences are: the cosine of their term vectors mixed
    /// with the cosine of their sentence vectors.
    fn mixed(&self, lex: f64, a: SentRef, b: SentRef) -> f64 {
        if self.eunit.is_empty() {
            lex
        } else {
            mix(lex, self.emb_cos(a, b))
        }
    }

    /// Cosine of two sentences' sentence vectors (0 without the table).
    fn emb_cos(&self, a: SentRef, b: SentRef) -> f64 {
        match (self.eunit.get(a.0), self.eunit.get(b.0)) {
            (Some(x), Some(y)) => crate::embed::dot(&x[a.1], &y[b.1]) as f64,
            _ => 0.0,
        }
    }
}

/// A pair's score from its term-vector cosine and its sentence-vector
/// cosine.
fn mix(lex: f64, emb: f64) -> f64 {
    (1.0 - SENTENCE_VECTOR_SHARE) * lex + SENTENCE_VECTOR_SHARE * emb.max(0.0)
}

fn build_vectors(docs: &[Document]) -> Vectors {
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let mut surface: Vec<String> = Vec::new();
    let mut df: Vec<usize> = Vec::new();
    let mut raw: Vec<Vec<Vec<(u32, bool)>>> = Vec::with_capacity(docs.len());
    let mut total = 0usize;
    for d in docs {
        let mut dv = Vec::with_capacity(d.sentences.len());
        for s in &d.sentences {
            total += 1;
            let f = &s.features;
            let names: rustc_hash::FxHashSet<&str> = f.names.iter().map(String::as_str).collect();
            let mut v: Vec<(u32, bool)> = Vec::with_capacity(f.terms.len());
            for (t, surf) in f.terms.iter().zip(&f.surfaces) {
                let next = ids.len() as u32;
                let id = *ids.entry(t.as_str()).or_insert(next);
                if id == next {
                    surface.push(surf.clone());
                    df.push(0);
                }
                let special = t.starts_with('#') || names.contains(surf.as_str());
                v.push((id, special));
            }
            v.sort_unstable_by_key(|x| x.0);
            v.dedup_by_key(|x| x.0);
            for &(id, _) in &v {
                df[id as usize] += 1;
            }
            dv.push(v);
        }
        raw.push(dv);
    }
    let n = total.max(1) as f64;
    let mut vecs = Vec::with_capacity(raw.len());
    let mut norms = Vec::with_capacity(raw.len());
    for dv in raw {
        let mut wd = Vec::with_capacity(dv.len());
        let mut nd = Vec::with_capacity(dv.len());
        for v in dv {
            let w: Vector = v
                .into_iter()
                .map(|(id, special)| {
                    let idf = (1.0 + n / df[id as usize] as f64).ln();
                    (id, if special { idf * SPECIAL_WEIGHT } else { idf })
                })
                .collect();
            nd.push(norm(&w));
            wd.push(w);
        }
        vecs.push(wd);
        norms.push(nd);
    }
    let (esum, eunit) = sentence_vectors(docs);
    Vectors {
        vecs,
        norms,
        surface,
        df,
        esum,
        eunit,
    }
}

/// Sentence vectors of every sentence ([`crate::embed`]), on all cores.
#[allow(clippy::type_complexity)]
fn sentence_vectors(docs: &[Document]) -> (Vec<Vec<Vec<f32>>>, Vec<Vec<Vec<f32>>>) {
    use rayon::prelude::*;
    let Some(table) = crate::embed::vectors() else {
        return (Vec::new(), Vec::new());
    };
    docs.par_iter()
        .map(|d| {
            let sums: Vec<Vec<f32>> = d.sentences.iter().map(|s| table.sum(&s.clean).0).collect();
            let units = sums
                .iter()
                .map(|x| {
                    let mut u = x.clone();
                    crate::embed::unit(&mut u);
                    u
                })
                .collect();
            (sums, units)
        })
        .unzip()
}

/// Union of two sorted sparse vectors, the larger weight of a shared term
/// (for a run of sentences).
fn add(a: &[(u32, f64)], b: &[(u32, f64)]) -> Vector {
    merge_with(a, b, f64::max)
}

/// Union of two sorted sparse vectors, `both` combining a shared term's
/// weights.
fn merge_with(a: &[(u32, f64)], b: &[(u32, f64)], both: impl Fn(f64, f64) -> f64) -> Vector {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, both(x.1, y.1)));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(_), Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (None, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Sum of two sorted sparse vectors.
fn sum(a: &[(u32, f64)], b: &[(u32, f64)]) -> Vector {
    merge_with(a, b, |x, y| x + y)
}

fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    s
}

/// Share of `a`'s squared weight on terms that `b` also carries: how much of
/// `a` is found in `b` (1.0 when `b` says everything `a` says).
fn coverage(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                s += a[i].1 * a[i].1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    let n = a.iter().map(|x| x.1 * x.1).sum::<f64>();
    if n > 0.0 { s / n } else { 0.0 }
}

fn norm(a: &[(u32, f64)]) -> f64 {
    a.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt()
}

fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let d = dot(a, b);
    if d == 0.0 {
        return 0.0;
    }
    d / (norm(a) * norm(b))
}

/// Shared terms of two vectors, strongest first, as surface words (at most
/// 12: evidence is for reading).
fn evidence(v: &Vectors, a: &[(u32, f64)], b: &[(u32, f64)]) -> Vec<String> {
    let mut shared: Vec<(f64, u32)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                shared.push((a[i].1 * b[j].1, a[i].0));
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    shared.truncate(MAX_EVIDENCE);
    shared
        .into_iter()
        .map(|(_, id)| v.surface[id as usize].trim_start_matches('#').to_string())
        .collect()
}

/// Similarity of two sentences as the aligner sees it (cosine of weighted
/// term vectors), for tools and tests that want to inspect one pair.
pub fn similarity(docs: &[Document], a: SentRef, b: SentRef) -> f64 {
    let v = build_vectors(docs);
    v.mixed(cosine(&v.vecs[a.0][a.1], &v.vecs[b.0][b.1]), a, b)
}

/// Every candidate sentence pair across documents with its similarity, as
/// the aligner sees them before matching (for evaluation and tuning).
pub fn scored_pairs(docs: &[Document]) -> Vec<(SentRef, SentRef, f64)> {
    let v = build_vectors(docs);
    candidates(&v, 0.0)
}

/// Candidate pairs (a, b, score) scoring at least `min`, with a before b in (document, sentence)
/// order, a and b in different documents, sorted and without repeats.
fn candidates(v: &Vectors, min: f64) -> Vec<(SentRef, SentRef, f64)> {
    // Global sentence numbering.
    let mut start = Vec::with_capacity(v.vecs.len() + 1);
    let mut total = 0usize;
    for dv in &v.vecs {
        start.push(total);
        total += dv.len();
    }
    start.push(total);
    let refs: Vec<SentRef> = v
        .vecs
        .iter()
        .enumerate()
        .flat_map(|(d, dv)| (0..dv.len()).map(move |s| (d, s)))
        .collect();
    // Inverted index: term → (global sentence, weight); only terms that pass
    // the postings bound are indexed.
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); v.df.len()];
    for (g, &(d, s)) in refs.iter().enumerate() {
        for &(t, w) in &v.vecs[d][s] {
            if v.df[t as usize] <= MAX_POSTINGS {
                postings[t as usize].push((g as u32, w));
            }
        }
    }
    // Dense accumulator, reset through the touched list: cost per sentence is
    // the length of the posting lists it reads (each ≤ MAX_POSTINGS).
    // Sentences are scored in parallel, each worker with its own dense
    // accumulator (reset through the touched list).
    use rayon::prelude::*;
    let per_sentence: Vec<Vec<(SentRef, SentRef, f64)>> = refs
        .par_iter()
        .map_init(
            || (vec![0.0f64; total], Vec::<u32>::new()),
            |(acc, touched), &(d, s)| {
                let (lo, hi) = (start[d], start[d + 1]);
                for &(t, w) in &v.vecs[d][s] {
                    for &(h, wh) in &postings[t as usize] {
                        let hu = h as usize;
                        if hu >= lo && hu < hi {
                            continue;
                        }
                        if acc[hu] == 0.0 {
                            touched.push(h);
                        }
                        acc[hu] += w * wh;
                    }
                }
                let mut found: Vec<(f64, u32)> = Vec::with_capacity(touched.len());
                for &h in touched.iter() {
                    let (dh, sh) = refs[h as usize];
                    let denom = v.norms[d][s] * v.norms[dh][sh];
                    if denom > 0.0 {
                        found.push((acc[h as usize] / denom, h));
                    }
                    acc[h as usize] = 0.0;
                }
                touched.clear();
                let by_score =
                    |x: &(f64, u32), y: &(f64, u32)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
                // Only the best few can be kept: select them before sorting.
                let shortlist = MAX_CANDIDATES * CANDIDATES_PER_DOC;
                if found.len() > shortlist {
                    found.select_nth_unstable_by(shortlist, by_score);
                    found.truncate(shortlist);
                }
                for x in found.iter_mut() {
                    x.0 = v.mixed(x.0, (d, s), refs[x.1 as usize]);
                }
                found.sort_unstable_by(by_score);
                let mut per_doc: HashMap<usize, usize> = HashMap::default();
                let mut kept = Vec::new();
                for (sc, h) in found {
                    // Sorted best first: the rest score lower still.
                    if kept.len() >= MAX_CANDIDATES || sc < min {
                        break;
                    }
                    let other = refs[h as usize];
                    let c = per_doc.entry(other.0).or_insert(0);
                    if *c >= CANDIDATES_PER_DOC {
                        continue;
                    }
                    *c += 1;
                    kept.push(if (d, s) < other {
                        ((d, s), other, sc)
                    } else {
                        (other, (d, s), sc)
                    });
                }
                kept
            },
        )
        .collect();
    let mut out: Vec<(SentRef, SentRef, f64)> = per_sentence.into_iter().flatten().collect();
    out.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    out.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
    out
}

/// The words of a sentence, folded, for the same-words pass; the trimmed
/// text when it has no words.
fn same_words_key(s: &crate::document::Sentence) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let k: Vec<String> = s.clean.unicode_words().map(crate::text::fold).collect();
    if k.is_empty() {
        s.clean.trim().to_string()
    } else {
        k.join(" ")
    }
}

/// Links between sentences with the same words: per key, the k-th copy in a
/// document links to the k-th copy in the previous document that has one.
/// Linear in the number of sentences.
fn same_word_links(docs: &[Document], v: &Vectors) -> Vec<Link> {
    let mut by_key: HashMap<String, Vec<SentRef>> = HashMap::default();
    for (d, doc) in docs.iter().enumerate() {
        for s in &doc.sentences {
            by_key.entry(same_words_key(s)).or_default().push((d, s.id));
        }
    }
    let mut out = Vec::new();
    for (_, occ) in by_key {
        if occ.len() < 2 || occ.iter().all(|o| o.0 == occ[0].0) {
            continue;
        }
        // Occurrences are in (document, sentence) order: rank within document.
        let mut last_at_rank: Vec<Option<SentRef>> = Vec::new();
        let mut k = 0;
        for (i, &(d, s)) in occ.iter().enumerate() {
            if i > 0 && occ[i - 1].0 == d {
                k += 1;
            } else {
                k = 0;
            }
            if last_at_rank.len() <= k {
                last_at_rank.resize(k + 1, None);
            }
            if let Some((pd, ps)) = last_at_rank[k] {
                out.push(Link {
                    evidence: evidence(v, &v.vecs[pd][ps], &v.vecs[d][s]),
                    a: (pd, vec![ps]),
                    b: (d, vec![s]),
                    score: 1.0,
                });
            }
            last_at_rank[k] = Some((d, s));
        }
    }
    out
}

/// Align the documents.
pub fn align(docs: &[Document], opts: &AlignOptions) -> Alignment {
    let v = build_vectors(docs);
    let headline: Vec<Vec<bool>> = docs
        .iter()
        .map(|d| d.sentences.iter().map(|s| s.headline).collect())
        .collect();
    let mut links = same_word_links(docs, &v);
    let n_same = links.len();
    // Pairs below the partial level can make no link, related edge or run:
    // they are dropped after each sentence's partners are chosen, so the
    // result is the same and the work after it grows with what is kept.
    let cands = candidates(&v, Levels::of(opts).partial);
    let (found, partial) = links_from_candidates(&v, &headline, &cands, opts);
    links.extend(found);
    let (mut al, mut rejected) = groups_from_links(docs, &v, links, n_same, opts);
    rejected.extend(partial);
    add_related(&v, &mut al, rejected, Levels::of(opts).link);
    al
}

/// The shared words of a link's two sides.
fn link_evidence(v: &Vectors, l: &Link) -> Vec<String> {
    let side = |d: usize, ss: &[usize]| {
        ss.iter()
            .fold(Vec::new(), |acc: Vector, &s| add(&acc, &v.vecs[d][s]))
    };
    evidence(v, &side(l.a.0, &l.a.1), &side(l.b.0, &l.b.1))
}

/// The thresholds, derived from the one option.
struct Levels {
    /// A link between two sentences (or a run and a sentence).
    link: f64,
    /// Two headlines.
    headlines: f64,
    /// Lowest cosine of a partial overlap.
    partial: f64,
}

impl Levels {
    fn of(opts: &AlignOptions) -> Self {
        Levels {
            link: opts.threshold,
            headlines: opts.threshold * HEADLINE_LEVEL,
            partial: opts.threshold * PARTIAL_LEVEL,
        }
    }
}

/// Share of the shorter side that must be found in the longer one for a
/// partial overlap (and for a part of a split).
const PART_COVERAGE: f64 = 0.5;
/// Share of a headline that a body sentence must carry to be related to it
/// (on dev, 0.7 lost headline-lead links: equivalent recall 0.780 -> 0.646;
/// 0.4 gained one (0.793) but link F1 fell 0.539 -> 0.532).
const HEADLINE_COVERAGE: f64 = 0.5;
/// A further sentence joins a sentence's links in the same other document
/// when it scores at least this share of the best one. On dev: 1.0 (best
/// only) gives link F1 0.546, equivalent recall 0.768; 0.75 gives 0.539 and
/// 0.780; 0.6 is the same as 0.75.
const SECOND_LINK_RATIO: f64 = 0.75;

/// Links (single sentences, and runs for splits and merges) and partial
/// overlaps from the scored candidates.
fn links_from_candidates(
    v: &Vectors,
    headline: &[Vec<bool>],
    cands: &[(SentRef, SentRef, f64)],
    opts: &AlignOptions,
) -> (Vec<Link>, Vec<Link>) {
    let lv = Levels::of(opts);
    // Best score of each sentence per other document, for the ratio rule.
    let mut best: HashMap<(SentRef, usize), f64> = HashMap::default();
    for &(a, b, sc) in cands {
        let e = best.entry((a, b.0)).or_insert(0.0);
        *e = e.max(sc);
        let e = best.entry((b, a.0)).or_insert(0.0);
        *e = e.max(sc);
    }
    // Sentences near each sentence, per other document, to look for runs.
    let mut near: Vec<((SentRef, usize), usize)> = cands
        .iter()
        .filter(|c| c.2 >= lv.partial)
        .flat_map(|&(a, b, _)| [((a, b.0), b.1), ((b, a.0), a.1)])
        .collect();
    // Each candidate decided on its own (on all cores, in order): a link
    // (true), a partial overlap (false), or nothing.
    use rayon::prelude::*;
    let decided: Vec<Option<(bool, Link)>> = cands
        .par_iter()
        .map(|&(a, b, sc)| {
            let (va, vb) = (&v.vecs[a.0][a.1], &v.vecs[b.0][b.1]);
            let (ha, hb) = (headline[a.0][a.1], headline[b.0][b.1]);
            let link = |sc: f64| Link {
                // Filled in only for links that are kept (see `link_evidence`).
                evidence: Vec::new(),
                a: (a.0, vec![a.1]),
                b: (b.0, vec![b.1]),
                score: sc,
            };
            let strong_enough = |sc: f64| {
                let ba = best.get(&(a, b.0)).copied().unwrap_or(0.0);
                let bb = best.get(&(b, a.0)).copied().unwrap_or(0.0);
                sc >= SECOND_LINK_RATIO * ba || sc >= SECOND_LINK_RATIO * bb
            };
            if ha && hb {
                return (sc >= lv.headlines).then(|| (true, link(sc)));
            }
            if ha != hb {
                // A headline and a body sentence (often the lead): related
                // when the body sentence carries much of the headline.
                // Headlines are grouped with headlines, so the view keeps
                // them side by side.
                let (hv, bv) = if ha { (va, vb) } else { (vb, va) };
                return (sc >= lv.partial && coverage(hv, bv) >= HEADLINE_COVERAGE)
                    .then(|| (false, link(sc)));
            }
            if sc >= lv.link && strong_enough(sc) {
                Some((true, link(sc)))
            } else if sc >= lv.partial
                && (coverage(va, vb) >= PART_COVERAGE
                    || coverage(vb, va) >= PART_COVERAGE
                    || v.emb_cos(a, b) >= PARAPHRASE_LEVEL)
            {
                Some((false, link(sc)))
            } else {
                None
            }
        })
        .collect();
    let mut links = Vec::new();
    let mut partial = Vec::new();
    for (is_link, l) in decided.into_iter().flatten() {
        if is_link {
            links.push(l);
        } else {
            partial.push(l);
        }
    }
    // Splits and merges: one sentence against a run of adjacent sentences of
    // another document, each of which the sentence mostly carries. The run
    // grows from the best part while the whole gets more alike.
    near.sort_unstable();
    near.dedup();
    // Each (sentence, other document) is searched on its own, on all
    // cores; the runs found are kept in order.
    let chunks: Vec<&[((SentRef, usize), usize)]> = near.chunk_by(|x, y| x.0 == y.0).collect();
    let runs: Vec<Vec<Link>> = chunks
        .par_iter()
        .map(|chunk| {
            let mut found = Vec::new();
            let (a, db) = chunk[0].0;
            if headline[a.0][a.1] {
                return found;
            }
            let va = &v.vecs[a.0][a.1];
            let vb = &v.vecs[db];
            let part_ok = |k: usize| !headline[db][k] && coverage(&vb[k], va) >= PART_COVERAGE;
            let seeds: Vec<usize> = chunk.iter().map(|x| x.1).collect();
            let mut tried: Vec<(usize, usize)> = Vec::new();
            for &seed in &seeds {
                if !part_ok(seed) {
                    continue;
                }
                let (mut lo, mut hi) = (seed, seed);
                let mut whole = vb[seed].clone();
                // The run's summed sentence vector (empty without the table).
                let mut esum: Vec<f32> =
                    v.esum.get(db).map(|e| e[seed].clone()).unwrap_or_default();
                let ea: &[f32] = v.eunit.get(a.0).map_or(&[], |e| &e[a.1]);
                let run_score = |w: &Vector, esum: &[f32], extra: Option<&[f32]>| {
                    let lex = cosine(va, w);
                    if ea.is_empty() {
                        return lex;
                    }
                    // Cosine of `ea` with esum (+ extra), without building the sum.
                    let (mut d, mut n) = (0.0f32, 0.0f32);
                    for (i, &x) in esum.iter().enumerate() {
                        let y = x + extra.map_or(0.0, |e| e[i]);
                        d += ea[i] * y;
                        n += y * y;
                    }
                    let emb = if n > 0.0 { d / n.sqrt() } else { 0.0 };
                    mix(lex, emb as f64)
                };
                let mut score = run_score(&whole, &esum, None);
                let single = score;
                loop {
                    let mut step: Option<(usize, usize, f64, Vector, usize)> = None;
                    if hi + 1 - lo < MAX_RUN {
                        for (nlo, nhi, k) in [
                            (lo.wrapping_sub(1), hi, lo.wrapping_sub(1)),
                            (lo, hi + 1, hi + 1),
                        ] {
                            if k >= vb.len() || !part_ok(k) {
                                continue;
                            }
                            let w = add(&whole, &vb[k]);
                            let extra = v.esum.get(db).map(|e| e[k].as_slice());
                            let sc = run_score(&w, &esum, extra);
                            if sc > score + RUN_STEP_GAIN && step.as_ref().is_none_or(|s| sc > s.2)
                            {
                                step = Some((nlo, nhi, sc, w, k));
                            }
                        }
                    }
                    match step {
                        Some((nlo, nhi, sc, w, k)) => {
                            lo = nlo;
                            hi = nhi;
                            score = sc;
                            whole = w;
                            if let Some(e) = v.esum.get(db) {
                                for (x, y) in esum.iter_mut().zip(&e[k]) {
                                    *x += y;
                                }
                            }
                        }
                        None => break,
                    }
                }
                if hi > lo
                    && score >= lv.link
                    && score > single + RUN_GAIN
                    && !tried.contains(&(lo, hi))
                {
                    tried.push((lo, hi));
                    let run: Vec<usize> = (lo..=hi).collect();
                    let l = Link {
                        evidence: evidence(v, va, &whole),
                        a: (a.0, vec![a.1]),
                        b: (db, run),
                        score,
                    };
                    // Keep document order inside the link.
                    found.push(if a.0 < db {
                        l
                    } else {
                        Link {
                            a: l.b,
                            b: l.a,
                            ..l
                        }
                    });
                }
            }
            found
        })
        .collect();
    links.extend(runs.into_iter().flatten());
    (links, partial)
}

/// A group under construction.
struct Building {
    members: BTreeMap<usize, Vec<usize>>,
    links: Vec<Link>,
    /// Sum of the members' unit vectors, truncated to its strongest terms.
    centroid: Vector,
    /// Number of sentences summed into the centroid.
    size: usize,
}

fn unit(v: &[(u32, f64)]) -> Vector {
    let n = norm(v);
    if n == 0.0 {
        return Vec::new();
    }
    v.iter().map(|&(t, w)| (t, w / n)).collect()
}

fn truncate_centroid(mut c: Vector) -> Vector {
    if c.len() > CENTROID_TERMS {
        c.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        c.truncate(CENTROID_TERMS);
        c.sort_unstable_by_key(|x| x.0);
    }
    c
}

/// Union the links into groups, strongest first (same-word links first),
/// keeping each document's part of a group one run of adjacent sentences and
/// joined groups alike. Returns the alignment (no related edges yet) and the
/// links that could not join.
fn groups_from_links(
    docs: &[Document],
    v: &Vectors,
    mut links: Vec<Link>,
    n_same: usize,
    opts: &AlignOptions,
) -> (Alignment, Vec<Link>) {
    let rest = links.split_off(n_same);
    let mut same = links;
    let mut rest = rest;
    let order = |x: &Link, y: &Link| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    };
    same.sort_unstable_by(order);
    rest.sort_unstable_by(order);
    let mut group_of: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| vec![usize::MAX; d.sentences.len()])
        .collect();
    let mut groups: Vec<Option<Building>> = Vec::new();
    let mut rejected: Vec<Link> = Vec::new();
    let mut refused: rustc_hash::FxHashSet<(u64, u64)> = Default::default();
    let coherent_min = opts.threshold * COHERENCE;
    for (k, link) in same.into_iter().chain(rest).enumerate() {
        let is_same = k < n_same;
        let ends: Vec<SentRef> = link
            .a
            .1
            .iter()
            .map(|&s| (link.a.0, s))
            .chain(link.b.1.iter().map(|&s| (link.b.0, s)))
            .collect();
        let mut involved: Vec<usize> = Vec::new();
        let mut loose: Vec<SentRef> = Vec::new();
        for &(d, s) in &ends {
            let g = group_of[d][s];
            if g == usize::MAX {
                loose.push((d, s));
            } else if !involved.contains(&g) {
                involved.push(g);
            }
        }
        if loose.is_empty() && involved.len() == 1 {
            // Already together: nothing to join, nothing to record.
            continue;
        }
        // Two parts whose join was refused before are refused again without
        // redoing the work (group ids change whenever a group grows).
        let pair_key = if loose.len() + involved.len() == 2 {
            let tag = |r: &SentRef| (1u64 << 63) | ((r.0 as u64) << 32) | r.1 as u64;
            let mut k: Vec<u64> = involved.iter().map(|&g| g as u64).collect();
            k.extend(loose.iter().map(tag));
            k.sort_unstable();
            Some((k[0], k[1]))
        } else {
            None
        };
        if pair_key.is_some_and(|k| refused.contains(&k)) {
            rejected.push(link);
            continue;
        }
        let mut merged: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &(d, s) in &loose {
            merged.entry(d).or_default().push(s);
        }
        for &g in &involved {
            if let Some(b) = &groups[g] {
                for (dd, ss) in &b.members {
                    merged.entry(*dd).or_default().extend(ss);
                }
            }
        }
        let contiguous = merged.values_mut().all(|ss| {
            ss.sort_unstable();
            ss.dedup();
            ss.windows(2).all(|w| w[1] == w[0] + 1)
        });
        // A headline stays apart from its own story's body sentences.
        let headline_mixed = merged
            .iter()
            .any(|(d, ss)| ss.len() > 1 && ss.iter().any(|&s| docs[*d].sentences[s].headline));
        // Two groups that already hold several sentences join only when they
        // still say the same thing: their summed vectors are alike.
        let mut parts: Vec<(Vector, usize)> = involved
            .iter()
            .filter_map(|&g| groups[g].as_ref().map(|b| (b.centroid.clone(), b.size)))
            .collect();
        for &(d, s) in &loose {
            parts.push((unit(&v.vecs[d][s]), 1));
        }
        // Headlines are linked at a lower level, and joined at a lower level.
        let all_headlines = ends.iter().all(|&(d, s)| docs[d].sentences[s].headline);
        let coherent_min = if all_headlines {
            Levels::of(opts).headlines
        } else {
            coherent_min
        };
        let incoherent =
            !is_same && parts.len() >= 2 && parts.iter().filter(|p| p.1 > 1).count() >= 1 && {
                // The biggest part against all the others together.
                let (bi, _) = parts
                    .iter()
                    .enumerate()
                    .max_by(|x, y| x.1.1.cmp(&y.1.1).then(y.0.cmp(&x.0)))
                    .unwrap_or((0, &parts[0]));
                let others = parts
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != bi)
                    .fold(Vec::new(), |acc, (_, p)| sum(&acc, &p.0));
                // Alike, or the joining part mostly says what the group says
                // (a short sentence that is one piece of a longer claim).
                cosine(&parts[bi].0, &others) < coherent_min
                    && coverage(&others, &parts[bi].0) < JOIN_COVERAGE
            };
        if !contiguous || headline_mixed || incoherent {
            if let Some(k) = pair_key {
                refused.insert(k);
            }
            rejected.push(link);
            continue;
        }
        involved.sort_unstable();
        let mut all_links = Vec::new();
        let mut centroid: Vector = Vec::new();
        let mut size = 0;
        for &g in &involved {
            if let Some(b) = groups[g].take() {
                all_links.extend(b.links);
                centroid = sum(&centroid, &b.centroid);
                size += b.size;
            }
        }
        for &(d, s) in &loose {
            centroid = sum(&centroid, &unit(&v.vecs[d][s]));
            size += 1;
        }
        let mut link = link;
        if link.evidence.is_empty() {
            link.evidence = link_evidence(v, &link);
        }
        all_links.push(link);
        let id = groups.len();
        for (d, ss) in &merged {
            for &s in ss {
                group_of[*d][s] = id;
            }
        }
        groups.push(Some(Building {
            members: merged,
            links: all_links,
            centroid: truncate_centroid(centroid),
            size,
        }));
    }
    let mut out: Vec<Group> = Vec::new();
    for b in groups.into_iter().flatten() {
        out.push(Group {
            members: b.members.into_iter().collect(),
            links: b.links,
            related: Vec::new(),
            echoes: Vec::new(),
        });
    }
    for (d, gs) in group_of.iter().enumerate() {
        for (s, &g) in gs.iter().enumerate() {
            if g == usize::MAX {
                out.push(Group {
                    members: vec![(d, vec![s])],
                    links: Vec::new(),
                    related: Vec::new(),
                    echoes: Vec::new(),
                });
            }
        }
    }
    // Order groups by where they first appear: earliest document, then
    // sentence position.
    out.sort_by(|x, y| {
        x.members[0]
            .0
            .cmp(&y.members[0].0)
            .then(x.members[0].1.cmp(&y.members[0].1))
    });
    for g in &mut out {
        g.links.sort_by(|x, y| x.a.cmp(&y.a).then(x.b.cmp(&y.b)));
    }
    (Alignment { groups: out }, rejected)
}

/// Turn rejected links and partial overlaps into symmetric edges between
/// distinct groups, strongest first, at most [`MAX_OVERLAPS`] per group: an
/// edge is `related` while both groups have fewer than [`MAX_RELATED`]
/// related edges, else an echo.
fn add_related(v: &Vectors, al: &mut Alignment, links: Vec<Link>, link_level: f64) {
    let mut group_of: HashMap<SentRef, usize> = HashMap::default();
    for (gid, g) in al.groups.iter().enumerate() {
        for (d, ss) in &g.members {
            for &s in ss {
                group_of.insert((*d, s), gid);
            }
        }
    }
    // Best link per group pair, and the sentence pairs of all its links
    // (lower group's sentence first).
    let mut edges: BTreeMap<(usize, usize), (f64, Link)> = BTreeMap::new();
    let mut edge_pairs: BTreeMap<(usize, usize), BTreeMap<(SentRef, SentRef), f64>> =
        BTreeMap::new();
    for l in links {
        let ga: Vec<usize> =
            l.a.1
                .iter()
                .filter_map(|&s| group_of.get(&(l.a.0, s)).copied())
                .collect();
        let gb: Vec<usize> =
            l.b.1
                .iter()
                .filter_map(|&s| group_of.get(&(l.b.0, s)).copied())
                .collect();
        for &x in &ga {
            for &y in &gb {
                if x == y {
                    continue;
                }
                let key = (x.min(y), x.max(y));
                // Only links at the link level name sentences that share
                // the claim; a partial overlap may share a name or a place.
                let pairs = edge_pairs.entry(key).or_default();
                for &sa in l.a.1.iter().filter(|_| l.score >= link_level) {
                    for &sb in &l.b.1 {
                        let (ra, rb) = ((l.a.0, sa), (l.b.0, sb));
                        let (ga, gb) = (group_of.get(&ra), group_of.get(&rb));
                        let pair = if ga == Some(&key.0) && gb == Some(&key.1) {
                            (ra, rb)
                        } else if ga == Some(&key.1) && gb == Some(&key.0) {
                            (rb, ra)
                        } else {
                            continue;
                        };
                        let best = pairs.entry(pair).or_insert(l.score);
                        *best = best.max(l.score);
                    }
                }
                match edges.get_mut(&key) {
                    Some(e) if e.0 >= l.score => {}
                    Some(e) => *e = (l.score, l.clone()),
                    None => {
                        edges.insert(key, (l.score, l.clone()));
                    }
                }
            }
        }
    }
    let mut list: Vec<((usize, usize), (f64, Link))> = edges.into_iter().collect();
    list.sort_by(|x, y| y.1.0.total_cmp(&x.1.0).then(x.0.cmp(&y.0)));
    let mut count = vec![0usize; al.groups.len()];
    for ((x, y), (score, link)) in list {
        if count[x] >= MAX_OVERLAPS || count[y] >= MAX_OVERLAPS {
            continue;
        }
        // A weak overlap is an echo even when the group has room for a
        // related edge: it keeps a claim from being unique, but a related
        // edge claims every pair of the two groups' members as a link.
        let related = score >= link_level * RELATED_LEVEL
            && al.groups[x].related.len() < MAX_RELATED
            && al.groups[y].related.len() < MAX_RELATED;
        let ev = if link.evidence.is_empty() {
            link_evidence(v, &link)
        } else {
            link.evidence
        };
        count[x] += 1;
        count[y] += 1;
        let pairs: Vec<(SentRef, SentRef, f64)> = edge_pairs
            .remove(&(x, y))
            .unwrap_or_default()
            .into_iter()
            .take(MAX_EDGE_PAIRS)
            .map(|((a, b), s)| (a, b, s))
            .collect();
        let kind = if related {
            RelatedKind::Partial
        } else {
            RelatedKind::Echo
        };
        let flipped: Vec<(SentRef, SentRef, f64)> =
            pairs.iter().map(|&(a, b, s)| (b, a, s)).collect();
        for (from, to, ev, pairs) in [(x, y, ev.clone(), pairs), (y, x, ev, flipped)] {
            let edge = Related {
                group: to,
                kind,
                score,
                evidence: ev,
                pairs,
            };
            let g = &mut al.groups[from];
            if related {
                g.related.push(edge);
            } else {
                g.echoes.push(edge);
            }
        }
    }
    for g in &mut al.groups {
        g.related.sort_by_key(|r| r.group);
        g.echoes.sort_by_key(|r| r.group);
    }
}
