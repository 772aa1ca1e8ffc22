//! storydiff's WordPiece tokenizer and sentence vectors against the
//! reference (Hugging Face tokenizers and model2vec, run on sentences
//! written for this test: `tests/data/wordpiece.json`).

use storydiff::embed;

#[test]
fn word_pieces_match_the_reference_tokenizer() {
    // Same pieces as BERT's uncased tokenizer: accents, quotes, dashes,
    // numbers, abbreviations, CJK, control characters, long words.
    let data: serde_json::Value =
        serde_json::from_str(include_str!("data/wordpiece.json")).expect("test data is JSON");
    let v = embed::vectors().expect("table");
    for case in data["cases"].as_array().expect("cases") {
        let text = case["text"].as_str().expect("text");
        let want: Vec<&str> = case["pieces"]
            .as_array()
            .expect("pieces")
            .iter()
            .map(|p| p.as_str().expect("piece"))
            .collect();
        assert_eq!(v.pieces(text), want, "{text:?}");
    }
}

#[test]
fn sentence_vectors_match_the_reference_pooling() {
    // The mean of the word pieces' vectors, normalised, as model2vec
    // computes it; the table's 8-bit values cost at most 0.01 per dimension.
    let data: serde_json::Value =
        serde_json::from_str(include_str!("data/wordpiece.json")).expect("test data is JSON");
    let v = embed::vectors().expect("table");
    for case in data["cases"].as_array().expect("cases") {
        let text = case["text"].as_str().expect("text");
        let got = v.embed(text);
        for (i, want) in case["vector"]
            .as_array()
            .expect("vector")
            .iter()
            .enumerate()
        {
            let want = want.as_f64().expect("number") as f32;
            assert!(
                (got[i] - want).abs() < 0.01,
                "{text:?} dim {i}: {} vs {want}",
                got[i]
            );
        }
    }
}
