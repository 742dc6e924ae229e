"""The console's tests (its browser tests are in tests/console_browser at the repository root)."""
