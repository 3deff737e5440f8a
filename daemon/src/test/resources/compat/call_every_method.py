"""Calls every method system.listMethods() names, with valid arguments and, where a method takes
a name, with a bad one, an empty one and values that are not strings. Prints one line per call:
'<method> <label> ok <repr>' or '<method> <label> fault <code>'; for the odd names also the
faultString (an empty detail, 'BAD_NAME: ', is not a missing one) or 'http <status>'. Used by the
Java compatibility test as a stock XML-RPC client."""
import sys
import xmlrpc.client

url = sys.argv[1]
proxy = xmlrpc.client.ServerProxy(url, allow_none=True)

def call(method, label, *args, detail=False):
    fn = proxy
    for part in method.split('.'):
        fn = getattr(fn, part)
    try:
        result = fn(*args)
        print(method, label, 'ok', repr(result)[:200].replace('\n', ' '))
    except xmlrpc.client.Fault as f:
        print(method, label, 'fault', f.faultCode, *([repr(f.faultString)] if detail else []))
    except xmlrpc.client.ProtocolError as e:
        print(method, label, 'http', e.errcode)
    sys.stdout.flush()

# Names that are not names: none of them matches a process or group of the config.
odd_names = [
    ('empty', ''), ('int', 1), ('bool', True), ('float', 1.5), ('nil', None), ('list', ['cat']),
    ('struct', {'a': 'b'}), ('datetime', xmlrpc.client.DateTime('20200102T03:04:05')),
    ('base64', xmlrpc.client.Binary(b'nosuch')),
]

# Supervisor's own namespaces only: ours (supervisor4j.*, history.*) have no counterpart to compare with.
methods = [m for m in proxy.system.listMethods() if m.split('.')[0] in ('supervisor', 'system')]
print('count', len(methods))

# (valid arguments, bad-name arguments or None), in an order that keeps the daemon usable.
plan = {
    'system.listMethods': ((), None),
    'system.methodHelp': (('supervisor.getState',), ('supervisor.nosuch',)),
    'system.methodSignature': (('supervisor.getState',), ('supervisor.nosuch',)),
    'system.multicall': (([{'methodName': 'supervisor.getState'}],), None),
    'supervisor.getAPIVersion': ((), None),
    'supervisor.getVersion': ((), None),
    'supervisor.getSupervisorVersion': ((), None),
    'supervisor.getIdentification': ((), None),
    'supervisor.getState': ((), None),
    'supervisor.getPID': ((), None),
    'supervisor.readLog': ((0, 0), None),
    'supervisor.readMainLog': ((-100, 0), None),
    'supervisor.getProcessInfo': (('cat',), ('nosuch',)),
    'supervisor.getAllProcessInfo': ((), None),
    'supervisor.getAllConfigInfo': ((), None),
    'supervisor.stopProcess': (('cat',), ('nosuch',)),
    'supervisor.startProcess': (('cat',), ('nosuch',)),
    'supervisor.stopProcessGroup': (('grp',), ('nosuch',)),
    'supervisor.startProcessGroup': (('grp',), ('nosuch',)),
    # CONT, not HUP: a HUP kills cat, and Supervisor notices only at its next tick, so a write to
    # its stdin right after raced (EPIPE, NO_FILE) there and not here.
    'supervisor.signalProcess': (('cat', 'CONT'), ('nosuch', 'HUP')),
    'supervisor.signalProcessGroup': (('grp', 'CONT'), ('nosuch', 'CONT')),
    'supervisor.signalAllProcesses': (('CONT',), None),
    'supervisor.sendProcessStdin': (('cat', 'hello\n'), ('nosuch', 'x')),
    'supervisor.readProcessStdoutLog': (('cat', 0, 100), ('nosuch', 0, 100)),
    'supervisor.readProcessLog': (('cat', 0, 100), ('nosuch', 0, 100)),
    'supervisor.readProcessStderrLog': (('cat', 0, 100), ('nosuch', 0, 100)),
    'supervisor.tailProcessStdoutLog': (('cat', 0, 100), ('nosuch', 0, 100)),
    'supervisor.tailProcessLog': (('cat', 0, 100), ('nosuch', 0, 100)),
    'supervisor.tailProcessStderrLog': (('cat', 0, 100), ('nosuch', 0, 100)),
    'supervisor.clearProcessLogs': (('cat',), ('nosuch',)),
    'supervisor.clearProcessLog': (('cat',), ('nosuch',)),
    'supervisor.clearAllProcessLogs': ((), None),
    'supervisor.clearLog': ((), None),
    'supervisor.sendRemoteCommEvent': (('type', 'data'), None),
    'supervisor.reloadConfig': ((), None),
    'supervisor.removeProcessGroup': (('manual',), ('nosuch',)),
    'supervisor.addProcessGroup': (('manual',), ('nosuch',)),
    'supervisor.stopAllProcesses': ((), None),
    'supervisor.startAllProcesses': ((), None),
    'supervisor.restart': ((), None),
}
order = [m for m in plan if m in methods] + [m for m in methods if m not in plan and m != 'supervisor.shutdown'] + ['supervisor.shutdown']
for method in order:
    if method == 'supervisor.restart':
        continue  # a restart would race the calls after it; the Java test covers it separately
    valid, bad = plan.get(method, ((), None))
    call(method, 'valid', *valid)
    if bad is not None:
        call(method, 'bad', *bad)
        for label, name in odd_names:
            call(method, label, name, *bad[1:], detail=True)
        if method.endswith('ProcessGroup'):
            # Group methods take a group's name, not a group spec.
            call(method, 'groupspec', valid[0] + ':*', *bad[1:], detail=True)
