# Test script for the `external` strategy: exits with code 3 while the marker file given as argument exists,
# else runs a plain random search (uniform edge bits and ops, invalid draws redrawn) until the budget is spent.
import json, os, random, sys
start = json.loads(sys.stdin.readline())
if os.path.exists(sys.argv[1]):
    sys.stderr.write("marker present: failing on purpose\n")
    sys.exit(3)
rng = random.Random(start["seed"])
space = start["space"]
while True:
    n = space["max_vertices"]
    m = [[rng.randint(0, 1) if j > i else 0 for j in range(n)] for i in range(n)]
    ops = [space["input"]] + [rng.choice(space["ops"]) for _ in range(n - 2)] + [space["output"]]
    print(json.dumps({"op": "check", "matrix": m, "ops": ops}), flush=True)
    if not json.loads(sys.stdin.readline())["valid"]:
        continue
    print(json.dumps({"op": "query", "matrix": m, "ops": ops}), flush=True)
    if not json.loads(sys.stdin.readline())["ok"]:
        break
