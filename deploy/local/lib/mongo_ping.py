#!/usr/bin/env python3
"""Sends a MongoDB wire-protocol `ping` (OP_MSG) and exits 0 only when the server answers ok: 1.

Usage: mongo_ping.py HOST PORT [TIMEOUT_SECONDS]
Used for readiness, so it needs nothing but the standard library.
"""
import socket
import struct
import sys

OP_MSG = 2013


def bson_ping() -> bytes:
    body = b"\x10ping\x00" + struct.pack("<i", 1)
    body += b"\x02$db\x00" + struct.pack("<i", 6) + b"admin\x00"
    return struct.pack("<i", len(body) + 5) + body + b"\x00"


def recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("connection closed mid-reply")
        buf += chunk
    return buf


def main() -> int:
    host, port = sys.argv[1], int(sys.argv[2])
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
    payload = struct.pack("<I", 0) + b"\x00" + bson_ping()
    msg = struct.pack("<iiii", 16 + len(payload), 1, 0, OP_MSG) + payload
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(msg)
            length, _, response_to, opcode = struct.unpack("<iiii", recv_exact(sock, 16))
            reply = recv_exact(sock, length - 16)
    except (OSError, ConnectionError) as exc:
        print(f"ping failed: {exc}", file=sys.stderr)
        return 1
    # The reply's first section is the body document; ok is a double (type 0x01) in MongoDB's replies.
    ok = reply.find(b"\x01ok\x00")
    if opcode != OP_MSG or response_to != 1 or ok < 0:
        print("ping failed: unexpected reply", file=sys.stderr)
        return 1
    (value,) = struct.unpack("<d", reply[ok + 4 : ok + 12])
    return 0 if value == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
