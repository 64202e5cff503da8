"""Names that follow a place word in the news corpora but that the gazetteer does not know, by frequency.

    .venv/bin/python scripts/place_gaps.py [--min 8] [--top 300] > gaps.tsv

Output columns: count, name, the place words seen before it, and the countries whose key words occur
around it (a hint). Most rows are ordinary words ("العامة", "القتال"); the real places among them were
curated by hand into scripts/data/curated_places.tsv (session 5) with coordinates from the authors'
knowledge. Prints names only, never article text.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from label_candidates import iter_corpora

from rasid.places.gazetteer import default_gazetteer

PLACE_WORDS = (
    "مديرية|مديريات|بلدة|قرية|مدينة|منطقة|حي|جبهة|جبهات|ناحية|قضاء|مخيم|جبل|وادي|معبر|مطار|محافظة|ميناء|قاعدة"
    "|ولاية|إقليم|اقليم|مقاطعة"
)
_NAME = re.compile(
    r"(?:^|\s)[وفبل]?(?:ال)?("
    + PLACE_WORDS
    + r")\s+((?:ال)?[\u0621-\u064a]{3,}(?:\s+ال[\u0621-\u064a]{3,})?)"
)
_COUNTRY_WORDS = {
    "YE": "اليمن|الحوثي|صنعاء|تعز|عدن|مأرب",
    "SY": "سوريا|سورية|دمشق|حلب|إدلب",
    "IQ": "العراق|بغداد|الموصل|الأنبار",
    "PS": "غزة|الضفة|فلسطين",
    "SA": "السعودية|المملكة|الرياض",
    "LY": "ليبيا|طرابلس|بنغازي",
    "EG": "مصر|سيناء|القاهرة",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min", type=int, default=8, help="least number of occurrences")
    ap.add_argument("--top", type=int, default=1000)
    args = ap.parse_args()
    gaz = default_gazetteer()
    counts: Counter[str] = Counter()
    words: defaultdict[str, Counter[str]] = defaultdict(Counter)
    countries: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for _corpus, _aid, _pub, _title, text in iter_corpora():
        for m in _NAME.finditer(text):
            word, name = m.group(1), m.group(2)
            first = name.split()[0]
            if any(gaz.lookup(k) for k in (name, first, f"{word} {name}", f"ال{word} {name}")):
                continue  # known, alone or with its place word ("المنطقة الشرقية")
            key = name if " " in name and not gaz.lookup(first) else first
            counts[key] += 1
            words[key][word] += 1
            around = text[max(0, m.start() - 150) : m.end() + 150]
            countries[key].update(cc for cc, pattern in _COUNTRY_WORDS.items() if re.search(pattern, around))
    for name, n in counts.most_common(args.top):
        if n < args.min:
            break
        seen = ",".join(w for w, _ in words[name].most_common(3))
        hint = ",".join(f"{cc}:{k}" for cc, k in countries[name].most_common(3))
        print(f"{n}\t{name}\t{seen}\t{hint}")


if __name__ == "__main__":
    main()
