"""Route dependencies that would run in FastAPI's thread pool, listed from an app's routes.

FastAPI runs a dependency written as a plain ``def`` (or a class) in its thread pool: a hop to a
worker thread and back on every request that uses it. None of ours blocks, so each is an
``async def`` and runs on the event loop; on a write path of a few milliseconds of CPU the hops
were not free, and under load they queue for a free worker. :func:`threadpool_dependencies`
lists those that are not, and each service's tests assert none is left (or name the ones
allowed, with why).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts


def _on_the_loop(call: Callable[..., Any]) -> bool:
    if inspect.iscoroutinefunction(call) or inspect.isasyncgenfunction(call):
        return True
    if inspect.isclass(call):
        return False
    # Security schemes are instances with an async ``__call__``.
    dunder = inspect.getattr_static(type(call), "__call__", None)
    return inspect.iscoroutinefunction(dunder) or inspect.isasyncgenfunction(dunder)


def _walk(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _walk(sub)


def threadpool_dependencies(app: FastAPI) -> dict[str, set[str]]:
    """``{dependency name: {"METHOD path", ...}}`` of every dependency FastAPI would run in its
    thread pool, on every route of ``app``."""
    found: dict[str, set[str]] = {}
    for ctx in iter_route_contexts(app.routes):
        route = ctx.original_route
        if not isinstance(route, APIRoute):
            continue
        for call in _walk(route.dependant):
            if not _on_the_loop(call):
                name = f"{call.__module__}.{getattr(call, '__qualname__', type(call).__name__)}"
                for method in sorted(ctx.methods or route.methods or ()):
                    found.setdefault(name, set()).add(f"{method} {ctx.path or route.path}")
    return found


__all__ = ["threadpool_dependencies"]
