#!/usr/bin/env python3
"""Reference CMP rewriting in numpy only: batched brute-force nearest neighbour, as research code does it.

Reads a dx-rewrite store (format version 1) with numpy.memmap, tokenizes the corpus into words the
way dx-rewrite does (runs of letters, digits and combining marks; looked up lower-cased; OOV words
perturbed from the mean vector), adds multivariate Laplace noise (direction: normalised Gaussian,
radius: Gamma(d, 1/epsilon)) and snaps each noisy vector to argmin ||w||^2 - 2 z.w over the whole
vocabulary, in batches. Prints one JSON line with words, seconds, words/s and peak RSS.

usage: cmp_numpy.py --store STORE --input CORPUS --epsilon E [--batch 256] [--seed N]
"""
import argparse
import json
import re
import resource
import struct
import sys
import time

import numpy as np

WORD = re.compile(r"[^\W_]+|_", re.UNICODE)


def open_store(path):
    with open(path, "rb") as f:
        header = f.read(128)
    if header[:8] != b"DXRWEMB\n":
        sys.exit(f"cmp_numpy: {path}: not a dx-rewrite store")
    version, v, d = struct.unpack_from("<iii", header, 8)
    if version != 1:
        sys.exit(f"cmp_numpy: {path}: store format version {version} is not supported")
    (vocab_off, vocab_len, hash_off, hash_slots, matrix_off, norms_off) = struct.unpack_from("<qqqqqq", header, 40)
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    offsets = np.frombuffer(raw[vocab_off:vocab_off + 4 * (v + 1)], dtype="<i4")
    words_bytes = bytes(raw[vocab_off + 4 * (v + 1):vocab_off + vocab_len])
    vocab = {}
    for i in range(v):
        vocab.setdefault(words_bytes[offsets[i]:offsets[i + 1]].decode("utf-8"), i)
    matrix = np.frombuffer(raw[matrix_off:matrix_off + 4 * v * d], dtype="<f4").reshape(v, d)
    norms = np.frombuffer(raw[norms_off:norms_off + 4 * v], dtype="<f4")
    return vocab, matrix, norms


def peak_rss_mb():
    """This process's own peak RSS. getrusage's ru_maxrss is not: Linux keeps the high-water mark of
    the memory image replaced by exec, and a child forked from the JVM starts as a copy of the JVM,
    so ru_maxrss reported the JVM's peak (every numpy row equalled the JVM row before it). VmHWM in
    /proc/self/status belongs to the current image; ru_maxrss is the fallback off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--input", required=True)
    ap.add_argument("--epsilon", type=float, required=True)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    vocab, matrix, norms = open_store(args.store)
    v, d = matrix.shape
    mean = matrix.mean(axis=0, dtype=np.float64).astype(np.float32)
    with open(args.input, encoding="utf-8") as f:
        text = f.read()
    # Python's \w also matches "_", which dx-rewrite treats as punctuation; the pattern above
    # keeps words to letters and digits (combining marks are rare in the benchmark corpora).
    words = [w.lower() for w in WORD.findall(text) if w != "_"]
    rng = np.random.default_rng(args.seed)
    start = time.perf_counter()
    ids = np.array([vocab.get(w, -1) for w in words], dtype=np.int64)
    points = np.where(ids[:, None] >= 0, matrix[np.maximum(ids, 0)], mean[None, :])
    out = np.empty(len(words), dtype=np.int64)
    for s in range(0, len(words), args.batch):
        p = points[s:s + args.batch]
        g = rng.standard_normal(p.shape).astype(np.float32)
        g /= np.linalg.norm(g, axis=1, keepdims=True)
        r = rng.gamma(d, 1.0 / args.epsilon, size=(p.shape[0], 1)).astype(np.float32)
        z = p + r * g
        scores = z @ matrix.T  # float32 GEMM; batch 256 measured fastest here (64-1024 tried)
        scores *= -2.0
        scores += norms
        out[s:s + args.batch] = np.argmin(scores, axis=1)
    seconds = time.perf_counter() - start
    rss_mb = peak_rss_mb()
    print(json.dumps({
        "implementation": "numpy " + np.__version__,
        "words": len(words),
        "seconds": seconds,
        "words_per_second": len(words) / seconds,
        "peak_rss_mb": rss_mb,
        "changed": int(np.sum(out != ids)),
    }))


if __name__ == "__main__":
    main()
