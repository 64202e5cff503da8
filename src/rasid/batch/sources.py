"""Batch inputs: JSONL(.gz) and Parquet article files, their column mapping, and their partitions.

A partition is K consecutive records of one file; its id is made of the file's name, a digest of
its absolute path and the offset of its first record, so a re-run finds the same partitions.
Records of partitions already done are counted but never parsed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rasid.errors import RasidError
from rasid.io.articles import text_id
from rasid.model import Article

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(frozen=True, slots=True)
class Columns:
    """Which field of an input record holds each article field (GUIDELINES names by default)."""

    id: str = "id"
    text: str = "text"
    published: str = "published"
    source: str = "source"
    title: str = "title"
    url: str = "url"

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(slots=True)
class InputFile:
    path: str  # absolute
    format: str  # jsonl | parquet
    records: int


@dataclass(slots=True)
class Failure:
    """An article (or input record) that could not be processed; a line of failures.jsonl."""

    partition: str
    article_id: str | None
    stage: str  # read | pipeline
    error: str
    where: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Partition:
    id: str
    path: str
    offset: int
    size: int  # records, good or bad
    articles: list[tuple[int, Article]] = field(default_factory=list)  # (offset in file, article)
    failures: list[Failure] = field(default_factory=list)


def input_format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    raise RasidError(f"{path}: not a JSONL(.gz) or Parquet file (by its name)")


def _open_lines(path: Path):
    with open(path, "rb") as f:
        gz = f.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gz else open(path, "rb")


def count_records(path: Path, fmt: str) -> int:
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        with _open_lines(path) as f:
            return sum(1 for line in f if line.strip())
    except (OSError, EOFError) as e:
        raise RasidError(f"{path}: cannot read ({e})") from None
    except Exception as e:  # pyarrow's errors for a file that is not Parquet
        raise RasidError(f"{path}: not a readable Parquet file ({type(e).__name__})") from None


def expand_inputs(paths: list[str]) -> list[InputFile]:
    """Input files (directories expanded to their JSONL/Parquet files, sorted) with record counts."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                c
                for c in p.rglob("*")
                if c.is_file() and c.name.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)
            )
            if not found:
                raise RasidError(f"{raw}: no JSONL or Parquet files in this directory")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise RasidError(f"{raw}: no such file")
    result: list[InputFile] = []
    seen: set[Path] = set()
    for p in files:
        absolute = p.resolve()
        if absolute in seen:
            continue
        seen.add(absolute)
        fmt = input_format(p)
        result.append(InputFile(str(absolute), fmt, count_records(absolute, fmt)))
    return result


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def partition_id(path: str, offset: int) -> str:
    name = Path(path).name
    for suffix in (".gz", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"):
        name = name.removesuffix(suffix)
    stem = _UNSAFE.sub("_", name)[:40] or "input"
    digest = hashlib.sha1(path.encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}-{offset:09d}"


def partition_ids(file: InputFile, size: int) -> list[str]:
    return [partition_id(file.path, off) for off in range(0, file.records, size)]


def parse_published(value: Any) -> dt.date | None:
    """ISO dates and timestamps, RFC-822 dates (as in RSS) or date/datetime values; else ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"unreadable date {value!r}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()  # the date as written, in its own zone
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"unreadable date {value!r}") from None


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def record_to_article(record: Any, columns: Columns) -> Article:
    """An Article from one input record, else ValueError with a one-line reason."""
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    text = record.get(columns.text)
    if not isinstance(text, str):
        raise ValueError(f"no {columns.text!r} string")
    if not text.strip():
        raise ValueError("empty text")
    raw_id = record.get(columns.id)
    return Article(
        id=str(raw_id) if raw_id not in (None, "") else text_id(text),
        text=text,
        published=parse_published(record.get(columns.published)),
        source=_optional_str(record.get(columns.source)),
        url=_optional_str(record.get(columns.url)),
        title=_optional_str(record.get(columns.title)),
    )


def check_columns(file: InputFile, columns: Columns) -> list[str]:
    """A clear error when the file lacks the text field; notes for other fields it lacks."""
    if file.records == 0:
        return []
    if file.format == "parquet":
        import pyarrow.parquet as pq

        names = pq.ParquetFile(file.path).schema_arrow.names
    else:
        with _open_lines(Path(file.path)) as f:
            first = next((line for line in f if line.strip()), b"{}")
        try:
            record = json.loads(first)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise RasidError(f"{file.path}: first record is not JSON") from None
        names = list(record) if isinstance(record, dict) else []
    if columns.text not in names:
        raise RasidError(
            f"{file.path}: no {columns.text!r} field (fields: {', '.join(names[:12])}); use --text-field"
        )
    notes = []
    if columns.published not in names:
        notes.append(
            f"{file.path}: no {columns.published!r} field, articles are undated and relative dates"
            " stay unresolved (use --date-field)"
        )
    if columns.id not in names:
        notes.append(f"{file.path}: no {columns.id!r} field, ids are text hashes (use --id-field)")
    return notes


def _chunks(file: InputFile, size: int) -> Iterator[tuple[int, list[Any]]]:
    """(offset, raw records) of `size` records; JSONL records stay undecoded bytes here."""
    buffer: list[Any] = []
    offset = 0
    if file.format == "parquet":
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(file.path)
        for batch in pf.iter_batches(batch_size=size):
            for record in batch.to_pylist():
                buffer.append(record)
                if len(buffer) == size:
                    yield offset, buffer
                    offset += size
                    buffer = []
    else:
        with _open_lines(Path(file.path)) as f:
            for line in f:
                if line.strip():
                    buffer.append(line)
                    if len(buffer) == size:
                        yield offset, buffer
                        offset += size
                        buffer = []
    if buffer:
        yield offset, buffer


def iter_partitions(
    files: list[InputFile], size: int, columns: Columns, skip: set[str]
) -> Iterator[Partition]:
    """Every partition in order; those whose id is in `skip` come without their articles."""
    for file in files:
        for offset, records in _chunks(file, size):
            part = Partition(partition_id(file.path, offset), file.path, offset, len(records))
            if part.id in skip:
                yield part
                continue
            for i, raw in enumerate(records):
                where = f"{file.path} record {offset + i}"
                record: Any = None
                try:
                    record = json.loads(raw) if isinstance(raw, bytes) else raw
                    part.articles.append((offset + i, record_to_article(record, columns)))
                except (ValueError, UnicodeDecodeError) as e:
                    article_id = record.get(columns.id) if isinstance(record, dict) else None
                    message = e.msg if isinstance(e, json.JSONDecodeError) else str(e)
                    part.failures.append(Failure(part.id, _optional_str(article_id), "read", message, where))
            yield part
