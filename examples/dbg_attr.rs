//! Print the attribution of each sentence given as an argument, in order;
//! with `--time FILE…`, time the tagger's load and tagging of those files' lines.
fn main() {
    let s: Vec<String> = std::env::args().skip(1).collect();
    if s.first().map(String::as_str) == Some("--time") {
        let t = std::time::Instant::now();
        let m = storydiff::tag::model();
        println!("load {:?} ({} features)", t.elapsed(), m.len());
        let texts: Vec<String> = s[1..]
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        let t = std::time::Instant::now();
        let mut n = 0;
        for text in &texts {
            for line in text.split(". ") {
                n += storydiff::tag::tag(line).len();
            }
        }
        println!("tagged {n} tokens in {:?}", t.elapsed());
        let t = std::time::Instant::now();
        for text in &texts {
            let sents: Vec<&str> = text.split(". ").collect();
            storydiff::attribution::attribute(&sents);
        }
        println!("attributed in {:?}", t.elapsed());
        return;
    }
    let r: Vec<&str> = s.iter().map(String::as_str).collect();
    for a in storydiff::attribution::attribute(&r) {
        println!(
            "{:?} {:?} role {:?} {:?} {:?}",
            a.cue, a.speaker, a.role, a.verb, a.quote_spans
        );
    }
}
