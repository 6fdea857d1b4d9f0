#!/usr/bin/env bash
# Drill (d): store corruption. Decides N sample tickets, stops the server, then R times: copies the data folder, flips
# one byte at a random offset in each of F records of the copy's record log (records apart from each other, and not
# the last record of the last segment, which is a torn tail by definition), checks on the files that exactly those
# records are reported and every other one reads as before, starts a server on the copy and checks health answers 503
# naming the first segment and offset while every other trace and case is still served.
# N = 30, R = 6, F = 6; --short: R = 2, F = 4. --seed S makes the offsets repeatable.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
rounds=6; flips=6; count=30; seed=$RANDOM
while [ $# -gt 0 ]; do
  case "$1" in
    --short) rounds=2; flips=4 ;;
    --seed) shift; seed=${1:-} ;;
    *) echo "usage: store.sh [--short] [--seed S]" >&2; exit 2 ;;
  esac
  shift
done
build
start_drill_server
echo "store drill: $count tickets to 127.0.0.1:$port, then $rounds copies with $flips flipped records each (seed $seed)"
status=0
escalation_bench drill store-seed --server "http://127.0.0.1:$port" --count "$count" --tag "store$(date +%s)" || status=1
stop_server # a graceful stop: everything acknowledged is in the log
for round in $(seq 1 "$rounds"); do
  copy="$work/copy"; rm -rf "$copy"; cp -r "$data" "$copy"
  if ! escalation_bench drill store-flip --data "$copy" --reference "$data" --seed $((seed + round)) --flips "$flips" --out "$work/flipped.txt"; then
    status=1; continue
  fi
  start_server "$copy" "$port" "$log"
  escalation_bench drill store-check --server "http://127.0.0.1:$port" --reference "$data" --flipped "$work/flipped.txt" || status=1
  stop_server
done
[ $status -eq 0 ] && echo "store drill: PASSED" || echo "store drill: FAILED"
exit $status
