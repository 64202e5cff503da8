"""Rich renderables for an evaluation report (the CLI prints them; nothing here prints)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from rasid.evaluate.events import EvalReport, Pair, f1
from rasid.model import Event


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def summary_tables(report: EvalReport) -> list[Table]:
    data = report.to_json()
    overall = Table(title="Events", header_style="bold")
    for col in ("", "precision", "recall", "F1", "gold", "predicted", "matched"):
        overall.add_column(col, justify="left" if not col else "right")
    counts = report.event_counts()
    overall.add_row(
        "events",
        _num(data["event_precision"]),
        _num(data["event_recall"]),
        _num(data["event_f1"]),
        str(counts.n_gold),
        str(counts.n_pred),
        str(counts.n_matched),
    )
    relevant = sum(a.relevant for a in report.articles)
    found = sum(a.found for a in report.articles)
    hits = sum(a.relevant and a.found for a in report.articles)
    overall.add_row(
        "articles (relevance)",
        _num(data["relevance_precision"]),
        _num(data["relevance_recall"]),
        _num(f1(data["relevance_precision"], data["relevance_recall"])),
        str(relevant),
        str(found),
        str(hits),
    )
    overall.caption = (
        f"{data['n_articles']} articles; {data['n_gold']} gold events (+{data['n_gold_optional']} optional); "
        f"{data['n_pred']} predictions ({data['n_pred_on_optional']} on optional gold, not counted)"
    )

    fields = Table(title="Field accuracy on matched pairs", header_style="bold")
    for col in ("field", "accuracy", "agree", "scored"):
        fields.add_column(col, justify="left" if col == "field" else "right")
    for f, (ok, n) in report.field_counts().items():
        fields.add_row(f, _num(data[f"{f}_acc"]), str(ok), str(n))

    tables = [overall, fields]
    titles = {"event_type": "Per event type", "sub_event_type": "Per sub-event type"}
    for kind, rows in data["per_type"].items():
        table = Table(title=titles[kind], header_style="bold")
        for col in (kind, "precision", "recall", "F1", "gold", "predicted", "matched"):
            table.add_column(col, justify="left" if col == kind else "right")
        for name, c in rows.items():
            table.add_row(
                name or "(none)",
                _num(c["precision"]),
                _num(c["recall"]),
                _num(c["f1"]),
                str(c["n_gold"]),
                str(c["n_pred"]),
                str(c["n_matched"]),
            )
        tables.append(table)
    return tables


def describe(event: Event) -> str:
    """One line with the scored fields of an event."""
    loc = event.location
    if loc is None:
        place = "no place"
    else:
        coords = "" if loc.lat is None or loc.lon is None else f" {loc.lat:.3f},{loc.lon:.3f}"
        place = f"{loc.name}{coords} p{loc.geo_precision or '?'}"
    date = event.date.isoformat() if event.date else "no date"
    actors = " / ".join(f"{a.name} [{a.inter}]" for a in (event.actor1, event.actor2) if a) or "no actor"
    return (
        f"{event.event_type} › {event.sub_event_type} | {date} p{event.time_precision or '?'} | {place} | "
        f"{actors} ({event.interaction or '–'}) | weapon {event.weapon or '–'} | "
        f"killed {_opt(event.fatalities)} injured {_opt(event.injured)}"
    )


def _opt(value: Any) -> str:
    return "–" if value is None else str(value)


def field_values(pair: Pair, name: str) -> tuple[str, str]:
    """(gold, predicted) for a field, as shown in a disagreement."""
    g, p = pair.gold, pair.pred
    if name == "location":
        km = pair.distance_km
        where = "no coordinates" if km is None else f"{km:.1f} km apart"
        return (g.location.name if g.location else "–", f"{p.location.name if p.location else '–'} ({where})")
    if name == "date":
        return (_opt(g.date), _opt(p.date))
    if name == "interaction":
        return (_opt(g.interaction), _opt(p.interaction))
    return (_opt(getattr(g, name)), _opt(getattr(p, name)))


def error_lines(report: EvalReport, show: Callable[[str], str] = str) -> Iterator[RenderableType]:
    """Misses, false alarms and field disagreements, article by article."""
    for a in report.articles:
        diffs = [p for p in a.scored if p.disagreements()]
        if not (a.missed or a.false_alarms or diffs):
            continue
        yield Text(f"\n== {a.article_id}", style="bold")
        for kind, events, style in (("MISS", a.missed, "red"), ("FALSE", a.false_alarms, "yellow")):
            for e in events:
                yield Text.assemble((f"{kind:6}", style), describe(e))
                yield Text(f"       evidence: {show(e.evidence.text) if e.evidence else '–'}", style="dim")
        for pair in diffs:
            yield Text.assemble(("DIFF  ", "cyan"), describe(pair.gold))
            for name in pair.disagreements():
                gold, pred = field_values(pair, name)
                yield Text(f"       {name}: gold {gold} vs predicted {pred}")
            if pair.gold.evidence:
                yield Text(f"       evidence: {show(pair.gold.evidence.text)}", style="dim")


__all__ = ["describe", "error_lines", "summary_tables"]
