"""The benchmark harness's pure parts: synthetic scaling of ANT and the per-article baseline.
No timing is asserted here."""

from __future__ import annotations

import csv
import hashlib
import zipfile
from datetime import date, datetime, timedelta

import polars as pl
import pytest

from benchmarks import corpora, report
from benchmarks.per_article import PerArticle
from tests.conftest import ANT
from transforms.extraction import extract
from transforms.ingest import read_inbox
from transforms.inputs import read_bytes
from transforms.readers.archive import Limits

SOURCE_DAYS = ("2018-03-05", "2018-03-06")
PER_DAY = 3


@pytest.fixture(scope="module")
def small_ant(tmp_path_factory):
    """A two-day ANT of three real files a day, with its manifest."""
    root = tmp_path_factory.mktemp("ant")
    rows = []
    for day in SOURCE_DAYS:
        with zipfile.ZipFile(ANT / f"{day}.zip") as source, zipfile.ZipFile(root / f"{day}.zip", "w") as out:
            for name in source.namelist()[:PER_DAY]:
                data = source.read(name)
                out.writestr(name, data)
                rows.append({"path_in_zip": name, "zip": f"{day}.zip", "sha256": hashlib.sha256(data).hexdigest()})
    with open(root / "manifest.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["path_in_zip", "zip", "sha256"], delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    return root


def test_sizes():
    assert corpora.parse_size("1k", 31_525) == 1_000
    assert corpora.parse_size("1m", 31_525) == 1_000_000
    assert corpora.parse_size("31k", 31_525) == corpora.parse_size("ant", 31_525) == 31_525


def test_a_synthetic_copy_is_a_new_article_on_its_new_day():
    with zipfile.ZipFile(ANT / "2018-03-05.zip") as archive:
        name = archive.namelist()[0]
        original = archive.read(name)
    shift = timedelta(days=400)
    copy = corpora.synthetic_copy(original, "s7", shift)
    (a,), (b,) = ([f.item for f in read_bytes(data, name, Limits())] for data in (original, copy))
    assert b["external_id"] == a["external_id"] + "-s7"
    assert b["title"] == a["title"] and b["text"].startswith(a["text"]) and b["text"] != a["text"]
    assert corpora.synthetic_name(name, "s7").endswith("-s7.txt")


def test_scaling_gives_distinct_articles_spread_over_more_days(small_ant, tmp_path):
    size = 3 * len(SOURCE_DAYS) * PER_DAY + 2  # three whole replicas and two files of a fourth
    inbox = corpora.build_ant(small_ant, tmp_path / "inbox", size)
    batch = read_inbox(inbox.path)
    assert batch.rejected.is_empty()
    assert batch.sightings.height == size
    assert batch.articles().height == size  # no two copies share a content hash
    assert batch.sightings["external_id"].n_unique() == size
    # the real days as they are, each synthetic replica on days of its own, all in the past
    assert set(SOURCE_DAYS) <= set(inbox.days) and len(inbox.days) > 3 * len(SOURCE_DAYS)
    last = corpora.SYNTHETIC_START + timedelta(days=corpora.SYNTHETIC_DAYS - 1)
    assert all(date.fromisoformat(d) <= last for d in inbox.days)
    assert set(batch.sightings["partition_date"].cast(pl.String)) == set(inbox.days)
    # a copy is published on its new day, at the original time of day
    published = batch.sightings.select(pl.col("partition_date"), pl.col("published_at").dt.date().alias("day"))
    assert (published["day"] - published["partition_date"]).dt.total_days().abs().max() <= 1

    day, files, _ = corpora.add_day(small_ant, inbox)
    assert day > inbox.days[-1] and files == PER_DAY
    assert read_inbox(inbox.path, date.fromisoformat(day)).articles().height == PER_DAY


def test_replicas_wrap_within_the_synthetic_days():
    days = {corpora.replica_day("2018-03-05", k, i, 330) for k in range(1, 40) for i in range(330)}
    assert len(days) == corpora.SYNTHETIC_DAYS


SENTENCES = (
    "التقى وزير الخارجية السوري وليد المعلم نظيره التركي في أنقرة. وقال الناطق إن قوات الأمم المتحدة "
    "وصلت إلى طرابلس، وسيزور الرئيس الروسي فلاديمير بوتين دمشق. واستقبل خليفة حفتر وفدا من روسيا."
)


def test_the_per_article_baseline_finds_the_same_actors_and_triggers():
    actors, triggers = PerArticle().extract(SENTENCES)
    baseline = {(m.alias.actor_id, m.surface) for m in actors if m.alias.kind in ("name", "capital")}
    result = extract(pl.DataFrame({"article_id": ["a"], "text": [SENTENCES], "published_at": [datetime(2020, 3, 4)]}))
    mentions = result.entity_mentions.filter(pl.col("mention_kind").is_in(["name", "capital"]))
    ours = {(actor, SENTENCES[start:end]) for actor, start, end in mentions.select("actor_id", "name_start", "name_end").iter_rows()}
    assert baseline == ours
    assert len(baseline) >= 6
    coded = set(result.event_mentions.select("trigger", "cameo_code").iter_rows())
    assert coded <= {(m.surface, m.alias.code) for m in triggers}


def test_the_report_renders_what_was_measured_and_says_what_was_not():
    steps = {"raw_tables": 5.0, "raw_tables.read": 1.0, "raw_tables.extract": 2.0, "rasd_dbt_models": 9.0, "startup": 8.0, "exit": 1.0}
    run = {"seconds": 30.0, "cpu_seconds": 40.0, "peak_rss_gib": 1.0, "peak_tree_gib": 1.2, "returncode": 0, "steps": steps}
    stages = {"records": 1000, "articles": 990, "text_mb": 3.0, "read_s": 1.0, "tokenize_s": 0.5, "extract_s": 2.0,
              "baseline_articles": 100, "baseline_s": 1.0, "ours_on_baseline_sample_s": 0.2,
              "profile": {"articles": 990, "total": 2.0, "find_mentions": 1.0}}
    entry = {"size": "1k", "label": "ANT 1k", "measured_at": "now", "commit": "abc", "load_before": 1.0, "load_after": 1.0,
             "inbox": {"files": 1000, "source_mb": 4.0, "days": 10}, "stages": stages, "run": run,
             "incremental": {"files": 100, "run": run | {"seconds": 20.0}}}
    text = report.render({"1k": entry}, "a machine", "versions")
    assert report.run_stages(entry)["load"] == pytest.approx(2.0)  # the raw step less its read and extract
    assert "| whole run on 100k articles ≤ 5 min | not measured yet | — |" in text
    assert "ANT 1k: 67%" in text
    # each corpus names its machine (an entry from before the harness recorded it says so)
    assert "| `abc` | not recorded |" in text
    assert "| `abc` | a 2-core host |" in report.render({"1k": entry | {"machine": "a 2-core host"}}, "a machine", "versions")


def test_a_failed_run_keeps_its_cause_in_the_results_and_the_report(tmp_path):
    from benchmarks.harness import failure_lines

    log = tmp_path / "run.log"
    log.write_text(
        "rasd [all 1114.9s] raw_tables started\n"
        "  Runtime Error in model unresolved_names (models/marts/unresolved_names.sql)\n"
        "  Out of Memory Error: failed to allocate data of size 16.0 MiB (1.8 GiB/1.8 GiB used)\n"
        "rasd [all 1716.4s] rasd_dbt_models FAILED: dagster_dbt.errors.DagsterDbtCliRuntimeError: …\n"
        "rasd [all 1716.4s] analyst_report: Dependencies for step analyst_report failed\n",
        encoding="utf-8",
    )
    lines = failure_lines(log)
    assert len(lines) == 3 and lines[0].startswith("Runtime Error in model unresolved_names")
    run = {"seconds": 30.0, "cpu_seconds": 40.0, "peak_rss_gib": 1.0, "peak_tree_gib": 1.2, "returncode": 1, "steps": {},
           "failure": lines}
    stages = {"records": 10, "articles": 10, "text_mb": 0.1, "read_s": 1.0, "tokenize_s": 0.5, "extract_s": 2.0,
              "baseline_articles": 10, "baseline_s": 1.0, "ours_on_baseline_sample_s": 0.2}
    entry = {"size": "1m", "label": "ANT 1m", "measured_at": "now", "commit": "abc", "load_before": 1.0, "load_after": 1.0,
             "inbox": {"files": 10, "source_mb": 0.1, "days": 1}, "stages": stages, "run": run}
    text = report.render({"1m": entry}, "a machine", "versions")
    assert "run failed, exit 1" in text and "Out of Memory Error: failed to allocate" in text
