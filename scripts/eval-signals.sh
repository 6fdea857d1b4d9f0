#!/usr/bin/env bash
# Measures the embedded signal analyser (signals CLI, Release) and the npm lexicon analysers
# (sentiment 5.0.2, vader-sentiment 1.1.3, wink-sentiment 5.0.2) on the same rows of ../shared/data,
# and prints a Markdown table; then hard-rule recall per language on the team's own labelled lines
# (tests/Escalation.Core.Tests/Signals/multilingual-signals.jsonl). Usage: scripts/eval-signals.sh [DATA_DIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$repo/../shared/data}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$repo/scripts/eval-signals" && [ -d node_modules ] || npm install --no-audit --no-fund --silent)
dotnet build "$repo/src/Escalation.Cli" -c Release -v quiet -nologo >/dev/null
multilingual="$repo/tests/Escalation.Core.Tests/Signals/multilingual-signals.jsonl"
node "$repo/scripts/eval-signals/to-input.js" "$data" "$multilingual" > "$work/input.jsonl"
dotnet "$repo/src/Escalation.Cli/bin/Release/net10.0/escalation.dll" signals --input "$work/input.jsonl" > "$work/ours.jsonl"
node "$repo/scripts/eval-signals/eval.js" "$data" "$work/ours.jsonl" "$repo/tests/Escalation.Core.Tests/Signals/cfpb-legal-labels.txt" "$multilingual"
