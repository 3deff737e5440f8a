# Drives a daemon running fcgi_probe's config (two [fcgi-program:x] groups: tcpf, numprocs=2, on a tcp
# socket; unixf on a unix socket) through a FastCGI life: who holds fd 0, answers through cgi-fcgi,
# stdin, restarts, stops and group removal. Prints one comparable line per fact (directory, port
# and pids replaced), so that Supervisor 4.2.5's output and ours can be compared whole.
# Usage: python3 fcgi_probe.py <rpc unix socket> <daemon directory> <tcp port> <cgi-fcgi path>
import os
import re
import signal
import stat
import subprocess
import sys
import time
import xmlrpc.client

from supervisor.xmlrpc import SupervisorTransport

rpc_socket, here, port, cgi_fcgi = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
proxy = xmlrpc.client.ServerProxy(
    'http://127.0.0.1', transport=SupervisorTransport(None, None, 'unix://' + rpc_socket))
api = proxy.supervisor
unix_path = os.path.join(here, 'unixf.sock')


def out(*words):
    print(*words, flush=True)


def call(expr, fn):
    try:
        out(expr, '->', fn())
    except xmlrpc.client.Fault as e:
        out(expr, '-> fault', e.faultString)


def info(name):
    return api.getProcessInfo(name)


def await_state(name, state, old_pid=None):
    for _ in range(300):
        i = info(name)
        if i['statename'] == state and i['pid'] != old_pid:
            return i
        time.sleep(0.1)
    raise SystemExit('%s never %s: %s' % (name, state, info(name)))


def tcp_listening():
    """Inode of the socket listening on 127.0.0.1:port, or None."""
    want = '0100007F:%04X' % port
    with open('/proc/net/tcp') as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if fields[1] == want and fields[3] == '0A':
                return int(fields[9])
    return None


def unix_listening():
    """Inode of the socket listening on unixf.sock, or None (flags 00010000: __SO_ACCEPTCON)."""
    with open('/proc/net/unix') as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if len(fields) >= 8 and fields[7] == unix_path and fields[3] == '00010000':
                return int(fields[6])
    return None


def fd0(pid):
    return os.readlink('/proc/%d/fd/0' % pid)


def ask(connect):
    """One FastCGI request through cgi-fcgi; the responder's pid and fd 0 inode."""
    env = {'REQUEST_METHOD': 'GET', 'SCRIPT_NAME': '/probe', 'SERVER_PROTOCOL': 'HTTP/1.1'}
    done = subprocess.run([cgi_fcgi, '-bind', '-connect', connect], env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=20)
    m = re.search(rb'pid=(\d+) fd0=(\d+)', done.stdout)
    if done.returncode != 0 or not m:
        return None, None
    return int(m.group(1)), int(m.group(2))


def answers(connect, names, inode):
    """Asks until every process of names has answered (at most 20 tries); what each answered with."""
    pids = {info(n)['pid']: n for n in names}
    seen = {}
    for _ in range(20):
        pid, ino = ask(connect)
        if pid is None:
            break
        seen.setdefault(pids.get(pid, 'stranger'), ino == inode)
        if all(n in seen for n in names):
            break
    for n in names:
        out('  answer from', n, {True: 'with fd0 = the listening socket', False: 'with another fd0',
                                 None: 'missing'}[seen.get(n)])


def holders(names, inode):
    for n in names:
        i = info(n)
        out('  fd0 of', n, 'is the listening socket' if fd0(i['pid']) == 'socket:[%d]' % inode
            else 'is ' + re.sub(r'\d+', 'N', fd0(i['pid'])))


def socket_lines():
    with open(os.path.join(here, 'supervisord.log')) as f:
        text = f.read()
    for url in ('tcp://127.0.0.1:%d' % port, 'unix://' + unix_path):
        lines = re.findall(r'(Creating|Closing) socket ' + re.escape(url) + r'$', text, re.M)
        out('main log for', url.replace(str(port), 'PORT').replace(here, 'DIR'), ':', ' '.join(lines))


tcp_names = ['tcpf:tcpf_0', 'tcpf:tcpf_1']
for n in tcp_names + ['unixf']:
    await_state(n, 'RUNNING')

out('tcp socket')
tcp = tcp_listening()
out('  listening:', tcp is not None)
holders(tcp_names, tcp)
answers('127.0.0.1:%d' % port, tcp_names, tcp)
call('  sendProcessStdin tcpf:tcpf_0', lambda: api.sendProcessStdin('tcpf:tcpf_0', 'x\n'))

out('unix socket')
unix = unix_listening()
out('  listening:', unix is not None)
st = os.stat(unix_path)
out('  file: socket=%s mode=%o owner=%d:%d' % (stat.S_ISSOCK(st.st_mode), stat.S_IMODE(st.st_mode),
                                               st.st_uid, st.st_gid))
holders(['unixf'], unix)
answers(unix_path, ['unixf'], unix)
call('  sendProcessStdin unixf', lambda: api.sendProcessStdin('unixf', 'x\n'))

out('restart tcpf_0 (tcpf_1 keeps the socket)')
call('  stopProcess', lambda: api.stopProcess('tcpf:tcpf_0'))
out('  same socket listening:', tcp_listening() == tcp)
call('  startProcess', lambda: api.startProcess('tcpf:tcpf_0'))
holders(tcp_names, tcp)
answers('127.0.0.1:%d' % port, tcp_names, tcp)

out('tcpf_1 killed, autorestarted')
old = info('tcpf:tcpf_1')['pid']
os.kill(old, signal.SIGKILL)
await_state('tcpf:tcpf_1', 'RUNNING', old)
out('  same socket listening:', tcp_listening() == tcp)
holders(tcp_names, tcp)
answers('127.0.0.1:%d' % port, tcp_names, tcp)

out('restart unixf (its only process: the socket is closed and made again)')
call('  stopProcess', lambda: api.stopProcess('unixf'))
out('  listening:', unix_listening() is not None, 'file exists:', os.path.exists(unix_path))
call('  startProcess', lambda: api.startProcess('unixf'))
unix2 = unix_listening()
out('  listening:', unix2 is not None, 'new socket:', unix2 != unix)
holders(['unixf'], unix2)
answers(unix_path, ['unixf'], unix2)

out('stop and remove the groups')
call('  stopProcessGroup tcpf', lambda: len(api.stopProcessGroup('tcpf')))
out('  tcp listening:', tcp_listening() is not None)
call('  removeProcessGroup tcpf', lambda: api.removeProcessGroup('tcpf'))
call('  stopProcessGroup unixf', lambda: len(api.stopProcessGroup('unixf')))
call('  removeProcessGroup unixf', lambda: api.removeProcessGroup('unixf'))
out('  tcp listening:', tcp_listening() is not None, 'unix listening:', unix_listening() is not None,
    'unix file exists:', os.path.exists(unix_path))
out('  cgi-fcgi tcp answered:', ask('127.0.0.1:%d' % port)[0] is not None,
    'unix answered:', ask(unix_path)[0] is not None)
socket_lines()
