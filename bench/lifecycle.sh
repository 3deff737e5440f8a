#!/usr/bin/env bash
# Benchmarks for the process lifecycle (issue [2/8] speed targets). Run on demand, never in CI:
#   bench/lifecycle.sh [--supervisor]      (--supervisor also measures Debian's supervisord 4.2.5)
# Prints: time for 500 programs (startsecs=0) to be RUNNING, idle CPU of that daemon over 30 s
# (from 15 s after),
# SIGTERM-to-exit time with 100 programs, and respawn latency of a crashing autorestart program.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

conf() { # conf <dir> <n> <extra program lines>
  local dir=$1 n=$2 extra=$3
  mkdir -p "$dir/logs"
  {
    printf '[supervisord]\nlogfile=%%(here)s/supervisord.log\npidfile=%%(here)s/supervisord.pid\n'
    printf 'childlogdir=%%(here)s/logs\nnodaemon=true\nsilent=true\n\n'
    for i in $(seq -w 1 "$n"); do
      printf '[program:p%s]\ncommand=sleep 100000\nstartsecs=0\n%s\n\n' "$i" "$extra"
    done
  } > "$dir/s.conf"
}

now() { date +%s.%N; }

run_daemon() { # run_daemon <impl> <dir>; sets $pid
  if [ "$1" = ours ]; then "$HERE/bin/supervisord" -c "$2/s.conf" >/dev/null 2>&1 &
  else /usr/bin/supervisord -n -c "$2/s.conf" >/dev/null 2>&1 &
  fi
  pid=$!
}

wait_lines() { # wait_lines <file> <pattern> <count>
  local n
  while :; do
    n=$(grep -c "$2" "$1" 2>/dev/null || true)
    [ "${n:-0}" -ge "$3" ] && return
    sleep 0.02
  done
}

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

bench() {
  local impl=$1 d="$WORK/$1"
  conf "$d/start" 500 ""
  local t0 pid
  t0=$(now); run_daemon "$impl" "$d/start"
  wait_lines "$d/start/supervisord.log" "entered RUNNING" 500
  echo "$impl: 500 programs RUNNING after $(echo "$(now) - $t0" | bc) s (from launch)"
  # Idle means settled: the ledger opens its journal and writes the start-up's state changes in the
  # first seconds, so measure from 15 s after all are RUNNING.
  sleep 15
  local c0; c0=$(cpu_ticks "$pid"); sleep 30; local c1; c1=$(cpu_ticks "$pid")
  echo "$impl: idle CPU with 500 programs: $(echo "scale=2; ($c1 - $c0) / 30" | bc) % of one core"
  kill -TERM "$pid"; wait "$pid" || true

  conf "$d/stop" 100 ""
  run_daemon "$impl" "$d/stop"
  wait_lines "$d/stop/supervisord.log" "entered RUNNING" 100
  t0=$(now); kill -TERM "$pid"; wait "$pid" || true
  echo "$impl: SIGTERM with 100 programs: exited after $(echo "$(now) - $t0" | bc) s"

  mkdir -p "$d/crash/logs"
  printf '[supervisord]\nlogfile=%%(here)s/supervisord.log\npidfile=%%(here)s/supervisord.pid\nchildlogdir=%%(here)s/logs\nnodaemon=true\nsilent=true\n\n[program:crash]\ncommand=sh -c "sleep 1; exit 1"\nstartsecs=0\nautorestart=true\n' > "$d/crash/s.conf"
  run_daemon "$impl" "$d/crash"
  wait_lines "$d/crash/supervisord.log" "spawned: 'crash'" 6
  kill -TERM "$pid"; wait "$pid" || true
  python3 - "$d/crash/supervisord.log" "$impl" <<'PY'
import sys, datetime
def t(line): return datetime.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
lines = open(sys.argv[1]).read().splitlines()
gaps, last_exit = [], None
for l in lines:
    if "exited: crash" in l: last_exit = t(l)
    elif "spawned: 'crash'" in l and last_exit:
        gaps.append((t(l) - last_exit).total_seconds() * 1000); last_exit = None
gaps.sort()
print(f"{sys.argv[2]}: respawn after a crash: median {gaps[len(gaps)//2]:.1f} ms (of {len(gaps)}, from the log's ms stamps)")
PY
}

bench ours
if [ "${1:-}" = --supervisor ] && [ -x /usr/bin/supervisord ]; then bench supervisor; fi
