# Test script for the `external` strategy: queries two cells, then crashes with a Python exception.
import json, sys
start = json.loads(sys.stdin.readline())
for ops in (["input", "conv3x3-bn-relu", "output"], ["input", "maxpool3x3", "output"]):
    print(json.dumps({"op": "query", "matrix": [[0, 1, 1], [0, 0, 1], [0, 0, 0]], "ops": ops}), flush=True)
    sys.stdin.readline()
raise ZeroDivisionError("the script's own bug")
