"""The command line: the seed article end to end, and one clear error line for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "000_d4a9e91fd279e8f4.txt"
SEED_GOLD = SHARED / "eval" / "seed.jsonl"
RASID = [sys.executable, "-m", "rasid.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RASID, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_extract_plain_text_from_stdin(tmp_path: Path) -> None:
    result = run("extract", "-", "--published", "2024-03-14", stdin="سقطت قذائف هاون على مدينة حلب أمس.")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) == 1
    event = events[0]
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"
    assert event["date"] == "2024-03-13"
    assert event["weapon"] == "mortar"
    assert event["location"]["name"] == "Aleppo"
    assert event["evidence"] == "سقطت قذائف هاون على مدينة حلب أمس."


def test_extract_without_publication_date_says_so() -> None:
    result = run("extract", "-", stdin="سقطت قذائف هاون على مدينة حلب أمس.")
    assert result.returncode == 0
    assert "relative dates" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["date"] is None


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_article_gives_its_two_scored_events() -> None:
    result = run("extract", str(SEED), "--published", "2021-07-29")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    keyed = {(e["sub_event_type"], e["date"]): e for e in events}
    rocket = keyed[("Shelling/artillery/missile attack", "2021-07-29")]
    assert rocket["location"]["name"] == "Baghdad"
    assert (rocket["weapon"], rocket["fatalities"], rocket["injured"]) == ("rocket", 0, 0)
    strike = keyed[("Air/drone strike", "2021-06-29")]
    assert strike["weapon"] == "aircraft"
    assert "border" in strike["location"]["name"]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared seed gold not available")
def test_eval_seed_scores_f1_one() -> None:
    result = run("eval", str(SEED_GOLD), "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["event_f1"] == 1.0


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.txt", "empty input"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "prog.bin", "binary file"),
        ('{"id": "a", "text": "نص"}\n{bad json\n'.encode(), "bad.jsonl", "bad.jsonl:2: malformed JSON"),
        ('{"id": "a", "text": "نص", "published": "2021-02-30"}\n'.encode(), "date.jsonl", "invalid"),
    ],
)
def test_bad_input_gives_one_error_line(tmp_path: Path, content: bytes, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_invalid_published_option() -> None:
    result = run("extract", "-", "--published", "2021-13-45", stdin="نص")
    assert result.returncode != 0
    assert "invalid --published date" in result.stderr
    assert "Traceback" not in result.stderr


def test_table_output() -> None:
    result = run(
        "extract",
        "-",
        "--published",
        "2024-03-14",
        "--format",
        "table",
        "--no-bidi",
        stdin="سقطت قذائف هاون على مدينة حلب أمس.",
    )
    assert result.returncode == 0
    assert "Shelling/artillery/missile attack" in result.stdout
    assert "1 event(s)" in result.stdout


def test_every_packaged_resource_is_catalogued_and_unchanged() -> None:
    from rasid import resources

    files = {p.name for p in resources.ROOT.iterdir() if p.is_file() and p.suffix != ".py"}
    catalogued = {e["file"] for e in resources.catalogue()}
    assert files - {"catalogue.json"} == catalogued
    result = run("resources")
    assert result.returncode == 0, result.stderr
    assert "event_triggers.tsv" in result.stdout and "changed" not in result.stdout


def test_a_changed_resource_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from rasid import resources
    from rasid.cli import app

    (tmp_path / "lexicon.tsv").write_text("a\n", encoding="utf-8")
    monkeypatch.setattr(resources, "ROOT", tmp_path)
    monkeypatch.setattr(resources, "CATALOGUE", tmp_path / "catalogue.json")
    resources.register("lexicon", "lexicon.tsv", "1", "test", "none", "this test")
    (tmp_path / "lexicon.tsv").write_text("b\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["resources"])
    assert result.exit_code == 1
    assert "missing or changed" in result.output and "lexicon.tsv" in result.output
