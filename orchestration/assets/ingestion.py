"""Raw assets: the inbox read and landed in DuckDB (keys match the dbt source `raw`)."""


import time
from datetime import date

import dagster as dg

from orchestration import warehouse
from orchestration.resources import RasdPaths
from transforms.ingest import read_inbox

RAW_TABLES = ("articles", "article_sightings", "rejected_files")


class IngestConfig(dg.Config):
    partition: str | None = None  # YYYY-MM-DD: read only this day's files (rasd run --partition)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", table],
            group_name="raw",
            kinds={"duckdb", "polars"},
            description={
                "articles": "One row per distinct article found in the inbox (CONTRACT §3).",
                "article_sightings": "Every file, archive member or record where an article was seen.",
                "rejected_files": "Every file or record that could not be read, with the reason.",
            }[table],
        )
        for table in RAW_TABLES
    ],
)
def raw_inbox(context: dg.AssetExecutionContext, config: IngestConfig, paths: RasdPaths):
    """Read every article file under the inbox and land it in the raw tables."""
    partition = date.fromisoformat(config.partition) if config.partition else None
    started = time.perf_counter()
    batch = read_inbox(paths.inbox_path, partition)
    read_seconds = time.perf_counter() - started
    with warehouse.connect(paths.warehouse_path) as con:
        warehouse.create_raw_tables(con)
        counts = warehouse.land(con, batch)
        totals = {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in RAW_TABLES}
    context.log.info(
        f"read {batch.sightings.height} article records and {batch.rejected.height} rejections "
        f"from {paths.inbox_path} in {read_seconds:.1f}s over {len(batch.partitions)} partitions"
    )
    reasons = batch.rejected.group_by("reason").len().sort("reason").rows()
    for table in RAW_TABLES:
        metadata = {
            "rows_landed": counts[table],
            "rows_in_table": totals[table],
            "partitions": len(batch.partitions),
            "read_seconds": round(read_seconds, 2),
        }
        if table == "rejected_files":
            metadata["by_reason"] = dg.MetadataValue.json(dict(reasons))
        yield dg.MaterializeResult(asset_key=["raw", table], metadata=metadata)
