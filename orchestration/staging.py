"""Staged extraction: one partition of the inbox read and extracted into Parquet, no DuckDB.

This is the step that scales out: runs for many days can read and extract at the same time
(on one machine or many), because none of them touches the DuckDB file. One serialized step
per run then loads the partition's files (warehouse.load_staged).

Layout: `<warehouse dir>/staging/<warehouse stem>/<YYYY-MM-DD | all>/<table>[-<chunk>].parquet`.
A partition's folder is written beside its final place and renamed into it, so a run that
dies half-way leaves the previous folder (or none), never half of one.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import polars as pl

from orchestration import settings
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
    # wall seconds during which some chunk was being extracted: with worker processes, from each
    # chunk's sending (a worker's start-up and the queue count) to its end, overlapping the reading
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

    The inbox is read in pieces (`iter_inbox`) and each piece is extracted and written while
    the next is read (in worker processes, `_Extraction`), with at most one chunk per worker
    waiting or running beside the piece being read, so memory stays bounded by a few pieces,
    not by the run. Piece N writes
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

    with _Extraction(summary, settings.extraction_workers()) as extraction:
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

            texts = articles.select("article_id", "text", "published_at")
            # an empty piece still writes (empty) files: they keep the tables' columns
            for slice_number, chunk in enumerate(texts.iter_slices(CHUNK_ARTICLES) if texts.height else [texts]):
                extraction.submit(chunk, work, f"{number:05d}-{slice_number:03d}")
            log(f"piece {number}: {records} article records read ({distinct} distinct), {rejected} rejections")
            started = time.perf_counter()
        extraction.finish()

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


@dataclass
class _ChunkResult:
    rows: dict[str, int]
    person_mentions: int
    persons_resolved: int
    started: float  # wall clock (time.time), comparable across processes
    ended: float


def _extract_chunk(chunk: pl.DataFrame, folder: Path, suffix: str) -> _ChunkResult:
    """Extract one chunk of articles and write its tables as `<table>-<suffix>.parquet`."""
    started = time.time()
    result = extract(chunk)
    rows = {table: _write(getattr(result, table), folder / f"{table}-{suffix}.parquet") for table in EXTRACTION_TABLES}
    people = result.entity_mentions.filter(pl.col("entity_type") == "PER")
    return _ChunkResult(rows, people.height, int(people["actor_id"].is_not_null().sum()), started, time.time())


class _Extraction:
    """Extracts a run's chunks, in worker processes when it has more than one and more than one
    worker is allowed (settings.extraction_workers).

    Polars already spreads one chunk over the cores, but much of extraction runs on one core
    (joins and window passes over a chunk's small frames); two single-threaded processes on two
    cores extracted the 7,628 ANT middleEast articles 1.4x faster than one process with two
    threads (10.6 s against 15.1 s, measured). The workers start with the first chunk of half
    the chunk size or more (a full piece: more are coming), so that they start up while the
    next piece is read; a smaller one — a nightly day — is held, and extracted here, without
    the seconds a worker's start-up costs, unless another chunk follows. At most `workers` chunks
    wait or run at a time, so that memory stays bounded while the inbox is read ahead.
    Workers are spawned, not forked (the parent has started Polars' threads), each with one
    Polars thread. A spawned worker imports the run's main module again (as `__mp_main__`: a
    script needs its `if __name__ == "__main__"` guard) and none of the parent's monkeypatches: a
    test that patches extraction sees it only in chunks extracted here."""

    def __init__(self, summary: StageSummary, workers: int) -> None:
        self.summary = summary
        self.workers = workers
        self.held: tuple | None = None  # a small first chunk, until a second shows the pool is worth it
        self.pool: ProcessPoolExecutor | None = None
        self.pending: deque[tuple[Future, float, str]] = deque()  # with the time it was sent, and its suffix
        self.busy: list[tuple[float, float]] = []  # (sent or started, ended) of every chunk

    def submit(self, chunk: pl.DataFrame, folder: Path, suffix: str) -> None:
        job = (chunk, folder, suffix)
        if self.workers < 2:
            self._record(_extract_chunk(*job))
        elif self.pool is None and self.held is None and chunk.height < CHUNK_ARTICLES // 2:
            self.held = job
        else:
            if self.pool is None:
                self._start_pool()
            if self.held is not None:
                self._send(self.held)
                self.held = None
            self._send(job)

    def finish(self) -> None:
        """Wait for every chunk; the summary then holds their rows and the extraction's seconds."""
        if self.held is not None:
            self._record(_extract_chunk(*self.held))
        while self.pending:
            self._receive()
        self.summary.extract_seconds += _covered_seconds(self.busy)

    def __enter__(self) -> _Extraction:
        return self

    def __exit__(self, *failure: object) -> None:
        # (after a failure too: the chunks not yet started are dropped, the workers end)
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def _start_pool(self) -> None:
        # the spawned workers read the environment when they start and import Polars with it (the
        # parent's own Polars has read it already). A spawning pool starts a worker in submit
        # while none is idle, so the submits below start them all before any can be idle
        previous = os.environ.get("POLARS_MAX_THREADS")
        os.environ["POLARS_MAX_THREADS"] = "1"
        try:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            for _ in range(self.workers):  # a trivial task each starts every worker now, while the variable is set
                self.pool.submit(time.time)
        finally:
            if previous is None:
                del os.environ["POLARS_MAX_THREADS"]
            else:
                os.environ["POLARS_MAX_THREADS"] = previous

    def _send(self, job: tuple) -> None:
        while len(self.pending) >= self.workers:
            self._receive()
        self.pending.append((self.pool.submit(_extract_chunk, *job), time.time(), job[2]))

    def _receive(self) -> None:
        """Wait for the oldest chunk sent; its seconds count from its sending (a worker's start-up
        and its wait in the queue are the extraction's too)."""
        future, sent, suffix = self.pending.popleft()
        try:
            result = future.result()
        except Exception as failure:
            raise RuntimeError(f"extracting chunk {suffix} in a worker process failed: {failure!r}") from failure
        self._record(replace(result, started=sent))

    def _record(self, result: _ChunkResult) -> None:
        for table, count in result.rows.items():
            self.summary.rows[table] = self.summary.rows.get(table, 0) + count
        self.summary.person_mentions += result.person_mentions
        self.summary.persons_resolved += result.persons_resolved
        self.busy.append((result.started, result.ended))


def _covered_seconds(spans: list[tuple[float, float]]) -> float:
    """The seconds during which at least one of the (start, end) spans ran."""
    covered, reach = 0.0, float("-inf")
    for start, end in sorted(spans):
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return covered


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
