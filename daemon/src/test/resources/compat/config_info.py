# getAllConfigInfo (every field) and getProcessInfo (the fields that do not depend on time or pid),
# at start, after a reread, and after one group is removed and added again; printed one line per
# process, with the daemon's directory and the random part of AUTO log names made comparable.
# Usage: python3 config_info.py <unix socket> <daemon directory>
import re
import sys
import time
import xmlrpc.client

from supervisor.xmlrpc import SupervisorTransport

proxy = xmlrpc.client.ServerProxy(
    'http://127.0.0.1', transport=SupervisorTransport(None, None, 'unix://' + sys.argv[1]))
here = sys.argv[2]
STEADY = ('RUNNING', 'STOPPED', 'EXITED', 'FATAL')


def norm(value):
    value = str(value).replace(here, 'DIR')
    return re.sub(r'---supervisor-[^.]*\.log', '---supervisor-X.log', value)


def steady():
    for _ in range(300):
        if all(i['statename'] in STEADY for i in proxy.supervisor.getAllProcessInfo()):
            return
        time.sleep(0.1)
    raise SystemExit('no steady state')


def show(phase):
    for c in proxy.supervisor.getAllConfigInfo():
        print(phase, 'config', c['group'] + ':' + c['name'],
              ' '.join(k + '=' + norm(c[k]) for k in sorted(c)))
    for i in proxy.supervisor.getAllProcessInfo():
        print(phase, 'info', i['group'] + ':' + i['name'],
              ' '.join(k + '=' + norm(i[k]) for k in ('statename', 'spawnerr', 'exitstatus', 'logfile',
                                                     'stdout_logfile', 'stderr_logfile')))


steady()
show('start')
proxy.supervisor.reloadConfig()
show('reread')
proxy.supervisor.stopProcessGroup('red')
proxy.supervisor.removeProcessGroup('red')
proxy.supervisor.addProcessGroup('red')
steady()
show('readded')
proxy.supervisor.shutdown()
