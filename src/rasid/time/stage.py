"""The time stage: Arabic date mentions, resolved against the publication date."""

from __future__ import annotations

from rasid.doc import Doc
from rasid.time.dates import find_dates
from rasid.time.lexicon import calendar


class TimeStage:
    name = "time"

    def __init__(self) -> None:
        calendar()  # load the month/weekday table once, at build time

    def __call__(self, doc: Doc) -> Doc:
        doc.dates = find_dates(doc.tokens, doc.numbers, doc.article.published, doc.text)
        return doc
