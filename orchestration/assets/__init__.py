"""The assets of a run, upstream first: extraction, raw tables (with their checks), dbt
models, report, published copy — built partitioned by day, or not (for a rebuild)."""

import dagster as dg

from orchestration.assets import dbt_models, publishing, raw, report


def build(partitioned: bool) -> list[dg.AssetsDefinition]:
    return [*raw.build(partitioned), dbt_models.build(partitioned), report.build(partitioned), publishing.build(partitioned)]
