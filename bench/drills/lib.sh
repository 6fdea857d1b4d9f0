#!/usr/bin/env bash
# Shared helpers for the drills: build once, start/kill the local server on loopback with a free port.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
server_dll="$root/src/Escalation.Server/bin/Release/net10.0/Escalation.Server.dll"
# the drills' client: `escalation-bench drill …` (bench/Escalation.Bench)
bench_dll="$root/bench/Escalation.Bench/bin/Release/net10.0/escalation-bench.dll"
link_key="base64:$(head -c 32 /dev/urandom | base64 -w0)"

build() {
  if [ "${DRILL_NO_BUILD:-}" != 1 ]; then
    dotnet build "$root/src/Escalation.Server" -c Release -v q -nologo >/dev/null
    dotnet build "$root/bench/Escalation.Bench" -c Release -v q -nologo >/dev/null
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

escalation_bench() { dotnet "$bench_dll" "$@"; }

# start_server DATA_DIR PORT LOG -> sets server_pid; waits until /api/health answers (server_args: further settings)
server_args=()
start_server() {
  local data=$1 port=$2 log=$3
  (cd "$root" && exec dotnet "$server_dll" --urls "http://127.0.0.1:$port" --Escalation:DataDirectory "$data" \
      --Escalation:Workspace "$root/samples/workspace" --Escalation:LinkSigningKey "$link_key" \
      --Logging:LogLevel:Default Warning "${server_args[@]}") >>"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    # up: healthy, or up and reporting a storage problem (the store drill's damaged copies)
    case $(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health" 2>/dev/null) in 200|503) return 0 ;; esac
    kill -0 "$server_pid" 2>/dev/null || { echo "server exited; log:" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.2
  done
  echo "server did not come up on port $port" >&2; return 1
}

stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }

# start_drill_server -> sets work, data, log, port, server_pid: a server on a free port over a temporary data folder,
# stopped and removed when the script exits
start_drill_server() {
  work=$(mktemp -d); data="$work/data"; log="$work/server.log"; mkdir -p "$data"
  port=$(free_port)
  trap 'stop_server; rm -rf "$work"' EXIT
  start_server "$data" "$port" "$log"
}
