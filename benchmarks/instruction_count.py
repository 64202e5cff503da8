"""Instructions per article of a warm extraction pass, counted by valgrind (callgrind): a speed figure
that a noisy machine does not move, for comparing two versions of the code.

    python benchmarks/instruction_count.py ../shared/eval/dev.jsonl
    python benchmarks/instruction_count.py ../shared/eval/dev.jsonl --baseline /tmp/start-worktree

Each version runs twice under callgrind: loading and one warm-up pass, then the same plus --passes more
passes; the difference divided by the passes and the articles is what one warm pass costs. The baseline is
another checkout of the repository (its `src` is imported instead of this one's). Needs the `valgrind`
program (Debian: apt-get install valgrind); a run takes minutes, as the code runs some 50 times slower.
The count includes the ONNX tagger, whose vector instructions do more work each than Python's. A
checkout with Pipeline.pipe runs its passes through it, in batches, as the tool does.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_RUNNER = """
import json, sys
sys.path.insert(0, sys.argv[1])
from rasid.model import Article
from rasid.pipeline import Pipeline
articles = [Article.from_dict(json.loads(line)) for line in open(sys.argv[2], encoding="utf-8") if line.strip()]
pipeline = Pipeline()
for _ in range(1 + int(sys.argv[3])):
    if hasattr(pipeline, "pipe"):  # in batches, as the tool runs (older checkouts: one at a time)
        for doc in pipeline.pipe(articles):
            pass
    else:
        for article in articles:
            pipeline(article)
"""


def instructions(src: Path, articles: Path, passes: int, work: Path) -> int:
    out = work / f"callgrind.{passes}.out"
    proc = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-c",
            _RUNNER,
            str(src),
            str(articles),
            str(passes),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"valgrind failed on {src}: {proc.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1))


def per_article(src: Path, articles: Path, n: int, passes: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        base = instructions(src, articles, 0, Path(tmp))
        more = instructions(src, articles, passes, Path(tmp))
    return (more - base) / passes / n


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", help="JSONL articles (id, text, published)")
    parser.add_argument("--passes", type=int, default=2, help="warm passes counted (default 2)")
    parser.add_argument("--baseline", help="another checkout of the repository to compare with")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    if args.passes < 1:
        raise SystemExit("--passes must be at least 1")
    path = Path(args.path)
    n = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    report: dict[str, object] = {"articles": n, "passes": args.passes}
    report["instructions_per_article"] = round(per_article(ROOT / "src", path, n, args.passes))
    if args.baseline:
        base = per_article(Path(args.baseline) / "src", path, n, args.passes)
        report["baseline_instructions_per_article"] = round(base)
        report["baseline_over_this_ratio"] = round(base / float(report["instructions_per_article"]), 3)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
