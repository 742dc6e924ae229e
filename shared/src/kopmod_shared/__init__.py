"""kopmod's shared library: the wire contracts and the infrastructure every service uses.

Nothing here knows a service's domain tables; it holds what crosses a service boundary
(schemas, events, typed clients, errors, tokens) and the plumbing every service needs in the
same shape (settings base, sessions, idempotency, outbox, health, observability).
"""
