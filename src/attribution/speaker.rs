//! Speakers: splitting a speaker phrase into name and role, mediums, and
//! the owners of documents.

use super::*;

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Split "Deputy Foreign Minister Sergei Antonov" into (name, role).
pub(super) fn split_role(phrase: &str) -> (Option<String>, Option<String>) {
    let ws = words_of(phrase);
    if ws.is_empty() {
        return (None, None);
    }
    // Name: the trailing run of capitalised words that are not role words.
    // A surname that is also a title word ("Cpl. Janice Leader", "Foreign
    // Secretary Tom King") ends a name when a first name and a title stand
    // before it.
    let role = |w: &str| ROLES.contains(lower(w).trim_end_matches('.'));
    let n = ws.len();
    let title_surname = n >= 3
        && is_cap(ws[n - 1])
        && role(ws[n - 1])
        && is_cap(ws[n - 2])
        && !role(ws[n - 2])
        && role(ws[n - 3]);
    let mut k = if title_surname { n - 1 } else { n };
    // A capitalised common noun before a person's name of two words or more
    // is a title ("Genesee County Sheriff Robert J Pickell", "Undersheriff
    // James Gage"): the name after it holds no common noun, company suffix
    // or organisation word ("West Coast Bank" stays whole).
    let name_after = |k: usize| {
        let rest = &ws[k..];
        rest.len() >= 2
            && rest.iter().all(|w| {
                let l = lower(w);
                let l = l.trim_end_matches('.');
                is_cap(w)
                    && !COMMON_NOUNS.contains(l)
                    && !ORGANISATIONS.contains(l)
                    && !corporate_suffix(w)
            })
    };
    // A possessive stops the name ("Interoute's Wright": the company is
    // part of the description).
    while k > 0
        && is_cap(ws[k - 1])
        && !(k < ws.len() && (ws[k - 1].ends_with("'s") || ws[k - 1].ends_with("’s")))
        && !ROLES.contains(lower(ws[k - 1]).trim_end_matches('.'))
        && !(title_noun(ws[k - 1]) && name_after(k))
        && !ANONYMOUS.contains(&lower(ws[k - 1]))
        && !(matches!(
            lower(ws[k - 1]).as_str(),
            "the" | "a" | "an" | "two" | "three" | "several" | "some" | "many" // A capital "A" inside a name is an initial ("Rabie A. Atti").
        ) && !(ws[k - 1] == "A" && k > 1))
    {
        k -= 1;
        // "of" inside a name ("U.S. Department of Agriculture", "Bank of
        // America"), after a capitalised word that is no title ("Minister
        // of Education Stefania Giannini" keeps its name after "of").
        if k >= 2
            && ws[k - 1] == "of"
            && is_cap(ws[k - 2])
            && !ROLES.contains(lower(ws[k - 2]).trim_end_matches('.'))
            && !ws[k - 2].ends_with("'s")
            && !ws[k - 2].ends_with("’s")
        {
            k -= 1;
        }
    }
    let name = (k < ws.len()).then(|| ws[k..].join(" "));
    // Articles inside a role stay ("CEO of the Refugee Council"); a leading
    // one goes.
    let role_words: Vec<&str> = ws[..k]
        .iter()
        .copied()
        .skip_while(|w| matches!(lower(w).as_str(), "the" | "a" | "an"))
        .collect();
    let role = (!role_words.is_empty()).then(|| role_words.join(" "));
    (name, role)
}

/// A capitalised common noun, or a compound ending in one ("Undersheriff"):
/// a title when a name follows it.
fn title_noun(w: &str) -> bool {
    let l = lower(w);
    is_cap(w)
        && (COMMON_NOUNS.contains(&l)
            || l.char_indices()
                .filter(|&(i, _)| i >= 2 && l.len() - i >= 5)
                .any(|(i, _)| l.is_char_boundary(i) && COMMON_NOUNS.contains(&l[i..])))
}

/// Mediums and addressees after a verb: "told RBC", "in a statement",
/// "on Twitter", "on Fox News Sunday".
pub(super) fn medium_after(rest: &str) -> Option<String> {
    let r = rest.trim_start();
    let lower_r = r.to_lowercase();
    for p in [
        "in a statement",
        "in an interview",
        "in a post",
        "in a tweet",
        "in a letter",
    ] {
        if lower_r.starts_with(p) {
            return Some(p.trim_start_matches("in ").to_string());
        }
    }
    for p in ["on ", "to ", "in "] {
        if let Some(x) = lower_r.strip_prefix(p) {
            let orig = &r[p.len()..];
            let ws = words_of(orig);
            let caps = leading_caps(&ws);
            let when = caps
                .first()
                .is_some_and(|w| crate::text::is_time_word(&lower(w)));
            if !caps.is_empty() && !x.is_empty() && !when {
                return Some(caps.join(" "));
            }
        }
    }
    None
}

/// "this L.A. Times story" → "L.A. Times": the outlet behind a document
/// named with a determiner and a document noun.
pub(super) fn document_owner(phrase: &str) -> String {
    // "the Office of the Surgeon General's Web site", "the company's
    // statement": the owner of a document or page named by common nouns.
    for mark in ["'s ", "’s "] {
        if let Some((owner, doc)) = phrase.rsplit_once(mark) {
            let dw: Vec<String> = doc.split_whitespace().map(lower).collect();
            let docs = !dw.is_empty()
                && dw.len() <= 3
                && dw.iter().all(|w| {
                    matches!(
                        w.as_str(),
                        "web"
                            | "site"
                            | "website"
                            | "page"
                            | "home"
                            | "blog"
                            | "statement"
                            | "press"
                            | "release"
                            | "report"
                            | "filing"
                            | "letter"
                            | "announcement"
                            | "account"
                            | "twitter"
                            | "facebook"
                            | "official"
                            | "online"
                    )
                });
            if docs && owner.split_whitespace().any(is_cap) {
                return owner.trim().to_string();
            }
        }
    }
    let mut ws: Vec<&str> = phrase.split_whitespace().collect();
    if ws.len() > 2
        && matches!(lower(ws[0]).as_str(), "this" | "that" | "a" | "an" | "the")
        && ws[1].chars().next().is_some_and(char::is_uppercase)
    {
        ws.remove(0);
    }
    if ws.len() > 1
        && matches!(
            lower(ws[ws.len() - 1]).as_str(),
            "story" | "report" | "article" | "piece" | "statement" | "account" | "analysis"
        )
        && ws[ws.len() - 2]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        ws.pop();
    }
    ws.join(" ")
}

/// The capitalised words that open `ws`, after an optional "the": a name
/// such as "the Volna news agency" → `["Volna"]`.
pub(super) fn leading_caps<'a>(ws: &[&'a str]) -> Vec<&'a str> {
    ws.iter()
        .copied()
        .skip_while(|w| lower(w) == "the")
        .take_while(|w| is_cap(w))
        .collect()
}

/// The byte offset of the first full stop that ends a sentence in `s`: a
/// dot followed by a space or the end, not the dot of a title ("Dr.",
/// "Capt.") or an initial ("J.", "L.A.").
pub(super) fn sentence_dot(s: &str) -> Option<usize> {
    s.match_indices('.').map(|(k, _)| k).find(|&k| {
        let ends = s[k + 1..].starts_with(char::is_whitespace) || k + 1 == s.len();
        let word = s[..k].rsplit([' ', '.']).next().unwrap_or("");
        let abbrev = word.len() == 1
            || s[..k].rsplit(' ').next().is_some_and(|w| w.contains('.'))
            || (is_cap(word) && ROLES.contains(&lower(word)));
        ends && !abbrev
    })
}

/// A speaker named after the verb, without what follows the name: "agent
/// Mark Roesler in a written statement" → "agent Mark Roesler"; a phrase
/// that starts with a preposition ("in a telephone interview") names no one.
pub(super) fn phrase_before_preposition(obj: &str) -> &str {
    let mut pos = 0;
    for w in obj.split(' ') {
        if matches!(
            w,
            "in" | "on" | "at" | "during" | "after" | "before" | "with" | "from" | "to" | "via"
        ) {
            return obj[..pos].trim_end();
        }
        pos += w.len() + 1;
    }
    obj
}

/// Words that end a company's name ("Inc.", "SA").
pub(super) fn corporate_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches(['.', ',']),
        "Inc"
            | "Co"
            | "Corp"
            | "Ltd"
            | "LLC"
            | "Plc"
            | "PLC"
            | "plc"
            | "SA"
            | "AG"
            | "NV"
            | "SE"
            | "GmbH"
            | "SpA"
            | "AB"
            | "ASA"
            | "Group"
            | "Holdings"
    )
}

/// The longest name in the report that an organisation's short form
/// stands for: the short form followed by more capitalised words up to a
/// company suffix or the end of the phrase ("Kraft" → "Kraft Foods" in
/// "Kraft Foods, the maker of …"; "France Telecom" → "France Telecom SA"),
/// or the capitalised words whose initials spell an acronym ("AMD" →
/// "Advanced Micro Devices Inc."). A name followed by a lower-case word
/// ("AMD Opteron chips") is a modifier, not the organisation's name.
pub(super) fn fullest_org(sentences: &[&str], short: &str) -> Option<String> {
    let sw: Vec<&str> = short.split_whitespace().collect();
    let acronym = sw.len() == 1
        && (2..=6).contains(&short.len())
        && short.chars().all(|c| c.is_ascii_uppercase());
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-' && c != '&')
            .trim_end_matches(',')
            .to_string()
    };
    let mut best: Option<String> = None;
    for text in sentences {
        if !acronym
            && sw
                .first()
                .is_some_and(|f| !text.contains(f.trim_end_matches('.')))
        {
            continue;
        }
        let toks: Vec<&str> = text.split_whitespace().collect();
        // A headline in title case ("Kraft Factory Shooting: Police") does
        // not show where a name ends.
        if title_case(text) {
            continue;
        }
        for i in 0..toks.len() {
            // Runs start only where the short form's first word (or the
            // acronym's first letter) stands.
            let head = clean(toks[i]);
            let starts = if acronym {
                head.starts_with(&short[..1]) && is_cap(&head)
            } else {
                sw.first()
                    .is_some_and(|f| head.trim_end_matches('.') == f.trim_end_matches('.'))
            };
            if !starts {
                continue;
            }
            // A run of capitalised words from token i (at most 6), ending
            // at punctuation after a word.
            let mut run: Vec<String> = Vec::new();
            let mut closed = false;
            for t in toks.iter().skip(i).take(6) {
                let w = clean(t);
                if w.is_empty() || !is_cap(&w) || ROLES.contains(&lower(&w)) {
                    break;
                }
                run.push(w.trim_end_matches(['’', '\'']).to_string());
                if t.ends_with([',', ';', ':', ')']) || t.ends_with("'s") || t.ends_with("’s") {
                    closed = true;
                    break;
                }
            }
            if run.len() < 2 {
                continue;
            }
            let next = toks.get(i + run.len()).copied().unwrap_or("");
            // A company name ends in a capitalised plural ("Kraft Foods
            // plant", "Baltic Airlines jets"); a product name does not
            // ("AMD Opteron chips").
            let plural_end = run.last().is_some_and(|w| {
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s")
            });
            let ends_phrase = closed
                || plural_end
                || next.is_empty()
                || !next.chars().next().is_some_and(char::is_lowercase)
                || run
                    .last()
                    .is_some_and(|w| w.ends_with('.') && !corporate_suffix(w));
            let candidate = if acronym {
                // Initials of the words before a company suffix.
                let k = run
                    .iter()
                    .rposition(|w| corporate_suffix(w))
                    .unwrap_or(run.len());
                let take = run[..k].len();
                (2..=take).find_map(|n| {
                    let initials: String =
                        run[..n].iter().filter_map(|w| w.chars().next()).collect();
                    (initials == short).then(|| {
                        let end = if run.get(n).is_some_and(|w| corporate_suffix(w)) {
                            n + 1
                        } else {
                            n
                        };
                        run[..end].join(" ")
                    })
                })
            } else if run.len() >= sw.len()
                && run
                    .iter()
                    .zip(&sw)
                    .all(|(a, b)| a.trim_end_matches('.') == b.trim_end_matches('.'))
            {
                // The short form, then capitalised words to a company
                // suffix or to the end of the phrase.
                match run.iter().position(|w| corporate_suffix(w)) {
                    Some(k) if k >= sw.len() => Some(run[..=k].join(" ")),
                    _ if ends_phrase => Some(run.join(" ")),
                    _ => None,
                }
            } else {
                None
            };
            if let Some(c) = candidate.map(|c| c.trim_end_matches(',').to_string())
                && c != short
                && best.as_ref().is_none_or(|b| {
                    (c.split_whitespace().count(), c.len())
                        > (b.split_whitespace().count(), b.len())
                })
            {
                best = Some(c);
            }
        }
    }
    best
}

/// "a spokesman", "the spokeswoman", "a statement", "a company official":
/// an unnamed voice of an organisation, which speaks for the company the
/// report is about (when it names one).
pub(super) fn company_voice(phrase: &str) -> bool {
    let raw = words_of(phrase);
    let ws: Vec<String> = raw.iter().map(|w| lower(w)).collect();
    let ws: Vec<&str> = ws
        .iter()
        .map(String::as_str)
        .skip_while(|w| matches!(*w, "a" | "an" | "the"))
        .collect();
    let voice = |w: &str| matches!(w, "spokesman" | "spokeswoman" | "spokesperson");
    raw.iter()
        .all(|w| !is_cap(w) || matches!(lower(w).as_str(), "a" | "an" | "the"))
        && match ws[..] {
            [w] => voice(w) || w == "statement",
            [m, w] => {
                matches!(m, "company" | "firm" | "corporation" | "carrier")
                    && (voice(w) || matches!(w, "official" | "statement"))
            }
            _ => false,
        }
}

/// "the company", "the telecommunications firm": an organisation named by a
/// common noun only.
pub(super) fn company_noun(phrase: &str) -> bool {
    let ws: Vec<String> = words_of(phrase).iter().map(|w| lower(w)).collect();
    let ws: Vec<&str> = ws
        .iter()
        .map(String::as_str)
        .skip_while(|w| *w == "the")
        .collect();
    (1..=3).contains(&ws.len())
        && words_of(phrase)
            .iter()
            .all(|w| !is_cap(w) || lower(w) == "the")
        && ws
            .last()
            .is_some_and(|w| matches!(*w, "company" | "firm" | "corporation" | "carrier"))
}

/// Names with a company suffix in a text: "Advanced Micro Devices Inc.",
/// "Intel Corp.".
pub(super) fn company_names(text: &str) -> Vec<String> {
    let toks: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !corporate_suffix(t) || !is_cap(t) {
            continue;
        }
        let mut k = i;
        while k > 0
            && i - k < 5
            && is_cap(toks[k - 1])
            && !toks[k - 1].ends_with([',', ';', ':', '.'])
            && !corporate_suffix(toks[k - 1])
        {
            k -= 1;
        }
        if k < i {
            let name: Vec<&str> = toks[k..=i]
                .iter()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-'))
                .collect();
            out.push(name.join(" ").trim_end_matches(',').to_string());
        }
    }
    out
}
