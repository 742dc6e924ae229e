"""What pages raise to show the console's own pages instead of their content."""

from __future__ import annotations


class SignInRequired(Exception):
    """Not signed in: the browser goes to the sign-in and comes back to ``return_to``."""

    def __init__(self, return_to: str) -> None:
        self.return_to = return_to


class PageNotFound(Exception):
    """Shown as the 404 page: unknown, another organisation's, or not for this role."""


class CsrfRefused(Exception):
    """A POST without this session's CSRF token (a forged or expired form)."""
