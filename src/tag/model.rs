//! The perceptron's features and the shipped weights.
//!
//! Weights file (`data/tagger.bin`, little-endian):
//! `b"SDTAG2\n"`, u32 scale, u32 slots (a power of two), u32 weight entries,
//! u32 feature count; then the slots of an open-addressing table (linear
//! probing from `hash & (slots - 1)`): u32 hash (0 = empty), u32 (offset << 8
//! | count); then the weight entries: u8 class, i16 weight. A weight is the
//! averaged perceptron weight × scale, rounded; tiny weights are pruned. The
//! model is read in place: nothing is parsed at start-up.

use super::{TAGS, Upos};
use std::sync::OnceLock;

/// Features per token.
pub const N_FEATURES: usize = 23;

const MAGIC: &[u8] = b"SDTAG2\n";

/// Hashes of one token's word-level properties, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordFeatures {
    word: u64,
    cased: u64,
    suffix3: u64,
    suffix2: u64,
    suffix4: u64,
    prefix1: u64,
    shape: u64,
}

const FNV: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
}

fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = fnv(h, b);
    }
    h
}

/// Folded character: lower case, curly apostrophes and quotes straight.
fn fold(c: char) -> char {
    match c {
        '’' | '‘' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Word-level hashes of `w`: the folded word (numbers as `!YEAR` /
/// `!DIGITS`), its last three and two characters, its first character and
/// its shape (`Xx`, `X.X.`, `dd`: runs of a class collapsed, six at most).
pub fn word_features(w: &str) -> WordFeatures {
    let first_digit = w.chars().next().is_some_and(|c| c.is_ascii_digit());
    let word = if first_digit {
        let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
        let tag: &[u8] = if year { b"!YEAR" } else { b"!DIGITS" };
        tag.iter().fold(FNV, |h, &b| fnv(h, b))
    } else {
        w.chars().fold(FNV, |h, c| fnv_char(h, fold(c)))
    };
    let suffix = |n: usize| {
        w.chars()
            .rev()
            .take(n)
            .fold(FNV ^ n as u64, |h, c| fnv_char(h, fold(c)))
    };
    let prefix1 = w.chars().take(1).fold(FNV, |h, c| fnv_char(h, fold(c)));
    let mut shape = FNV;
    let mut last = ' ';
    let mut len = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            fold(c)
        };
        if k != last && len < 6 {
            shape = fnv_char(shape, k);
            last = k;
            len += 1;
        }
    }
    let cased = w.bytes().fold(FNV ^ 7, fnv);
    WordFeatures {
        word,
        cased,
        suffix3: suffix(3),
        suffix2: suffix(2),
        suffix4: suffix(4),
        prefix1,
        shape,
    }
}

fn mix(template: u64, a: u64, b: u64) -> u32 {
    // template + 1: the bias feature (all zeros) must not hash to 0, the
    // empty slot of the weights table.
    let x = (a ^ (template + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .rotate_left(23)
        .wrapping_add(b)
        .wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let x = (x ^ (x >> 31)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (x >> 32) as u32
}

const START: WordFeatures = WordFeatures {
    word: 1,
    cased: 1,
    suffix3: 1,
    suffix2: 1,
    suffix4: 1,
    prefix1: 1,
    shape: 1,
};
const END: WordFeatures = WordFeatures {
    word: 2,
    cased: 2,
    suffix3: 2,
    suffix2: 2,
    suffix4: 2,
    prefix1: 2,
    shape: 2,
};

/// The feature hashes of token `i` given the two previous tags (`17` for
/// "before the sentence").
pub fn features(w: &[WordFeatures], i: usize, p1: usize, p2: usize) -> [u32; N_FEATURES] {
    let at = |k: isize| -> WordFeatures {
        let j = i as isize + k;
        if j < 0 {
            START
        } else {
            w.get(j as usize).copied().unwrap_or(END)
        }
    };
    let (m2, m1, c, n1, n2) = (at(-2), at(-1), at(0), at(1), at(2));
    let (p1, p2) = (p1 as u64 + 11, p2 as u64 + 11);
    let first = (i == 0) as u64 + 3;
    [
        mix(0, 0, 0),
        mix(1, c.suffix3, 0),
        mix(2, c.prefix1, 0),
        mix(3, p1, 0),
        mix(4, p2, 0),
        mix(5, p1, p2),
        mix(6, c.word, 0),
        mix(7, p1, c.word),
        mix(8, m1.word, 0),
        mix(9, m1.suffix3, 0),
        mix(10, m2.word, 0),
        mix(11, n1.word, 0),
        mix(12, n1.suffix3, 0),
        mix(13, n2.word, 0),
        mix(14, c.shape, 0),
        mix(15, c.shape, first),
        mix(16, c.suffix2, 0),
        mix(17, n1.shape, m1.shape),
        mix(18, c.suffix4, 0),
        mix(19, c.word, n1.word),
        mix(20, p1, n1.word),
        mix(21, c.cased, first),
        mix(22, c.cased, n1.cased),
    ]
}

/// The tagger's weights, read in place from the file's bytes (an
/// open-addressing table, so nothing is parsed or copied at start-up).
pub struct Model {
    /// Slots: (u32 hash, u32 offset << 8 | count), 8 bytes each; hash 0 is empty.
    table: std::borrow::Cow<'static, [u8]>,
    mask: usize,
    /// (u8 class, i16 weight) entries, 3 bytes each.
    weights_at: usize,
    count: usize,
}

fn u32_at(b: &[u8], o: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(o..o + 4)?.try_into().ok()?))
}

impl Model {
    /// Read a weights file; `None` if it is malformed.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        Self::from_cow(std::borrow::Cow::Owned(b.to_vec()))
    }

    fn from_cow(b: std::borrow::Cow<'static, [u8]>) -> Option<Model> {
        let rest = b.strip_prefix(MAGIC)?;
        let slots = u32_at(rest, 4)? as usize;
        let n_weights = u32_at(rest, 8)? as usize;
        let count = u32_at(rest, 12)? as usize;
        if !slots.is_power_of_two() {
            return None;
        }
        let table_at = MAGIC.len() + 16;
        let weights_at = table_at + slots * 8;
        if b.len() != weights_at + n_weights * 3 {
            return None;
        }
        // The entries of each slot are not checked here (a scan of the whole
        // table, about 2 ms at every start): `scores` reads them with
        // checked access, so a malformed table gives wrong tags, never a
        // panic, and a test checks the shipped table in full (`is_sound`).
        Some(Model {
            table: b,
            mask: slots - 1,
            weights_at,
            count,
        })
    }

    /// Write weights (class scores per feature hash) in the file format,
    /// scaled by `scale` and pruned below `min` after scaling.
    pub fn to_bytes(table: &[(u32, [f32; 17])], scale: f32, min: i16) -> Vec<u8> {
        let mut rows: Vec<(u32, Vec<(u8, i16)>)> = table
            .iter()
            .filter(|(h, _)| *h != 0)
            .map(|(h, ws)| {
                let kept = ws
                    .iter()
                    .enumerate()
                    .map(|(c, w)| (c as u8, (w * scale).round().clamp(-32767.0, 32767.0) as i16))
                    .filter(|(_, w)| w.abs() >= min)
                    .collect::<Vec<_>>();
                (*h, kept)
            })
            .filter(|(_, k)| !k.is_empty())
            .collect();
        rows.sort_by_key(|r| r.0);
        // Load factor at most 3/4 (a miss probes a few slots of one or two
        // cache lines).
        let slots = (rows.len() * 4 / 3 + 1).next_power_of_two();
        let mut slot = vec![(0u32, 0u32); slots];
        let mut weights: Vec<u8> = Vec::new();
        for (h, kept) in &rows {
            let mut k = *h as usize & (slots - 1);
            while slot[k].0 != 0 {
                k = (k + 1) & (slots - 1);
            }
            slot[k] = (*h, ((weights.len() / 3) as u32) << 8 | kept.len() as u32);
            for (c, w) in kept {
                weights.push(*c);
                weights.extend(w.to_le_bytes());
            }
        }
        let mut out = MAGIC.to_vec();
        out.extend((scale as u32).to_le_bytes());
        out.extend((slots as u32).to_le_bytes());
        out.extend(((weights.len() / 3) as u32).to_le_bytes());
        out.extend((rows.len() as u32).to_le_bytes());
        for (h, v) in slot {
            out.extend(h.to_le_bytes());
            out.extend(v.to_le_bytes());
        }
        out.extend(weights);
        out
    }

    /// The (offset, count) of a feature's weights.
    fn find(&self, h: u32) -> Option<(usize, usize)> {
        if h == 0 {
            return None;
        }
        let base = MAGIC.len() + 16;
        let mut k = h as usize & self.mask;
        loop {
            let o = base + k * 8;
            let got = u32_at(&self.table, o)?;
            if got == h {
                let v = u32_at(&self.table, o + 4)? as usize;
                return Some((v >> 8, v & 0xff));
            }
            if got == 0 {
                return None;
            }
            k = (k + 1) & self.mask;
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Class scores for one token's features.
    pub fn scores(&self, feats: &[u32; N_FEATURES]) -> [i32; 17] {
        let mut s = [0i32; 17];
        for &f in feats {
            if let Some((o, n)) = self.find(f) {
                let at = self.weights_at + o * 3;
                let entries = self.table.get(at..at + n * 3).unwrap_or(&[]);
                for e in entries.chunks_exact(3) {
                    if let Some(x) = s.get_mut(e[0] as usize) {
                        *x += i16::from_le_bytes([e[1], e[2]]) as i32;
                    }
                }
            }
        }
        s
    }

    /// Whether every slot's entries lie inside the weights and name a
    /// class (what a sound table guarantees; checked in full by a test).
    pub fn is_sound(&self) -> bool {
        let table_at = MAGIC.len() + 16;
        let slots = self.mask + 1;
        let n_weights = (self.table.len() - self.weights_at) / 3;
        (0..slots).all(|k| {
            let Some(v) = u32_at(&self.table, table_at + k * 8 + 4) else {
                return false;
            };
            let (o, n) = (v as usize >> 8, v as usize & 0xff);
            o + n <= n_weights
                && (o..o + n).all(|e| (self.table[self.weights_at + e * 3] as usize) < TAGS.len())
        })
    }

    /// Tag a tokenized sentence, left to right (greedy).
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        let wf: Vec<WordFeatures> = words.iter().map(|w| word_features(w)).collect();
        let (mut p1, mut p2) = (17usize, 17usize);
        let mut out = Vec::with_capacity(words.len());
        for i in 0..words.len() {
            let s = self.scores(&features(&wf, i, p1, p2));
            // Highest score; ties go to the lower class number.
            let best = (0..17).fold(0, |b, c| if s[c] > s[b] { c } else { b });
            out.push(TAGS[best]);
            p2 = p1;
            p1 = best;
        }
        out
    }
}

static WEIGHTS: &[u8] = include_bytes!("../../data/tagger.bin");

/// The shipped model, read once.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        Model::from_cow(std::borrow::Cow::Borrowed(WEIGHTS))
            .or_else(|| Model::from_bytes(&Model::to_bytes(&[], 1.0, 1)))
            .expect("an empty model is well-formed")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // The shipped weights parse and are not empty.
    #[test]
    fn shipped_weights_load() {
        assert!(Model::from_bytes(WEIGHTS).is_some());
        assert!(model().len() > 10_000);
        assert!(model().is_sound());
    }

    // A table whose entries point past the weights or name no class is not
    // sound, and tagging with it gives tags, not a panic.
    #[test]
    fn unsound_tables_are_found_and_do_not_panic() {
        let mut w = [0.0f32; 17];
        w[3] = 1.5;
        let mut b = Model::to_bytes(&[(42, w)], 100.0, 1);
        let at = b.len() - 3;
        b[at] = 200; // class 200: none
        let m = Model::from_bytes(&b).expect("the header is well-formed");
        assert!(!m.is_sound());
        let mut f = [0u32; N_FEATURES];
        f[0] = 42;
        assert_eq!(m.scores(&f), [0; 17]);
        assert_eq!(m.tag(&["word"]).len(), 1);
    }

    // Writing and reading weights keeps them (scaled and pruned).
    #[test]
    fn weights_round_trip() {
        let mut w = [0.0f32; 17];
        w[3] = 1.5;
        w[5] = -0.001;
        let b = Model::to_bytes(&[(42, w)], 100.0, 1);
        let m = Model::from_bytes(&b).expect("parses");
        let mut f = [0u32; N_FEATURES];
        f[0] = 42;
        let s = m.scores(&f);
        assert_eq!(s[3], 150);
        assert_eq!(s[5], 0);
        assert!(Model::from_bytes(&b[..b.len() - 1]).is_none());
    }
}
