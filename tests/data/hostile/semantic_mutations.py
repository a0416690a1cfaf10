#!/usr/bin/env python3
"""Seeded semantic mutations of a committed proof certificate for tests/cli/verify_mutations.sh
(issue 15): each output is the certificate with one edit whose effect on the proof is known.

usage: semantic_mutations.py CERT OUTDIR COUNT SEED

Writes OUTDIR/<class>-<kind>-NNNN.jsonl, <class> one of
  break  the edit changes a number or a type the proof depends on, so the file is no proof of
         its header's claim any more: verify must not accept it (exit 1 or 2, never 0);
  same   the edit keeps the meaning (the same JSON values): verify must accept it (exit 0);
  any    the edit changes something whose effect is not known here (a lemma name, a fixed
         parameter, the claim, the recorded precision, a run statistic): verify may accept or
         reject it (exit 0, 1 or 2), but must end in time without a crash.
Each file's first line says nothing: the class and kind are in its name only. The mutations
read the JSON (header, leaves, summary) and re-serialize only the line they change.
"""
import json
import os
import random
import sys
from decimal import Decimal, InvalidOperation

DELTAS = ["1", "-1", "0.5", "-0.5", "0.001", "-0.001", "1e-9", "-1e-9", "100"]


def dumps(j):
    return json.dumps(j, sort_keys=True, separators=(",", ":"))


def changed_decimal(text, rng):
    """A decimal string of a different value than `text` (which may be "inf"/"-inf")."""
    if text in ("inf", "-inf", "+inf"):
        return rng.choice(["0", "1e6", "-1e6"])
    try:
        v = Decimal(text)
    except InvalidOperation:
        return text + "1"
    w = v + Decimal(rng.choice(DELTAS))
    if w == v:  # only if the delta underflowed the context: take a sure change
        w = v + 1
    return str(w)


def same_decimal(text, rng):
    """A spelling of the same value (trailing zero, exponent form): "same" only for JSON equality
    after parsing as a decimal, which the strict reader may refuse: used for the `any` class."""
    if text in ("inf", "-inf"):
        return text
    return rng.choice([text + "0" if "." in text else text + ".0", str(Decimal(text).normalize())])


def nested_pairs(j, prefix=()):
    """Paths to every [lo, hi] pair of decimal strings inside a leaf (recorded enclosures)."""
    out = []
    if isinstance(j, list):
        if len(j) == 2 and all(isinstance(x, str) for x in j):
            try:
                Decimal(j[0]), Decimal(j[1])
                out.append(prefix)
            except InvalidOperation:
                pass
        for i, x in enumerate(j):
            out += nested_pairs(x, prefix + (i,))
    elif isinstance(j, dict):
        for k, x in j.items():
            out += nested_pairs(x, prefix + (k,))
    return out


def get(j, path):
    for p in path:
        j = j[p]
    return j


def mutate(lines, rng):
    """Returns (class, kind, new_lines)."""
    header = json.loads(lines[0])
    leaf_idx = [i for i in range(1, len(lines)) if lines[i] and "summary" not in json.loads(lines[i])]
    sum_idx = [i for i in range(1, len(lines)) if lines[i] and "summary" in json.loads(lines[i])]
    out = list(lines)
    i = rng.choice(leaf_idx)
    leaf = json.loads(lines[i])
    kinds = ["leaf-box", "drop-leaf", "duplicate-leaf", "evidence-unknown", "header-box",
             "summary-leaves", "summary-status", "summary-counts", "drop-summary",
             "reorder-keys", "whitespace", "lemma-name", "fixed-param", "bits", "stats"]
    if "path" in leaf and leaf["path"]:
        kinds += ["path-split", "path-side"]
    if "sign" in leaf:
        kinds += ["sign"]
    # recorded enclosures (not the box, the split path or the coordinates of a located point)
    pairs = [p for p in nested_pairs(leaf) if p[0] not in ("box", "path") and "point" not in p and "faces" not in p]
    if pairs:
        kinds += ["enclosure-shift"]
    kind = rng.choice(kinds)

    if kind == "leaf-box":
        box = leaf.get("box") if "box" in leaf else None
        if box is None:  # stationary-set regions: an end of a region interval
            reg = leaf["region"]
            var = rng.choice([k for k in reg if isinstance(reg[k], dict)])
            end = rng.choice(["lo", "hi"])
            reg[var][end] = changed_decimal(reg[var][end], rng)
        else:
            d, e = rng.randrange(len(box)), rng.randrange(2)
            box[d][e] = changed_decimal(box[d][e], rng)
        out[i] = dumps(leaf)
        return "break", kind, out
    if kind == "path-split":
        k = rng.randrange(len(leaf["path"]))
        leaf["path"][k][1] = changed_decimal(leaf["path"][k][1], rng)
        out[i] = dumps(leaf)
        return "break", kind, out
    if kind == "path-side":
        k = rng.randrange(len(leaf["path"]))
        leaf["path"][k][2] = 1 - leaf["path"][k][2]
        out[i] = dumps(leaf)
        return "break", kind, out
    if kind == "sign":
        leaf["sign"] = -leaf["sign"]
        out[i] = dumps(leaf)
        return "break", kind, out
    if kind == "enclosure-shift":  # a recorded enclosure moved off the exact value
        p = rng.choice(pairs)
        lo, hi = (Decimal(x) for x in get(leaf, p))
        shift = max(abs(lo), abs(hi), hi - lo, Decimal(1)) * 4 * rng.choice([1, -1])
        get(leaf, p[:-1])[p[-1]] = [str(lo + shift), str(hi + shift)]
        out[i] = dumps(leaf)
        return "break", kind, out
    if kind == "drop-leaf":
        del out[i]
        return "break", kind, out
    if kind == "duplicate-leaf":
        out.insert(i, out[i])
        return "break", kind, out
    if kind == "evidence-unknown":
        leaf["evidence"] = "unknown"
        out[i] = dumps(leaf)
        return "break", kind, out
    if kind == "header-box":
        box = header.get("box")
        if box and "lo" in box:
            end = rng.choice(["lo", "hi"])
            d = rng.randrange(len(box[end]))
            box[end][d] = changed_decimal(box[end][d], rng)
            out[0] = dumps(header)
            return "break", kind, out
        kind = "summary-leaves"  # a stationary-set header has no box
    if kind in ("summary-leaves", "summary-status", "summary-counts", "drop-summary", "stats"):
        s = sum_idx[-1]
        summ = json.loads(lines[s])
        body = summ["summary"]
        if kind == "drop-summary":
            del out[s]
            return "break", kind, out
        if kind == "summary-leaves" and "leaves" in body:
            body["leaves"] += rng.choice([1, -1, 1000])
        elif kind == "summary-counts" and isinstance(body.get("counts"), dict) and body["counts"]:
            k = rng.choice(sorted(body["counts"]))
            body["counts"][k] += rng.choice([1, -1])
        elif kind == "stats" and isinstance(body.get("stats"), dict) and "seconds" in body["stats"]:
            body["stats"]["seconds"] = rng.choice([0.0, 12.5, 1e6])
            out[s] = dumps(summ)
            return "any", kind, out
        else:
            kind = "summary-status"
            body["status"] = rng.choice(["refuted", "incomplete", "proved-ish", ""]) \
                if body.get("status") == "proved" else "proved"
        out[s] = dumps(summ)
        return "break", kind, out
    if kind == "reorder-keys":  # the same JSON object, keys in another order
        items = list(leaf.items())
        rng.shuffle(items)
        out[i] = json.dumps(dict(items), separators=(",", ":"))
        return "same", kind, out
    if kind == "whitespace":  # the same JSON, other spacing
        out[i] = json.dumps(leaf, sort_keys=True, separators=(", ", ": "))
        return "same", kind, out
    if kind == "lemma-name" and "lemma" in leaf:
        leaf["lemma"] = rng.choice([x for x in ["S1", "S2", "S3", "S7", "S10", "S11", "K7"] if x != leaf["lemma"]])
        out[i] = dumps(leaf)
        return "any", kind, out
    if kind == "fixed-param" and isinstance(header.get("model", {}).get("fixed"), dict) and header["model"]["fixed"]:
        fx = header["model"]["fixed"]
        k = rng.choice(sorted(fx))
        fx[k] = rng.choice([changed_decimal(fx[k], rng), same_decimal(fx[k], rng)])
        out[0] = dumps(header)
        return "any", kind, out
    if "bits" in leaf:
        leaf["bits"] = rng.choice([24, 53, 64, 128, 4096])
        out[i] = dumps(leaf)
        return "any", "bits", out
    out[i] = out[i] + " "
    return "any", "trailing-space", out


def main():
    cert, outdir, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    lines = open(cert).read().split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    for n in range(count):
        cls, kind, out = mutate(lines, rng)
        with open(os.path.join(outdir, "%s-%s-%04d.jsonl" % (cls, kind, n)), "w") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
