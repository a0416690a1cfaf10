#!/usr/bin/env python3
"""Held-out semantic mutations of committed proof certificates (issue 15, acceptance): edits of
other kinds than semantic_mutations.py makes, for tests/cli/heldout_mutations.sh.

usage: heldout_mutations.py CERT OUTDIR COUNT SEED [OTHER_CERT]

Writes OUTDIR/<class>-<kind>-NNNN.jsonl with the classes of semantic_mutations.py:
  break  the file is no proof of its header's claim any more: verify must not accept it;
  same   the same JSON values: verify must accept it;
  any    effect not known here: verify ends 0/1/2 in time, without a crash.
The break kinds and why each is no proof:
  box-shrink       a leaf box end moved inward by 10^-19 (relative): the slab between it and the
                   neighbouring leaf is covered by no leaf;
  box-swap         a leaf box dimension written hi, lo (an empty or reversed interval);
  box-nonfinite    a leaf box end "nan", "inf", "-inf", "" or "1e999999999" (not the box);
  box-drop-dim     a leaf box without its last dimension;
  header-widen     a header box end moved outward by 10^-21 (relative): the leaves miss a slab;
  fixed-drop       a fixed parameter removed from the header's model (the model is undefined);
  enclosure-point  a recorded enclosure [lo, hi] replaced by [mid, mid] (it cannot contain the
                   verifier's recomputation of a non-constant quantity);
  enclosure-swap   a recorded enclosure written [hi, lo];
  enclosure-nan    an end of a recorded enclosure "nan";
  sign-zero        a leaf's sign 0;
  evidence-other   the evidence kind replaced by another existing kind;
  foreign-leaf     a leaf replaced by a leaf of another certificate whose box does not contain it;
  torn-leaf        the file cut inside a leaf line (no summary follows);
  torn-summary     the summary line cut in half;
  summary-undecided, summary-volume   a summary field the verdict depends on changed;
  region-open      (stationary set) a closed end of a region interval made open: the boundary
                   point is covered by no region.
same: unicode escapes in a leaf's strings, "\\/" for "/", reordered header keys, header spacing.
any:  a line that is no leaf inserted among the leaves (the proof's lines are all there), a
      decimal string as a JSON number, the claim kind, a leaf's hypotheses text, a blank line,
      a doubled header, the free names swapped, a widened enclosure, the last path step dropped,
      CRLF line ends.
"""
import json
import os
import random
import sys
from decimal import Decimal, InvalidOperation, getcontext

getcontext().prec = 80
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from semantic_mutations import dumps, get, nested_pairs  # noqa: E402

EVIDENCE = ["lemma", "plateau", "bounded", "excluded", "violates", "unique", "empty", "monotone"]


def dec(text):
    try:
        v = Decimal(text)
        return v if v.is_finite() else None
    except InvalidOperation:
        return None


def nudge(text, outward, is_lo):
    """`text` moved by a tiny relative amount (10^-19 of max(|v|, 1)), inward or outward."""
    v = dec(text)
    step = max(abs(v), Decimal(1)) * Decimal("1e-19")
    down = (is_lo and outward) or (not is_lo and not outward)
    return str(v - step if down else v + step)


def escape_unicode(line, rng):
    """The same JSON: one ASCII letter inside a string spelled as a \\u escape (letters of an
    existing escape sequence are left alone)."""
    letters, quote, k = [], False, 0
    while k < len(line):
        ch = line[k]
        if quote and ch == "\\":
            k += 6 if line[k + 1] == "u" else 2
            continue
        if ch == '"':
            quote = not quote
        elif quote and ch.isascii() and ch.isalpha():
            letters.append(k)
        k += 1
    if not letters:
        return None
    k = rng.choice(letters)
    return line[:k] + "\\u%04x" % ord(line[k]) + line[k + 1:]


def box_of(leaf):
    b = leaf.get("box")
    if isinstance(b, list) and b and all(isinstance(p, list) and len(p) == 2 for p in b):
        v = [(dec(p[0]), dec(p[1])) for p in b]
        if all(lo is not None and hi is not None for lo, hi in v):
            return v
    return None


def contains(outer, inner):
    return len(outer) == len(inner) and all(o[0] <= i[0] and i[1] <= o[1] for o, i in zip(outer, inner))


def mutate(lines, other, rng):
    header = json.loads(lines[0])
    parsed = [json.loads(x) for x in lines]
    leaf_idx = [i for i in range(1, len(lines)) if "summary" not in parsed[i]]
    s_idx = [i for i in range(1, len(lines)) if "summary" in parsed[i]][-1]
    out = list(lines)
    i = rng.choice(leaf_idx)
    leaf = json.loads(lines[i])
    box = box_of(leaf)
    pairs = [p for p in nested_pairs(leaf) if p[0] not in ("box", "path") and "point" not in p and "faces" not in p]
    pairs = [p for p in pairs if dec(get(leaf, p)[0]) is not None and dec(get(leaf, p)[1]) is not None
             and dec(get(leaf, p)[0]) < dec(get(leaf, p)[1])]
    kinds = ["torn-leaf", "torn-summary", "garbage-line", "summary-undecided", "summary-volume",
             "evidence-other", "fixed-drop", "unicode", "slash", "header-order", "header-space",
             "claim", "hypotheses", "blank-line", "double-header", "crlf"]
    if box:
        kinds += ["box-shrink", "box-shrink", "box-swap", "box-nonfinite", "box-drop-dim", "as-number"]
        if other:
            kinds += ["foreign-leaf"]
    if isinstance(header.get("box"), dict) and "lo" in header["box"]:
        kinds += ["header-widen", "free-swap"]
    if pairs:
        kinds += ["enclosure-point", "enclosure-swap", "enclosure-nan", "enclosure-widen"]
    if "sign" in leaf:
        kinds += ["sign-zero"]
    if leaf.get("path"):
        kinds += ["path-drop"]
    if "region" in leaf:
        kinds += ["region-open", "region-open"]
    kind = rng.choice(kinds)

    def put(cls, obj=None, at=None):
        if obj is not None:
            out[i if at is None else at] = dumps(obj)
        return cls, kind, out

    if kind == "box-shrink":
        widths = [d for d in range(len(box)) if box[d][0] < box[d][1]]
        d = rng.choice(widths)
        e = rng.randrange(2)
        leaf["box"][d][e] = nudge(leaf["box"][d][e], outward=False, is_lo=(e == 0))
        return put("break", leaf)
    if kind == "box-swap":
        d = rng.choice([d for d in range(len(box)) if box[d][0] < box[d][1]] or [0])
        leaf["box"][d] = [leaf["box"][d][1], leaf["box"][d][0]]
        return put("break" if box[d][0] < box[d][1] else "any", leaf)
    if kind == "box-nonfinite":
        d, e = rng.randrange(len(box)), rng.randrange(2)
        # an end that is no number, or one that reverses the interval (never one that only widens it)
        leaf["box"][d][e] = rng.choice(["nan", "NaN", "", "+inf" if e == 0 else "-inf",
                                        "1e999999999" if e == 0 else "-1e999999999"])
        return put("break", leaf)
    if kind == "box-drop-dim":
        leaf["box"] = leaf["box"][:-1]
        return put("break", leaf)
    if kind == "as-number":
        d, e = rng.randrange(len(box)), rng.randrange(2)
        leaf["box"][d][e] = float(leaf["box"][d][e])
        return put("any", leaf)
    if kind == "foreign-leaf":
        cand = [json.loads(x) for x in other[1:] if "summary" not in json.loads(x)]
        f = rng.choice(cand)
        fb = box_of(f)
        out[i] = dumps(f)
        return ("any" if fb and contains(fb, box) else "break"), kind, out
    if kind == "header-widen":
        end = rng.choice(["lo", "hi"])
        d = rng.randrange(len(header["box"][end]))
        t = header["box"][end][d]
        if dec(t) is None:  # an infinite end cannot be widened: a finite end instead
            return put("any", header, 0)
        header["box"][end][d] = nudge(t, outward=True, is_lo=(end == "lo"))
        return put("break", header, 0)
    if kind == "free-swap":
        header["box"]["names"] = list(reversed(header["box"]["names"]))
        return put("any", header, 0)
    if kind == "fixed-drop":
        fx = header.get("model", {}).get("fixed")
        if not isinstance(fx, dict) or not fx:
            kind = "claim"
        else:
            del fx[rng.choice(sorted(fx))]
            return put("break", header, 0)
    if kind in ("enclosure-point", "enclosure-swap", "enclosure-nan", "enclosure-widen"):
        p = rng.choice(pairs)
        lo, hi = (get(leaf, p)[0], get(leaf, p)[1])
        if kind == "enclosure-point":
            mid = str((dec(lo) + dec(hi)) / 2)
            new = [mid, mid]
        elif kind == "enclosure-swap":
            new = [hi, lo]
        elif kind == "enclosure-nan":
            new = [lo, "nan"] if rng.randrange(2) else ["nan", hi]
        else:
            w = dec(hi) - dec(lo)
            new = [str(dec(lo) - w), str(dec(hi) + w)]
        get(leaf, p[:-1])[p[-1]] = new
        return put("any" if kind == "enclosure-widen" else "break", leaf)
    if kind == "sign-zero":
        leaf["sign"] = 0
        return put("break", leaf)
    if kind == "evidence-other":
        leaf["evidence"] = rng.choice([e for e in EVIDENCE if e != leaf.get("evidence")])
        return put("break", leaf)
    if kind == "path-drop":
        leaf["path"] = leaf["path"][:-1]
        return put("any", leaf)
    if kind == "region-open":
        reg = leaf["region"]
        ends = [(v, e) for v in sorted(reg) if isinstance(reg[v], dict) for e in ("lo", "hi")
                if reg[v].get(e + "_open") is False]
        if not ends:
            kind = "hypotheses"
        else:
            v, e = rng.choice(ends)
            reg[v][e + "_open"] = True
            return put("break", leaf)
    if kind == "torn-leaf":
        cut = rng.randrange(1, len(lines[i]))
        return "break", kind, out[:i] + [lines[i][:cut]]
    if kind == "torn-summary":
        return "break", kind, out[:s_idx] + [lines[s_idx][:len(lines[s_idx]) // 2]]
    if kind == "garbage-line":
        out.insert(i, rng.choice(["garbage", "{", "[]", "null", "{\"index\":", "\x00\x01", "{}"]))
        return "any", kind, out
    if kind in ("summary-undecided", "summary-volume"):
        summ = json.loads(lines[s_idx])
        body = summ["summary"]
        if kind == "summary-undecided":
            body["undecided"] = body.get("undecided", 0) + rng.choice([1, 7])
        else:
            body["unknown_volume"] = rng.choice([0.5, 1e-300, 1.0])
        out[s_idx] = dumps(summ)
        if body.get("status") != "proved":
            return "any", kind, out
        return "break", kind, out
    if kind == "unicode":
        new = escape_unicode(lines[i], rng)
        if new is not None:
            out[i] = new
            return "same", kind, out
        kind = "header-space"
    if kind == "slash":
        if "/" in lines[i]:
            out[i] = lines[i].replace("/", "\\/")
            return "same", kind, out
        kind = "header-order"
    if kind == "header-order":
        items = list(header.items())
        rng.shuffle(items)
        out[0] = json.dumps(dict(items), separators=(",", ":"))
        return "same", kind, out
    if kind == "header-space":
        out[0] = json.dumps(header, sort_keys=True, indent=None, separators=(" , ", " : "))
        return "same", kind, out
    if kind == "claim":
        claim = header.get("claim", {})
        claim["kind"] = rng.choice([k for k in ["no-saddle", "no-stationary", "plateau", "extrema",
                                                 "stationary-set", "atlas", "nonsense"]
                                    if k != claim.get("kind")])
        header["claim"] = claim
        return put("any", header, 0)
    if kind == "hypotheses":
        leaf["hypotheses"] = ["a_lo > 0: true"]
        return put("any", leaf)
    if kind == "blank-line":
        out.insert(i, "")
        return "any", kind, out
    if kind == "double-header":
        out.insert(1, lines[0])
        return "any", kind, out
    return "any", "crlf", [x + "\r" for x in out]


def main():
    cert, outdir, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    other = None
    if len(sys.argv) > 5:
        other = [x for x in open(sys.argv[5]).read().split("\n") if x]
    lines = [x for x in open(cert).read().split("\n") if x]
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    for n in range(count):
        cls, kind, out = mutate(lines, other, rng)
        with open(os.path.join(outdir, "%s-%s-%04d.jsonl" % (cls, kind, n)), "w", newline="") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
