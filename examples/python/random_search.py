#!/usr/bin/env python3
"""Random search for nas4j's `external` strategy (the ask-tell protocol of docs/ask-tell.md).

Standard library only. Draws cells like the NAS-Bench-101 paper's random search: 21 fair upper-triangular edge
bits and 5 uniform interior ops. With --invalid resample (default) a draw is checked for free and redrawn until
valid; with --invalid record it is queried anyway (the oracle records it as invalid at no cost).

    strategies:
      - {strategy: external, label: RS-py, params: {command: python3 examples/python/random_search.py}}
"""
import argparse
import random

from asktell import Session


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invalid", choices=["resample", "record"], default="resample")
    parser.add_argument("--log", metavar="DIR", help="write the queries sent to DIR/<seed>.jsonl")
    args = parser.parse_args()
    session = Session(args.log)
    rng = random.Random(session.start["seed"])
    while True:  # until nas4j answers budget_exhausted (Session.ask exits)
        matrix, ops = session.draw(rng)
        if args.invalid == "resample":
            while session.check(matrix, ops) is None:
                matrix, ops = session.draw(rng)
        session.ask({"op": "query", "matrix": matrix, "ops": ops})


if __name__ == "__main__":
    main()
