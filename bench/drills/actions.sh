#!/usr/bin/env bash
# Drill (f): kill -9 between an action and its record. N within-window refunds (sample 02, unique ids) go to a server
# whose actions go to a billing webhook that records each request's Idempotency-Key and never answers (it did the
# work; the crash cuts off its answer). Once every case's refund reached it, the server is killed with -9, the webhook
# starts answering, and the server restarts on the same data. Passes when every case is sent, each case's refund is
# repeated with the key it had before the crash (the SHA-256 of case id, index and kind), and no other key appears.
# N = 20; --short: 5.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
count=20
case "${1:-}" in --short) count=5 ;; "") ;; *) echo "usage: actions.sh [--short]" >&2; exit 2 ;; esac
build
work=$(mktemp -d); data="$work/data"; log="$work/server.log"; mkdir -p "$data"
port=$(free_port); hport=$(free_port); bport=$(free_port); tag="actions$(date +%s)"
helpdesk_pid=""; billing_pid=""
stop_pid() { if [ -n "$1" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
cleanup() { stop_server; stop_pid "$helpdesk_pid"; stop_pid "$billing_pid"; rm -rf "$work"; }
trap cleanup EXIT

(exec dotnet "$bench_dll" drill receiver --port "$hport" --out "$work/helpdesk.txt") >"$work/helpdesk.log" 2>&1 &
helpdesk_pid=$!
(exec dotnet "$bench_dll" drill receiver --port "$bport" --out "$work/before.txt" --hold) >"$work/billing.log" 2>&1 &
billing_pid=$!
server_args=(--Escalation:Callbacks:AllowedHosts 127.0.0.1 --Escalation:ClockStart 2026-11-23T12:00:00Z
  --Escalation:Actions:WebhookUrl "http://127.0.0.1:$bport/actions")
start_server "$data" "$port" "$log"
: >"$work/acks.txt"; : >"$work/before.txt"
echo "actions drill: $count within-window refunds to 127.0.0.1:$port, actions to a webhook on 127.0.0.1:$bport"
escalation_bench drill submit --server "http://127.0.0.1:$port" --count "$count" --concurrency 8 --tag "$tag" --sample 02 \
    --callback "http://127.0.0.1:$hport/hook" --out "$work/acks.txt"
for _ in $(seq 1 300); do
  [ "$(sort -u "$work/before.txt" | wc -l)" -ge "$count" ] && break
  sleep 0.1
done
echo "kill -9 the server with $(sort -u "$work/before.txt" | wc -l) refunds received and none recorded"
kill -KILL "$server_pid"; wait "$server_pid" 2>/dev/null || true
stop_pid "$billing_pid"
(exec dotnet "$bench_dll" drill receiver --port "$bport" --out "$work/after.txt") >"$work/billing.log" 2>&1 &
billing_pid=$!
start_server "$data" "$port" "$log"
status=0
for line in $(cut -d' ' -f2 "$work/acks.txt"); do
  for _ in $(seq 1 300); do
    s=$(curl -sS "http://127.0.0.1:$port/api/cases/$line" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status",""))')
    [ "$s" = sent ] && break
    sleep 0.2
  done
  [ "$s" = sent ] || { echo "case $line ended $s, not sent" >&2; status=1; }
done
python3 - "$work/acks.txt" "$work/before.txt" "$work/after.txt" <<'PY' || status=1
import hashlib, sys
def key(case, index, kind):
    return "act_" + hashlib.sha256(f"{case}|{index}|{kind}".encode()).hexdigest()[:32]
cases = [line.split()[1] for line in open(sys.argv[1]) if line.strip()]
before, after = set(open(sys.argv[2]).read().split()), set(open(sys.argv[3]).read().split())
refunds = {key(c, 0, "refund") for c in cases}
expected = refunds | {key(c, 1, "remove-add-on") for c in cases}
problems = []
if before != refunds: problems.append(f"before the crash: {len(before)} keys, {len(before - refunds)} not a case's refund key")
if not refunds <= after: problems.append(f"{len(refunds - after)} refunds not repeated after the restart")
if after - expected: problems.append(f"{len(after - expected)} keys after the restart that no case had")
print(f"{len(cases)} cases; refunds received before the crash {len(before)}, repeated with the same key {len(refunds & after)}; other keys {len(after - expected)}")
for p in problems: print("FAIL: " + p)
sys.exit(1 if problems else 0)
PY
[ $status -eq 0 ] && echo "actions drill: PASSED" || echo "actions drill: FAILED"
exit $status
