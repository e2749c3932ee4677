"""The client side of nas4j's ask-tell protocol (docs/ask-tell.md), shared by the examples. Standard library only.

nas4j starts the program once per run and writes a "start" message (seed, space, budget) on its stdin; the
program then writes one JSON request per line on stdout and reads one reply per line from stdin.
"""
import json
import os
import sys


class Session:
    """The conversation with nas4j. `start` is the start message; `ask` sends a request and returns the reply."""

    def __init__(self, log_dir=None):
        self.start = json.loads(sys.stdin.readline())
        self.space = self.start["space"]
        self.log = None
        if log_dir:  # every query sent, one JSON line each (the tests replay them)
            self.log = open(os.path.join(log_dir, "%d.jsonl" % self.start["seed"]), "w")

    def ask(self, request):
        """Sends a request; returns the reply. Exits quietly when the budget is spent or nas4j hangs up."""
        line = json.dumps(request)
        if self.log and request["op"] == "query":
            self.log.write(line + "\n")
            self.log.flush()
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
        reply = sys.stdin.readline()
        if not reply:  # nas4j ended the conversation
            sys.exit(0)
        reply = json.loads(reply)
        if not reply["ok"]:
            if reply.get("error") == "budget_exhausted":
                sys.exit(0)
            sys.exit("nas4j refused a request: %s" % reply)
        return reply

    def draw(self, rng):
        """A raw cell as the NAS-Bench-101 paper's random search draws it: fair edge bits above the diagonal,
        uniform interior ops. May be invalid."""
        n = self.space["max_vertices"]
        matrix = [[rng.randint(0, 1) if j > i else 0 for j in range(n)] for i in range(n)]
        ops = [self.space["input"]] + [rng.choice(self.space["ops"]) for _ in range(n - 2)] + [self.space["output"]]
        return matrix, ops

    def check(self, matrix, ops):
        """The cell's canonical hash if it is valid under the run's rule, else None. Free."""
        reply = self.ask({"op": "check", "matrix": matrix, "ops": ops})
        return reply["hash"] if reply["valid"] else None
