//! Word lists, one word a line in `data/words/*.txt` (sorted; `#` starts a
//! comment line), compiled in with `include_str!`.

/// A sorted list of lower-case words, split into lines once on first use.
pub(super) struct WordList(&'static str, std::sync::OnceLock<Vec<&'static str>>);

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList(text, std::sync::OnceLock::new())
    }

    fn list(&self) -> &[&'static str] {
        self.1.get_or_init(|| {
            self.0
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
    }

    /// The words, in file order.
    #[cfg(test)]
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.list().iter().copied()
    }

    /// Is `w` (lower case) in the list? A binary search: the files are
    /// sorted (tested below).
    pub fn contains(&self, w: &str) -> bool {
        self.list().binary_search(&w).is_ok()
    }
}

/// Nouns that make a speaker anonymous when no name is given.
pub(super) static ANONYMOUS: WordList =
    WordList::new(include_str!("../../data/words/anonymous.txt"));
/// Words of titles and roles, not names.
pub(super) static ROLES: WordList = WordList::new(include_str!("../../data/words/roles.txt"));
/// Words that make a speaker an organisation or a document.
pub(super) static ORGANISATIONS: WordList =
    WordList::new(include_str!("../../data/words/organisations.txt"));
/// Words mostly used as lower-case common nouns (derived from the
/// treebanks by `examples/common_nouns.rs`): capitalised before a person's
/// name, a title ("Sheriff Robert Pickell").
pub(super) static COMMON_NOUNS: WordList =
    WordList::new(include_str!("../../data/words/common_nouns.txt"));
/// Nouns for an unnamed person ("a spokeswoman").
pub(super) static PERSONS: WordList = WordList::new(include_str!("../../data/words/persons.txt"));

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn set(l: &WordList) -> BTreeSet<&'static str> {
        l.words().collect()
    }

    // Every list is sorted, lower case, without duplicates; the only words in
    // two lists are the intended ones.
    #[test]
    fn word_lists_are_sorted_unique_and_overlap_only_where_intended() {
        let lists = [
            ("anonymous", &ANONYMOUS),
            ("roles", &ROLES),
            ("organisations", &ORGANISATIONS),
            ("persons", &PERSONS),
            ("common_nouns", &COMMON_NOUNS),
        ];
        for (name, l) in lists {
            let w: Vec<&str> = l.words().collect();
            assert!(
                w.windows(2).all(|p| p[0] < p[1]),
                "{name} is not sorted or has duplicates"
            );
            assert!(
                w.iter().all(|x| x.to_lowercase() == *x),
                "{name} has capitals"
            );
        }
        // Unnamed-person nouns are also anonymous sources when plural or bare.
        let both: Vec<&str> = set(&ANONYMOUS)
            .intersection(&set(&PERSONS))
            .copied()
            .collect();
        assert_eq!(
            both,
            [
                "aide", "diplomat", "insider", "official", "person", "source", "witness"
            ]
        );
        // "Official" is a role word in a title and an anonymous source alone.
        let both: Vec<&str> = set(&ANONYMOUS)
            .intersection(&set(&ROLES))
            .copied()
            .collect();
        assert_eq!(both, ["official"]);
        // Roles that also name an unnamed person ("a spokeswoman said").
        let both: Vec<&str> = set(&ROLES).intersection(&set(&PERSONS)).copied().collect();
        assert_eq!(
            both,
            [
                "officer",
                "official",
                "spokesman",
                "spokesperson",
                "spokeswoman"
            ]
        );
        assert!(set(&ORGANISATIONS).is_disjoint(&set(&PERSONS)));
        // "Police Chief …", "Union leader …": titles made of a body's name.
        let both: Vec<&str> = set(&ORGANISATIONS)
            .intersection(&set(&ROLES))
            .copied()
            .collect();
        assert_eq!(both, ["police", "union"]);
        assert!(set(&ORGANISATIONS).is_disjoint(&set(&ANONYMOUS)));
    }
}
