"""Places: the Arabic gazetteer, toponym resolution and gazetteer imports.

- `Gazetteer.lookup(name_ar)` lists candidate places; `Gazetteer.resolve_name(name_ar, country)`
  gives the best `Location` for a name or a short place phrase.
- `PlaceStage` fills `doc.places` with `PlaceMention`s.
- `container(location)`: the place that contains a neighbourhood (its city), so that the event
  stage can code an event at the neighbourhood (precision 1, its own point) or at its city.
- `import_geonames(paths)`: extends the user-level gazetteer with GeoNames dumps.
"""

from __future__ import annotations

from rasid.model import Location
from rasid.places.gazetteer import Gazetteer, PlaceRow, default_gazetteer


def container(location: Location, gazetteer: Gazetteer | None = None) -> Location | None:
    """The city (or other place) that contains `location`, or None when it has none."""
    return (gazetteer or default_gazetteer()).container(location)


def resolve_name(name_ar: str, country: str | None = None) -> Location | None:
    """Shortcut for default_gazetteer().resolve_name()."""
    return default_gazetteer().resolve_name(name_ar, country)


__all__ = ["Gazetteer", "PlaceRow", "container", "default_gazetteer", "resolve_name"]
