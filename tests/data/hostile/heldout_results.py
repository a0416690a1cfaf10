#!/usr/bin/env python3
"""The numbers of README.md's held-out block (issue 15): runs the whole sweep of hostile
invocations (sweep_invocations.py, 2 at a time, 60 s bound) and, side by side, the whole set of
splice and claim mutations of the committed certificates (tests/cli/splice_mutations.sh ... 40 all),
then prints the block; --readme rewrites README.md's <!-- heldout-results --> block with it.

usage: heldout_results.py GANCERT SRC [--readme]        (about 30 min on the 2-core machine)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time


def main():
    g, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    readme = "--readme" in sys.argv
    tmp = tempfile.mkdtemp(prefix="gancert-heldout-")
    report = os.path.join(tmp, "sweep.json")
    t0 = time.time()
    sweep = subprocess.Popen(["/usr/bin/python3", os.path.join(src, "tests/data/hostile/sweep_invocations.py"), "run",
                              g, src, "1", "2", "60", report], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    splice = subprocess.run(["bash", os.path.join(src, "tests/cli/splice_mutations.sh"), g, src, "40", "all"],
                            capture_output=True, text=True)
    sweep_out = sweep.communicate()[0]
    minutes = (time.time() - t0) / 60
    r = json.load(open(report))
    counted = [int(m.group(1)) for m in re.finditer(r"^(\d+) mutated certificates verified", splice.stdout, re.M)]
    kinds = set()
    for m in re.finditer(r"mutation kinds: (.*)$", splice.stdout, re.M):
        kinds |= set(m.group(1).split())
    mut_fail = len(re.findall(r"^FAIL", splice.stdout, re.M))
    slow = max(x["secs"] for x in r["results"])
    by_cmd = {}
    for x in r["results"]:
        w = x["what"].split()[0] if not x["what"].startswith("gancert.") else "python"
        by_cmd[w] = by_cmd.get(w, 0) + 1
    lines = [
        "Command: `/usr/bin/python3 tests/data/hostile/heldout_results.py build/gancert . --readme` (%.0f min on the" % minutes,
        "project's 2-core machine while other jobs shared it). Swept invocations (`sweep_invocations.py`, 2 at a",
        "time, bound 60 s, no `--time-limit` unless swept): %d (%s); failures: %d; slowest %.1f s."
        % (r["invocations"], ", ".join("%s %d" % kv for kv in sorted(by_cmd.items(), key=lambda kv: -kv[1])),
           r["failures"], slow),
        "Splice and claim mutations of the 23 committed certificates (`splice_mutations.py`, every accepted edit also",
        "re-checked by `verify --independent`): %d in %d kinds (%d of them `break`: never accepted); failures: %d."
        % (sum(counted), len({k.split("-", 1)[1] for k in kinds}),
           len({k.split("-", 1)[1] for k in kinds if k.startswith("break-")}), mut_fail),
    ]
    fails = [l for l in (sweep_out + splice.stdout).splitlines() if l.startswith("FAIL")]
    block = "\n".join(lines + (["Remaining failures:"] + ["    " + f[:200] for f in fails] if fails else []))
    print(block)
    if readme:
        p = os.path.join(src, "README.md")
        s = open(p).read()
        new = re.sub(r"(<!-- heldout-results -->\n).*?(<!-- /heldout-results -->)",
                     lambda m: m.group(1) + block + "\n" + m.group(2), s, flags=re.S)
        open(p, "w").write(new)
    return 1 if fails or r["failures"] or mut_fail else 0


if __name__ == "__main__":
    sys.exit(main() if len(sys.argv) >= 3 else __doc__)
