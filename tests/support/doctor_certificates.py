#!/usr/bin/env python3
"""Soundness test of `gancert verify`: builds real certificates, doctors them in every way a
forger could (every leaf kind x every claim, recorded numbers moved inside their recomputed
enclosure, summaries rewritten to match, empty assembled extrema, dropped/duplicated leaves)
and requires that no doctored certificate is accepted as a proof, at the default precision and
at a higher --bits.

Usage: doctor_certificates.py <gancert-binary> <work-dir> [base-name ...]
"""
import copy
import json
import os
import subprocess
import sys
from decimal import Decimal, getcontext

getcontext().prec = 120

G, WORK = sys.argv[1], sys.argv[2]
failures = []
checked = 0

# Real runs: (name, certify arguments). Small boxes so that each verify takes well under 1 s.
BASES = [
    ("cubic-nosaddle-refuted", ["--model", "test-cubic", "--box", "x1=-3:3.1,x2=-2.7:3", "--claim", "no-saddle"]),
    ("cubic-nosaddle-min", ["--model", "test-cubic", "--box", "x1=0.5:1.5,x2=0.5:1.6", "--claim", "no-saddle"]),
    ("cubic-nostationary-refuted", ["--model", "test-cubic", "--box", "x1=0.5:1.5,x2=-1.5:-0.5",
                                    "--claim", "no-stationary"]),
    ("cubic-nostationary-proved", ["--model", "test-cubic", "--box", "x1=1.5:3,x2=-3:3", "--claim", "no-stationary"]),
    ("cubic-plateau-proved", ["--model", "test-cubic", "--box", "x1=0.95:1.05,x2=0.95:1.05", "--claim", "plateau",
                              "--eps", "0.7", "--delta", "0.1", "--level", "-4"]),
    ("cubic-plateau-refuted", ["--model", "test-cubic", "--box", "x1=0:2,x2=0:2", "--claim", "plateau",
                               "--eps", "0.5", "--delta", "1", "--level", "-4"]),
    ("cubic-extrema", ["--model", "test-cubic", "--box", "x1=-2:2,x2=-1.5:2.5", "--claim", "extrema",
                       "--delta", "1e-3"]),
    # extrema isolated in the relative interior of faces (max on x2 = 2.5 at x1 = -1, min on
    # x1 = 1.2 at x2 = 1, K8) and a saddle of the cubic at (1, -1) inside one leaf
    ("cubic-extrema-isolated", ["--model", "test-cubic", "--box", "x1=0.3:1.2,x2=-1.6:2.5", "--claim", "extrema"]),
    # the audit's R/S/E/E saddle (a 2-D saddle of J in (a, b)); ~700 leaves, so only its unique
    # leaves are doctored (see UNIQUE_ONLY)
    ("rsee-nosaddle-refuted", ["--params", "g=0.0159697123469,h=0.119680267744,c=1.42270193163",
                               "--box", "a=4.95:5.02,b=-0.16:-0.12", "--claim", "no-saddle"]),
    ("rsee-nosaddle-A", ["--case", "A", "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle"]),
    ("rsee-extrema-A", ["--case", "A", "--box", "b=-3.1:-2.9,h=-2.1:-1.9", "--claim", "extrema", "--delta", "1e-4",
                        "--initial-boxes", "4"]),
]


UNIQUE_ONLY = {"rsee-nosaddle-refuted"}


def run(args, timeout=300):
    p = subprocess.run([G] + args, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout + p.stderr


def load(path):
    with open(path) as f:
        lines = [json.loads(l) for l in f if l.strip()]
    return lines[0], lines[1:-1], lines[-1]


def save(path, header, leaves, summary):
    with open(path, "w") as f:
        for rec in [header] + leaves + [summary]:
            f.write(json.dumps(rec, separators=(",", ":")) + "\n")


def verify(path, bits=None):
    args = ["verify", path, "--threads", "1"] + (["--bits", str(bits)] if bits else [])
    return run(args)


def expect_rejected(base, what, header, leaves, summary, bits_list=(None, 256), reason=None):
    """The doctored certificate must not verify as a proof (exit 0) and must be INVALID (for
    the stated reason, if one is given)."""
    global checked
    path = os.path.join(WORK, "doctored.jsonl")
    save(path, header, leaves, summary)
    for bits in bits_list:
        rc, out = verify(path, bits)
        checked += 1
        if rc == 0 or "INVALID" not in out or (reason and reason not in out):
            failures.append(f"{base}: {what} (bits={bits}) was accepted or rejected for another reason "
                            f"(expected '{reason}'): exit {rc}\n{out[:600]}")


def forge_summary(summary, leaves, claim_kind, status="proved"):
    """What a forger writes: the summary of a proof with counts matching the doctored leaves."""
    s = copy.deepcopy(summary)
    s["status"] = status
    counts = {}
    for l in leaves:
        counts[l["evidence"]] = counts.get(l["evidence"], 0) + 1
    s["counts"] = counts
    s["leaves"] = len(leaves)
    types = {}
    for l in leaves:
        if l["evidence"] == "unique":
            t = l.get("type", "?")
            types[t] = types.get(t, 0) + 1
    if types:
        s["unique_types"] = types
    else:
        s.pop("unique_types", None)
    if status == "proved":
        for k in ("witness", "first_unknown", "coverage_gap"):
            s.pop(k, None)
        s["undecided"] = 0
        s["unknown_volume"] = 0.0
    return s


def shrink(enc, side):
    """An enclosure moved inside itself: lo raised (side 0) or hi lowered (side 1) to the mid."""
    lo, hi = Decimal(enc[0]), Decimal(enc[1])
    if lo == hi:
        return None
    mid = (lo + hi) / 2
    return [str(mid), enc[1]] if side == 0 else [enc[0], str(mid)]


def shift(enc, side):
    """[hi, hi + w] (side 0) or [lo - w, lo] (side 1): touches the old enclosure at one end."""
    lo, hi = Decimal(enc[0]), Decimal(enc[1])
    w = max(hi - lo, abs(hi) * Decimal("1e-30"), Decimal("1e-60"))  # a point enclosure moves too
    return [str(hi), str(hi + w)] if side == 0 else [str(lo - w), str(lo)]


def enclosure_fields(leaf):
    """(path into the leaf, enclosure) for every recorded enclosure of a leaf."""
    out = []

    def walk(obj, path):
        if isinstance(obj, list) and len(obj) == 2 and all(isinstance(x, str) for x in obj):
            try:
                Decimal(obj[0]), Decimal(obj[1])
                out.append((path, obj))
                return
            except Exception:
                pass
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k not in ("box", "path", "Y", "Q", "Z"):
                    walk(v, path + [k])
        elif isinstance(obj, list):
            for i, v in enumerate(obj):
                walk(v, path + [i])

    for k, v in leaf.items():
        if k in ("box", "path", "Y", "Q"):
            continue
        if k == "point" and leaf.get("evidence") == "violates":
            continue
        walk(v, [k])
    return out


def set_at(obj, path, value):
    for p in path[:-1]:
        obj = obj[p]
    obj[path[-1]] = value


EVIDENCE = ["excluded", "unique", "empty", "plateau", "violates", "bounded", "unknown"]


def doctor_unique(base, header, leaves, summary, claim, i, leaf):
    last = {"summary": summary}
    for t in ("min", "max", "saddle", "undetermined", "nonsense"):
        if t == leaf["type"]:
            continue
        L = copy.deepcopy(leaves)
        L[i]["type"] = t
        expect_rejected(base, f"unique leaf {i} type -> {t}", header, L,
                        {"summary": forge_summary(summary, L, claim)}, bits_list=(None,))
    if "inertia" in leaf and leaf["inertia"][0] != leaf["inertia"][1]:
        L = copy.deepcopy(leaves)
        L[i]["inertia"] = [leaf["inertia"][1], leaf["inertia"][0]]
        expect_rejected(base, f"unique leaf {i} inertia swapped", header, L, last, bits_list=(None,))
    # the audit's forgery: Q zeros, type undetermined, inertia dropped, summary proved
    L = copy.deepcopy(leaves)
    L[i]["Q"] = ["0"] * len(L[i]["Q"])
    L[i]["type"] = "undetermined"
    L[i].pop("inertia", None)
    expect_rejected(base, f"unique leaf {i} undetermined forgery", header, L,
                    {"summary": forge_summary(summary, L, claim)})


def doctor(base):
    path = os.path.join(WORK, base + ".jsonl")
    header, leaves, last = load(path)
    summary = last["summary"]
    claim = header["claim"]["kind"]
    status = summary["status"]

    # 1. every leaf kind present: relabel to every other kind (summary unchanged, then forged)
    seen = set()
    full = base not in UNIQUE_ONLY
    for i, leaf in enumerate(leaves):
        ev = leaf["evidence"]
        if ev in seen or (not full and ev != "unique"):
            continue
        seen.add(ev)
        if not full:
            doctor_unique(base, header, leaves, summary, claim, i, leaf)
            continue
        for other in EVIDENCE:
            if other == ev:
                continue
            L = copy.deepcopy(leaves)
            L[i]["evidence"] = other
            expect_rejected(base, f"leaf {i} {ev}->{other}", header, L, last, bits_list=(None,))
            if status != "proved" or other != "unknown":
                expect_rejected(base, f"leaf {i} {ev}->{other} + forged summary", header, L,
                                {"summary": forge_summary(summary, L, claim)}, bits_list=(None,))
        # 2. every recorded enclosure of this leaf (a) moved inside itself: at the recorded
        #    precision that excludes part of the recomputed enclosure; (b) shifted by its width
        #    past either end, so that it only touches its old self and excludes the exact value:
        #    rejected at any precision (the old "overlap" rule for --bits accepted these)
        for fpath, enc in enclosure_fields(leaf):
            for side in (0, 1):
                moved = shrink(enc, side)
                if moved is None:
                    continue
                L = copy.deepcopy(leaves)
                set_at(L[i], fpath, moved)
                expect_rejected(base, f"leaf {i} {ev} {fpath} side {side} moved inside", header, L, last,
                                bits_list=(None,))
                L = copy.deepcopy(leaves)
                set_at(L[i], fpath, shift(enc, side))
                expect_rejected(base, f"leaf {i} {ev} {fpath} shifted {'up' if side == 0 else 'down'}",
                                header, L, last)
        # 3. unique leaves: every other type, inertia changed, Q replaced
        if ev == "unique":
            doctor_unique(base, header, leaves, summary, claim, i, leaf)
        # 4. excluded: sign flipped, index changed
        if ev == "excluded":
            L = copy.deepcopy(leaves)
            L[i]["sign"] = -L[i]["sign"]
            expect_rejected(base, f"excluded leaf {i} sign flipped", header, L, last)
            L = copy.deepcopy(leaves)
            L[i]["index"] = (L[i]["index"] + 1) % len(header["box"]["names"])
            expect_rejected(base, f"excluded leaf {i} index changed", header, L, last)

    if not full:
        return
    # 5. structure: a dropped leaf, a duplicated leaf, a leaf's box swapped with another's
    if len(leaves) > 1:
        L = leaves[:1] + leaves[2:]
        expect_rejected(base, "leaf dropped", header, L, {"summary": forge_summary(summary, L, claim, status)},
                        bits_list=(None,))
        L = leaves + [leaves[0]]
        expect_rejected(base, "leaf duplicated", header, L, {"summary": forge_summary(summary, L, claim, status)},
                        bits_list=(None,))
        L = copy.deepcopy(leaves)
        L[0]["box"], L[1]["box"] = L[1]["box"], L[0]["box"]
        expect_rejected(base, "boxes swapped", header, L, last, bits_list=(None,))

    # 6. every summary field changed
    for key in list(summary.keys()):
        if key == "stats":
            continue
        S = copy.deepcopy(summary)
        v = S[key]
        if isinstance(v, str):
            S[key] = "proved" if v != "proved" else "refuted"
        elif isinstance(v, bool):
            S[key] = not v
        elif isinstance(v, (int, float)):
            S[key] = v + 1
        elif isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v):
            S[key] = [str(Decimal(v[0]) + Decimal("1e-9")), v[1]]
        elif isinstance(v, list):
            S[key] = v[1:] if v else [[["0", "1"]]]
        elif isinstance(v, dict):
            S[key] = dict(v, forged=1)
        expect_rejected(base, f"summary.{key} changed", header, leaves, {"summary": S}, bits_list=(None,))
    if status != "proved":
        expect_rejected(base, "summary forged to proved", header, leaves,
                        {"summary": forge_summary(summary, leaves, claim)}, bits_list=(None,))
    S = copy.deepcopy(summary)
    S.pop("witness", None) if "witness" in S else S.update(witness={"box": leaves[0]["box"]})
    expect_rejected(base, "summary witness added/removed", header, leaves, {"summary": S}, bits_list=(None,))

    # 7. extrema forgeries: every leaf's min J raised inside its enclosure (summary to match);
    #    an empty assembled interval (a max point lower bound above every max upper bound)
    if claim == "extrema":
        # the audit's forgery: every leaf's min J lower bound raised above J at a point of the
        # leaf (its recorded "point" enclosure), summary to match: a minimum above a value of J
        L = copy.deepcopy(leaves)
        for l in L:
            if l["evidence"] == "bounded":
                l["min"]["J"] = [str(Decimal(l["min"]["point"][1]) + Decimal("1e-30")),
                                 str(max(Decimal(l["min"]["J"][1]), Decimal(l["min"]["point"][1]) + 1))]
        S = copy.deepcopy(summary)
        S["min_J"] = [min((l["min"]["J"][0] for l in L if l["evidence"] == "bounded"), key=Decimal), S["min_J"][1]]
        expect_rejected(base, "every min J raised above a point value", header, L, {"summary": S})
        L = copy.deepcopy(leaves)
        for l in L:
            if l["evidence"] == "bounded":
                l["max"]["J"] = [str(min(Decimal(l["max"]["J"][0]), Decimal(l["max"]["point"][0]) - 1)),
                                 str(Decimal(l["max"]["point"][0]) - Decimal("1e-30"))]
        S = copy.deepcopy(summary)
        S["max_J"] = [S["max_J"][0], max((l["max"]["J"][1] for l in L if l["evidence"] == "bounded"), key=Decimal)]
        expect_rejected(base, "every max J lowered below a point value", header, L, {"summary": S})
        L = copy.deepcopy(leaves)
        top = max(Decimal(l["max"]["J"][1]) for l in L if l["evidence"] == "bounded")
        for l in L:
            if l["evidence"] == "bounded":
                l["max"]["point"] = [str(top + 1), str(top + 2)]
                break
        S = copy.deepcopy(summary)
        S["max_J"] = [str(top + 1), str(top)]
        expect_rejected(base, "empty assembled max J", header, L, {"summary": S})
        doctor_extrema_sides(base, header, leaves, summary)


def isolated_sides(leaves):
    return [(i, side) for i, l in enumerate(leaves) if l["evidence"] == "bounded"
            for side in ("max", "min") if l[side]["kind"] == "isolated"]


def doctor_extrema_sides(base, header, leaves, summary):
    """Extremum records (K5', K8): a moved value, a moved isolating box, the kind changed, a
    saddle planted as an isolated max (definiteness faked), a face round dropped."""
    last = {"summary": summary}
    for i, side in isolated_sides(leaves)[:2]:
        rec = leaves[i][side]
        # the value moved by a relative 1e-9 (summary to match): not J at the extremum
        L = copy.deepcopy(leaves)
        v = [Decimal(x) * (1 + Decimal("1e-9")) + Decimal("1e-12") for x in rec["J"]]
        L[i][side]["J"] = L[i][side]["point"] = [str(v[0]), str(v[1])]
        S = copy.deepcopy(summary)
        S[side + "_J"] = [str(v[0]), str(v[1])]
        expect_rejected(base, f"leaf {i} {side} value moved", header, L, {"summary": S}, reason="J at the extremum")
        # the location moved: Z shifted by its width in every free coordinate
        L = copy.deepcopy(leaves)
        for z in L[i][side]["Z"]:
            lo, hi = Decimal(z[0]), Decimal(z[1])
            if lo < hi:
                z[0], z[1] = str(hi), str(2 * hi - lo)
        expect_rejected(base, f"leaf {i} {side} isolating box moved", header, L, last, reason="K(Z)")
        L = copy.deepcopy(leaves)
        L[i][side]["kind"] = "face"
        expect_rejected(base, f"leaf {i} {side} isolated -> face", header, L, last)
        L = copy.deepcopy(leaves)
        L[i][side]["kind"] = "vertex"  # a well-formed vertex record: the isolation fields go
        for k in ("K", "Q", "Y", "Z"):
            L[i][side].pop(k, None)
        expect_rejected(base, f"leaf {i} {side} isolated -> vertex", header, L, last, reason="not a vertex")
        L = copy.deepcopy(leaves)
        L[i][side]["kind"] = "vertex"  # the isolation fields kept: malformed for a vertex
        expect_rejected(base, f"leaf {i} {side} isolated -> vertex (fields kept)", header, L, last, reason="unknown field")
        if rec["faces"]:
            L = copy.deepcopy(leaves)
            L[i][side]["faces"] = rec["faces"][1:]
            expect_rejected(base, f"leaf {i} {side} face round dropped", header, L, last)
            L = copy.deepcopy(leaves)
            L[i][side]["faces"][0][0][1] ^= 1
            expect_rejected(base, f"leaf {i} {side} face side flipped", header, L, last, reason="monotonicity")
    if base != "cubic-extrema-isolated":
        return
    # definiteness faked: the saddle (1, -1) of x1^3 - 3x1 + x2^3 - 3x2 (Hessian diag(6, -6))
    # recorded as an isolated max of the leaf containing it; everything else checks out
    for i, l in enumerate(leaves):
        (a0, a1), (b0, b1) = [(Decimal(x[0]), Decimal(x[1])) for x in l["box"]]
        if a0 < 1 < a1 and b0 < -1 < b1:
            break
    else:
        failures.append(f"{base}: no leaf contains the saddle (1, -1) in its interior")
        return
    planted = {"faces": [], "kind": "isolated", "J": ["-1e-9", "1e-9"], "point": ["-1e-9", "1e-9"],
               "Z": [["0.999999", "1.000001"], ["-1.000001", "-0.999999"]],
               "Y": ["0.166666666667", "0", "0", "-0.166666666667"], "Q": ["1", "0", "0", "1"],
               "K": [["0.9999999", "1.0000001"], ["-1.0000001", "-0.9999999"]]}
    for side, sign in (("max", "negative"), ("min", "positive")):
        L = copy.deepcopy(leaves)
        L[i][side] = copy.deepcopy(planted)
        expect_rejected(base, f"leaf {i}: saddle planted as an isolated {side}", header, L, last,
                        reason=f"not certified {sign} definite")


def main():
    os.makedirs(WORK, exist_ok=True)
    only = set(sys.argv[3:])
    for name, args in BASES:
        if only and name not in only:
            continue
        out = os.path.join(WORK, name + ".jsonl")
        rc, text = run(["certify"] + args + ["--out", out, "--no-progress", "--threads", "2"])
        if rc not in (0, 1) or not os.path.exists(out):
            failures.append(f"{name}: certify failed: exit {rc}\n{text}")
            continue
        want = "proved" if rc == 0 else ("refuted" if "refuted" in name else "?")
        rc2, text2 = verify(out)
        if ("proved" in name or name.endswith("-min") or name.endswith("-A") or "extrema" in name) and rc != 0:
            failures.append(f"{name}: expected a proof, got exit {rc}: {text}")
        if "refuted" in name and not text.startswith("refuted"):
            failures.append(f"{name}: expected refuted, got: {text}")
        if rc2 != rc or "INVALID" in text2:
            failures.append(f"{name}: the genuine certificate does not verify as {want}: exit {rc2}\n{text2}")
        doctor(name)
    print(f"{checked} doctored certificates checked, {len(failures)} accepted or failed")
    for f in failures[:40]:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
