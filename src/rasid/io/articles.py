"""Reading articles from plain text and JSONL, with one clear error per bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from rasid.errors import RasidError
from rasid.model import Article

MAX_BYTES = 50 * 1024 * 1024  # one input file
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


def parse_date(value: str, what: str = "date") -> dt.date:
    """An ISO date (YYYY-MM-DD; a longer timestamp is cut to its date), else a RasidError."""
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise RasidError(f"invalid {what} {value!r} (expected YYYY-MM-DD)") from None


_CONTROL_BYTES = bytes(c for c in range(32) if chr(c) not in "\t\n\r\f\v") + b"\x7f"


def _controls(head: bytes) -> float:
    """The share of control bytes (no text has many; random or binary data has about 12%)."""
    return (len(head) - len(head.translate(None, _CONTROL_BYTES))) / len(head) if head else 0.0


PUBLISHED_YEARS = (1900, 2100)  # a publication date outside these years is a mistake in the input


def check_published(date: dt.date, what: str = "published date") -> dt.date:
    """The date, or a RasidError when it cannot be a news article's publication date."""
    low, high = PUBLISHED_YEARS
    if not low <= date.year <= high:
        raise RasidError(f"{what} {date.isoformat()} out of range (years {low}-{high})")
    return date


def parse_published(value: object, what: str = "published date") -> dt.date:
    """A publication date: ISO, and within PUBLISHED_YEARS."""
    return check_published(parse_date(str(value), what), what)


def decode(data: bytes, name: str) -> str:
    """Decodes UTF-8 (with or without BOM), UTF-16 (with BOM) or Windows-1256 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise RasidError(f"{name}: not valid UTF-16 text") from None
    if b"\x00" in data or _controls(data[:65536]) > 0.01:
        raise RasidError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise RasidError(f"{name}: cannot decode as UTF-8, UTF-16 or Windows-1256") from None
    if sum("\u0600" <= c <= "\u06ff" for c in text) < len(text) * 0.2:
        raise RasidError(f"{name}: cannot decode as UTF-8, UTF-16 or Windows-1256")
    return text


def _mb(size: int) -> str:
    return f"{size / 2**20:.3g} MB"


def read_bytes(path: str) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:  # never cut silently
            raise RasidError(f"<stdin>: larger than {_mb(MAX_BYTES)}")
        return data
    p = Path(path)
    if not p.exists():
        raise RasidError(f"{path}: no such file")
    if p.is_dir():
        raise RasidError(f"{path}: is a directory")
    if p.stat().st_size > MAX_BYTES and not path.endswith(".gz"):
        raise RasidError(f"{path}: larger than {_mb(MAX_BYTES)}")
    if path.endswith(".gz"):
        try:
            with gzip.open(p, "rb") as f:
                data = f.read(MAX_BYTES * 4 + 1)
        except (OSError, EOFError, zlib.error) as e:  # zlib.error: corrupt compressed data
            raise RasidError(f"{path}: not a readable gzip file ({e})") from None
        if len(data) > MAX_BYTES * 4:
            raise RasidError(f"{path}: decompresses to more than {_mb(MAX_BYTES * 4)}")
        return data
    return p.read_bytes()


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_from_json(obj: object, where: str) -> Article:
    """An Article from a GUIDELINES-style JSON object; other keys (like gold `events`) are ignored."""
    if not isinstance(obj, dict):
        raise RasidError(f"{where}: expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise RasidError(f"{where}: missing 'text' string")
    if not text.strip():
        raise RasidError(f"{where}: empty 'text'")
    for key in ("source", "url", "title"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise RasidError(f"{where}: {key!r} must be a string")
    published = obj.get("published")
    try:
        pub = parse_published(published) if published else None
    except RasidError as e:
        raise RasidError(f"{where}: {e}") from None
    return Article(
        id=str(obj.get("id") or text_id(text)),
        text=text,
        published=pub,
        source=obj.get("source"),
        url=obj.get("url"),
        title=obj.get("title"),
    )


def iter_jsonl(text: str, name: str) -> Iterator[tuple[int, object]]:
    """(line number, parsed object) for each non-blank line; a malformed line raises with its number."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as e:
            raise RasidError(f"{name}:{lineno}: malformed JSON ({e.msg})") from None
        except RecursionError:
            raise RasidError(f"{name}:{lineno}: malformed JSON (nested too deeply)") from None


def is_jsonl(path: str, text: str) -> bool:
    return path.endswith(_JSONL_SUFFIXES) or text.lstrip().startswith("{")


def read_articles(path: str, published: dt.date | None = None) -> Iterator[Article]:
    """Articles from a plain-text file (one article) or a JSONL file (one per line)."""
    name = "<stdin>" if path == "-" else path
    text = decode(read_bytes(path), name)
    if not text.strip():
        raise RasidError(f"{name}: empty input")
    if is_jsonl(path, text):
        for lineno, obj in iter_jsonl(text, name):
            yield article_from_json(obj, f"{name}:{lineno}")
        return
    stem = Path(path).name.split(".")[0] if path != "-" else text_id(text)
    yield Article(id=stem, text=text, published=published)
