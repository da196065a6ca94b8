"""Dagster resources: the warehouse file and the inbox, both from CONTRACT §1 settings."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration import settings


class RasdPaths(dg.ConfigurableResource):
    """The inbox to read and the DuckDB file to write (absolute paths)."""

    inbox: str
    warehouse: str

    @property
    def inbox_path(self) -> Path:
        return Path(self.inbox)

    @property
    def warehouse_path(self) -> Path:
        return Path(self.warehouse)

    @property
    def published_path(self) -> Path:
        return settings.published_copy(self.warehouse_path)

    @property
    def report_path(self) -> Path:
        """The HTML report, beside the warehouse file."""
        return self.warehouse_path.with_name(self.warehouse_path.stem + "_report.html")


def default_paths() -> RasdPaths:
    settings.export_environment()
    return RasdPaths(inbox=str(settings.inbox()), warehouse=str(settings.warehouse()))
