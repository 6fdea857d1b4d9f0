#!/usr/bin/env bash
# Installs the SMTP test server's npm dependency (smtp-server, pinned in scripts/smtp/package.json and
# package-lock.json) into scripts/smtp/node_modules when it is missing. Exit 0 when it is ready.
set -euo pipefail
dir="$(cd "$(dirname "$0")/smtp" && pwd)"
command -v node >/dev/null || { echo "ensure-smtp: node is not installed" >&2; exit 1; }
if [ ! -f "$dir/node_modules/smtp-server/package.json" ]; then
  command -v npm >/dev/null || { echo "ensure-smtp: npm is not installed" >&2; exit 1; }
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
