#!/usr/bin/env bash
# Builds the seeded template database once and prints its folder. The folder is keyed by a hash of
# the scripts that shape it, so a changed seed builds a new template and an unchanged one is reused.
#   ERPSYNC_TRYTON_CACHE  where templates live (default: <repo>/artifacts/tryton)
# The folder holds erpsync.sqlite (copy it to get a fresh database), admin.pass and seed.json.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${ERPSYNC_TRYTON_CACHE:-$ROOT/artifacts/tryton}
HASH=$(cat "$HERE/template.sh" "$HERE/seed.py" "$HERE/modules.txt" | sha256sum | cut -c1-16)
TEMPLATE="$CACHE/template-$HASH"
if [ -f "$TEMPLATE/ready" ]; then echo "$TEMPLATE"; exit 0; fi

command -v trytond-admin >/dev/null || { echo "[tryton] not installed: run scripts/tryton/install.sh" >&2; exit 1; }
mkdir -p "$CACHE"
BUILD=$(mktemp -d "$CACHE/build.XXXXXX")
cleanup() { [ -f "$BUILD/trytond.pid" ] && kill "$(cat "$BUILD/trytond.pid")" 2>/dev/null; rm -rf "$BUILD"; }
trap cleanup EXIT
started=$(date +%s)
mkdir -p "$BUILD/db" "$BUILD/logs"
# >= 8 characters and few repeats: Tryton's password policy. A test ERP, so a fixed one is fine.
printf 'erpsync-admin-pw\n' > "$BUILD/admin.pass"
PORT=$(python3 "$HERE/free_port.py")
"$HERE/write_conf.sh" "$BUILD" "$PORT"
export TRYTONPASSFILE="$BUILD/admin.pass"
: > "$BUILD/db/erpsync.sqlite"   # trytond needs the (empty) SQLite file to exist
trytond-admin -c "$BUILD/trytond.conf" -d erpsync --all --email admin@example.com > "$BUILD/logs/admin.log" 2>&1 \
  || { tail -20 "$BUILD/logs/admin.log" >&2; exit 1; }
# shellcheck disable=SC2046
trytond-admin -c "$BUILD/trytond.conf" -d erpsync --activate-dependencies -u $(cat "$HERE/modules.txt") \
  >> "$BUILD/logs/admin.log" 2>&1 || { tail -20 "$BUILD/logs/admin.log" >&2; exit 1; }
echo "[tryton] database created in $(( $(date +%s) - started )) s" >&2

setsid trytond -c "$BUILD/trytond.conf" -d erpsync --pidfile "$BUILD/trytond.pid" > "$BUILD/logs/trytond.log" 2>&1 < /dev/null &
python3 "$HERE/seed.py" "http://127.0.0.1:$PORT/erpsync/" "$BUILD/admin.pass" > "$BUILD/seed.json" \
  || { tail -20 "$BUILD/logs/trytond.log" >&2; exit 1; }
kill "$(cat "$BUILD/trytond.pid")"
for _ in $(seq 100); do kill -0 "$(cat "$BUILD/trytond.pid")" 2>/dev/null || break; sleep 0.1; done
rm -f "$BUILD/trytond.pid"

rm -rf "$TEMPLATE" && mkdir -p "$TEMPLATE"
sqlite3 "$BUILD/db/erpsync.sqlite" ".backup '$TEMPLATE/erpsync.sqlite'"
cp "$BUILD/admin.pass" "$BUILD/seed.json" "$TEMPLATE/"
touch "$TEMPLATE/ready"
echo "[tryton] template $TEMPLATE built in $(( $(date +%s) - started )) s" >&2
echo "$TEMPLATE"
