"""Turn the bytes of one inbox file into article records or rejections.

Formats are recognised by content first (ANT ships TREC XML in `.txt` files), then by
extension. Archives are opened and their members dispatched the same way. A record whose text
is longer than `Limits.max_text_chars` is refused (`file_too_large`), and so is text that mixes
UTF-8 and Windows-1256 (either decoding would garble part of it).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from transforms.encoding import _ARABIC_LETTER, decode
from transforms.readers import archive, html_page, json_records, plain_text, trec_xml
from transforms.rejections import Rejected

TEXT_EXTENSIONS = {".txt", ".xml", ".json", ".jsonl", ".html", ".htm", ""}
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip stream",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\xd0\xcf\x11\xe0": "an OLE (old Office) document",
}

# an Arabic letter (U+0600-U+06FF) in UTF-8; in Windows-1256 Arabic text this pair of bytes
# is a letter before punctuation: under 0.5% of the letters of any of 3,054 ANT articles
_UTF8_ARABIC = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
_MIXED_SHARE = 0.02


@dataclass
class Found:
    """One record (or one rejection) found in a file; `member` is the path inside archives."""

    member: str  # "" for the file itself, "a.zip!b.json" style path for archive members
    item: dict | Rejected
    encoding: str | None = None
    format: str | None = None


def read_bytes(
    data: bytes, name: str, limits: archive.Limits, depth: int = 0, budget: archive.Budget | None = None
) -> Iterator[Found]:
    """Every record of `data` (a file called `name`). Raises Rejected for a whole-file failure."""
    if archive.is_zip(data):
        budget = budget or archive.Budget.of(limits)
        for member, content in archive.members(data, limits, depth + 1, budget):
            if isinstance(content, Rejected):
                yield Found(member, content)
                continue
            try:
                for found in read_bytes(content, member, limits, depth + 1, budget):
                    found.member = member + ("!" + found.member if found.member else "")
                    yield found
            except Rejected as rejection:
                yield Found(member, rejection)
        return
    suffix = PurePosixPath(name).suffix.lower()
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise Rejected("unsupported_type", f"{what} ({suffix or 'no extension'})")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16's BOM, its prefix
        raise Rejected("undecodable_text", "UTF-32 text (supported: UTF-8, UTF-16, Windows-1256)")
    text, encoding = decode(data)
    if encoding == "cp1256":
        _reject_mixed_encodings(data, text)
    text = text.lstrip("\ufeff")  # a second BOM, from a tool that added one to a file that had one
    fmt, records = _dispatch(text, suffix)
    for index, item in enumerate(records):
        if isinstance(item, dict) and len(item["text"]) > limits.max_text_chars:
            detail = f"article text of {len(item['text']):,} characters (limit {limits.max_text_chars:,})"
            item = Rejected("file_too_large", detail, index)
        yield Found("", item, encoding, fmt)


def _reject_mixed_encodings(data: bytes, text: str) -> None:
    """Windows-1256 is tried only on bytes that are not UTF-8; when many of them still are
    UTF-8 Arabic letters, the file mixes both encodings."""
    chunk = 2**20  # counted chunk by chunk: no list of millions of matches
    utf8 = sum(_UTF8_ARABIC.subn(b"", data[i : i + chunk])[1] for i in range(0, len(data), chunk))
    letters = sum(_ARABIC_LETTER.subn("", text[i : i + chunk])[1] for i in range(0, len(text), chunk))
    if utf8 >= 10 and utf8 > _MIXED_SHARE * letters:
        raise Rejected("undecodable_text", f"mixed encodings: {utf8} UTF-8 Arabic letters in Windows-1256 text")


def _dispatch(text: str, suffix: str):
    if trec_xml.looks_like(text) or suffix == ".xml":
        return "trec_xml", trec_xml.read(text)
    if suffix in (".json", ".jsonl") or json_records.looks_like(text):
        return "json", json_records.read(text, lines=suffix == ".jsonl")
    if suffix in (".html", ".htm") or html_page.looks_like(text):
        return "html", html_page.read(text)
    if suffix in TEXT_EXTENSIONS:
        return "text", plain_text.read(text)
    raise Rejected("unsupported_type", f"extension {suffix!r} and content of no known format")
