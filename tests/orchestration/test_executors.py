"""The executor is configuration: in-process and multiprocess on one machine, Celery with
Postgres storage beyond it — validated here against the installed libraries' schemas."""

from pathlib import Path

import dagster as dg
import pytest
import yaml
from dagster._core.instance.config import dagster_instance_config

CELERY = Path(__file__).parents[2] / "deploy" / "celery"


def _job(monkeypatch, kind: str) -> dg.JobDefinition:
    monkeypatch.setenv("RASD_EXECUTOR", kind)
    from orchestration.definitions import RUN_JOB, definitions

    return definitions(partitioned=True, job_name=RUN_JOB).resolve_job_def(RUN_JOB)


def test_rasd_run_executes_in_process_unless_told_otherwise(monkeypatch):
    from orchestration.executors import executor_config

    monkeypatch.delenv("RASD_EXECUTOR", raising=False)
    assert executor_config() == {"in_process": {}}
    monkeypatch.setenv("RASD_EXECUTOR", "multiprocess")
    assert executor_config()["multiprocess"]["start_method"]["forkserver"]["preload_modules"] == ["orchestration.definitions"]
    monkeypatch.setenv("RASD_EXECUTOR", "threads")
    with pytest.raises(ValueError, match="RASD_EXECUTOR='threads'"):
        executor_config()


def test_both_local_executors_accept_rasd_runs_config(dbt_manifest, monkeypatch):
    from orchestration.executors import executor_config

    job = _job(monkeypatch, "in_process")
    assert job.executor_def.name == "multi_or_in_process_executor"  # Dagster's default: multiprocess
    for kind in ("in_process", "multiprocess"):
        monkeypatch.setenv("RASD_EXECUTOR", kind)
        assert dg.validate_run_config(job, {"execution": {"config": executor_config()}})


def test_the_celery_run_config_is_valid_for_the_celery_executor(dbt_manifest, monkeypatch):
    monkeypatch.setenv("RASD_CELERY_BROKER", "pyamqp://guest@localhost//")
    monkeypatch.setenv("RASD_CELERY_BACKEND", "rpc://")
    job = _job(monkeypatch, "celery")
    assert job.executor_def.name == "celery"
    assert dg.validate_run_config(job, yaml.safe_load((CELERY / "run_config.yaml").read_text()))


def test_the_celery_instance_keeps_its_storage_in_postgres_and_one_duckdb_writer(monkeypatch):
    config = dagster_instance_config(str(CELERY))[0]
    assert set(config["storage"]) == {"postgres"}
    assert config["concurrency"]["pools"] == {"granularity": "op", "default_limit": 1}
    from dagster_postgres import DagsterPostgresStorage

    postgres = config["storage"]["postgres"]
    result = dg._config.validate_config(DagsterPostgresStorage.config_type(), postgres)  # noqa: SLF001
    assert result.success, result.errors
