#!/usr/bin/python3
"""Plot a `gancert surface`: J over a 2-D box, the certifier's leaves, the paper's trajectory.

usage: plot_surface.py GRID.csv LEAVES.csv TRAJ.csv OUT.png [--xname b] [--yname h] [--title T]

GRID.csv: x,y,J on an N x N grid (row-major, x fastest; double evaluations, not rigorous).
LEAVES.csv: x_lo,x_hi,y_lo,y_hi,evidence (one certifier leaf per row; exact decimals).
TRAJ.csv: k,x,y,J (the paper's gradient-play trajectory projected on the two axes).
Uses Debian's matplotlib (run with /usr/bin/python3).
"""
import argparse
import csv
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.patches import Patch, Rectangle  # noqa: E402

COLOURS = {"excluded": "tab:green", "empty": "tab:olive", "plateau": "tab:cyan", "unique": "tab:red",
           "unknown": "black", "violates": "magenta", "bounded": "tab:gray"}


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    for name in ("grid", "leaves", "traj", "png"):
        ap.add_argument(name)
    ap.add_argument("--xname", default="b")
    ap.add_argument("--yname", default="h")
    ap.add_argument("--title", default="")
    args = ap.parse_args()
    grid = read(args.grid)
    if not grid:
        raise SystemExit("plot_surface: empty grid CSV")
    xn, yn = list(grid[0].keys())[:2]
    x = np.array([float(r[xn]) for r in grid])
    y = np.array([float(r[yn]) for r in grid])
    J = np.array([float(r["J"]) for r in grid])
    n = int(round(math.sqrt(len(grid))))
    X, Y, Z = x.reshape(n, n), y.reshape(n, n), J.reshape(n, n)

    fig, ax = plt.subplots(figsize=(9, 7.5))
    mesh = ax.pcolormesh(X, Y, Z, shading="auto", cmap="viridis")
    fig.colorbar(mesh, ax=ax, label="J (double)")
    finite = Z[np.isfinite(Z)]
    if finite.size and finite.max() > finite.min():
        cs = ax.contour(X, Y, Z, levels=15, colors="white", linewidths=0.6, alpha=0.8)
        ax.clabel(cs, fontsize=6, fmt="%.3g")

    counts = {}
    for r in read(args.leaves):
        ev = r["evidence"]
        counts[ev] = counts.get(ev, 0) + 1
        x0, x1, y0, y1 = (float(r[k]) for k in ("x_lo", "x_hi", "y_lo", "y_hi"))
        col = COLOURS.get(ev, "tab:purple")
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=ev in ("unique", "unknown"), facecolor=col,
                               edgecolor=col, alpha=0.5 if ev in ("unique", "unknown") else 0.6, linewidth=0.4))
    # the four classes always appear in the legend (with their counts, possibly 0)
    shown = ["excluded", "plateau", "unique", "unknown"] + sorted(set(counts) - {"excluded", "plateau", "unique",
                                                                                "unknown"})
    handles = [Patch(facecolor=COLOURS.get(ev, "tab:purple") if ev in ("unique", "unknown") else "none",
                     edgecolor=COLOURS.get(ev, "tab:purple"), label="%s (%d)" % (ev, counts.get(ev, 0)))
               for ev in shown]

    traj = read(args.traj)
    if traj:
        tx = [float(r["x"]) for r in traj]
        ty = [float(r["y"]) for r in traj]
        (line,) = ax.plot(tx, ty, color="orange", marker=".", markersize=3, linewidth=1.2,
                          label="paper trajectory (%d iterates)" % len(traj))
        ax.plot(tx[:1], ty[:1], "o", color="orange", markeredgecolor="black")
        handles.append(line)
    x0, x1 = x.min(), x.max()
    y0, y1 = y.min(), y.max()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel(args.xname)
    ax.set_ylabel(args.yname)
    if handles:
        ax.legend(handles=handles, loc="upper right", fontsize="small", title="certifier leaves (no-saddle)",
                  title_fontsize="small")
    ax.set_title(args.title or "gancert surface")
    fig.tight_layout()
    fig.savefig(args.png, dpi=100)


if __name__ == "__main__":
    main()
