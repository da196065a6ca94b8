"""The dbt project as Dagster sees it: one DbtProject and the manifest preparation.

The manifest is prepared before definitions load — by `rasd run`/`rasd ui`, by the tests'
conftest, or by `dagster dev` via prepare_if_dev — never parsed at import in production.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration.settings import DBT_PROJECT_DIR

# dbt sits beside this interpreter (the venv's bin), which need not be on PATH
DBT_EXECUTABLE = str(Path(sys.executable).parent / "dbt")

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def prepare_manifest(force: bool = False) -> Path:
    """Run `dbt parse` when the manifest is missing or older than any project file."""
    manifest = dbt_project.manifest_path
    sources = [p for p in DBT_PROJECT_DIR.rglob("*") if p.suffix in (".sql", ".yml", ".yaml") and "target" not in p.parts]
    newest = max(p.stat().st_mtime for p in sources)
    if force or not manifest.exists() or manifest.stat().st_mtime < newest:
        subprocess.run(
            [DBT_EXECUTABLE, "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
            check=True,
        )
    return manifest
