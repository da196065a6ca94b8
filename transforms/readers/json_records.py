"""JSON (one object or an array) and JSON Lines: one article per object.

Field names follow CONTRACT §2, first present wins. SaudiNewsNet's `date_extracted` is the
crawl time, so such a date is marked `crawl_time` rather than `record`. A lone UTF-16
surrogate escape («\\ud800», not a character) becomes U+FFFD, with a `parse_warning`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from transforms.readers.record import has_text, make_record
from transforms.rejections import Rejected

ALIASES = {
    "external_id": ("id", "docno"),
    "title": ("title",),
    "text": ("text", "content", "body"),
    "published_raw": ("published_at", "date", "time", "date_extracted"),
    "source": ("source", "src"),
    "url": ("url",),
    "section": ("section", "category", "cat"),
    "author": ("author",),
}
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def looks_like(text: str) -> bool:
    return text.lstrip()[:1] in ("{", "[")


def read(text: str, lines: bool = False) -> Iterator[dict | Rejected]:
    if lines or _is_json_lines(text):
        yield from _read_lines(text)
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:  # ValueError: also an integer of over 4,300 digits
        raise Rejected("malformed_json", _describe(err)) from None
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        yield _to_record(item, index)


def _is_json_lines(text: str) -> bool:
    stripped = text.strip()
    if not stripped.startswith("{"):
        return False
    first_line = stripped.split("\n", 1)[0].strip()
    try:
        json.loads(first_line)
    except (ValueError, RecursionError):
        return False
    return "\n" in stripped


def _read_lines(text: str) -> Iterator[dict | Rejected]:
    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (ValueError, RecursionError) as err:
            yield Rejected("malformed_json", f"line {index + 1}: {_describe(err)}", index)
            continue
        yield _to_record(item, index)


def _to_record(item: object, index: int) -> dict | Rejected:
    if not isinstance(item, dict):
        return Rejected("malformed_json", f"record {index} is a {type(item).__name__}, not an object", index)
    values = {}
    for field, names in ALIASES.items():
        for name in names:
            value = item.get(name)
            if value not in (None, ""):
                value = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                if _SURROGATE.search(value):
                    value = _SURROGATE.sub("\ufffd", value)
                    values["parse_warning"] = f"lone surrogate escape in {name!r}, replaced by U+FFFD"
                values[field] = value
                if field == "published_raw":
                    values["published_basis"] = "crawl_time" if name == "date_extracted" else "record"
                break
    if not has_text(values.get("text")):
        ident = values.get("external_id") or values.get("url") or f"#{index}"
        return Rejected("no_text", f"record {index} ({ident}) has no text/content/body", index)
    return make_record(**values)


def _describe(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} at line {err.lineno} column {err.colno}"
    if isinstance(err, RecursionError):
        return "nesting too deep"
    return str(err).split(";", 1)[0]  # «Exceeds the limit (4300 digits) for integer string conversion»
