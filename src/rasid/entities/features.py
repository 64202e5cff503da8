"""CRF features for Arabic NER over matching-form tokens (rasid.text.norm of each token).

Per token: the word and its clitic-stripped forms, affixes, shape, word clusters learned without
labels (three k-means granularities over word2vec), gazetteer matches (multi-token, longest
first), trigger-word classes, and the same views of the neighbours in a +-2 window.
Word-level feature lists are cached per word type, so tagging costs little more than a few list
concatenations per token.
"""

from __future__ import annotations

import gzip
from functools import cache

from rasid import resources
from rasid.text import norm, proclitic_forms

CLUSTERS_FILE = "ner_clusters.tsv.gz"
GAZETTEER_FILE = "ner_gazetteer.tsv.gz"
AFFINITY_FILE = "ner_affinity.tsv.gz"
MAX_GAZ_TOKENS = 5

# Words that announce an entity of a type nearby (matching forms, looked up on clitic-stripped forms).
_TRIGGERS = {
    "PER": """قال قالت اكد اكدت اضاف اضافت اعلن اعلنت صرح اوضح اشار ذكر افاد الرئيس رئيس رئيسه الوزير
    وزير وزيره السيد السيده الشيخ الدكتور د الملك الامير الاميره المستشار النائب السفير المتحدث الناطق
    الزعيم القائد اللواء العميد العقيد الجنرال المبعوث الامين المرشح الفنان الفنانه اللاعب المدرب
    الكاتب الشاعر الصحفي المخرج المطرب المطربه البابا الرئيسه العاهل نائب مساعد المدير مدير الحاكم
    المفتي الامام القاضي المحامي الملكه ولي""",
    "LOC": """مدينه محافظه ولايه منطقه قريه بلده عاصمه العاصمه اقليم جنوب شمال شرق غرب وسط حي مخيم ريف
    دوله جزيره جزر بحر نهر جبل مقاطعه ضاحيه بلدات قري مدن شمالي جنوبي شرقي غربي مطار ميناء""",
    "ORG": """تنظيم حركه جماعه حزب منظمه شركه وكاله جامعه مجلس وزاره هيئه جبهه اتحاد جيش قوات لجنه بنك
    مؤسسه صحيفه قناه نادي فريق مركز معهد منتخب المجلس اللجنه الحزب الحركه التنظيم الجماعه الشركه
    الوكاله الجامعه الوزاره الهيئه الجبهه الاتحاد البنك المؤسسه الصحيفه القناه النادي الفريق المنتخب
    مليشيا ميليشيا كتائب كتيبه لواء تحالف التحالف ائتلاف""",
    "MISC": """بطوله كاس دوري مهرجان مؤتمر جائزه اتفاقيه اتفاق معاهده عمليه دوره مسابقه كتاب فيلم مسلسل
    برنامج صحيفه مجله""",
}
TRIGGERS: dict[str, str] = {}
for _kind, _words in _TRIGGERS.items():
    for _w in _words.split():
        TRIGGERS.setdefault(norm(_w), _kind)


# Word types whose features are cached; the most frequent come first, so a bound keeps memory flat.
_CACHE_WORDS = 20_000


@cache
def load_clusters() -> dict[str, tuple[str, ...]]:
    """word -> cluster ids, coarse to fine (empty when the resource was never built)."""
    try:
        p = resources.path(CLUSTERS_FILE)
    except Exception:
        return {}
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table


@cache
def load_gazetteer() -> dict[tuple[str, ...], str]:
    """name (tuple of matching-form tokens) -> types joined by '|' (e.g. 'LOC' or 'LOC|PER')."""
    try:
        p = resources.path(GAZETTEER_FILE)
    except Exception:
        return {}
    names: dict[tuple[str, ...], str] = {}
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            kind, name = line.rstrip("\n").split("\t")
            names[tuple(name.split(" "))] = kind
    return names


@cache
def load_affinity() -> dict[str, tuple[str, ...]]:
    """word -> entity-type affinity marks (e.g. ('PER3',)) predicted from its embedding."""
    try:
        p = resources.path(AFFINITY_FILE)
    except Exception:
        return {}
    table: dict[str, tuple[str, ...]] = {}
    with gzip.open(p, "rt", encoding="utf-8") as f:
        for line in f:
            word, *marks = line.rstrip("\n").split("\t")
            table[word] = tuple(marks)
    return table


def _shape(word: str) -> str:
    c = word[0]
    if c.isdigit():
        return "digit" if len(word) < 4 else "digit4"
    if not c.isalpha():
        return "punct"
    if "\u0600" <= c <= "\u06ff":
        return "ar"
    return "Lat" if c.isupper() else "lat"


def _rank_bucket(rank: int | None) -> str:
    """Corpus frequency band of a word (the cluster table is in frequency order); names are rare."""
    if rank is None:
        return "oov"
    return "1k" if rank < 1000 else "10k" if rank < 10_000 else "30k" if rank < 30_000 else "100k"


_LENGTH_BANDS = ("0", "1", "2", "3", "4-5", "4-5", "6-8", "6-8", "6-8")


def _length(word: str) -> str:
    return _LENGTH_BANDS[len(word)] if len(word) < len(_LENGTH_BANDS) else "9+"


class Featurizer:
    """Turns a sentence of matching-form tokens into CRF attribute lists."""

    def __init__(
        self,
        clusters: dict[str, tuple[str, ...]] | None = None,
        gazetteer: dict[tuple[str, ...], str] | None = None,
        affinity: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.affinity = load_affinity() if affinity is None else affinity
        self.clusters = load_clusters() if clusters is None else clusters
        self.gazetteer = load_gazetteer() if gazetteer is None else gazetteer
        self.gaz_first: dict[str, int] = {}
        for name in self.gazetteer:
            if len(name) <= MAX_GAZ_TOKENS:
                self.gaz_first[name[0]] = max(self.gaz_first.get(name[0], 0), len(name))
        self.freq_rank = {w: i for i, w in enumerate(self.clusters)}
        self._own: dict[str, list[str]] = {}
        self._ctx: tuple[dict[str, list[str]], ...] = ({}, {}, {}, {})
        self._views: dict[str, tuple[str, tuple[str, ...], str | None, tuple[str, ...]]] = {}
        self._recent_gaz: dict[tuple[str, ...], list[str | None]] = {}

    # -- word-level views, cached per word type -------------------------------------------
    def _view(self, word: str) -> tuple[str, tuple[str, ...], str | None, tuple[str, ...]]:
        """(stem, cluster ids, trigger class, type affinity) of a word."""
        v = self._views.get(word)
        if v is None:
            forms = proclitic_forms(word) if word[0].isalpha() else (word,)
            stem = forms[-1]
            cl: tuple[str, ...] = ()
            for f in forms:
                cl = self.clusters.get(f, ())
                if cl:
                    break
            trig = next((TRIGGERS[f] for f in forms if f in TRIGGERS), None)
            aff = next((self.affinity[f] for f in forms if f in self.affinity), ())
            v = (stem, cl, trig, aff)
            if len(self._views) < _CACHE_WORDS:
                self._views[word] = v
        return v

    def own_features(self, word: str) -> list[str]:
        feats = self._own.get(word)
        if feats is not None:
            return feats
        stem, cl, trig, aff = self._view(word)
        feats = ["b", "w=" + word, "sh=" + _shape(word), "len=" + _length(word)]
        feats.append("fr=" + _rank_bucket(self.freq_rank.get(word)))
        if word[0].isalpha():
            forms = proclitic_forms(word)
            feats += ["f=" + f for f in forms[1:]]
            feats += ["p1=" + word[:1], "p2=" + word[:2], "p3=" + word[:3]]
            feats += ["s1=" + word[-1:], "s2=" + word[-2:], "s3=" + word[-3:]]
            if stem != word:
                feats += ["sp2=" + stem[:2], "ss2=" + stem[-2:], "ss3=" + stem[-3:]]
            if word.startswith("ال"):
                feats.append("al")
        if cl:
            feats += [f"c{j}={c}" for j, c in enumerate(cl)]
        else:
            feats.append("c=none")
        if trig:
            feats.append("t=" + trig)
        feats += ["af=" + a for a in aff]
        if len(self._own) < _CACHE_WORDS:
            self._own[word] = feats
        return feats

    def context_features(self, word: str, slot: int) -> list[str]:
        """Features of a neighbour; slot 0..3 stands for offsets -2, -1, +1, +2."""
        cache_ = self._ctx[slot]
        feats = cache_.get(word)
        if feats is not None:
            return feats
        tag = ("-2", "-1", "+1", "+2")[slot]
        stem, cl, trig, aff = self._view(word)
        feats = [tag + "w=" + word, tag + "st=" + stem]
        if cl:
            feats += [f"{tag}c{j}={c}" for j, c in enumerate(cl) if j >= len(cl) - 2]
        if trig:
            feats.append(tag + "t=" + trig)
        if slot in (1, 2):
            feats.append(tag + "sh=" + _shape(word))
            feats += [tag + "af=" + a for a in aff]
        if len(cache_) < _CACHE_WORDS:
            cache_[word] = feats
        return feats

    # -- sentence-level -------------------------------------------------------------------
    def gazetteer_tags(self, words: list[str]) -> list[str | None]:
        """'B-LOC' / 'I-LOC' style marks from the longest gazetteer match at each position."""
        key = tuple(words)  # doc_marks and sentence() both ask for the sentences of one document
        marks = self._recent_gaz.get(key)
        if marks is None:
            if len(self._recent_gaz) > 512:
                self._recent_gaz.clear()
            marks = self._recent_gaz[key] = self._gazetteer_tags(words)
        return marks

    def _gazetteer_tags(self, words: list[str]) -> list[str | None]:
        marks: list[str | None] = [None] * len(words)
        n = len(words)
        i = 0
        while i < n:
            word = words[i]
            matched = 0
            kind = ""
            if word[0].isalpha():
                for first in proclitic_forms(word):
                    longest = self.gaz_first.get(first)
                    if not longest:
                        continue
                    for k in range(min(longest, n - i), matched, -1):
                        hit = self.gazetteer.get((first, *words[i + 1 : i + k]))
                        if hit:
                            matched, kind = k, hit
                            break
            if matched:
                marks[i] = "B-" + kind
                for j in range(i + 1, i + matched):
                    marks[j] = "I-" + kind
                i += matched
            else:
                i += 1
        return marks

    def doc_marks(self, sentences: list[list[str]]) -> dict[str, list[str]]:
        """Label-free document context: for each word stem, the trigger classes seen one or two
        words before any of its occurrences in the document, and its gazetteer types there."""
        marks: dict[str, set[str]] = {}
        for words in sentences:
            gaz = self.gazetteer_tags(words) if self.gaz_first else [None] * len(words)
            for i, word in enumerate(words):
                if len(word) < 3 or not word[0].isalpha():
                    continue
                found = marks.setdefault(self._view(word)[0], set())
                for off in (1, 2):
                    if i >= off and (trig := self._view(words[i - off])[2]):
                        found.add(f"d{off}t={trig}")
                if gaz[i]:
                    found.add("dgz=" + gaz[i][2:])  # type: ignore[index]
        return {stem: sorted(found) for stem, found in marks.items() if found}

    def sentence(self, words: list[str], marks: dict[str, list[str]] | None = None) -> list[list[str]]:
        """Attribute lists for a sentence of matching-form tokens (`marks` from doc_marks)."""
        n = len(words)
        gaz = self.gazetteer_tags(words) if self.gaz_first else [None] * n
        own_cache, ctx = self._own, self.context_features
        c0, c1, c2, c3 = self._ctx
        own = [own_cache.get(w) or self.own_features(w) for w in words]
        out: list[list[str]] = []
        for i, word in enumerate(words):
            feats = own[i].copy()
            if i >= 2:
                w = words[i - 2]
                feats += c0.get(w) or ctx(w, 0)
            if i >= 1:
                w = words[i - 1]
                feats += c1.get(w) or ctx(w, 1)
                feats.append("w-1|w=" + w + "|" + word)
                if gaz[i - 1]:
                    feats.append("gz-1=" + gaz[i - 1])  # type: ignore[operator]
            else:
                feats.append("BOS")
            if i + 1 < n:
                w = words[i + 1]
                feats += c2.get(w) or ctx(w, 2)
                feats.append("w|w+1=" + word + "|" + w)
                if gaz[i + 1]:
                    feats.append("gz+1=" + gaz[i + 1])  # type: ignore[operator]
            else:
                feats.append("EOS")
            if i + 2 < n:
                w = words[i + 2]
                feats += c3.get(w) or ctx(w, 3)
            if gaz[i]:
                feats.append("gz=" + gaz[i])  # type: ignore[operator]
            if marks and len(word) >= 3 and (doc := marks.get(self._view(word)[0])):
                feats += doc
            out.append(feats)
        return out
