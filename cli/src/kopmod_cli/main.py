"""``kopmod``: the operator command line."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from kopmod_cli.services import SERVICES

app = typer.Typer(help="kopmod operator CLI: run the stack, migrate, manage API clients, jobs.")
console = Console()


@app.callback()
def main() -> None:
    """kopmod operator CLI."""

ServiceNames = Annotated[
    list[str] | None, typer.Argument(help="Services (registry, financing, marketplace); all if none.")
]


def _names(names: list[str] | None) -> list[str]:
    chosen = names or list(SERVICES)
    unknown = [n for n in chosen if n not in SERVICES]
    if unknown:
        raise typer.BadParameter(f"unknown service: {', '.join(unknown)}")
    return chosen


@app.command()
def openapi(
    names: ServiceNames = None,
    check: Annotated[bool, typer.Option(help="Fail if openapi/*.json differ from the apps.")] = False,
) -> None:
    """Write openapi/<service>.json from the apps (or check they are current)."""
    from kopmod_cli import openapi as oa

    chosen = _names(names)
    if check:
        bad = oa.stale(chosen)
        if bad:
            console.print(f"[red]stale OpenAPI documents: {', '.join(bad)}[/]; run `kopmod openapi`")
            raise typer.Exit(1)
        console.print("OpenAPI documents are current")
        return
    for path in oa.export(chosen):
        console.print(f"wrote {path}")


if __name__ == "__main__":
    app()
