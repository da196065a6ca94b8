"""The DuckDB warehouse file: raw-table DDL, landing a batch, publishing the read-only copy.

Raw tables are created by explicit DDL so that dbt's sources exist even on an empty night.
Landing replaces the batch's partitions (delete + insert in one transaction), so re-running
the same inbox gives the same rows. No value is ever pasted into SQL: frames are registered
and values bound as parameters.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from transforms.ingest import InboxBatch

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
        con = duckdb.connect(str(path), read_only=read_only)
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


def land(con: duckdb.DuckDBPyConnection, batch: InboxBatch) -> dict[str, int]:
    """Replace the batch's partitions in the raw tables; return row counts landed."""
    articles = batch.articles()
    sightings = batch.sightings.select(
        "article_id", "partition_date", "source_path", "external_id", "format", "encoding"
    ).unique(["source_path", "article_id"], keep="first")
    partitions = pl.DataFrame({"partition_date": batch.partitions}, schema={"partition_date": pl.Date})
    con.register("batch_partitions", partitions.to_arrow())
    con.register("batch_articles", articles.to_arrow())
    con.register("batch_sightings", sightings.to_arrow())
    con.register("batch_rejected", batch.rejected.to_arrow())
    con.execute("begin transaction")
    try:
        for table in ("articles", "article_sightings", "rejected_files"):
            con.execute(
                f"delete from raw.{table} where partition_date in (select partition_date from batch_partitions)"
            )
        # An article already landed from an earlier partition keeps that first sighting;
        # one landed from a later partition moves to this earlier one.
        con.execute(
            f"""
            insert into raw.articles ({ARTICLE_COLUMNS})
            select {ARTICLE_COLUMNS} from batch_articles
            on conflict (article_id) do update set
                partition_date = excluded.partition_date, source_path = excluded.source_path,
                external_id = excluded.external_id, source = excluded.source, url = excluded.url,
                section = excluded.section, author = excluded.author,
                published_at = excluded.published_at, published_basis = excluded.published_basis,
                format = excluded.format, encoding = excluded.encoding,
                parse_warning = excluded.parse_warning
            where excluded.partition_date < raw.articles.partition_date
            """
        )
        con.execute("insert into raw.article_sightings select * from batch_sightings")
        con.execute(
            "insert into raw.rejected_files select source_path, record_index, partition_date, reason, detail "
            "from batch_rejected"
        )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        for name in ("batch_partitions", "batch_articles", "batch_sightings", "batch_rejected"):
            con.unregister(name)
    return {"articles": articles.height, "article_sightings": sightings.height, "rejected_files": batch.rejected.height}


def articles_to_extract(con: duckdb.DuckDBPyConnection, partition) -> pl.DataFrame:
    """article_id, text, published_at of one partition's articles, or of all when partition is None."""
    return con.execute(
        "select article_id, text, published_at from raw.articles where ? is null or partition_date = ? order by article_id",
        [partition, partition],
    ).pl()


def land_extraction(con: duckdb.DuckDBPyConnection, articles: pl.DataFrame, tables: dict[str, pl.DataFrame]) -> dict[str, int]:
    """Replace the extraction rows of `articles` in one transaction."""
    con.register("batch_article_ids", articles.select("article_id").to_arrow())
    for name, frame in tables.items():
        con.register(f"batch_{name}", frame.to_arrow())
    con.execute("begin transaction")
    try:
        for name in tables:
            con.execute(f"delete from raw.{name} where article_id in (select article_id from batch_article_ids)")
            con.execute(f"insert into raw.{name} by name select * from batch_{name}")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        for name in ("batch_article_ids", *(f"batch_{n}" for n in tables)):
            con.unregister(name)
    return {name: frame.height for name, frame in tables.items()}


def land_actors(con: duckdb.DuckDBPyConnection, actors: pl.DataFrame) -> int:
    """Replace the actor dictionary table with the one this run loaded."""
    con.register("batch_actors", actors.to_arrow())
    try:
        con.execute("begin transaction")
        con.execute("delete from raw.actors")
        con.execute("insert into raw.actors by name select * from batch_actors")
        con.execute("commit")
    finally:
        con.unregister("batch_actors")
    return actors.height


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
