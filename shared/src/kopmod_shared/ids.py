"""Identifiers are UUIDs. New ones are time-ordered (UUIDv7 layout) so indexes stay compact."""

from __future__ import annotations

import os
import threading
import time
from uuid import UUID

_lock = threading.Lock()
_last = 0


def new_id() -> UUID:
    """A UUIDv7: 48-bit Unix milliseconds, version 7, then random bits (RFC 9562).

    Monotonic within the process (RFC 9562 section 6.2, method 3): an id made in the same
    millisecond as the previous one is that one plus one, so rows written in one flush (two state
    changes of an application, say) sort by id in the order they were made.
    """
    global _last
    ms = time.time_ns() // 1_000_000
    rand_a = int.from_bytes(os.urandom(2), "big") & 0xFFF
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = ((ms & ((1 << 48) - 1)) << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    with _lock:
        if value <= _last and (_last >> 80) == (value >> 80):
            # Same millisecond: step past the last id in the random bits, keeping the version
            # (bits 76-79) and variant (bits 62-63) fixed.
            value = _next_after(_last)
        _last = value
    return UUID(int=value)


def _next_after(value: int) -> int:
    rand_b = value & ((1 << 62) - 1)
    rand_a = (value >> 64) & 0xFFF
    if rand_b < (1 << 62) - 1:
        rand_b += 1
    else:  # 74 random bits exhausted within one millisecond: practically never
        rand_b = 0
        rand_a = (rand_a + 1) & 0xFFF
    ms = value >> 80
    return (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b


def _new_int_ids(n: int) -> list[int] | range:
    global _last
    if n <= 0:
        return []
    first = new_id().int
    if (first & ((1 << 62) - 1)) + n < (1 << 62):  # the random bits do not overflow: plain +1
        values: list[int] | range = range(first, first + n)
    else:
        values = [first]
        for _ in range(n - 1):
            values.append(_next_after(values[-1]))
    with _lock:
        _last = max(_last, values[-1])
    return values


def new_ids(n: int) -> list[UUID]:
    """``n`` new ids in one call, in order: the first from ``new_id`` and each next one the one
    before plus one (the same step ``new_id`` takes within a millisecond), for bulk writes."""
    return [UUID(int=v) for v in _new_int_ids(n)]


def new_ids_hex(n: int) -> list[str]:
    """The ids of ``new_ids`` as 32 hex digits, no dashes (what Postgres reads as a uuid), for
    COPY text: a fifth of the cost of building ``UUID`` objects and writing them out."""
    return [format(v, "032x") for v in _new_int_ids(n)]
