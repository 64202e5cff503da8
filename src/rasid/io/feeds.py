"""RSS/Atom feeds (files or URLs): one article per entry, the body from the entry or fetched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from rasid.errors import RasidError
from rasid.io.articles import MAX_BYTES, check_published, text_id
from rasid.io.html import article_from_html, fragment_text
from rasid.model import Article

TIMEOUT_S = 20


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def looks_like_feed(head: bytes) -> bool:
    start = head[:2000].lstrip().lower()
    return start.startswith(b"<?xml") and (b"<rss" in start or b"<feed" in start or b"<rdf" in start)


def fetch(url: str) -> bytes:
    """Downloads a URL the user gave (the only network access rasid makes)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "rasid/0.1 (+conflict-event research)"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            data = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as e:
        raise RasidError(f"{url}: cannot download ({getattr(e, 'reason', e)})") from None
    if len(data) > MAX_BYTES:
        raise RasidError(f"{url}: larger than {MAX_BYTES // 2**20} MB")
    return data


def _entry_date(entry: dict, where: str) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            date = dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            return check_published(date, f"{where}: published date")
    return None


def _entry_body(entry: dict) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="")
    return fragment_text(html or entry.get("summary", "") or "")


def read_feed(data: bytes, name: str, fetch_pages: bool = False) -> Iterator[Article | RasidError]:
    """Articles from a feed document; an entry that fails yields its error and the rest go on."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise RasidError(f"{name}: not an RSS/Atom feed or no entries" + (f" ({problem})" if problem else ""))
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{name} entry {n}"
        link = entry.get("link")
        try:
            published = _entry_date(entry, where)
            if fetch_pages and link:
                article = article_from_html(fetch(link), link, url=link, published=published)
            else:
                text = _entry_body(entry)
                if not text:
                    raise RasidError(f"{where}: entry has no text (use --fetch to download the page)")
                article = Article(id=text_id(text), text=text, published=published, url=link)
        except RasidError as e:
            yield e
            continue
        article.id = str(entry.get("id") or link or article.id)
        article.title = article.title or entry.get("title")
        article.source = article.source or outlet
        yield article
