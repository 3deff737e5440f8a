# An event listener for the tests. With Debian's supervisor package importable it uses
# supervisor.childutils, as real listeners do; otherwise the same protocol by hand.
# Each event becomes one line in OUT: the header tokens, '|', the payload with escapes.
# MODE: ok (default), fail-once (FAIL each serial the first time), slow<seconds>.
import sys
import time

try:
    from supervisor import childutils

    def wait():
        return childutils.listener.wait(sys.stdin, sys.stdout)

    def answer(body):
        childutils.listener.send(body, sys.stdout)
except ImportError:
    def wait():
        sys.stdout.write('READY\n')
        sys.stdout.flush()
        line = sys.stdin.readline()
        headers = dict(x.split(':', 1) for x in line.split())
        return headers, sys.stdin.read(int(headers['len']))

    def answer(body):
        sys.stdout.write('RESULT %s\n%s' % (len(body), body))
        sys.stdout.flush()

out_path = sys.argv[1]
mode = sys.argv[2] if len(sys.argv) > 2 else 'ok'
failed = set()
while True:
    headers, payload = wait()
    line = ' '.join('%s:%s' % kv for kv in headers.items())
    with open(out_path, 'a') as out:
        out.write(line + '|' + payload.encode('unicode_escape').decode('ascii') + '\n')
    if mode == 'fail-once' and headers['serial'] not in failed:
        failed.add(headers['serial'])
        answer('FAIL')
    else:
        if mode.startswith('slow'):
            time.sleep(float(mode[4:]))
        answer('OK')
