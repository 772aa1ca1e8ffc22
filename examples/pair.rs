//! Print the aligner's similarity of two sentences of two files:
//! `cargo run --example pair -- A.txt 3 B.txt 5` (sentence ids as `storydiff segment` shows).
use storydiff::document::Document;
use storydiff::ingest::read_source;

fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    if a.len() != 4 {
        eprintln!("usage: pair A.txt ID B.txt ID");
        std::process::exit(2);
    }
    let load = |p: &str| read_source(p, p).map(|s| Document::build(&s));
    let (Ok(da), Ok(db)) = (load(&a[0]), load(&a[2])) else {
        eprintln!("cannot read inputs");
        std::process::exit(2);
    };
    let (Ok(ia), Ok(ib)) = (a[1].parse::<usize>(), a[3].parse::<usize>()) else {
        eprintln!("ids must be numbers");
        std::process::exit(2);
    };
    let docs = [da, db];
    for (d, i) in [(0, ia), (1, ib)] {
        if let Some(s) = docs[d].sentences.get(i) {
            println!("{}: {:?}", s.clean, s.features.terms);
        }
    }
    println!(
        "similarity {:.3}",
        storydiff::align::similarity(&docs, (0, ia), (1, ib))
    );
}
