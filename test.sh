#!/usr/bin/env bash
# The project's test command. Installs what the tests need when it is missing (Azurite from npm,
# Chromium from Debian), starts Azurite on loopback for the run, runs every test project that
# restores, validates the infrastructure code, and ends with the totals.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
tools="$root/.tools"
mkdir -p "$tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '== %s\n' "$*"; }

# --- Azurite (Azure Storage emulator) -------------------------------------------------------
AZURITE_VERSION=3.35.0   # runs on Node 20
azurite_bin="$tools/node_modules/.bin/azurite"
if [ ! -x "$azurite_bin" ]; then
  log "installing azurite@$AZURITE_VERSION from npm into .tools/"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >/dev/null || { echo "test.sh: could not install azurite" >&2; exit 1; }
fi
azurite_dir=$(mktemp -d)
blob_port=${AZURITE_BLOB_PORT:-10000}; queue_port=${AZURITE_QUEUE_PORT:-10001}; table_port=${AZURITE_TABLE_PORT:-10002}
# --disableTelemetry: Azurite otherwise sends usage data to Application Insights; a test run talks
# to nothing beyond loopback (checked against its log at the end of the run).
"$azurite_bin" --silent --disableTelemetry --skipApiVersionCheck --loose --location "$azurite_dir" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$azurite_dir/azurite.log" 2>&1 &
azurite_pid=$!
stop_azurite() { kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null; }
cleanup() { stop_azurite; rm -rf "$azurite_dir"; }
trap cleanup EXIT
for _ in $(seq 1 50); do
  (exec 3<>/dev/tcp/127.0.0.1/"$table_port") 2>/dev/null && break
  sleep 0.2
done
export ESCALATION_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
log "azurite $AZURITE_VERSION on 127.0.0.1:$blob_port-$table_port"

# --- Chromium for the browser tests (Debian package) ----------------------------------------
if chromium_path=$(scripts/ensure-chromium.sh); then export CHROMIUM_PATH="$chromium_path"; log "chromium at $chromium_path"; else log "chromium unavailable: the browser tests will fail"; fi

status=0
results="$tools/test-results"
rm -rf "$results"; mkdir -p "$results"

run_tests() { # target label
  log "dotnet test $1"
  dotnet test "$1" -c Release --logger "trx" --results-directory "$results/$2" 2>&1 | tee "$results/$2.log" | grep -vE '^\s*$|warn(ing)? NU|Determining projects|All projects are up-to-date'
  return "${PIPESTATUS[0]}"
}

run_tests EscalationFunctions.Local.slnf local || status=1

# --- Azure Functions projects: only where their packages restore ----------------------------
if dotnet restore src/Escalation.Functions/Escalation.Functions.csproj >"$results/functions-restore.log" 2>&1 \
   && dotnet restore tests/Escalation.Functions.Tests/Escalation.Functions.Tests.csproj >>"$results/functions-restore.log" 2>&1; then
  run_tests tests/Escalation.Functions.Tests/Escalation.Functions.Tests.csproj functions || status=1
  # What `azd deploy` ships: the worker's generated function metadata and the host extensions it needs.
  log "dotnet publish src/Escalation.Functions (the package azd deploys)"
  publish="$tools/functions-publish"; rm -rf "$publish"
  if dotnet publish src/Escalation.Functions/Escalation.Functions.csproj -c Release -o "$publish" >"$results/functions-publish.log" 2>&1 \
     && [ -s "$publish/functions.metadata" ] && grep -q '"DurableTask"' "$publish/extensions.json"; then
    echo "functions: published $(grep -o '"scriptFile"' "$publish/functions.metadata" | wc -l) functions with the $(grep -o '"name"' "$publish/extensions.json" | wc -l) host extensions they bind to"
  else
    echo "functions: publish FAILED (see .tools/test-results/functions-publish.log)"; status=1
  fi
else
  missing=$(grep -oE "Unable to find package [A-Za-z0-9.]+" "$results/functions-restore.log" | awk '{print $5}' | sed 's/\.$//' | sort -u | paste -sd, -)
  echo "Functions projects not built: their packages do not restore from the configured NuGet sources (${missing:-see .tools/test-results/functions-restore.log})."
fi

# --- Drills (short form): kill -9 during submissions, fuzzed requests, forged/expired/reused tokens ---
if [ -x bench/drills/run-short.sh ]; then
  log "drills (short form)"
  bench/drills/run-short.sh >"$results/drills.txt" 2>&1; drills_rc=$?
  grep -E 'drill: (PASSED|FAILED)|^(fuzz|verify|tokens):' "$results/drills.txt"
  if [ "$drills_rc" -ne 0 ] || grep -q 'drill: FAILED' "$results/drills.txt"; then
    echo "drills: FAILED (see .tools/test-results/drills.txt)"; status=1
  else
    echo "drills: passed"
  fi
fi

# --- Infrastructure as code -----------------------------------------------------------------
if [ -x scripts/validate-infra.sh ]; then
  log "validating infra/ and azure.yaml"
  scripts/validate-infra.sh || status=1
fi

# --- Nothing beyond loopback: Azurite's log (stopped first, so what it flushes on exit is in it) ---
stop_azurite
scripts/check-no-egress.sh azurite "$azurite_dir/azurite.log" || status=1

# --- Totals ---------------------------------------------------------------------------------
read -r passed failed skipped < <(cat "$results"/*.log 2>/dev/null | awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
  }
  END { printf "%d %d %d\n", p, f, s }')
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && { echo "test.sh: no test ran" >&2; status=1; }
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
