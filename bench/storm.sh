#!/usr/bin/env bash
# The API during a crash storm, side by side with Supervisor 4.2.5 (issue [1/11], points 1 and 2).
# Run on demand, never in CI:
#   bench/storm.sh [seconds] [--history-off]     (default 30 s; --history-off adds a run of ours
#                                                  with [history] enabled=false)
# Each daemon in turn (Debian's supervisord, then ours) runs the same config in its own temporary
# directory, on its own loopback port: 200 programs `sh -c 'sleep 0.5; exit 1'` (startsecs=0,
# autorestart=true, startretries=1000000) and one quiet program "extra". Once the API answers, one
# Python xmlrpc.client (sequential) calls supervisor.getState and supervisor.getProcessInfo('c001')
# in a loop for N seconds, timing each call, and every 3 s stops and starts "extra". Then SIGTERM:
# the time to exit and the "spawned:" lines after the TERM line. Prints one Markdown table.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_TO_RUN=30
HISTORY_OFF=false
for arg in "$@"; do
  case $arg in
    --history-off) HISTORY_OFF=true ;;
    *[!0-9]* | '') echo "usage: $0 [seconds] [--history-off]" >&2; exit 2 ;;
    *) SECONDS_TO_RUN=$arg ;;
  esac
done
CALL_TIMEOUT=60  # one call that takes longer counts as an error, and the loop goes on
TERM_WAIT=120    # after SIGTERM, how long a daemon may take before it is killed
WORK=$(mktemp -d)
DAEMONS=""       # pids of the daemons started, for the cleanup

alive() { [ -r "/proc/$1/stat" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }

wait_gone() { # wait_gone <pid> <seconds>: until the process has exited or the time is up
  local end=$((SECONDS + $2))
  while alive "$1" && [ "$SECONDS" -lt "$end" ]; do sleep 0.1; done
}

# Stops what we started: each daemon by SIGTERM, then, if it is still there after 10 s, its
# children and itself by SIGKILL (their pids listed first: an orphan would outlive us).
cleanup() {
  local pid kids
  for pid in $DAEMONS; do
    alive "$pid" || continue
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 10
    if alive "$pid"; then
      kids=$(ps -o pid= --ppid "$pid" || true)
      kill -KILL "$pid" $kids 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

[ -f "$HERE/daemon/target/supervisor4j-daemon.jar" ] || (cd "$HERE" && mvn -B -q -o package -DskipTests)
[ -x /usr/bin/supervisord ] || { echo "needs Debian's supervisor package (/usr/bin/supervisord)" >&2; exit 2; }

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

conf() { # conf <dir> <port> <history: on|off>
  local dir=$1
  mkdir -p "$dir/logs"
  {
    printf '[inet_http_server]\nport=127.0.0.1:%s\n\n' "$2"
    printf '[supervisord]\nlogfile=%%(here)s/supervisord.log\nlogfile_maxbytes=0\npidfile=%%(here)s/supervisord.pid\n'
    printf 'childlogdir=%%(here)s/logs\nnodaemon=true\nsilent=true\n\n'
    printf '[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n'
    [ "$3" = off ] && printf '[history]\nenabled=false\n\n'
    printf '[program:extra]\ncommand=sleep 100000\nstartsecs=0\n\n'
    for i in $(seq -w 1 200); do
      printf "[program:c%s]\ncommand=sh -c 'sleep 0.5; exit 1'\nstartsecs=0\nautorestart=true\nstartretries=1000000\n\n" "$i"
    done
  } > "$dir/s.conf"
}

# The client and the measurements of one run; writes a JSON line of results.
cat > "$WORK/storm.py" <<'PY'
import json, os, signal, statistics, sys, threading, time, xmlrpc.client
label, port, pid, seconds, log, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
call_timeout, term_wait = float(sys.argv[7]), float(sys.argv[8])
tick = os.sysconf('SC_CLK_TCK')

class Timed(xmlrpc.client.Transport):
    def make_connection(self, host):
        conn = super().make_connection(host)
        conn.timeout = self.timeout
        return conn

def proxy(timeout):
    t = Timed()
    t.timeout = timeout
    return xmlrpc.client.ServerProxy('http://127.0.0.1:%d/RPC2' % port, transport=t)

def state():
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().rsplit(')', 1)[1].split()
    except OSError:
        return None

def cpu():
    s = state()
    return (int(s[11]) + int(s[12])) / tick if s else 0.0  # utime + stime

def spawned(lines):
    return sum('spawned: ' in l for l in lines)

def log_lines():
    try:
        with open(log, errors='replace') as f:
            return f.read().splitlines()
    except OSError:
        return []

peak = {'threads': 0, 'rss_kb': 0}
done = threading.Event()
def sample():  # peak threads and RSS of the daemon, every 0.25 s
    while not done.wait(0.25):
        try:
            with open('/proc/%d/status' % pid) as f:
                for l in f:
                    if l.startswith('Threads:'): peak['threads'] = max(peak['threads'], int(l.split()[1]))
                    elif l.startswith('VmRSS:'): peak['rss_kb'] = max(peak['rss_kb'], int(l.split()[1]))
        except OSError:
            return
threading.Thread(target=sample, daemon=True).start()

# Up: getState answers RUNNING (within 120 s, plus one call in flight; calls may take seconds
# already, the storm starts with the daemon), then "extra" RUNNING (30 s more at most; if it is not,
# the storm is measured anyway and its stop/start show the faults).
s = proxy(call_timeout)
launched = time.monotonic()
def wait_for(what, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if what(): return True
        except Exception:
            pass
        time.sleep(0.2)
    return False
if not wait_for(lambda: s.supervisor.getState()['statename'] == 'RUNNING', 120):
    sys.exit('%s: getState did not answer RUNNING within 120 s' % label)
up_s = time.monotonic() - launched
extra_up = wait_for(lambda: s.supervisor.getProcessInfo('extra')['statename'] == 'RUNNING', 30)
if not extra_up:
    print('%s: "extra" not RUNNING 30 s after the API answered; measuring anyway' % label, file=sys.stderr)
stats = {m: {'t': [], 'faults': 0, 'errors': 0, 'codes': {}}
         for m in ('getState', 'getProcessInfo', 'stopProcess', 'startProcess')}
def call(method, *args):
    st = stats[method]
    t = time.perf_counter()
    try:
        getattr(s.supervisor, method)(*args)
    except xmlrpc.client.Fault as f:
        st['faults'] += 1
        st['codes'][f.faultCode] = st['codes'].get(f.faultCode, 0) + 1
    except Exception as e:
        st['errors'] += 1
        st['codes'][type(e).__name__] = st['codes'].get(type(e).__name__, 0) + 1
    st['t'].append(time.perf_counter() - t)

spawned0, cpu0, t0 = spawned(log_lines()), cpu(), time.monotonic()
end, next_toggle = t0 + seconds, t0 + 3
while time.monotonic() < end:
    call('getState')
    call('getProcessInfo', 'c001')
    if time.monotonic() >= next_toggle:
        call('stopProcess', 'extra')
        call('startProcess', 'extra')
        next_toggle = time.monotonic() + 3
elapsed = time.monotonic() - t0
spawned1, cpu1 = spawned(log_lines()), cpu()

# SIGTERM: the time until the daemon has exited (a zombie counts: it is our shell's child).
term = time.monotonic()
os.kill(pid, signal.SIGTERM)
exit_s = None
while time.monotonic() - term < term_wait:
    st = state()
    if st is None or st[0] == 'Z':
        exit_s = time.monotonic() - term
        break
    time.sleep(0.05)
done.set()
lines = log_lines()
at = next((i for i, l in enumerate(lines) if 'received SIGTERM' in l), None)

def lat(xs):
    if not xs: return None
    xs = sorted(xs)
    return {'median': statistics.median(xs), 'p99': xs[min(len(xs) - 1, int(len(xs) * 0.99))], 'max': xs[-1]}

json.dump({
    'label': label, 'seconds': elapsed, 'up_s': up_s, 'extra_up': extra_up,
    'calls': sum(len(v['t']) for v in stats.values()),
    'faults': sum(v['faults'] for v in stats.values()), 'errors': sum(v['errors'] for v in stats.values()),
    'codes': {m: v['codes'] for m, v in stats.items() if v['codes']},
    'latency': {m: lat(v['t']) for m, v in stats.items()},
    'spawns_per_s': (spawned1 - spawned0) / elapsed, 'cpu_s': cpu1 - cpu0,
    'peak_threads': peak['threads'], 'peak_rss_mb': peak['rss_kb'] / 1024,
    'term_exit_s': exit_s,
    'spawned_after_term': None if at is None else spawned(lines[at + 1:]),
}, open(out, 'w'))
PY

run() { # run <label> <supervisor|ours> <history: on|off>
  local label=$1 impl=$2 d="$WORK/$2-$3" p pid rc=0
  p=$(port)
  conf "$d" "$p" "$3"
  if [ "$impl" = ours ]; then "$HERE/bin/supervisord" -c "$d/s.conf" >"$d/out.txt" 2>&1 &
  else /usr/bin/supervisord -n -c "$d/s.conf" >"$d/out.txt" 2>&1 &
  fi
  pid=$!
  DAEMONS="$DAEMONS $pid"
  echo "$label: pid $pid, port $p, ${SECONDS_TO_RUN} s of storm..." >&2
  timeout $((SECONDS_TO_RUN + CALL_TIMEOUT + TERM_WAIT + 180)) \
    python3 "$WORK/storm.py" "$label" "$p" "$pid" "$SECONDS_TO_RUN" "$d/supervisord.log" "$d/result.json" \
    "$CALL_TIMEOUT" "$TERM_WAIT" || echo "$label: the client failed (see above)" >&2
  if alive "$pid"; then  # the client gave up before its SIGTERM, or the daemon ignored it
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" "$TERM_WAIT"
  fi
  if alive "$pid"; then
    echo "$label: still running $TERM_WAIT s after SIGTERM; killed" >&2
    kill -KILL "$pid" $(ps -o pid= --ppid "$pid" || true) 2>/dev/null || true
  fi
  wait "$pid" || rc=$?
  DAEMONS=${DAEMONS/ $pid/}  # reaped: its pid may be reused
  echo "$rc" > "$d/rc"
  RUNS="$RUNS $d"
}

RUNS=""
run "Supervisor 4.2.5" supervisor on
run "supervisor4j" ours on
if [ "$HISTORY_OFF" = true ]; then run "supervisor4j, history off" ours off; fi

python3 - "$SECONDS_TO_RUN" "$TERM_WAIT" $RUNS <<'PY'
import json, os, sys
rows = []
for d in sys.argv[3:]:
    if os.path.exists(d + '/result.json'):
        r = json.load(open(d + '/result.json'))
        r['rc'] = open(d + '/rc').read().strip()
        rows.append(r)
if not rows:
    sys.exit('no results')
def lat(x):
    return '–' if not x else '%.3f / %.3f / %.3f' % (x['median'], x['p99'], x['max'])
print('Crash storm, %s s: 200 programs `sh -c \'sleep 0.5; exit 1\'`, one sequential client; '
      'latencies in seconds, median / p99 / max.\n' % sys.argv[1])
print('| daemon | API up after | calls | faults / errors | getState | getProcessInfo | stopProcess; startProcess (extra) '
      '| spawns/s | CPU s | peak threads | peak RSS MB | SIGTERM → exit | spawned after TERM | exit code |')
print('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
for r in rows:
    L = r['latency']
    codes = ' ' + json.dumps(r['codes']) if r['codes'] else ''
    print('| %s | %.1f s | %d | %d / %d%s | %s | %s | %s; %s | %.1f | %.1f | %d | %.0f | %s | %s | %s |' % (
        r['label'], r['up_s'], r['calls'], r['faults'], r['errors'], codes, lat(L['getState']), lat(L['getProcessInfo']),
        lat(L['stopProcess']), lat(L['startProcess']), r['spawns_per_s'], r['cpu_s'], r['peak_threads'],
        r['peak_rss_mb'], 'not within %s s' % sys.argv[2] if r['term_exit_s'] is None else '%.1f s' % r['term_exit_s'],
        '?' if r['spawned_after_term'] is None else r['spawned_after_term'], r['rc']))
PY
