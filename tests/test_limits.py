"""Input limits and clear errors wherever input enters: CLI extract and ingest, and the API.

Every bad input gives one clear line; in a batch (ingest) the rest goes on and the summary lists
what was skipped. Caps are module settings (rasid.io.articles.MAX_BYTES, Settings.max_body); the
tests lower them so that no test needs megabytes.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import rasid.io.articles as articles
from rasid.cli import app
from rasid.io.inputs import Input, Problem, read_inputs
from rasid.model import Article, Event
from rasid.serve import Settings, create_app
from rasid.store import SQLiteStore
from rasid.store.tokens import create_token

GOOD = {"id": "good", "text": "قتل ثلاثة مدنيين بقصف مدفعي على بلدة في نينوى أمس.", "published": "2021-07-29"}
CAP = 64 * 1024  # the input cap the tests run with


@pytest.fixture(autouse=True)
def small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articles, "MAX_BYTES", CAP)


def line(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def hostile_folder(root: Path) -> dict[str, str]:
    """One good article among files that are each wrong in one way; name -> expected message part."""
    root.mkdir()
    (root / "good.jsonl").write_text(line(GOOD), encoding="utf-8")
    expected = {}

    def put(name: str, data: bytes | str, message: str) -> None:
        path = root / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expected[name] = message

    # 16 MB of spaces in an 16 KB file: decompresses past the cap (4 x MAX_BYTES for .gz).
    put("bomb.jsonl.gz", gzip.compress(b" " * (16 * 1024 * 1024), 9), "decompresses to more than")
    payload = gzip.compress(line(GOOD).encode() * 50)
    corrupt = bytearray(payload)
    for i in range(30, 60):
        corrupt[i] ^= 0xFF
    put("corrupt.jsonl.gz", bytes(corrupt), "not a readable gzip file")
    put("truncated.jsonl.gz", payload[: len(payload) // 2], "not a readable gzip file")
    put("fake.jsonl.gz", b"not gzip at all", "not a readable gzip file")
    put("big.txt", "ن" * CAP, "larger than")
    put("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file")
    put("random.bin", bytes((i * 7919 + 13) % 255 + 1 for i in range(4000)), "binary file")
    put("latin.txt", "Ça c'est un texte français, déjà vu.".encode("latin-1"), "cannot decode")
    put("utf16.txt", b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00", "not valid UTF-16")
    put("nested.json", "[" * 20_000 + "]" * 20_000, "nested too deeply")
    put("broken.json", '{"text": "نص"', "malformed JSON")
    put("empty.txt", "  \n\t", "empty input")
    put("broken.xml", '<?xml version="1.0"?><rss><channel><item><title>x', "entry has no text")
    put("garbage.xml", '<?xml version="1.0"?><rss>&&&<<<', "not an RSS/Atom feed")
    put("page.html", "<html><body><script>var x = 1;</script></body></html>", "no article text found")
    old_feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
        "<description>قتل ثلاثة مدنيين في بغداد</description>"
        "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item></channel></rss>"
    )
    put("old.rss", old_feed, "entry 1: published date 0001-01-01 out of range")
    put("year1.jsonl", line({**GOOD, "id": "y1", "published": "0001-01-01"}), "0001-01-01 out of range")
    put("year9999.jsonl", line({**GOOD, "id": "y9", "published": "9999-12-31"}), "9999-12-31 out of range")
    put("feb30.jsonl", line({**GOOD, "id": "f", "published": "2021-02-30"}), "invalid published date")
    put("notext.jsonl", line({"id": "n", "text": "   "}), "empty 'text'")
    put("title.jsonl", line({**GOOD, "id": "t", "title": ["x"]}), "'title' must be a string")
    put("array.jsonl", "[1, 2]\n", "expected a JSON object")
    put("badline.jsonl", "{not json}\n", "malformed JSON")
    put("deepline.jsonl", "[" * 20_000 + "]" * 20_000 + "\n", "nested too deeply")
    put("event.jsonl", line({**GOOD, "id": "e", "text": "نص آخر", "events": [{"x": 1}]}), "bad event")
    huge = {"event_type": "Riots", "sub_event_type": "Mob violence", "fatalities": 10**30}
    put(
        "huge.jsonl", line({**GOOD, "id": "h", "text": "نص ثالث", "events": [huge]}), "not a number of people"
    )
    return expected


def test_read_inputs_one_problem_per_bad_input(tmp_path: Path) -> None:
    expected = hostile_folder(tmp_path / "in")
    items = list(read_inputs([str(tmp_path / "in")]))
    problems = {Path(p.origin.split(":")[0]).name: p.message for p in items if isinstance(p, Problem)}
    assert [i.article.id for i in items if isinstance(i, Input)] == ["good"]
    assert set(problems) == set(expected)
    for name, message in expected.items():
        assert message in problems[name], (name, problems[name])
        assert "\n" not in problems[name] and "Traceback" not in problems[name]


def test_cli_ingest_skips_each_bad_input_and_stores_the_rest(tmp_path: Path) -> None:
    expected = hostile_folder(tmp_path / "in")
    db = tmp_path / "r.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert f"errors {len(expected)}" in result.output and "new 1" in result.output
    skipped = [x for x in result.output.splitlines() if x.startswith("skipped:")]
    assert len(skipped) == len(expected)
    for name, message in expected.items():
        assert any(name in x and message in x for x in skipped), name
    store = SQLiteStore(db)
    assert store.counts()["articles"] == 1
    store.close()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("big.txt", "ن" * CAP, "larger than"),
        ("bomb.jsonl.gz", gzip.compress(b" " * (16 * 1024 * 1024), 9), "decompresses to more than"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin.txt", "Ça déjà vu, naïve.".encode("latin-1"), "cannot decode"),
        ("year1.jsonl", line({**GOOD, "published": "0001-01-01"}), "out of range"),
        ("deep.jsonl", "[" * 20_000 + "]" * 20_000, "nested too deeply"),
        ("line.jsonl", line(GOOD) + "{oops\n", "line.jsonl:2: malformed JSON"),
    ],
)
def test_cli_extract_one_error_line(tmp_path: Path, name: str, data: str | bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], result.output


def test_cli_extract_stdin_over_the_cap_is_refused_not_cut() -> None:
    result = CliRunner().invoke(app, ["extract", "-"], input="ن" * CAP)
    assert result.exit_code == 1 and "<stdin>: larger than" in result.output


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "2021-13-01"])
def test_cli_published_option_out_of_range(tmp_path: Path, value: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD["text"], encoding="utf-8")
    for command in (["extract", str(path)], ["ingest", str(path), "--db", str(tmp_path / "r.db")]):
        result = CliRunner().invoke(app, [*command, "--published", value])
        assert result.exit_code == 1 and "--published date" in result.output, result.output


# --- API --------------------------------------------------------------------------------------


@pytest.fixture
def api(tmp_path: Path) -> tuple[TestClient, dict[str, str]]:
    db = tmp_path / "api.db"
    store = SQLiteStore(db)
    token = create_token(store, "tester")
    store.close()
    client = TestClient(create_app(Settings(db=str(db), max_body=64 * 1024)), raise_server_exceptions=False)
    return client, {"Authorization": f"Bearer {token}"}


def _error(r: object) -> str:
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and isinstance(body["error"], str) and "\n" not in body["error"]
    return body["error"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"articles": [{**GOOD, "published": "0001-01-01"}]}, 422, "out of range"),
        ({"articles": [{**GOOD, "published": "9999-12-31"}]}, 422, "out of range"),
        ({"articles": [{**GOOD, "published": "2021-02-30"}]}, 422, "published"),
        ({"articles": [{"text": "  \n "}]}, 422, "empty text"),
        ({"articles": [{"text": GOOD["text"], "title": ["x"]}]}, 422, "title"),
        ({"articles": []}, 422, "articles"),
        ({"articles": [{"text": "ن"}] * 101}, 422, "articles"),
        ({"articles": [{"text": "ن" * 200_001}]}, 413, "too large"),
        ([1, 2], 422, "invalid request"),
    ],
)
def test_api_post_articles_rejects_bad_bodies(
    api: tuple[TestClient, dict[str, str]], body: object, status: int, message: str
) -> None:
    client, headers = api
    r = client.post("/api/articles", json=body, headers=headers)
    assert r.status_code == status, r.text
    assert message in _error(r)


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 30_000 + b"]" * 30_000,  # nesting past the JSON parser's recursion limit
        b"\xff\xfe\x00garbage",
        b'{"articles": [{"text": "\\ud800"}]}',  # a lone surrogate
        b'{"articles": [{"text": "abc"',
        b"",
    ],
)
def test_api_malformed_json_is_a_clear_4xx(api: tuple[TestClient, dict[str, str]], raw: bytes) -> None:
    client, headers = api
    for method, path in (("POST", "/api/articles"), ("PATCH", "/api/events/E1")):
        r = client.request(method, path, content=raw, headers={**headers, "Content-Type": "application/json"})
        assert 400 <= r.status_code < 500, (path, r.status_code, r.text)
        _error(r)


def test_api_nul_and_huge_numbers_in_queries(api: tuple[TestClient, dict[str, str]]) -> None:
    client, headers = api
    r = client.post("/api/articles", json={"articles": [GOOD]}, headers=headers)
    assert r.status_code == 201, r.text
    for params in ({"q": "\x00"}, {"q": "قتل\x00"}, {"actor": "\x00"}, {"admin1": "\x00"}):
        assert client.get("/api/events", params=params).status_code == 200, params
    assert client.get("/api/events", params={"q": "مدنيين\x00"}).json()["total"] >= 1
    for params in ({"offset": str(2**70)}, {"min_fatalities": str(2**64)}, {"limit": "0"}):
        r = client.get("/api/events", params=params)
        assert r.status_code == 422, (params, r.text)
        _error(r)
    for params in ({"since": "0001-01-01", "until": "9999-12-31"}, {"bbox": "nan,nan,nan,nan"}):
        assert client.get("/api/events", params=params).status_code == 200


def test_api_limits_come_from_settings(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    client = TestClient(create_app(Settings(db=str(db), max_body=100)))
    r = client.post("/api/articles", content=b"x" * 101, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "limit 100 bytes" in _error(r)
    r = client.patch("/api/events/E1", content=b"x" * 101, headers={"Content-Type": "application/json"})
    assert r.status_code == 413


# --- values the store cannot hold -------------------------------------------------------------


def test_a_count_past_any_population_is_not_a_casualty_figure() -> None:
    from rasid.pipeline import default_pipeline

    for figure in ("99999999999999999999999", "1,000,000,000,000,000,000,000"):
        text = f"قتل {figure} مدنيين بقصف على بغداد أمس."
        events = default_pipeline().extract(Article("x", text, dt.date(2021, 7, 30)))
        assert events and all(e.fatalities is None for e in events)


def test_an_unstorable_article_is_skipped_and_its_batch_still_stored(tmp_path: Path) -> None:
    from rasid.store.ingest import ingest

    def extract(article: Article) -> list[Event]:
        killed = 10**30 if article.id == "bad" else 3
        return [Event("Violence against civilians", "Attack", date=dt.date(2021, 7, 29), fatalities=killed)]

    inputs = [Input(Article(f"a{i}", f"نص رقم {i}"), f"in:{i}") for i in range(5)]
    inputs.insert(2, Input(Article("bad", "نص معطوب"), "in:bad"))
    store = SQLiteStore(tmp_path / "r.db")
    summary = ingest(inputs, store, extract, batch_size=10)
    assert summary.new == 5 and [p.origin for p in summary.errors] == ["in:bad"]
    assert "cannot store (OverflowError" in summary.errors[0].message
    assert store.counts()["articles"] == 5
    store.close()
