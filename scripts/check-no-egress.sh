#!/usr/bin/env bash
# Fails when a service log shows an attempt to reach a host beyond loopback: a DNS lookup
# (getaddrinfo, ENOTFOUND, EAI_AGAIN), a refused or timed-out connection to a non-loopback
# address, or telemetry being sent. A test run talks to nothing beyond 127.0.0.0/8 and ::1.
# Usage: scripts/check-no-egress.sh NAME LOGFILE
set -uo pipefail
name=$1 log=$2
[ -f "$log" ] || exit 0
hits=$(grep -nE 'getaddrinfo|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|applicationinsights|Ingestion endpoint|(ECONNREFUSED|ETIMEDOUT|ECONNRESET) ' "$log" \
  | grep -vE '(ECONNREFUSED|ETIMEDOUT|ECONNRESET) (127\.[0-9.]+|::1|\[::1\]|localhost)' | head -5)
if [ -n "$hits" ]; then
  echo "$name tried to reach a host beyond loopback (a test run must not call out):"
  printf '  %s\n' "$hits"
  exit 1
fi
exit 0
