#!/usr/bin/env bash
# Rewrites src/ErpSync.Connectors/PublicAPI.Unshipped.txt from the current code, after a deliberate SDK change.
# Review the diff: every line that disappears is a breaking change for connector authors.
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/ErpSync.Connectors/PublicAPI.Unshipped.txt
printf '#nullable enable\n' > "$file"
{ printf '#nullable enable\n'
  dotnet build src/ErpSync.Connectors --no-incremental 2>&1 \
    | sed -n "s/.*RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" | sort -u || true
} > "$file.new"
mv "$file.new" "$file"
dotnet build src/ErpSync.Connectors --no-incremental -clp:ErrorsOnly
