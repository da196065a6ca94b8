"""Run configuration shared by the assets that read or write one partition's data."""

from datetime import date

import dagster as dg


class PartitionConfig(dg.Config):
    """partition: YYYY-MM-DD to process only that day (rasd run --partition); empty = everything."""

    partition: str | None = None

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.partition) if self.partition else None
