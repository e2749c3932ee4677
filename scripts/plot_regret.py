#!/usr/bin/env python3
"""Plot test regret against simulated training time, like Fig. 7 of the NAS-Bench-101 paper.

Reads the summary.csv written by `nas4j run` and draws, per strategy, the median test regret over runs with the
25-75 % band, on log-log axes. Works with Debian's python3-matplotlib (no pandas needed).

  python3 scripts/plot_regret.py results/quickstart/summary.csv -o results/quickstart/regret.png
  python3 scripts/plot_regret.py results/quickstart/summary.csv --axis queries --metric valid -o v.svg

Grid points where some runs have no incumbent yet are drawn only when every run has one (--all-points
draws them anyway). Non-positive regrets (possible for validation regret) cannot be shown on a log axis and are
left out, with a note on stderr.
"""
import argparse
import csv
import math
import os
import sys
from collections import OrderedDict


NEEDED = ["strategy", "axis", "x", "runs", "runs_with_incumbent"]


def read_summary(path, axis, metric):
    series = OrderedDict()
    try:
        f = open(path, newline="", encoding="utf-8")
    except OSError as e:
        sys.exit("plot_regret: %s: cannot read (%s)" % (path, e.strerror or e))
    with f:
        try:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in NEEDED + [metric + "_regret_median"] if c not in header]
            if missing:
                sys.exit("plot_regret: %s is not a summary.csv written by nas4j run (missing columns: %s)"
                         % (path, ", ".join(missing)))
            rows = list(reader)
        except (UnicodeDecodeError, csv.Error) as e:
            sys.exit("plot_regret: %s is not a CSV text file (%s)" % (path, e))
        for line, row in enumerate(rows, start=2):
            try:
                _add(series, row, axis, metric)
            except (ValueError, TypeError, KeyError):
                sys.exit("plot_regret: %s: line %d is not a summary row" % (path, line))
    return series


def _add(series, row, axis, metric):
    if row["axis"] != axis:
        return
    s = series.setdefault(row["strategy"], {"x": [], "median": [], "q25": [], "q75": [], "full": []})
    def num(k):
        v = row[k]
        return float(v) if v != "" else math.nan
    s["x"].append(float(row["x"]))
    s["median"].append(num(metric + "_regret_median"))
    s["q25"].append(num(metric + "_regret_q25"))
    s["q75"].append(num(metric + "_regret_q75"))
    s["full"].append(row["runs"] == row["runs_with_incumbent"])


def surrogate(summary):
    """True if the run.json beside the summary says the benchmark was the surrogate."""
    import json
    try:
        with open(os.path.join(os.path.dirname(os.path.abspath(summary)), "run.json"), encoding="utf-8") as f:
            return bool(json.load(f).get("benchmark", {}).get("surrogate", False))
    except (OSError, ValueError, AttributeError):
        return False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("summary", help="summary.csv written by nas4j run")
    ap.add_argument("-o", "--output", default=None, help="output file (.png, .svg or .pdf); default regret.png next to the summary")
    ap.add_argument("--axis", choices=["time", "queries"], default="time")
    ap.add_argument("--metric", choices=["test", "valid"], default="test")
    ap.add_argument("--title", default=None)
    ap.add_argument("--all-points", action="store_true", help="also draw points where some runs have no incumbent yet")
    ap.add_argument("--dpi", type=int, default=150)
    args = ap.parse_args(argv)

    series = read_summary(args.summary, args.axis, args.metric)
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        sys.exit("plot_regret: needs matplotlib: install it with 'apt-get install python3-matplotlib' (Debian/Ubuntu)"
                 " or 'python3 -m pip install matplotlib'")

    if not series:
        sys.exit("plot_regret: no rows with axis=%s in %s" % (args.axis, args.summary))
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    # a regret of 0 (the optimum found) has no place on a log axis: quartile bands stop a decade below the
    # smallest positive median
    positive = [m for s in series.values() for m in s["median"] if not math.isnan(m) and m > 0]
    floor = min(positive) / 10 if positive else 1e-12
    dropped = 0
    for label, s in series.items():
        pts = [(x, m, lo, hi) for x, m, lo, hi, full in zip(s["x"], s["median"], s["q25"], s["q75"], s["full"])
               if (full or args.all_points) and not math.isnan(m)]
        keep = [p for p in pts if p[1] > 0]
        dropped += len(pts) - len(keep)
        if not keep:
            continue
        xs = [p[0] for p in keep]
        line, = ax.plot(xs, [p[1] for p in keep], label=label, lw=1.6,
                        drawstyle="steps-post" if args.axis == "queries" else "default")
        lo = [max(p[2], floor) for p in keep]
        hi = [max(p[3], floor) for p in keep]
        ax.fill_between(xs, lo, hi, color=line.get_color(), alpha=0.18, lw=0)
    if dropped:
        print("plot_regret: %d non-positive median values left out (log axis)" % dropped, file=sys.stderr)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(bottom=floor)
    ax.set_xlabel("simulated training time [s]" if args.axis == "time" else "charged queries")
    ax.set_ylabel(("test" if args.metric == "test" else "validation") + " regret (median, 25-75 %)")
    title = args.title or os.path.basename(os.path.dirname(os.path.abspath(args.summary)))
    if not args.title and surrogate(args.summary):
        title += " (surrogate: model predictions, not NAS-Bench-101 measurements)"
    ax.set_title(title, fontsize=10 if len(title) > 50 else None)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(frameon=False)
    fig.tight_layout()
    out = args.output or os.path.join(os.path.dirname(os.path.abspath(args.summary)), "regret.png")
    fig.savefig(out, dpi=args.dpi)
    print("plot_regret: wrote " + out)


if __name__ == "__main__":
    main()
