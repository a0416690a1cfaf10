#!/usr/bin/env python3
"""Soundness: what certify and verify read back is untrusted data.

1. Certificate headers that certify would never write (a parameter both fixed and free, a
   fixed g < 0, unknown or misplaced keys, wrapped integers, a non-canonical claim) are
   refused (exit 2), never verified as a proof, on the plain and the independent route.
2. Leaf records: an inertia count that wraps a 32-bit int; an excluded leaf whose recorded
   gradient does not exclude 0 (the independent route too); recorded extrema 1e-399999999
   (verify must answer within seconds and print a bounded report).
3. A forged checkpoint: an unknown leaf of a budget run that contains the saddle (1, -1) of the
   test cubic is rewritten as excluded; `certify --resume` must not report the claim proved.
   Also a finished checkpoint whose saddle leaf was replaced by an excluded leaf.

Usage: untrusted_inputs.py <gancert-binary> <work-dir>
"""
import copy
import json
import os
import subprocess
import sys
import time

G, WORK = sys.argv[1], sys.argv[2]
failures = []
checked = 0


def run(args, timeout=120):
    t = time.monotonic()
    try:
        p = subprocess.run([G] + args, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return -9, f"timed out after {timeout} s", time.monotonic() - t
    return p.returncode, p.stdout + p.stderr, time.monotonic() - t


def load(path):
    with open(path) as f:
        lines = [json.loads(l) for l in f if l.strip()]
    return lines[0], lines[1:-1], lines[-1]


def save(path, header, leaves, summary=None):
    with open(path, "w") as f:
        for rec in [header] + leaves + ([summary] if summary is not None else []):
            f.write(json.dumps(rec, separators=(",", ":")) + "\n")


def certify(name, args):
    out = os.path.join(WORK, name + ".jsonl")
    rc, text, _ = run(["certify"] + args + ["--out", out, "--no-progress", "--threads", "2"])
    if rc not in (0, 1) or not os.path.exists(out):
        failures.append(f"{name}: certify failed: exit {rc}\n{text}")
        return None
    return load(out)


def expect_refused(what, header, leaves, summary, codes=(1, 2), routes=((), ("--independent",))):
    """verify must exit with one of `codes` (never 0) on every route."""
    global checked
    path = os.path.join(WORK, "doctored.jsonl")
    save(path, header, leaves, summary)
    for extra in routes:
        rc, out, _ = run(["verify", path, "--threads", "1"] + list(extra))
        checked += 1
        if rc == 0 or rc not in codes:
            failures.append(f"{what} {' '.join(extra)}: exit {rc} (expected {codes})\n{out[:500]}")


def headers():
    base = certify("rsee", ["--case", "A", "--box", "b=-6:6,h=-6:6", "--claim", "no-saddle"])
    if base:
        h, l, s = base
        m = h["model"]
        x = copy.deepcopy(h); x["model"]["fixed"]["h"] = "0"
        expect_refused("h both fixed and free", x, l, s, codes=(2,))
        x = copy.deepcopy(h); x["model"]["fixed"]["g"] = "-1.5"
        expect_refused("fixed g < 0", x, l, s, codes=(2,))
        x = copy.deepcopy(h); x["model"]["fixed"]["zz"] = "1"
        expect_refused("unknown fixed parameter", x, l, s, codes=(2,))
        x = copy.deepcopy(h); x["model"]["extra"] = 1
        expect_refused("unknown model key", x, l, s, codes=(2,))
        x = copy.deepcopy(h); x["claim"]["junk"] = "1"
        expect_refused("unknown claim key", x, l, s, codes=(2,))
        x = copy.deepcopy(h); x["claim"]["eps"] = "0.5"
        expect_refused("eps on a no-saddle claim", x, l, s, codes=(2,))
        x = copy.deepcopy(h); x["junk"] = 1
        expect_refused("unknown header key", x, l, s, codes=(2,))
        x = copy.deepcopy(h); x["box"]["junk"] = 1
        expect_refused("unknown box key", x, l, s, codes=(2,))
        if m["free"] == ["b", "h"]:
            x = copy.deepcopy(h); x["model"]["free"] = ["h", "b"]; x["box"]["names"] = ["h", "b"]
            expect_refused("free variables out of order", x, l, s, codes=(1, 2))
    cubic = certify("cubic", ["--model", "test-cubic", "--box", "x1=-3:3.1,x2=-2.7:3", "--claim", "no-saddle"])
    if cubic:
        h, l, s = cubic
        for n in (4294967298, 2.5, -2, "2"):
            x = copy.deepcopy(h); x["model"]["n"] = n
            expect_refused(f"test-cubic n = {n!r}", x, l, s, codes=(2,))
        for i, leaf in enumerate(l):
            if leaf.get("evidence") == "unique" and "inertia" in leaf:
                y = copy.deepcopy(l)
                y[i]["inertia"] = [v + 2 ** 32 for v in leaf["inertia"]]
                expect_refused("inertia wrapping a 32-bit int", h, y, s, codes=(1,))
                break
        else:
            failures.append("cubic: no unique leaf with inertia to doctor")


def leaves():
    base = certify("rsee-excl", ["--case", "A", "--box", "a=-1:-0.5,b=0:0.5", "--claim", "no-stationary"])
    if base:
        h, l, s = base
        for i, leaf in enumerate(l):
            if leaf.get("evidence") == "excluded":
                y = copy.deepcopy(l)
                y[i]["grad"] = ["-1e9", "1e9"]
                expect_refused("excluded leaf whose grad does not exclude 0", h, y, s, codes=(1,))
                break
        else:
            failures.append("rsee-excl: no excluded leaf to doctor")
    ext = certify("cubic-extrema", ["--model", "test-cubic", "--box", "x1=2:2.5,x2=2:2.5", "--claim", "extrema"])
    if ext:
        h, l, s = ext
        y = copy.deepcopy(l)
        n = 0
        for leaf in y:
            if "min" in leaf and "J" in leaf["min"]:
                leaf["min"]["J"][0] = "1e-399999999"
                n += 1
        if n == 0:
            failures.append("cubic-extrema: no min J to doctor")
        path = os.path.join(WORK, "tiny.jsonl")
        save(path, h, y, s)
        rc, out, dt = run(["verify", path, "--threads", "1"], timeout=30)
        global checked
        checked += 1
        if rc == 0 or dt > 10 or len(out) > 1_000_000:
            failures.append(f"recorded min J 1e-399999999: exit {rc}, {dt:.1f} s, {len(out)} bytes of report")


def checkpoints():
    global checked
    box = ["--model", "test-cubic", "--box", "x1=0.999:3,x2=-3:-0.999", "--claim", "no-saddle", "--no-witness-search"]
    out = os.path.join(WORK, "ckpt.jsonl")
    rc, text, _ = run(["certify"] + box + ["--max-leaves", "5", "--out", out, "--no-progress", "--threads", "1"])
    if rc != 1 or "incomplete" not in text:
        failures.append(f"budget run: expected incomplete (exit 1), got exit {rc}: {text}")
        return
    h, l, s = load(out)
    forged = False
    for leaf in l:
        (x1, x2) = [(float(a), float(b)) for a, b in leaf["box"]]
        if leaf["evidence"] == "unknown" and x1[0] <= 1 <= x1[1] and x2[0] <= -1 <= x2[1]:
            reason_free = {k: v for k, v in leaf.items() if k not in ("reason",)}
            reason_free.update(evidence="excluded", index=0, sign=1, grad=["1", "2"], bits=53)
            leaf.clear()
            leaf.update(reason_free)
            forged = True
    if not forged:
        failures.append("budget run: no unknown leaf holds the saddle (1, -1)")
        return
    for keep_summary in (True, False):
        save(out, h, l, s if keep_summary else None)
        rc, text, _ = run(["certify"] + box + ["--resume", "--out", out, "--no-progress", "--threads", "1"])
        checked += 1
        if rc == 0 or "proved" in text.split("\n")[0]:
            failures.append(f"forged checkpoint (summary kept: {keep_summary}) resumed as: exit {rc}: {text[:400]}")
        elif rc != 2 or "--resume" not in text:
            failures.append(f"forged checkpoint: expected exit 2 naming --resume, got exit {rc}: {text[:400]}")
    # a finished checkpoint: the refuting saddle leaf replaced by an excluded one, summary proved
    fin = os.path.join(WORK, "finished.jsonl")
    rc, text, _ = run(["certify"] + box + ["--out", fin, "--no-progress", "--threads", "1"])
    if rc != 1 or "refuted" not in text:
        failures.append(f"finished run: expected refuted, got exit {rc}: {text}")
        return
    h, l, s = load(fin)
    for leaf in l:
        if leaf["evidence"] == "unique":
            for k in ("K", "Q", "Y", "type", "inertia"):
                leaf.pop(k, None)
            leaf.update(evidence="excluded", index=0, sign=1, grad=["1", "2"], bits=53)
    s["summary"]["status"] = "proved"
    save(fin, h, l, s)
    rc, text, _ = run(["certify"] + box + ["--resume", "--out", fin, "--no-progress", "--threads", "1"])
    checked += 1
    if rc == 0 or rc != 2:
        failures.append(f"forged finished checkpoint resumed as: exit {rc}: {text[:400]}")


def main():
    os.makedirs(WORK, exist_ok=True)
    headers()
    leaves()
    checkpoints()
    print(f"{checked} untrusted inputs checked, {len(failures)} accepted or failed")
    for f in failures[:40]:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
