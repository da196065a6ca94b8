"""dbt models as Dagster assets: `dbt build` (models and their tests) in one step.

A run for one partition passes it to dbt as the var `partitions`: the incremental marts then
replace only what that day's articles touch; a run over everything rebuilds them in full.
"""

import json

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.assets.scope import PartitionConfig
from orchestration.dbt_project import dbt_project

translator = DagsterDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_source_tests_as_checks=True))


def dbt_build_args(partition: str | None) -> list[str]:
    """`dbt build` for one partition (incremental marts) or for everything (full refresh)."""
    if partition:
        return ["build", "--vars", json.dumps({"partitions": [partition]})]
    return ["build", "--full-refresh"]


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator)
def rasd_dbt_models(context: dg.AssetExecutionContext, config: PartitionConfig, dbt: DbtCliResource):
    yield from dbt.cli(dbt_build_args(config.partition), context=context).stream()
