"""Crash safety and concurrency of `rasd run`, reduced: three kill trials and the concurrency
trial of benchmarks/reliability.py (which runs 20+ and writes RELIABILITY.md), on two ANT days.

    .venv/bin/python -m pytest -m slow tests/test_reliability_crash.py
"""

import random

import pytest

from benchmarks import reliability
from tests.conftest import SHARED

DAYS = 2


@pytest.fixture(scope="module")
def setup(tmp_path_factory, dbt_manifest):
    return reliability.prepare(SHARED, tmp_path_factory.mktemp("reliability"), DAYS)


@pytest.mark.slow
@pytest.mark.parametrize("index", [0, 1, 2], ids=["fresh, rasd alone killed", "after a run, group killed", "killed twice"])
def test_a_killed_run_leaves_nothing_that_running_again_does_not_repair(setup, index):
    trial = reliability.kill_trial(setup, index, random.Random(index), setup.env.work / "wh" / "rasd.duckdb")
    for kill in trial.kills:
        assert kill.published in ("absent", "complete"), kill  # never half-written
        assert kill.lock_left.startswith(("pid", "no lock")), kill
    assert trial.interventions == []  # no lock a dead run left (flock, Dagster pool slot) blocked the re-run
    assert 3 not in trial.reruns and trial.reruns[-1] == 0
    assert trial.differences == []  # every raw.* and marts.* table equals a clean run's


@pytest.mark.slow
def test_readers_see_the_old_state_or_the_new_and_a_second_writer_is_refused(setup):
    result = reliability.concurrency_trial(setup, SHARED, DAYS)
    assert result.run_exit == 0
    assert len(result.answers) > 1 and result.consistent, result.answers
    assert result.states[0] == "old" and result.states[-1] == "new"
    assert result.second_writer_exit == 3 and "another rasd run" in result.second_writer_message
    assert result.differences == []
