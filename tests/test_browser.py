"""The dashboard in a real browser: Playwright driving Debian's chromium against `rasid serve`.

Skipped when chromium or playwright is missing (install: apt-get install -y chromium).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from rasid.io.inputs import Input
from rasid.model import Article, Event, Location, Span
from rasid.store import SQLiteStore
from rasid.store.ingest import ingest
from rasid.store.tokens import create_token

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "articles.jsonl"
SCREENSHOT = ROOT / "test-output" / "dashboard.png"

if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

XSS_SENTENCE = (
    'قتل ثلاثة مدنيين <img src=x onerror="window.__xss=1"> بقصف مدفعي على بلدة كفرنبل'
    " <script>window.__xss=1</script> صباح الثلاثاء."
)


def _xss_input() -> Input:
    text = XSS_SENTENCE + " وقال شهود إن القصف استمر ساعة."
    evidence = Span.of(text, 0, len(XSS_SENTENCE))
    start = text.index("قتل ثلاثة")
    event = Event(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        date=dt.date(2024, 5, 7),
        time_precision=1,
        location=Location(
            'Kafr Nabl <img src=x onerror="window.__xss=1">', "كفرنبل", "SY", "Idlib", 35.61, 36.56, 1
        ),
        fatalities=3,
        evidence=evidence,
        spans={"fatalities": Span.of(text, start, start + len("قتل ثلاثة"))},
        confidence=0.8,
    )
    article = Article(
        "xss1",
        text,
        published=dt.date(2024, 5, 8),
        source="<script>window.__xss=1</script>",
        title='<img src=x onerror="window.__xss=1">عنوان',
    )
    return Input(article, "test", [event])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db = tmp_path_factory.mktemp("serve") / "rasid.db"
    store = SQLiteStore(db)
    from rasid.io.inputs import read_inputs

    summary = ingest(read_inputs([str(SAMPLES)], None, False), store)
    assert summary.errors == [] and summary.new >= 10
    ingest([_xss_input()], store, input_events=True)
    token = create_token(store, "tester")
    store.close()
    port = _free_port()
    cmd = [
        sys.executable,
        "-c",
        "from rasid.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/api/config", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail("rasid serve exited: " + proc.stderr.read().decode()[-2000:])
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("rasid serve did not start")
    yield {"base": base, "token": token, "db": db}
    proc.terminate()
    proc.wait(timeout=10)


def _get(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=5) as r:
        return json.load(r)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: dict[str, Any]) -> Iterator[Any]:
    # bypass_csp lets Playwright evaluate its wait conditions; it also means the XSS test checks the
    # page's own escaping, not the Content-Security-Policy that would block inline scripts anyway.
    context = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=True)
    pg = context.new_page()
    pg.problems = []  # console errors and uncaught exceptions
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.problems.append("dialog: " + d.message), d.dismiss()))
    pg.goto(server["base"] + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=15000)
    yield pg
    context.close()


def _rows(page: Any) -> int:
    return page.locator("#events-table tbody tr").count()


def test_page_loads_without_console_errors_and_screenshot(page: Any, server: dict[str, Any]) -> None:
    total = _get(server["base"], "/api/events")["total"]
    assert _rows(page) == total
    assert page.locator("#kpi-events").inner_text() == str(total)
    page.locator("#events-table tbody tr").first.click()
    page.wait_for_selector("#panel-body .evidence")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert page.problems == []


def test_map_shows_one_marker_or_cluster_count_per_incident(page: Any, server: dict[str, Any]) -> None:
    events = _get(server["base"], "/api/events?limit=1000")["events"]
    placed = sum(1 for e in events if e["lat"] is not None)
    assert placed >= 10

    def shown() -> int:
        markers = page.locator("path.rasid-marker").count()
        return markers + sum(int(t) for t in page.locator(".marker-cluster span").all_inner_texts())

    for _ in range(50):  # the clusters settle after their animation
        if shown() == placed:
            break
        page.wait_for_timeout(100)
    assert shown() == placed


def test_timeline_click_filters_the_table(page: Any, server: dict[str, Any]) -> None:
    events = _get(server["base"], "/api/events?limit=1000")["events"]
    day = next(e["date"] for e in events if e["date"])
    expected = sum(1 for e in events if e["date"] == day)
    assert _rows(page) == len(events) > expected
    box = page.locator(f"#timeline g.day[data-date='{day}'] rect").last.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function(f"document.querySelectorAll('#events-table tbody tr').length === {expected}")
    dates = page.locator("#events-table tbody tr td:first-child").all_inner_texts()
    assert dates == [day] * expected
    assert page.locator("#timeline-selection").inner_text() == day
    page.click("#timeline-clear")
    page.wait_for_function(f"document.querySelectorAll('#events-table tbody tr').length === {len(events)}")


def test_event_panel_shows_arabic_evidence_rtl_with_highlights(page: Any, server: dict[str, Any]) -> None:
    events = _get(server["base"], "/api/events?sort=-fatalities&limit=1")["events"]
    detail = _get(server["base"], f"/api/events/{events[0]['id']}")
    page.locator(f"#events-table tbody tr[data-id='{events[0]['id']}']").click()
    evidence = page.locator("#panel-body .evidence").first
    evidence.wait_for()
    assert evidence.get_attribute("dir") == "rtl"
    assert evidence.get_attribute("lang") == "ar"
    assert evidence.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert evidence.inner_text() == detail["sources"][0]["evidence"]
    marks = evidence.locator("mark").all_inner_texts()
    assert marks and marks == [h["text"] for h in detail["sources"][0]["highlights"]]
    assert page.locator("#panel-body .note").inner_text() == detail["note"]


def _edit_fatalities(page: Any, event_id: str, value: int) -> None:
    # The panel may still be re-rendering (a token change reloads the events and selects again): a
    # click that lands on a panel being replaced is tried again on the new one.
    for attempt in range(3):
        page.locator(f"#events-table tbody tr[data-id='{event_id}']").click()
        page.wait_for_selector("#panel-body [data-edit='fatalities']")
        try:
            page.locator("#panel-body [data-edit='fatalities']").click(force=True, timeout=5000)
            page.wait_for_selector("form[data-form='fatalities'] input", timeout=5000)
            break
        except sync_api.Error:
            if attempt == 2:
                raise
    page.fill("form[data-form='fatalities'] input", str(value))
    page.click("form[data-form='fatalities'] button[type='submit']")


def test_edit_with_token_persists_and_without_is_refused(page: Any, server: dict[str, Any]) -> None:
    base = server["base"]
    event = _get(base, "/api/events?country=IQ&limit=1")["events"][0]
    before = event["fatalities"]
    # A wrong token: the server refuses, the page says so, nothing changes.
    page.fill("#token", "rsd_not-a-real-token")
    page.dispatch_event("#token", "change")
    page.wait_for_selector("#whoami.bad")
    _edit_fatalities(page, event["id"], 42)
    page.wait_for_selector("#toast.error")
    assert "invalid token" in page.locator("#toast").inner_text()
    assert _get(base, f"/api/events/{event['id']}")["fatalities"] == before
    assert all("403" in p for p in page.problems)  # the browser logs the refused requests
    page.problems.clear()
    # The right token: saved, audited under the token's name, and still there after a reload.
    page.fill("#token", server["token"])
    page.dispatch_event("#token", "change")
    page.wait_for_function("document.getElementById('whoami').textContent.includes('tester')")
    _edit_fatalities(page, event["id"], 42)
    page.wait_for_function(
        "document.querySelector('#panel-body .history') &&"
        " document.querySelector('#panel-body .history').textContent.includes('fatalities')"
    )
    detail = _get(base, f"/api/events/{event['id']}")
    assert detail["fatalities"] == 42
    assert detail["history"][-1]["who"] == "tester" and detail["history"][-1]["old"] == before
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    row = page.locator(f"#events-table tbody tr[data-id='{event['id']}'] td.num").first
    assert row.inner_text() == "42"
    assert page.problems == []


def test_script_and_img_payloads_in_articles_never_execute(page: Any, server: dict[str, Any]) -> None:
    xss = _get(server["base"], "/api/events?q=" + quote("كفرنبل"))["events"]
    assert len(xss) == 1
    row = page.locator(f"#events-table tbody tr[data-id='{xss[0]['id']}']")
    row.click()
    page.wait_for_selector("#panel-body .evidence")
    page.locator("path.rasid-marker").first.hover()  # tooltips render their text too
    page.wait_for_timeout(300)
    # The payloads are shown as text ...
    assert "<script>window.__xss=1</script>" in page.locator("#panel-body .evidence").inner_text()
    assert page.locator("#panel-body .source-title").inner_text().startswith("<img src=x")
    assert "<script>" in page.locator("#panel-body .source-head").inner_text()
    assert "<img" in row.locator("td").nth(2).inner_text()
    # ... and nothing ran: no flag, no injected elements.
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("#panel-body script, #events-table script").count() == 0
    assert page.problems == []
