#!/usr/bin/python3
"""Draws the RWA curve (with its noise band) and the locality plot from the CSV files of `nas4j analyze`.

Usage: scripts/plot_analysis.py DIR [--out OUTDIR] [--title TEXT]

Reads DIR/rwa.csv and DIR/locality.csv; writes OUTDIR/rwa.png and OUTDIR/locality.png (OUTDIR defaults to DIR).
Needs only matplotlib (Debian: apt-get install python3-matplotlib); the CSV files are read with the csv module.
"""
import argparse
import csv
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def num(s):
    return float(s) if s not in ("", None) else math.nan


def read(path):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))
    except FileNotFoundError:
        sys.exit(f"plot_analysis: no such file: {path} (run `nas4j analyze --out DIR` first)")


def plot_rwa(rows, out, title):
    lags = [int(r["lag"]) for r in rows]
    rwa = [num(r["autocorrelation"]) for r in rows]
    band = [num(r["noise_band"]) for r in rows]
    shuffled = [num(r["shuffled_autocorrelation"]) for r in rows]
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    ax.fill_between(lags, [-b for b in band], band, color="0.85", label="noise band ±2/√N")
    ax.plot(lags, rwa, "o-", color="C0", label="random-walk autocorrelation")
    ax.plot(lags, shuffled, "x--", color="0.4", linewidth=0.8, label="shuffled walks")
    falls = next((l for l, r, b in zip(lags, rwa, band) if not math.isnan(r) and r < b), None)
    if falls is not None:
        ax.axvline(falls, color="C3", linestyle=":", label=f"falls to noise at lag {falls}")
    ax.axvline(6, color="C2", linestyle="-.", linewidth=0.8, label="paper: noise at about 6")
    ax.axhline(0, color="black", linewidth=0.5)
    ax.set_xlabel("lag (single edits)")
    ax.set_ylabel("autocorrelation of validation accuracy")
    ax.set_xticks(lags)
    ax.set_title(title or "Random-walk autocorrelation")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def plot_locality(rows, out, title):
    bins = [r for r in rows if r["kind"] == "at_distance"]
    rnd = next((r for r in rows if r["kind"] == "random"), None)
    d = [int(r["distance"]) for r in bins]
    diff = [num(r["mean_abs_difference_points"]) for r in bins]
    corr = [num(r["correlation"]) for r in bins]
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(9.6, 4.0))
    a1.plot(d, diff, "o-", color="C0", label="pairs at that edit distance")
    a2.plot(d, corr, "o-", color="C1", label="pairs at that edit distance")
    if rnd is not None:
        md = num(rnd["mean_distance"])
        a1.axhline(num(rnd["mean_abs_difference_points"]), color="0.4", linestyle="--",
                   label=f"random pairs (mean distance {md:.1f})")
        a2.axhline(num(rnd["correlation"]), color="0.4", linestyle="--", label="random pairs")
    for a in (a1, a2):
        a.set_xlabel("edit distance")
        a.set_xticks(d)
        a.legend(fontsize=8)
    a1.set_ylabel("mean |Δ validation accuracy| (points)")
    a2.set_ylabel("correlation of validation accuracy")
    a2.axhline(0, color="black", linewidth=0.5)
    fig.suptitle(title or "Locality")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dir", help="folder with rwa.csv and locality.csv")
    p.add_argument("--out", help="folder for the PNG files (default: DIR)")
    p.add_argument("--title", default="", help="prefix for the plot titles (e.g. the benchmark)")
    a = p.parse_args()
    out = a.out or a.dir
    os.makedirs(out, exist_ok=True)
    prefix = (a.title + ": ") if a.title else ""
    plot_rwa(read(os.path.join(a.dir, "rwa.csv")), os.path.join(out, "rwa.png"),
             prefix + "random-walk autocorrelation")
    plot_locality(read(os.path.join(a.dir, "locality.csv")), os.path.join(out, "locality.png"),
                  prefix + "locality")
    print(f"wrote {os.path.join(out, 'rwa.png')} and {os.path.join(out, 'locality.png')}")


if __name__ == "__main__":
    main()
