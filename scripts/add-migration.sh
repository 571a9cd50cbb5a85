#!/usr/bin/env bash
# Adds a migration to both provider sets: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --context "${ctx}ErpSyncDb" --project src/ErpSync.Engine \
    --startup-project src/ErpSync.Server --output-dir "Data/Migrations/$ctx"
done
