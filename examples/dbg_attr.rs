fn main() {
    let s: Vec<String> = std::env::args().skip(1).collect();
    let r: Vec<&str> = s.iter().map(String::as_str).collect();
    for a in storydiff::attribution::attribute(&r) {
        println!(
            "{:?} {:?} {:?} {:?}",
            a.cue, a.speaker, a.verb, a.quote_spans
        );
    }
}
