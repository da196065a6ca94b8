"""A news web page: the main text, title, date and URL, extracted by trafilatura.

trafilatura drops navigation, scripts and boilerplate and is language-independent, which is
what Arabic pages need; it never executes scripts or fetches anything. Its HTML parser never
expands entities; a page that declares some anyway is refused, as XML is. A page of more than
MAX_PAGE_CHARS is refused before parsing, which costs tens of times the page's size in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura

from transforms.readers.record import has_text, make_record
from transforms.rejections import Rejected

# leading comments are skipped possessively (*+): a lazy .*? that may also swallow the next
# comment backtracks exponentially over «<!----><!---->…x»
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*+<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.I)
MAX_PAGE_CHARS = 8 * 2**20  # news pages are well under 1 MB


def looks_like(text: str) -> bool:
    return bool(_HTML_START.match(text[:4000]))


def read(text: str) -> Iterator[dict | Rejected]:
    if len(text) > MAX_PAGE_CHARS:
        raise Rejected("file_too_large", f"an HTML page of {len(text):,} characters (limit {MAX_PAGE_CHARS:,})")
    if _ENTITY_DECLARATION.search(text):
        raise Rejected("xml_entity_declaration", "an <!ENTITY> declaration in an HTML page")
    doc = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True)
    body = (doc.text if doc else "") or ""
    title = doc.title if doc else None
    if title and body.startswith(title + "\n"):
        body = body[len(title) + 1 :]  # trafilatura repeats the <h1> headline as the first line
    if not has_text(body):
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
