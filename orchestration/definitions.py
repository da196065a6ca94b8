"""The Dagster code location (`dagster dev -m orchestration.definitions`): one asset graph
from the inbox through the raw tables and dbt models to the published copy."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.assets.dbt_models import rasd_dbt_models
from orchestration.assets.publishing import published_warehouse
from orchestration.assets.raw import raw_tables
from orchestration.assets.report import analyst_report
from orchestration.automation import RUN_JOB, inbox_arrivals, nightly
from orchestration.dbt_project import DBT_EXECUTABLE, dbt_project
from orchestration.resources import default_paths

dbt_project.prepare_if_dev()

rasd_run_job = dg.define_asset_job(RUN_JOB, selection=dg.AssetSelection.all(), description="The whole nightly run.")

defs = dg.Definitions(
    assets=[raw_tables, rasd_dbt_models, analyst_report, published_warehouse],
    jobs=[rasd_run_job],
    schedules=[nightly],
    sensors=[inbox_arrivals],
    resources={"paths": default_paths(), "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)},
)
