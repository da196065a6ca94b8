"""Turn the bytes of one inbox file into article records or rejections.

Formats are recognised by content first (ANT ships TREC XML in `.txt` files), then by
extension. Archives are opened and their members dispatched the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from transforms.encoding import decode
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


@dataclass
class Found:
    """One record (or one rejection) found in a file; `member` is the path inside archives."""

    member: str  # "" for the file itself, "a.zip!b.json" style path for archive members
    item: dict | Rejected
    encoding: str | None = None
    format: str | None = None


def read_bytes(data: bytes, name: str, limits: archive.Limits, depth: int = 0) -> Iterator[Found]:
    """Every record of `data` (a file called `name`). Raises Rejected for a whole-file failure."""
    if archive.is_zip(data):
        for member, content in archive.members(data, limits, depth + 1):
            if isinstance(content, Rejected):
                yield Found(member, content)
                continue
            try:
                for found in read_bytes(content, member, limits, depth + 1):
                    found.member = member + ("!" + found.member if found.member else "")
                    yield found
            except Rejected as rejection:
                yield Found(member, rejection)
        return
    suffix = PurePosixPath(name).suffix.lower()
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise Rejected("unsupported_type", f"{what} ({suffix or 'no extension'})")
    text, encoding = decode(data)
    fmt, records = _dispatch(text, suffix)
    for item in records:
        yield Found("", item, encoding, fmt)


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
