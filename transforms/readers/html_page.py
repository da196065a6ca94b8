"""A news web page: the main text, title, date and URL, extracted by trafilatura.

trafilatura drops navigation, scripts and boilerplate and is language-independent, which is
what Arabic pages need; it never executes scripts or fetches anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura

from transforms.readers.record import make_record
from transforms.rejections import Rejected

_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like(text: str) -> bool:
    return bool(_HTML_START.match(text[:4000]))


def read(text: str) -> Iterator[dict | Rejected]:
    doc = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True)
    body = (doc.text if doc else "") or ""
    title = doc.title if doc else None
    if title and body.startswith(title + "\n"):
        body = body[len(title) + 1 :]  # trafilatura repeats the <h1> headline as the first line
    if not body.strip():
        raise Rejected("no_text", "no main text found in the page")
    yield make_record(
        title=title,
        text=body,
        url=doc.url,
        source=doc.sitename,
        author=doc.author,
        section=", ".join(doc.categories) if doc.categories else None,
        published_raw=doc.date,
        published_basis="record" if doc.date else None,
    )
