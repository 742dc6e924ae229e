"""Free TCP ports on 127.0.0.1 for processes a parent starts together (``kopmod up --replicas``,
the end-to-end stacks, the benches).

Linux picks a ``bind(0)`` port at random among about 14,000 and it is free again as soon as the
probe closes it: a parent that takes several ports before any child binds one would otherwise get
the same port twice once in a few hundred starts, and one of the two children could not listen.
So a process never hands out one port twice.
"""

from __future__ import annotations

import socket
import threading

_handed_out: set[int] = set()
_handed_out_lock = threading.Lock()


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now, and never one this process handed out before."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        with _handed_out_lock:
            if port not in _handed_out:
                _handed_out.add(port)
                return port
