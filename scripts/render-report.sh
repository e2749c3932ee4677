#!/usr/bin/env bash
# Renders an experiment's report.html in headless Chromium to a PNG and fails on any console message or on a
# reference to a network resource. Debian: apt-get install -y chromium.
#
#   scripts/render-report.sh [REPORT.html] [OUT.png] [WIDTH,HEIGHT]
#
# Default: runs the quickstart into a temporary folder, renders its report to
# results/examples/quickstart/report.png at 1400x1800.
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-}"
png="${2:-results/examples/quickstart/report.png}"
size="${3:-1400,1800}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "render-report: chromium not found (Debian: apt-get install -y chromium)" >&2
  exit 2
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [ -z "$report" ]; then
  ./nas4j run experiments/quickstart.yaml --out "$tmp/quickstart" --progress none >&2
  report="$tmp/quickstart/report.html"
fi
[ -f "$report" ] || { echo "render-report: no such file: $report" >&2; exit 2; }
# a self-contained page: no script, stylesheet, image or frame loaded from anywhere
if grep -Eo '(src|href)="[^"#][^"]*"' "$report" | grep -q .; then
  echo "render-report: $report references external resources:" >&2
  grep -Eo '(src|href)="[^"#][^"]*"' "$report" >&2
  exit 1
fi
abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
mkdir -p "$(dirname "$png")"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
  --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 --window-size="$size" \
  --screenshot="$tmp/out.png" "file://$abs" 2> "$tmp/chromium.log" || {
  cat "$tmp/chromium.log" >&2
  echo "render-report: chromium failed" >&2
  exit 1
}
if grep -E 'CONSOLE|Uncaught|Failed to load' "$tmp/chromium.log" >&2; then
  echo "render-report: the page wrote to the browser console (above)" >&2
  exit 1
fi
[ -s "$tmp/out.png" ] || { echo "render-report: no screenshot written" >&2; exit 1; }
cp "$tmp/out.png" "$png"
echo "$png ($(stat -c %s "$png") bytes), no console messages"
