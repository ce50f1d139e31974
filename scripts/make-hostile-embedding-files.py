#!/usr/bin/env python3
"""Writes the small hostile embedding files of HostileEmbeddingFilesTest (committed under
embedding-store/src/test/resources/importer/hostile/). Each file holds exactly one fault, in the
style of public bug reports against gensim and fastText; its name says which and where.
Run once by hand: python3 scripts/make-hostile-embedding-files.py
"""
import json
import os
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "embedding-store", "src", "test", "resources",
                   "importer", "hostile")
BAD = b"caf\xc3"  # 'caf' and a lone UTF-8 lead byte
BAD2 = b"caf\xc4"  # another one: both used to decode to 'caf\ufffd'


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def lines(n, bad_at=None, first=1):
    """n text vector lines 'w<i> 0.1 0.2'; the line numbered bad_at (counting from first) has BAD."""
    out = b""
    for i in range(n):
        word = BAD if first + i == bad_at else b"w%d" % i
        out += word + b" 0.1 0.2\n"
    return out


def record(word, values):
    return word + b" " + struct.pack("<%df" % len(values), *values) + b"\n"


os.makedirs(OUT, exist_ok=True)
# Text: invalid UTF-8 early and late (the line counter used to run ahead with the read buffer).
write("glove-bad-utf8-line-2.txt", lines(3, bad_at=2))
write("glove-bad-utf8-line-2501.txt", lines(2600, bad_at=2501))
write("word2vec-bad-utf8-line-2502.txt", b"2600 2\n" + lines(2600, bad_at=2502, first=2))
write("fasttext-bad-utf8-line-2502.vec",
      b"2600 2\n</s> 0.1 0.2\n" + lines(2599, bad_at=2502, first=3))
# Text: header counts, both ways.
four = b"alpha 0.1 0.2\nbeta 0.3 0.4\ngamma 0.5 0.6\ndelta 0.7 0.8\n"
write("word2vec-header-5-over-4-and-blank-line.txt", b"5 2\n" + four + b"\n")
write("word2vec-header-5-over-4.txt", b"5 2\n" + four)
write("word2vec-header-3-over-4.txt", b"3 2\n" + four)
write("fasttext-header-3-over-2.vec", b"3 2\n</s> 0.1 0.2\nalpha 0.3 0.4\n")
# Text: dimension; the old reader made the word 'alpha 0.1' and shifted the vector.
write("word2vec-header-d3-over-4-values.txt", b"2 3\nalpha 0.1 0.2 0.3 0.4\nbeta 0.5 0.6 0.7 0.8\n")
write("glove-line-3-has-3-values.txt", b"alpha 0.1 0.2\nbeta 0.3 0.4\ngamma 0.5 0.6 0.7\n")
# Text: words that are not words.
write("glove-space-token-line-2.txt", b"the 0.1 0.2\n  0.3 0.4\nsat 0.5 0.6\n")
write("glove-nbsp-token-line-2.txt", b"the 0.1 0.2\n\xc2\xa0 0.3 0.4\nsat 0.5 0.6\n")
write("glove-duplicate-line-3.txt", b"the 0.1 0.2\ncat 0.3 0.4\nthe 0.5 0.6\n")
# word2vec binary.
write("word2vec-bin-bad-utf8-record-2.bin",
      b"3 2\n" + record(b"the", [0.1, 0.2]) + record(BAD, [0.3, 0.4]) + record(BAD2, [0.5, 0.6]))
write("word2vec-bin-empty-word-record-2.bin",
      b"2 2\n" + record(b"the", [0.1, 0.2]) + record(b" ", [0.3, 0.4]))
write("word2vec-bin-duplicate-record-3.bin",
      b"3 2\n" + record(b"the", [0.1, 0.2]) + record(b"cat", [0.3, 0.4]) + record(b"the", [0.5, 0.6]))
write("word2vec-bin-header-2-over-3.bin",
      b"2 2\n" + record(b"the", [0.1, 0.2]) + record(b"cat", [0.3, 0.4]) + record(b"sat", [0.5, 0.6]))
write("word2vec-bin-header-4-over-3.bin",
      b"4 2\n" + record(b"the", [0.1, 0.2]) + record(b"cat", [0.3, 0.4]) + record(b"sat", [0.5, 0.6]))
write("word2vec-bin-header-d3-over-4-values.bin",
      b"2 3\n" + record(b"alpha", [1.0, 2.0, 3.0, 4.0]) + record(b"beta", [5.0, 6.0, 7.0, 8.0]))


# wink JSON (words, then vectors: d values, the norm, the index).
def wink(words, vectors, d=2):
    body = '{"dimensions":%d,"words":[%s],\n"vectors":{\n%s\n}}' % (
        d, ",".join(json.dumps(w, ensure_ascii=False) for w in words),
        ",\n".join("%s:%s" % (json.dumps(w, ensure_ascii=False), json.dumps(v)) for w, v in vectors))
    return body.encode("utf-8")


ok = [("the", [0.1, 0.2, 0.22, 0]), ("cat", [0.3, 0.4, 0.5, 1])]
write("wink-bad-utf8.json",
      wink(["the", "cat"], ok).replace(b'"cat"]', b'"caf\xc3"]'))
write("wink-empty-word.json", wink(["the", ""], [ok[0], ("", [0.3, 0.4, 0.5, 1])]))
write("wink-whitespace-word.json", wink(["the", " "], [ok[0], (" ", [0.3, 0.4, 0.5, 1])]))
write("wink-duplicate-word.json", wink(["the", "cat", "the"], ok))
write("wink-vector-not-in-words.json", wink(["the", "cat"], ok + [("sat", [0.5, 0.6, 0.7, 2])]))
write("wink-repeated-vector.json", wink(["the", "cat"], ok + [ok[1]]))
write("wink-missing-vector.json", wink(["the", "cat", "sat"], ok))
write("wink-vector-of-3-values.json",
      wink(["the", "cat"], [ok[0], ("cat", [0.3, 0.4, 0.5, 0.6, 1])]))
