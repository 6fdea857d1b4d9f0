#!/usr/bin/env bash
# Drill (c): forged, tampered, other-case, expired and reused review tokens are never accepted; GET never acts.
# The same in full and --short form.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
build
server_args=(--Escalation:Callbacks:AllowedHosts 127.0.0.1) # the drill's help desk listens on loopback
start_drill_server
status=0
escalation_bench drill tokens --server "http://127.0.0.1:$port" --data "$data" --key "$link_key" || status=1
[ $status -eq 0 ] && echo "tokens drill: PASSED" || echo "tokens drill: FAILED"
exit $status
