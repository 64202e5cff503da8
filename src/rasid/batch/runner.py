"""The client side of a batch run: partitions out to Dask workers, Parquet and a manifest back.

Layout of the output directory:
    manifest.json                 inputs, settings, counts, timings, failures, versions
    failures.jsonl                one line per article that could not be read or extracted
    events/<partition>.parquet    the events of one partition (schema.EVENT_SCHEMA)
    articles/<partition>.parquet  its articles with their text (schema.ARTICLE_SCHEMA), for the store
    done/<partition>.json         written last: the partition is complete

Every file is written to a temporary name and renamed, so a killed run leaves whole files only;
a re-run skips the partitions that have their done marker and both Parquet files.
The client reads the inputs and ships articles to the workers, and writes the results itself:
workers need the rasid package, not the input or output directories.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import platform
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from rasid.batch.schema import ARTICLE_SCHEMA, article_row, events_table
from rasid.batch.sources import (
    Columns,
    InputFile,
    Partition,
    check_columns,
    expand_inputs,
    iter_partitions,
    partition_ids,
)
from rasid.batch.worker import PartitionResult, run_partition, worker_versions
from rasid.errors import RasidError

MANIFEST = "manifest.json"
FAILURES = "failures.jsonl"
FORMAT_VERSION = 1
DEFAULT_PARTITION_SIZE = 500


@dataclass(slots=True)
class BatchProgress:
    partitions_total: int
    articles_total: int
    partitions_done: int = 0  # including those skipped as already done
    partitions_skipped: int = 0
    partitions_failed: int = 0
    articles_done: int = 0
    articles_run: int = 0  # in partitions run (not skipped) by this run
    events: int = 0
    failures: int = 0


@dataclass(slots=True)
class BatchSummary:
    out: Path
    partitions_total: int = 0
    partitions_run: int = 0
    partitions_skipped: int = 0
    failed_partitions: list[dict[str, str]] = field(default_factory=list)
    articles: int = 0  # in all done partitions
    events: int = 0
    failures: int = 0
    articles_run: int = 0  # this run
    wall_seconds: float = 0.0
    peak_rss: dict[str, int] = field(default_factory=dict)  # worker -> bytes, this run
    notes: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.articles_run / self.wall_seconds if self.wall_seconds else 0.0


# --- files ------------------------------------------------------------------------------------


def _atomic(target: Path, write: Callable[[Path], None]) -> None:
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_json(target: Path, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n"
    _atomic(target, lambda p: p.write_text(text, encoding="utf-8"))


def write_parquet(target: Path, table: pa.Table) -> None:
    _atomic(target, lambda p: pq.write_table(table, p, compression="zstd"))


def is_done(out: Path, pid: str) -> bool:
    return all(
        (out / sub / f"{pid}{ext}").is_file()
        for sub, ext in (("done", ".json"), ("events", ".parquet"), ("articles", ".parquet"))
    )


def done_markers(out: Path) -> Iterator[dict[str, Any]]:
    for marker in sorted((out / "done").glob("*.json")):
        if is_done(out, marker.stem):
            yield json.loads(marker.read_text(encoding="utf-8"))


def _clean_temporaries(out: Path) -> None:
    for sub in ("events", "articles", "done"):
        for tmp in (out / sub).glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def write_partition(out: Path, part: Partition, result: PartitionResult | None) -> dict[str, Any]:
    """Writes one partition's events, articles and, last, its done marker; returns the marker."""
    counts = result.event_counts if result else [0] * len(part.articles)
    failed = result.failed if result else [False] * len(part.articles)
    articles = [
        article_row(article, part.id, offset, n, bad)
        for (offset, article), n, bad in zip(part.articles, counts, failed, strict=True)
    ]
    failures = part.failures + (result.failures if result else [])
    write_parquet(out / "events" / f"{part.id}.parquet", result.events if result else events_table([]))
    write_parquet(
        out / "articles" / f"{part.id}.parquet", pa.Table.from_pylist(articles, schema=ARTICLE_SCHEMA)
    )
    marker = {
        "partition": part.id,
        "input": part.path,
        "offset": part.offset,
        "records": part.size,
        "articles": len(part.articles),
        "events": sum(counts),
        "failures": [f.as_dict() for f in failures],
        "seconds": round(result.seconds, 3) if result else 0.0,
        "worker": result.worker if result else None,
        "peak_rss": result.peak_rss if result else None,
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    write_json(out / "done" / f"{part.id}.json", marker)
    return marker


# --- versions and manifest --------------------------------------------------------------------


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def versions() -> dict[str, Any]:
    from rasid import resources

    catalogue = resources.catalogue()
    return {
        "rasid": _version("rasid"),
        "python": platform.python_version(),
        "dask": _version("dask"),
        "distributed": _version("distributed"),
        "pyarrow": _version("pyarrow"),
        "resources": {e["name"]: e.get("version") for e in catalogue},
        "catalogue_sha256": resources.sha256(resources.CATALOGUE) if resources.CATALOGUE.exists() else None,
    }


def _settings(size: int, columns: Columns, stages: tuple[str, ...] | None) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "partition_size": size,
        "columns": columns.as_dict(),
        "stages": list(stages) if stages is not None else "default",
    }


def _read_manifest(out: Path) -> dict[str, Any]:
    path = out / MANIFEST
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        raise RasidError(f"{path}: unreadable manifest; use a new --out directory") from None


def _check_resume(
    out: Path, previous: dict[str, Any], settings: dict[str, Any], summary: BatchSummary
) -> None:
    """An error if the output was started with other settings; a note if the resources changed."""
    if not previous:
        return
    for key, value in settings.items():
        if previous.get("settings", {}).get(key) != value:
            raise RasidError(
                f"{out} was made with another {key} ({previous.get('settings', {}).get(key)!r});"
                " use the same settings to resume, or a new --out directory"
            )
    before = (previous.get("versions") or {}).get("catalogue_sha256")
    if before and before != versions()["catalogue_sha256"]:
        summary.notes.append(
            "the resource catalogue changed since this output was started: done partitions keep"
            " their old events (use a new --out directory to redo them all)"
        )


def write_manifest(
    out: Path,
    files: list[InputFile],
    settings: dict[str, Any],
    summary: BatchSummary,
    status: str,
    runs: list[dict[str, Any]],
) -> None:
    per_input: dict[str, dict[str, int]] = {f.path: {"partitions_done": 0, "articles": 0} for f in files}
    failures: list[dict[str, Any]] = []
    articles = events = 0
    pipeline_seconds = 0.0
    peak_by_worker: dict[str, int] = {}
    for marker in done_markers(out):
        articles += marker["articles"]
        events += marker["events"]
        pipeline_seconds += marker["seconds"]
        failures.extend(marker["failures"])
        if marker["input"] in per_input:
            per_input[marker["input"]]["partitions_done"] += 1
            per_input[marker["input"]]["articles"] += marker["articles"]
        if marker.get("worker"):
            peak_by_worker[marker["worker"]] = max(
                peak_by_worker.get(marker["worker"], 0), marker["peak_rss"]
            )
    summary.articles, summary.events, summary.failures = articles, events, len(failures)
    lines = "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in failures)
    _atomic(out / FAILURES, lambda p: p.write_text(lines, encoding="utf-8"))
    manifest = {
        "status": status,
        "settings": settings,
        "inputs": [
            {
                "path": f.path,
                "format": f.format,
                "records": f.records,
                "partitions": len(partition_ids(f, settings["partition_size"])),
                **per_input[f.path],
            }
            for f in files
        ],
        "counts": {
            "partitions": summary.partitions_total,
            "partitions_done": sum(v["partitions_done"] for v in per_input.values()),
            "partitions_failed": len(summary.failed_partitions),
            "articles": articles,
            "events": events,
            "failures": len(failures),
        },
        "timings": {
            "wall_seconds": round(summary.wall_seconds, 3),
            "articles_this_run": summary.articles_run,
            "articles_per_second": round(summary.articles_per_second, 2),
            "pipeline_seconds_all_partitions": round(pipeline_seconds, 3),
        },
        "peak_rss_mb": {w: round(b / 2**20, 1) for w, b in sorted(peak_by_worker.items())},
        "failed_partitions": summary.failed_partitions,
        "versions": versions(),
        "runs": runs,
        "notes": summary.notes,
    }
    write_json(out / MANIFEST, manifest)


# --- Dask -------------------------------------------------------------------------------------


def connect(workers: int | None, scheduler: str | None) -> tuple[Any, list[Any]]:
    """A Dask client (and what to close after): the scheduler given, else a local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="15s")
        except (OSError, TimeoutError) as e:
            raise RasidError(f"cannot reach the Dask scheduler at {scheduler} ({e})") from None
        return client, [client]
    n = workers or os.cpu_count() or 1
    cluster = LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # a free port: never clash with another local cluster
        silence_logs=logging.ERROR,
    )
    client = Client(cluster)
    return client, [client, cluster]


def check_workers(client: Any) -> int:
    """The number of workers; an error if one cannot run rasid or runs other code or resources."""
    try:
        found = client.run(worker_versions)
    except Exception as e:
        raise RasidError(
            f"the Dask workers cannot run rasid ({type(e).__name__}: {e}); install the same rasid on every worker"
        ) from None
    if not found:
        raise RasidError("the Dask cluster has no workers")
    here = worker_versions()
    for address, theirs in sorted(found.items()):
        if theirs != here:
            raise RasidError(
                f"worker {address} runs rasid {theirs['rasid']} (resources {str(theirs['catalogue_sha256'])[:12]}),"
                f" this client {here['rasid']} (resources {str(here['catalogue_sha256'])[:12]}): install the same on all"
            )
    return len(found)


# --- the run ----------------------------------------------------------------------------------


def run_batch(
    inputs: list[str],
    out: str | Path,
    *,
    columns: Columns | Mapping[str, str] | None = None,
    partition_size: int | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    stages: tuple[str, ...] | None = None,
    retries: int = 2,
    on_progress: Callable[[BatchProgress], None] | None = None,
) -> BatchSummary:
    """Extracts the events of every article of `inputs` on Dask workers into Parquet under `out`.

    Pass `client` to use an existing Dask client; else `scheduler` (tcp://host:port) is connected
    to, or a local cluster of `workers` single-threaded processes is started and stopped.
    `columns` maps article fields to input fields (a mapping overrides only the fields it names);
    it and `partition_size` default to those of the run that started `out`, then to the defaults.
    `stages` replaces the default pipeline (module:Class paths, as in rasid.pipeline.STAGES).
    """
    out = Path(out)
    previous = _read_manifest(out)
    before = previous.get("settings", {})
    size = partition_size or before.get("partition_size") or DEFAULT_PARTITION_SIZE
    if size < 1:
        raise RasidError("--partition-size must be at least 1")
    if not isinstance(columns, Columns):
        base = Columns(**before["columns"]) if before.get("columns") else Columns()
        columns = dataclasses.replace(base, **dict(columns or {}))
    files = expand_inputs(inputs)
    summary = BatchSummary(out)
    for f in files:
        summary.notes.extend(check_columns(f, columns))
    settings = _settings(size, columns, stages)
    _check_resume(out, previous, settings, summary)
    runs: list[dict[str, Any]] = list(previous.get("runs", []))
    # Inputs of earlier runs stay in the manifest: their partitions are still in the output.
    known = {f.path for f in files}
    for entry in previous.get("inputs", []):
        if entry["path"] not in known and Path(entry["path"]).is_file():
            files.append(InputFile(entry["path"], entry["format"], entry["records"]))
            known.add(entry["path"])

    if not files:
        raise RasidError("no input files given (and no earlier run to resume in this --out directory)")
    for sub in ("events", "articles", "done"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    _clean_temporaries(out)
    all_ids = {pid: f for f in files for pid in partition_ids(f, size)}
    done = {pid for pid in all_ids if is_done(out, pid)}
    summary.partitions_total = len(all_ids)
    progress = BatchProgress(len(all_ids), sum(f.records for f in files))
    started = time.perf_counter()
    run_info: dict[str, Any] = {
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "scheduler": scheduler
        or ("given client" if client is not None else f"local:{workers or os.cpu_count()}"),
    }
    write_manifest(out, files, settings, summary, "running", runs)
    if on_progress:
        on_progress(progress)

    status = "interrupted"
    closers: list[Any] = []
    pending: dict[Any, Partition] = {}
    try:
        if len(done) < len(all_ids):
            if client is None:
                client, closers = connect(workers, scheduler)
            run_info["workers"] = check_workers(client)
            _run(
                client,
                files,
                size,
                columns,
                stages,
                retries,
                out,
                done,
                summary,
                progress,
                pending,
                on_progress,
            )
        else:
            summary.partitions_skipped = len(done)
            progress.partitions_done = progress.partitions_skipped = len(done)
            progress.articles_done = progress.articles_total
            if on_progress:
                on_progress(progress)
        status = "failed partitions" if summary.failed_partitions else "complete"
    finally:
        for future in pending:
            future.cancel()
        for thing in closers:
            with contextlib.suppress(Exception):  # a cluster that is already gone
                thing.close()
        summary.wall_seconds = time.perf_counter() - started
        run_info.update(
            status=status,
            wall_seconds=round(summary.wall_seconds, 3),
            partitions_run=summary.partitions_run,
            articles=summary.articles_run,
        )
        write_manifest(out, files, settings, summary, status, [*runs, run_info])
    return summary


def _run(
    client: Any,
    files: list[InputFile],
    size: int,
    columns: Columns,
    stages: tuple[str, ...] | None,
    retries: int,
    out: Path,
    done: set[str],
    summary: BatchSummary,
    progress: BatchProgress,
    pending: dict[Any, Partition],
    on_progress: Callable[[BatchProgress], None] | None,
) -> None:
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    max_in_flight = 2 * threads + 1  # enough to keep every worker busy; bounds client memory
    token = uuid.uuid4().hex[:8]
    partitions = iter_partitions(files, size, columns, done)
    finished = as_completed()

    def account(marker: dict[str, Any]) -> None:
        progress.partitions_done += 1
        progress.articles_done += marker["records"]
        progress.articles_run += marker["records"]
        progress.events += marker["events"]
        progress.failures += len(marker["failures"])
        if on_progress:
            on_progress(progress)

    def fill() -> None:
        while len(pending) < max_in_flight:
            part = next(partitions, None)
            if part is None:
                return
            if part.id in done:
                summary.partitions_skipped += 1
                progress.partitions_skipped += 1
                progress.partitions_done += 1
                progress.articles_done += part.size
                if on_progress:
                    on_progress(progress)
                continue
            articles = [a for _, a in part.articles]
            if not articles:  # nothing readable: record the read failures and move on
                account(write_partition(out, part, None))
                summary.partitions_run += 1
                continue
            future = client.submit(
                run_partition, part.id, articles, stages, key=f"rasid-{part.id}-{token}", retries=retries
            )
            pending[future] = part
            finished.add(future)

    fill()
    for future in finished:
        part = pending.pop(future)
        if future.status == "error":
            error = future.exception()
            message = f"{type(error).__name__}: {error}".splitlines()[0][:500]
            summary.failed_partitions.append({"partition": part.id, "error": message})
            progress.partitions_failed += 1
            if not summary.partitions_run and len(summary.failed_partitions) >= 3:
                raise RasidError(f"every partition fails so far, stopping: {message}")
        else:
            result: PartitionResult = future.result()
            account(write_partition(out, part, result))
            summary.partitions_run += 1
            summary.articles_run += len(part.articles)
            summary.peak_rss[result.worker] = max(summary.peak_rss.get(result.worker, 0), result.peak_rss)
        future.release()
        fill()
