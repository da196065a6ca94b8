"""The published read-only copy of the warehouse that `rasd sql` and analysts query."""


import dagster as dg

from orchestration import warehouse
from orchestration.partitions import DUCKDB_POOL, partitioning
from orchestration.resources import RasdPaths


def build(partitioned: bool) -> dg.AssetsDefinition:
    # after the report, which comes after the one step that builds and tests every dbt model
    @dg.asset(deps=["analyst_report"], group_name="published", kinds={"duckdb"}, pool=DUCKDB_POOL, **partitioning(partitioned))
    def published_warehouse(context: dg.AssetExecutionContext, paths: RasdPaths) -> dg.MaterializeResult:
        """Copy the warehouse atomically once dbt has built and tested it; a failed run never gets here."""
        target = warehouse.publish(paths.warehouse_path, paths.published_path)
        context.log.info(f"published {target}")
        return dg.MaterializeResult(metadata={"path": str(target), "bytes": target.stat().st_size})

    return published_warehouse
