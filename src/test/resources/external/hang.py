# Test script for the `external` strategy: reads the start message, then hangs without asking anything.
import json, sys, time
start = json.loads(sys.stdin.readline())
time.sleep(600)
