#!/usr/bin/env bash
# The ledger under a crash loop (issue [8/8], point 5), on demand, never in CI:
#   bench/ledger.sh [seconds]      (default 60)
# 200 programs that exit 0.5 s after each start, restarted at once, for N seconds, plus one quiet
# "probe" program. Meanwhile a client stops and starts the probe over XML-RPC (TCP) in a loop and
# times each call. Run twice: [history] enabled=false, then enabled=true. With the ledger on, the
# crash loop is then stopped and the ledger is checked against the main log: per program, as many
# STARTING and EXITED entries as "spawned:" and "exited:" lines, and an unbroken chain (each
# entry's "from" is the previous entry's "to").
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_TO_RUN=${1:-60}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
[ -f "$HERE/daemon/target/supervisor4j-daemon.jar" ] || (cd "$HERE" && mvn -B -q -o package -DskipTests)

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run() { # run <on|off>
  local mode=$1 d="$WORK/$1" p
  p=$(port)
  mkdir -p "$d/logs"
  {
    printf '[inet_http_server]\nport=127.0.0.1:%s\n\n' "$p"
    printf '[supervisord]\nlogfile=%%(here)s/supervisord.log\nlogfile_maxbytes=0\npidfile=%%(here)s/supervisord.pid\n'
    printf 'childlogdir=%%(here)s/logs\nnodaemon=true\nsilent=true\n\n'
    if [ "$mode" = on ]; then printf '[history]\nmax_events_per_process=1000\n\n'
    else printf '[history]\nenabled=false\n\n'; fi
    printf '[program:probe]\ncommand=sleep 100000\nstartsecs=0\nstdout_logfile=NONE\nstderr_logfile=NONE\n\n'
    for i in $(seq -w 1 200); do
      printf '[program:c%s]\ncommand=sh -c "sleep 0.5; exit 1"\nstartsecs=0\nautorestart=true\n' "$i"
      printf 'stdout_logfile=NONE\nstderr_logfile=NONE\n\n'
    done
  } > "$d/s.conf"
  "$HERE/bin/supervisord" -c "$d/s.conf" >/dev/null 2>&1 &
  local pid=$!
  python3 - "$p" "$SECONDS_TO_RUN" "$mode" "$d/supervisord.log" <<'PY'
import re, statistics, sys, time, xmlrpc.client
port, seconds, mode, log = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
s = xmlrpc.client.ServerProxy('http://127.0.0.1:%d/RPC2' % port)
for _ in range(300):
    try:
        if s.supervisor.getState()['statename'] == 'RUNNING': break
    except Exception: pass
    time.sleep(0.1)
for _ in range(600):  # the probe is spawned last (priority order, then name)
    if s.supervisor.getProcessInfo('probe')['statename'] == 'RUNNING': break
    time.sleep(0.1)
time.sleep(5)  # the crash loop is under way
stops, starts = [], []
end = time.time() + seconds
while time.time() < end:
    t = time.perf_counter(); s.supervisor.stopProcess('probe'); stops.append(time.perf_counter() - t)
    t = time.perf_counter(); s.supervisor.startProcess('probe'); starts.append(time.perf_counter() - t)
    time.sleep(0.2)
def ms(xs): return 'median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)' % (
    statistics.median(xs) * 1000, sorted(xs)[int(len(xs) * 0.95)] * 1000, max(xs) * 1000, len(xs))
print('ledger %-3s stop  %s' % (mode, ms(stops)))
print('ledger %-3s start %s' % (mode, ms(starts)))
if mode == 'on':
    s.supervisor.stopAllProcesses()
    time.sleep(3)  # let the ledger catch up with the last exits
    text = open(log).read()
    total, broken, missing = 0, 0, 0
    for i in range(1, 201):
        name = 'c%03d' % i
        h = [e for e in s.history.getProcessHistory(name, 0, 1000000) if e['kind'] == 'state']
        total += len(h)
        for a, b in zip(h, h[1:]):
            if a['to'] != b['from']: broken += 1
        spawned = len(re.findall(r"spawned: '%s' " % name, text))
        exited = len(re.findall(r"exited: %s " % name, text))
        if spawned != sum(e['to'] == 'STARTING' for e in h) or exited != sum(e['to'] == 'EXITED' for e in h):
            missing += 1
    print('ledger on  %d state changes recorded for 200 programs; %d programs with a count different from '
          'the main log; %d breaks in the from/to chain' % (total, missing, broken))
PY
  echo "ledger $mode daemon CPU over the whole run: $(ps -o times= -p "$pid" | tr -d ' ') s"
  kill -TERM "$pid"; wait "$pid" || true
}
run off
run on
