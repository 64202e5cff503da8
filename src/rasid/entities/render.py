"""Tables for `rasid ner`: entities of articles, and entity-level scores."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from rich.table import Table

from rasid.doc import Doc
from rasid.entities.stage import EntityStage
from rasid.model import Article, Mention
from rasid.text.stage import TextStage


def tag_articles(articles: Iterable[Article], backend: str | None = None) -> Iterator[tuple[Article, Doc]]:
    """Runs the text and entity stages over each article."""
    text_stage, entity_stage = TextStage(), EntityStage(backend, all_sentences=True, scores=True)
    for article in articles:
        yield article, entity_stage(text_stage(Doc(article)))


def mention_dict(article_id: str, m: Mention) -> dict:
    return {
        "article": article_id,
        "label": m.label,
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "score": m.score,
    }


def entities_table(rows: list[dict], show: Callable[[str], str]) -> Table:
    table = Table(header_style="bold")
    for col in ("article", "label", "text", "span", "score"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r["article"], r["label"], show(r["text"]), f"{r['start']}-{r['end']}", f"{r['score']:.2f}"
        )
    return table


def scores_table(result: dict) -> Table:
    table = Table(header_style="bold", title="entity-level (exact span and type)")
    for col in ("type", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(col, justify="right")
    for name, s in [*result["per_type"].items(), ("overall", result)]:
        table.add_row(
            name,
            f"{s['precision']:.4f}",
            f"{s['recall']:.4f}",
            f"{s['f1']:.4f}",
            str(s["gold"]),
            str(s["predicted"]),
        )
    return table
