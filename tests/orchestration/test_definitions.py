"""The Dagster code location loads and forms one lineage graph from the inbox to the published copy."""

from pathlib import Path

import dagster as dg
import yaml

from transforms.rejections import REASONS


def test_definitions_load_as_one_connected_graph(dbt_manifest):
    from orchestration.definitions import RUN_JOB, defs

    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"raw/articles", "raw/rejected_files", "staging/stg_raw__articles", "published_warehouse"} <= keys
    staging = dg.AssetKey(["staging", "stg_raw__articles"])
    assert dg.AssetKey(["raw", "articles"]) in graph.get(staging).parent_keys
    assert staging in graph.get(dg.AssetKey("published_warehouse")).parent_keys
    assert defs.resolve_job_def(RUN_JOB) is not None
    # dbt tests show up as asset checks
    assert any("unique" in key.name for key in graph.asset_check_keys)


def test_dbt_accepts_exactly_the_rejection_reasons_the_readers_use():
    yml = yaml.safe_load((Path(__file__).parents[2] / "dbt_project/models/staging/_stg_raw.yml").read_text())
    [model] = [m for m in yml["models"] if m["name"] == "stg_raw__rejected_files"]
    [reason] = [c for c in model["columns"] if c["name"] == "reason"]
    [accepted] = [t["accepted_values"] for t in reason["data_tests"] if isinstance(t, dict)]
    assert set(accepted["arguments"]["values"]) == set(REASONS)
