"""The Dagster code location loads and forms one lineage graph from the inbox to the published copy."""

from pathlib import Path

import dagster as dg
import yaml

from transforms.rejections import REASONS

DUCKDB_STEPS = {"raw_tables", "rasd_dbt_models", "analyst_report", "published_warehouse"}


def test_definitions_load_as_one_connected_daily_partitioned_graph(dbt_manifest):
    from orchestration.definitions import RUN_JOB, defs

    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"inbox", "extracted_partition", "raw/articles", "staging/stg_raw__articles", "published_warehouse"} <= keys
    # inbox → extraction → raw → dbt → report → published copy, every link present
    chain = ["inbox", "extracted_partition", "raw/articles", "staging/stg_raw__articles", "marts/fct_events",
             "analyst_report", "published_warehouse"]
    for upstream, downstream in zip(chain, chain[1:]):
        assert dg.AssetKey.from_user_string(upstream) in graph.get(dg.AssetKey.from_user_string(downstream)).parent_keys
    for key in graph.materializable_asset_keys:
        assert graph.get(key).partitions_def == defs.resolve_job_def(RUN_JOB).partitions_def, key
    # dbt tests and rasd's own checks show up as asset checks; the load's checks block
    names = {key.name for key in graph.asset_check_keys}
    assert any("unique" in name for name in names)
    assert {"offsets_inside_the_text", "every_article_has_sentences", "events_not_after_their_report",
            "rejected_share", "unresolved_person_share"} <= names


def test_every_step_that_opens_duckdb_is_in_the_pool_of_limit_one(dbt_manifest):
    from orchestration.definitions import defs
    from orchestration.settings import DAGSTER_HOME

    pools = {node.name: node.definition.pool for node in defs.resolve_job_def("rasd_run").nodes}
    assert {name for name, pool in pools.items() if pool == "duckdb"} == DUCKDB_STEPS
    assert pools["extracted_partition"] is None  # extraction writes Parquet only: days run side by side
    instance = yaml.safe_load((DAGSTER_HOME / "dagster.yaml").read_text())
    assert instance["concurrency"]["pools"] == {"granularity": "op", "default_limit": 1}


def test_the_rebuild_runs_the_same_assets_unpartitioned(dbt_manifest):
    from orchestration.definitions import defs
    from orchestration.rebuild import REBUILD_JOB, rebuild_defs

    assert rebuild_defs.resolve_asset_graph().get_all_asset_keys() == defs.resolve_asset_graph().get_all_asset_keys()
    assert rebuild_defs.resolve_job_def(REBUILD_JOB).partitions_def is None


def test_dbt_accepts_exactly_the_rejection_reasons_the_readers_use():
    yml = yaml.safe_load((Path(__file__).parents[2] / "dbt_project/models/staging/_stg_raw.yml").read_text())
    [model] = [m for m in yml["models"] if m["name"] == "stg_raw__rejected_files"]
    [reason] = [c for c in model["columns"] if c["name"] == "reason"]
    [accepted] = [t["accepted_values"] for t in reason["data_tests"] if isinstance(t, dict)]
    assert set(accepted["arguments"]["values"]) == set(REASONS)
