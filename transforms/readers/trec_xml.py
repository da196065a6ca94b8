"""TREC-style pseudo-XML: `<DOC><DOCNO/>…<TEXT/></DOC>`, one or many records per file (ANT).

ANT is not always well-formed XML (a bare `&` in «S&P», a bare `<`, a U+0002), so records
are cut out by a tolerant scan rather than an XML parser, and such a record is kept with a
`parse_warning`. The scan is linear in the file's size, unclosed tags included. DTDs and
entity declarations are refused, never expanded.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from transforms.readers.record import has_text, make_record
from transforms.rejections import Rejected

TAGS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "TIME", "AUTHOR", "ABSTRACT", "TEXT")
_DOC = re.compile(r"<(DOC)>")
_FIELD = re.compile(r"<(" + "|".join(TAGS) + r")>")
_DECLARATION = re.compile(r"<!(DOCTYPE|ENTITY)", re.I)
_KNOWN_TAG = r"/?(?:DOC|" + "|".join(TAGS) + r")>"
_BARE_AMP = re.compile(r"&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_BARE_LT = re.compile(r"<(?!" + _KNOWN_TAG + r"|\?xml)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def looks_like(text: str) -> bool:
    return "<DOC>" in text[:2000]


def read(text: str) -> Iterator[dict | Rejected]:
    if _DECLARATION.search(text):
        raise Rejected("xml_entity_declaration", "a <!DOCTYPE> or <!ENTITY> declaration")
    docs = [doc for _, doc in _elements(text, _DOC)]
    if not docs:
        raise Rejected("malformed_xml", "no <DOC>…</DOC> record found")
    for index, doc in enumerate(docs):
        fields = {tag: html.unescape(value) for tag, value in _elements(doc, _FIELD)}
        if not has_text(fields.get("TEXT")):
            yield Rejected("no_text", f"<DOC> {fields.get('DOCNO') or index} has an empty <TEXT>", index)
            continue
        yield make_record(
            external_id=fields.get("DOCNO"),
            url=fields.get("URL"),
            source=fields.get("SRC"),
            section=fields.get("CAT"),
            title=fields.get("TITLE"),
            published_raw=fields.get("TIME"),
            published_basis="record",
            author=fields.get("AUTHOR"),
            abstract=fields.get("ABSTRACT"),
            text=_CONTROL.sub("", fields["TEXT"]),
            parse_warning=_wellformedness_problem(doc),
        )


def _elements(text: str, opening: re.Pattern) -> Iterator[tuple[str, str]]:
    """(tag, content) of every `<TAG>content</TAG>`, left to right, as a lazy regex would cut
    them — but linear: a tag found unclosed once is never searched to the end again."""
    position, unclosed = 0, set()
    while match := opening.search(text, position):
        tag = match[1]
        end = -1 if tag in unclosed else text.find(f"</{tag}>", match.end())
        if end < 0:
            unclosed.add(tag)
            position = match.start() + 1
            continue
        yield tag, text[match.end() : end]
        position = end + len(tag) + 3


def _wellformedness_problem(doc: str) -> str | None:
    """Why a strict XML parser would fail on this record (the article is still read)."""
    if match := _BARE_AMP.search(doc):
        return f"not well-formed XML: bare '&' at {match.start()}, kept as text"
    if match := _BARE_LT.search(doc):
        return f"not well-formed XML: bare '<' at {match.start()}, kept as text"
    if match := _CONTROL.search(doc):
        return f"not well-formed XML: control character U+{ord(match.group()):04X} at {match.start()}, removed"
    return None
