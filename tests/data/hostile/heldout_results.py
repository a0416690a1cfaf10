#!/usr/bin/env python3
"""The numbers of README.md's held-out block (issue 15), from the reports of the whole runs:

  /usr/bin/python3 tests/data/hostile/sweep_invocations.py run build/gancert . 1 2 60 WHOLE.json
  /usr/bin/python3 tests/data/hostile/sweep_invocations.py run build/gancert . WHOLE.json 2 60 RERUN.json
  bash tests/cli/splice_mutations.sh build/gancert . 30 all > SPLICE.log

usage: heldout_results.py WHOLE.json [RERUN.json] SPLICE.log [--readme]
(RERUN: the lines that failed in WHOLE, run again after the fixes.) Prints the block; --readme
rewrites README.md's <!-- heldout-results --> block with it (run from the repository root).
"""
import collections
import json
import re
import sys


def kind(r):
    w = r["why"]
    if w.startswith("bad input without naming"):
        return "exit 2 without naming the argument"
    if w.startswith("no end within"):
        return "no end within 60 s"
    return re.sub(r" \(.*", "", w)


def sweep_line(r, label):
    fails = [x for x in r["results"] if x["why"]]
    by = collections.Counter(kind(x) for x in fails)
    cmds = collections.Counter(("python" if x["what"].startswith("gancert.") else x["what"].split()[0]) for x in r["results"])
    return ("%s: %d invocations (%s), 2 at a time, bound %g s; %d failures%s; slowest %.1f s."
            % (label, r["invocations"], ", ".join("%s %d" % kv for kv in cmds.most_common()), r["bound"], len(fails),
               (" (" + ", ".join("%d %s" % (v, k) for k, v in by.most_common()) + ")") if fails else "",
               max(x["secs"] for x in r["results"])))


def main(argv):
    readme = "--readme" in argv
    args = [a for a in argv if a != "--readme"]
    whole = json.load(open(args[0]))
    rerun = json.load(open(args[1])) if len(args) == 3 else None
    splice = open(args[-1]).read()
    out = [sweep_line(whole, "Whole sweep (`sweep_invocations.py run build/gancert . 1 2 60`)")]
    if rerun:
        out.append(sweep_line(rerun, "Its failed lines again after the fixes (`... run build/gancert . WHOLE.json 2 60`)"))
    counted = [int(m.group(1)) for m in re.finditer(r"^(\d+) mutated certificates verified", splice, re.M)]
    kinds = set()
    for m in re.finditer(r"mutation kinds: (.*)$", splice, re.M):
        kinds |= set(m.group(1).split())
    fails = [l for l in splice.splitlines() if l.startswith("FAIL")]
    out.append("Splice and claim mutations of the 23 committed certificates (`tests/cli/splice_mutations.sh "
               "build/gancert . 40 all`; an accepted edit is re-checked by `verify --independent`): %d mutated "
               "certificates, %d kinds (%d of them `break`: never to be accepted); %d failures."
               % (sum(counted), len({k.split("-", 1)[1] for k in kinds}),
                  len({k.split("-", 1)[1] for k in kinds if k.startswith("break-")}), len(fails)))
    for f in fails:
        out.append("    " + f[:200])
    block = "\n".join(out)
    print(block)
    if readme:
        s = open("README.md").read()
        s = re.sub(r"(<!-- heldout-results -->\n).*?(<!-- /heldout-results -->)",
                   lambda m: m.group(1) + block + "\n" + m.group(2), s, flags=re.S)
        open("README.md", "w").write(s)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) if len(sys.argv) >= 3 else __doc__)
