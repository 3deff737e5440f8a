#!/usr/bin/env bash
# XML-RPC throughput (issue [3/8] speed targets), on demand, never in CI:
#   bench/rpc.sh [--no-supervisor] [--runs N] [--secs S]      needs wrk (apt-get install wrk)
# getState calls/s and getAllProcessInfo calls/s with 500 processes, over TCP, keep-alive, from wrk
# (a C client that is not the bottleneck), for our daemon and, in the same run, for Supervisor
# 4.2.5's /usr/bin/supervisord when it is installed (--no-supervisor skips it). Both daemons stay up
# and wrk measures them in turn. Each figure is the median of N runs (3) of S seconds (10); a
# side-by-side table ends it.
# Every daemon it starts is stopped on the way out, Ctrl-C included; a daemon that does not stop in
# 60 s is killed, and so are the children it had.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
SUPERVISORD=/usr/bin/supervisord
RUNS=3 SECS=10 WITH_SUPERVISOR=1
while [ $# -gt 0 ]; do
  case $1 in
    --no-supervisor) WITH_SUPERVISOR=0 ;;
    --supervisor) ;; # the default now; kept so older command lines still work
    --runs) RUNS=$2; shift ;;
    --secs) SECS=$2; shift ;;
    *) echo "usage: bench/rpc.sh [--no-supervisor] [--runs N] [--secs S]" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
if [ "$WITH_SUPERVISOR" = 1 ] && [ ! -x "$SUPERVISORD" ]; then
  echo "note: no $SUPERVISORD (apt-get install supervisor): measuring supervisor4j only" >&2
  WITH_SUPERVISOR=0
fi

WORK=$(mktemp -d)
DAEMONS=() # pids of the daemons still running

alive() { # alive <pid>: running, and not a zombie waiting for us to reap it
  local s
  s=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $s != Z* ]]
}

stop_daemon() { # stop_daemon <pid>: SIGTERM (each daemon stops its children), then SIGKILL
  local pid=$1 kids i
  kids=$(ps -o pid= --ppid "$pid" 2>/dev/null || true)
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then
    echo "daemon $pid still running after 60 s: killing it and its children" >&2
    kill -KILL "$pid" 2>/dev/null || true
    for k in $kids; do kill -KILL "$k" 2>/dev/null || true; done
  fi
  wait "$pid" 2>/dev/null || true
  local left=()
  for p in "${DAEMONS[@]}"; do [ "$p" = "$pid" ] || left+=("$p"); done
  DAEMONS=(${left[@]+"${left[@]}"})
}

cleanup() {
  trap - EXIT INT TERM
  for pid in ${DAEMONS[@]+"${DAEMONS[@]}"}; do stop_daemon "$pid"; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT # the EXIT trap then stops the daemons
trap 'exit 143' TERM

body() { printf "<?xml version='1.0'?>\n<methodCall>\n<methodName>%s</methodName>\n<params>\n</params>\n</methodCall>\n" "$1"; }
lua() { # lua <method> <file>
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "text/xml"\nwrk.body = [[%s]]\n' "$(body "$1")" > "$2"
}
lua supervisor.getState "$WORK/state.lua"
lua supervisor.getAllProcessInfo "$WORK/all.lua"

median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR] = $1} END {print NR ? v[int((NR + 1) / 2)] : "-"}'; }

rate() { # rate <url> <lua> <secs>: calls/s; errors reported by wrk go to stderr
  local out
  out=$(wrk -t1 -c4 -d"$3"s -s "$2" "$1")
  if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then grep -E 'Non-2xx|Socket errors' <<<"$out" | sed 's/^/  wrk: /' >&2; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

declare -A URL STATE ALL # impl -> its /RPC2 URL, median calls/s

start() { # start <impl> <port>: a daemon with 500 programs, once they are all RUNNING
  local impl=$1 port=$2 d="$WORK/$1"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: not measuring $impl" >&2
    return 1
  fi
  mkdir -p "$d/logs"
  {
    printf '[inet_http_server]\nport=127.0.0.1:%s\n\n' "$port"
    printf '[supervisord]\nlogfile=%%(here)s/supervisord.log\npidfile=%%(here)s/supervisord.pid\n'
    printf 'childlogdir=%%(here)s/logs\nnodaemon=true\nsilent=true\n\n'
    printf '[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n'
    for i in $(seq -w 1 500); do printf '[program:p%s]\ncommand=sleep 100000\nstartsecs=0\n\n' "$i"; done
  } > "$d/s.conf"
  if [ "$impl" = supervisor4j ]; then "$HERE/bin/supervisord" -c "$d/s.conf" >"$d/out" 2>&1 &
  else "$SUPERVISORD" -n -c "$d/s.conf" >"$d/out" 2>&1 &
  fi
  local pid=$!
  DAEMONS+=("$pid")
  local n=0 waited=0
  while [ "${n:-0}" -lt 500 ]; do
    if ! alive "$pid" || [ "$waited" -ge 1800 ]; then
      echo "$impl did not bring 500 processes to RUNNING ($n after $((waited / 10)) s):" >&2
      tail -5 "$d/out" "$d/supervisord.log" >&2 2>/dev/null || true
      stop_daemon "$pid"
      return 1
    fi
    sleep 0.1; waited=$((waited + 1))
    n=$(grep -c 'entered RUNNING' "$d/supervisord.log" 2>/dev/null || true)
  done
  URL[$impl]="http://127.0.0.1:$port/RPC2"
}

IMPLS=()
start supervisor4j 19501 && IMPLS+=(supervisor4j) || true
if [ "$WITH_SUPERVISOR" = 1 ]; then start supervisor 19502 && IMPLS+=(supervisor) || true; fi
[ ${#IMPLS[@]} -gt 0 ] || exit 1

# Both daemons stay up and the runs alternate between them, so that a change in the load of a
# shared machine falls on both alike.
for impl in "${IMPLS[@]}"; do # warm-up
  rate "${URL[$impl]}" "$WORK/state.lua" 3 >/dev/null
  rate "${URL[$impl]}" "$WORK/all.lua" 3 >/dev/null
done
declare -A STATES ALLS
for ((r = 1; r <= RUNS; r++)); do
  for impl in "${IMPLS[@]}"; do
    s=$(rate "${URL[$impl]}" "$WORK/state.lua" "$SECS")
    a=$(rate "${URL[$impl]}" "$WORK/all.lua" "$SECS")
    printf '%-13s run %d: getState %10s calls/s   getAllProcessInfo %8s calls/s\n' "$impl" "$r" "$s" "$a"
    STATES[$impl]+=" $s" ALLS[$impl]+=" $a"
  done
done
for impl in "${IMPLS[@]}"; do
  STATE[$impl]=$(median <<<"${STATES[$impl]}")
  ALL[$impl]=$(median <<<"${ALLS[$impl]}")
done
for pid in ${DAEMONS[@]+"${DAEMONS[@]}"}; do stop_daemon "$pid"; done

ratio() { awk -v a="${1:--}" -v b="${2:--}" 'BEGIN {if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.1fx\n", a / b}'; }
echo
echo "median of $RUNS runs of ${SECS}s each, wrk -t1 -c4, 500 processes"
printf '%-32s %14s %18s %16s\n' "" "supervisor4j" "Supervisor 4.2.5" "ours/supervisor"
printf '%-32s %14s %18s %16s\n' "getState calls/s" "${STATE[supervisor4j]:--}" "${STATE[supervisor]:--}" \
  "$(ratio "${STATE[supervisor4j]:-}" "${STATE[supervisor]:-}")"
printf '%-32s %14s %18s %16s\n' "getAllProcessInfo x500 calls/s" "${ALL[supervisor4j]:--}" "${ALL[supervisor]:--}" \
  "$(ratio "${ALL[supervisor4j]:-}" "${ALL[supervisor]:-}")"
