"""The article record that every reader produces."""

from __future__ import annotations

FIELDS = (
    "external_id",  # the record's own id (JSON id, XML DOCNO), if any
    "title",
    "text",  # the story body; offsets of every later fact point into this string
    "published_raw",  # the publication date as written in the record
    "published_basis",  # what published_raw is: "record" or "crawl_time" (SaudiNewsNet)
    "source",
    "url",
    "section",
    "author",
    "abstract",
    "caption",  # photo caption (seed .txt layout), without its credit
    "photo_credit",  # the credit after the caption's final "- "
    "related_links",  # list of "اقرأ أيضا:" teasers, kept apart from the text
    "parse_warning",  # set when the input was malformed but the article could be recovered
)


def has_text(value: str | None) -> bool:
    """True when `value` holds a visible character: whitespace, zero-width and bidi controls
    (U+200B, U+200F, U+202E, U+FEFF …) alone are no text."""
    return bool(value) and any(char.isprintable() and not char.isspace() for char in value)


def make_record(**values) -> dict:
    """A record with every field present (missing ones None), strings stripped."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown record fields: {sorted(unknown)}")
    record = dict.fromkeys(FIELDS)
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip() or None
        record[key] = value
    if record["related_links"] is None:
        record["related_links"] = []
    return record
