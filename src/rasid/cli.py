"""The `rasid` command line. Bad input ends with one clear error line and a non-zero exit."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from rasid.errors import RasidError
from rasid.io.articles import parse_date, read_articles
from rasid.model import Article, Event

app = typer.Typer(
    help="rasid: Arabic news to an ACLED-coded conflict-event database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turns RasidError (and a broken pipe) into one error line and a non-zero exit."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RasidError as e:
            fail(str(e))
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper


def show_arabic(text: str, bidi: bool) -> str:
    """Arabic in visual order for terminals without bidi support."""
    if not bidi or not text:
        return text
    try:
        import arabic_reshaper
        from bidi.algorithm import get_display
    except ImportError:
        return text
    return get_display(arabic_reshaper.reshape(text))


def events_table(events: list[Event], bidi: bool) -> Table:
    table = Table(show_lines=True, header_style="bold")
    for col in ("article", "date", "event", "place", "actors", "weapon", "killed", "injured", "evidence"):
        table.add_column(col, overflow="fold")
    for e in events:
        loc = e.location
        place = "" if loc is None else f"{loc.name} ({loc.country or '?'}, p{loc.geo_precision or '?'})"
        actors = " / ".join(f"{a.name} [{a.inter}]" for a in (e.actor1, e.actor2) if a)
        date = e.date.isoformat() if e.date else "unresolved"
        table.add_row(
            e.article_id or "",
            date + (" (bg)" if e.background else ""),
            f"{e.event_type}\n{e.sub_event_type}",
            place,
            actors,
            e.weapon or "",
            "" if e.fatalities is None else str(e.fatalities),
            "" if e.injured is None else str(e.injured),
            show_arabic(e.evidence.text if e.evidence else "", bidi),
        )
    return table


def iter_inputs(paths: list[str], published: str | None) -> Iterator[Article]:
    pub = parse_date(published, "--published date") if published else None
    for path in paths:
        yield from read_articles(path, pub)


@app.command()
@user_errors
def extract(
    files: Annotated[
        list[str] | None, typer.Argument(help="Text or JSONL files; '-' or nothing for stdin.")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD of plain-text input.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
    bidi: Annotated[
        bool | None, typer.Option(help="Reorder Arabic for terminals without bidi (default: on a TTY).")
    ] = None,
) -> None:
    """Extract events from articles and print them as JSONL or a table."""
    from rasid.pipeline import default_pipeline

    if fmt not in ("jsonl", "table"):
        raise RasidError(f"unknown --format {fmt!r} (use jsonl or table)")
    pipeline = default_pipeline()
    collected: list[Event] = []
    warned: set[str] = set()
    for article in iter_inputs(files or ["-"], published):
        doc = pipeline(article)
        for w in doc.warnings:
            if w not in warned:
                warned.add(w)
                err.print(f"[yellow]note:[/] {w}", highlight=False)
        for event in doc.events:
            event.article_id = article.id
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            else:
                collected.append(event)
    if fmt == "table":
        out.print(events_table(collected, sys.stdout.isatty() if bidi is None else bidi))
        out.print(f"{len(collected)} event(s)")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
