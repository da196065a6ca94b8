"""Staged extraction: one partition of the inbox read and extracted into Parquet, no DuckDB.

This is the step that scales out: runs for many days can read and extract at the same time
(on one machine or many), because none of them touches the DuckDB file. One serialized step
per run then loads the partition's files (warehouse.load_staged).

Layout: `<warehouse dir>/staging/<warehouse stem>/<YYYY-MM-DD | all>/<table>[-<chunk>].parquet`.
A partition's folder is written beside its final place and renamed into it, so a run that
dies half-way leaves the previous folder (or none), never half of one.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from transforms.actors import lexicon
from transforms.extraction import extract
from transforms.ingest import FirstSightings, iter_inbox

CHUNK_ARTICLES = 5_000  # articles extracted at a time, so that memory stays bounded
INBOX_TABLES = ("articles", "article_sightings", "rejected_files")
EXTRACTION_TABLES = ("sentences", "entity_mentions", "actor_references", "event_mentions", "quotes")
ALL = "all"  # the folder of a run over the whole inbox


@dataclass
class StageSummary:
    """What staging one partition produced, for the run's log and the asset's metadata."""

    folder: Path
    rows: dict[str, int] = field(default_factory=dict)
    partitions: int = 0
    read_seconds: float = 0.0
    extract_seconds: float = 0.0
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    person_mentions: int = 0
    persons_resolved: int = 0


def staging_root(warehouse_path: Path) -> Path:
    return warehouse_path.parent / "staging" / warehouse_path.stem


def partition_folder(warehouse_path: Path, day: date | None) -> Path:
    return staging_root(warehouse_path) / (day.isoformat() if day else ALL)


def table_files(folder: Path, table: str) -> list[str]:
    """The Parquet files of one staged table (an extraction table has one per chunk)."""
    return sorted(str(p) for p in folder.glob(f"{table}*.parquet"))


def piece_of(path: str) -> str:
    """The piece a staged file belongs to: `sentences-00003-001.parquet` → `00003` (`""` for
    the files of the whole folder: partitions, actors)."""
    return Path(path).stem.partition("-")[2][:5]


def stage(
    inbox: Path, warehouse_path: Path, day: date | None, log: Callable[[str], None] = lambda _: None
) -> StageSummary:
    """Read `day`'s inbox files (all, when None), extract their articles, write Parquet.

    The inbox is read in pieces (`iter_inbox`) and each piece is extracted and written before
    the next is read, so memory stays bounded by a piece, not by the run. Piece N writes
    `<table>-N.parquet` (extraction tables: `<table>-N-<slice>.parquet`). An article is staged
    once, by the piece holding its first sighting; when a later piece holds an earlier
    sighting, the earlier piece's files are rewritten without it at the end.
    """
    final = partition_folder(warehouse_path, day)
    work = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    summary = StageSummary(final)
    first_sightings = FirstSightings()
    dropped: list[pl.DataFrame] = []
    partitions: set[date] = set()
    records = distinct = rejected = 0

    started = time.perf_counter()
    for number, piece in enumerate(iter_inbox(inbox, day)):
        summary.read_seconds += time.perf_counter() - started
        partitions.update(piece.partitions)
        articles, taken_over = first_sightings.take(piece.articles(), number)
        dropped.append(taken_over)
        records, distinct, rejected = records + piece.sightings.height, distinct + articles.height, rejected + piece.rejected.height
        for reason, count in piece.rejected.group_by("reason").len().rows():
            summary.rejected_by_reason[reason] = summary.rejected_by_reason.get(reason, 0) + count
        sightings = piece.sightings.select(
            "article_id", "partition_date", "source_path", "external_id", "format", "encoding"
        ).unique(["source_path", "article_id"], keep="first", maintain_order=True)
        for table, frame in (("articles", articles), ("article_sightings", sightings), ("rejected_files", piece.rejected)):
            summary.rows[table] = summary.rows.get(table, 0) + _write(frame, work / f"{table}-{number:05d}.parquet")

        extracting = time.perf_counter()
        texts = articles.select("article_id", "text", "published_at")
        # an empty piece still writes (empty) files: they keep the tables' columns
        for slice_number, chunk in enumerate(texts.iter_slices(CHUNK_ARTICLES) if texts.height else [texts]):
            result = extract(chunk)
            for table in EXTRACTION_TABLES:
                summary.rows[table] = summary.rows.get(table, 0) + _write(
                    getattr(result, table), work / f"{table}-{number:05d}-{slice_number:03d}.parquet"
                )
            people = result.entity_mentions.filter(pl.col("entity_type") == "PER")
            summary.person_mentions += people.height
            summary.persons_resolved += people["actor_id"].is_not_null().sum()
        summary.extract_seconds += time.perf_counter() - extracting
        log(f"piece {number}: {records} article records read ({distinct} distinct), {rejected} rejections; extracted {distinct}")
        started = time.perf_counter()

    _drop_taken_over(work, pl.concat(dropped), summary)
    summary.partitions = len(partitions)
    summary.rejected_by_reason = dict(sorted(summary.rejected_by_reason.items()))
    for table, frame in (
        ("partitions", pl.DataFrame({"partition_date": sorted(partitions)}, schema={"partition_date": pl.Date})),
        ("actors", lexicon.load().actors),
    ):
        summary.rows[table] = _write(frame, work / f"{table}.parquet")
    log(
        f"read {records} article records ({distinct} distinct) and {rejected} rejections in "
        f"{summary.read_seconds:.1f}s over {summary.partitions} partitions; extracted them in {summary.extract_seconds:.1f}s"
    )
    _replace(work, final)
    return summary


def _drop_taken_over(work: Path, dropped: pl.DataFrame, summary: StageSummary) -> None:
    """Rewrite the files of pieces that lost articles to a later piece (an earlier sighting)."""
    for (piece,), ids in dropped.group_by("piece"):
        for table in ("articles", *EXTRACTION_TABLES):
            for path in work.glob(f"{table}-{piece:05d}*.parquet"):
                frame = pl.read_parquet(path)
                kept = frame.filter(~pl.col("article_id").is_in(ids["article_id"].implode()))
                summary.rows[table] -= frame.height - kept.height
                _write(kept, path)


def _write(frame: pl.DataFrame, path: Path) -> int:
    frame.write_parquet(path)
    return frame.height


def _replace(work: Path, final: Path) -> None:
    """Put the finished folder in place: the old one is moved aside first, then removed."""
    old = final.with_name(f".{final.name}.{os.getpid()}.old")
    if final.exists():
        os.replace(final, old)
    os.replace(work, final)
    shutil.rmtree(old, ignore_errors=True)
