"""The `rasid` command line. Bad input ends with one clear error line and a non-zero exit."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from rasid.errors import RasidError
from rasid.io.articles import parse_date, parse_published, read_articles
from rasid.model import Article, Event

app = typer.Typer(
    help="rasid: Arabic news to an ACLED-coded conflict-event database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 220)
err = Console(stderr=True, soft_wrap=True)


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


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def events_table(events: list[Event], bidi: bool) -> Table:
    table = Table(header_style="bold", show_lines=False, expand=False)
    for col, style in (
        ("article", "dim"),
        ("date", ""),
        ("event", "bold"),
        ("place", "cyan"),
        ("actors (interaction)", ""),
        ("weapon", ""),
        ("killed", "red"),
        ("injured", "yellow"),
        ("evidence", "dim"),
    ):
        table.add_column(col, style=style, overflow="fold")
    for e in events:
        loc = e.location
        place = "" if loc is None else f"{loc.name}, {loc.country or '?'} (p{loc.geo_precision or '?'})"
        actors = " / ".join(f"{a.name} [{a.inter}]" for a in (e.actor1, e.actor2) if a)
        date = e.date.isoformat() if e.date else "unresolved"
        table.add_row(
            e.article_id or "",
            date + (" bg" if e.background else ""),
            e.sub_event_type,
            place,
            f"{actors} ({e.interaction})" if actors else "",
            e.weapon or "",
            "" if e.fatalities is None else str(e.fatalities),
            "" if e.injured is None else str(e.injured),
            show_arabic(_clip(e.evidence.text if e.evidence else "", 90), bidi),
        )
    return table


def triaged_extractor() -> Callable[[Article], list[Event]]:
    """The pipeline behind the triage model: irrelevant articles are stored without extraction."""
    from rasid.events.triage import Triage
    from rasid.pipeline import default_pipeline

    model, pipeline = Triage.load(), default_pipeline()
    return lambda article: pipeline.extract(article) if model.is_relevant(article.text) else []


def iter_inputs(paths: list[str], published: str | None) -> Iterator[Article]:
    pub = parse_published(published, "--published date") if published else None
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
    articles = list(iter_inputs(files or ["-"], published))  # all input is checked before any output
    for article, doc in zip(articles, pipeline.pipe(articles), strict=True):
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


@app.command("eval")
@user_errors
def eval_command(
    gold: Annotated[str, typer.Argument(help="Gold JSONL: articles with their 'events'.")],
    pred: Annotated[
        str | None,
        typer.Option(help="Predicted events JSONL (as `rasid extract` prints); default: run extraction."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON line.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List misses, false alarms and field disagreements.")
    ] = False,
    bidi: Annotated[
        bool | None, typer.Option(help="Reorder Arabic for terminals without bidi (default: on a TTY).")
    ] = None,
) -> None:
    """Score extracted (or given) events against gold annotations (GUIDELINES.md)."""
    from rasid.evaluate import evaluate, extract_predictions, read_gold, read_predictions
    from rasid.evaluate.render import error_lines, summary_tables

    gold_events = read_gold(gold)
    if pred is None:
        predicted = extract_predictions(gold, lambda w: err.print(f"[yellow]note:[/] {w}", highlight=False))
    else:
        predicted = read_predictions(pred)
    report = evaluate(gold_events, predicted)
    if report.unknown_articles:
        err.print(
            f"[yellow]note:[/] {len(report.unknown_articles)} predicted article id(s) not in the gold file,"
            f" ignored (e.g. {report.unknown_articles[0]!r})",
            highlight=False,
        )
    # With --json, stdout holds only the JSON line; the error listing goes to stderr.
    listing = err if as_json else out
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    else:
        for table in summary_tables(report):
            out.print(table)
    if errors:
        use_bidi = (sys.stderr if as_json else sys.stdout).isatty() if bidi is None else bidi
        for line in error_lines(report, lambda text: show_arabic(text, use_bidi)):
            listing.print(line, highlight=False)


@app.command("ner")
@user_errors
def ner_command(
    files: Annotated[list[str] | None, typer.Argument(help="Text or JSONL files; '-' for stdin.")] = None,
    eval_file: Annotated[
        str | None, typer.Option("--eval", help="Score the tagger on a CoNLL file (token TAG lines).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output (JSONL of entities).")] = False,
    backend: Annotated[
        str | None, typer.Option(help="neural (default), crf, crf:/model or hf:/model/dir.")
    ] = None,
    bidi: Annotated[
        bool | None, typer.Option(help="Reorder Arabic for terminals without bidi (default: on a TTY).")
    ] = None,
) -> None:
    """Print the named entities (PER, ORG, LOC, MISC) of articles, or score the tagger on CoNLL data."""
    from rasid.entities import evaluate, get_tagger, read_conll
    from rasid.entities.render import entities_table, mention_dict, scores_table, tag_articles

    if eval_file:
        result = evaluate(read_conll(eval_file), get_tagger(backend))
        if as_json:
            sys.stdout.write(json.dumps(result) + "\n")
        else:
            out.print(scores_table(result))
        return
    rows = []
    for article, doc in tag_articles(iter_inputs(files or ["-"], None), backend):
        for m in doc.entities:
            row = mention_dict(article.id, m)
            if as_json:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows.append(row)
    if not as_json:
        use_bidi = sys.stdout.isatty() if bidi is None else bidi
        out.print(entities_table(rows, lambda text: show_arabic(text, use_bidi)))
        out.print(f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}")


DB_OPTION = typer.Option("--db", help="SQLite database file (created if missing).")


@app.command()
@user_errors
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Text, JSONL(.gz), HTML, RSS/Atom files, folders or feed URLs.")
    ],
    db: Annotated[str, DB_OPTION] = "rasid.db",
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD of plain-text files (else from the file name)."),
    ] = None,
    fetch: Annotated[bool, typer.Option(help="Download each feed entry's page for its full text.")] = False,
    input_events: Annotated[
        bool,
        typer.Option(help="Store the events that JSONL lines carry (gold or earlier output) as they are."),
    ] = False,
    reextract: Annotated[
        bool, typer.Option(help="Re-extract stored articles; fields corrected by humans keep their value.")
    ] = False,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.", min=1)] = 50,
    triage: Annotated[
        bool, typer.Option(help="Skip extraction for articles the fast triage model finds irrelevant.")
    ] = False,
) -> None:
    """Read articles, extract their events and store them, merging reports of one incident."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from rasid.io.inputs import read_inputs
    from rasid.store import open_store
    from rasid.store.ingest import ingest as run_ingest

    pub = parse_published(published, "--published date") if published else None
    store = open_store(db)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        TextColumn("{task.completed} read · {task.fields[new]} new · {task.fields[events]} events"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    try:
        with progress:
            task = progress.add_task("ingest", total=None, new=0, events=0)

            def tick(s: Any) -> None:
                progress.update(task, completed=s.read, new=s.new, events=s.events)

            summary = run_ingest(
                read_inputs(paths, pub, fetch),
                store,
                triaged_extractor() if triage else None,
                extractor_name="pipeline+triage" if triage else "pipeline",
                input_events=input_events,
                reextract=reextract,
                batch_size=batch_size,
                on_item=tick,
            )
        counts = store.counts()
    finally:
        store.close()
    for problem in summary.errors:
        err.print(f"[yellow]skipped:[/] {problem.origin}: {problem.message}", highlight=False)
    s = summary.as_dict()
    out.print(
        f"read {s['read']} · new {s['new']} · duplicates {s['duplicates']} · events {s['events']}"
        f" (merged into other reports' incidents: {s['merged']}) · errors {s['errors']}"
        + (f" · re-extracted {s['reextracted']}" if reextract else "")
        + f"\n{db}: {counts['articles']} articles, {counts['events']} incidents"
        f" ({counts['multi_source_events']} with several sources)",
        highlight=False,
    )


@app.command()
@user_errors
def show(
    event_id: Annotated[str, typer.Argument(help="Incident id (as in exports).")],
    db: Annotated[str, DB_OPTION] = "rasid.db",
    bidi: Annotated[bool | None, typer.Option(help="Reorder Arabic for terminals without bidi.")] = None,
) -> None:
    """One incident and every source sentence behind it, with its outlet."""
    reorder = sys.stdout.isatty() if bidi is None else bidi
    with existing_store(db) as store:
        view = store.incident(event_id)
    r = view.row
    killed = (
        r["fatalities"]
        if r["fatalities_max"] in (None, r["fatalities"])
        else f"{r['fatalities']} ({r['fatalities']}-{r['fatalities_max']})"
    )
    hurt = (
        r["injured"]
        if r["injured_max"] in (None, r["injured"])
        else f"{r['injured']} ({r['injured']}-{r['injured_max']})"
    )
    actors = " / ".join(f"{r[f'actor{n}']} [{r[f'inter{n}']}]" for n in "12" if r[f"actor{n}"])
    out.print(f"[bold]{r['id']}[/]  {r['event_type']} · {r['sub_event_type']}", highlight=False)
    out.print(
        f"date {r['date'] or 'unresolved'} (precision {r['time_precision']}) · place {r['location'] or '?'}"
        f" ({r['country'] or '?'}, p{r['geo_precision'] or '?'}) · actors {actors or '-'} · weapon {r['weapon'] or '-'}"
        f"\nkilled {'-' if killed is None else killed} · injured {'-' if hurt is None else hurt}"
        f" · {len(view.sources)} source(s)"
        + (f" · corrected by a human: {', '.join(sorted(r['locked']))}" if r["locked"] else ""),
        highlight=False,
    )
    for s in view.sources:
        e = s.event
        loc = e.location
        where = "?" if loc is None else loc.name + (f" ({loc.name_ar})" if loc.name_ar else "")
        where = show_arabic(where, reorder)
        killed = "-" if e.fatalities is None else e.fatalities
        hurt = "-" if e.injured is None else e.injured
        out.print(
            f"\n[bold]{s.outlet or 'unknown outlet'}[/] · article {s.article_id} · published {s.published or '?'}"
            f"\n  says: {e.sub_event_type}, {e.date or 'no date'}, {where}, killed {killed}, injured {hurt}"
            + (f"\n  {s.url}" if s.url else ""),
            highlight=False,
        )
        if e.evidence:
            out.print("  « " + show_arabic(e.evidence.text, reorder) + " »", highlight=False)


def _db_exists(db: str) -> bool:
    from pathlib import Path

    return Path(db).is_file()


@contextmanager
def existing_store(db: str) -> Iterator[Any]:
    """The store of an existing database file, closed afterwards (never creates one by mistake)."""
    from rasid.store import open_store

    if not _db_exists(db):
        raise RasidError(f"{db}: no such database")
    store = open_store(db)
    try:
        yield store
    finally:
        store.close()


@app.command()
@user_errors
def export(
    fmt: Annotated[str, typer.Option("--format", help="acled-csv, geojson or jsonl.")] = "acled-csv",
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file (default: stdout).")
    ] = None,
    db: Annotated[str, DB_OPTION] = "rasid.db",
    since: Annotated[str | None, typer.Option(help="First event date YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country code, e.g. SY.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="Event type or sub-event type.")] = None,
    include_optional: Annotated[
        bool, typer.Option(help="Also export optional (undated/unplaced) events.")
    ] = False,
) -> None:
    """Export incidents as ACLED-style CSV, GeoJSON or JSONL (files are written atomically)."""
    from rasid.store import Filters, open_store
    from rasid.store.export import FORMATS, atomic_output, write_export

    if fmt not in FORMATS:
        raise RasidError(f"unknown --format {fmt!r} (use {', '.join(FORMATS)})")
    if not _db_exists(db):
        raise RasidError(f"{db}: no such database")
    filters = Filters(
        since=parse_date(since, "--since date") if since else None,
        until=parse_date(until, "--until date") if until else None,
        country=country,
        event_type=event_type,
        include_optional=include_optional,
    )
    store = open_store(db)
    try:
        with atomic_output(output) as stream:
            n = write_export(store.incident_rows(filters), fmt, stream)
    finally:
        store.close()
    if output not in (None, "-"):
        out.print(f"{n} incident(s) written to {output}", highlight=False)


@app.command()
@user_errors
def split(
    event_id: Annotated[str, typer.Argument(help="Incident id.")],
    source: Annotated[
        str | None,
        typer.Option("--source", help="Article id to detach (default: every report but the first)."),
    ] = None,
    db: Annotated[str, DB_OPTION] = "rasid.db",
    who: Annotated[str, typer.Option(help="Name recorded in the audit log.")] = "cli",
) -> None:
    """Undo a merge: reports split off become incidents of their own and are never merged back."""
    with existing_store(db) as store:
        new_ids = store.split(event_id, source, who)
    out.print(f"{event_id} split; new incident(s): {', '.join(new_ids)}", highlight=False)


@app.command()
@user_errors
def merge(
    event_ids: Annotated[list[str], typer.Argument(help="Two or more incident ids; the first one is kept.")],
    db: Annotated[str, DB_OPTION] = "rasid.db",
    who: Annotated[str, typer.Option(help="Name recorded in the audit log.")] = "cli",
) -> None:
    """Merge incidents a human knows to be one (the reverse of split)."""
    with existing_store(db) as store:
        target = store.merge(event_ids, who)
    out.print(f"merged into {target}", highlight=False)


gazetteer_app = typer.Typer(help="The place gazetteer: extend it with GeoNames dumps.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import")
@user_errors
def gazetteer_import(
    files: Annotated[
        list[str], typer.Argument(help="GeoNames dumps: XX.zip/XX.txt, allCountries, alternateNamesV2.")
    ],
) -> None:
    """Add the Arabic-named places of GeoNames dumps to your user gazetteer (not the package)."""
    from rasid.places.gazetteer import user_table
    from rasid.places.importer import import_geonames

    stats = import_geonames(files)
    out.print(
        f"{stats['places']} place(s) and {stats['names']} alternate name(s) imported; "
        f"{stats['total']} row(s) in {user_table()}",
        highlight=False,
    )


@app.command("resources")
@user_errors
def resources_command() -> None:
    """List the packaged lexicons, gazetteer and models, and check each file against its checksum."""
    from rasid.resources import verify

    table = Table("name", "version", "file", "licence", "built by", "checksum")
    states = verify()
    for entry, state in states:
        table.add_row(
            entry["name"], entry["version"], entry["file"], entry["licence"], entry["built_by"], state
        )
    out.print(table)
    bad = [entry["file"] for entry, state in states if state != "ok"]
    if bad:
        fail(f"{len(bad)} resource file(s) missing or changed since they were built: {', '.join(bad)}")


@app.command()
@user_errors
def serve(
    db: Annotated[str, DB_OPTION] = "rasid.db",
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=0, max=65535)] = 8000,
    private: Annotated[
        bool, typer.Option("--private", help="Require a token for reading too (writes always need one).")
    ] = False,
    tiles: Annotated[
        str | None,
        typer.Option(
            help="Optional online tile layer URL, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        ),
    ] = None,
    tiles_attribution: Annotated[str | None, typer.Option(help="Attribution text of the tile layer.")] = None,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(help="Allow browser calls from this origin (repeatable; default none)."),
    ] = None,
) -> None:
    """Serve the REST API (/docs) and the review dashboard (/)."""
    import uvicorn

    from rasid.serve import Settings, create_app

    settings = Settings(
        db=db,
        private=private,
        tile_url=tiles,
        tile_attribution=tiles_attribution,
        cors_origins=tuple(cors_origin or ()),
    )
    application = create_app(settings)
    err.print(f"rasid: serving {db} at http://{host}:{port}/ (API docs: /docs)", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")


token_app = typer.Typer(help="API tokens for reviewers (writes need one).", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
@user_errors
def token_create(
    name: Annotated[str, typer.Argument(help="Reviewer name, recorded in the audit log.")],
    db: Annotated[str, DB_OPTION] = "rasid.db",
) -> None:
    """Create (or replace) NAME's token; it is printed once and only its salted hash is stored."""
    from rasid.store import SQLiteStore
    from rasid.store.tokens import create_token

    store = SQLiteStore(db)
    try:
        token = create_token(store, name)
    finally:
        store.close()
    err.print(f"token for {name} (shown once; keep it secret):", highlight=False)
    sys.stdout.write(token + "\n")


@token_app.command("list")
@user_errors
def token_list(db: Annotated[str, DB_OPTION] = "rasid.db") -> None:
    """Names of the tokens and when they were created."""
    from rasid.store.tokens import list_tokens

    with existing_store(db) as store:
        for name, created in list_tokens(store):
            out.print(f"{name}\t{created}", highlight=False)


@token_app.command("revoke")
@user_errors
def token_revoke(
    name: Annotated[str, typer.Argument(help="Reviewer name.")],
    db: Annotated[str, DB_OPTION] = "rasid.db",
) -> None:
    """Delete NAME's token."""
    from rasid.store.tokens import revoke_token

    with existing_store(db) as store:
        if not revoke_token(store, name):
            raise RasidError(f"no token named {name!r}")
    out.print(f"token {name} revoked", highlight=False)


@app.command()
@user_errors
def batch(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="JSONL(.gz) or Parquet article files or folders; none: resume the --out run."),
    ] = None,
    out_dir: Annotated[str, typer.Option("--out", help="Output directory (Parquet, manifest).")] = "",
    workers: Annotated[
        int | None, typer.Option(help="Local worker processes (default: CPU count).", min=1)
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Use a running Dask cluster: tcp://HOST:PORT.")
    ] = None,
    partition_size: Annotated[
        int | None, typer.Option(help="Articles per partition (task); default 500.", min=1)
    ] = None,
    text_field: Annotated[str | None, typer.Option(help="Input field of the text (default text).")] = None,
    date_field: Annotated[
        str | None,
        typer.Option(help="Input field of the publication date, ISO or RFC-822 (default published)."),
    ] = None,
    id_field: Annotated[str | None, typer.Option(help="Input field of the article id (default id).")] = None,
    source_field: Annotated[
        str | None, typer.Option(help="Input field of the outlet (default source).")
    ] = None,
    title_field: Annotated[str | None, typer.Option(help="Input field of the title (default title).")] = None,
    retries: Annotated[int, typer.Option(help="Retries of a partition whose task fails.", min=0)] = 2,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Then load the events into this store, merging across articles."),
    ] = None,
) -> None:
    """Extract events from large corpora on Dask workers into Parquet (resumable).

    Settings left out are those of the run that started --out (so `rasid batch --out DIR` resumes it).
    """
    import time

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from rasid.batch import load_into_store, run_batch

    if not out_dir:
        raise RasidError("--out DIR is required")
    if workers and scheduler:
        raise RasidError("use --workers (local cluster) or --scheduler (running cluster), not both")
    fields = {"id": id_field, "text": text_field, "published": date_field}
    fields |= {"source": source_field, "title": title_field}
    columns = {k: v for k, v in fields.items() if v is not None}
    bar = Progress(
        TextColumn("[bold]batch[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles · {task.fields[rate]}/s · {task.fields[parts]} · {task.fields[events]} events"),
        TextColumn("· {task.fields[fails]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )
    with bar:
        task = bar.add_task("batch", total=None, parts="", events=0, fails="", rate="-")
        started = time.perf_counter()

        def tick(p: Any) -> None:
            bar.update(
                task,
                total=p.articles_total,
                completed=p.articles_done,
                rate=f"{p.articles_run / max(time.perf_counter() - started, 1e-9):.1f}",
                parts=f"{p.partitions_done}/{p.partitions_total} partitions",
                events=p.events,
                fails=f"{p.failures} failed article(s)"
                + (f" · {p.partitions_failed} failed partition(s)" if p.partitions_failed else ""),
            )

        s = run_batch(
            inputs or [],
            out_dir,
            columns=columns,
            partition_size=partition_size,
            workers=workers,
            scheduler=scheduler,
            retries=retries,
            on_progress=tick,
        )
    for note in s.notes:
        err.print(f"[yellow]note:[/] {note}", highlight=False)
    out.print(
        f"{s.partitions_run} partition(s) run, {s.partitions_skipped} already done"
        f" · {s.articles_run} articles in {s.wall_seconds:.1f}s ({s.articles_per_second:.1f}/s)"
        f"\n{out_dir}: {s.articles} articles, {s.events} events, {s.failures} failure(s)"
        f" (failures.jsonl), manifest.json",
        highlight=False,
    )
    if s.failed_partitions:
        raise RasidError(
            f"{len(s.failed_partitions)} partition(s) failed ({s.failed_partitions[0]['error']});"
            " run the same command again to retry them"
        )
    if db:
        summary, counts = load_into_store(out_dir, db)
        out.print(
            f"{db}: {summary.new} new article(s), {summary.events} events stored"
            f" ({summary.merged} merged into other reports' incidents);"
            f" {counts['events']} incidents in all",
            highlight=False,
        )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
