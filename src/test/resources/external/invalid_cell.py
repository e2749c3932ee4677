# Test script for the `external` strategy: asks for a cell whose matrix has an edge going backwards.
import json, sys
start = json.loads(sys.stdin.readline())
print(json.dumps({"op": "query", "matrix": [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
                  "ops": ["input", "conv3x3-bn-relu", "output"]}), flush=True)
sys.stdin.readline()
