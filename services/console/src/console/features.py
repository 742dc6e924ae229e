"""The console's features: ONE line each. A feature is a folder ``console/<feature>/`` with a
``router.py`` (``router``: its pages; ``NAV``: its links per role) and a ``templates/<feature>/``
folder. ``create_app`` imports every module listed here, includes its router, adds its links to
the navigation and its templates to the search path (docs/console.md, "Adding a page").

This file merges as a union (.gitattributes): features added on parallel branches all stay.
"""

ROUTERS = [
    "console.home.router",
    "console.registry.router",
    "console.programme.router",
    "console.admin.router",
    "console.financing.router",
    "console.profile.router",
    "console.desk.router",
    "console.committee.router",
    "console.funds.router",
    "console.market.router",
    "console.demand.router",
    "console.notifications.router",
]
