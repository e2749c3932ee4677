#!/usr/bin/env python3
"""Random search for nas4j's `external` strategy (the ask-tell protocol of docs/ask-tell.md).

Standard library only. nas4j starts this program once per run, writes a "start" message (seed, space,
budget) on its stdin and answers one JSON request per line until the budget is spent.

Draws cells like the NAS-Bench-101 paper's random search: 21 fair upper-triangular edge bits and 5 uniform
interior ops. With --invalid resample (default) a draw is checked for free ("check") and redrawn until valid;
with --invalid record it is queried anyway (the oracle records it as invalid at no cost).

    strategies:
      - {strategy: external, label: RS-py, params: {command: python3 examples/python/random_search.py}}
"""
import argparse
import json
import os
import random
import sys


class Session:
    """The conversation with nas4j: one request per line on stdout, one reply per line on stdin."""

    def __init__(self, log_dir):
        self.start = json.loads(sys.stdin.readline())
        self.log = None
        if log_dir:  # every query sent, one JSON line each (tests replay them)
            self.log = open(os.path.join(log_dir, "%d.jsonl" % self.start["seed"]), "w")

    def ask(self, request):
        line = json.dumps(request)
        if self.log and request["op"] == "query":
            self.log.write(line + "\n")
            self.log.flush()
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
        reply = sys.stdin.readline()
        if not reply:  # nas4j ended the conversation
            sys.exit(0)
        return json.loads(reply)


def draw(rng, space):
    """A raw 7-vertex cell: fair edge bits above the diagonal, uniform interior ops."""
    n = space["max_vertices"]
    matrix = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i][j] = rng.randint(0, 1)
    ops = [space["input"]] + [rng.choice(space["ops"]) for _ in range(n - 2)] + [space["output"]]
    return matrix, ops


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invalid", choices=["resample", "record"], default="resample")
    parser.add_argument("--log", metavar="DIR", help="write the queries sent to DIR/<seed>.jsonl")
    args = parser.parse_args()
    session = Session(args.log)
    space = session.start["space"]
    rng = random.Random(session.start["seed"])
    while True:
        matrix, ops = draw(rng, space)
        if args.invalid == "resample":
            while not session.ask({"op": "check", "matrix": matrix, "ops": ops})["valid"]:
                matrix, ops = draw(rng, space)
        reply = session.ask({"op": "query", "matrix": matrix, "ops": ops})
        if not reply["ok"]:
            if reply["error"] == "budget_exhausted":
                return
            sys.exit("nas4j refused a query: %s" % reply)


if __name__ == "__main__":
    main()
