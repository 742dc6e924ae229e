"""Rendering helpers: which navigation link marks the page a person is on."""

from __future__ import annotations

from console.web import NavItem, Pages

ALL = frozenset({"cooperative"})
NAV = [
    NavItem("Home", "/", ALL),
    NavItem("Market", "/market", ALL),
    NavItem("Supply offers", "/market/offers", ALL),
    NavItem("Financing", "/financing", ALL),
]


def test_the_current_link_is_the_longest_parent_of_the_path() -> None:
    assert Pages.current_href(NAV, "/") == "/"
    assert Pages.current_href(NAV, "/market") == "/market"
    # One link marked, never its parent too.
    assert Pages.current_href(NAV, "/market/offers") == "/market/offers"
    assert Pages.current_href(NAV, "/market/offers/123/edit") == "/market/offers"
    assert Pages.current_href(NAV, "/market/contracts/9") == "/market"
    # Home is the current page only on itself; a prefix that is not a parent does not count.
    assert Pages.current_href(NAV, "/financingx") is None
    assert Pages.current_href(NAV, "/profile") is None
