"""Staging streams the inbox in pieces: whatever the piece size, the same raw tables land."""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from orchestration import settings, staging, warehouse
from tests.conftest import ANT, SEED
from transforms import ingest

RAW_TABLES = (*warehouse.STAGED_TABLES,)


@pytest.fixture
def inbox(tmp_path):
    """Two days of ANT, the seed in both, and a loose copy of the seed walked first (the inbox's
    own files come before its folders) that is dated later: the copy in a later piece is its
    first sighting."""
    inbox = tmp_path / "inbox"
    for day, zip_name in (("2018-02-07", "2018-02-07.zip"), ("2018-02-08", "2018-02-08.zip")):
        (inbox / day).mkdir(parents=True)
        shutil.copy(ANT / zip_name, inbox / day / zip_name)
        shutil.copy(SEED, inbox / day / "seed.txt")
    loose = inbox / "loose-seed.txt"
    shutil.copy(SEED, loose)
    os.utime(loose, (1_600_000_000, 1_600_000_000))  # 2020-09-13
    (inbox / "2018-02-08" / "empty.txt").write_bytes(b"")
    return inbox


def _land(inbox, tmp_path, name) -> dict[str, pl.DataFrame]:
    path = tmp_path / name / "rasd.duckdb"
    summary = staging.stage(inbox, path, None)
    with warehouse.connect(path) as con:
        warehouse.create_raw_tables(con)
        loaded = warehouse.load_staged(con, summary.folder)
        tables = {t: con.sql(f"select * exclude (related_links) from raw.{t}" if t == "articles" else f"select * from raw.{t}").pl() for t in RAW_TABLES}
    assert loaded["articles"] == tables["articles"].height == summary.rows["articles"]
    return {t: frame.sort(frame.columns) for t, frame in tables.items()}


# a transaction per piece, or groups of 4 and 2 pieces; the pieces extracted in the run's process,
# or by two worker processes, started on the second chunk or (chunks of 1 article being full
# ones of 2) on the first (and the whole inbox, one piece, always in the run's process)
@pytest.mark.parametrize(("per_transaction", "workers", "chunk"), [(1, "1", 5_000), (4, "2", 5_000), (4, "2", 2)])
def test_small_pieces_land_the_same_tables_as_one_piece(inbox, tmp_path, monkeypatch, per_transaction, workers, chunk):
    pools = []
    pool = staging.ProcessPoolExecutor
    monkeypatch.setattr(staging, "ProcessPoolExecutor", lambda *args, **kwargs: pools.append(args) or pool(*args, **kwargs))
    monkeypatch.setenv("RASD_EXTRACT_WORKERS", workers)
    whole = _land(inbox, tmp_path, "whole")
    assert pools == []  # one small chunk: extracted in the run's process
    monkeypatch.setattr(ingest, "PIECE_RECORDS", 1)  # a piece per file
    monkeypatch.setattr(warehouse, "PIECES_PER_TRANSACTION", per_transaction)
    monkeypatch.setattr(staging, "CHUNK_ARTICLES", chunk)
    pieces = list(ingest.iter_inbox(inbox))
    assert len(pieces) == 6
    pieced = _land(inbox, tmp_path, "pieced")
    assert pools == ([(2,)] if workers == "2" else [])
    for table in RAW_TABLES:
        assert pieced[table].equals(whole[table]), table
    seed = whole["articles"].filter(pl.col("title").str.contains("حفتر"))
    # the first sighting is the earliest day's folder, not the loose copy read first
    assert seed["source_path"].to_list() == ["2018-02-07/seed.txt"]
    assert whole["article_sightings"].filter(pl.col("source_path").str.ends_with("seed.txt")).height == 3


def test_a_chunk_that_fails_in_a_worker_fails_the_staging_with_its_name(tmp_path):
    """An exception in a worker process reaches the run, naming the chunk, and the workers end."""
    broken = pl.DataFrame({"article_id": ["a"], "text": ["نص"]})  # no published_at: extract raises
    threads = os.environ.get("POLARS_MAX_THREADS")
    with pytest.raises(RuntimeError, match="chunk 00000-000 in a worker process failed"):
        with staging._Extraction(staging.StageSummary(tmp_path), 2) as extraction:
            extraction.submit(broken, tmp_path, "00000-000")  # held: small
            extraction.submit(broken, tmp_path, "00001-000")  # the workers start, both are sent
            extraction.finish()
    assert extraction.pool._shutdown_thread
    assert os.environ.get("POLARS_MAX_THREADS") == threads  # set for the workers' start only


def test_the_seconds_extracting_count_overlapping_chunks_once():
    assert staging._covered_seconds([(0.0, 4.0), (1.0, 3.0), (2.0, 6.0), (10.0, 11.0)]) == 7.0
    assert staging._covered_seconds([]) == 0.0


def test_a_bad_number_of_extraction_workers_is_refused(monkeypatch):
    monkeypatch.setenv("RASD_EXTRACT_WORKERS", "0")
    with pytest.raises(ValueError, match="RASD_EXTRACT_WORKERS"):
        settings.extraction_workers()
    monkeypatch.setenv("RASD_EXTRACT_WORKERS", "3")
    assert settings.extraction_workers() == 3


def test_read_inbox_is_the_sum_of_its_pieces(inbox, monkeypatch):
    whole = ingest.read_inbox(inbox)
    monkeypatch.setattr(ingest, "PIECE_RECORDS", 5)
    pieced = ingest.read_inbox(inbox)
    assert pieced.partitions == whole.partitions
    assert pieced.sightings.equals(whole.sightings)
    assert pieced.rejected.equals(whole.rejected)
    assert pieced.articles().equals(whole.articles())


def test_first_sightings_moves_an_article_to_the_piece_that_saw_it_first():
    def articles(*rows):
        return pl.DataFrame(rows, schema={"article_id": pl.String, "partition_date": pl.Date, "source_path": pl.String}, orient="row")

    first = ingest.FirstSightings()
    kept, dropped = first.take(articles(("a", date(2020, 1, 5), "x"), ("b", date(2020, 1, 1), "y")), 0)
    assert kept["article_id"].to_list() == ["a", "b"] and dropped.height == 0
    kept, dropped = first.take(articles(("a", date(2020, 1, 2), "z"), ("b", date(2020, 1, 1), "z")), 1)
    assert kept["article_id"].to_list() == ["a"]  # b: same day, a later path
    assert dropped.rows() == [("a", 0)]
    kept, dropped = first.take(articles(("a", date(2020, 1, 3), "w")), 2)
    assert kept.height == 0 and dropped.height == 0  # piece 1 holds it now


def test_an_empty_inbox_stages_empty_tables_with_their_columns(tmp_path):
    (tmp_path / "inbox").mkdir()
    summary = staging.stage(tmp_path / "inbox", tmp_path / "wh" / "rasd.duckdb", None)
    assert all(count == 0 for table, count in summary.rows.items() if table != "actors")
    with duckdb.connect() as con:
        for table in (*staging.INBOX_TABLES, *staging.EXTRACTION_TABLES):
            files = staging.table_files(summary.folder, table)
            assert con.execute("select count(*) from read_parquet(?)", [files]).fetchone() == (0,)
            assert "partition_date" in con.sql(f"select * from read_parquet({files})").columns or "article_id" in con.sql(
                f"select * from read_parquet({files})").columns


@contextmanager
def _held(path: Path, seconds: int) -> Iterator[None]:
    """Another process opens the DuckDB file at `path` and holds it for `seconds`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r}); print('held', flush=True); time.sleep({seconds})"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.wait(timeout=60)


def test_a_locked_warehouse_is_waited_for_then_fails_clearly(tmp_path):
    """Another process holds the file for 3 s: a connection that waits 0.5 s fails with the
    clear error; one that waits longer gets the file when the holder lets go."""
    path = tmp_path / "rasd.duckdb"
    with _held(path, 3):
        with pytest.raises(warehouse.WarehouseLocked, match="in use by another process"):
            with warehouse.connect(path, wait=0.5):
                pass
        with warehouse.connect(path, wait=60) as con:
            assert con.execute("select 1").fetchone() == (1,)


def test_dbt_waits_for_a_locked_warehouse_too(tmp_path):
    """dbt opens the file itself (profiles.yml): while another process holds it (20 s, well
    beyond the few seconds dbt takes to start), dbt's connection retries instead of failing at
    once."""
    path = tmp_path / "rasd.duckdb"
    with _held(path, 20):
        dbt = subprocess.run(
            [str(Path(sys.executable).with_name("dbt")), "debug", "--project-dir", str(settings.DBT_PROJECT_DIR),
             "--profiles-dir", str(settings.DBT_PROJECT_DIR)],
            env={**os.environ, "RASD_WAREHOUSE": str(path)}, capture_output=True, text=True, timeout=300,
        )
    assert dbt.returncode == 0 and "Connection test: [OK" in dbt.stdout.replace("\x1b[32m", ""), dbt.stdout[-2000:]


def test_a_warehouse_made_before_the_event_score_gains_its_column(tmp_path):
    """raw.event_mentions as created before event_score existed: creating the raw tables again
    adds the column, the old rows keep their values with a null score, and a re-run is a no-op."""
    path = tmp_path / "old.duckdb"
    old_ddl = warehouse.RAW_DDL.replace(",\n    event_score     double", "")
    assert old_ddl != warehouse.RAW_DDL
    with warehouse.connect(path) as con:
        con.execute(old_ddl)
        con.execute("insert into raw.event_mentions (article_id, sentence_index, trigger_start, trigger_end, trigger, "
                    "cameo_code, event_date, date_precision, modality) values ('a', 0, 0, 4, 'قصف', '195', '2020-03-04', 'day', 'asserted')")
        warehouse.create_raw_tables(con)
        warehouse.create_raw_tables(con)
        assert con.sql("select trigger, event_score from raw.event_mentions").fetchall() == [("قصف", None)]
