"""The one daily partitioning of every asset, and the pool that serializes DuckDB access.

A partition is a day: the inbox folder `DIR/YYYY-MM-DD/` the files arrived in, else the
article's publication day (transforms.ingest). A run for one partition reads, extracts and
loads that day and rebuilds only what it touches in the incremental marts; a run with no
partition (`rasd run`) rebuilds everything. Backfills make one run per day, so days can be
extracted in parallel while their DuckDB steps take turns.

Dagster runs a partitioned graph only one partition (or range) at a time, and a range run
records every asset for every day of the range. So the rebuild of everything runs the same
assets built without partitions (orchestration.rebuild); `partitioning` gives the difference.

RASD_FIRST_DAY (default 2010-01-01) is the first partition; RASD_TIMEZONE (default UTC) the
zone in which days begin.
"""

from __future__ import annotations

import os
import warnings
from datetime import date

import dagster as dg

# backfill_policy and pool are marked beta; rasd pins its Dagster version (uv.lock)
warnings.filterwarnings("ignore", category=dg.BetaWarning)

DUCKDB_POOL = "duckdb"  # one DuckDB writer at a time: its limit (1) is in dagster_home/dagster.yaml

daily = dg.DailyPartitionsDefinition(
    start_date=os.environ.get("RASD_FIRST_DAY", "2010-01-01"),
    timezone=os.environ.get("RASD_TIMEZONE", "UTC"),
    end_offset=1,  # today's folder can be processed before the day ends
)
one_day_per_run = dg.BackfillPolicy.multi_run(max_partitions_per_run=1)


def partitioning(partitioned: bool) -> dict:
    """The keyword arguments that partition an asset by day; none for the rebuild's assets."""
    return {"partitions_def": daily, "backfill_policy": one_day_per_run} if partitioned else {}


def run_day(context: dg.OpExecutionContext | dg.AssetExecutionContext) -> date | None:
    """The day this run processes, or None for a run over everything."""
    return date.fromisoformat(context.partition_key) if context.has_partition_key else None


def is_partition(day: str) -> bool:
    return daily.has_partition_key(day)
