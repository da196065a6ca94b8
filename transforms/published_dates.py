"""Publication dates as written in records -> UTC timestamps, as a Polars expression.

Seen in the inputs: RFC 2822 (ANT: «Thu, 01 Mar 2018 00:30:44 GMT», «… +0400»), SaudiNewsNet's
«2015-07-23 19:28:17», ISO 8601 with or without offset, and bare ISO dates (trafilatura).
Times without an offset are taken as UTC.
"""

from __future__ import annotations

import polars as pl

_AWARE = ("%a, %d %b %Y %H:%M:%S %z", "%d %b %Y %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%z")
_NAIVE = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M")


def parse_published(column: str) -> pl.Expr:
    """Naive UTC datetime (microseconds) or null when the text is no date we know."""
    raw = (
        pl.col(column)
        .str.strip_chars()
        .str.replace(r"\s*(GMT|UTC|UT)$", " +0000")
        .str.replace(r"Z$", "+0000")
    )
    candidates = [
        raw.str.strptime(pl.Datetime("us", "UTC"), fmt, strict=False).dt.replace_time_zone(None) for fmt in _AWARE
    ]
    candidates += [raw.str.strptime(pl.Datetime("us"), fmt, strict=False) for fmt in _NAIVE]
    candidates.append(raw.str.strptime(pl.Date, "%Y-%m-%d", strict=False).cast(pl.Datetime("us")))
    return pl.coalesce(candidates)
