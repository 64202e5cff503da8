"""The places stage: gazetteer mentions with coordinates, precision, admin1 and country."""

from __future__ import annotations

from rasid.doc import Doc
from rasid.places.gazetteer import Gazetteer, default_gazetteer
from rasid.places.resolve import (
    article_countries,
    find_matches,
    locate_unknown,
    to_mention,
    unknown_mentions,
)


class PlaceStage:
    """Fills doc.places. The gazetteer is loaded on first use and shared by the process."""

    name = "places"

    def __init__(self, gazetteer: Gazetteer | None = None, latin_fallback: bool = True) -> None:
        self._gazetteer = gazetteer
        self.latin_fallback = latin_fallback  # unknown names matched to Latin GeoNames names

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
            if self.latin_fallback:
                _ = self._gazetteer.latin_index  # loaded with the rest, not in the middle of a run
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        matches = find_matches(self.gazetteer, doc.tokens, doc.entities)
        known = [to_mention(m, doc.tokens, doc.text) for m in matches]
        unknown = unknown_mentions(doc.tokens, doc.text, doc.entities, known)
        if (
            unknown and self.latin_fallback
        ):  # names GeoNames has only in Latin script, in the article's countries
            countries = article_countries(matches)
            unknown = locate_unknown(self.gazetteer, unknown, doc.tokens, countries)
        doc.places = sorted(known + unknown, key=lambda p: p.start)
        return doc
