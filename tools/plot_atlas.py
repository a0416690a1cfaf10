#!/usr/bin/python3
"""Draw a `gancert atlas` certificate: the certified regions of a 2-D box, or of a 2-D slice of
a 4-D box, coloured by class, as PNG and PDF (docs/atlas.md).

usage: plot_atlas.py CERT.jsonl --out STEM [--plot-dims a,b] [--slice g=1,h=0]
                     [--trajectory TRAJ.csv] [--title T]

CERT.jsonl   an atlas certificate (header, leaves, summary; gancert atlas --out).
--plot-dims  the two variables on the axes (default: the first two of the box).
--slice      4-D boxes: the values of the other two variables (default: the box midpoint).
             The figure shows the leaves whose box contains the slice point in those two
             coordinates (lo <= v < hi, or v = hi on the box's upper face), i.e. the exact
             intersection of the tiling with the plane; the legend gives, per class, the leaf count and the fraction of the whole
             box volume (exact decimal sums from the certificate's summary) and, for a slice,
             the fraction of the slice area.
--trajectory CSV k,a,b,g,h,J of the paper's gradient-play run, projected on the plot axes.
Writes STEM.png (200 dpi) and STEM.pdf. Uses Debian's matplotlib (/usr/bin/python3).
"""
import argparse
import csv
import json
from decimal import Decimal
from fractions import Fraction

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch, Rectangle  # noqa: E402

CLASSES = ["plateau", "min", "max", "saddle", "monotone", "nonstationary", "stationary-line", "unknown"]
COLOURS = {"plateau": "#9ecae1", "min": "#08519c", "max": "#a50f15", "saddle": "#fd8d3c",
           "nonstationary": "#bdbdbd", "stationary-line": "#6a3d9a", "unknown": "#252525"}
MONOTONE = ["#a1d99b", "#31a354", "#fee391", "#d9f0a3", "#74c476", "#c7e9c0", "#e5f5e0", "#addd8e",
            "#fec44f", "#78c679", "#41ab5d", "#f7fcb9"]


def region(leaf):
    ev = leaf["evidence"]
    if ev in ("plateau", "monotone", "stationary-line"):
        return ev
    if ev == "empty":
        return "nonstationary"
    if ev == "unique" and leaf.get("type") in ("min", "max", "saddle"):
        return leaf["type"]
    return "unknown"


def pattern(leaf, names):
    return ", ".join("\u2202%s%s0" % (names[i], ">" if s > 0 else "<")
                     for i, s in enumerate(leaf["signs"]) if s != 0)


def read(path):
    header, leaves, summary = None, [], None
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            j = json.loads(line)
            if header is None:
                header = j
            elif "summary" in j:
                summary = j["summary"]
            else:
                leaves.append(j)
    if header is None or header.get("claim", {}).get("kind") != "atlas":
        raise SystemExit("plot_atlas.py: '%s' is not an atlas certificate" % path)
    return header, leaves, summary


def parse_slice(text, names, plot, lo, hi):
    values = {}
    for item in filter(None, (text or "").split(",")):
        name, _, v = item.partition("=")
        if name not in names or name in plot:
            raise SystemExit("plot_atlas.py: --slice: '%s' is not a variable off the plot axes" % name)
        values[name] = Decimal(v)
    for i, n in enumerate(names):
        if n not in plot and n not in values:
            values[n] = (lo[i] + hi[i]) / 2
        if n in values and not lo[i] <= values[n] <= hi[i]:
            raise SystemExit("plot_atlas.py: --slice: %s = %s is outside the box" % (n, values[n]))
    return values


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cert")
    ap.add_argument("--out", required=True)
    ap.add_argument("--plot-dims", default="")
    ap.add_argument("--slice", default="")
    ap.add_argument("--trajectory", default="")
    ap.add_argument("--title", default="")
    args = ap.parse_args()
    header, leaves, summary = read(args.cert)
    names = header["box"]["names"]
    lo = [Decimal(x) for x in header["box"]["lo"]]
    hi = [Decimal(x) for x in header["box"]["hi"]]
    plot = args.plot_dims.split(",") if args.plot_dims else names[:2]
    if len(plot) != 2 or plot[0] == plot[1] or any(p not in names for p in plot):
        raise SystemExit("plot_atlas.py: --plot-dims: need two distinct variables of %s" % ",".join(names))
    xi, yi = names.index(plot[0]), names.index(plot[1])
    fixed = parse_slice(args.slice, names, plot, lo, hi)

    patterns = sorted({pattern(l, names) for l in leaves if l["evidence"] == "monotone"})
    colour_of = {p: MONOTONE[k % len(MONOTONE)] for k, p in enumerate(patterns)}
    fig, ax = plt.subplots(figsize=(7.2, 5.4))
    slice_area = {}
    shown = 0
    for leaf in leaves:
        box = [(Decimal(a), Decimal(b)) for a, b in leaf["box"]]
        if any(not box[names.index(n)][0] <= v <= box[names.index(n)][1] for n, v in fixed.items()):
            continue
        cls = region(leaf)
        key = pattern(leaf, names) if cls == "monotone" else cls
        colour = colour_of[key] if cls == "monotone" else COLOURS[cls]
        (x0, x1), (y0, y1) = box[xi], box[yi]
        # a slice through a shared face meets the leaves on both sides: take the upper ones
        if any(v == box[names.index(n)][1] and v != hi[names.index(n)] for n, v in fixed.items()):
            continue
        slice_area[key] = slice_area.get(key, Fraction(0)) + Fraction(x1 - x0) * Fraction(y1 - y0)
        ax.add_patch(Rectangle((float(x0), float(y0)), float(x1 - x0), float(y1 - y0), facecolor=colour,
                               edgecolor="white" if len(leaves) < 3000 else colour, linewidth=0.2))
        shown += 1

    classes = (summary or {}).get("regions", {}).get("classes", {})
    pats = (summary or {}).get("regions", {}).get("monotone_patterns", {})
    total_area = Fraction(hi[xi] - lo[xi]) * Fraction(hi[yi] - lo[yi])
    handles = []

    def label(name, entry, key):
        text = "%s: %d leaves" % (name, entry["leaves"])
        if entry.get("fraction") is not None:  # none recorded: a box whose measure is not a fraction (huge ranges)
            text += ", %.4g %% of the box" % (100 * entry["fraction"])
        if len(names) > 2:
            text += ", %.4g %% of the slice" % (100 * float(slice_area.get(key, 0) / total_area))
        return text

    for cls in CLASSES:
        if cls == "monotone":
            for p in patterns:
                if p in pats:
                    handles.append(Patch(facecolor=colour_of[p], label=label("monotone " + p, pats[p], p)))
        elif cls in classes:
            handles.append(Patch(facecolor=COLOURS[cls], label=label(cls, classes[cls], cls)))

    if args.trajectory:
        with open(args.trajectory, newline="") as f:
            rows = list(csv.DictReader(f))
        tx = [float(r[plot[0]]) for r in rows]
        ty = [float(r[plot[1]]) for r in rows]
        ax.plot(tx, ty, color="black", linewidth=1.2, marker=".", markersize=2.5, label="gradient play")
        ax.plot(tx[:1], ty[:1], "o", color="black", markersize=5)
        handles.append(plt.Line2D([], [], color="black", marker=".", label="paper's gradient play (%d steps%s)" %
                                  (len(rows) - 1, "" if set(names) <= {"b", "h"} else ", projected")))

    ax.set_xlim(float(lo[xi]), float(hi[xi]))
    ax.set_ylim(float(lo[yi]), float(hi[yi]))
    ax.set_xlabel(plot[0])
    ax.set_ylabel(plot[1])
    claim = header["claim"]
    title = args.title + (": " if args.title else "") + "certified atlas over %s, %s" % tuple(plot)
    if fixed:
        title += " (slice " + ", ".join("%s = %s" % (n, v) for n, v in sorted(fixed.items())) + ")"
    ax.set_title(title, fontsize=10)
    status = (summary or {}).get("status", "unfinished")
    fig.text(0.01, 0.01, "plateau: |dJ/d\u03b8\u1d62| \u2264 %s, |J \u2212 %s| \u2264 %s; %d leaves (%d shown); %s" %
             (claim["eps"], claim["level"], claim["delta"], len(leaves), shown,
              "every region classified" if status == "proved" else "unknown volume remains"), fontsize=7)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(args.out + ".png", dpi=200, bbox_inches="tight")
    fig.savefig(args.out + ".pdf", bbox_inches="tight")


if __name__ == "__main__":
    main()
