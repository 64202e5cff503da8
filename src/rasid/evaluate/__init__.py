"""Scoring extracted events against gold annotations (GUIDELINES.md)."""

from rasid.evaluate.events import (
    FIELDS,
    JSON_KEYS,
    ArticleResult,
    EvalReport,
    Pair,
    evaluate,
    field_agreement,
    match_events,
    pair_allowed,
    score_article,
)
from rasid.evaluate.files import extract_predictions, read_gold, read_predictions

__all__ = [
    "FIELDS",
    "JSON_KEYS",
    "ArticleResult",
    "EvalReport",
    "Pair",
    "evaluate",
    "extract_predictions",
    "field_agreement",
    "match_events",
    "pair_allowed",
    "read_gold",
    "read_predictions",
    "score_article",
]
