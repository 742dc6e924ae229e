import typer

app = typer.Typer(help="kopmod operator CLI")


@app.command()
def version() -> None:
    print("0.1.0")
