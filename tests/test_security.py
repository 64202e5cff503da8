"""API security: hashed tokens compared in constant time, every write endpoint closed without a
valid token, CORS closed by default, SQL injection in every parameter harmless, size limits.

Routes and parameters are read from the app's OpenAPI schema, so an endpoint added later is
covered without editing this file.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import textwrap
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rasid.cli import app as cli_app
from rasid.model import Actor, Article, Event, Location, Span
from rasid.serve import Settings, create_app
from rasid.store import Item, SQLiteStore
from rasid.store import tokens as tokens_module

ATTACKS = [
    "'; DROP TABLE events; --",
    "' OR '1'='1",
    '" OR 1=1 --',
    "') OR ('1'='1",
    "%' OR 1=1 --",
    "1 UNION SELECT name, sql FROM sqlite_master --",
    "E1'; UPDATE events SET fatalities = 666; --",
    "\\'; DELETE FROM articles; --",
    "NEAR(a b) OR *",
    "\x00' OR 1=1",
]
TEXT = "قتل خمسة مدنيين في قصف مدفعي على بلدة سرمين أمس."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "sec.db"
    store = SQLiteStore(path)
    items = []
    for i in range(3):
        text = TEXT + f" تقرير {i}."
        event = Event(
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            date=dt.date(2024, 5, 1 + 5 * i),
            time_precision=1,
            location=Location("Sarmin", "سرمين", "SY", "Idlib", 35.9, 36.72, 1),
            actor1=Actor("Military Forces of Syria", None, 1),
            fatalities=5,
            evidence=Span.of(text, 0, len(TEXT)),
        )
        items.append(Item(Article(f"s{i}", text, dt.date(2024, 5, 2 + 5 * i), "مثال"), [event]))
    store.add_batch(items, extractor="test")
    store.close()
    return path


def cli_token(db: Path, name: str = "reviewer") -> str:
    result = CliRunner().invoke(cli_app, ["token", "create", name, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture
def client(db: Path) -> TestClient:
    return TestClient(create_app(Settings(db=str(db))), raise_server_exceptions=False)


def contents(db: Path) -> dict[str, Any]:
    store = SQLiteStore(db)
    try:
        return store.snapshot()
    finally:
        store.close()


def routes(client: TestClient, methods: set[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) for every API operation with one of `methods`."""
    schema = client.app.openapi()  # type: ignore[attr-defined]
    return [
        (method.upper(), path, op)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
        if method.upper() in methods and path.startswith("/api/")
    ]


# --- tokens -----------------------------------------------------------------------------------


def test_tokens_are_stored_only_as_salted_hashes(db: Path) -> None:
    token = cli_token(db)
    other = cli_token(db, "second")
    store = SQLiteStore(db)
    try:
        rows = store.db.execute("SELECT name, salt, hash FROM api_tokens ORDER BY name").fetchall()
        dump = "\n".join(store.db.iterdump())
    finally:
        store.close()
    assert [r["name"] for r in rows] == ["reviewer", "second"]
    assert token not in dump and other not in dump and token[4:] not in dump
    assert rows[0]["salt"] != rows[1]["salt"]
    for row in rows:
        assert len(row["hash"]) == 64 and int(row["hash"], 16) >= 0  # a SHA-256 hex digest
    # Neither the database file nor its WAL holds the token in clear.
    for path in db.parent.glob(db.name + "*"):
        assert token.encode() not in path.read_bytes(), path


def test_token_comparison_is_constant_time() -> None:
    source = textwrap.dedent(inspect.getsource(tokens_module.verify_token))
    tree = ast.parse(source)
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Attribute)
        and n.func.attr == "compare_digest"
        and isinstance(n.func.value, ast.Name)
        and n.func.value.id == "hmac"
    ]
    assert len(calls) == 1
    # No ordinary comparison of secrets, and no early exit from the loop over stored hashes.
    compared = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Compare)]
    assert not any("hash" in c or "digest" in c for c in compared), compared
    loop = next(n for n in ast.walk(tree) if isinstance(n, ast.For))
    assert not any(isinstance(n, ast.Return | ast.Break) for n in ast.walk(loop))


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer ",
        "Bearer wrong",
        "Bearer rsd_" + "A" * 43,
        "Bearer " + "x" * 10_000,
        "Basic cmV2aWV3ZXI6c2VjcmV0",
        "Token {token}",
        "Bearer {token}x",
        "Bearer {token_upper}",
        "bearer{token}",
    ],
)
def test_every_write_endpoint_refuses_a_missing_or_wrong_token(
    client: TestClient, db: Path, header: str | None
) -> None:
    token = cli_token(db)
    event_id = client.get("/api/events").json()["events"][0]["id"]
    before = contents(db)
    writes = routes(client, {"POST", "PATCH", "PUT", "DELETE"})
    assert {(m, p) for m, p, _ in writes} >= {
        ("POST", "/api/articles"),
        ("PATCH", "/api/events/{event_id}"),
        ("POST", "/api/events/{event_id}/merge"),
        ("POST", "/api/events/{event_id}/split"),
        ("DELETE", "/api/events/{event_id}"),
        ("POST", "/api/events/{event_id}/restore"),
    }
    bodies = {
        "/api/articles": {"articles": [{"text": TEXT}]},
        "/api/events/{event_id}": {"fatalities": 0},
        "/api/events/{event_id}/merge": {"with": [event_id]},
    }
    headers = {}
    if header is not None:
        headers["Authorization"] = header.format(token=token, token_upper=token.upper())
    for method, path, _op in writes:
        body = bodies.get(path) if method != "DELETE" else None
        r = client.request(method, path.replace("{event_id}", event_id), json=body, headers=headers)
        assert r.status_code in (401, 403), (method, path, header, r.status_code, r.text)
        assert set(r.json()) == {"error"}
    assert client.get("/api/whoami", headers=headers).status_code in (401, 403)
    assert contents(db) == before  # nothing written, not even the audit log


# --- CORS -------------------------------------------------------------------------------------


def test_cors_closed_by_default_and_open_only_to_configured_origins(db: Path) -> None:
    evil = {"Origin": "https://evil.example"}
    preflight = {
        **evil,
        "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "authorization",
    }
    closed = TestClient(create_app(Settings(db=str(db))))
    for r in (
        closed.get("/api/events", headers=evil),
        closed.post("/api/articles", json={"articles": [{"text": TEXT}]}, headers=evil),
        closed.options("/api/events/E1", headers=preflight),
        closed.get("/", headers=evil),
    ):
        assert not any(h.startswith("access-control-") for h in r.headers), dict(r.headers)
    opened = TestClient(create_app(Settings(db=str(db), cors_origins=("https://team.example",))))
    good = opened.get("/api/events", headers={"Origin": "https://team.example"})
    assert good.headers["access-control-allow-origin"] == "https://team.example"
    assert "access-control-allow-origin" not in opened.get("/api/events", headers=evil).headers
    assert "access-control-allow-origin" not in opened.options("/api/events", headers=preflight).headers


# --- SQL injection ----------------------------------------------------------------------------


def test_sql_injection_in_every_query_parameter_is_harmless(client: TestClient, db: Path) -> None:
    before = contents(db)
    total = client.get("/api/events").json()["total"]
    assert total == 3
    tried = 0
    for _method, path, op in routes(client, {"GET"}):
        if "{" in path:
            continue
        for param in op.get("parameters", []):
            if param["in"] != "query":
                continue
            for attack in ATTACKS:
                r = client.get(path, params={param["name"]: attack})
                tried += 1
                assert r.status_code in (200, 400, 422), (path, param["name"], attack, r.text)
                if path == "/api/events" and r.status_code == 200 and param["name"] != "include_optional":
                    assert r.json()["total"] in (0, total), (param["name"], attack)
    assert tried >= 10 * len(ATTACKS)
    assert contents(db) == before
    assert client.get("/api/events").json()["total"] == total


def test_sql_injection_in_paths_and_bodies_is_harmless(client: TestClient, db: Path) -> None:
    token = cli_token(db)
    auth = {"Authorization": f"Bearer {token}"}
    event_id = client.get("/api/events").json()["events"][0]["id"]
    before = contents(db)
    for raw in ATTACKS:
        attack = quote(raw, safe="")
        assert client.get(f"/api/events/{attack}").status_code in (404, 422)
        assert client.get(f"/api/articles/{attack}").status_code in (404, 422)
        assert client.patch(f"/api/events/{attack}", json={"fatalities": 1}, headers=auth).status_code == 404
        assert client.delete(f"/api/events/{attack}", headers=auth).status_code in (400, 404)
        assert client.post(f"/api/events/{attack}/restore", headers=auth).status_code in (400, 404)
        merge = client.post(f"/api/events/{event_id}/merge", json={"with": [raw]}, headers=auth)
        assert merge.status_code in (400, 404)
        assert client.post(f"/api/events/{attack}/split", headers=auth).status_code in (400, 404)
        # Field names reach an f-string in the store: only the vocabulary may get there.
        for changes in ({raw: 1}, {f"fatalities = 0, notes = '{raw}' --": 1}):
            r = client.patch(f"/api/events/{event_id}", json=changes, headers=auth)
            assert r.status_code == 400 and "cannot be corrected" in r.json()["error"]
    # Values are stored as data, quoted exactly.
    r = client.patch(f"/api/events/{event_id}", json={"notes": ATTACKS[0]}, headers=auth)
    assert r.status_code == 200 and r.json()["notes"] == ATTACKS[0]
    after = contents(db)
    for table in ("articles", "places", "actors", "sources", "merge_blocks"):
        assert after[table] == before[table], table
    assert client.get("/api/events").json()["total"] == 3


# --- size limits ------------------------------------------------------------------------------


def test_request_size_limits_on_every_write(db: Path) -> None:
    client = TestClient(create_app(Settings(db=str(db), max_body=2000)), raise_server_exceptions=False)
    token = cli_token(db)
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    event_id = client.get("/api/events").json()["events"][0]["id"]
    for method, path, _op in routes(client, {"POST", "PATCH", "PUT"}):
        url = path.replace("{event_id}", event_id)
        big = client.request(method, url, content=b'{"x": "' + b"a" * 3000 + b'"}', headers=auth)
        assert big.status_code == 413, (path, big.text)
        assert big.json() == {"error": "request body too large (limit 2000 bytes)"}
        # A declared length is enough to refuse, before any byte is read; so is a bogus one.
        for declared in ("999999999", "-1x"):
            r = client.request(method, url, content=b"{}", headers={**auth, "Content-Length": declared})
            assert r.status_code == 413, (path, declared)
