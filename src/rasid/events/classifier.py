"""A trained filter over candidate events: does this trigger sentence report an incident?

`load_classifier()` returns None until the model resource has been trained
(`scripts/train_event_filter.py`); the event stage then keeps every candidate its rules accept.
"""

from __future__ import annotations

from typing import Protocol

from rasid.doc import Doc
from rasid.events.triggers import Trigger
from rasid.model import Event
from rasid.text import Sentence


class CandidateFilter(Protocol):
    def keep(self, doc: Doc, sentence: Sentence, trigger: Trigger, event: Event) -> bool: ...


def load_classifier() -> CandidateFilter | None:
    return None
