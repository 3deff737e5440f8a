#!/usr/bin/env bash
# XML-RPC throughput (issue [3/8] speed targets), on demand, never in CI:
#   bench/rpc.sh [--supervisor]     needs wrk (apt-get install wrk)
# getState calls/s and getAllProcessInfo calls/s with 500 processes, over TCP, keep-alive, from
# wrk (a C client that is not the bottleneck); --supervisor runs the same against supervisord 4.2.5.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }

body() { printf "<?xml version='1.0'?>\n<methodCall>\n<methodName>%s</methodName>\n<params>\n</params>\n</methodCall>\n" "$1"; }
lua() { # lua <method> <file>
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "text/xml"\nwrk.body = [[%s]]\n' "$(body "$1")" > "$2"
}
lua supervisor.getState "$WORK/state.lua"
lua supervisor.getAllProcessInfo "$WORK/all.lua"

bench() { # bench <impl> <port>
  local impl=$1 port=$2 d="$WORK/$1"
  mkdir -p "$d/logs"
  {
    printf '[inet_http_server]\nport=127.0.0.1:%s\n\n' "$port"
    printf '[supervisord]\nlogfile=%%(here)s/supervisord.log\npidfile=%%(here)s/supervisord.pid\n'
    printf 'childlogdir=%%(here)s/logs\nnodaemon=true\nsilent=true\n\n'
    printf '[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n'
    for i in $(seq -w 1 500); do printf '[program:p%s]\ncommand=sleep 100000\nstartsecs=0\n\n' "$i"; done
  } > "$d/s.conf"
  if [ "$impl" = ours ]; then "$HERE/bin/supervisord" -c "$d/s.conf" >/dev/null 2>&1 &
  else /usr/bin/supervisord -n -c "$d/s.conf" >/dev/null 2>&1 &
  fi
  local pid=$!
  local n=0
  while [ "${n:-0}" -lt 500 ]; do sleep 0.1; n=$(grep -c 'entered RUNNING' "$d/supervisord.log" 2>/dev/null || true); done
  local url="http://127.0.0.1:$port/RPC2"
  wrk -t1 -c4 -d3s -s "$WORK/state.lua" "$url" >/dev/null 2>&1 # warm-up
  wrk -t1 -c4 -d3s -s "$WORK/all.lua" "$url" >/dev/null 2>&1
  echo "$impl getState:           $(wrk -t1 -c4 -d10s -s "$WORK/state.lua" "$url" | awk '/Requests\/sec/ {print $2}') calls/s"
  echo "$impl getAllProcessInfo:  $(wrk -t1 -c4 -d10s -s "$WORK/all.lua" "$url" | awk '/Requests\/sec/ {print $2}') calls/s (500 processes)"
  kill -TERM "$pid"; wait "$pid" || true
}

bench ours 19501
if [ "${1:-}" = --supervisor ] && [ -x /usr/bin/supervisord ]; then bench supervisor 19502; fi
