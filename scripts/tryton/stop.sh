#!/usr/bin/env bash
# stop.sh WORKDIR [--purge]: stops the trytond that start.sh started there, by its PID (SIGTERM,
# SIGKILL after 10 s); only a process whose command line is trytond with WORKDIR's config.
# --purge also deletes WORKDIR.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 WORKDIR [--purge]" >&2; exit 2; }
[ -d "$1" ] || exit 0
WORK=$(cd "$1" && pwd)
if [ -f "$WORK/trytond.pid" ]; then
  pid=$(cat "$WORK/trytond.pid")
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
     && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "trytond.*$WORK/trytond.conf"; then
    kill -TERM "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$WORK/trytond.pid"
fi
[ "${2:-}" = "--purge" ] && rm -rf "$WORK"
exit 0
