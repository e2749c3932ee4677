# Test script for the `external` strategy: asks for the budget, then writes a line that is not JSON.
import json, sys
start = json.loads(sys.stdin.readline())
print(json.dumps({"op": "budget"}), flush=True)
sys.stdin.readline()
print("{'op': 'query', oops", flush=True)
sys.stdin.readline()
