# A FastCGI responder, Python stdlib only, for [fcgi-program:x] tests: it accepts on the listening
# socket it gets as fd 0 (as a FastCGI application under a web server does) and answers each request
# with its pid and the inode of its fd 0.
import os
import socket
import struct

HEADER = '!BBHHBx'  # version, type, request id, content length, padding length, reserved
STDIN, STDOUT, END_REQUEST = 5, 6, 3


def read_exactly(conn, n):
    data = b''
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def record(conn, kind, request, content):
    conn.sendall(struct.pack(HEADER, 1, kind, request, len(content), 0) + content)


listener = socket.socket(fileno=0)
inode = os.fstat(0).st_ino
while True:
    conn, _ = listener.accept()
    try:
        while True:  # BEGIN_REQUEST, PARAMS..., STDIN... up to the empty STDIN record
            _, kind, request, length, padding = struct.unpack(HEADER, read_exactly(conn, 8))
            read_exactly(conn, length + padding)
            if kind == STDIN and length == 0:
                break
        body = 'Content-Type: text/plain\r\n\r\npid=%d fd0=%d\n' % (os.getpid(), inode)
        record(conn, STDOUT, request, body.encode())
        record(conn, STDOUT, request, b'')
        record(conn, END_REQUEST, request, b'\0' * 8)
    except EOFError:
        pass
    conn.close()
