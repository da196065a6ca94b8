"""The published read-only copy of the warehouse that `rasd sql` and analysts query."""


import dagster as dg

from orchestration import warehouse
from orchestration.assets.dbt_models import rasd_dbt_models
from orchestration.assets.report import analyst_report
from orchestration.resources import RasdPaths


@dg.asset(deps=[rasd_dbt_models, analyst_report], group_name="published", kinds={"duckdb"})
def published_warehouse(context: dg.AssetExecutionContext, paths: RasdPaths) -> dg.MaterializeResult:
    """Copy the warehouse atomically once dbt has built and tested it; a failed run never gets here."""
    target = warehouse.publish(paths.warehouse_path, paths.published_path)
    context.log.info(f"published {target}")
    return dg.MaterializeResult(metadata={"path": str(target), "bytes": target.stat().st_size})
