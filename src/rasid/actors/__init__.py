"""Actors: a dictionary of the region's armed and political actors, with ACLED inter codes.

    from rasid.actors import find_actors, resolve_inter, nationality
    mentions = find_actors(doc.text, doc.tokens, doc.entities)   # what ActorStage does
    actor = resolve_inter(mention, "IQ")   # the Actor for an event located in Iraq
    nationality("الأمريكية")  # -> "US"

Mention labels: ACTOR (dictionary), ACTOR_METONYM (روسيا، واشنطن: a state named by its country
or capital, score 0.5), ACTOR_DEMONYM (فلسطينيين alone: civilians of that nationality, score 0.4),
ACTOR_ORG (an ORG entity typed by its head word, score 0.4).
"""

from rasid.actors.lexicon import ActorEntry, Country, Lexicon, lexicon
from rasid.actors.match import ActorMatch, find_actors, nationality
from rasid.actors.resolve import fill_name, resolve_inter

__all__ = [
    "ActorEntry",
    "ActorMatch",
    "Country",
    "Lexicon",
    "fill_name",
    "find_actors",
    "lexicon",
    "nationality",
    "resolve_inter",
]
