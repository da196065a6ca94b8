"""The analysts' HTML report, downstream of the marts."""

import dagster as dg

from orchestration.partitions import DUCKDB_POOL, partitioning
from orchestration.report import build_report
from orchestration.resources import RasdPaths

MARTS = ["fct_events", "fct_event_mentions", "fct_relations", "fct_actor_timeline", "dim_actors"]


def build(partitioned: bool) -> dg.AssetsDefinition:
    @dg.asset(
        deps=[dg.AssetKey(["marts", m]) for m in MARTS],
        group_name="report",
        kinds={"html", "plotly"},
        pool=DUCKDB_POOL,
        **partitioning(partitioned),
    )
    def analyst_report(context: dg.AssetExecutionContext, paths: RasdPaths) -> dg.MaterializeResult:
        """Actor timelines, top dyads, relations network, cooperation vs conflict, newest events."""
        out = paths.report_path
        summary = build_report(paths.warehouse_path, out)
        context.log.info(f"report written to {out}")
        return dg.MaterializeResult(metadata={"path": str(out), "preview": dg.MetadataValue.md(summary)})

    return analyst_report
