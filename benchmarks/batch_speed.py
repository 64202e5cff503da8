"""Batch throughput on Dask: 1 worker vs 2 workers, peak RSS per worker, events vs in-process.

    python benchmarks/batch_speed.py                      # 10,000 articles, half from each corpus
    python benchmarks/batch_speed.py --limit 2000 --workers 1,2 --partition-size 100

Articles are taken from the start of both news corpora in ../shared/data/news (SaudiNewsNet,
mapped from content/date_extracted/url, and ANT, from text/time/docno) and written, in a
temporary directory, as one GUIDELINES-shaped JSONL file. Each worker count gets its own
LocalCluster, warmed up (pipeline built and resources loaded on every worker) before the clock
starts, so the numbers are steady-state throughput; cluster start-up is reported apart.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import tempfile
import time
from pathlib import Path

from rasid.batch import read_events, run_batch
from rasid.batch.runner import versions
from rasid.batch.sources import Columns, record_to_article
from rasid.batch.worker import get_pipeline, peak_rss_bytes
from rasid.model import Article

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
CORPORA = (
    (
        "saudinewsnet/saudinewsnet_2015.jsonl.gz",
        Columns(id="url", text="content", published="date_extracted"),
    ),
    (
        "ant_multisource_v2.1/ant_v2.1_middleEast_internationalNews.jsonl.gz",
        Columns(id="docno", text="text", published="time", source="src"),
    ),
)


def sample(limit: int, news: Path) -> list[Article]:
    """limit/2 readable articles from the start of each corpus."""
    articles: list[Article] = []
    for relative, columns in CORPORA:
        want = limit // 2 if relative == CORPORA[0][0] else limit - len(articles)
        with gzip.open(news / relative, "rt", encoding="utf-8") as f:
            taken = 0
            for line in f:
                try:
                    articles.append(record_to_article(json.loads(line), columns))
                except ValueError:
                    continue
                taken += 1
                if taken == want:
                    break
    return articles


def warm_up() -> int:
    """Builds the pipeline and loads its resources on this worker; returns the worker's pid."""
    get_pipeline(None).extract(Article(id="warm", text="قتل جنديان في انفجار عبوة ناسفة قرب كركوك أمس."))
    return os.getpid()


def cpu_seconds() -> float:
    """CPU time (user + system) of this process so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(path: Path, out: Path, workers: int, size: int) -> dict:
    from distributed import Client, LocalCluster

    t0 = time.perf_counter()
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    client = Client(cluster)
    client.run(warm_up)
    start_up = time.perf_counter() - t0
    load = os.getloadavg()[0]
    try:
        cpu_before, client_before = client.run(cpu_seconds), cpu_seconds()
        summary = run_batch([str(path)], out, partition_size=size, client=client)
        cpu = sum(client.run(cpu_seconds)[w] - cpu_before[w] for w in cpu_before)
        client_cpu = cpu_seconds() - client_before  # the client and, in a LocalCluster, the scheduler
        rss = client.run(peak_rss_bytes)
    finally:
        client.close()
        cluster.close()
    return {
        "workers": workers,
        "start_up_s": round(start_up, 1),
        "wall_s": round(summary.wall_seconds, 1),
        "articles": summary.articles_run,
        "articles_per_s": round(summary.articles_per_second, 1),
        "events": summary.events,
        "failures": summary.failures,
        "peak_rss_mb": sorted(round(b / 2**20) for b in rss.values()),
        # CPU the workers got: below 1.0 per worker means other processes took the cores.
        "worker_cpu_s": round(cpu, 1),
        "cpu_share_per_worker": round(cpu / summary.wall_seconds / workers, 2),
        "articles_per_cpu_s": round(summary.articles_run / cpu, 1),
        "client_scheduler_cpu_s": round(client_cpu, 1),
        "load_avg_before": round(load, 2),
    }


def in_process(articles: list[Article]) -> tuple[list, float, int]:
    pipeline = get_pipeline(None)
    t0 = time.perf_counter()
    events = []
    failures = 0
    for article in articles:
        try:
            found = pipeline.extract(article)
        except Exception:
            failures += 1
            continue
        for e in found:
            e.article_id = article.id
            events.append(e)
    return events, time.perf_counter() - t0, failures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=10_000, help="articles in all (half per corpus)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare")
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--no-check", action="store_true", help="skip the in-process equality check")
    args = parser.parse_args()

    articles = sample(args.limit, args.news)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
        print(
            f"{len(articles)} articles, {sum(len(a.text) for a in articles) / len(articles):.0f} chars each"
        )
        # The in-process run first: colleagues may change the code while the benchmark runs.
        expected = None
        if not args.no_check:
            catalogue = versions()["catalogue_sha256"]
            expected, seconds, failures = in_process(articles)
            print(
                f"in-process: {len(articles) / seconds:.1f} articles/s, {len(expected)} events,"
                f" {failures} failure(s)"
            )
        results = []
        outputs = {}
        for n in (int(w) for w in args.workers.split(",")):
            out = Path(tmp) / f"out-{n}"
            results.append(run(path, out, n, args.partition_size))
            outputs[n] = list(read_events(out))
            print(json.dumps(results[-1]))
        base = results[0]
        for r in results[1:]:
            print(
                f"speedup {r['workers']} vs {base['workers']} worker(s):"
                f" {r['articles_per_s'] / base['articles_per_s']:.2f}x wall-clock,"
                f" {r['articles_per_cpu_s'] / base['articles_per_cpu_s']:.2f}x per CPU-second"
            )
        for (a, ea), (b, eb) in itertools.pairwise(outputs.items()):
            print(f"events of {a} and {b} worker(s) equal: {ea == eb}")
        if expected is not None:
            for n, events in outputs.items():
                same = events == expected
                detail = "" if same else f" ({len(events)} vs {len(expected)} events)"
                print(f"batch events with {n} worker(s) equal in-process events: {same}{detail}")
            if versions()["catalogue_sha256"] != catalogue:
                print("note: the resource catalogue changed during the benchmark")


if __name__ == "__main__":
    main()
