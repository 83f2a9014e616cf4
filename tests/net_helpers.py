"""Ports for the servers tests start on loopback."""
from __future__ import annotations

import os
import random
import socket

# STUDIO_TEST_PORTS=7830-7849 keeps a test run inside a port block (several people on one machine)
_RANGE = os.environ.get("STUDIO_TEST_PORTS", "")
_START, _STOP = (int(x) for x in _RANGE.split("-")) if _RANGE else (18000, 19000)


def _this_workers_slice(start: int, stop: int) -> tuple[int, int]:
    """The part of start..stop that belongs to this pytest-xdist worker.

    Every worker probing the same range from its start found the same free port and two servers
    raced for it (CI: "Cannot find empty port in range: 18001-18001"); disjoint slices can't race."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") or 1)
    if not worker.startswith("gw") or count <= 1:
        return start, stop
    index = int(worker[2:]) % count
    width = (stop - start) // count
    return start + index * width, start + (index + 1) * width


def free_port_block(n: int = 1, start: int = _START, stop: int = _STOP) -> int:
    """A port p such that p..p+n-1 can all be bound on 127.0.0.1 right now."""
    start, stop = _this_workers_slice(start, stop)
    bases = list(range(start, stop - n, n))
    # A random first try: a port a closed server just left may still be in TIME_WAIT for another test
    first = random.randrange(len(bases)) if bases else 0
    for base in bases[first:] + bases[:first]:
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
