"""Every log line is JSON and carries the request id; errors never leak a stack trace."""

from __future__ import annotations

import io
import json
import logging

import httpx
from fastapi import FastAPI

from kopmod_shared.errors import install_error_handlers
from kopmod_shared.observability import configure_logging, install_observability


def _app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    install_observability(app, "probe")

    @app.get("/work")
    async def work() -> dict[str, str]:
        logging.getLogger("probe.work").info("did the work", extra={"items": 3})
        return {"ok": "yes"}

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals: password=hunter2")

    return app


async def test_log_lines_are_json_with_the_request_id_and_errors_hide_internals():
    configure_logging("probe", "INFO", json_logs=True)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    handler.setStream(buffer)
    try:
        app = _app()
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            ok = await client.get("/work", headers={"X-Request-ID": "req-42"})
            boom = await client.get("/boom", headers={"X-Request-ID": "req-43"})
    finally:
        configure_logging("probe", "INFO", json_logs=True)
    assert ok.headers["x-request-id"] == "req-42"
    lines = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    work = next(entry for entry in lines if entry["message"] == "did the work")
    assert work["request_id"] == "req-42"
    assert work["service"] == "probe" and work["level"] == "INFO" and work["items"] == 3
    crash = next(entry for entry in lines if entry["message"] == "unhandled error")
    assert crash["request_id"] == "req-43"
    assert boom.status_code == 500
    assert boom.headers["content-type"] == "application/problem+json"
    assert "hunter2" not in boom.text and "Traceback" not in boom.text
    assert boom.json()["detail"] == "An unexpected error occurred."


async def test_only_short_visible_ascii_request_ids_are_kept_anything_else_is_replaced_and_logged():
    configure_logging("probe", "INFO", json_logs=True)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    handler.setStream(buffer)
    huge = "A" * 60_000
    try:
        transport = httpx.ASGITransport(app=_app())
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            kept = await client.get("/work", headers={"X-Request-ID": "partner-run-7:step/2"})
            longest = await client.get("/work", headers={"X-Request-ID": "b" * 128})
            too_long = await client.get("/work", headers={"X-Request-ID": huge})
            latin1 = await client.get("/work", headers=[(b"X-Request-ID", b"poison-\xe9")])
            spaced = await client.get("/work", headers={"X-Request-ID": "two words"})
    finally:
        configure_logging("probe", "INFO", json_logs=True)
    assert kept.headers["x-request-id"] == "partner-run-7:step/2"
    assert longest.headers["x-request-id"] == "b" * 128
    replaced = [too_long, latin1, spaced]
    for resp in replaced:
        assert resp.status_code == 200
        rid = resp.headers["x-request-id"]
        assert len(rid) == 32 and all(c in "0123456789abcdef" for c in rid), rid
    assert huge not in too_long.headers.get("x-request-id", "")
    assert len(too_long.headers.raw) < 20 and sum(len(v) for _, v in too_long.headers.raw) < 2000
    lines = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    generated = [e for e in lines if e["message"].startswith("Generated new request ID")]
    assert {e["message"].split("(")[1].split(")")[0] for e in generated} == {
        r.headers["x-request-id"] for r in replaced
    }
    # The work was done under the generated id, not the caller's.
    work_ids = {e["request_id"] for e in lines if e["message"] == "did the work"}
    assert {r.headers["x-request-id"] for r in replaced} <= work_ids
    assert "poison" not in buffer.getvalue() and huge not in buffer.getvalue()


def test_access_log_records_the_path_never_the_query_string():
    """A real uvicorn, as the services run: the query (which could hold a token) is cut."""
    import threading
    import time

    import uvicorn

    from kopmod_shared.testing import free_port

    configure_logging("probe", "INFO", json_logs=True)
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    handler.setStream(buffer)
    app = _app()
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_config=None, access_log=True, server_header=False
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
            time.sleep(0.05)
        resp = httpx.get(
            f"http://127.0.0.1:{port}/work",
            params={"access_token": "eyJhbGciOiJFZERTQSJ9.leak", "code": "s3cr3t"},
        )
    finally:
        server.should_exit = True
        thread.join(10)
        configure_logging("probe", "INFO", json_logs=True)
    assert resp.status_code == 200
    assert "server" not in resp.headers
    lines = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    access = [entry for entry in lines if entry["logger"] == "uvicorn.access"]
    assert len(access) == 1, lines
    assert "GET /work?[redacted] HTTP/1.1" in access[0]["message"]
    assert "eyJhbGciOiJFZERTQSJ9" not in buffer.getvalue()
    assert "s3cr3t" not in buffer.getvalue()
