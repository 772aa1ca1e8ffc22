//! The document's state while its sentences are attributed in order: who
//! has been named (people with their roles, organisations), who spoke last,
//! the gender each pronoun revealed, and every name the tagger found.

use super::*;

/// What the report has said so far about who is who.
#[derive(Debug, Default)]
pub(super) struct Discourse {
    /// Named speakers seen so far: (full name, role).
    pub known: Vec<(String, Option<String>)>,
    /// The last named person who spoke (index into `known`).
    pub last_person: Option<usize>,
    /// Organisations and outlets named as speakers or mediums.
    pub known_orgs: Vec<String>,
    /// The last unnamed person who spoke ("her publicist"), for pronouns
    /// when no named person has spoken yet: (description, key).
    pub last_desc: Option<(String, String)>,
    /// Pronoun each speaker key was referred to by ("he"/"she"), so "she"
    /// never goes to someone already called "he".
    pub gender: std::collections::HashMap<String, String>,
    /// Every name of two words or more in the report, for the fullest form
    /// of a speaker named by surname.
    pub names: Vec<String>,
    /// Indices into `known`, least recent speaker first, each once.
    pub recent: Vec<usize>,
    /// The person (index into `known`) the last sentences were about: named
    /// at the start of a sentence, or "he"/"she" continuing it.
    pub subject: Option<usize>,
    /// Outlets named as mediums ("told the Associated Press"): never "the
    /// company" that spoke.
    pub mediums: Vec<String>,
    /// Index of the sentence being attributed.
    pub sentence: usize,
    /// The sentence where `last_person` spoke.
    pub last_spoke_at: Option<usize>,
    /// The sentence that opened with the name of `subject`.
    pub subject_named_at: Option<usize>,
}

/// The person a sentence opens with: "Bettie Page, the pin-up model, …",
/// "AMD chief technology officer Mark Papermaster then …" (the name after
/// the title), or a pronoun "He"/"She".
enum Opening {
    Name(String),
    Pronoun(&'static str),
}

fn opening(text: &str) -> Option<Opening> {
    // Only the first words matter.
    let start = text
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(12)
        .map_or(text.len(), |(p, _)| p);
    let ws = words_of(&text[..start]);
    let ws: Vec<&str> = ws
        .iter()
        .copied()
        .skip_while(|w| matches!(lower(w).as_str(), "but" | "and" | "yet" | "so"))
        .collect();
    match ws.first().map(|w| lower(w)).as_deref() {
        Some("he") => return Some(Opening::Pronoun("he")),
        Some("she") => return Some(Opening::Pronoun("she")),
        _ => {}
    }
    // Up to the first comma, and up to the first lower-case word that no
    // capitalised word follows within three words, or that a determiner
    // follows (a verb and its object: "Harry Kane won the Budweiser Man of
    // the Match award"), unless it joins the parts of a name ("Minister of
    // the Interior").
    let head = text[..start]
        .split([',', ';', ':', '(', '—'])
        .next()
        .unwrap_or("");
    let hw = words_of(head);
    let mut end = hw.len();
    for (k, w) in hw.iter().enumerate() {
        let joins = matches!(
            lower(w).as_str(),
            "of" | "the" | "and" | "for" | "de" | "on" | "to"
        );
        let object = hw.get(k + 1).is_some_and(|x| {
            matches!(
                lower(x).as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
        });
        if !is_cap(w) && (!hw.iter().skip(k + 1).take(3).any(|x| is_cap(x)) || (object && !joins)) {
            end = k;
            break;
        }
    }
    let phrase = hw[..end].join(" ");
    let (name, _) = split_role(&phrase);
    let name = name?;
    let nw: Vec<String> = name.split_whitespace().map(lower).collect();
    let plain = nw.iter().all(|w| {
        !crate::text::is_stop(w)
            && !crate::text::is_time_word(w)
            && !ORGANISATIONS.contains(w)
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    }) && !name.split_whitespace().any(corporate_suffix);
    (plain && nw.len() <= 4).then_some(Opening::Name(name))
}

/// "he" or "she" from an honorific or a gendered role word.
fn gender_of_role(role: &str) -> Option<&'static str> {
    role.split_whitespace()
        .find_map(|w| match lower(w).trim_end_matches('.') {
            "mr" | "sir" | "spokesman" | "chairman" | "congressman" | "king" | "father" => {
                Some("he")
            }
            "mrs" | "ms" | "miss" | "madam" | "dame" | "spokeswoman" | "chairwoman"
            | "congresswoman" | "queen" | "mother" => Some("she"),
            _ => None,
        })
}

pub(super) fn key_of_name(n: &str) -> String {
    n.split_whitespace().last().map(lower).unwrap_or_default()
}

impl Discourse {
    /// Follow who the sentences are about. A sentence that opens with a
    /// name of two words or more (or the surname of a known person) makes
    /// that person the subject; one that opens with "he"/"she" continues the
    /// subject, whose gender it tells when the sentence before named no one
    /// else and no recent speaker is known by that pronoun; a subject whose
    /// gender is known is a candidate for pronouns.
    pub(super) fn follow_subject(&mut self, text: &str, before: Option<&str>) {
        match opening(text) {
            Some(Opening::Pronoun(p)) => {
                let Some(i) = self.subject else {
                    return;
                };
                let key = key_of_name(&self.known[i].0);
                let others = before.is_some_and(|b| {
                    let bw: Vec<String> = words_of(b).iter().map(|w| lower(w)).collect();
                    self.known
                        .iter()
                        .map(|(n, _)| key_of_name(n))
                        .any(|k| k != key && bw.contains(&k))
                });
                // Someone else already known as "he"/"she" may be meant.
                let taken = self.recent.iter().any(|&k| {
                    k != i
                        && self
                            .gender
                            .get(&key_of_name(&self.known[k].0))
                            .map(String::as_str)
                            == Some(p)
                });
                match self.gender.get(&key).map(String::as_str) {
                    Some(g) if g == p => {}
                    None if !others && !taken => {
                        self.gender.insert(key, p.to_string());
                    }
                    _ => {
                        self.subject = None;
                        return;
                    }
                }
                self.recent.retain(|&k| k != i);
                self.recent.push(i);
            }
            Some(Opening::Name(n)) => {
                let key = key_of_name(&n);
                let idx = self.known.iter().position(|(k, _)| key_of_name(k) == key);
                let idx = match idx {
                    Some(i) => i,
                    None if n.contains(' ') => {
                        self.known.push((n.clone(), None));
                        self.known.len() - 1
                    }
                    None => {
                        self.subject = None;
                        return;
                    }
                };
                if n.split_whitespace().count() > self.known[idx].0.split_whitespace().count() {
                    self.known[idx].0 = n;
                }
                self.subject = Some(idx);
                self.subject_named_at = Some(self.sentence);
                if self.gender.contains_key(&key) {
                    self.recent.retain(|&k| k != idx);
                    self.recent.push(idx);
                }
            }
            None => {}
        }
    }

    /// The company that "the company" or "the firm" stands for: scanning
    /// back from the last text, the first name in the nearest sentence that
    /// is an organisation that spoke, a speaker never called "he" or "she"
    /// and named without a role, or a name with a company suffix ("Inc.").
    pub(super) fn last_company(&self, texts: &[&str]) -> Option<String> {
        let mut cands: Vec<String> = self
            .known_orgs
            .iter()
            .filter(|o| is_cap(o) && !self.mediums.contains(o))
            .cloned()
            .chain(
                self.known
                    .iter()
                    .filter(|(n, r)| r.is_none() && !self.gender.contains_key(&key_of_name(n)))
                    .map(|(n, _)| n.clone()),
            )
            .collect();
        for t in texts {
            cands.extend(company_names(t));
        }
        cands.retain(|c| !c.is_empty());
        texts.iter().rev().find_map(|t| {
            cands
                .iter()
                .filter_map(|c| {
                    t.match_indices(c.as_str())
                        .map(|(p, _)| p)
                        .find(|&p| {
                            let after = t[p + c.len()..].chars().next();
                            let before = t[..p].chars().next_back();
                            !after.is_some_and(char::is_alphanumeric)
                                && !before.is_some_and(char::is_alphanumeric)
                        })
                        .map(|p| (p, std::cmp::Reverse(c.len()), c))
                })
                .min()
                .map(|(_, _, c)| c.clone())
        })
    }

    /// A named person who speaks of himself or herself by `pronoun` ("said
    /// she was heartbroken"), when no other gender is known for them.
    pub(super) fn pronoun_of_speaker(&mut self, key: &str, pronoun: &str) {
        if self.known.iter().any(|(n, _)| key_of_name(n) == key) {
            self.gender
                .entry(key.to_string())
                .or_insert_with(|| pronoun.to_string());
        }
    }

    /// Person `i` is now the last who spoke.
    fn spoke(&mut self, i: usize) {
        self.last_person = Some(i);
        self.last_spoke_at = Some(self.sentence);
        self.recent.retain(|&k| k != i);
        self.recent.push(i);
    }

    /// Turn a raw speaker phrase into speaker, role, anonymity and key, resolving
    /// pronouns and short forms against the speakers named so far.
    pub(super) fn resolve(&mut self, a: &mut Attribution, phrase: &str) {
        // Wire spacing around hyphens ("Hewlett - Packard") is not part of
        // a name.
        let joined;
        let phrase = if phrase.contains(" - ") {
            joined = phrase.replace(" - ", "-");
            joined.as_str()
        } else {
            phrase
        };
        let ws = words_of(phrase);
        let lw: Vec<String> = ws.iter().map(|w| lower(w)).collect();
        if ws.len() == 1 && PRONOUNS.contains(&lw[0].as_str()) {
            let p = lw[0].as_str();
            let fits = |key: &str| {
                !matches!(
                    (p, self.gender.get(key).map(String::as_str)),
                    ("he", Some("she")) | ("she", Some("he"))
                )
            };
            // The last person who spoke, if the pronoun fits; else the most
            // recent speaker before that whose gender fits ("she" after a
            // man's statement goes back to the woman quoted before him).
            let person = match p {
                // Among the last three speakers, one known to be "she"
                // beats one whose gender is unknown.
                "he" | "she" => {
                    let known_as = |i: usize| {
                        self.gender
                            .get(&key_of_name(&self.known[i].0))
                            .map(String::as_str)
                            == Some(p)
                    };
                    // The person who spoke in the sentence right before,
                    // when the pronoun fits, is the one meant ("Andrew
                    // Feldman said … But he said …"), even when someone
                    // named earlier is known as "he", unless the report is
                    // about another person known by this pronoun.
                    // Or the person the sentence right before opened with
                    // ("AMD's CTO Mark Papermaster then piped up … “…,” he
                    // said"), when no one spoke there.
                    let spoke_before = self.last_spoke_at.is_some_and(|k| k + 1 == self.sentence);
                    let named_before = self.subject.filter(|_| {
                        !spoke_before
                            && self
                                .subject_named_at
                                .is_some_and(|k| k + 1 == self.sentence)
                    });
                    let just_before = self
                        .last_person
                        .filter(|_| spoke_before)
                        .or(named_before)
                        .filter(|&i| fits(&key_of_name(&self.known[i].0)))
                        .filter(|&i| {
                            known_as(i) || self.subject.is_none_or(|j| j == i || !known_as(j))
                        });
                    let recent = self.recent.iter().rev().copied();
                    just_before
                        .or_else(|| recent.clone().take(3).find(|&i| known_as(i)))
                        .or_else(|| {
                            recent
                                .clone()
                                .find(|&i| fits(&key_of_name(&self.known[i].0)))
                        })
                }
                "they" => self
                    .last_person
                    .filter(|&i| fits(&key_of_name(&self.known[i].0))),
                _ => None,
            };
            if let Some(i) = person {
                let (n, r) = &self.known[i];
                a.speaker = Some(n.clone());
                a.role = r.clone();
                a.speaker_key = Some(key_of_name(n));
            } else if let Some((d, k)) = self
                .last_desc
                .as_ref()
                .filter(|(_, k)| matches!(p, "he" | "she") && fits(k))
            {
                a.speaker = Some(d.clone());
                a.speaker_key = Some(k.clone());
                a.anonymous = k == "anonymous";
            }
            if let (Some(k), "he" | "she") = (&a.speaker_key, p) {
                self.gender.insert(k.clone(), p.to_string());
            }
            if let Some(i) = person {
                self.spoke(i);
                if matches!(p, "he" | "she") {
                    self.subject = Some(i);
                }
            }
            return;
        }
        let (name, role) = split_role(phrase);
        let has_name = name.is_some();
        let anon = !has_name && lw.iter().any(|w| ANONYMOUS.contains(w));
        if anon {
            a.anonymous = true;
            a.speaker = Some(
                phrase
                    .trim_start_matches("the ")
                    .trim_start_matches("The ")
                    .to_string(),
            );
            a.speaker_key = Some("anonymous".to_string());
            return;
        }
        // A person's name: at least one capitalised non-role word and no
        // organisation words ("Department", "Ministry", "Agency").
        let is_org = match &name {
            Some(n) => {
                n.split_whitespace()
                    .any(|w| ORGANISATIONS.contains(lower(w).trim_end_matches("'s")))
                    || n.split_whitespace().last().is_some_and(corporate_suffix)
            }
            None => lw
                .iter()
                .any(|w| ORGANISATIONS.contains(w.trim_end_matches("'s"))),
        };
        // "a report from WCCO-TV", "a statement by the ministry": the
        // organisation behind the document speaks.
        if let Some(k) = lw
            .iter()
            .position(|w| matches!(w.as_str(), "from" | "by" | "of"))
            && k > 0
            && matches!(
                lw[k - 1].as_str(),
                "report"
                    | "statement"
                    | "release"
                    | "filing"
                    | "document"
                    | "documents"
                    | "letter"
                    | "analysis"
            )
            && k + 1 < ws.len()
        {
            let rest = ws[k + 1..].join(" ");
            return self.resolve(a, &rest);
        }
        // An unnamed person introduced with "a"/"an" is an anonymous source.
        if !has_name
            && matches!(lw.first().map(String::as_str), Some("a" | "an"))
            && lw.iter().any(|w| PERSONS.contains(w))
        {
            a.anonymous = true;
            a.speaker = Some(phrase.trim().to_string());
            a.speaker_key = Some("anonymous".to_string());
            // "a police spokeswoman said … she added": the pronoun goes back
            // to the unnamed speaker.
            self.last_desc = Some((phrase.trim().to_string(), "anonymous".to_string()));
            return;
        }
        if let (Some(n), false) = (&name, is_org) {
            // Short form: the fullest self.known name with this last name.
            let key = key_of_name(n);
            let idx = self.known.iter().position(|(k, _)| key_of_name(k) == key);
            let idx = match idx {
                Some(i) => {
                    if n.split_whitespace().count() > self.known[i].0.split_whitespace().count() {
                        self.known[i].0 = n.clone();
                    }
                    if self.known[i].1.is_none() {
                        self.known[i].1 = role.clone();
                    }
                    i
                }
                None => {
                    self.known.push((n.clone(), role.clone()));
                    self.known.len() - 1
                }
            };
            a.speaker = Some(self.known[idx].0.clone());
            a.role = role.or_else(|| self.known[idx].1.clone());
            a.speaker_key = Some(key);
            self.spoke(idx);
            // Honorifics and gendered roles tell the gender ("Ms Ortiz",
            // "spokeswoman Ada Lind").
            if let Some(g) = a
                .role
                .as_deref()
                .and_then(gender_of_role)
                .or_else(|| gender_of_role(phrase))
            {
                self.gender
                    .entry(key_of_name(&self.known[idx].0))
                    .or_insert(g.to_string());
            }
            return;
        }
        // "the agency" after "the state news agency MENA reported": an
        // organisation noun can be the role a known name was given.
        if !has_name {
            // "the chairman", "the deputy foreign minister": a role of a self.known person.
            let role_text = lw
                .iter()
                .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(i) = self.known.iter().position(|(_, r)| {
                r.as_ref()
                    .is_some_and(|r| lower(r).ends_with(&role_text) || lower(r) == role_text)
            }) {
                let (n, r) = &self.known[i];
                a.speaker = Some(n.clone());
                a.role = r.clone();
                a.speaker_key = Some(key_of_name(n));
                self.spoke(i);
                return;
            }
        }
        // An organisation or document; "the agency" is the fullest organisation
        // named before with the same last word.
        let org = phrase.trim();
        let org = org
            .strip_prefix("the ")
            .or_else(|| org.strip_prefix("The "))
            .unwrap_or(org);
        // "the U.K.'s Interoute Plc", "France Telecom's Orange mobile-phone
        // unit": a company's name after its owner's possessive, without the
        // description after it (a country's body keeps the country:
        // "Westland's State Department").
        let owned: String;
        let org = match org.split_once("'s ").or_else(|| org.split_once("’s ")) {
            Some((_, rest)) if is_cap(rest) => {
                // The capitalised run, with "and"/"of" between two
                // capitalised words inside it ("Meteorology and Geophysics
                // Agency").
                let words: Vec<&str> = rest.split_whitespace().collect();
                let mut n = 0;
                while n < words.len() {
                    let joiner = matches!(words[n], "and" | "of")
                        && n > 0
                        && words.get(n + 1).is_some_and(|w| is_cap(w));
                    if !(is_cap(words[n]) || joiner) {
                        break;
                    }
                    n += 1;
                }
                let caps: Vec<&str> = words[..n].to_vec();
                let described = caps.len() < rest.split_whitespace().count();
                let company = caps.last().is_some_and(|w| corporate_suffix(w));
                if described || company {
                    owned = caps.join(" ");
                    owned.as_str()
                } else {
                    org
                }
            }
            _ => org,
        };
        let last = org.split_whitespace().last().map(lower).unwrap_or_default();
        let initials = |o: &str| -> String {
            o.split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| is_cap(w))
                .filter_map(|w| w.chars().next())
                .collect()
        };
        let acronym =
            org.len() >= 2 && org.len() <= 6 && org.chars().all(|c| c.is_ascii_uppercase());
        const ORG_NOUNS: &[&str] = &[
            "station",
            "report",
            "agency",
            "newspaper",
            "paper",
            "network",
            "channel",
            "magazine",
            "broadcaster",
            "outlet",
            "website",
            "site",
            "daily",
            "publication",
            "tabloid",
            "company",
            "firm",
            "corporation",
            "carrier",
        ];
        // "the company", "the telecommunications company": a common noun
        // for an organisation, with at most two lower-case modifiers.
        let ow: Vec<&str> = org.split_whitespace().collect();
        let generic_noun = ow.len() <= 3
            && ow.iter().all(|w| !is_cap(w))
            && ow
                .last()
                .is_some_and(|w| ORG_NOUNS.contains(&lower(w).as_str()));
        // A short form names a known organisation by its first or last words
        // ("Kraft" → "Kraft Foods", "France Telecom" → "France Telecom SA");
        // a multi-word name never matches by a shared suffix such as "SA".
        let words_of_o = |o: &str| o.split_whitespace().map(lower).collect::<Vec<_>>();
        let short: Vec<String> = words_of_o(org);
        let full = self
            .known_orgs
            .iter()
            .filter(|o| {
                let ow = words_of_o(o);
                (short.len() == 1 && ow.last() == Some(&last))
                    || (short.len() > 1 && ow.ends_with(&short))
                    || ow.starts_with(&short)
                    || (acronym && initials(o) == org)
            })
            .max_by_key(|o| o.len())
            .cloned()
            // "the station", "the report": the organisation that spoke last.
            .or_else(|| {
                generic_noun
                    .then(|| {
                        self.known_orgs
                            .iter()
                            .rev()
                            .find(|o| o.chars().next().is_some_and(char::is_uppercase))
                            .cloned()
                    })
                    .flatten()
            });
        let (org, resolved) = match full {
            Some(f) if f.len() >= org.len() || generic_noun => (f, true),
            _ => {
                self.known_orgs.push(org.to_string());
                (org.to_string(), false)
            }
        };
        // A bare common noun ("the company") that names no self.known organisation
        // cannot be matched across reports.
        let generic = !resolved && org.split_whitespace().count() == 1 && !is_cap(&org);
        a.speaker_key = (!generic).then(|| lower(&org));
        // A person described by role ("her publicist", "his lawyer") can be
        // "he" or "she" later on.
        const PEOPLE: &[&str] = &[
            "publicist",
            "rep",
            "representative",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "lawyer",
            "attorney",
            "agent",
            "manager",
            "mother",
            "father",
            "wife",
            "husband",
            "son",
            "daughter",
            "brother",
            "sister",
            "friend",
            "coach",
            "doctor",
            "chief",
            "director",
        ];
        if org
            .split_whitespace()
            .any(|w| PEOPLE.contains(&lower(w).as_str()))
        {
            self.last_desc = Some((org.clone(), lower(&org)));
        }
        a.speaker = Some(org);
    }
}
