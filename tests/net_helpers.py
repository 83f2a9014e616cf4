"""Ports for the servers tests start on loopback."""
from __future__ import annotations

import os
import socket

# STUDIO_TEST_PORTS=7830-7849 keeps a test run inside a port block (several people on one machine)
_RANGE = os.environ.get("STUDIO_TEST_PORTS", "")
_START, _STOP = (int(x) for x in _RANGE.split("-")) if _RANGE else (18000, 19000)


def free_port_block(n: int = 1, start: int = _START, stop: int = _STOP) -> int:
    """A port p such that p..p+n-1 can all be bound on 127.0.0.1 right now."""
    for base in range(start, stop - n, n):
        socks = []
        try:
            for port in range(base, base + n):
                s = socket.socket()
                socks.append(s)
                s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError(f"no {n} free consecutive ports in {start}-{stop}")


def free_port(start: int = _START, stop: int = _STOP) -> int:
    return free_port_block(1, start, stop)


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0
