"""``kopmod_shared.ports.free_port`` never hands out one port twice in a process: ``kopmod up
--replicas`` and the end-to-end stacks take all their ports before any process binds one, and Linux
picks each at random among about 14,000 (1,000 probes on the old helper repeat a port practically
always)."""

from __future__ import annotations

from kopmod_shared import testing
from kopmod_shared.ports import free_port


def test_ports_taken_together_are_all_different() -> None:
    ports = [free_port() for _ in range(1000)]
    assert len(set(ports)) == len(ports)


def test_the_test_stacks_take_ports_from_the_one_helper() -> None:
    """A second helper would hand out a port the first already gave to a sibling process."""
    assert testing.free_port is free_port
