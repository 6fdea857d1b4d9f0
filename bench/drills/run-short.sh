#!/usr/bin/env bash
# The short form of every drill, for the test script (well under 2 minutes each). Exit 1 when any fails.
set -uo pipefail
dir=$(dirname "$0")
status=0
DRILL_NO_BUILD=${DRILL_NO_BUILD:-} "$dir/tokens.sh" --short || status=1
DRILL_NO_BUILD=1 "$dir/reviewers.sh" --short || status=1
DRILL_NO_BUILD=1 "$dir/fuzz.sh" --short || status=1
DRILL_NO_BUILD=1 "$dir/crash.sh" --short || status=1
DRILL_NO_BUILD=1 "$dir/crash.sh" --short --signal TERM || status=1
DRILL_NO_BUILD=1 "$dir/store.sh" --short || status=1
DRILL_NO_BUILD=1 "$dir/actions.sh" --short || status=1
exit $status
