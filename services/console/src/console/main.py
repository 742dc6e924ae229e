"""The console application: server-rendered pages for people (docs/console.md).

Wiring: lifespan (its database for sessions, one outgoing HTTP client, the OIDC provider), a
middleware reading the session and language once per request, the features of
``console.features``, the error pages, ``/healthz`` ``/readyz`` ``/metrics``, and the static files.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from urllib.parse import urlencode, urlsplit

import httpx
from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from console import auth, i18n
from console.errors import CsrfRefused, PageNotFound, SignInRequired
from console.forms import problem_message, verified_form
from console.notifications import store as notification_store
from console.notifications.router import SIGNED_POSTS
from console.notifications.setup import notifications
from console.oidc import Provider
from console.sessions import SESSION_COOKIE, load
from console.settings import ConsoleSettings
from console.web import HomeSection, NavItem, Pages, redirect, render
from kopmod_shared.app import freeze_startup_objects
from kopmod_shared.db import create_engine, make_sessionmaker
from kopmod_shared.errors import ProblemError
from kopmod_shared.health import alembic_heads, health_router
from kopmod_shared.observability import configure_logging, install_observability
from kopmod_shared.settings import CLIENT_KEEPALIVE_SECONDS

SERVICE_DIR = Path(__file__).resolve().parents[2]
PACKAGE = Path(__file__).parent
UNSESSIONED = ("/static/", "/healthz", "/readyz", "/metrics")


def _uses(dependant: Dependant, call: Callable[..., object]) -> bool:
    return dependant.call is call or any(_uses(d, call) for d in dependant.dependencies)


def check_forms_protected(app: FastAPI) -> None:
    """Refuse to start if a POST page does not take :func:`verified_form` (CSRF on every form);
    only the event deliveries (``SIGNED_POSTS``: a Standard Webhooks signature) are exempt."""
    unsafe = {"POST", "PUT", "PATCH", "DELETE"}
    for route in app.routes:
        if (
            isinstance(route, APIRoute)
            and (route.methods or set()) & unsafe
            and route.path not in SIGNED_POSTS
            and not _uses(route.dependant, verified_form)
        ):
            raise RuntimeError(f"{route.path} takes a form without verified_form (CSRF)")


def load_features(
    names: list[str],
) -> tuple[list[ModuleType], list[NavItem], list[Path], list[HomeSection]]:
    """Each feature's module: its router, ``NAV`` links, templates folder, ``HOME`` sections."""
    modules = [importlib.import_module(name) for name in names]
    nav = [item for m in modules for item in getattr(m, "NAV", [])]
    dirs = [Path(str(m.__file__)).parent / "templates" for m in modules]
    home = sorted((s for m in modules for s in getattr(m, "HOME", [])), key=lambda s: s.order)
    return modules, nav, dirs, home


def create_app(settings: ConsoleSettings | None = None) -> FastAPI:
    settings = settings or ConsoleSettings()
    configure_logging(settings.service_name, settings.log_level, settings.log_json)
    from console.features import ROUTERS

    modules, nav, template_dirs, home_sections = load_features(ROUTERS)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_timeout=settings.db_pool_timeout_seconds,
            statement_timeout_ms=settings.db_statement_timeout_ms,
            application_name=settings.service_name,
            transaction_pooler=settings.db_transaction_pooler,
        )
        http = httpx.AsyncClient(
            timeout=settings.outgoing_timeout_seconds,
            limits=httpx.Limits(keepalive_expiry=CLIENT_KEEPALIVE_SECONDS),
        )
        app.state.engine = engine
        app.state.sessionmaker = make_sessionmaker(engine)
        app.state.http = http
        app.state.provider = Provider(settings, http)
        try:
            async with notifications(app, settings, engine, http):
                if settings.gc_freeze:
                    freeze_startup_objects()
                yield
        finally:
            await app.state.provider.aclose()
            await http.aclose()
            await engine.dispose()

    app = FastAPI(
        title="kopmod console",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
    )
    app.state.settings = settings
    app.state.home_sections = home_sections
    app.state.migration_heads = alembic_heads(SERVICE_DIR / "alembic.ini")
    issuer = urlsplit(settings.issuer)
    app.state.pages = Pages(template_dirs, nav, f"{issuer.scheme}://{issuer.netloc}")

    @app.middleware("http")
    async def session_and_language(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        request.state.person = None
        request.state.unread = 0
        secret = request.cookies.get(SESSION_COOKIE)
        if secret and not request.url.path.startswith(UNSESSIONED):
            async with request.app.state.sessionmaker() as db:
                person = await load(db, settings, request.app.state.provider, secret)
                await db.commit()
                if person is not None:
                    request.state.unread = await notification_store.unread_count(db, person.subject)
            request.state.person = person
        person = request.state.person
        i18n.current_language.set(
            i18n.pick_language(
                request.cookies.get(i18n.LANGUAGE_COOKIE),
                person.language if person else None,
                settings.default_language,
            )
        )
        response = await call_next(request)
        if secret and person is None and not request.url.path.startswith(UNSESSIONED):
            response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        return redirect("/sign-in?" + urlencode({"next": exc.return_to}))

    @app.exception_handler(PageNotFound)
    async def _not_found(request: Request, exc: PageNotFound) -> Response:
        return render(request, "not_found.html", status_code=404)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return render(request, "not_found.html", status_code=404)
        return render(request, "error.html", status_code=exc.status_code, message=None)

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, exc: CsrfRefused) -> Response:
        return render(request, "form_expired.html", status_code=403)

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> Response:
        # A service's problem no page turned into field errors: said as a sentence, never JSON.
        status = exc.status if exc.status >= 500 else 400
        return render(request, "error.html", status_code=status, message=problem_message(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # Logged by the server as any error; the person sees a page, never a trace.
        return render(request, "error.html", status_code=500, message=None)

    install_observability(
        app,
        settings.service_name,
        metrics_token=settings.metrics_token.get_secret_value() if settings.metrics_token else None,
    )
    app.include_router(health_router())
    app.include_router(auth.router)
    for module in modules:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=PACKAGE / "static"), name="static")
    check_forms_protected(app)
    return app
