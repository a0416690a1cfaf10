#!/usr/bin/python3
"""Plot a `gancert trajectory` CSV: parameters, J1/J2/J and ||grad J|| against the iteration.

usage: plot_trajectory.py TRAJECTORY.csv OUT.png [--title T] [--sgd SGD.csv]

The CSV has columns k,a,b,g,h,J1,J2,J,gnorm (plus *_lo/*_hi for certified runs; the box widths
are then computed exactly from the decimal bounds and drawn in the third panel). The optional
SGD file (k,a_mean,...,h_sd,distance) adds the SGD mean +- one standard deviation.
Uses Debian's matplotlib (run with /usr/bin/python3).
"""
import argparse
import csv
from decimal import Decimal, getcontext

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("png")
    ap.add_argument("--title", default="")
    ap.add_argument("--sgd", default="")
    args = ap.parse_args()
    rows = read(args.csv)
    if not rows:
        raise SystemExit("plot_trajectory: empty CSV")
    k = [int(r["k"]) for r in rows]
    names = list(rows[0].keys())[1:5]  # the players' parameters (a, b, g, h; l, r, g, h for an indicator)
    certified = names[0] + "_lo" in rows[0]
    fig, axes = plt.subplots(3, 1, figsize=(8, 10), sharex=True)
    colours = dict(zip(names, ("tab:blue", "tab:orange", "tab:green", "tab:red")))
    for name, col in colours.items():
        axes[0].plot(k, [float(r[name]) for r in rows], color=col, label=name)
    if args.sgd:
        srows = read(args.sgd)
        sk = [int(r["k"]) for r in srows]
        for name, col in colours.items():
            m = [float(r[name + "_mean"]) for r in srows]
            sd = [float(r[name + "_sd"]) for r in srows]
            axes[0].plot(sk, m, color=col, linestyle="--", linewidth=0.8)
            axes[0].fill_between(sk, [x - s for x, s in zip(m, sd)], [x + s for x, s in zip(m, sd)],
                                 color=col, alpha=0.2, linewidth=0)
        axes[0].plot([], [], color="grey", linestyle="--", label="SGD mean ± sd")
    axes[0].set_ylabel("parameters")
    axes[0].legend(loc="best", ncol=5, fontsize="small")
    axes[0].grid(alpha=0.3)
    for name, col in (("J1", "tab:purple"), ("J2", "tab:brown"), ("J", "black")):
        axes[1].plot(k, [float(r[name]) for r in rows], color=col, label=name)
    axes[1].axhline(1.0, color="grey", linestyle=":", linewidth=0.8)
    axes[1].set_ylabel("cost")
    axes[1].legend(loc="best", fontsize="small")
    axes[1].grid(alpha=0.3)
    axes[2].semilogy(k, [max(float(r["gnorm"]), 1e-300) for r in rows], color="black",
                     label="||grad J|| (moving coords)")
    if certified:
        getcontext().prec = 60
        widths = []
        for r in rows:
            w = max(Decimal(r[n + "_hi"]) - Decimal(r[n + "_lo"]) for n in names)
            widths.append(max(float(w), 1e-300))
        axes[2].semilogy(k, widths, color="tab:red", label="max box width (certified)")
    axes[2].set_xlabel("iteration k")
    axes[2].legend(loc="best", fontsize="small")
    axes[2].grid(alpha=0.3, which="both")
    fig.suptitle(args.title or "gancert trajectory")
    fig.tight_layout()
    fig.savefig(args.png, dpi=100)


if __name__ == "__main__":
    main()
