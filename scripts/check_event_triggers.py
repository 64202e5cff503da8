"""Checks the hand-written event trigger lexicon and registers it in the resource catalogue.

    .venv/bin/python scripts/check_event_triggers.py

Each row: ACLED sub-event type, weapon (or empty), strength (strong | weak | cue), forms joined by " | ".
A form listed twice is owned by its first row (the lexicon loader keeps the first); the check reports it.
"""

from __future__ import annotations

import sys

from rasid import resources
from rasid.model import SUB_TO_TYPE, WEAPONS
from rasid.text.normalize import norm

FILE = "event_triggers.tsv"
STRENGTHS = {"strong", "weak", "cue"}


def check() -> list[str]:
    problems: list[str] = []
    owner: dict[str, int] = {}
    killing_rows: list[int] = []
    for n, line in enumerate((resources.ROOT / FILE).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 4:
            problems.append(f"line {n}: {len(cols)} columns, expected 4")
            continue
        sub, weapon, strength, forms = cols
        if sub not in SUB_TO_TYPE:
            problems.append(f"line {n}: unknown sub-event type {sub!r}")
        if strength not in STRENGTHS:
            problems.append(f"line {n}: strength {strength!r} is not one of {sorted(STRENGTHS)}")
        if weapon and weapon not in WEAPONS:
            problems.append(f"line {n}: unknown weapon {weapon!r}")
        if (sub, weapon, strength) == ("Attack", "", "weak"):
            killing_rows.append(n)  # rasid.events.triggers reads this one row as the killing words'
            if len(killing_rows) > 1:
                problems.append(f"line {n}: a second weak Attack row with no weapon (line {killing_rows[0]})")
        for form in (f.strip() for f in forms.split("|")):
            if not form:
                problems.append(f"line {n}: empty form")
                continue
            key = norm(form)
            if key in owner and owner[key] != n:
                problems.append(f"line {n}: {form!r} is already owned by line {owner[key]}")
            owner.setdefault(key, n)
    return problems


def main() -> None:
    problems = check()
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(f"{FILE}: {len(problems)} problem(s); not registered")
    resources.register(
        name="event_triggers",
        file=FILE,
        version="1",
        source="hand-written by the rasid team (ACLED sub-event types; no corpus text)",
        licence="MIT",
        built_by="scripts/check_event_triggers.py (checks and registers; the file is edited by hand)",
    )
    print(f"{FILE}: ok, registered")


if __name__ == "__main__":
    main()
