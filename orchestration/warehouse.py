"""The DuckDB warehouse file: raw-table DDL, loading staged partitions, publishing the copy.

Raw tables are created by explicit DDL so that dbt's sources exist even on an empty night.
Loading replaces the staged partitions (delete, then insert a group of pieces at a time), so re-running
the same inbox gives the same rows. No value is ever pasted into SQL: staged files are read
by DuckDB through bound parameters, and values are bound as parameters.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from orchestration import settings, staging

RAW_DDL = """
create schema if not exists raw;
create table if not exists raw.articles (
    article_id      varchar primary key,
    external_id     varchar,
    partition_date  date not null,
    source_path     varchar not null,
    source          varchar,
    url             varchar,
    title           varchar,
    section         varchar,
    author          varchar,
    published_at    timestamp not null,
    published_basis varchar not null,
    abstract        varchar,
    caption         varchar,
    photo_credit    varchar,
    related_links   varchar[],
    text            varchar not null,
    format          varchar not null,
    encoding        varchar not null,
    parse_warning   varchar
);
create table if not exists raw.article_sightings (
    article_id      varchar not null,
    partition_date  date not null,
    source_path     varchar not null,
    external_id     varchar,
    format          varchar not null,
    encoding        varchar not null,
    primary key (source_path, article_id)
);
create table if not exists raw.rejected_files (
    source_path     varchar not null,
    record_index    bigint,
    partition_date  date not null,
    reason          varchar not null,
    detail          varchar not null
);
create table if not exists raw.sentences (
    article_id      varchar not null,
    sentence_index  integer not null,
    start           bigint not null,
    "end"           bigint not null,
    sentence_text   varchar not null,
    sentence_norm   varchar not null,
    primary key (article_id, sentence_index)
);
create table if not exists raw.entity_mentions (
    article_id      varchar not null,
    sentence_index  integer not null,
    start           bigint not null,
    "end"           bigint not null,
    name_start      bigint not null,
    name_end        bigint not null,
    surface         varchar not null,
    entity_type     varchar not null,
    actor_id        varchar,
    cameo_code      varchar,
    country_code    varchar,
    mention_kind    varchar not null,
    clitic          varchar
);
create table if not exists raw.actor_references (
    article_id      varchar not null,
    sentence_index  integer not null,
    start           bigint not null,
    "end"           bigint not null,
    surface         varchar not null,
    reference_kind  varchar not null,
    actor_id        varchar,
    country_code    varchar,
    role_code       varchar,
    cameo_code      varchar,
    clitic          varchar
);
create table if not exists raw.event_mentions (
    article_id      varchar not null,
    sentence_index  integer not null,
    trigger_start   bigint not null,
    trigger_end     bigint not null,
    trigger         varchar not null,
    cameo_code      varchar not null,
    is_symmetric    boolean,
    source_actor_id varchar,
    source_code     varchar,
    target_actor_id varchar,
    target_code     varchar,
    event_date      date not null,
    date_precision  varchar not null,
    date_expression varchar,
    modality        varchar not null,
    event_score     double
);
create table if not exists raw.quotes (
    article_id       varchar not null,
    sentence_index   integer not null,
    verb             varchar not null,
    verb_start       bigint not null,
    speaker_actor_id varchar,
    speaker_code     varchar,
    quote_start      bigint not null,
    quote_end        bigint not null,
    quote_text       varchar not null
);
create table if not exists raw.actors (
    actor_id        varchar primary key,
    name_ar         varchar,
    name_en         varchar,
    actor_type      varchar not null,
    entity_type     varchar not null,
    country_code    varchar,
    cameo_code      varchar
);
"""

STAGED_TABLES = (*staging.INBOX_TABLES, *staging.EXTRACTION_TABLES, "actors")
ARTICLE_COLUMNS = (
    "article_id, external_id, partition_date, source_path, source, url, title, section, author, "
    "published_at, published_basis, abstract, caption, photo_credit, related_links, text, format, "
    "encoding, parse_warning"
)


class WarehouseLocked(RuntimeError):
    """Another process holds the DuckDB file for writing."""


# seconds a connection waits for another process's lock on the file before it fails. The steps
# of the DuckDB pool hand the file over to each other, and Dagster's pool on its SQLite storage
# was seen to start two of them 3 ms apart (two days' raw steps in a parallel backfill): the
# second waits its turn here instead of failing its day
LOCK_WAIT_SECONDS = 120.0
LOCK_POLL_SECONDS = 0.5


@contextmanager
def connect(path: Path, read_only: bool = False, wait: float = LOCK_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse; a lock held by another process is waited for up to `wait` seconds,
    then fails with a clear message."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config={"memory_limit": settings.duckdb_memory_limit()})
            break
        except duckdb.IOException as err:
            if "lock" not in str(err).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseLocked(
                    f"the warehouse {path} is in use by another process (another `rasd run`?): {err}"
                ) from None
            time.sleep(LOCK_POLL_SECONDS)
    try:
        yield con
    finally:
        con.close()


# columns added to raw tables after their first release: a warehouse made before gains them
# (null in the rows loaded before; the staging models say what null means)
ADDED_COLUMNS = """
alter table raw.event_mentions add column if not exists event_score double;
"""


def create_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(RAW_DDL)
    con.execute(ADDED_COLUMNS)


# staged pieces (of ~5,000 articles each, transforms.ingest.PIECE_RECORDS) loaded by one
# transaction: ~50,000 articles' rows held uncommitted stay well inside DuckDB's memory limit
PIECES_PER_TRANSACTION = 10


def load_staged(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Replace the staged partitions in every raw table; return the rows loaded.

    The same article may be staged by two partitions (the same story in two days' files): it
    belongs to the earliest, whichever loads first, and its extraction rows come from there,
    so loading partitions in any order gives the same tables.

    One transaction clears the partitions, then one per PIECES_PER_TRANSACTION staged pieces
    loads them (a day's run usually has one piece), each followed by a checkpoint. DuckDB keeps
    new rows in memory until a checkpoint writes them out, so a rebuild of a million articles
    in one transaction would pass any memory limit; a transaction per piece would pay a
    commit per 5,000 articles (at 31k articles the commits took more than half the load). A
    run killed between groups leaves its partitions part-loaded in the working file, never in
    the published copy (replaced only after a whole run succeeded), and the next run loads
    them again.
    """
    files = {table: staging.table_files(folder, table) for table in (*STAGED_TABLES, "partitions")}
    missing = [table for table, paths in files.items() if not paths]
    if missing:
        raise FileNotFoundError(f"{folder} has no staged {', '.join(missing)}: stage the partition first")
    loaded = dict.fromkeys(STAGED_TABLES, 0)

    with _transaction(con):
        # files are bound as parameters of read_parquet: no path is pasted into SQL
        con.execute(
            "create or replace temp table batch_partitions as select partition_date from read_parquet($files)",
            {"files": files["partitions"]},
        )
        # articles this batch's partitions held before: their extraction rows go with them
        con.execute(
            "create or replace temp table previous_ids as select article_id from raw.articles "
            "where partition_date in (select partition_date from batch_partitions)"
        )
        for table in staging.INBOX_TABLES:
            con.execute(f"delete from raw.{table} where partition_date in (select partition_date from batch_partitions)")
        for table in staging.EXTRACTION_TABLES:
            con.execute(f"delete from raw.{table} where article_id in (select article_id from previous_ids)")
        con.execute("delete from raw.actors")
        loaded["actors"] = _insert(con, "actors", files["actors"])

    pieces = sorted({staging.piece_of(path) for path in files["articles"]})
    for first in range(0, len(pieces), PIECES_PER_TRANSACTION):
        group = set(pieces[first:first + PIECES_PER_TRANSACTION])
        with _transaction(con):
            in_piece = {table: [f for f in files[table] if staging.piece_of(f) in group] for table in files}
            # An article already landed from an earlier partition keeps that first sighting;
            # one landed from a later partition moves to this earlier one.
            con.execute(
                f"""
                insert into raw.articles ({ARTICLE_COLUMNS})
                select {ARTICLE_COLUMNS} from read_parquet($files)
                on conflict (article_id) do update set
                    {", ".join(f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS.split(", ") if c != "article_id")}
                where excluded.partition_date < raw.articles.partition_date
                """,
                {"files": in_piece["articles"]},
            )
            loaded["articles"] += _count(con, in_piece["articles"])
            for table in ("article_sightings", "rejected_files"):
                loaded[table] += _insert(con, table, in_piece[table])
            # the piece's articles this batch now holds (an earlier partition keeps its own);
            # the rows of one that moved here from a later partition are replaced
            con.execute(
                "create or replace temp table owned_ids as select s.article_id "
                "from read_parquet($files) s join raw.articles a using (article_id) "
                "where a.partition_date in (select partition_date from batch_partitions)",
                {"files": in_piece["articles"]},
            )
            for table in staging.EXTRACTION_TABLES:
                con.execute(f"delete from raw.{table} where article_id in (select article_id from owned_ids)")
                loaded[table] += _insert(con, table, in_piece[table], "where article_id in (select article_id from owned_ids)")
        # committed rows stay in memory until a checkpoint writes them to the file
        con.execute("checkpoint")
    return loaded


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("begin transaction")
    try:
        yield
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _insert(con: duckdb.DuckDBPyConnection, table: str, files: list[str], where: str = "") -> int:
    """Append staged files to a raw table (columns by name); the rows appended."""
    return con.execute(f"insert into raw.{table} by name select * from read_parquet($files) {where}", {"files": files}).fetchone()[0]


def _count(con: duckdb.DuckDBPyConnection, files: list[str]) -> int:
    return con.execute("select count(*) from read_parquet($files)", {"files": files}).fetchone()[0]


def publish(warehouse_path: Path, target: Path) -> Path:
    """Copy the warehouse atomically to its published path; readers never see half a file.

    The writer must have closed the file (DuckDB checkpoints on close). The copy goes to a
    temporary file in the same folder, is flushed to disk, then renamed over the old copy.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with connect(warehouse_path) as con:
        con.execute("checkpoint")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(warehouse_path, "rb") as src:
            shutil.copyfileobj(src, out, 16 * 2**20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return target
