"""The event scorer (GUIDELINES.md "How a prediction is matched") and `rasid eval`."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rasid.cli import app
from rasid.evaluate import JSON_KEYS, evaluate, read_gold, read_predictions, score_article
from rasid.evaluate.events import haversine_km, max_weight_matching
from rasid.model import Actor, Event, Location

EXPL = "Explosions/Remote violence"
SHELL = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
BAGHDAD = (33.34, 44.40)
DAY = dt.date(2021, 7, 29)


def ev(
    sub: str = SHELL,
    etype: str = EXPL,
    date: dt.date | None = DAY,
    tp: int | None = 1,
    lat: float | None = BAGHDAD[0],
    lon: float | None = BAGHDAD[1],
    gp: int | None = 1,
    optional: bool = False,
    actors: tuple[int, ...] = (3, 8),
    **fields: Any,
) -> Event:
    location = None if lat is None and gp is None else Location("Place", lat=lat, lon=lon, geo_precision=gp)
    a1, a2 = (Actor(f"actor{i}", inter=code) for i, code in enumerate((*actors, None, None)[:2]))
    return Event(
        etype,
        sub,
        date=date,
        time_precision=tp,
        location=location,
        actor1=a1 if a1.inter else None,
        actor2=a2 if a2.inter else None,
        optional=optional,
        **fields,
    )


def north(km: float) -> float:
    """Latitude of a point `km` north of Baghdad."""
    return BAGHDAD[0] + km / 111.195


def scores(gold: list[Event], pred: list[Event]) -> dict[str, Any]:
    return evaluate({"a": gold}, {"a": pred}).to_json()


def allowed(gold: Event, pred: Event) -> bool:
    return len(score_article("a", [gold], [pred]).scored) == 1


# --- matching ----------------------------------------------------------------------------


def test_maximum_matching_beats_greedy() -> None:
    # P0 could take either gold event (and fits G0 best); P1 fits only G0. Greedy pairs G0-P0 and
    # leaves G1 and P1 alone; the maximum matching pairs both.
    g0 = ev(sub=SHELL)
    g1 = ev(sub=AIR, lat=north(20))
    p0 = ev(sub=SHELL, lat=north(10))
    p1 = ev(sub=SHELL, lat=north(-10))
    result = score_article("a", [g0, g1], [p0, p1])
    assert len(result.scored) == 2
    assert {(id(p.gold), id(p.pred)) for p in result.scored} == {(id(g0), id(p1)), (id(g1), id(p0))}
    assert scores([g0, g1], [p0, p1])["event_f1"] == 1.0


def test_tie_break_prefers_field_agreement() -> None:
    # Both predictions fit both gold events; file order would pair them crosswise.
    g0, g1 = ev(sub=SHELL, weapon="rocket"), ev(sub=AIR, weapon="drone")
    p0, p1 = ev(sub=AIR, weapon="drone"), ev(sub=SHELL, weapon="rocket")
    s = scores([g0, g1], [p0, p1])
    assert s["sub_event_type_acc"] == 1.0 and s["weapon_acc"] == 1.0


def test_tie_break_orders_levels_and_prefers_closer_places() -> None:
    gold = [ev(date=DAY), ev(date=DAY + dt.timedelta(days=1), lat=north(15))]
    # Either prediction fits either gold event: the exact date and the nearer place win.
    pred = [ev(date=DAY + dt.timedelta(days=1), lat=north(14)), ev(date=DAY, lat=north(1))]
    s = scores(gold, pred)
    assert s["date_acc"] == 1.0 and s["location_acc"] == 1.0


def test_tie_break_never_costs_a_pair() -> None:
    g0 = ev(sub=SHELL)
    g1 = ev(sub=AIR, date=DAY + dt.timedelta(days=1))
    exact = ev(sub=SHELL)  # perfect for g0, and within g1's 1-day window
    other = ev(sub=AIR, date=DAY - dt.timedelta(days=1))  # fits g0 only (2 days from g1)
    result = score_article("a", [g0, g1], [exact, other])
    # Pairing g0 with its perfect twin would leave g1 alone: the pair count wins.
    assert {(id(p.gold), id(p.pred)) for p in result.scored} == {(id(g0), id(other)), (id(g1), id(exact))}
    assert scores([g0, g1], [exact, other])["sub_event_type_acc"] == 0.0


def test_one_to_many_candidates() -> None:
    gold = [ev()]
    preds = [ev(), ev(lat=north(5)), ev(date=DAY + dt.timedelta(days=1))]
    s = scores(gold, preds)
    assert s["event_precision"] == pytest.approx(1 / 3)
    assert s["event_recall"] == 1.0
    assert s["event_f1"] == pytest.approx(0.5)
    s = scores(preds, [ev()])  # one prediction, three gold events it could match
    assert s["event_precision"] == 1.0
    assert s["event_recall"] == pytest.approx(1 / 3)


def test_event_type_must_match() -> None:
    assert not allowed(ev(), ev(etype="Battles", sub="Armed clash"))
    s = scores([ev(sub=SHELL)], [ev(sub=AIR)])  # same type, another sub-type: matched, sub wrong
    assert s["event_f1"] == 1.0 and s["sub_event_type_acc"] == 0.0


def test_hungarian_equals_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(150):
        rows, cols = rng.randint(1, 4), rng.randint(1, 5)
        w = [[rng.choice([0, 0, rng.randint(1, 9)]) for _ in range(cols)] for _ in range(rows)]
        pairs = max_weight_matching(w)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        assert all(w[r][c] > 0 for r, c in pairs)
        best = 0
        if rows <= cols:
            for perm in itertools.permutations(range(cols), rows):
                best = max(best, sum(w[r][c] for r, c in enumerate(perm)))
        else:
            for perm in itertools.permutations(range(rows), cols):
                best = max(best, sum(w[r][c] for c, r in enumerate(perm)))
        assert sum(w[r][c] for r, c in pairs) == best


# --- optional events -----------------------------------------------------------------------


def test_optional_events_neither_rewarded_nor_penalised() -> None:
    required, optional = ev(sub=SHELL), ev(sub=AIR, date=None, tp=None, optional=True, lat=north(60))
    base = scores([required, optional], [ev(sub=SHELL)])
    with_optional = scores([required, optional], [ev(sub=SHELL), ev(sub=AIR, lat=north(60))])
    for s in (base, with_optional):
        assert (s["event_precision"], s["event_recall"], s["n_gold"]) == (1.0, 1.0, 1)
    assert with_optional["n_pred"] == 2 and with_optional["n_pred_on_optional"] == 1
    only_optional = scores([required, optional], [ev(sub=AIR, lat=north(60))])
    assert only_optional["event_recall"] == 0.0
    assert only_optional["event_precision"] is None  # no prediction counts
    assert only_optional["event_f1"] == 0.0


def test_required_gold_is_matched_before_optional() -> None:
    # One prediction fits both; it must go to the non-optional gold event.
    gold = [ev(optional=True), ev(lat=north(20))]
    s = scores(gold, [ev()])
    assert s["event_recall"] == 1.0 and s["event_precision"] == 1.0
    assert s["location_acc"] == 0.0  # paired with the event 20 km away


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tp", "days", "ok"),
    [
        (1, 1, True),
        (1, -1, True),
        (1, 2, False),
        (None, 1, True),  # gold date without precision: 1 day
        (None, 2, False),
        (2, 7, True),
        (2, -7, True),
        (2, 8, False),
        (3, 31, True),
        (3, 32, False),
    ],
)
def test_date_windows(tp: int | None, days: int, ok: bool) -> None:
    assert allowed(ev(tp=tp), ev(date=DAY + dt.timedelta(days=days))) is ok


def test_null_dates_both_directions() -> None:
    assert allowed(ev(date=None, tp=None), ev(date=DAY + dt.timedelta(days=300)))
    assert allowed(ev(date=None, tp=None), ev(date=None))
    assert not allowed(ev(), ev(date=None))
    # A gold event without a date is not scored on the date field.
    s = scores([ev(date=None, tp=None)], [ev()])
    assert s["event_f1"] == 1.0 and s["date_acc"] is None


def test_date_accuracy_needs_the_exact_day() -> None:
    s = scores([ev(tp=2)], [ev(date=DAY + dt.timedelta(days=3))])
    assert s["event_f1"] == 1.0 and s["date_acc"] == 0.0


# --- locations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gp", "km", "ok"),
    [
        (1, 24, True),
        (1, 26, False),
        (None, 24, True),  # coordinates without precision: 25 km
        (None, 26, False),
        (2, 49, True),
        (2, 51, False),
        (3, 149, True),
        (3, 151, False),
    ],
)
def test_location_radii(gp: int | None, km: float, ok: bool) -> None:
    assert allowed(ev(gp=gp), ev(lat=north(km))) is ok


def test_haversine_distance() -> None:
    # Baghdad to Erbil is about 320 km.
    assert haversine_km(33.34, 44.40, 36.19, 44.01) == pytest.approx(319, abs=3)
    assert haversine_km(*BAGHDAD, north(24), BAGHDAD[1]) == pytest.approx(24, abs=0.01)


def test_locations_without_coordinates() -> None:
    assert allowed(ev(lat=None, lon=None, gp=None), ev(lat=north(900)))  # gold location null
    assert allowed(ev(lat=None, lon=None, gp=3), ev(lat=None, lon=None))  # gold has no coordinates
    assert not allowed(ev(), ev(lat=None, lon=None, gp=None))  # prediction has none, gold has
    s = scores([ev(lat=None, lon=None, gp=None)], [ev()])
    assert s["event_f1"] == 1.0 and s["location_acc"] is None


def test_location_accuracy_within_10_km() -> None:
    s = scores([ev(), ev(sub=AIR, lat=north(100), gp=3)], [ev(lat=north(9)), ev(sub=AIR, lat=north(111))])
    assert s["event_f1"] == 1.0 and s["location_acc"] == 0.5


# --- other fields ----------------------------------------------------------------------------


def test_counts_and_weapon_compare_with_null_equal_null() -> None:
    gold = [ev(fatalities=None, injured=0, weapon=None)]
    assert scores(gold, [ev(fatalities=None, injured=0, weapon=None)])["fatalities_acc"] == 1.0
    s = scores(gold, [ev(fatalities=0, injured=None, weapon="rocket")])
    assert (s["fatalities_acc"], s["injured_acc"], s["weapon_acc"]) == (0.0, 0.0, 0.0)


def test_interaction_one_actor_no_actor_and_order() -> None:
    assert ev(actors=(3,)).interaction == "30"
    assert scores([ev(actors=(8, 3))], [ev(actors=(3, 8))])["interaction_acc"] == 1.0
    assert scores([ev(actors=(3,))], [ev(actors=(3, 8))])["interaction_acc"] == 0.0
    assert scores([ev(actors=(3,))], [ev(actors=(3,))])["interaction_acc"] == 1.0
    # A gold event without actors is not scored on interaction: only the other pair counts.
    s = scores([ev(actors=()), ev(sub=AIR, actors=(1, 2))], [ev(actors=(1,)), ev(sub=AIR, actors=(2, 1))])
    assert s["interaction_acc"] == 1.0
    assert evaluate({"a": [ev(actors=())]}, {"a": [ev()]}).field_counts()["interaction"] == (0, 0)


# --- articles ----------------------------------------------------------------------------------


def test_relevance_over_articles() -> None:
    gold = {
        "hit": [ev()],
        "missed": [ev()],
        "false_alarm": [],
        "only_optional": [ev(optional=True)],
        "quiet": [],
    }
    pred = {"hit": [ev()], "false_alarm": [ev()], "only_optional": [ev()]}
    s = evaluate(gold, pred).to_json()
    # found: hit, false_alarm (the optional match does not count); relevant: hit, missed.
    assert s["relevance_precision"] == 0.5 and s["relevance_recall"] == 0.5
    assert s["n_articles"] == 5 and s["n_gold"] == 2 and s["n_pred"] == 3


def test_empty_denominators_are_none() -> None:
    s = evaluate({"a": []}, {}).to_json()
    assert s["event_precision"] is None and s["event_recall"] is None and s["event_f1"] is None
    assert all(s[f"{f}_acc"] is None for f in ("date", "weapon"))
    assert s["relevance_precision"] is None and s["relevance_recall"] is None


def test_per_type_breakdown() -> None:
    gold = [ev(sub=SHELL), ev(etype="Battles", sub="Armed clash")]
    pred = [ev(sub=AIR), ev(etype="Protests", sub="Peaceful protest")]
    per = evaluate({"a": gold}, {"a": pred}).to_json()["per_type"]
    assert per["event_type"][EXPL] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "n_gold": 1,
        "n_pred": 1,
        "n_matched": 1,
    }
    assert per["event_type"]["Battles"]["recall"] == 0.0
    assert per["event_type"]["Protests"]["precision"] == 0.0
    assert per["sub_event_type"][SHELL]["n_matched"] == 0  # matched pair, other sub-type
    assert per["sub_event_type"][AIR]["precision"] == 0.0


# --- files and the command -----------------------------------------------------------------------

TEXT = "سقط صاروخان قرب السفارة في بغداد فجر الخميس"


def gold_line(article_id: str, events: list[Event]) -> dict[str, Any]:
    return {
        "id": article_id,
        "published": "2021-07-29",
        "text": TEXT,
        "events": [e.to_dict() | {"evidence": TEXT} for e in events],
    }


def write_jsonl(path: Path, rows: list[Any]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.fixture
def gold_file(tmp_path: Path) -> str:
    rows = [
        gold_line("one", [ev(fatalities=0, injured=2, weapon="rocket"), ev(sub=AIR, optional=True)]),
        gold_line("two", [ev(etype="Battles", sub="Armed clash", actors=(1, 2), tp=2, gp=3)]),
        gold_line("three", []),
    ]
    return write_jsonl(tmp_path / "gold.jsonl", rows)


runner = CliRunner()


def test_gold_as_predictions_scores_one_everywhere(gold_file: str, tmp_path: Path) -> None:
    gold = read_gold(gold_file)
    as_events = [e.to_dict() for events in gold.values() for e in events]
    pred_file = write_jsonl(tmp_path / "pred.jsonl", as_events)
    for pred in (pred_file, gold_file):  # event lines, or the gold file itself
        result = runner.invoke(app, ["eval", gold_file, "--pred", pred, "--json"])
        assert result.exit_code == 0, result.output
        s = json.loads(result.stdout)
        assert all(s[k] == 1.0 for k in JSON_KEYS if not k.startswith("n_")), s
        assert (s["n_articles"], s["n_gold"], s["n_pred"]) == (3, 2, 3)


def test_json_has_the_keys_on_one_line(gold_file: str, tmp_path: Path) -> None:
    pred = write_jsonl(tmp_path / "pred.jsonl", [ev(sub=AIR).to_dict() | {"article_id": "one"}])
    result = runner.invoke(app, ["eval", gold_file, "--pred", pred, "--json"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    s = json.loads(lines[0])
    assert set(JSON_KEYS) <= set(s)
    assert len(JSON_KEYS) == 15
    assert s["event_precision"] == 1.0 and s["event_recall"] == 0.5
    assert s["sub_event_type_acc"] == 0.0 and s["interaction_acc"] == 1.0


def test_table_and_errors_listing(gold_file: str, tmp_path: Path) -> None:
    rows = [
        ev(fatalities=3, injured=2, weapon="rocket").to_dict() | {"article_id": "one"},
        ev(etype="Riots", sub="Mob violence").to_dict() | {"article_id": "three", "evidence": "حدث شغب"},
    ]
    pred = write_jsonl(tmp_path / "pred.jsonl", rows)
    result = runner.invoke(app, ["eval", gold_file, "--pred", pred, "--errors", "--no-bidi"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Per event type" in out and "Per sub-event type" in out and "Field accuracy" in out
    assert "== two" in out and "MISS" in out and "Armed clash" in out
    assert "FALSE" in out and "حدث شغب" in out
    assert "fatalities: gold 0 vs predicted 3" in out
    assert TEXT in out  # gold evidence of the miss


def test_read_predictions_groups_by_article(tmp_path: Path) -> None:
    rows = [ev().to_dict() | {"article_id": "x"}, ev(sub=AIR).to_dict() | {"article_id": "x"}]
    pred = read_predictions(write_jsonl(tmp_path / "p.jsonl", rows))
    assert [e.sub_event_type for e in pred["x"]] == [SHELL, AIR]


@pytest.mark.parametrize(
    ("gold_rows", "pred_text", "message"),
    [
        (None, '{"article_id": "one", "event_type": "Riots"}\n{bad json\n', "pred.jsonl:2: malformed JSON"),
        (None, '{"event_type": "Riots"}\n', "pred.jsonl:1: predicted event without 'article_id'"),
        (None, '{"article_id": "one"}\n', "pred.jsonl:1: missing 'event_type'"),
        (
            None,
            '{"article_id": "one", "event_type": "Riots", "location": {"name": "X", "lat": "33.3"}}\n',
            "pred.jsonl:1: 'lat' must be a number",
        ),
        ([{"id": "x", "text": TEXT}], "", "gold.jsonl:1: no 'events' list"),
        (
            [{"id": "x", "text": TEXT, "events": [{"event_type": EXPL, "date": "29/07/2021"}]}],
            "",
            "gold.jsonl:1: event 1: bad event",
        ),
    ],
)
def test_bad_input_is_one_error_line(
    tmp_path: Path, gold_file: str, gold_rows: list[Any] | None, pred_text: str, message: str
) -> None:
    gold = gold_file if gold_rows is None else write_jsonl(tmp_path / "gold.jsonl", gold_rows)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(pred_text or '{"article_id": "x", "event_type": "Riots"}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", gold, "--pred", str(pred), "--json"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert result.stdout == ""


def test_missing_file_is_one_error_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl"), "--pred", str(tmp_path / "p")])
    assert result.exit_code != 0
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'nope.jsonl'}: no such file"]


class FakePipeline:
    """Stands in for the extraction pipeline: reports one shelling in Baghdad per article."""

    def __call__(self, article: Any) -> Any:
        from rasid.doc import Doc

        doc = Doc(article)
        doc.events = [ev(fatalities=0, injured=2, weapon="rocket")]
        doc.warnings = ["a note"]
        return doc

    def pipe(self, articles: Any) -> Any:
        return map(self, articles)


def test_extraction_mode_runs_the_pipeline(gold_file: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import rasid.pipeline

    monkeypatch.setattr(rasid.pipeline, "default_pipeline", FakePipeline)
    result = runner.invoke(app, ["eval", gold_file, "--json"])
    assert result.exit_code == 0, result.output
    s = json.loads(result.stdout)
    # "one": matched; "two": the battle missed, the shelling a false alarm; "three": a false alarm.
    assert (s["n_pred"], s["event_precision"], s["event_recall"]) == (3, pytest.approx(1 / 3), 0.5)
    assert s["relevance_precision"] == pytest.approx(2 / 3) and s["relevance_recall"] == 1.0
    assert "note: a note" in result.stderr
