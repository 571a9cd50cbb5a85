#!/usr/bin/env bash
# start.sh WORKDIR: starts trytond on 127.0.0.1 (a free port) against a fresh copy of the seeded
# template database "erpsync", waits until it answers, and prints the database URL.
# Writes WORKDIR/trytond.pid, WORKDIR/url (http://127.0.0.1:PORT/erpsync/), WORKDIR/admin.pass,
# WORKDIR/seed.json and WORKDIR/logs/trytond.log. Stop it with stop.sh WORKDIR.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] || { echo "usage: $0 WORKDIR" >&2; exit 2; }
mkdir -p "$1"
WORK=$(cd "$1" && pwd)
if [ -f "$WORK/trytond.pid" ] && kill -0 "$(cat "$WORK/trytond.pid")" 2>/dev/null; then
  cat "$WORK/url"; exit 0
fi
TEMPLATE=$("$HERE/template.sh")
mkdir -p "$WORK/db" "$WORK/logs"
cp "$TEMPLATE/erpsync.sqlite" "$WORK/db/erpsync.sqlite"
cp "$TEMPLATE/admin.pass" "$TEMPLATE/seed.json" "$WORK/"

# The port is free when chosen but may be taken before trytond binds it: then try another one.
for attempt in 1 2 3 4 5; do
  PORT=$(python3 "$HERE/free_port.py")
  "$HERE/write_conf.sh" "$WORK" "$PORT"
  setsid trytond -c "$WORK/trytond.conf" -d erpsync --pidfile "$WORK/trytond.pid" \
    >> "$WORK/logs/trytond.log" 2>&1 < /dev/null &
  pid=$!
  for _ in $(seq 120); do
    if python3 - "$PORT" <<'PY' 2>/dev/null; then break; fi
import json, sys, urllib.request
body = json.dumps({"id": 0, "method": "common.server.version", "params": []}).encode()
req = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/", body, {"Content-Type": "application/json"})
urllib.request.urlopen(req, timeout=2).read()
PY
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$pid" > "$WORK/trytond.pid"
    echo "http://127.0.0.1:$PORT/erpsync/" > "$WORK/url"
    echo "[tryton] trytond pid $pid on http://127.0.0.1:$PORT/erpsync/ (log $WORK/logs/trytond.log)" >&2
    cat "$WORK/url"
    exit 0
  fi
  echo "[tryton] trytond did not start on port $PORT (attempt $attempt)" >&2
done
tail -20 "$WORK/logs/trytond.log" >&2
exit 1
