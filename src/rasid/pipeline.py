"""The ordered stages, and extract(): from an article to its events.

Adding a stage is adding one module and one line to STAGES.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
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

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article)
        if article.published is None:
            doc.warnings.append("no publication date: relative dates are left unresolved")
        for stage in self.stages:
            doc = stage(doc)
            if self.stop_eventless and getattr(stage, "gates_events", False) and not doc.event_sentences():
                break
        return doc

    def extract(self, article: Article) -> list[Event]:
        return self(article).events


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str | Article, published: dt.date | None = None) -> list[Event]:
    """The events of one article (or of a plain text with its publication date)."""
    article = text if isinstance(text, Article) else Article(id="text", text=text, published=published)
    return default_pipeline().extract(article)
