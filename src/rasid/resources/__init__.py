"""Package data (lexicons, gazetteer, models) and their catalogue.

`catalogue.json` lists each resource: name, version, file, source, licence, sha256, built_by.
Build scripts call `register()`; runtime code calls `path()` and loads lazily.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from rasid.errors import RasidError

ROOT = Path(__file__).parent
CATALOGUE = ROOT / "catalogue.json"


def catalogue() -> list[dict[str, Any]]:
    if not CATALOGUE.exists():
        return []
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


def path(file: str) -> Path:
    """The path of a packaged resource file; a clear error if it was never built."""
    p = ROOT / file
    if not p.exists():
        raise RasidError(f"resource {file} is missing: rebuild it with the script named in the README")
    return p


def sha256(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify() -> list[tuple[dict[str, Any], str]]:
    """Each catalogue entry with its state: "ok", "missing" or "changed" (checksum differs)."""
    states = []
    for entry in catalogue():
        p = ROOT / entry["file"]
        state = "missing" if not p.exists() else "ok" if sha256(p) == entry["sha256"] else "changed"
        states.append((entry, state))
    return states


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Writes a file so that readers see the old or the new content, never half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # package data is read by every user
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def register(
    name: str, file: str, version: str, source: str, licence: str, built_by: str, **extra: Any
) -> dict[str, Any]:
    """Adds or replaces the catalogue entry of one resource, with the checksum of its file."""
    entry = {
        "name": name,
        "version": version,
        "file": file,
        "source": source,
        "licence": licence,
        "sha256": sha256(ROOT / file),
        "built_by": built_by,
        **extra,
    }
    _write_catalogue([e for e in catalogue() if e["name"] != name] + [entry])
    return entry


def unregister(name: str) -> None:
    """Drops the catalogue entry of a resource that is no longer built."""
    _write_catalogue([e for e in catalogue() if e["name"] != name])


def _write_catalogue(entries: list[dict[str, Any]]) -> None:
    entries.sort(key=lambda e: e["name"])
    atomic_write_bytes(CATALOGUE, (json.dumps(entries, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def write_json(name: str, file: str, data: dict[str, Any], source: str, built_by: str, **extra: Any) -> Path:
    """Writes a JSON model resource atomically and registers it (version taken from `data`)."""
    target = ROOT / file
    atomic_write_bytes(target, (json.dumps(data, ensure_ascii=False, indent=0) + "\n").encode("utf-8"))
    licence = "MIT (weights); training text not redistributed"
    register(name, file, str(data["version"]), source, licence, built_by, **extra)
    return target
