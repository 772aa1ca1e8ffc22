//! Sentence alignment across documents.
//!
//! 1. **Weights.** Every content term (stem, number or name) gets an inverse
//!    document frequency over all sentences of the collection, so words that
//!    every sentence shares count little. Numbers and names count a little more.
//! 2. **Candidates.** An inverted index from term to sentences gives, for each
//!    sentence, the sentences of other documents sharing a term; terms carried by
//!    more than [`MAX_POSTINGS`] sentences are skipped there (their weight is
//!    near zero anyway), and each sentence keeps its best [`CANDIDATES_PER_DOC`]
//!    partners per other document. Cost grows with the number of shared-term
//!    pairs, not with the square of the number of sentences.
//! 3. **Matching.** For each pair of documents, candidates (single sentences and
//!    two adjacent sentences taken together, for splits and merges) are accepted
//!    greedily by score, each sentence used once per document pair.
//! 4. **Groups.** All accepted links, strongest first, join groups as long as
//!    every document's sentences in a group stay one run of adjacent sentences.
//!
//! Order inside documents is ignored when matching: outlets order facts
//! differently. Everything is sorted with explicit tie-breaks, so the result is
//! deterministic.

use crate::document::Document;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// A term carried by more sentences than this is not used to find candidates.
pub const MAX_POSTINGS: usize = 400;
/// Similarity a headline needs to be linked with a body sentence.
pub const HEADLINE_BODY_MIN: f64 = 0.9;
/// Partners kept per sentence and per other document.
pub const CANDIDATES_PER_DOC: usize = 6;

/// Tuning of the aligner.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignOptions {
    /// Lowest similarity (0–1) for two sentences to be linked.
    pub threshold: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { threshold: 0.22 }
    }
}

/// A sentence in the collection: (document index, sentence id).
pub type SentRef = (usize, usize);

/// A link between sentences of two documents. One side holds two adjacent
/// sentences when a sentence was split or two were merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub a: (usize, Vec<usize>),
    pub b: (usize, Vec<usize>),
    pub score: f64,
    /// The shared content words behind the score, strongest first.
    pub evidence: Vec<String>,
}

/// A set of sentences that say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// (document index, ascending sentence ids), by document index.
    pub members: Vec<(usize, Vec<usize>)>,
    /// The links that built the group.
    pub links: Vec<Link>,
}

/// The result of alignment: every sentence of every document is in exactly
/// one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub groups: Vec<Group>,
}

/// Term vectors of the collection, weighted.
struct Vectors {
    /// Per document, per sentence: (term id, weight), sorted by term id.
    vecs: Vec<Vec<Vec<(u32, f64)>>>,
    norms: Vec<Vec<f64>>,
    /// Term id → a surface word, for evidence.
    surface: Vec<String>,
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
            let mut v: Vec<(u32, bool)> = Vec::with_capacity(f.terms.len());
            for (t, surf) in f.terms.iter().zip(&f.surfaces) {
                let next = ids.len() as u32;
                let id = *ids.entry(t.as_str()).or_insert(next);
                if id == next {
                    surface.push(surf.clone());
                    df.push(0);
                }
                df[id as usize] += 1;
                let special = t.starts_with('#') || f.names.iter().any(|n| n == surf);
                v.push((id, special));
            }
            v.sort_unstable_by_key(|x| x.0);
            v.dedup_by_key(|x| x.0);
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
            let w: Vec<(u32, f64)> = v
                .into_iter()
                .map(|(id, special)| {
                    let idf = (1.0 + n / df[id as usize] as f64).ln();
                    (id, if special { idf * 1.25 } else { idf })
                })
                .collect();
            nd.push(w.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt());
            wd.push(w);
        }
        vecs.push(wd);
        norms.push(nd);
    }
    Vectors {
        vecs,
        norms,
        surface,
    }
}

/// Sum two sorted sparse vectors (for a run of two sentences).
fn add(a: &[(u32, f64)], b: &[(u32, f64)]) -> Vec<(u32, f64)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1.max(y.1)));
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

/// Shared terms of two vectors, strongest first, as surface words.
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
    shared
        .into_iter()
        .map(|(_, id)| v.surface[id as usize].trim_start_matches('#').to_string())
        .collect()
}

/// Similarity of two sentences as the aligner sees it (cosine of weighted
/// term vectors), for tools and tests that want to inspect one pair.
pub fn similarity(docs: &[Document], a: SentRef, b: SentRef) -> f64 {
    let v = build_vectors(docs);
    cosine(&v.vecs[a.0][a.1], &v.vecs[b.0][b.1])
}

/// Candidate (sentence in a, sentence in b, score) per document pair.
type PairCandidates = BTreeMap<(usize, usize), Vec<(usize, usize, f64)>>;
/// A group under construction: members per document, and its links.
type PartialGroup = (BTreeMap<usize, Vec<usize>>, Vec<Link>);

/// A candidate link inside one document pair.
#[derive(Debug, Clone)]
struct Cand {
    score: f64,
    a: Vec<usize>,
    b: Vec<usize>,
}

/// Align the documents.
pub fn align(docs: &[Document], opts: &AlignOptions) -> Alignment {
    let v = build_vectors(docs);
    let headline: Vec<Vec<bool>> = docs
        .iter()
        .map(|d| d.sentences.iter().map(|s| s.headline).collect())
        .collect();
    let pair_cands = candidates(&v);
    let mut links: Vec<Link> = Vec::new();
    for ((da, db), cands) in pair_cands {
        links.extend(match_pair(&v, &headline, da, db, &cands, opts));
    }
    groups_from_links(docs, links)
}

/// Candidate partners of every sentence in the other documents, from the
/// inverted index, with their similarity.
fn candidates(v: &Vectors) -> PairCandidates {
    // Inverted index: term → sentences carrying it.
    let mut postings: HashMap<u32, Vec<SentRef>> = HashMap::default();
    for (di, dv) in v.vecs.iter().enumerate() {
        for (si, sv) in dv.iter().enumerate() {
            for &(t, _) in sv {
                postings.entry(t).or_default().push((di, si));
            }
        }
    }
    // Candidate partner sentences per (doc a, doc b) pair, a < b.
    let mut pair_cands: PairCandidates = BTreeMap::new();
    for (di, dv) in v.vecs.iter().enumerate() {
        for (si, sv) in dv.iter().enumerate() {
            let mut acc: HashMap<SentRef, f64> = HashMap::default();
            for &(t, w) in sv {
                let Some(list) = postings.get(&t) else {
                    continue;
                };
                if list.len() > MAX_POSTINGS {
                    continue;
                }
                for &(dj, sj) in list {
                    if dj <= di {
                        continue;
                    }
                    let wj = v.vecs[dj][sj]
                        .binary_search_by_key(&t, |x| x.0)
                        .map(|k| v.vecs[dj][sj][k].1)
                        .unwrap_or(0.0);
                    *acc.entry((dj, sj)).or_insert(0.0) += w * wj;
                }
            }
            let mut per_doc: BTreeMap<usize, Vec<(usize, f64)>> = BTreeMap::new();
            for ((dj, sj), d) in acc {
                let denom = v.norms[di][si] * v.norms[dj][sj];
                if denom > 0.0 {
                    per_doc.entry(dj).or_default().push((sj, d / denom));
                }
            }
            for (dj, mut list) in per_doc {
                list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                list.truncate(CANDIDATES_PER_DOC);
                let e = pair_cands.entry((di, dj)).or_default();
                e.extend(list.into_iter().map(|(sj, sc)| (si, sj, sc)));
            }
        }
    }
    pair_cands
}

/// Every candidate sentence pair across documents with its similarity, as
/// the aligner sees them before matching (for evaluation and tuning).
pub fn scored_pairs(docs: &[Document]) -> Vec<(SentRef, SentRef, f64)> {
    let v = build_vectors(docs);
    candidates(&v)
        .into_iter()
        .flat_map(|((da, db), list)| {
            list.into_iter()
                .map(move |(sa, sb, sc)| ((da, sa), (db, sb), sc))
        })
        .collect()
}

/// One-to-one matching with splits and merges between documents `da` and `db`.
fn match_pair(
    v: &Vectors,
    headline: &[Vec<bool>],
    da: usize,
    db: usize,
    cands: &[(usize, usize, f64)],
    opts: &AlignOptions,
) -> Vec<Link> {
    let va = &v.vecs[da];
    let vb = &v.vecs[db];
    let mut all: Vec<Cand> = Vec::new();
    // Sentences that share something, to look for splits next to them.
    let mut near_a: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(sa, sb, sc) in cands {
        // Headlines of reports on the same events summarise the same story:
        // they need less overlap to be linked.
        let (ha, hb) = (headline[da][sa], headline[db][sb]);
        if ha != hb && sc < HEADLINE_BODY_MIN {
            // Headlines are compared with headlines, unless a body sentence
            // says nearly the same thing.
            continue;
        }
        let both_headlines = ha && hb;
        let needed = if both_headlines {
            opts.threshold * 0.5
        } else {
            opts.threshold
        };
        if sc >= needed {
            all.push(Cand {
                score: sc,
                a: vec![sa],
                b: vec![sb],
            });
        }
        if sc >= opts.threshold * 0.4 {
            near_a.entry(sa).or_default().push(sb);
        }
    }
    // Splits and merges: one sentence against two adjacent ones. Both parts
    // must carry a real share of the other side, and the pair must beat either
    // part alone.
    let part_ok = |whole: &[(u32, f64)], part: &[(u32, f64)]| {
        let n = norm(part);
        n > 0.0 && dot(whole, part) / (n * n) >= 0.3
    };
    let mut seen: std::collections::HashSet<(usize, usize, bool)> =
        std::collections::HashSet::new();
    for (&sa, bs) in &near_a {
        for &sb in bs {
            for start in [sb.saturating_sub(1), sb] {
                if start + 1 >= vb.len() || !seen.insert((sa, start, true)) {
                    continue;
                }
                let (b0, b1) = (&vb[start], &vb[start + 1]);
                if !(part_ok(&va[sa], b0) && part_ok(&va[sa], b1)) {
                    continue;
                }
                let sc = cosine(&va[sa], &add(b0, b1));
                let best = cosine(&va[sa], b0).max(cosine(&va[sa], b1));
                if sc >= opts.threshold && sc > best + 0.05 {
                    all.push(Cand {
                        score: sc,
                        a: vec![sa],
                        b: vec![start, start + 1],
                    });
                }
            }
            for start in [sa.saturating_sub(1), sa] {
                if start + 1 >= va.len() || !seen.insert((start, sb, false)) {
                    continue;
                }
                let (a0, a1) = (&va[start], &va[start + 1]);
                if !(part_ok(&vb[sb], a0) && part_ok(&vb[sb], a1)) {
                    continue;
                }
                let sc = cosine(&vb[sb], &add(a0, a1));
                let best = cosine(&vb[sb], a0).max(cosine(&vb[sb], a1));
                if sc >= opts.threshold && sc > best + 0.05 {
                    all.push(Cand {
                        score: sc,
                        a: vec![start, start + 1],
                        b: vec![sb],
                    });
                }
            }
        }
    }
    all.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    let mut used_a = vec![false; va.len()];
    let mut used_b = vec![false; vb.len()];
    let mut out = Vec::new();
    let singles: Vec<Cand> = all
        .iter()
        .filter(|c| c.a.len() == 1 && c.b.len() == 1)
        .cloned()
        .collect();
    for c in all {
        if c.a.iter().any(|&i| used_a[i]) || c.b.iter().any(|&i| used_b[i]) {
            continue;
        }
        c.a.iter().for_each(|&i| used_a[i] = true);
        c.b.iter().for_each(|&i| used_b[i] = true);
        let ua = c.a.iter().fold(Vec::new(), |acc, &i| add(&acc, &va[i]));
        let ub = c.b.iter().fold(Vec::new(), |acc, &i| add(&acc, &vb[i]));
        out.push(Link {
            evidence: evidence(v, &ua, &ub),
            a: (da, c.a),
            b: (db, c.b),
            score: c.score,
        });
    }
    // Second pass: a sentence left unmatched may still join a partner that is
    // already matched, when the two are clearly alike (a quote cut at a
    // different place in each report). Grouping then keeps runs adjacent.
    for c in singles {
        let (sa, sb) = (c.a[0], c.b[0]);
        if (used_a[sa] && used_b[sb]) || c.score < opts.threshold {
            continue;
        }
        if !used_a[sa] || !used_b[sb] {
            used_a[sa] = true;
            used_b[sb] = true;
            out.push(Link {
                evidence: evidence(v, &va[sa], &vb[sb]),
                a: (da, c.a),
                b: (db, c.b),
                score: c.score,
            });
        }
    }
    out
}

/// Union the links into groups, strongest first, keeping each document's part
/// of a group one run of adjacent sentences.
fn groups_from_links(docs: &[Document], mut links: Vec<Link>) -> Alignment {
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    // Group id per sentence; groups hold members per document.
    let mut group_of: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| vec![usize::MAX; d.sentences.len()])
        .collect();
    let mut groups: Vec<Option<PartialGroup>> = Vec::new();
    for link in links {
        let ends: Vec<SentRef> = link
            .a
            .1
            .iter()
            .map(|&s| (link.a.0, s))
            .chain(link.b.1.iter().map(|&s| (link.b.0, s)))
            .collect();
        // Members after the merge.
        let mut merged: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut involved: Vec<usize> = Vec::new();
        for &(d, s) in &ends {
            let g = group_of[d][s];
            if g == usize::MAX {
                merged.entry(d).or_default().push(s);
            } else if !involved.contains(&g) {
                involved.push(g);
                if let Some((m, _)) = &groups[g] {
                    for (dd, ss) in m {
                        merged.entry(*dd).or_default().extend(ss);
                    }
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
        if !contiguous || headline_mixed {
            continue;
        }
        involved.sort_unstable();
        let mut all_links = Vec::new();
        for &g in &involved {
            if let Some((_, l)) = groups[g].take() {
                all_links.extend(l);
            }
        }
        all_links.push(link);
        let id = groups.len();
        for (d, ss) in &merged {
            for &s in ss {
                group_of[*d][s] = id;
            }
        }
        groups.push(Some((merged, all_links)));
    }
    let mut out: Vec<Group> = Vec::new();
    for (m, l) in groups.into_iter().flatten() {
        out.push(Group {
            members: m.into_iter().collect(),
            links: l,
        });
    }
    for (d, gs) in group_of.iter().enumerate() {
        for (s, &g) in gs.iter().enumerate() {
            if g == usize::MAX {
                out.push(Group {
                    members: vec![(d, vec![s])],
                    links: Vec::new(),
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
    Alignment { groups: out }
}
