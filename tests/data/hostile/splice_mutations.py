#!/usr/bin/env python3
"""Splice and claim mutations of committed certificates (issue 15, acceptance): edits of kinds
that neither semantic_mutations.py nor heldout_mutations.py makes, for tests/cli/splice_mutations.sh.

usage: splice_mutations.py CERT OUTDIR COUNT SEED

Classes as in semantic_mutations.py (break: the file is no proof of its header's claim, verify
must not accept it; same: the same JSON values; any: effect not known here, verify ends 0/1/2
in time). A certificate that is no proof to begin with (refuted, incomplete) must never be
accepted after any edit but `same`, so its edits are all `break` or `same`. Other certificates
for the splices are the other files of proofs/certificates (CERT's siblings), chosen by SEED.
The break kinds and why each is no proof:
  dup-foreign      a leaf doubled, the copy carrying another leaf's evidence: the box is covered
                   twice (no exact tiling) and the copy's record is not of its box;
  splice-summary   the summary of another certificate (a different count, status or extremum:
                   the recorded verdict is not the leaves');
  splice-header    the header of another certificate with another box, model or claim;
  past-root        a leaf box end moved beyond the header box (by 1, or to +-inf): the leaves are
                   no tiling of the box;
  path-swap        two leaves' split paths exchanged (boxes kept): each path names another box;
  path-extra       one more split step on a leaf's path, its box unchanged;
  lemma-swap       a lemma leaf citing another lemma of proofs/lemmas.md (S1..S10 or a name that
                   does not exist, a look-alike unicode S): the cited lemma's hypotheses fail or
                   the lemma is unknown;
  region-sign      (stationary set) a region's constraint s changed ('=', '>', '<', 'any');
  plateau-tighten  the claim's eps (delta) set below the largest recorded lower bound of
                   |dJ/dx_i| (|J - level|) over the leaves: a recorded enclosure proves the claim
                   false there;
  level-shift      the plateau level moved by 4 delta + the recorded widths: every recorded J
                   enclosure is then farther than delta from the new level;
  extrema-tighten  the extrema target delta set below the width the summary achieved;
  claim-stronger   no-saddle -> no-stationary on a certificate with a unique stationary leaf;
  fixed-negate     the fixed slope a negated on a certificate with sign-of-dJ/dh leaves (lemma S1:
                   sign dJ/dh = -sign a, so every recorded sign is wrong);
  transplant       a leaf's recorded enclosures replaced by those of another leaf where the two
                   are disjoint (the recorded one cannot contain the exact values of its box);
  forge-proved     (no proof) unknown leaves rewritten as excluded and the summary as proved.
same: the leaves in the file's order with the keys of every line reordered.
any:  leaves reordered, a fixed parameter moved by one ulp or a relative 1e-30, the recorded
      precision (bits, max_bits) changed, a leaf's index changed, the format version or tool
      version changed, the claim weakened (no-stationary -> no-saddle, a larger eps or delta),
      evidence transplanted where the enclosures overlap.
"""
import glob
import json
import math
import os
import random
import sys
from decimal import Decimal, InvalidOperation, getcontext

getcontext().prec = 60
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from semantic_mutations import dumps, get, nested_pairs  # noqa: E402

LEMMAS = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "K9", "F.13", "\uff331", "s1", ""]
EVIDENCE_KEYS = ("J", "grad", "sign", "max", "min", "T", "enclosures", "lemma", "conclusion", "hypotheses")


def dec(t):
    try:
        v = Decimal(t)
        return v if v.is_finite() else None
    except (InvalidOperation, TypeError):
        return None


def mig(lo, hi):
    """min |x| over [lo, hi] (None if an end is not finite)."""
    lo, hi = dec(lo), dec(hi)
    if lo is None or hi is None:
        return None
    return Decimal(0) if lo <= 0 <= hi else min(abs(lo), abs(hi))


def siblings(cert):
    root = os.path.dirname(os.path.abspath(cert))
    while os.path.basename(root) != "certificates" and root != "/":
        root = os.path.dirname(root)
    return sorted(f for f in glob.glob(os.path.join(root, "**", "*.jsonl"), recursive=True)
                  if os.path.abspath(f) != os.path.abspath(cert))


def pairs_of(leaf):
    return [p for p in nested_pairs(leaf) if p[0] not in ("box", "path") and "point" not in p and "faces" not in p]


def next_double_text(t):
    x = float(t)
    return repr(math.nextafter(x, math.inf))


def mutate(lines, others, rng):
    parsed = [json.loads(x) for x in lines]
    header = parsed[0]
    summ_i = max(i for i in range(1, len(lines)) if "summary" in parsed[i])
    summary = parsed[summ_i]["summary"]
    leaf_idx = [i for i in range(1, len(lines)) if "summary" not in parsed[i]]
    proof = summary.get("status") == "proved"
    claim = header.get("claim", {})
    out = list(lines)
    i = rng.choice(leaf_idx)
    leaf = json.loads(lines[i])
    has_box = isinstance(leaf.get("box"), list)
    kinds = ["dup-foreign", "splice-summary", "splice-header", "bits", "index", "version", "reorder-leaves",
             "same-keys"]
    if has_box:
        kinds += ["past-root", "path-extra"]
        if len(leaf_idx) > 1:
            kinds += ["path-swap", "transplant"]
    if "lemma" in leaf:
        kinds += ["lemma-swap", "lemma-swap"]
    if "region" in leaf:
        kinds += ["region-sign", "region-sign"]
    fixed = header.get("model", {}).get("fixed") or {}
    if fixed:
        kinds += ["fixed-ulp"]
    if "a" in fixed and any(parsed[j].get("lemma") == "S1" for j in leaf_idx):
        kinds += ["fixed-negate"]
    kind_claim = claim.get("kind")
    if kind_claim == "plateau":
        kinds += ["plateau-tighten", "plateau-tighten", "level-shift", "claim-weaker"]
    if kind_claim == "extrema":
        kinds += ["extrema-tighten", "extrema-tighten", "claim-weaker"]
    if kind_claim in ("no-saddle", "no-stationary"):
        kinds += ["claim-stronger" if kind_claim == "no-saddle" else "claim-weaker"]
    if not proof and any(parsed[j].get("evidence") == "unknown" for j in leaf_idx):
        kinds += ["forge-proved", "forge-proved"]
    kind = rng.choice(kinds)
    cls = "break"

    def result(c):
        # a certificate that is no proof stays no proof whatever the edit (but `same`)
        return ("break" if not proof and c == "any" else c), kind, out

    if kind == "dup-foreign":
        j = rng.choice([j for j in leaf_idx if j != i] or [i])
        other = json.loads(lines[j])
        copy = {k: v for k, v in leaf.items() if k not in EVIDENCE_KEYS and k != "evidence"}
        copy.update({k: v for k, v in other.items() if k in EVIDENCE_KEYS or k == "evidence"})
        out.insert(i + 1, dumps(copy))
        return result("break")
    if kind == "splice-summary":
        cand = []
        for f in others:
            ls = [x for x in open(f).read().split("\n") if x]
            s = json.loads(ls[-1]).get("summary", {})
            a = {k: v for k, v in s.items() if k != "stats"}
            b = {k: v for k, v in summary.items() if k != "stats"}
            if a != b:
                cand.append(ls[-1])
        out[summ_i] = rng.choice(cand)
        return result("break")
    if kind == "splice-header":
        cand = []
        for f in others:
            h = json.loads(open(f).readline())
            if {k: v for k, v in h.items() if k not in ("tool_version", "settings")} != \
                    {k: v for k, v in header.items() if k not in ("tool_version", "settings")}:
                cand.append(json.dumps(h, separators=(",", ":"), sort_keys=True))
        out[0] = rng.choice(cand)
        return result("break")
    if kind == "past-root":
        hb = header["box"]
        d = rng.randrange(len(leaf["box"]))
        lo_root, hi_root = hb["lo"][d], hb["hi"][d]
        ends = []
        if leaf["box"][d][0] == lo_root and lo_root not in ("-inf",):
            ends.append(0)
        if leaf["box"][d][1] == hi_root and hi_root not in ("inf", "+inf"):
            ends.append(1)
        if not ends:  # the leaf does not touch the root's boundary in d: move the end past the root anyway
            e = rng.randrange(2)
            root_end = dec(lo_root if e == 0 else hi_root)
            if root_end is None:
                kind = "index"
            else:
                leaf["box"][d][e] = str(root_end - 1 if e == 0 else root_end + 1)
                out[i] = dumps(leaf)
                return result("break")
        else:
            e = rng.choice(ends)
            v = dec(leaf["box"][d][e])
            leaf["box"][d][e] = rng.choice(["-inf" if e == 0 else "inf", str(v - 1 if e == 0 else v + 1)])
            out[i] = dumps(leaf)
            return result("break")
    if kind == "path-swap":
        j = rng.choice([j for j in leaf_idx if j != i])
        other = json.loads(lines[j])
        if leaf.get("path") == other.get("path") or "path" not in leaf or "path" not in other:
            kind = "index"
        else:
            leaf["path"], other["path"] = other["path"], leaf["path"]
            out[i], out[j] = dumps(leaf), dumps(other)
            return result("break")
    if kind == "path-extra":
        box = leaf["box"]
        d = rng.randrange(len(box))
        lo, hi = dec(box[d][0]), dec(box[d][1])
        if "path" not in leaf or lo is None or hi is None or lo == hi:
            kind = "index"
        else:
            leaf["path"] = leaf["path"] + [[d, str((lo + hi) / 2), rng.randrange(2)]]
            out[i] = dumps(leaf)
            return result("break")
    if kind == "lemma-swap":
        names = [n for n in LEMMAS if n != leaf["lemma"]]
        in_file = sorted({parsed[j].get("lemma") for j in leaf_idx if parsed[j].get("lemma")} - {leaf["lemma"]})
        leaf["lemma"] = rng.choice(in_file) if in_file and rng.random() < 0.5 else rng.choice(names)
        out[i] = dumps(leaf)
        return result("break")
    if kind == "region-sign":
        reg = leaf["region"]
        reg["s"] = rng.choice([s for s in ["=", ">", "<", "any", ">=", ""] if s != reg.get("s")])
        out[i] = dumps(leaf)
        return result("break")
    if kind == "fixed-ulp":
        name = rng.choice(sorted(fixed))
        v = dec(fixed[name])
        if rng.random() < 0.5 and v is not None and v != 0:
            fixed[name] = next_double_text(fixed[name])
        else:
            fixed[name] = str((v or Decimal(0)) * (1 + Decimal("1e-30")) + (Decimal("1e-30") if not v else 0))
        out[0] = dumps(header)
        return result("any")
    if kind == "fixed-negate":
        fixed["a"] = str(-dec(fixed["a"]))
        out[0] = dumps(header)
        return result("break")
    if kind == "plateau-tighten":
        which = rng.choice(["eps", "delta"])
        worst = Decimal(0)
        level = dec(claim.get("level", "1")) or Decimal(1)
        for j in leaf_idx:
            lf = parsed[j]
            if which == "eps":
                for pr in lf.get("grad", []):
                    m = mig(pr[0], pr[1]) if isinstance(pr, list) else None
                    worst = max(worst, m or 0)
            elif isinstance(lf.get("J"), list):
                lo, hi = dec(lf["J"][0]), dec(lf["J"][1])
                if lo is not None and hi is not None:
                    worst = max(worst, mig(str(lo - level), str(hi - level)))
        if worst > 0:
            claim[which] = str(worst / 2)
            out[0] = dumps(header)
            return result("break")
        kind = "claim-weaker"
    if kind == "level-shift":
        width = Decimal(0)
        for j in leaf_idx:
            lf = parsed[j]
            if isinstance(lf.get("J"), list) and dec(lf["J"][0]) is not None and dec(lf["J"][1]) is not None:
                width = max(width, dec(lf["J"][1]) - dec(lf["J"][0]), abs(dec(lf["J"][0]) - dec(claim.get("level", "1"))))
        shift = 4 * (dec(claim.get("delta", "0")) or 0) + 2 * width + Decimal("0.5")
        claim["level"] = str(dec(claim.get("level", "1")) + rng.choice([1, -1]) * shift)
        out[0] = dumps(header)
        return result("break")
    if kind == "extrema-tighten":
        lo, hi = dec(summary["max_J"][0]), dec(summary["max_J"][1])
        lo2, hi2 = dec(summary["min_J"][0]), dec(summary["min_J"][1])
        ratio = max((hi - lo) / max(abs(lo), abs(hi)), (hi2 - lo2) / max(abs(lo2), abs(hi2)))
        claim["delta"] = str(ratio / 4)
        claim.pop("eps", None)
        out[0] = dumps(header)
        return result("break")
    if kind == "claim-stronger":
        claim["kind"] = "no-stationary"
        out[0] = dumps(header)
        stationary = any(parsed[j].get("evidence") == "unique" for j in leaf_idx)
        return result("break" if stationary else "any")
    if kind == "claim-weaker":
        if kind_claim == "no-stationary":
            claim["kind"] = "no-saddle"
        else:
            for k in ("eps", "delta"):
                if dec(claim.get(k)) is not None:
                    claim[k] = str(dec(claim[k]) * 2)
        out[0] = dumps(header)
        return result("any")
    if kind == "transplant":
        j = rng.choice([j for j in leaf_idx if j != i])
        other = parsed[j]
        mine, theirs = pairs_of(leaf), pairs_of(other)
        common = [p for p in mine if p in theirs]
        if not common:
            kind = "index"
        else:
            disjoint = False
            for p in common:
                a, b = get(leaf, p), get(other, p)
                la, ha, lb, hb = dec(a[0]), dec(a[1]), dec(b[0]), dec(b[1])
                if None not in (la, ha, lb, hb) and (hb < la or ha < lb):
                    disjoint = True
                get(leaf, p[:-1])[p[-1]] = list(b)
            out[i] = dumps(leaf)
            return result("break" if disjoint else "any")
    if kind == "forge-proved":
        for j in leaf_idx:
            if parsed[j].get("evidence") == "unknown":
                lf = dict(parsed[j])
                lf.pop("reason", None)
                lf.update({"evidence": "excluded", "grad": ["1", "2"], "sign": 1, "index": 0})
                out[j] = dumps(lf)
        s = dict(parsed[summ_i])
        body = dict(summary, status="proved", undecided=0, unknown_volume=0.0)
        body.pop("first_unknown", None)
        body.pop("witness", None)
        body.pop("unique_types", None)
        body["counts"] = {"excluded": len(leaf_idx)}
        s["summary"] = body
        out[summ_i] = dumps(s)
        return result("break")
    if kind == "bits":
        if "bits" in leaf and rng.random() < 0.6:
            leaf["bits"] = rng.choice([0, 1, 2, 24, 54, 4096, 65537, -53, 1e9, "53", None, 2 ** 64])
            out[i] = dumps(leaf)
        else:
            st = header.setdefault("settings", {})
            st["max_bits"] = rng.choice([0, 53, 65536, 65537, -1, 2 ** 64, "512", None])
            out[0] = dumps(header)
        return result("any")
    if kind == "index":
        leaf["index"] = rng.choice([-1, 0, 10 ** 6, 2 ** 64, "3", None, 1.5])
        out[i] = dumps(leaf)
        return result("any")
    if kind == "version":
        if rng.random() < 0.5:
            header["version"] = rng.choice([0, 2, -1, "1", 1.0, None, 2 ** 64])
        else:
            header["tool_version"] = rng.choice(["", "9.9.9", "\u00e9" * 100, None, 1])
        out[0] = dumps(header)
        return result("any")
    if kind == "reorder-leaves":
        body = [out[j] for j in leaf_idx]
        rng.shuffle(body)
        for j, text in zip(leaf_idx, body):
            out[j] = text
        return result("any")
    # same-keys: every line's keys in another order (the same JSON values)
    for j in range(len(out)):
        obj = json.loads(out[j])
        items = list(obj.items())
        rng.shuffle(items)
        out[j] = json.dumps(dict(items), separators=(",", ":"))
    return "same", "same-keys", out


def main():
    cert, outdir, count, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    lines = [x for x in open(cert).read().split("\n") if x]
    others = siblings(cert)
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed * 7919 + 2027)
    for n in range(count):
        cls, kind, out = mutate(lines, others, rng)
        with open(os.path.join(outdir, "%s-%s-%04d.jsonl" % (cls, kind, n)), "w", newline="") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
