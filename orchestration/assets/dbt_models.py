"""dbt models as Dagster assets: `dbt build` (models and their tests) in one step.

A run for one partition passes its day to dbt as the var `partitions`: the incremental marts
then replace only what that day's articles touch; a run over everything rebuilds them in full.
"""

import json
from datetime import date

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.dbt_project import dbt_project
from orchestration.partitions import DUCKDB_POOL, partitioning, run_day

class _Translator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props) -> str:
        """Groups in the lineage graph follow the project's layers: staging, intermediate, marts, reference."""
        return dbt_resource_props["fqn"][1] if len(dbt_resource_props["fqn"]) > 2 else "reference"


translator = _Translator(settings=DagsterDbtTranslatorSettings(enable_source_tests_as_checks=True))


def dbt_build_args(day: date | None) -> list[str]:
    """`dbt build` for one partition (incremental marts) or for everything (full refresh)."""
    if day:
        return ["build", "--vars", json.dumps({"partitions": [day.isoformat()]})]
    return ["build", "--full-refresh"]


def build(partitioned: bool) -> dg.AssetsDefinition:
    @dbt_assets(
        manifest=dbt_project.manifest_path,
        project=dbt_project,
        dagster_dbt_translator=translator,
        pool=DUCKDB_POOL,
        **partitioning(partitioned),
    )
    def rasd_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
        yield from dbt.cli(dbt_build_args(run_day(context)), context=context).stream()

    return rasd_dbt_models
