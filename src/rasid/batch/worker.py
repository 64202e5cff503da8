"""What runs on a Dask worker: the pipeline over one partition, built once per worker process.

An article that raises becomes a failure record; it never fails its partition. An exception that
escapes `run_partition` (the pipeline cannot be built, the worker runs out of memory) fails the
task, which Dask retries; a worker that dies has its task rescheduled on another.
"""

from __future__ import annotations

import os
import resource
import socket
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from rasid.batch.schema import event_to_row, events_table
from rasid.batch.sources import Failure
from rasid.model import Article

# One pipeline per worker process and stage list; the lock keeps multi-threaded workers safe.
_PIPELINES: dict[tuple[str, ...] | None, Any] = {}
_LOCK = threading.Lock()


def get_pipeline(stages: tuple[str, ...] | None) -> Any:
    with _LOCK:
        pipeline = _PIPELINES.get(stages)
        if pipeline is None:
            from rasid.pipeline import Pipeline, default_pipeline

            try:
                pipeline = default_pipeline() if stages is None else Pipeline(stages)
            except Exception as e:
                raise RuntimeError(f"the pipeline could not be built ({type(e).__name__}: {e})") from e
            _PIPELINES[stages] = pipeline
        return pipeline


def peak_rss_bytes() -> int:
    """Peak resident memory of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if os.uname().sysname == "Darwin" else peak * 1024


@dataclass(slots=True)
class PartitionResult:
    partition: str
    events: pa.Table
    event_counts: list[int]  # per article, in input order
    failures: list[Failure] = field(default_factory=list)
    failed: list[bool] = field(default_factory=list)  # per article
    seconds: float = 0.0
    worker: str = ""
    peak_rss: int = 0


def _where(exc: BaseException) -> str | None:
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None


def run_partition(
    partition: str, articles: list[Article], stages: tuple[str, ...] | None = None
) -> PartitionResult:
    """Extracts the events of each article of one partition."""
    pipeline = get_pipeline(stages)
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    result = PartitionResult(partition, events_table([]), [])
    with _LOCK:
        extracted = pipeline.extract_each(articles)
    for article, events in zip(articles, extracted, strict=True):
        if isinstance(events, Exception):  # one article's failure must not fail its partition
            message = f"{type(events).__name__}: {events}".splitlines()[0][:500]
            result.failures.append(Failure(partition, article.id, "pipeline", message, _where(events)))
            result.failed.append(True)
            result.event_counts.append(0)
            continue
        for index, event in enumerate(events):
            event.article_id = article.id
            rows.append(event_to_row(event, partition, index, article.source))
        result.failed.append(False)
        result.event_counts.append(len(events))
    result.events = events_table(rows)
    result.seconds = time.perf_counter() - started
    result.worker = f"{socket.gethostname()}:{os.getpid()}"
    result.peak_rss = peak_rss_bytes()
    return result


def worker_versions() -> dict[str, str | None]:
    """The rasid version and resource catalogue checksum of this worker (run with client.run)."""
    from importlib import metadata

    from rasid import resources

    try:
        version = metadata.version("rasid")
    except metadata.PackageNotFoundError:
        version = None
    catalogue = resources.sha256(resources.CATALOGUE) if resources.CATALOGUE.exists() else None
    return {"rasid": version, "catalogue_sha256": catalogue}
