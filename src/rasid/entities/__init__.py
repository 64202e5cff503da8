"""Named entities (PER, ORG, LOC, MISC): CRF tagger with cluster and gazetteer features, scorer."""

from rasid.entities.conll import read_conll, score, spans
from rasid.entities.tagger import CRFTagger, evaluate, get_tagger, mentions

__all__ = ["CRFTagger", "evaluate", "get_tagger", "mentions", "read_conll", "score", "spans"]
