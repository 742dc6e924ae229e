"""``kopmod_shared.testing.free_port`` never hands out one port twice in a process: the end-to-end
stacks take all their ports before any process binds one, and Linux picks each at random among
about 14,000 (1,000 probes on the old helper repeat a port practically always)."""

from __future__ import annotations

from kopmod_shared.testing import free_port


def test_ports_taken_together_are_all_different() -> None:
    ports = [free_port() for _ in range(1000)]
    assert len(set(ports)) == len(ports)
