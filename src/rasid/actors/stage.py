"""The actor stage: fills doc.actors from the tokens (and the NER stage's ORG entities)."""

from __future__ import annotations

from collections import Counter

from rasid.actors.lexicon import lexicon
from rasid.actors.match import find_actors, names_a_front
from rasid.actors.resolve import resolve_inter
from rasid.doc import Doc


def main_country(doc: Doc) -> str | None:
    """The country most of the article's places lie in, or None."""
    counts = Counter(p.location.country for p in doc.places if p.location and p.location.country)
    return counts.most_common(1)[0][0] if counts else None


class ActorStage:
    """Adds doc.actors: ActorMention (an ActorMatch) for every actor the dictionary or NER finds.

    Each mention's `actor` is resolved against the article's main country (from doc.places);
    the event stage re-resolves it for an event's own country with
    `rasid.actors.resolve_inter(mention, event_country)`. `country` stays None for generic state
    words ("الجيش", "قوات الأمن"): they are the state of wherever the event happened.
    """

    name = "actors"

    def __init__(self) -> None:
        self._lexicon = None  # loaded on first use, once per process (lexicon() is cached)

    def __call__(self, doc: Doc) -> Doc:
        if self._lexicon is None:
            self._lexicon = lexicon()
        located = [p for p in doc.places if p.location is not None]
        entities = [e for e in doc.entities if not names_a_front(doc.tokens, e, located)]
        mentions = find_actors(doc.text, doc.tokens, entities)
        country = main_country(doc)
        for m in mentions:
            m.actor = resolve_inter(m, country)
        doc.actors = list(mentions)
        return doc
