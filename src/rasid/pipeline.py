"""The ordered stages, and extract(): from an article to its events.

Adding a stage is adding one module and one line to STAGES.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from functools import lru_cache

from rasid.doc import Doc
from rasid.events.cues import event_sentences
from rasid.model import Article, Event

STAGES: tuple[str, ...] = (
    "rasid.text.stage:TextStage",
    "rasid.events.cues:TriggerStage",
    "rasid.entities.stage:EntityStage",
    "rasid.time.stage:TimeStage",
    "rasid.places.stage:PlaceStage",
    "rasid.actors.stage:ActorStage",
    "rasid.events.stage:EventStage",
)

Stage = Callable[[Doc], Doc]


def load_stage(path: str) -> Stage:
    module, _, cls = path.partition(":")
    return getattr(importlib.import_module(module), cls)()


class Pipeline:
    """Runs the stages in order over one article. Stages are built once, with their resources."""

    def __init__(
        self, stages: Iterable[str] = STAGES, exclude: Iterable[str] = (), stop_eventless: bool = True
    ) -> None:
        """`stop_eventless`: after the trigger stage, an article with no trigger word skips the later
        stages (they could not make an event of it); its Doc then has text and triggers only."""
        self.stop_eventless = stop_eventless
        skip = set(exclude)
        built = [(p, load_stage(p)) for p in stages]
        kept = [(p, stage) for p, stage in built if getattr(stage, "name", "") not in skip]
        self.names = [p for p, _ in kept]
        self.stages: list[Stage] = [stage for _, stage in kept]

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article)
        if article.published is None:
            doc.warnings.append("no publication date: relative dates are left unresolved")
        for stage in self.stages:
            doc = stage(doc)
            if self.stop_eventless and getattr(stage, "name", "") == "triggers" and not event_sentences(doc):
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
