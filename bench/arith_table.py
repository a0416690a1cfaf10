#!/usr/bin/python3
"""Markdown table (CPU time per operation) from bench_arith's JSON output.

usage: bench/arith_table.py <build-dir>/bench-results/bench_arith.json
"""
import json
import sys


def fmt(ns):
    if ns < 100:
        return f"{ns:.2g} ns" if ns < 10 else f"{ns:.0f} ns"
    if ns < 1e5:
        return f"{ns / 1e3:.2g} µs" if ns < 1e4 else f"{ns / 1e3:.0f} µs"
    return f"{ns / 1e3:.0f} µs"


def main(path):
    data = json.load(open(path))
    ops = ["exp", "erf", "erfc", "add", "mul"]
    rows = {}
    for b in data["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration":
            continue
        op, typ = b["name"].split("/", 1)
        scale = {"ns": 1, "us": 1e3, "ms": 1e6}[b["time_unit"]]
        rows.setdefault(typ, {})[op] = b["cpu_time"] * scale
    print("| type | " + " | ".join(["exp", "erf", "erfc", "+", "×"]) + " |")
    print("|---|" + "---:|" * len(ops))
    for typ, r in rows.items():
        print(f"| {typ} | " + " | ".join(fmt(r[o]) if o in r else "—" for o in ops) + " |")
    ctx = data["context"]
    print()
    print(f"CPU time per call; {ctx.get('num_cpus')} CPUs @ {ctx.get('mhz_per_cpu')} MHz, "
          f"load average {', '.join(f'{x:.1f}' for x in ctx.get('load_avg', []))} during the run.")


if __name__ == "__main__":
    main(sys.argv[1])
