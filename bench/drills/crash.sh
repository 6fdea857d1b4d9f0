#!/usr/bin/env bash
# Drill (a): kill -9 the server while N submissions are in flight, restart it on the same data directory, and check
# every case is accounted for exactly once: one case per ticket, each decided (none failed), one review email per
# review-routed case, each case's help-desk callback received (callbacks go to a local receiver). N = 1000; --short: 100.
# Callbacks are delivered at least once: a kill -9 between a POST and the record of it repeats that POST with the same
# Idempotency-Key (the help desk applies each key once), so the repeats are counted, not failed.
# --signal TERM stops the server gracefully instead (Ctrl+C, a container stop): there no callback may be repeated.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
count=1000; signal=KILL
while [ $# -gt 0 ]; do
  case "$1" in
    --short) count=100 ;;
    --signal) shift; signal=${1:-}; [ "$signal" = KILL ] || [ "$signal" = TERM ] || { echo "crash.sh: --signal KILL or TERM" >&2; exit 2; } ;;
    *) echo "usage: crash.sh [--short] [--signal KILL|TERM]" >&2; exit 2 ;;
  esac
  shift
done
build
work=$(mktemp -d); data="$work/data"; log="$work/server.log"; mkdir -p "$data"
port=$(free_port); rport=$(free_port); tag="crash$(date +%s)"
receiver_pid=""
cleanup() { stop_server; if [ -n "$receiver_pid" ]; then kill "$receiver_pid" 2>/dev/null || true; wait "$receiver_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

: >"$work/acks.txt"
# exec: $! is the receiver's own process id, so the cleanup stops the receiver and not only a subshell around it
(exec dotnet "$bench_dll" drill receiver --port "$rport" --out "$work/callbacks.txt") >"$work/receiver.log" 2>&1 &
receiver_pid=$!
# the receiver listens on loopback, where callbacks go only when allow-listed
server_args=(--Escalation:Callbacks:AllowedHosts 127.0.0.1)
start_server "$data" "$port" "$log"
echo "crash drill: $count submissions to 127.0.0.1:$port, callbacks to 127.0.0.1:$rport"
escalation_bench drill submit --server "http://127.0.0.1:$port" --count "$count" --concurrency 32 --tag "$tag" \
    --callback "http://127.0.0.1:$rport/hook" --out "$work/acks.txt" &
submit_pid=$!
# stop the server once about a third of the submissions were acknowledged (or after 20 s)
for _ in $(seq 1 200); do
  acked=$(wc -l <"$work/acks.txt" 2>/dev/null || echo 0)
  [ "$acked" -ge $((count / 3)) ] && break
  sleep 0.1
done
echo "kill -$signal the server after $(wc -l <"$work/acks.txt" 2>/dev/null || echo 0) acknowledged submissions"
kill "-$signal" "$server_pid"; wait "$server_pid" 2>/dev/null || true
wait "$submit_pid" || true
start_server "$data" "$port" "$log"
echo "server restarted on the same data directory; resubmitting every ticket and verifying"
status=0
redelivery=(); [ "$signal" = KILL ] && redelivery=(--allow-redelivery)
escalation_bench drill verify --server "http://127.0.0.1:$port" --count "$count" --tag "$tag" --data "$data" \
    --callback "http://127.0.0.1:$rport/hook" --callbacks "$work/callbacks.txt" "${redelivery[@]}" || status=1
sleep 2 # let late callbacks land, then count repeats again
dups=$(sort "$work/callbacks.txt" 2>/dev/null | uniq -d | wc -l)
echo "callbacks received: $(wc -l <"$work/callbacks.txt" 2>/dev/null || echo 0), keys received more than once: $dups"
[ "$signal" = KILL ] || [ "$dups" -eq 0 ] || status=1
[ $status -eq 0 ] && echo "crash drill: PASSED (kill -$signal)" || echo "crash drill: FAILED (kill -$signal)"
exit $status
