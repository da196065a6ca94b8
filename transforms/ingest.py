"""Read an inbox folder into article sightings and rejections (CONTRACT §2).

`DIR/YYYY-MM-DD/…` gives the partition (the day the files arrived). Files elsewhere take
the partition of their record's publication date, else of their modification time (UTC).
The same story seen in several files is one article: `article_id` hashes its title and text
(whitespace-normalised), and `articles()` keeps its first sighting.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl

from transforms.inputs import read_bytes
from transforms.published_dates import parse_published
from transforms.readers.archive import Limits
from transforms.readers.record import FIELDS
from transforms.rejections import Rejected

_DAY_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_FILE_BYTES = 512 * 2**20
PIECE_RECORDS = 5_000  # records read before a streamed read hands a piece on

SIGHTING_SCHEMA = {
    "article_id": pl.String,
    "external_id": pl.String,
    "partition_date": pl.Date,
    "source_path": pl.String,
    "source": pl.String,
    "url": pl.String,
    "title": pl.String,
    "section": pl.String,
    "author": pl.String,
    "published_at": pl.Datetime("us"),
    "published_basis": pl.String,
    "abstract": pl.String,
    "caption": pl.String,
    "photo_credit": pl.String,
    "related_links": pl.List(pl.String),
    "text": pl.String,
    "format": pl.String,
    "encoding": pl.String,
    "parse_warning": pl.String,
}
REJECTED_SCHEMA = {
    "source_path": pl.String,
    "record_index": pl.Int64,
    "partition_date": pl.Date,
    "reason": pl.String,
    "detail": pl.String,
}


@dataclass
class InboxBatch:
    """What one pass over the inbox found: every sighting of an article, every rejection."""

    sightings: pl.DataFrame
    rejected: pl.DataFrame
    partitions: list[date] = field(default_factory=list)  # the partitions this batch covers

    def articles(self) -> pl.DataFrame:
        """One row per distinct article: its first sighting (earliest partition, then path)."""
        return self.sightings.sort("article_id", "partition_date", "source_path").unique(
            "article_id", keep="first", maintain_order=True
        )


@dataclass(frozen=True)
class _InboxFile:
    path: Path
    rel: str  # POSIX path relative to the inbox, used as source_path
    folder_day: date | None
    mtime_day: date


def read_inbox(inbox: Path, partition: date | None = None, limits: Limits = Limits()) -> InboxBatch:
    """Read every article file under `inbox` (only `partition`'s, when given), all at once."""
    pieces = list(iter_inbox(inbox, partition, limits))
    partitions = sorted({day for piece in pieces for day in piece.partitions})
    return InboxBatch(
        pl.concat([piece.sightings for piece in pieces]), pl.concat([piece.rejected for piece in pieces]), partitions
    )


def iter_inbox(
    inbox: Path, partition: date | None = None, limits: Limits = Limits(), piece_records: int | None = None
) -> Iterator[InboxBatch]:
    """Read the inbox in pieces of whole files holding about `piece_records` records each, so
    that a run over a large inbox never holds it all in memory. At least one piece (maybe
    empty) is yielded; a piece's `partitions` are those its sightings and rejections fall in
    (a partition run: always that day). An article seen in two pieces is in both:
    `FirstSightings` tells which piece holds its first sighting."""
    inbox = Path(inbox).resolve()
    piece_records = piece_records or PIECE_RECORDS
    records: list[dict] = []
    rejected: list[dict] = []
    yielded = False
    for item in _walk(inbox):
        if isinstance(item, dict):
            rejected.append(item)
        elif not (partition and item.folder_day and item.folder_day != partition):
            _read_file(item, limits, records, rejected)
        if len(records) + len(rejected) >= piece_records:
            yield _piece(records, rejected, partition)
            records, rejected, yielded = [], [], True
    if records or rejected or not yielded:
        yield _piece(records, rejected, partition)


def _piece(records: list[dict], rejected: list[dict], partition: date | None) -> InboxBatch:
    sightings = _sightings_frame(records)
    rejected_frame = pl.DataFrame(rejected, schema=REJECTED_SCHEMA)
    if partition:
        sightings = sightings.filter(pl.col("partition_date") == partition)
        rejected_frame = rejected_frame.filter(pl.col("partition_date") == partition)
        return InboxBatch(sightings, rejected_frame, [partition])
    return InboxBatch(sightings, rejected_frame, sorted(set(sightings["partition_date"]) | set(rejected_frame["partition_date"])))


class FirstSightings:
    """Across the pieces of a streamed read, which piece holds each article's first sighting
    (earliest partition, then path: the order of `InboxBatch.articles`)."""

    def __init__(self) -> None:
        self._held: list[pl.DataFrame] = []  # article_id, partition_date, source_path, piece

    def take(self, articles: pl.DataFrame, piece: int) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Of one piece's distinct `articles`: those this piece holds the first sighting of
        (new, or seen before in a later sighting), and the (article_id, piece) an earlier
        piece held and must now drop."""
        key = ["article_id", "partition_date", "source_path"]
        if self._held:
            held = pl.concat(self._held).rename({"partition_date": "held_date", "source_path": "held_path"})
            joined = articles.join(held, on="article_id", how="left")
            earlier = (pl.col("partition_date") < pl.col("held_date")) | (
                (pl.col("partition_date") == pl.col("held_date")) & (pl.col("source_path") < pl.col("held_path"))
            )
            dropped = joined.filter(pl.col("piece").is_not_null() & earlier).select("article_id", "piece")
            articles = joined.filter(pl.col("piece").is_null() | earlier).select(articles.columns)
            if dropped.height:
                self._held = [frame.join(dropped, on=["article_id", "piece"], how="anti") for frame in self._held]
        else:
            dropped = pl.DataFrame(schema={"article_id": pl.String, "piece": pl.Int64})
        self._held.append(articles.select(key).with_columns(piece=pl.lit(piece, pl.Int64)))
        return articles, dropped


def article_id(title: str | None, text: str) -> str:
    """Stable id from the content: the same story in two files gets the same id."""
    content = " ".join((title or "").split()) + "\x1f" + " ".join(text.split())
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:20]


def _walk(inbox: Path) -> Iterator[_InboxFile | dict]:
    """Inbox files in a stable order; symlinks are never followed out of the inbox."""
    for root, dirs, files in os.walk(inbox):
        dirs.sort()
        root_path = Path(root)
        for name in sorted(files) + [d for d in dirs if (root_path / d).is_symlink()]:
            path = root_path / name
            rel = _readable(path.relative_to(inbox).as_posix())
            folder_day = _folder_day(rel)
            try:
                status = path.lstat()
            except OSError as err:
                yield _rejection(rel, folder_day, None, Rejected("unreadable_file", str(err)))
                continue
            mtime_day = datetime.fromtimestamp(status.st_mtime, UTC).date()
            if path.is_symlink():
                try:
                    target = path.resolve()
                except (OSError, RuntimeError):  # RuntimeError: a symlink loop
                    loop = Rejected("unreadable_file", "a symlink that cannot be resolved (a loop?), not followed")
                    yield _rejection(rel, folder_day or mtime_day, None, loop)
                    continue
                if not target.is_relative_to(inbox):
                    yield _rejection(rel, folder_day or mtime_day, None, Rejected("unsafe_path", "symlink to a path outside the inbox, not followed"))
                    continue
                if target.is_dir():
                    continue  # its files are walked under their own path
            yield _InboxFile(path, rel, folder_day, mtime_day)


def _readable(rel: str) -> str:
    """A path whose bytes are not UTF-8 (a Linux file name may hold any bytes) kept as text,
    with `\\xff` escapes: it still names the file, and it can be stored."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _folder_day(rel: str) -> date | None:
    top = rel.split("/", 1)[0] if "/" in rel else ""
    if _DAY_FOLDER.match(top):
        try:
            return date.fromisoformat(top)
        except ValueError:
            return None
    return None


def _read_file(item: _InboxFile, limits: Limits, records: list[dict], rejected: list[dict]) -> None:
    day = item.folder_day or item.mtime_day
    try:
        status = item.path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO would block the run forever
            raise Rejected("unreadable_file", "not a regular file (a pipe, socket or device)")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise Rejected("file_too_large", f"{size} bytes (limit {MAX_FILE_BYTES})")
        data = item.path.read_bytes()
        found_any = False
        for found in read_bytes(data, item.rel, limits):
            found_any = True
            source_path = item.rel + ("!" + found.member if found.member else "")
            if isinstance(found.item, Rejected):
                rejected.append(_rejection(source_path, day, found.item.record, found.item))
                continue
            record = found.item
            record.update(
                article_id=article_id(record["title"], record["text"]),
                source_path=source_path,
                folder_day=item.folder_day,
                mtime_day=item.mtime_day,
                format=found.format,
                encoding=found.encoding,
            )
            records.append(record)
        if not found_any:  # an empty archive, «[]»: nothing in it, but not silently
            raise Rejected("no_text", "the file holds no article record")
    except Rejected as rejection:
        rejected.append(_rejection(item.rel, day, None, rejection))
    except OSError as err:
        rejected.append(_rejection(item.rel, day, None, Rejected("unreadable_file", str(err))))


def _rejection(source_path: str, day: date | None, record: int | None, rejection: Rejected) -> dict:
    return {
        "source_path": source_path,
        "record_index": record,
        "partition_date": day,
        "reason": rejection.reason,
        "detail": rejection.detail,
    }


def _sightings_frame(records: list[dict]) -> pl.DataFrame:
    raw_schema = {name: pl.String for name in FIELDS} | {
        "related_links": pl.List(pl.String),
        "article_id": pl.String,
        "source_path": pl.String,
        "folder_day": pl.Date,
        "mtime_day": pl.Date,
        "format": pl.String,
        "encoding": pl.String,
    }
    frame = pl.DataFrame(records, schema=raw_schema)
    parsed = parse_published("published_raw")
    return (
        frame.with_columns(published_at=parsed)
        .with_columns(
            partition_date=pl.coalesce("folder_day", pl.col("published_at").dt.date(), "mtime_day"),
            published_basis=pl.when(pl.col("published_at").is_not_null())
            .then(pl.col("published_basis"))
            .otherwise(pl.lit("partition")),
        )
        .with_columns(published_at=pl.coalesce("published_at", pl.col("partition_date").cast(pl.Datetime("us"))))
        .select(list(SIGHTING_SCHEMA))
        .cast(SIGHTING_SCHEMA)
    )
