#!/usr/bin/env bash
# write_conf.sh WORKDIR PORT: the trytond config of one instance (SQLite files in WORKDIR/db).
set -euo pipefail
cat > "$1/trytond.conf" <<CONF
[web]
listen = 127.0.0.1:$2
root = $1/www

[database]
uri = sqlite://
path = $1/db
list = True
language = en

[session]
# Tryton's defaults, written out because the connector depends on them: keys live 30 days, and
# more than max_attempt failed logins within timeout seconds lock the login (HTTP 429).
max_age = 2592000
timeout = 300
max_attempt = 5
CONF
