"""Cross-service and end-to-end tests: several services, real processes, real HTTP.

Helpers live in ``kopmod_shared.testing`` (REPO_ROOT, free_port, fresh_database, ...)."""
