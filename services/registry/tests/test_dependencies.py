"""No route dependency runs in FastAPI's thread pool (kopmod_shared.testing_deps says why)."""

from __future__ import annotations

from kopmod_shared.testing_deps import threadpool_dependencies

ALLOWED: set[str] = set()


def test_every_dependency_runs_on_the_event_loop(app) -> None:
    found = threadpool_dependencies(app)
    assert set(found) <= ALLOWED, {k: sorted(v)[:3] for k, v in found.items() if k not in ALLOWED}
