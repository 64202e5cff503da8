"""Load: 8 concurrent readers of GET /api/events against `rasid serve` WHILE a writer ingests.

    .venv/bin/python benchmarks/load_serve.py --seconds 20 --readers 8 --events 5000

Starts `rasid serve` on 127.0.0.1 (a free port) over a generated database, runs reader threads
(httpx, one keep-alive connection each) with a mix of filters and pages for a bounded time, while
one writer POSTs articles to /api/articles with a token (extraction runs in the server). Reports
requests/s, p50/p95/p99 latency, errors (any 5xx or transport failure), the writer's articles/s
and the server's peak RSS. Only loopback traffic; stops by itself. Exit status 1 when a request
failed or p99 is over the target.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from api_speed import generate

from rasid.store import SQLiteStore
from rasid.store.tokens import create_token

QUERIES = (
    {},
    {"country": "IQ"},
    {"type": "Battles", "limit": 50},
    {"q": "هجوم", "limit": 20},
    {"actor": "State", "sort": "-fatalities"},
    {"since": "2005-01-01", "until": "2006-12-31"},
    {"bbox": "36,35,37,37", "limit": 200},
    {"offset": 1000, "limit": 100},
)
PLACES = ("الموصل", "تلعفر", "كركوك", "تكريت", "سامراء", "بعقوبة", "الرمادي", "الفلوجة")
COUNTS = ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "rasid.cli",
        "serve",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/config", timeout=1)
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None:
                raise SystemExit("rasid serve exited: " + proc.stderr.read().decode()[-2000:]) from None  # type: ignore[union-attr]
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("rasid serve did not start")


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: dict[str, int] = {}
        self.errors: list[str] = []

    def add(self, seconds: float, status: str, error: str | None = None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if error and len(self.errors) < 20:
                self.errors.append(error)


def reader(base: str, stop: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.monotonic() < stop:
            params = rng.choice(QUERIES)
            t = time.perf_counter()
            try:
                r = client.get("/api/events", params=params)
            except httpx.HTTPError as e:
                tally.add(time.perf_counter() - t, "transport", f"{type(e).__name__}: {e}")
                continue
            elapsed = time.perf_counter() - t
            bad = r.status_code >= 500 or (r.status_code == 200 and "events" not in r.json())
            tally.add(elapsed, str(r.status_code), f"{r.status_code} {r.text[:200]}" if bad else None)


def writer(base: str, token: str, stop: float, tally: Tally, chunk: int, done: list[int]) -> None:
    n = 0
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
        while time.monotonic() < stop:
            articles = []
            for _ in range(chunk):
                text = (
                    f"قتل {COUNTS[n % 5]} مدنيين وأصيب آخرون بقصف صاروخي على {PLACES[n % len(PLACES)]}"
                    f" يوم الخميس. وقال مصدر أمني إن الهجوم وقع فجرا. تقرير رقم {n}."
                )
                articles.append({"id": f"load-{n}", "text": text, "published": "2021-07-30"})
                n += 1
            t = time.perf_counter()
            try:
                r = client.post("/api/articles", json={"articles": articles})
            except httpx.HTTPError as e:
                tally.add(time.perf_counter() - t, "transport", f"{type(e).__name__}: {e}")
                continue
            ok = r.status_code == 201
            tally.add(
                time.perf_counter() - t, str(r.status_code), None if ok else f"{r.status_code} {r.text[:200]}"
            )
            if ok:
                done[0] += r.json()["new"]


def cli_writer(db: Path, stop: float, tally: Tally, chunk: int, done: list[int]) -> None:
    """The other way in: `rasid ingest` runs (another process) into the database being served."""
    n = 0
    while time.monotonic() < stop:
        path = db.parent / f"ingest-{n}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for _ in range(chunk):
                text = (
                    f"انفجرت عبوة ناسفة قرب {PLACES[n % len(PLACES)]} وأسفرت عن مقتل {COUNTS[n % 5]} جنود"
                    f" أمس. تقرير رقم {n}."
                )
                f.write(json.dumps({"id": f"cli-{n}", "text": text, "published": "2021-07-30"}) + "\n")
                n += 1
        t = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "rasid.cli", "ingest", str(path), "--db", str(db)],
            capture_output=True,
            text=True,
        )
        ok = run.returncode == 0
        tally.add(time.perf_counter() - t, "0" if ok else "exit", None if ok else run.stderr[-300:])
        if ok:
            done[0] += chunk


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--events", type=int, default=5000, help="incidents in the generated database")
    ap.add_argument("--chunk", type=int, default=5, help="articles per POST (or ingest run) of the writer")
    ap.add_argument(
        "--writer", choices=("api", "ingest"), default="api", help="POST /api/articles or `rasid ingest` runs"
    )
    ap.add_argument("--p99-ms", type=float, default=250.0, help="target p99 latency of the readers")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.db"
        store = SQLiteStore(db)
        generate(store, args.events)
        token = create_token(store, "load")
        store.close()
        proc, base = start_server(db)
        try:
            # Warm up: the first POST builds the pipeline in the server.
            httpx.post(
                base + "/api/articles",
                json={"articles": [{"text": "قتل شخص في بغداد أمس.", "published": "2021-07-30"}]},
                headers={"Authorization": f"Bearer {token}"},
                timeout=120,
            )
            reads, writes, written = Tally(), Tally(), [0]
            start = time.monotonic()
            stop = start + args.seconds
            threads = [
                threading.Thread(target=reader, args=(base, stop, reads, seed))
                for seed in range(args.readers)
            ]
            if args.writer == "api":
                write_args = (base, token, stop, writes, args.chunk, written)
                threads.append(threading.Thread(target=writer, args=write_args))
            else:
                threads.append(
                    threading.Thread(target=cli_writer, args=(db, stop, writes, args.chunk, written))
                )
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.monotonic() - start
            rss = peak_rss_mb(proc.pid)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        with closing(sqlite3.connect(db)) as check:
            integrity = check.execute("PRAGMA integrity_check").fetchone()[0]

    lat = reads.latencies
    errors = sum(v for k, v in reads.statuses.items() if k == "transport" or k.startswith("5"))
    errors += sum(v for k, v in writes.statuses.items() if k in ("transport", "exit") or k.startswith("5"))
    result = {
        "seconds": round(wall, 1),
        "readers": args.readers,
        "writer": args.writer,
        "events_in_db": args.events,
        "read_requests": len(lat),
        "read_rps": round(len(lat) / wall, 1),
        "read_p50_ms": round(statistics.median(lat) * 1000, 1) if lat else None,
        "read_p95_ms": round(percentile(lat, 0.95) * 1000, 1),
        "read_p99_ms": round(percentile(lat, 0.99) * 1000, 1),
        "read_max_ms": round(max(lat) * 1000, 1) if lat else None,
        "read_statuses": reads.statuses,
        "write_requests": len(writes.latencies),
        "write_statuses": writes.statuses,
        "articles_written": written[0],
        "articles_per_s": round(written[0] / wall, 1),
        "write_p50_ms": round(statistics.median(writes.latencies) * 1000, 1) if writes.latencies else None,
        "errors": errors,
        "server_peak_rss_mb": None if rss is None else round(rss, 1),
        "integrity_check": integrity,
        "cpus": os.cpu_count(),
    }
    met = errors == 0 and lat and result["read_p99_ms"] <= args.p99_ms and integrity == "ok"
    if args.json:
        print(json.dumps(result | {"target_met": bool(met)}))
    else:
        for key, value in result.items():
            print(f"{key:>20}: {value}")
        print(f"{'target':>20}: 0 errors and p99 <= {args.p99_ms:g} ms -> {'met' if met else 'NOT met'}")
        for e in reads.errors + writes.errors:
            print("error:", e)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
