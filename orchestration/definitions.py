"""The Dagster code location (`dagster dev -m orchestration.definitions`): one asset graph
from the inbox folder through the staged extraction, the raw tables and the dbt models to
the report and the published copy, all partitioned by day."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration import assets
from orchestration.assets.raw import INBOX
from orchestration.automation import RUN_JOB, inbox_arrivals, nightly
from orchestration.dbt_project import DBT_EXECUTABLE, dbt_project
from orchestration.executors import executor_from_settings
from orchestration.progress import progress
from orchestration.resources import default_paths

dbt_project.prepare_if_dev()


def definitions(partitioned: bool, job_name: str) -> dg.Definitions:
    """The code location, or (unpartitioned) the one that rebuilds everything (orchestration.rebuild)."""
    job = dg.define_asset_job(
        job_name,
        selection=dg.AssetSelection.all() - dg.AssetSelection.assets(INBOX.key),
        description="From the inbox to the published copy: one day per run"
        if partitioned
        else "From the inbox to the published copy: everything, with a full refresh of the marts.",
    )
    return dg.Definitions(
        assets=[INBOX, *assets.build(partitioned)],
        jobs=[job],
        schedules=[nightly] if partitioned else [],
        sensors=[inbox_arrivals] if partitioned else [],
        executor=executor_from_settings(),
        loggers={"progress": progress},
        resources={
            "paths": default_paths(),
            "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
        },
    )


defs = definitions(partitioned=True, job_name=RUN_JOB)
