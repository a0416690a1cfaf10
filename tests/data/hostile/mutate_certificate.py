#!/usr/bin/env python3
"""Deterministic mutations of a certificate for tests/cli/hostile_invocations.sh (issue 15).

usage: mutate_certificate.py CERT OUTDIR COUNT
Writes OUTDIR/m0000.jsonl ... : each the certificate with one or a few hostile edits (digits
changed, bytes inserted/deleted, lines truncated/duplicated/dropped/swapped, numbers replaced by
huge/NaN/inf/negative texts, keys renamed, deep nesting, long lines, NUL and invalid UTF-8).
"""
import os
import random
import re
import sys

HOSTILE_NUMBERS = ["nan", "NaN", "inf", "-inf", "1e400", "-1e400", "1e-400", "-0", "0",
                   "4294967296", "18446744073709551616", "-1", "99999999999999999999999", "\"x\"",
                   "null", "true", "[]", "{}", "1e", "--1", "0x10"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    kind = rng.randrange(14)
    i = rng.randrange(len(lines))
    line = lines[i]
    if kind == 0 and line:  # change one digit
        pos = [m.start() for m in re.finditer(rb"[0-9]", line)]
        if pos:
            p = rng.choice(pos)
            line = line[:p] + bytes([rng.choice(b"0123456789")]) + line[p + 1:]
    elif kind == 1:  # insert random bytes
        p = rng.randrange(len(line) + 1)
        line = line[:p] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + line[p:]
    elif kind == 2 and line:  # delete a span
        p = rng.randrange(len(line))
        line = line[:p] + line[p + rng.randrange(1, 20):]
    elif kind == 3:  # truncate
        line = line[:rng.randrange(len(line) + 1)]
    elif kind == 4:  # duplicate the line
        lines.insert(i, line)
    elif kind == 5 and len(lines) > 1:  # drop the line
        del lines[i]
        return b"\n".join(lines)
    elif kind == 6 and len(lines) > 2:  # swap two lines
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    elif kind == 7:  # a number (quoted or not) replaced by a hostile text
        nums = list(re.finditer(rb"-?[0-9][0-9.eE+-]*", line))
        if nums:
            m = rng.choice(nums)
            line = line[:m.start()] + rng.choice(HOSTILE_NUMBERS).encode() + line[m.end():]
    elif kind == 8:  # a key renamed
        keys = list(re.finditer(rb'"([a-z_]+)":', line))
        if keys:
            m = rng.choice(keys)
            line = line[:m.start(1)] + m.group(1)[::-1] + line[m.end(1):]
    elif kind == 9:  # deep nesting inserted
        n = rng.choice([100, 10000, 1000000])
        line = b"[" * n + b"]" * n if rng.random() < 0.5 else line[:-1] + b',"x":' + b"[" * n + b"]" * n + b"}"
    elif kind == 10:  # a long line
        line = line[:-1] + b',"pad":"' + b"9" * rng.choice([10 ** 4, 10 ** 6]) + b'"}'
    elif kind == 11:  # NUL / invalid UTF-8
        p = rng.randrange(len(line) + 1)
        line = line[:p] + rng.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\r"]) + line[p:]
    elif kind == 12:  # an unterminated / doubled structure
        line = line + rng.choice([b"{", b"}", b"[", b"]]", b'"'])
    else:  # the whole file truncated at a random byte
        return data[:rng.randrange(len(data) + 1)]
    lines[i] = line
    return b"\n".join(lines)


def main() -> None:
    cert, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = open(cert, "rb").read()
    os.makedirs(out, exist_ok=True)
    rng = random.Random(15)
    for k in range(count):
        m = data
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            m = mutate(m, rng)
        open(os.path.join(out, "m%04d.jsonl" % k), "wb").write(m)


if __name__ == "__main__":
    main()
