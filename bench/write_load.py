"""Load for the write benches: wrk posting commands in turn over prepared targets.

Each request takes the next target (path, token, body) in order, wrapping round, with its own
``Idempotency-Key`` (a prefix and the request's number); ``@N@`` in a body becomes that number
too, so a repayment's external reference is new on every request. One wrk thread, so the
targets are taken in order across all its connections. A status outside 2xx/3xx counts as an
error (printed beside the figures: a command refused is not a command done).
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import uuid

_DONE = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %f %f %f %d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""


def _lua_list(values: list[str]) -> str:
    for v in values:
        assert "]==]" not in v
    return "{" + ", ".join(f"[==[{v}]==]" for v in values) + "}"


def command_lua(paths: list[str], tokens: list[str], bodies: list[str]) -> str:
    """A wrk script posting ``paths[i]`` with ``tokens[i]`` and ``bodies[i]`` (each list wraps
    round on its own length; an empty body sends none)."""
    prefix = f"bench-{uuid.uuid4().hex[:12]}-"
    return (
        f"local paths = {_lua_list(paths)}\n"
        f"local tokens = {_lua_list(tokens)}\n"
        f"local bodies = {_lua_list(bodies)}\n"
        f'local prefix = "{prefix}"\n'
        """local n = 0
request = function()
  n = n + 1
  local path = paths[((n - 1) % #paths) + 1]
  local token = tokens[((n - 1) % #tokens) + 1]
  local body = string.gsub(bodies[((n - 1) % #bodies) + 1], "@N@", tostring(n))
  local headers = {["Authorization"] = "Bearer " .. token, ["Idempotency-Key"] = prefix .. n}
  if body == "" then
    return wrk.format("POST", path, headers, "")
  end
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", path, headers, body)
end
""" + _DONE
    )


def reference_lua(path: str, body: str) -> str:
    """The reference: the same small JSON body posted to ``path`` again and again."""
    return (
        f"local body = [==[{body}]==]\n"
        "request = function()\n"
        f'  return wrk.format("POST", "{path}", {{["Content-Type"] = "application/json"}}, body)\n'
        "end\n" + _DONE
    )


def run_wrk(wrk: str, base: str, script_text: str, seconds: float, conns: int) -> dict:
    """One wrk run: requests/s, p50 and p99 in ms, requests, errors."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(script_text)
        script = f.name
    try:
        out = subprocess.run(
            [wrk, "-t1", f"-c{conns}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
             "-s", script, base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout  # fmt: skip
    finally:
        os.unlink(script)
    match = re.search(r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", out)
    if not match:
        raise SystemExit(f"unexpected wrk output:\n{out}")
    requests, duration, p50, p99, errors = match.groups()
    return {
        "rps": int(requests) / float(duration),
        "p50_ms": float(p50),
        "p99_ms": float(p99),
        "errors": int(errors),
        "requests": int(requests),
    }
