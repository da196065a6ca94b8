"""The `rasd` command's behaviour at its edges."""

import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

RASD = str(Path(sys.executable).parent / "rasd")


def test_a_second_writer_fails_at_once_with_a_clear_message(tmp_path):
    warehouse = tmp_path / "rasd.duckdb"
    with open(tmp_path / "rasd.duckdb.lock", "w") as lock:
        lock.write("pid 12345")
        lock.flush()
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = subprocess.run(
            [RASD, "run", "--warehouse", str(warehouse)],
            env=os.environ | {"DAGSTER_HOME": str(tmp_path / "dh")},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 3
    assert "another rasd run (pid 12345) is writing" in result.stderr
    assert not warehouse.exists()


def test_a_run_stops_what_a_killed_run_left_behind(tmp_path, monkeypatch):
    """A dbt or step worker of a run whose `rasd` process was killed still carries its token."""
    from orchestration import cli, orphans

    monkeypatch.setenv(orphans.TOKEN_VAR, "")  # the run's own token is restored away afterwards
    (tmp_path / "rasd.duckdb.lock").write_text("pid 999999 token dead-run")
    leftover = subprocess.Popen(["sleep", "600"], env=os.environ | {orphans.TOKEN_VAR: "dead-run"})
    bystander = subprocess.Popen(["sleep", "600"], env=os.environ | {orphans.TOKEN_VAR: "another-run"})
    try:
        assert orphans.carrying("dead-run") == [leftover.pid]
        with cli._single_writer(tmp_path / "rasd.duckdb"):
            assert leftover.wait(timeout=15) == -15  # SIGTERM
            assert bystander.poll() is None
            assert (tmp_path / "rasd.duckdb.lock").read_text() == f"pid {os.getpid()} token {os.environ[orphans.TOKEN_VAR]}"
    finally:
        for process in (leftover, bystander):
            process.kill()
            process.wait()


def test_sql_without_a_published_copy_says_what_to_do(tmp_path):
    result = subprocess.run(
        [RASD, "sql", "select 1", "--warehouse", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "run `rasd run` first" in result.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOT = Path(__file__).parents[2] / "docs" / "asset_graph.png"


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    return json.loads(urllib.request.urlopen(request, timeout=10).read())["data"]


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is installed by .ci/run")
def test_rasd_ui_serves_the_lineage_graph_schedule_and_sensor_on_localhost(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = os.environ | {"DAGSTER_HOME": str(tmp_path / "dh"), "RASD_WAREHOUSE": str(tmp_path / "rasd.duckdb")}
    env["PATH"] = "/usr/bin:/bin"  # as from a shell without the venv activated
    # started as a background job of a script: SIGINT ignored, which must not make it ignore SIGTERM
    server = subprocess.Popen([RASD, "ui", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    query = '{ repositoriesOrError { ... on RepositoryConnection { nodes { schedules { name } sensors { name } } } } assetNodes { assetKey { path } groupName } }'
    try:
        deadline, answer = time.monotonic() + 150, None
        while time.monotonic() < deadline and answer is None:
            time.sleep(3)
            try:
                data = _graphql(port, query)
                answer = data if data["assetNodes"] else None
            except OSError:
                continue
        assert answer, "the UI did not serve the code location"
        _graphql(port, "mutation { setNuxSeen }")  # no welcome dialog over the graph
        shot = tmp_path / "asset_graph.png"
        browser = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1600,640", "--virtual-time-budget=30000",
             f"--screenshot={shot}", f"http://127.0.0.1:{port}/asset-groups"],
            capture_output=True, text=True, timeout=180,
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
            raise AssertionError("rasd ui did not stop on SIGTERM") from None
    keys = {"/".join(node["assetKey"]["path"]) for node in answer["assetNodes"]}
    assert {"inbox", "extracted_partition", "raw/articles", "staging/stg_raw__articles", "marts/fct_events",
            "analyst_report", "published_warehouse"} <= keys
    assert {node["groupName"] for node in answer["assetNodes"]} == {
        "inbox", "extract", "raw", "staging", "intermediate", "reference", "marts", "report", "published"}
    [repository] = answer["repositoriesOrError"]["nodes"]
    assert [s["name"] for s in repository["schedules"]] == ["nightly"]
    assert [s["name"] for s in repository["sensors"]] == ["inbox_arrivals"]
    assert browser.returncode == 0, browser.stderr[-2000:]
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 40_000  # a drawn page, not a blank one
    if os.environ.get("RASD_UPDATE_DOCS"):  # refresh the README's picture
        SCREENSHOT.write_bytes(png)
