"""The raw tables' asset checks, on a real Dagster run of one partition: bad data planted in the
extraction stops the run before dbt builds the marts; drift only warns."""

import dataclasses
import shutil

import dagster as dg
import polars as pl
import pytest

from orchestration import staging
from orchestration.resources import RasdPaths
from tests.conftest import SEED

DAY = "2020-03-04"


def _shift_a_sentence(result):
    return dataclasses.replace(result, sentences=result.sentences.with_columns(pl.col("start") + 1))


def _drop_an_articles_sentences(result):
    first = result.sentences["article_id"][0]
    return dataclasses.replace(result, sentences=result.sentences.filter(pl.col("article_id") != first))


def _date_an_event_next_year(result):
    events = result.event_mentions.with_columns(
        event_date=pl.col("event_date").dt.offset_by("1y"), modality=pl.lit("asserted")
    )
    return dataclasses.replace(result, event_mentions=events)


def _run(tmp_path, monkeypatch, plant=None, extra_files=()):
    inbox = tmp_path / "inbox" / DAY
    inbox.mkdir(parents=True)
    shutil.copy(SEED, inbox / SEED.name)
    for name, content in extra_files:
        (inbox / name).write_bytes(content)
    warehouse = tmp_path / "wh" / "rasd.duckdb"
    monkeypatch.setenv("RASD_WAREHOUSE", str(warehouse))  # the dbt profile reads it
    if plant:
        extract = staging.extract
        monkeypatch.setattr(staging, "extract", lambda articles: plant(extract(articles)))
    from orchestration.definitions import RUN_JOB, defs

    with dg.instance_for_test() as instance:
        result = defs.resolve_job_def(RUN_JOB).execute_in_process(
            partition_key=DAY,
            instance=instance,
            raise_on_error=False,
            resources={"paths": RasdPaths(inbox=str(inbox.parent), warehouse=str(warehouse))},
        )
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    return result, materialized, checks, warehouse


@pytest.mark.parametrize(
    "plant, check",
    [
        (_shift_a_sentence, "offsets_inside_the_text"),
        (_drop_an_articles_sentences, "every_article_has_sentences"),
        (_date_an_event_next_year, "events_not_after_their_report"),
    ],
)
def test_planted_bad_data_stops_the_run_before_the_marts(tmp_path, monkeypatch, dbt_manifest, plant, check):
    result, materialized, checks, warehouse = _run(tmp_path, monkeypatch, plant)
    assert not result.success
    assert not checks[check].passed and checks[check].severity == dg.AssetCheckSeverity.ERROR
    assert checks[check].metadata["failures"].value > 0
    assert "raw/sentences" in materialized  # loaded, and checked right after
    assert not any(key.startswith("marts/") for key in materialized)
    assert not (warehouse.parent / "published").exists()


def test_clean_data_passes_and_drift_only_warns(tmp_path, monkeypatch, dbt_manifest):
    monkeypatch.setenv("RASD_MAX_REJECTED_SHARE", "0")
    result, materialized, checks, _ = _run(tmp_path, monkeypatch, extra_files=[("broken.json", b'{"title": ')])
    assert result.success
    assert {"offsets_inside_the_text", "every_article_has_sentences", "events_not_after_their_report"} <= {
        name for name, evaluation in checks.items() if evaluation.passed
    }
    assert not checks["rejected_share"].passed and checks["rejected_share"].severity == dg.AssetCheckSeverity.WARN
    assert checks["rejected_share"].metadata["share"].value == 0.5  # one rejected, one article read
    assert {"marts/fct_events", "published_warehouse"} <= materialized
