"""The DuckDB warehouse file: raw-table DDL, loading staged partitions, publishing the copy.

Raw tables are created by explicit DDL so that dbt's sources exist even on an empty night.
Loading replaces the staged partitions (delete + insert in one transaction), so re-running
the same inbox gives the same rows. No value is ever pasted into SQL: staged files are read
by DuckDB through bound parameters, and values are bound as parameters.
"""

from __future__ import annotations

import os
import shutil
import tempfile
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
    modality        varchar not null
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


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse; a lock held by another process fails at once, with a clear message."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only, config={"memory_limit": settings.duckdb_memory_limit()})
    except duckdb.IOException as err:
        if "lock" in str(err).lower():
            raise WarehouseLocked(
                f"the warehouse {path} is in use by another process (another `rasd run`?): {err}"
            ) from None
        raise
    try:
        yield con
    finally:
        con.close()


def create_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(RAW_DDL)


def load_staged(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Replace the staged partitions in every raw table, in one transaction; return rows loaded.

    The same article may be staged by two partitions (the same story in two days' files): it
    belongs to the earliest, whichever loads first, and its extraction rows come from there,
    so loading partitions in any order gives the same tables.
    """
    def staged(table: str) -> str:
        # a table function over the files, bound as a parameter: no path is pasted into SQL
        return f"read_parquet(${table})"

    files = {table: staging.table_files(folder, table) for table in (*STAGED_TABLES, "partitions")}
    missing = [table for table, paths in files.items() if not paths]
    if missing:
        raise FileNotFoundError(f"{folder} has no staged {', '.join(missing)}: stage the partition first")

    def run(sql: str) -> None:
        con.execute(sql, {table: paths for table, paths in files.items() if f"${table}" in sql})

    con.execute("begin transaction")
    try:
        run(f"create or replace temp table batch_partitions as select partition_date from {staged('partitions')}")
        # articles this batch's partitions held before: their extraction rows go if they go
        con.execute(
            "create or replace temp table previous_ids as select article_id from raw.articles "
            "where partition_date in (select partition_date from batch_partitions)"
        )
        for table in staging.INBOX_TABLES:
            con.execute(f"delete from raw.{table} where partition_date in (select partition_date from batch_partitions)")
        # An article already landed from an earlier partition keeps that first sighting;
        # one landed from a later partition moves to this earlier one.
        run(
            f"""
            insert into raw.articles ({ARTICLE_COLUMNS})
            select {ARTICLE_COLUMNS} from {staged('articles')}
            on conflict (article_id) do update set
                {", ".join(f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS.split(", ") if c != "article_id")}
            where excluded.partition_date < raw.articles.partition_date
            """
        )
        run(f"insert into raw.article_sightings by name select * from {staged('article_sightings')}")
        run(f"insert into raw.rejected_files by name select * from {staged('rejected_files')}")
        # the staged articles this batch now holds (an earlier partition keeps its own)
        run(
            "create or replace temp table owned_ids as select s.article_id "
            f"from {staged('articles')} s join raw.articles a using (article_id) "
            "where a.partition_date in (select partition_date from batch_partitions)"
        )
        for table in staging.EXTRACTION_TABLES:
            con.execute(
                f"delete from raw.{table} where article_id in "
                "(select article_id from owned_ids union all select article_id from previous_ids)"
            )
            run(
                f"insert into raw.{table} by name select * from {staged(table)} "
                "where article_id in (select article_id from owned_ids)"
            )
        con.execute("delete from raw.actors")
        run(f"insert into raw.actors by name select * from {staged('actors')}")
        loaded = {table: _count(con, files[table], owned_only=table in staging.EXTRACTION_TABLES) for table in STAGED_TABLES}
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return loaded


def _count(con: duckdb.DuckDBPyConnection, files: list[str], owned_only: bool) -> int:
    """Rows loaded from staged files: of an extraction table, only the batch's own articles'."""
    where = "where article_id in (select article_id from owned_ids)" if owned_only else ""
    return con.execute(f"select count(*) from read_parquet(?) {where}", [files]).fetchone()[0]


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
