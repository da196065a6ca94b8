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
from transforms.ingest import read_inbox

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


def stage(
    inbox: Path, warehouse_path: Path, day: date | None, log: Callable[[str], None] = lambda _: None
) -> StageSummary:
    """Read `day`'s inbox files (all, when None), extract their articles, write Parquet."""
    final = partition_folder(warehouse_path, day)
    work = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    summary = StageSummary(final)

    started = time.perf_counter()
    batch = read_inbox(inbox, day)
    articles = batch.articles()
    summary.read_seconds = time.perf_counter() - started
    summary.partitions = len(batch.partitions)
    summary.rejected_by_reason = dict(batch.rejected.group_by("reason").len().sort("reason").rows())
    log(
        f"read {batch.sightings.height} article records ({articles.height} distinct) and "
        f"{batch.rejected.height} rejections in {summary.read_seconds:.1f}s over {summary.partitions} partitions"
    )
    sightings = batch.sightings.select(
        "article_id", "partition_date", "source_path", "external_id", "format", "encoding"
    ).unique(["source_path", "article_id"], keep="first", maintain_order=True)
    inbox_frames = {
        "articles": articles,
        "article_sightings": sightings,
        "rejected_files": batch.rejected,
        "partitions": pl.DataFrame({"partition_date": batch.partitions}, schema={"partition_date": pl.Date}),
        "actors": lexicon.load().actors,
    }
    for table, frame in inbox_frames.items():
        summary.rows[table] = _write(frame, work / f"{table}.parquet")

    started = time.perf_counter()
    chunks = articles.select("article_id", "text", "published_at").iter_slices(CHUNK_ARTICLES)
    for number, chunk in enumerate(chunks):
        result = extract(chunk)
        for table in EXTRACTION_TABLES:
            summary.rows[table] = summary.rows.get(table, 0) + _write(
                getattr(result, table), work / f"{table}-{number:05d}.parquet"
            )
        people = result.entity_mentions.filter(pl.col("entity_type") == "PER")
        summary.person_mentions += people.height
        summary.persons_resolved += people["actor_id"].is_not_null().sum()
        log(f"extracted {min((number + 1) * CHUNK_ARTICLES, articles.height)} of {articles.height} articles")
    for table in EXTRACTION_TABLES:
        if table not in summary.rows:  # no article at all: empty files keep the tables' columns
            summary.rows[table] = _write(getattr(extract(articles.clear()), table), work / f"{table}-00000.parquet")
    summary.extract_seconds = time.perf_counter() - started
    log(f"extracted {articles.height} articles in {summary.extract_seconds:.1f}s")
    _replace(work, final)
    return summary


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
