#!/usr/bin/env bash
# prepare.sh: installs Tryton when missing and builds the seeded template database when missing,
# so tests only copy a file and start a server. Prints how long each step took.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
t0=$(date +%s)
"$HERE/install.sh"
t1=$(date +%s)
"$HERE/template.sh" > /dev/null
t2=$(date +%s)
echo "[tryton] install $((t1 - t0)) s, template $((t2 - t1)) s" >&2
