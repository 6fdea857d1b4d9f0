#!/usr/bin/env bash
# Drill (b): 10,000 malformed requests (bad JSON, huge fields, wrong types, unicode edge cases, header abuse);
# no 5xx, and the case index is unchanged. --short: 1,000 requests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
count=10000; [ "${1:-}" = "--short" ] && count=1000
build
start_drill_server
status=0
escalation_bench drill fuzz --server "http://127.0.0.1:$port" --data "$data" --count "$count" || status=1
kill -0 "$server_pid" 2>/dev/null || { echo "the server died during the fuzz run"; tail -20 "$log"; status=1; }
[ $status -eq 0 ] && echo "fuzz drill: PASSED" || echo "fuzz drill: FAILED"
exit $status
