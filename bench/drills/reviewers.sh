#!/usr/bin/env bash
# Drill (d): N review-routed cases, each decided by 12 reviewers posting approve/reject/escalate/edit at the same moment:
# one decision holds, the others get 409 naming it, and the trace credits the winner with the hash of the text sent.
# Usage: reviewers.sh [--short]   (full: 20 rounds; --short: 5)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rounds=20
[ "${1:-}" = "--short" ] && rounds=5
build
server_args=(--Escalation:Callbacks:AllowedHosts 127.0.0.1) # the drill's help desk listens on loopback
start_drill_server
status=0
escalation_bench drill reviewers --server "http://127.0.0.1:$port" --key "$link_key" --rounds "$rounds" --reviewers 12 || status=1
[ $status -eq 0 ] && echo "reviewers drill: PASSED" || echo "reviewers drill: FAILED"
exit $status
