"""Where a run's steps execute: configuration, not code (RASD_EXECUTOR).

- Runs started by Dagster (UI, schedule, sensor, backfills) use Dagster's default executor:
  each step in its own process (`multiprocess`), unless the run's config asks for `in_process`.
- `rasd run` executes each run in its own process, in-process (`RASD_EXECUTOR=in_process`,
  its default): a run's steps form a chain, so separate step processes would only add their
  start-up (~3 s of imports each, measured); days run in parallel instead (`--parallel N`).
  `RASD_EXECUTOR=multiprocess` gives every step its own process there too, forked from a
  server that has imported rasd once (RASD_MAX_CONCURRENT, default: the number of cores).
- `RASD_EXECUTOR=celery`: steps go to Celery workers on other machines (`pip install
  dagster-celery`); the instance must then keep its storage in Postgres — see deploy/celery/
  for a configuration that is validated by the tests. Extraction scales out; the DuckDB steps
  still take turns in the `duckdb` pool and need the warehouse file where they run.
"""

from __future__ import annotations

import os

import dagster as dg

KINDS = ("in_process", "multiprocess", "celery")


def _kind() -> str:
    kind = os.environ.get("RASD_EXECUTOR", "in_process")
    if kind not in KINDS:
        raise ValueError(f"RASD_EXECUTOR={kind!r}: use one of {', '.join(KINDS)}")
    return kind


def executor_from_settings() -> dg.ExecutorDefinition:
    if _kind() == "celery":
        from dagster_celery import celery_executor

        return celery_executor
    return dg.multi_or_in_process_executor


def executor_config() -> dict:
    """The `execution.config` of a run that `rasd run` starts."""
    kind = _kind()
    if kind == "multiprocess":
        return {
            "multiprocess": {
                "max_concurrent": int(os.environ.get("RASD_MAX_CONCURRENT") or os.cpu_count() or 1),
                "start_method": {"forkserver": {"preload_modules": ["orchestration.definitions"]}},
            }
        }
    if kind == "celery":
        return {}
    return {"in_process": {}}
