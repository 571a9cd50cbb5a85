#!/usr/bin/env bash
# Installs Tryton 6.0 from the Debian packages, without recommends (they would pull in PostgreSQL,
# LibreOffice and an MTA: ~1 GB instead of ~60 MB). Does nothing when everything is installed.
set -euo pipefail

PKGS="tryton-server tryton-modules-party tryton-modules-party-relationship tryton-modules-company
 tryton-modules-currency tryton-modules-country tryton-modules-account-invoice
 tryton-modules-sale-price-list python3-phonenumbers python3-tz sqlite3"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
echo "[tryton] installing:$missing" >&2
started=$(date +%s)
as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
# shellcheck disable=SC2086
as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
  --no-install-recommends $PKGS >/dev/null
# The package's own service (port 8000, /var/lib/tryton) is not ours; policy-rc.d usually keeps it
# from starting, and our instances use their own config and ports either way.
echo "[tryton] installed in $(( $(date +%s) - started )) s" >&2
