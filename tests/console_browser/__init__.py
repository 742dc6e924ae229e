"""The console in a real browser (Playwright driving Debian's chromium) against the real
services started as processes; see conftest.py for the fixtures every test file shares."""
