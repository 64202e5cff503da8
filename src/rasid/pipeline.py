"""The ordered stages, and extract(): from an article to its events.

Adding a stage is adding one module and one line to STAGES.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import itertools
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from rasid.doc import Doc
from rasid.model import Article, Event

STAGES: tuple[str, ...] = (
    "rasid.text.stage:TextStage",
    "rasid.events.trigger_stage:TriggerStage",
    "rasid.time.stage:TimeStage",
    "rasid.entities.stage:EntityStage",
    "rasid.places.stage:PlaceStage",
    "rasid.actors.stage:ActorStage",
    "rasid.events.stage:EventStage",
)

Stage = Callable[[Doc], Doc]
BATCH_SIZE = 16  # articles per batch in Pipeline.pipe (32 ran faster, but held more memory on long news)


def stage_class(path: str) -> type:
    """The stage class named by "package.module:Class"."""
    module, _, cls = path.partition(":")
    return getattr(importlib.import_module(module), cls)


def load_stage(path: str) -> Stage:
    return stage_class(path)()


class Pipeline:
    """Runs the stages in order over one article. Stages are built once, with their resources."""

    def __init__(
        self, stages: Iterable[str] = STAGES, exclude: Iterable[str] = (), stop_eventless: bool = True
    ) -> None:
        """`stop_eventless`: after the trigger stage, an article with no trigger word skips the later
        stages (they could not make an event of it); its Doc then has text and triggers only."""
        self.stop_eventless = stop_eventless
        skip = set(exclude)
        self.names = [p for p in stages if getattr(stage_class(p), "name", "") not in skip]
        self.stages: list[Stage] = [stage_class(p)() for p in self.names]
        # the stages a document goes through on its own: up to the one that gates events
        gates = [k + 1 for k, st in enumerate(self.stages) if getattr(st, "gates_events", False)]
        self.gate = gates[0] if gates and stop_eventless else 0

    def __call__(self, article: Article) -> Doc:
        return self.run([article])[0]

    def pipe(self, articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        """The Docs of many articles, in order, as calling the pipeline on each would give them, but
        faster: in batches of `batch_size` articles (see run), where a stage with a `pipe` method
        takes the whole batch at once (the entity tagger runs its network once per batch). Like
        spaCy's Language.pipe."""
        it = iter(articles)
        while batch := list(itertools.islice(it, batch_size)):
            yield from self.run(batch)

    def run(self, articles: list[Article]) -> list[Doc]:
        """The Docs of one batch of articles: each document goes through the stages up to the one that
        gates events on its own (most news stops there), then the documents that pass go through
        each later stage together."""
        gate = self.gate
        docs = []
        for article in articles:
            doc = Doc(article)
            if article.published is None:
                doc.warnings.append("no publication date: relative dates are left unresolved")
            for stage in self.stages[:gate]:
                doc = stage(doc)
            docs.append(doc)
        live = [i for i, doc in enumerate(docs) if not gate or doc.event_sentences()]
        for stage in self.stages[gate:]:
            if not live:
                break
            batch = getattr(stage, "pipe", None)
            done = batch([docs[i] for i in live]) if batch else [stage(docs[i]) for i in live]
            for i, doc in zip(live, done, strict=True):
                docs[i] = doc
        if live:  # (some document went through every stage: their resources are loaded)
            _freeze_resources()
        return docs

    def extract(self, article: Article) -> list[Event]:
        return self(article).events

    def extract_each(
        self, articles: list[Article], batch_size: int = BATCH_SIZE
    ) -> list[list[Event] | Exception]:
        """The events of each article, a batch at a time; a batch that raises runs again one article at
        a time, so that only the article at fault fails (its exception stands in its place)."""
        out: list[list[Event] | Exception] = []
        for first in range(0, len(articles), batch_size):
            batch = articles[first : first + batch_size]
            try:
                out.extend(doc.events for doc in self.run(batch))
            except Exception:
                out.extend(events_or_error(self.extract, article) for article in batch)
        return out


def events_or_error(extract: Callable[[Article], list[Event]], article: Article) -> list[Event] | Exception:
    """The article's events, or the exception its extraction raised."""
    try:
        return extract(article)
    except Exception as e:  # one article's failure is reported in its place
        return e


_frozen = False


def _freeze_resources() -> None:
    """After the first run in a process that took a document through every stage, moves every object
    alive to the collector's permanent generation: the lexicons, gazetteer and model tables loaded by
    then live as long as the process, and the cyclic collector need not walk them again at each full
    collection (on news, that walk took about a tenth of the extraction time)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str | Article, published: dt.date | None = None) -> list[Event]:
    """The events of one article (or of a plain text with its publication date)."""
    article = text if isinstance(text, Article) else Article(id="text", text=text, published=published)
    return default_pipeline().extract(article)
