#!/usr/bin/env python3
"""Local search for nas4j's `external` strategy (the ask-tell protocol of docs/ask-tell.md).

Standard library only. naszilla's local search (White et al., "Exploring the loss landscape in neural
architecture search", UAI 2021): query --num-init random valid cells and start from the best; walk the current
cell's single-edit neighbours (change one interior op, flip one edge) in random order and move to the first
one with a strictly higher validation accuracy; at a local optimum start again from fresh random cells.

Cells already queried in the run are skipped (--skip-queried, the default, as naszilla does); with
--no-skip-queried they are asked again, by their hash, and the oracle's duplicate policy applies.

    strategies:
      - {strategy: external, label: LS-py, params: {command: python3 examples/python/local_search.py}}
"""
import argparse
import random

from asktell import Session


class LocalSearch:
    def __init__(self, session, num_init, skip_queried):
        self.session = session
        self.rng = random.Random(session.start["seed"])
        self.num_init = num_init
        self.skip_queried = skip_queried
        self.accuracy = {}  # hash -> validation accuracy returned (None: no data)

    def query(self, matrix, ops, cell_hash):
        if cell_hash in self.accuracy:
            reply = self.session.ask({"op": "query", "hash": cell_hash})
        else:
            reply = self.session.ask({"op": "query", "matrix": matrix, "ops": ops})
        self.accuracy[cell_hash] = reply["validation_accuracy"]
        return reply["validation_accuracy"]

    def random_start(self):
        best = None
        for _ in range(self.num_init):
            while True:
                matrix, ops = self.session.draw(self.rng)
                cell_hash = self.session.check(matrix, ops)
                if cell_hash is not None and not (self.skip_queried and cell_hash in self.accuracy):
                    break
            acc = self.query(matrix, ops, cell_hash)
            if acc is not None and (best is None or acc > best[3]):
                best = (matrix, ops, cell_hash, acc)
        return best

    def neighbours(self, matrix, ops):
        n = len(matrix)
        out = []
        for v in range(1, n - 1):
            for op in self.session.space["ops"]:
                if op != ops[v]:
                    out.append((matrix, ops[:v] + [op] + ops[v + 1:]))
        for i in range(n):
            for j in range(i + 1, n):
                m = [row[:] for row in matrix]
                m[i][j] = 1 - m[i][j]
                out.append((m, ops))
        self.rng.shuffle(out)
        return out

    def run(self):
        while True:  # until nas4j answers budget_exhausted (Session.ask exits)
            current = self.random_start()
            while current is not None:
                matrix, ops, cell_hash, acc = current
                moved = None
                for m, o in self.neighbours(matrix, ops):
                    h = self.session.check(m, o)
                    if h is None or h == cell_hash or (self.skip_queried and h in self.accuracy):
                        continue
                    a = self.query(m, o, h)
                    if a is not None and a > acc:
                        moved = (m, o, h, a)
                        break
                current = moved


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--num-init", type=int, default=10, help="random cells at each (re)start")
    parser.add_argument("--skip-queried", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--log", metavar="DIR", help="write the queries sent to DIR/<seed>.jsonl")
    args = parser.parse_args()
    LocalSearch(Session(args.log), args.num_init, args.skip_queried).run()


if __name__ == "__main__":
    main()
