"""Structured JSON logs with the request id on every line, and Prometheus metrics.

- Request id: taken from ``X-Request-ID`` when it is short visible ASCII
  (:func:`is_valid_request_id`), otherwise generated (asgi-correlation-id logs that it did);
  returned in the response, put on every log line, carried by events as their correlation id,
  and passed on by the typed clients and the outbox relay to other services. A caller's value
  travels into outgoing HTTP headers and a 200-character column, so anything else is replaced.
- Metrics at ``/metrics`` through prometheus-fastapi-instrumentator (requests and latency per
  route template and status) plus database pool gauges; behind a bearer token when one is
  configured (required in production).
- The access log (uvicorn's) records the path without its query string: a query can carry a
  token or other secret, and log files travel further than the services.
"""

from __future__ import annotations

import logging
import secrets
import sys
from typing import Any

from asgi_correlation_id import CorrelationIdFilter, CorrelationIdMiddleware
from fastapi import Depends, FastAPI, Request
from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from prometheus_fastapi_instrumentator import Instrumentator
from pythonjsonlogger.json import JsonFormatter

from kopmod_shared.errors import Unauthorized

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_MAX_LENGTH = 128


def is_valid_request_id(value: object) -> bool:
    """At most 128 visible ASCII characters (``!`` to ``~``): safe in any header and log line."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= REQUEST_ID_MAX_LENGTH
        and all("!" <= c <= "~" for c in value)
    )


# Loggers that put a URL with its query in their arguments, and the argument's position:
# uvicorn's access line ('%s - "%s %s HTTP/%s" %d', the path with its query third) and httpx's
# line per outgoing request ('HTTP Request: %s %s "%s %d %s"', the URL second).
_URL_ARGUMENT = {"uvicorn.access": 2, "httpx": 1}


class AccessLogRedactor(logging.Filter):
    """Cut the query string from access lines, keeping a marker that there was one."""

    def filter(self, record: logging.LogRecord) -> bool:
        index = _URL_ARGUMENT.get(record.name)
        if index is not None and isinstance(record.args, tuple) and len(record.args) > index:
            url = str(record.args[index])
            if "?" in url:
                args = list(record.args)
                args[index] = url.split("?", 1)[0] + "?[redacted]"
                record.args = tuple(args)
        return True


def configure_logging(service: str, level: str = "INFO", json_logs: bool = True) -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(CorrelationIdFilter(name="", uuid_length=32, default_value="-"))
    handler.addFilter(AccessLogRedactor())
    if json_logs:
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s %(correlation_id)s",
                rename_fields={
                    "asctime": "ts",
                    "levelname": "level",
                    "name": "logger",
                    "correlation_id": "request_id",
                },
                static_fields={"service": service},
            )
        )
    else:
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s [%(correlation_id)s] %(name)s %(message)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        lg = logging.getLogger(name)
        lg.handlers[:] = []
        lg.propagate = True


class _PoolCollector(Collector):
    def __init__(self, app: FastAPI, service: str) -> None:
        self.app = app
        self.service = service

    def collect(self) -> Any:
        engine = getattr(self.app.state, "engine", None)
        checked_out = GaugeMetricFamily(
            "kopmod_db_pool_checked_out", "Connections in use", labels=["service"]
        )
        size = GaugeMetricFamily("kopmod_db_pool_size", "Pool size", labels=["service"])
        overflow = GaugeMetricFamily(
            "kopmod_db_pool_overflow", "Connections beyond the pool size", labels=["service"]
        )
        if engine is not None:
            pool: Any = engine.pool
            checked_out.add_metric([self.service], float(pool.checkedout()))
            size.add_metric([self.service], float(pool.size()))
            overflow.add_metric([self.service], float(max(pool.overflow(), 0)))
        yield checked_out
        yield size
        yield overflow


def _metrics_guard(token: str | None) -> Any:
    async def check(request: Request) -> None:
        if token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(
            given.strip().encode(), token.encode()
        ):
            raise Unauthorized("metrics need the metrics bearer token", error="invalid_token")

    return check


def install_observability(
    app: FastAPI,
    service: str,
    registry: CollectorRegistry | None = None,
    *,
    metrics_token: str | None = None,
) -> None:
    app.add_middleware(
        CorrelationIdMiddleware,
        header_name=REQUEST_ID_HEADER,
        update_request_header=True,
        validator=is_valid_request_id,
    )
    reg = registry or CollectorRegistry()
    Instrumentator(
        should_group_status_codes=False,
        excluded_handlers=["/metrics", "/healthz", "/readyz"],
        registry=reg,
    ).instrument(app, metric_namespace="kopmod", metric_subsystem=service).expose(
        app,
        endpoint="/metrics",
        include_in_schema=False,
        dependencies=[Depends(_metrics_guard(metrics_token))],
    )
    reg.register(_PoolCollector(app, service))
    app.state.metrics_registry = reg
    _ = REGISTRY  # the process default registry stays untouched: several apps may share a process
