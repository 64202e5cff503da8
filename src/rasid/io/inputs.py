"""Every input ingest accepts: text, JSONL(.gz), HTML, RSS/Atom files or URLs, and directories of them.

Each input yields articles (with the events a JSONL line may carry) or one error per bad file or
line, so that one broken input never stops the others.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rasid.errors import RasidError
from rasid.io.articles import article_from_json, decode, is_jsonl, read_bytes, text_id
from rasid.io.feeds import fetch, is_url, looks_like_feed, read_feed
from rasid.io.html import article_from_html
from rasid.model import Article, Event

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_FEED_SUFFIXES = (".rss", ".atom", ".xml")
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass(slots=True)
class Input:
    """An article read from `origin`, with the events its JSON carried (None when it had none)."""

    article: Article
    origin: str
    events: list[Event] | None = None


@dataclass(slots=True)
class Problem:
    origin: str
    message: str


def date_in_name(path: str) -> dt.date | None:
    """A date written in a file name: 2021-07-29 or 20210729."""
    for m in _DATE_IN_NAME.finditer(Path(path).name):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None


def expand(paths: list[str]) -> Iterator[str]:
    """Files under directories (sorted, hidden ones skipped), other paths and URLs as given."""
    for path in paths:
        p = Path(path)
        if not is_url(path) and p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(p).parts):
                    yield str(child)
        else:
            yield path


MAX_LINE_ERRORS = 20  # per file: past this many bad lines it is probably not JSONL at all


def _from_json(obj: object, where: str) -> Input | Problem:
    try:
        article = article_from_json(obj, where)
        raw = obj.get("events") if isinstance(obj, dict) else None
        events = [Event.from_dict(e) for e in raw] if isinstance(raw, list) else None
        for e in events or ():
            for count in (e.fatalities, e.injured):
                if count is not None and (not isinstance(count, int) or not 0 <= count <= 10_000_000):
                    return Problem(where, f"bad event (count {count!r} is not a number of people)")
    except RasidError as e:
        return Problem(where, str(e).removeprefix(f"{where}: "))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        return Problem(where, f"bad event ({type(e).__name__}: {e})")
    return Input(article, where, events)


def _jsonl(text: str, name: str) -> Iterator[Input | Problem]:
    bad = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            item = _from_json(json.loads(line), where)
        except json.JSONDecodeError as e:
            item = Problem(where, f"malformed JSON ({e.msg})")
        except RecursionError:
            item = Problem(where, "malformed JSON (nested too deeply)")
        if isinstance(item, Problem):
            bad += 1
            if bad > MAX_LINE_ERRORS:
                yield Problem(name, f"more than {MAX_LINE_ERRORS} bad lines: rest of the file skipped")
                return
        yield item


def _json(text: str, name: str) -> Iterator[Input | Problem]:
    """A .json file: one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Problem(name, f"malformed JSON ({e.msg}, line {e.lineno})")
        return
    except RecursionError:
        yield Problem(name, "malformed JSON (nested too deeply)")
        return
    if isinstance(data, list):
        for n, obj in enumerate(data, 1):
            yield _from_json(obj, f"{name}[{n}]")
    else:
        yield _from_json(data, name)


def read_input(
    path: str, published: dt.date | None = None, fetch_pages: bool = False
) -> Iterator[Input | Problem]:
    """The articles of one file or URL, or the problems met reading it."""
    name = "<stdin>" if path == "-" else path
    try:
        data = fetch(path) if is_url(path) else read_bytes(path)
    except RasidError as e:
        yield Problem(name, str(e).removeprefix(f"{name}: "))
        return
    lower = path.lower().removesuffix(".gz")
    try:
        if (
            lower.endswith(_FEED_SUFFIXES)
            or looks_like_feed(data)
            or (is_url(path) and b"<rss" in data[:2000])
        ):
            for item in read_feed(data, name, fetch_pages):
                if isinstance(item, RasidError):
                    yield Problem(name, str(item).removeprefix(f"{name} "))
                else:
                    yield Input(item, name)
            return
        if (
            lower.endswith(_HTML_SUFFIXES)
            or is_url(path)
            or data[:1000].lstrip().lower().startswith((b"<!doctype html", b"<html"))
        ):
            url = path if is_url(path) else None
            article_id = None if url else Path(path).name.split(".")[0]
            yield Input(article_from_html(data, name, article_id, url, published or date_in_name(path)), name)
            return
        text = decode(data, name)
        if not text.strip():
            raise RasidError(f"{name}: empty input")
        if lower.endswith(".json"):
            yield from _json(text, name)
            return
        if is_jsonl(path, text):
            yield from _jsonl(text, name)
            return
        stem = Path(path).name.split(".")[0] if path != "-" else text_id(text)
        pub = published or (date_in_name(path) if path != "-" else None)
        yield Input(Article(id=stem, text=text, published=pub), name)
    except RasidError as e:
        yield Problem(name, str(e).removeprefix(f"{name}: "))


def read_inputs(
    paths: list[str], published: dt.date | None = None, fetch_pages: bool = False
) -> Iterator[Input | Problem]:
    for path in expand(paths):
        yield from read_input(path, published, fetch_pages)
