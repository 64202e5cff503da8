"""Reading gold and predicted events for the scorer, with one clear error per bad input."""

from __future__ import annotations

from collections.abc import Callable

from rasid.errors import RasidError
from rasid.io.articles import article_from_json, decode, iter_jsonl, read_articles, read_bytes
from rasid.model import Event


def _event(obj: object, where: str) -> Event:
    if not isinstance(obj, dict):
        raise RasidError(f"{where}: expected an event object")
    if not isinstance(obj.get("event_type"), str):
        raise RasidError(f"{where}: missing 'event_type'")
    try:
        event = Event.from_dict(obj)
    except (KeyError, ValueError, TypeError, AttributeError) as e:
        raise RasidError(f"{where}: bad event ({type(e).__name__}: {e})") from None
    loc = event.location
    numbers = {"lat": loc.lat, "lon": loc.lon} if loc else {}
    numbers |= {"time_precision": event.time_precision, "fatalities": event.fatalities}
    numbers |= {"injured": event.injured, "geo_precision": loc.geo_precision if loc else None}
    for name, value in numbers.items():
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise RasidError(f"{where}: '{name}' must be a number, not {value!r}")
    return event


def _lines(path: str) -> list[tuple[int, object]]:
    name = "<stdin>" if path == "-" else path
    text = decode(read_bytes(path), name)
    if not text.strip():
        raise RasidError(f"{name}: empty input")
    return list(iter_jsonl(text, name))


def read_gold(path: str) -> dict[str, list[Event]]:
    """Gold events per article id, in file order. Every line must be an article with an `events` list."""
    gold: dict[str, list[Event]] = {}
    for lineno, obj in _lines(path):
        where = f"{path}:{lineno}"
        article = article_from_json(obj, where)
        events = obj.get("events") if isinstance(obj, dict) else None
        if not isinstance(events, list):
            raise RasidError(f"{where}: no 'events' list (every gold line needs one, [] for none)")
        if article.id in gold:
            raise RasidError(f"{where}: duplicate article id {article.id!r}")
        gold[article.id] = [_event(e, f"{where}: event {k + 1}") for k, e in enumerate(events)]
        for e in gold[article.id]:
            e.article_id = article.id
    return gold


def read_predictions(path: str) -> dict[str, list[Event]]:
    """Predicted events per article id: JSONL of events with `article_id` (as `rasid extract` prints).

    A gold-style line (an article with `text` and `events`) is also read, its events predicted for it.
    """
    pred: dict[str, list[Event]] = {}
    for lineno, obj in _lines(path):
        where = f"{path}:{lineno}"
        if isinstance(obj, dict) and "events" in obj and "text" in obj:
            article_id = article_from_json(obj, where).id
            if not isinstance(obj["events"], list):
                raise RasidError(f"{where}: 'events' is not a list")
            events = [_event(e, f"{where}: event {k + 1}") for k, e in enumerate(obj["events"])]
        else:
            event = _event(obj, where)
            if not event.article_id:
                raise RasidError(f"{where}: predicted event without 'article_id'")
            article_id, events = str(event.article_id), [event]
        for e in events:
            e.article_id = article_id
        pred.setdefault(article_id, []).extend(events)
    return pred


def extract_predictions(
    gold_path: str, on_warning: Callable[[str], None] | None = None
) -> dict[str, list[Event]]:
    """Runs the extraction pipeline over the gold file's articles (their gold events are not read)."""
    try:
        from rasid.pipeline import default_pipeline

        pipeline = default_pipeline()
    except ImportError as e:
        raise RasidError(f"extraction pipeline unavailable ({e}); score a file with --pred") from None
    pred: dict[str, list[Event]] = {}
    seen: set[str] = set()
    articles = list(read_articles(gold_path))
    for article, doc in zip(articles, pipeline.pipe(articles), strict=True):
        for w in doc.warnings:
            if on_warning and w not in seen:
                seen.add(w)
                on_warning(w)
        for event in doc.events:
            event.article_id = article.id
        pred[article.id] = list(doc.events)
    return pred
