"""``kopmod``: the operator command line."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.panel import Panel
from rich.progress import Progress, SpinnerColumn, TextColumn

from kopmod_cli.services import APPS, CONSOLE, SERVER_FLAGS, SERVICES

app = typer.Typer(
    help="kopmod operator CLI: run the stack, migrate, manage API clients, jobs.",
    no_args_is_help=True,
)
console = Console()

ServiceNames = Annotated[
    list[str] | None,
    typer.Argument(help="Services (registry, financing, marketplace, console); all if none."),
]
DataDir = Annotated[
    Path,
    typer.Option(
        envvar="KOPMOD_DATA_DIR",
        help="Where the embedded database, signing key and credentials live (git-ignored).",
    ),
]


def _names(names: list[str] | None, known: dict[str, Any] = SERVICES) -> list[str]:
    chosen = names or list(known)
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise typer.BadParameter(f"unknown service: {', '.join(unknown)}")
    return chosen


@app.callback()
def main() -> None:
    """kopmod operator CLI."""


def _refuse(exc: Exception) -> typer.Exit:
    console.print(f"[red]{exc}[/]", soft_wrap=True)
    return typer.Exit(2)


@app.command()
def up(
    data_dir: DataDir = Path(".kopmod"),
    host: Annotated[str, typer.Option(envvar="KOPMOD_HOST")] = "127.0.0.1",
    registry_port: Annotated[int, typer.Option(envvar="KOPMOD_REGISTRY_PORT")] = 8001,
    financing_port: Annotated[int, typer.Option(envvar="KOPMOD_FINANCING_PORT")] = 8002,
    marketplace_port: Annotated[int, typer.Option(envvar="KOPMOD_MARKETPLACE_PORT")] = 8003,
    console_port: Annotated[int, typer.Option(envvar="KOPMOD_CONSOLE_PORT")] = 8000,
    ready_timeout: float = 60.0,
    demo: Annotated[
        bool,
        typer.Option(
            help="Load the demo data set into the registry before serving, and make one demo "
            "person per role to sign in to the console with."
        ),
    ] = False,
    replicas: Annotated[
        int,
        typer.Option(
            min=1,
            help="Processes per service, behind haproxy on the service ports and on one "
            "Postgres through PgBouncer in transaction mode (the Kubernetes layout).",
        ),
    ] = 1,
) -> None:
    """Start everything: database, migrations, bootstrap clients, the three services, the console.

    Stops everything on Ctrl-C (or SIGTERM).
    """
    from kopmod_cli import console_setup, demo_financing, locate, stack
    from kopmod_cli.replicas import Replicated

    data_dir = data_dir.resolve()
    people: list[console_setup.DemoPerson] = []
    ports = {
        "registry": registry_port,
        "financing": financing_port,
        "marketplace": marketplace_port,
    }
    procs: dict = {}
    dbs = None
    replicated = Replicated()

    def _terminate(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in background
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGHUP, _terminate)
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console) as prog:
            task = prog.add_task("database server", total=None)
            dbs = stack.resolve_databases(data_dir)
            for name, svc in APPS.items():
                prog.update(task, description=f"{name}: database and migrations")
                stack.ensure_database(dbs.urls[name])
                stack.migrate(svc, dbs.urls[name])
            prog.update(task, description="bootstrap API clients")
            creds = stack.Credentials.load_or_create(data_dir)
            key_file = stack.signing_key_file(data_dir)
            stack.bootstrap_clients(dbs.urls["registry"], creds)
            console_url = f"http://{host}:{console_port}"
            console_setup.ensure_console_client(
                dbs.urls["registry"], creds.console_client_secret, console_url
            )
            if demo:
                prog.update(task, description="demo data")
                summary, market = stack.load_demo(
                    dbs.urls["registry"], marketplace_url=dbs.urls["marketplace"]
                )
                prog.console.print(f"demo data: {summary}")
                prog.console.print(f"demo market: {market}")
            base = {n: f"http://{host}:{p}" for n, p in ports.items()}
            if replicas > 1:
                prog.update(task, description=f"{replicas} replicas per service")
                procs = replicated.start(dbs, creds, key_file, host=host, ports=ports, n=replicas)
                ready = replicated.wait_ready(base, procs, ready_timeout)
            else:
                for name, svc in SERVICES.items():
                    env = stack.service_env(
                        svc, urls=dbs.urls, host=host, ports=ports, creds=creds, key_file=key_file
                    )
                    procs[name] = stack.spawn(svc, env, host, ports[name])
            # The console: one process in front of whatever serves the APIs, starting with them.
            everyone = {**ports, CONSOLE.name: console_port}
            procs[CONSOLE.name] = console_setup.spawn(dbs.urls, creds, key_file, host, everyone)
            prog.update(task, description="waiting for /readyz")
            if replicas > 1:
                mine = {CONSOLE.name: procs[CONSOLE.name]}
                ready |= stack.wait_ready({CONSOLE.name: console_url}, mine, ready_timeout)
            else:
                ready = stack.wait_ready({**base, CONSOLE.name: console_url}, procs, ready_timeout)
            if demo and all(ready.values()):
                prog.update(task, description="demo people")
                people = console_setup.demo_people(
                    data_dir,
                    dbs.urls["registry"],
                    base,
                    creds.admin_client_id,
                    creds.admin_client_secret,
                    market,
                )
                prog.update(task, description="demo loan")
                loan = demo_financing.demo_loan(base, creds, people, data_dir)
                prog.console.print(f"demo loan: {loan}")
        if not all(ready.values()):
            console.print(f"[red]not ready in time: {[n for n, r in ready.items() if not r]}[/]")
            raise typer.Exit(1)
        locate.write_stack_file(data_dir, host, ports)
        where = (
            "embedded Postgres in " + str(data_dir / "pgdata")
            if dbs.embedded
            else "configured servers"
        )
        lines = [f"[bold]console[/]  {console_url}  (sign in here)"]
        lines += [f"[bold]{n}[/]  {u}  (docs: {u}/docs)" for n, u in base.items()]
        if replicas > 1:
            lines.append(replicated.describe())
        console.print(
            Panel(
                "\n".join(
                    [
                        *lines,
                        f"databases: {where}",
                        (
                            f"mails: SMTP {os.environ['KOPMOD_REGISTRY_SMTP_HOST']}"
                            if os.environ.get("KOPMOD_REGISTRY_SMTP_HOST")
                            else "mails (invitations, password resets) are written to: "
                            f"{stack.mail_dir(data_dir)}"
                        ),
                        f"people sign in through: {base['registry']}"
                        "/.well-known/openid-configuration",
                        *(["", *console_setup.describe(people)] if people else []),
                        "",
                        f"admin client id:     {creds.admin_client_id}",
                        f"admin client secret: {creds.admin_client_secret}",
                        "",
                        "get a token:",
                        f"  curl -s -u {creds.admin_client_id}:{creds.admin_client_secret} "
                        f"-d grant_type=client_credentials {base['registry']}/v1/oauth/token",
                        "Ctrl-C stops everything.",
                    ]
                ),
                title="kopmod is up",
            )
        )
        while all(p.poll() is None for p in procs.values()):
            signal.pause() if hasattr(signal, "pause") else None
    except KeyboardInterrupt:
        console.print("stopping ...")
    finally:
        # A second Ctrl-C (or the SIGINT a wrapper forwards) must not cut the shutdown short.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        replicated.stop_front()
        stack.stop_all(procs, None)
        replicated.stop_back()
        if dbs is not None and dbs.embedded is not None:
            dbs.embedded.stop()
        (data_dir / locate.STACK_FILE).unlink(missing_ok=True)
        console.print("stopped")


@app.command()
def bootstrap(data_dir: DataDir = Path(".kopmod")) -> None:
    """Create or reset the admin and service API clients in the registry (idempotent).

    Secrets come from KOPMOD_ADMIN_CLIENT_SECRET, KOPMOD_FINANCING_SERVICE_CLIENT_SECRET and
    KOPMOD_MARKETPLACE_SERVICE_CLIENT_SECRET (each at least 32 random bytes, none a default:
    these are the platform's own credentials). With KOPMOD_CONSOLE_CLIENT_SECRET and
    KOPMOD_CONSOLE_URL it also registers the console as an OpenID Connect client (redirect URIs
    under that URL). With KOPMOD_CONSOLE_SERVICE_CLIENT_SECRET it also creates the console's own
    service client ``svc-console`` (notifications). The registry database is found as for every
    operator command (KOPMOD_REGISTRY_DATABASE_URL, KOPMOD_DATABASE_URL, the data folder).
    """
    from kopmod_cli import locate, stack

    required = (
        "KOPMOD_ADMIN_CLIENT_SECRET",
        "KOPMOD_FINANCING_SERVICE_CLIENT_SECRET",
        "KOPMOD_MARKETPLACE_SERVICE_CLIENT_SECRET",
    )
    missing = [v for v in required if not os.environ.get(v)]
    if missing:
        console.print(f"[red]set {', '.join(missing)}[/]")
        raise typer.Exit(2)
    from kopmod_shared.settings import secret_problem

    optional = [v for v in ("KOPMOD_CONSOLE_SERVICE_CLIENT_SECRET",) if os.environ.get(v)]
    weak = [(v, p) for v in [*required, *optional] if (p := secret_problem(os.environ[v]))]
    if weak:
        for name, problem in weak:
            console.print(f"[red]{name} {problem}[/]")
        raise typer.Exit(2)
    creds = stack.Credentials(
        admin_client_id="admin",
        admin_client_secret=os.environ["KOPMOD_ADMIN_CLIENT_SECRET"],
        service_secrets={
            "financing": os.environ["KOPMOD_FINANCING_SERVICE_CLIENT_SECRET"],
            "marketplace": os.environ["KOPMOD_MARKETPLACE_SERVICE_CLIENT_SECRET"],
        }
        | ({"console": os.environ["KOPMOD_CONSOLE_SERVICE_CLIENT_SECRET"]} if optional else {}),
    )
    try:
        url = locate.migrated_database_url("registry", data_dir.resolve())
    except locate.NoStack as exc:
        raise _refuse(exc) from exc
    stack.bootstrap_clients(url, creds)
    made = ", ".join(f"svc-{name}" for name in creds.service_secrets)
    console.print(f"bootstrap clients: admin, {made}")
    from kopmod_cli import console_setup

    try:
        said = console_setup.register_from_environment(url)
    except ValueError as exc:
        raise _refuse(exc) from exc
    if said:
        console.print(said)


@app.command()
def migrate(
    names: ServiceNames = None,
    wait: Annotated[
        float | None,
        typer.Option(
            help="Migrate nothing: wait up to this many seconds until each database is at this "
            "code's head (a pod's init container, while the release's migration Job runs)."
        ),
    ] = None,
    data_dir: DataDir = Path(".kopmod"),
) -> None:
    """Apply every migration (alembic upgrade head) to each service's database (its
    DATABASE_URL, KOPMOD_DATABASE_URL or the data folder's embedded database)."""
    from kopmod_cli import locate, stack

    def url_of(name: str) -> str:
        try:
            return locate.database_url(name, data_dir.resolve())
        except locate.NoStack as exc:
            raise _refuse(exc) from exc

    if wait is not None:
        for name in _names(names, APPS):
            svc = APPS[name]
            if not stack.wait_for_head(svc, url_of(name), wait):
                console.print(f"[red]{name}: database not at {stack.heads(svc)} after {wait} s[/]")
                raise typer.Exit(1)
            console.print(f"{name}: database at head")
        return
    for name in _names(names, APPS):
        svc = APPS[name]
        url = url_of(name)
        stack.ensure_database(url)
        rebuilt = stack.migrate(svc, url)
        console.print(f"{name}: migrated")
        if rebuilt is not None:
            console.print(f"{name}: maintained loan state rebuilt (up to {rebuilt} loans)")


@app.command("rotate-signing-key")
def rotate_signing_key(
    step: Annotated[
        str,
        typer.Argument(
            help="stage (a next key, published but not signing), promote (it signs; the old "
            "one stays published), retire (stop publishing the old one)."
        ),
    ],
    data_dir: DataDir = Path(".kopmod"),
) -> None:
    """Rotate the registry's signing key in steps, each followed by a registry restart.

    stage, restart, wait the verifiers' JWKS cache time (300 s); promote, restart, wait the token
    lifetime (900 s); retire, restart. No token is ever signed by a key a verifier cannot fetch,
    and none stops verifying before it expires. On Kubernetes the same three files are the items
    of the Secret kopmod-signing-key (docs/deploy.md)."""
    from registry.identity.keys import KeyFiles

    files = KeyFiles(data_dir.resolve())
    actions = {"stage": files.stage, "promote": files.promote, "retire": files.retire}
    if step not in actions:
        raise typer.BadParameter("stage, promote or retire")
    try:
        kid = actions[step]()
    except ValueError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from exc
    console.print(f"{step}: key {kid}; restart the registry")


@app.command("backup")
def backup_command(
    target: Annotated[Path, typer.Argument(help="A new (or empty) folder for the set.")],
    names: Annotated[
        list[str] | None, typer.Option("--service", help="Only these services (repeat).")
    ] = None,
) -> None:
    """Dump every service database (pg_dump) into one folder with a manifest and checksums.

    Databases from each service's DATABASE_URL (connect to the primary, not a pooler)."""
    from kopmod_cli import backup

    urls = {n: SERVICES[n].settings().database_url for n in _names(names)}
    try:
        manifest = backup.backup(urls, target)
    except backup.BackupError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from exc
    for name, entry in manifest["databases"].items():
        console.print(f"{name}: {entry['file']} ({entry['bytes']} bytes, sha256 {entry['sha256']})")


@app.command("restore")
def restore_command(
    source: Annotated[Path, typer.Argument(help="A folder written by `kopmod backup`.")],
    replace: Annotated[
        bool, typer.Option(help="Drop databases that exist (they are refused otherwise).")
    ] = False,
) -> None:
    """Restore a `kopmod backup` set (pg_restore) after checking every checksum.

    Databases from each service's DATABASE_URL; run `kopmod migrate` afterwards when the code is
    newer than the set."""
    from kopmod_cli import backup

    try:
        manifest = backup.verify(source)
        urls = {n: SERVICES[n].settings().database_url for n in manifest["databases"]}
        backup.restore(source, urls, replace=replace)
    except backup.BackupError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from exc
    console.print(f"restored: {', '.join(manifest['databases'])} (set of {manifest['created_at']})")


@app.command()
def serve(
    name: Annotated[str, typer.Argument(help="registry, financing, marketplace or console")],
    host: str = "0.0.0.0",  # noqa: S104 - inside a container
    port: int = 8000,
    workers: int = 1,
) -> None:
    """Run one service with uvicorn (what the Dockerfiles call); settings from the environment."""
    _names([name], APPS)
    os.execvp(  # noqa: S606 - replace this process with uvicorn
        sys.executable,
        [
            sys.executable,
            "-m",
            "uvicorn",
            f"{name}.main:create_app",
            "--factory",
            "--host",
            host,
            "--port",
            str(port),
            "--workers",
            str(workers),
            *SERVER_FLAGS,
        ],
    )


@app.command("create-client")
def create_client(
    name: Annotated[str, typer.Option(help="What the client is, for people.")],
    role: Annotated[str, typer.Option(help="admin, ministry, fund_officer, ... service")],
    org_id: Annotated[
        str | None, typer.Option(help="Cooperative/offtaker id for org roles.")
    ] = None,
    scope: Annotated[list[str] | None, typer.Option(help="Scopes (repeat the option).")] = None,
    client_id: Annotated[str | None, typer.Option(help="Chosen id (default: generated).")] = None,
    data_dir: DataDir = Path(".kopmod"),
) -> None:
    """Create an API client in the stack's registry database and print its secret once."""
    import asyncio
    from uuid import UUID

    from kopmod_cli import locate
    from kopmod_shared.auth import Role
    from kopmod_shared.db import create_engine, make_sessionmaker
    from registry.identity.repository import ApiClientRepository
    from registry.identity.schemas import ClientCreate
    from registry.identity.service import create_client as create

    data = ClientCreate(
        name=name,
        role=Role(role),
        org_id=UUID(org_id) if org_id else None,
        scopes=scope or [],
        client_id=client_id,
    )

    try:
        url = locate.migrated_database_url("registry", data_dir.resolve())
    except locate.NoStack as exc:
        raise _refuse(exc) from exc

    async def run() -> tuple[str, str]:
        engine = create_engine(url, pool_size=1)
        try:
            async with make_sessionmaker(engine)() as session:
                client, secret = await create(ApiClientRepository(session), data, "cli")
                await session.commit()
                return client.client_id, secret
        finally:
            await engine.dispose()

    cid, secret = asyncio.run(run())
    console.print(f"client id:     {cid}\nclient secret: {secret}  (shown once)")


@app.command("demo-data")
def demo_data(
    count: Annotated[int, typer.Option(help="How many cooperatives.")] = 300,
    seed: Annotated[int, typer.Option(help="Same seed, same data; loading twice adds nothing.")] = (
        20240101
    ),
    data_dir: DataDir = Path(".kopmod"),
) -> None:
    """Load the demo data: the registry's cooperatives and their history, and the market."""
    from kopmod_cli import locate, stack

    try:
        url = locate.migrated_database_url("registry", data_dir.resolve())
    except locate.NoStack as exc:
        raise _refuse(exc) from exc
    market_url = locate.migrated_database_url_or_none("marketplace", data_dir.resolve())
    summary, market = stack.load_demo(url, count, seed, marketplace_url=market_url)
    console.print(f"demo data: {summary}")
    console.print(f"demo market: {market or 'skipped, the marketplace database is not migrated'}")


jobs = typer.Typer(help="Background jobs, run once from the command line.", no_args_is_help=True)
app.add_typer(jobs, name="jobs")


def _financing_settings(data_dir: Path) -> Any:
    from kopmod_cli import locate

    try:
        return SERVICES["financing"].settings(
            **locate.service_overrides("financing", data_dir.resolve())
        )
    except locate.NoStack as exc:
        raise _refuse(exc) from exc


@jobs.command("retry-eligibility")
def retry_eligibility(limit: int = 50, data_dir: DataDir = Path(".kopmod")) -> None:
    """Financing: one round of the eligibility worker (every due check, retries included)."""
    import asyncio

    from financing.jobs import retry_eligibility as run

    console.print(asyncio.run(run(_financing_settings(data_dir), limit=limit)))


@jobs.command("eligibility-worker")
def eligibility_worker(data_dir: DataDir = Path(".kopmod")) -> None:
    """Financing: the eligibility worker until Ctrl-C (besides or instead of the service's)."""
    import asyncio

    from financing.jobs import eligibility_worker as run

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(_financing_settings(data_dir)))


@jobs.command("rekey-documents")
def rekey_documents(batch: int = 100) -> None:
    """Financing: re-encrypt every document not sealed with the current document key (after a
    rotation, or documents stored before encryption). Keep the old key configured until done."""
    import asyncio

    from financing.jobs import rekey_documents as run

    console.print(asyncio.run(run(batch=batch)))


@jobs.command("end-of-day")
def end_of_day(
    fund_id: Annotated[str, typer.Argument(help="The fund whose business days to close.")],
    through: Annotated[
        str | None, typer.Option(help="Last day to close (YYYY-MM-DD); default: today (UTC).")
    ] = None,
    data_dir: DataDir = Path(".kopmod"),
) -> None:
    """Financing: close business days (penalties, arrears, collectibility) and advance the date."""
    import asyncio
    from datetime import UTC, date, datetime
    from uuid import UUID

    from financing.jobs import end_of_day as run

    day = date.fromisoformat(through) if through else datetime.now(UTC).date()
    settings = _financing_settings(data_dir)
    console.print(asyncio.run(run(UUID(fund_id), day, settings)))


@app.command()
def openapi(
    names: ServiceNames = None,
    check: Annotated[
        bool,
        typer.Option(help="Fail if openapi/*.json or the SDK in sdk/ differ from the apps."),
    ] = False,
    sdk: Annotated[
        bool, typer.Option(help="Also (re)generate or check the partner SDK in sdk/.")
    ] = True,
) -> None:
    """Write openapi/<service>.json from the apps and regenerate the partner SDK from them
    (or check both are current)."""
    from kopmod_cli import openapi as oa
    from kopmod_cli import sdk as partner_sdk

    chosen = _names(names)
    if check:
        bad = oa.stale(chosen)
        if bad:
            console.print(
                f"[red]stale OpenAPI documents: {', '.join(bad)}[/]; run `kopmod openapi`"
            )
            raise typer.Exit(1)
        console.print("OpenAPI documents are current")
        if sdk:
            stale_sdk = partner_sdk.stale(chosen)
            if stale_sdk:
                console.print(
                    f"[red]stale SDK packages: {', '.join(stale_sdk)}[/]; run `kopmod openapi`"
                )
                raise typer.Exit(1)
            console.print("SDK is current")
        return
    for path in oa.export(chosen):
        console.print(f"wrote {path}")
    if sdk:
        for path in partner_sdk.export(chosen):
            console.print(f"generated {path}")


if __name__ == "__main__":
    app()
