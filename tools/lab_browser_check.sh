#!/usr/bin/env bash
# Serves the course with `bin/course lab --no-browser` and has headless Chromium open
# 00-getting-started in the classic Notebook UI (nbclassic, at /nbclassic/), run every cell and check
# for errors and figures (tools/browser_check.py).
# Usage: tools/lab_browser_check.sh [PYTHON]   (PYTHON: one with selenium, default the course's .venv/bin/python)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${1:-$ROOT/.venv/bin/python}"
NOTEBOOK="${COURSE_BROWSER_NOTEBOOK:-00-getting-started.ipynb}"
# 00-getting-started shows a line chart, a contour plot with paths and an animated race.
PLOTLY="${COURSE_BROWSER_PLOTLY:-$([ "$NOTEBOOK" = 00-getting-started.ipynb ] && echo 3 || echo 0)}"
TOKEN="browser-check-$$"
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG="$ROOT/target/test-logs/lab-server.log"
mkdir -p "$(dirname "$LOG")" "$ROOT/target/browser"

"$ROOT/bin/course" lab --no-browser --ip 127.0.0.1 --port "$PORT" \
  --IdentityProvider.token="$TOKEN" >"$LOG" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  if "$PYTHON" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/api/status?token=$TOKEN', timeout=2)" 2>/dev/null; then
    break
  fi
  kill -0 "$SERVER" 2>/dev/null || { echo "browser check: the Jupyter server exited; its log:"; tail -20 "$LOG"; exit 1; }
  sleep 0.5
done

"$PYTHON" "$ROOT/tools/browser_check.py" --url "http://127.0.0.1:$PORT" --token "$TOKEN" \
  --notebook "$NOTEBOOK" --screenshot "$ROOT/target/browser/${NOTEBOOK%.ipynb}.png" --timeout 240 \
  --expect-plotly "$PLOTLY"
