"""HTML pages: the main text (trafilatura), the title, date and outlet from the page's metadata."""

from __future__ import annotations

import datetime as dt
import re

from rasid.errors import RasidError
from rasid.io.articles import decode, text_id
from rasid.model import Article

_BLOCKS = ("br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section")


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def html_text(data: bytes | str, name: str) -> str | bytes:
    """The page as text where our decoder recognises it, else the bytes (trafilatura reads the charset)."""
    if isinstance(data, str):
        return data
    try:
        return decode(data, name)
    except RasidError:
        return data


def article_from_html(
    data: bytes | str,
    name: str,
    article_id: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """One article from an HTML page; a RasidError when the page has no main text."""
    import trafilatura

    page = html_text(data, name)
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,  # menus and teasers must not become article text
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # trafilatura raises assorted parser errors on broken markup
        raise RasidError(f"{name}: cannot parse HTML ({type(e).__name__})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise RasidError(f"{name}: no article text found in the HTML")
    title = getattr(doc, "title", None)
    return Article(
        id=article_id or text_id(text),
        text=text,
        published=published or _date(getattr(doc, "date", None)),
        source=getattr(doc, "sitename", None),
        url=url or getattr(doc, "url", None),
        title=title,
    )


def fragment_text(fragment: str) -> str:
    """Plain text of a short HTML fragment (a feed entry's summary), one line per block."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html
    from lxml_html_clean import Cleaner

    try:
        tree = lxml.html.fragment_fromstring(fragment, create_parent="div")
        tree = Cleaner(scripts=True, javascript=True, style=True, comments=True).clean_html(tree)
    except Exception:  # malformed markup: drop the tags
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line)
