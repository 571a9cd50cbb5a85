#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine with the .NET 10 SDK:
#   installs what the tests need (Debian's chromium for browser tests, PostgreSQL),
#   starts a private PostgreSQL on 127.0.0.1 and stops it afterwards,
#   runs every test project (SQLite and PostgreSQL variants, browser tests),
#   and ends with the line "N passed, N failed" summed from the TRX files.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
started=$(date +%s)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. What the tests need from Debian.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  as_root apt-get update -qq || exit 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null || exit 1
fi

# 2. A private PostgreSQL on 127.0.0.1, stopped by its data directory (its own PID) on exit.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/erpsync-pg.XXXXXX)
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
chmod 700 "$PGDIR"
stop_pg() { pg "$PGBIN/pg_ctl" -D "$PGDIR/data" stop -m fast >/dev/null 2>&1; rm -rf "$PGDIR"; }
trap stop_pg EXIT
pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null || exit 1
# A port can be taken by something we cannot see from here; try the next ones before giving up.
PGPORT=55432
for attempt in 1 2 3 4 5 6 7 8; do
  if ! (echo >/dev/tcp/127.0.0.1/$PGPORT) 2>/dev/null && pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
       -o "-h 127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c max_connections=200" start >/dev/null 2>&1; then
    break
  fi
  [ "$attempt" = 8 ] && { cat "$PGDIR/log"; exit 1; }
  PGPORT=$((PGPORT + 1 + RANDOM % 50))
done
export ERPSYNC_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
echo "PostgreSQL listening on 127.0.0.1:$PGPORT"

# 3. Tryton for the live connector tests: Debian packages and a seeded template database (cached by
#    the hash of its scripts); each test class then starts its own trytond on a copy and stops it by PID.
bash scripts/tryton/prepare.sh || { echo "Preparing Tryton failed."; echo "0 passed, 1 failed"; exit 1; }

# 4. Build once, then run every test project.
dotnet tool restore >/dev/null || exit 1
dotnet build ErpSync.slnx -nologo -clp:ErrorsOnly || { echo "The build failed."; echo "0 passed, 1 failed"; exit 1; }
# One project at a time, each into its own folder: TRX names cannot collide, and the browser tests
# do not compete for the two cores with the database tests.
test_exit=0
for project in $(find tests -name '*Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS/$name" || test_exit=1
done

# 5. The closing line: sum the TRX counters of all test projects.
passed=0; failed=0; files=0
for trx in "$RESULTS"/*/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters"); t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
done
echo "Test suite took $(( $(date +%s) - started )) s ($files test projects)."
if [ "$files" -eq 0 ] || [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=$((failed + 1)); echo "dotnet test exited with $test_exit"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
