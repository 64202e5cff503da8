"""The REST API: filters, paging, auth, review actions, limits, JSON errors, hostile input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rasid.cli import app as cli_app
from rasid.model import Actor, Article, Event, Location, Span
from rasid.serve import Settings, create_app
from rasid.store import Item, SQLiteStore
from rasid.store.tokens import create_token, verify_token

# (id, text, published, event type, sub-type, date, place, admin1, country, lat, lon, actor, killed)
ARTICLES = [
    (
        "a1",
        "قتل خمسة مدنيين في قصف مدفعي على بلدة سرمين.",
        "2024-05-06",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "2024-05-06",
        "Sarmin",
        "Idlib",
        "SY",
        35.9,
        36.72,
        "Syrian Army",
        5,
    ),
    (
        "a2",
        "تظاهر مئات في ساحة التحرير ببغداد للمطالبة بالإصلاح.",
        "2024-05-07",
        "Protests",
        "Peaceful protest",
        "2024-05-07",
        "Baghdad",
        "Baghdad",
        "IQ",
        33.34,
        44.4,
        "Protesters (Iraq)",
        None,
    ),
    (
        "a3",
        "اشتباكات بين قوات الأمن ومسلحين من تنظيم داعش قرب كركوك أسفرت عن مقتل ثلاثة.",
        "2024-05-08",
        "Battles",
        "Armed clash",
        "2024-05-08",
        "Kirkuk",
        "Kirkuk",
        "IQ",
        35.47,
        44.39,
        "Islamic State",
        3,
    ),
    (
        "a4",
        "سقطت قذيفة على حي سكني في الموصل دون إصابات.",
        "2024-05-10",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "2024-05-10",
        "Mosul",
        "Nineveh",
        "IQ",
        36.34,
        43.13,
        "Unidentified armed group",
        0,
    ),
]


def _event(row: tuple[Any, ...]) -> Event:
    _aid, text, _pub, etype, sub, date, place, admin1, country, lat, lon, actor, killed = row
    return Event(
        etype,
        sub,
        date=dt.date.fromisoformat(date),
        time_precision=1,
        location=Location(place, None, country, admin1, lat, lon, 1),
        actor1=Actor(actor, None, 1),
        fatalities=killed,
        evidence=Span.of(text, 0, len(text)),
        spans={"event_type": Span.of(text, 0, 3)},
        confidence=0.9,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "rasid.db"
    store = SQLiteStore(path)
    items = [
        Item(Article(r[0], r[1], dt.date.fromisoformat(r[2]), "مثال", None, "عنوان " + r[0]), [_event(r)])
        for r in ARTICLES
    ]
    store.add_batch(items, extractor="test")
    store.close()
    return path


@pytest.fixture
def token(db: Path) -> str:
    store = SQLiteStore(db)
    try:
        return create_token(store, "reviewer")
    finally:
        store.close()


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(Settings(db=str(db))))


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["location"] for e in response.json()["events"]]


def test_list_filters_sort_and_paging(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 4 and [e["date"] for e in body["events"]] == sorted(
        [e["date"] for e in body["events"]], reverse=True
    )
    assert ids(client.get("/api/events?country=iq&sort=date")) == ["Baghdad", "Kirkuk", "Mosul"]
    assert ids(client.get("/api/events?since=2024-05-07&until=2024-05-08&sort=date")) == ["Baghdad", "Kirkuk"]
    assert ids(client.get("/api/events?type=Battles")) == ["Kirkuk"]
    assert ids(client.get("/api/events?type=shelling/artillery/missile attack&sort=date")) == [
        "Sarmin",
        "Mosul",
    ]
    assert ids(client.get("/api/events?admin1=nineveh")) == ["Mosul"]
    assert ids(client.get("/api/events?bbox=43,33,45,35")) == ["Baghdad"]
    assert ids(client.get("/api/events?actor=islamic")) == ["Kirkuk"]
    assert ids(client.get("/api/events?min_fatalities=3&sort=-fatalities")) == ["Sarmin", "Kirkuk"]
    # Full-text search over the source articles, with Arabic normalisation (أ/ا, ة/ه).
    assert ids(client.get("/api/events", params={"q": "التحرير"})) == ["Baghdad"]
    assert ids(client.get("/api/events", params={"q": "داعش كركوك"})) == ["Kirkuk"]
    page1 = client.get("/api/events?sort=date&limit=2").json()
    page2 = client.get("/api/events?sort=date&limit=2&offset=2").json()
    assert page1["total"] == page2["total"] == 4
    assert [e["location"] for e in page1["events"] + page2["events"]] == [
        "Sarmin",
        "Baghdad",
        "Kirkuk",
        "Mosul",
    ]


def test_event_detail_article_stats_geojson_export(client: TestClient) -> None:
    kirkuk = client.get("/api/events?admin1=Kirkuk").json()["events"][0]
    detail = client.get(f"/api/events/{kirkuk['id']}").json()
    source = detail["sources"][0]
    assert source["article_id"] == "a3" and source["evidence"].startswith("اشتباكات")
    assert source["highlights"] == [{"field": "event_type", "start": 0, "end": 3, "text": "اشت"}]
    assert detail["note"] and detail["history"] == []
    article = client.get("/api/articles/a3").json()
    assert article["text"] == ARTICLES[2][1]
    assert {s["field"] for s in article["spans"]} == {"evidence", "event_type"}
    assert all(article["text"][s["start"] : s["end"]] == s["text"] for s in article["spans"])
    stats = client.get("/api/stats?country=IQ").json()
    assert stats["events"] == 3 and stats["fatalities"] == 3
    assert {(d["date"], d["event_type"], d["events"]) for d in stats["by_day"]} == {
        ("2024-05-07", "Protests", 1),
        ("2024-05-08", "Battles", 1),
        ("2024-05-10", "Explosions/Remote violence", 1),
    }
    assert stats["by_country"] == [{"country": "IQ", "events": 3, "fatalities": 3}]
    assert {a["actor"] for a in stats["by_actor"]} == {
        "Protesters (Iraq)",
        "Islamic State",
        "Unidentified armed group",
    }
    geo = client.get("/api/events.geojson?country=SY").json()
    assert geo["features"][0]["geometry"] == {"type": "Point", "coordinates": [36.72, 35.9]}
    csv_text = client.get("/api/export?format=acled-csv&country=SY").text
    assert csv_text.startswith("event_id_cnty,") and "Sarmin" in csv_text and "Mosul" not in csv_text
    assert client.get("/api/export?format=xml").json() == {
        "error": "unknown format 'xml' (use acled-csv, geojson, jsonl)"
    }


def test_writes_need_a_valid_token(client: TestClient, token: str) -> None:
    event_id = client.get("/api/events").json()["events"][0]["id"]
    no = client.patch(f"/api/events/{event_id}", json={"fatalities": 9})
    assert no.status_code == 401 and "token" in no.json()["error"]
    bad = client.patch(f"/api/events/{event_id}", json={"fatalities": 9}, headers=auth(token + "x"))
    assert bad.status_code == 403 and bad.json() == {"error": "invalid token"}
    assert client.delete(f"/api/events/{event_id}").status_code == 401
    assert client.post("/api/articles", json={"articles": [{"text": "نص"}]}).status_code == 401
    ok = client.patch(f"/api/events/{event_id}", json={"fatalities": 9}, headers=auth(token))
    assert ok.status_code == 200 and ok.json()["fatalities"] == 9
    assert ok.json()["location"] == "Mosul"  # the newest incident, listed first
    assert ok.json()["history"][-1] | {"at": None} == {
        "at": None,
        "who": "reviewer",
        "field": "fatalities",
        "old": 0,
        "new": 9,
    }
    assert client.get("/api/whoami", headers=auth(token)).json() == {"name": "reviewer"}


def test_token_storage_is_salted_and_hashed(db: Path) -> None:
    store = SQLiteStore(db)
    try:
        one = create_token(store, "one")
        row = store.db.execute("SELECT salt, hash FROM api_tokens WHERE name = 'one'").fetchone()
        assert one not in (row["salt"], row["hash"]) and len(row["salt"]) == 32
        assert verify_token(store, one) == "one" and verify_token(store, one[:-1]) is None
        two = create_token(store, "one")  # re-creating replaces the old token
        assert verify_token(store, one) is None and verify_token(store, two) == "one"
    finally:
        store.close()


def test_private_mode_closes_reads(db: Path, token: str) -> None:
    client = TestClient(create_app(Settings(db=str(db), private=True)))
    assert client.get("/api/events").status_code == 401
    assert client.get("/api/stats").status_code == 401
    assert client.get("/api/events", headers=auth(token)).json()["total"] == 4
    assert client.get("/").status_code == 200  # the page itself holds no data


def test_review_actions_are_audited(client: TestClient, token: str) -> None:
    rows = {e["location"]: e["id"] for e in client.get("/api/events").json()["events"]}
    # edit any field, including place and actors
    r = client.patch(
        f"/api/events/{rows['Mosul']}",
        json={
            "weapon": "mortar",
            "location": {"name": "Tal Afar", "country": "IQ", "lat": 36.37, "lon": 42.45},
            "actor2": {"name": "Civilians (Iraq)", "inter": 7},
        },
        headers=auth(token),
    )
    assert r.status_code == 200, r.text
    d = r.json()
    assert (d["weapon"], d["location"], d["actor2"], d["interaction"]) == (
        "mortar",
        "Tal Afar",
        "Civilians (Iraq)",
        "17",
    )
    assert [h["field"] for h in d["history"]] == ["weapon", "location", "actor2"]
    # merge, split
    merged = client.post(
        f"/api/events/{rows['Kirkuk']}/merge", json={"with": [rows["Mosul"]]}, headers=auth(token)
    )
    assert merged.json() == {"id": rows["Kirkuk"], "merged": [rows["Mosul"]]}
    assert client.get(f"/api/events/{rows['Mosul']}").status_code == 404
    assert client.get(f"/api/events/{rows['Kirkuk']}").json()["n_sources"] == 2
    split = client.post(f"/api/events/{rows['Kirkuk']}/split", json={"article_id": "a4"}, headers=auth(token))
    assert split.status_code == 200 and len(split.json()["new"]) == 1
    # mark as not an event: hidden from lists, stats and exports; restorable
    gone = client.delete(f"/api/events/{rows['Baghdad']}", headers=auth(token))
    assert gone.json() == {"id": rows["Baghdad"], "rejected": True}
    assert "Baghdad" not in ids(client.get("/api/events"))
    assert "Baghdad" not in client.get("/api/export?format=acled-csv").text
    assert client.get("/api/stats").json()["events"] == 3
    assert client.get(f"/api/events/{rows['Baghdad']}").json()["rejected"] is True
    client.post(f"/api/events/{rows['Baghdad']}/restore", headers=auth(token))
    assert "Baghdad" in ids(client.get("/api/events"))
    history = client.get(f"/api/events/{rows['Baghdad']}").json()["history"]
    assert [(h["field"], h["old"], h["new"], h["who"]) for h in history] == [
        ("rejected", False, True, "reviewer"),
        ("rejected", True, False, "reviewer"),
    ]


def test_bad_values_and_unknown_things_are_clear_json_errors(client: TestClient, token: str) -> None:
    event_id = client.get("/api/events").json()["events"][0]["id"]
    cases = [
        ("patch", f"/api/events/{event_id}", {"fatalities": -1}, 400, "fatalities: expected a non-negative"),
        ("patch", f"/api/events/{event_id}", {"event_type": "Picnic"}, 400, "event_type: expected one of"),
        ("patch", f"/api/events/{event_id}", {"date": "yesterday"}, 400, "date: expected YYYY-MM-DD"),
        ("patch", f"/api/events/{event_id}", {"id": "x"}, 400, "field 'id' cannot be corrected"),
        ("patch", f"/api/events/{event_id}", {"location": {"name": "X", "lat": 500}}, 400, "out of range"),
        ("patch", "/api/events/Enope", {"fatalities": 1}, 404, "no event 'Enope'"),
        ("post", f"/api/events/{event_id}/merge", {"with": ["Enope"]}, 404, "no event 'Enope'"),
        ("post", f"/api/events/{event_id}/split", {}, 400, "single source"),
        ("post", "/api/articles", {"articles": []}, 422, "articles: List should have at least 1 item"),
    ]
    for method, url, body, status, message in cases:
        r = getattr(client, method)(url, json=body, headers=auth(token))
        assert r.status_code == status, (url, body, r.text)
        assert message in r.json()["error"], r.json()
    assert client.get("/api/events?since=2024-13-01").status_code == 422
    assert "since" in client.get("/api/events?since=2024-13-01").json()["error"]
    assert client.get("/api/events?sort=password").json()["error"].startswith("cannot sort by 'password'")
    assert client.get("/api/events?bbox=1,2,3").json() == {
        "error": "bbox: expected min_lon,min_lat,max_lon,max_lat"
    }
    assert client.get("/api/events?limit=100000").status_code == 422
    assert client.get("/api/events/Enope").json() == {"error": "no event 'Enope'"}
    assert client.get("/api/nothing").json() == {"error": "no such resource: /api/nothing"}
    bad_json = client.patch(
        f"/api/events/{event_id}",
        content=b"{not json",
        headers={**auth(token), "Content-Type": "application/json"},
    )
    assert bad_json.status_code == 422 and "error" in bad_json.json()


def test_sql_injection_strings_are_harmless(client: TestClient, db: Path) -> None:
    attack = "'; DROP TABLE events; --"
    for param in ("actor", "q", "admin1", "type", "sort"):
        r = client.get("/api/events", params={param: attack})
        assert r.status_code in (200, 400), r.text
        if r.status_code == 200:
            assert r.json()["total"] == 0
    assert client.get("/api/events", params={"actor": "%"}).json()["total"] == 0  # LIKE wildcards are literal
    assert client.get(f"/api/events/{attack}").status_code == 404
    assert client.get("/api/stats", params={"q": attack}).json()["events"] == 0
    assert client.get("/api/events").json()["total"] == 4
    store = SQLiteStore(db)
    assert store.counts()["events"] == 4
    store.close()


def test_body_size_limit(db: Path, token: str) -> None:
    client = TestClient(create_app(Settings(db=str(db), max_body=1000)))
    big = {"articles": [{"text": "ن" * 2000}]}
    r = client.post("/api/articles", json=big, headers=auth(token))
    assert r.status_code == 413 and r.json() == {"error": "request body too large (limit 1000 bytes)"}

    def chunks() -> Any:  # no Content-Length: counted while streaming
        for _ in range(5):
            yield b"x" * 400

    r = client.post("/api/articles", content=chunks(), headers=auth(token))
    assert r.status_code == 413
    long_text = TestClient(create_app(Settings(db=str(db)))).post(
        "/api/articles", json={"articles": [{"text": "ن" * 200_001}]}, headers=auth(token)
    )
    assert long_text.status_code == 422 and "text" in long_text.json()["error"]


def test_security_headers_and_closed_cors(client: TestClient) -> None:
    r = client.get("/", headers={"Origin": "https://evil.example"})
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in pre.headers
    assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/vendor/markercluster/leaflet.markercluster.js").status_code == 200
    countries = client.get("/basemap/countries.geojson").json()
    assert any(f["properties"]["iso_a2"] == "IQ" for f in countries["features"])
    assert len(client.get("/basemap/iraq_admin1.geojson").json()["features"]) == 18


def test_post_articles_extracts_and_a_correction_survives_reextraction(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = SQLiteStore(db)
    token = create_token(store, "ana")
    store.close()
    client = TestClient(create_app(Settings(db=str(db))))
    article = {
        "id": "t1",
        "published": "2024-03-15",
        "source": "مثال",
        "text": "قتل جنديان عراقيان وأصيب ثلاثة آخرون أمس الخميس بانفجار عبوة ناسفة استهدفت دوريتهم قرب قضاء الحويجة جنوب غرب كركوك.",
    }
    r = client.post("/api/articles", json={"articles": [article]}, headers=auth(token))
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["new"] == 1 and body["articles"][0]["article_id"] == "t1"
    (event_id,) = body["articles"][0]["events"]
    machine = client.get(f"/api/events/{event_id}").json()
    assert machine["fatalities"] == 2
    client.patch(f"/api/events/{event_id}", json={"fatalities": 4, "weapon": "landmine"}, headers=auth(token))
    # Re-extract the same article from the command line: the human's values stay.
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli_app, ["ingest", str(path), "--db", str(db), "--reextract"])
    assert result.exit_code == 0, result.output
    assert "re-extracted 1" in result.output
    after = client.get(f"/api/events/{event_id}").json()
    assert (after["fatalities"], after["weapon"]) == (4, "landmine")
    assert after["sources"][0]["event"]["fatalities"] == 2  # the machine's reading is kept beside it
    # and through the API as well
    again = client.post("/api/articles", json={"articles": [article], "reextract": True}, headers=auth(token))
    assert again.json()["reextracted"] == 1
    assert client.get(f"/api/events/{event_id}").json()["fatalities"] == 4


def test_token_cli(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    r = runner.invoke(cli_app, ["token", "create", "maha", "--db", str(db)])
    assert r.exit_code == 0
    token = r.stdout.strip().splitlines()[-1]
    assert token.startswith("rsd_")
    store = SQLiteStore(db)
    assert verify_token(store, token) == "maha"
    store.close()
    assert "maha" in runner.invoke(cli_app, ["token", "list", "--db", str(db)]).stdout
    bad = runner.invoke(cli_app, ["token", "create", "bad name!", "--db", str(db)])
    assert bad.exit_code == 1 and "token name" in bad.output
    assert runner.invoke(cli_app, ["token", "revoke", "maha", "--db", str(db)]).exit_code == 0
    assert runner.invoke(cli_app, ["token", "revoke", "maha", "--db", str(db)]).exit_code == 1


def test_readers_during_an_ingest_never_fail(client: TestClient, db: Path) -> None:
    import threading

    def write() -> None:
        store = SQLiteStore(db)
        try:
            for b in range(10):
                items = []
                for i in range(30):
                    text = f"سقطت قذيفة رقم {b}-{i} على حي سكني."
                    event = Event(
                        "Explosions/Remote violence",
                        "Shelling/artillery/missile attack",
                        date=dt.date(2020, 1, 1) + dt.timedelta(days=3 * (b * 30 + i)),  # never merged
                        location=Location(f"Place {b}-{i}", None, "YE", None, 15.0, 44.0, 1),
                        evidence=Span.of(text, 0, len(text)),
                    )
                    items.append(Item(Article(f"w{b}-{i}", text), [event]))
                store.add_batch(items)
        finally:
            store.close()

    writer = threading.Thread(target=write)
    writer.start()
    statuses = set()
    while writer.is_alive():
        statuses.add(client.get("/api/events?country=YE&limit=5").status_code)
        statuses.add(client.get("/api/stats").status_code)
    writer.join()
    assert statuses == {200}
    assert client.get("/api/events?country=YE").json()["total"] == 300
