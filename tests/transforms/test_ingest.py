"""The inbox walk: partitions, dedup across files, rejections that do not stop the run."""

import os
import shutil
from datetime import date

import polars as pl

from tests.conftest import ANT, SEED
from transforms.ingest import article_id, read_inbox


def test_partition_from_the_folder_else_the_record_else_the_file_time(tmp_path):
    (tmp_path / "2020-03-04").mkdir()
    shutil.copy(SEED, tmp_path / "2020-03-04" / "seed.txt")
    shutil.copy(ANT / "2018-02-07.zip", tmp_path / "loose.zip")
    (tmp_path / "misc").mkdir()
    undated = tmp_path / "misc" / "note.txt"
    undated.write_text("خبر\n\nوصل وفد ليبي إلى دمشق اليوم لبحث إعادة فتح السفارة.", encoding="utf-8")
    os.utime(undated, (1_600_000_000, 1_600_000_000))  # 2020-09-13 UTC
    batch = read_inbox(tmp_path)
    days = dict(batch.sightings.group_by("source_path").agg(pl.col("partition_date").first()).rows())
    assert days["2020-03-04/seed.txt"] == date(2020, 3, 4)
    assert days["misc/note.txt"] == date(2020, 9, 13)
    loose = batch.sightings.filter(pl.col("source_path").str.starts_with("loose.zip!"))
    # ANT's TIME is the publication time; the article's partition is its UTC day
    assert (loose["partition_date"] == loose["published_at"].dt.date()).all()
    assert loose["published_basis"].unique().to_list() == ["record"]
    assert batch.partitions == sorted(set(batch.sightings["partition_date"]))


def test_a_partition_run_reads_only_that_day(tmp_path):
    for day in ("2020-03-04", "2020-03-05"):
        (tmp_path / day).mkdir()
        shutil.copy(SEED, tmp_path / day / "seed.txt")
    (tmp_path / "2020-03-05" / "empty.txt").write_bytes(b"")
    (tmp_path / "2020-03-04" / "empty.txt").write_bytes(b"")
    batch = read_inbox(tmp_path, date(2020, 3, 5))
    assert batch.partitions == [date(2020, 3, 5)]
    assert batch.sightings["source_path"].to_list() == ["2020-03-05/seed.txt"]
    assert batch.rejected["source_path"].to_list() == ["2020-03-05/empty.txt"]


def test_the_same_story_in_two_files_is_one_article_first_seen_wins(tmp_path):
    for day in ("2020-03-05", "2020-03-04"):
        (tmp_path / day).mkdir()
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "2020-03-05" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "2020-03-04" / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    batch = read_inbox(tmp_path)
    assert batch.sightings.height == 2
    [article] = batch.articles().to_dicts()
    assert article["source_path"] == "2020-03-04/b.txt" and article["encoding"] == "utf-16"


def test_article_id_ignores_whitespace_but_not_words():
    assert article_id("عنوان", "نص  الخبر\n") == article_id(" عنوان", "نص الخبر")
    assert article_id("عنوان", "نص الخبر") != article_id("عنوان", "نص خبر")


def test_symlinks_out_of_the_inbox_are_not_followed(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "2020-03-04").mkdir(parents=True)
    (inbox / "2020-03-04" / "outside.txt").symlink_to(SEED)
    (inbox / "2020-03-04" / "dir").symlink_to(SEED.parent, target_is_directory=True)
    batch = read_inbox(inbox)
    assert batch.sightings.height == 0
    assert sorted(batch.rejected["reason"]) == ["unsafe_path", "unsafe_path"]
