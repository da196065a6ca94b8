"""Crash safety, concurrent readers and hostile inputs of `rasd run`; rewrites RELIABILITY.md.

    .venv/bin/python -m benchmarks.reliability [--shared ../shared] [--trials 24] [--seed 8]
                                               [--days 4] [--examples 2000] [--out RELIABILITY.md]

1. A real inbox: `--days` ANT daily zips from 2018-03-01, one dated folder each, and a folder of
   broken files. A clean `rasd run` on a fresh warehouse is the reference; a second clean run
   checks that runs are deterministic (else no comparison would mean anything).
2. Kill trials. `rasd run` starts on a fresh warehouse (even trials) or on the one the previous
   trial left (odd trials) and is SIGKILLed after a seeded random delay drawn, in turn, within
   each stage of the reference run (startup, each Dagster step, exit); every third trial is
   killed a second time on its way back before it may finish. Trials alternate between killing
   the whole process group (a machine or a cgroup dying) and only the `rasd` process (what the
   OOM killer does), whose children then live on as orphans. After every kill the published
   copy must be absent or open read-only and equal the reference (never half-written), and
   `rasd run` is started again at once, as a cron would; if that fails while an orphan still
   holds the warehouse, it is run again once the orphan is gone; if it waits for a Dagster pool
   slot that a killed run still holds, that is recorded and the slot freed by hand. The warehouse
   must then equal the reference: every raw.* and marts.* table, by row count and an
   order-independent hash; what differs is reported table by table, with its rows and columns.
3. Concurrency: while `rasd run` turns a warehouse built from all but the last day into the full
   one, `rasd sql` queries the published copy in a loop — every answer must be the old state or
   the new one, never old after new — and a second `rasd run` must stop at once with exit 3.
4. Hostile inputs: tests/transforms/test_hostile_inputs.py, slow tests included, with
   RASD_HYPOTHESIS_EXAMPLES=--examples; the tally comes from its JUnit report and from
   hypothesis' statistics.
Only the CLI (`rasd run --inbox DIR --warehouse FILE`, `rasd sql`) and the published copy's
path (`<warehouse dir>/published/<name>`) are relied on.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb

from benchmarks import machine

REPO = Path(__file__).resolve().parent.parent
RASD = str(Path(sys.executable).parent / "rasd")
FIRST_DAY = date(2018, 3, 1)
BROKEN_DAY = "2020-03-05"
BROKEN = {  # files of a bad night: each must end as a raw.rejected_files row
    "empty.txt": b"",
    "junk.bin": bytes(range(256)) * 40,
    "entity.xml": b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><DOC><TEXT>&x;</TEXT></DOC>',
    "cut.json": b'[{"title": "x", "text": "y"',
    "x'); drop table raw.articles; --.zip": b"PK\x03\x04 not really a zip",
}
CONSISTENCY_QUERY = (
    "select (select count(*) from raw.articles) as articles, (select count(*) from raw.article_sightings) as sightings, "
    "(select count(*) from raw.rejected_files) as rejected, (select count(*) from marts.fct_event_mentions) as event_mentions, "
    "(select count(*) from marts.fct_events) as events"
)
HOSTILE_TESTS = "tests/transforms/test_hostile_inputs.py"
ORPHAN_WAIT_SECONDS = 300
BLOCKED_SECONDS = 20  # a re-run waiting this long for a pool slot that a killed run holds is blocked for good

Snapshot = dict[str, tuple[int, str]]  # "schema.table" -> (rows, hash of its rows)


# ---- the inbox, the commands, the comparison ----


def build_inbox(shared: Path, inbox: Path, days: int, broken: bool = True) -> list[str]:
    """`days` ANT daily zips from FIRST_DAY, one dated folder each, and the broken files."""
    names = [(FIRST_DAY + timedelta(days=i)).isoformat() for i in range(days)]
    for day in names:
        (inbox / day).mkdir(parents=True)
        shutil.copy(shared / "corpus" / "ant" / f"{day}.zip", inbox / day / f"{day}.zip")
    if broken:
        (inbox / BROKEN_DAY).mkdir()
        for name, data in BROKEN.items():
            (inbox / BROKEN_DAY / name).write_bytes(data)
    return names


@dataclass
class Env:
    """Where the commands of one script run keep their Dagster state."""

    work: Path

    @property
    def variables(self) -> dict[str, str]:
        return os.environ | {"DAGSTER_HOME": str(self.work / "dagster_home")}

    def run_command(self, inbox: Path, warehouse: Path) -> list[str]:
        return [RASD, "run", "--inbox", str(inbox), "--warehouse", str(warehouse)]

    def start(self, inbox: Path, warehouse: Path, log: Path) -> subprocess.Popen:
        """`rasd run` in its own process group (so that it can be killed as a whole)."""
        with open(log, "ab") as out:
            return subprocess.Popen(self.run_command(inbox, warehouse), env=self.variables, stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)

    def run(self, inbox: Path, warehouse: Path, log: Path) -> int:
        child = self.start(inbox, warehouse, log)
        return child.wait()

    def sql(self, query: str, warehouse: Path) -> subprocess.CompletedProcess:
        return subprocess.run([RASD, "sql", query, "--warehouse", str(warehouse), "--format", "json"],
                              env=self.variables, capture_output=True, text=True, timeout=120)


def published(warehouse: Path) -> Path:
    return warehouse.parent / "published" / warehouse.name


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def snapshot(path: Path) -> Snapshot:
    """Rows and an order-independent hash (md5 of the sorted md5s of each row as JSON) of every
    raw.* and marts.* table or view. Names come from the catalog and are quoted as identifiers."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('raw', 'marts') order by 1, 2"
        ).fetchall()
        return {
            f"{schema}.{table}": con.execute(
                "select count(*), coalesce(md5(string_agg(h, '' order by h)), '') "
                f"from (select md5(to_json(t)::varchar) as h from {_quote(schema)}.{_quote(table)} as t)"
            ).fetchone()
            for schema, table in tables
        }


@dataclass(frozen=True)
class Difference:
    table: str
    what: str  # "missing", "extra", "row count" or "content"
    detail: str = ""
    columns: tuple[str, ...] = ()  # whose values differ (as multisets), when the rows could be compared

    def __str__(self) -> str:
        return f"{self.table}: {self.what}" + (f" ({self.detail})" if self.detail else "")


def differences(found: Path, reference: Path) -> list[Difference]:
    """What differs between two warehouses, table by table, with the rows and columns concerned."""
    mine, theirs = snapshot(found), snapshot(reference)
    out = []
    for table in sorted(mine.keys() | theirs.keys()):
        if table not in mine or table not in theirs:
            out.append(Difference(table, "missing" if table not in mine else "extra"))
        elif mine[table] != theirs[table]:
            what = "row count" if mine[table][0] != theirs[table][0] else "content"
            detail, columns = _explain(found, reference, table)
            out.append(Difference(table, what, f"{mine[table][0]} rows, reference {theirs[table][0]}; {detail}", columns))
    return out


def _explain(found: Path, reference: Path, table: str) -> tuple[str, tuple[str, ...]]:
    def rows(path: Path) -> tuple[list[str], list[tuple]]:
        with duckdb.connect(str(path), read_only=True) as con:
            cursor = con.execute(f"select * from {'.'.join(map(_quote, table.split('.', 1)))}")
            return [c[0] for c in cursor.description], [tuple(map(repr, row)) for row in cursor.fetchall()]

    columns, mine = rows(found)
    _, theirs = rows(reference)
    missing, extra = Counter(theirs) - Counter(mine), Counter(mine) - Counter(theirs)
    changed = tuple(c for i, c in enumerate(columns) if Counter(r[i] for r in mine) != Counter(r[i] for r in theirs))
    detail = f"{sum(missing.values())} reference rows not found, {sum(extra.values())} new; values differ in {', '.join(changed) or 'no one column'}"
    return detail, changed


def check_published(warehouse: Path, setup: Setup) -> str:
    """«absent», «complete» (opens read-only and equals the reference), or what is wrong."""
    copy = published(warehouse)
    if not copy.exists():
        return "absent"
    try:
        found = differences(copy, setup.reference_path)
    except duckdb.Error as err:
        return f"unreadable: {str(err).splitlines()[0]}"
    return "complete" if not found else "DIFFERS: " + "; ".join(map(str, found))


# ---- where a run is: its Dagster steps ----


def dagster_steps(dagster_home: Path, since: float) -> list[tuple[float, str, str]]:
    """(time, STEP_START | STEP_SUCCESS | STEP_FAILURE, step) of the runs created after `since`."""
    from dagster import DagsterInstance, RunsFilter

    kinds = ("STEP_START", "STEP_SUCCESS", "STEP_FAILURE")
    with DagsterInstance.from_config(str(dagster_home)) as instance:
        runs = instance.get_runs(filters=RunsFilter(created_after=datetime.fromtimestamp(since, UTC)))
        events = [e for run in runs for e in instance.all_logs(run.run_id) if e.dagster_event]
    return sorted(
        (e.timestamp, e.dagster_event.event_type_value, e.step_key)
        for e in events
        if e.dagster_event.event_type_value in kinds
    )


def stage_windows(steps: list[tuple[float, str, str]], started: float, ended: float) -> list[tuple[str, float, float]]:
    """(stage, from, to) in seconds after the process started: startup, each step, exit."""
    starts = {step: t for t, kind, step in steps if kind == "STEP_START"}
    ends = {step: t for t, kind, step in steps if kind != "STEP_START"}
    if not starts:
        return [("whole run", 0.0, ended - started)]
    windows = [("startup", 0.0, min(starts.values()) - started)]
    windows += [(step, t - started, ends.get(step, ended) - started) for step, t in sorted(starts.items(), key=lambda i: i[1])]
    windows.append(("exit", max([*ends.values(), *starts.values()]) - started, ended - started))
    return [(name, a, max(a, b)) for name, a, b in windows]


def stage_at(steps: list[tuple[float, str, str]], expected: set[str]) -> str:
    """The stage a killed run was in: the steps started and not ended; else startup, between
    steps (one waiting for its turn) or exit, after all of `expected` ended."""
    ended = {step for _, kind, step in steps if kind != "STEP_START"}
    running = {step for _, kind, step in steps if kind == "STEP_START"} - ended
    if running:
        return "+".join(sorted(running))
    return "startup" if not steps else "exit" if ended >= expected else "between steps"


def stale_claims(dagster_home: Path, before: float) -> dict[str, set[str]]:
    """Run ids, by Dagster pool, that hold a slot of the pool, or wait in its queue ahead of the
    others, while they were created before `before` and a later run waits. rasd's lock admits one
    `rasd run` at a time, so these are killed runs: nothing will ever free their place."""
    from dagster import DagsterInstance

    stale: dict[str, set[str]] = {}
    with DagsterInstance.from_config(str(dagster_home)) as instance:
        storage = instance.event_log_storage
        for pool in storage.get_concurrency_keys():
            info = storage.get_concurrency_info(pool)
            records = {r: instance.get_run_record_by_id(r) for r in {s.run_id for s in info.claimed_slots + info.pending_steps}}
            created = {r: record.create_timestamp.timestamp() if record else 0.0 for r, record in records.items()}
            if any(created[s.run_id] >= before for s in info.pending_steps):
                holders = {s.run_id for s in info.claimed_slots + info.pending_steps if created[s.run_id] < before}
                if holders:
                    stale[pool] = holders
    return stale


def free_claims(dagster_home: Path, run_ids: set[str]) -> None:
    """What an operator does in the Dagster UI for a dead run: free its pool slots."""
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(dagster_home)) as instance:
        for run_id in run_ids:
            instance.event_log_storage.free_concurrency_slots_for_run(run_id)


# ---- the trials ----


@dataclass
class Setup:
    env: Env
    inbox: Path
    reference_path: Path
    reference: Snapshot
    windows: list[tuple[str, float, float]]
    reference_seconds: float
    fresh_differences: list[Difference] = field(default_factory=list)  # a second clean run's
    rerun_differences: list[Difference] = field(default_factory=list)  # the same run again on its warehouse, no kill

    @property
    def steps(self) -> set[str]:
        return {name for name, _, _ in self.windows} - {"startup", "exit", "whole run"}


@dataclass
class Kill:
    stage_planned: str
    delay: float
    mode: str  # "group" or "process"
    stage: str = ""  # where the run was, from its Dagster events
    orphans: list[str] = field(default_factory=list)  # processes of the killed run alive right after the kill
    published: str = ""
    lock_left: str = ""  # what the lock file said after the kill
    temporary_files: int = 0  # half-written copies left in published/


@dataclass
class Trial:
    index: int
    start: str  # "fresh" or "previous"
    kills: list[Kill] = field(default_factory=list)
    reruns: list[int] = field(default_factory=list)  # exit codes of the runs after the last kill
    rerun_messages: list[str] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    interventions: list[str] = field(default_factory=list)  # what had to be done by hand

    @property
    def recovered(self) -> bool:
        """The warehouse ended as a clean run leaves it and the published copy was never half-written."""
        published_ok = all(k.published in ("absent", "complete") for k in self.kills)
        return bool(self.reruns) and self.reruns[-1] == 0 and not self.differences and published_ok

    @property
    def survived(self) -> bool:
        """… and with nothing done by hand: `rasd run` again was all it took."""
        return self.recovered and not self.interventions


def prepare(shared: Path, work: Path, days: int) -> Setup:
    env = Env(work)
    inbox = work / "inbox"
    build_inbox(shared, inbox, days)
    clean = [work / f"clean-{i}" / "rasd.duckdb" for i in (1, 2)]
    started = time.time()
    if env.run(inbox, clean[0], work / "clean-1.log") != 0:
        raise SystemExit(f"the reference run failed: see {work / 'clean-1.log'}")
    ended = time.time()
    windows = stage_windows(dagster_steps(work / "dagster_home", started), started, ended)
    setup = Setup(env, inbox, clean[0], snapshot(clean[0]), windows, ended - started)
    for attempt in ("fresh", "rerun"):  # a second clean run, then the same run again on its warehouse
        if env.run(inbox, clean[1], work / f"clean-2-{attempt}.log") != 0:
            raise SystemExit(f"a control run failed: see {work / f'clean-2-{attempt}.log'}")
        setattr(setup, f"{attempt}_differences", differences(clean[1], clean[0]))
    return setup


def _alive(group: int) -> list[str]:
    """The processes of the process group still running (zombies aside), by name."""
    names = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                name, rest = handle.read().split(b"(", 1)[1].rsplit(b")", 1)
        except (OSError, ValueError):
            continue
        fields = rest.split()
        if int(fields[2]) == group and fields[0] != b"Z":
            names.append(name.decode(errors="replace"))
    return sorted(names)


def _end_group(group: int) -> None:
    """Wait for the orphans of a killed run to end; SIGKILL them (by their group id) if they linger."""
    deadline = time.monotonic() + ORPHAN_WAIT_SECONDS
    while _alive(group) and time.monotonic() < deadline:
        time.sleep(0.5)
    if _alive(group):
        os.killpg(group, signal.SIGKILL)
        while _alive(group):
            time.sleep(0.1)


def _kill(setup: Setup, warehouse: Path, log: Path, window: tuple[str, float, float], mode: str, rng: random.Random) -> tuple[Kill, int]:
    """Start `rasd run`, wait until it enters the stage `window` names (startup: at once), then a
    random part of that stage's length in the reference run, and SIGKILL it."""
    name, start, end = window
    kill = Kill(stage_planned=name, delay=0.0, mode=mode)
    offset = rng.uniform(0, end - start)
    started = time.time()
    child = setup.env.start(setup.inbox, warehouse, log)
    entered = started if name == "startup" else _wait_for_stage(setup, name, started, child)
    try:
        child.wait(timeout=max(0.0, entered + offset - time.time()))
        kill.stage = "had ended"  # the run ended before the moment drawn: nothing to kill
    except subprocess.TimeoutExpired:
        if mode == "group":
            os.killpg(child.pid, signal.SIGKILL)
        else:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
        kill.stage = stage_at(dagster_steps(setup.env.work / "dagster_home", started), setup.steps)
    kill.delay = round(time.time() - started, 1)
    kill.orphans = _alive(child.pid)
    kill.published = check_published(warehouse, setup)
    lock = warehouse.with_name(warehouse.name + ".lock")
    kill.lock_left = lock.read_text().strip() if lock.exists() else "no lock file"
    kill.temporary_files = len([p for p in published(warehouse).parent.glob("*") if p.name.endswith(".tmp")])
    return kill, child.pid


def _wait_for_stage(setup: Setup, name: str, started: float, child: subprocess.Popen) -> float:
    """When the run entered stage `name` (a step's start; «exit»: its last step's end), polled
    from its Dagster events; now, if it ended first or is far behind the reference run."""
    deadline = started + 2 * setup.reference_seconds + 30
    while child.poll() is None and time.time() < deadline:
        steps = dagster_steps(setup.env.work / "dagster_home", started)
        if name == "exit":
            ended = {step for _, kind, step in steps if kind != "STEP_START"}
            if ended and ended >= setup.steps:
                return max(t for t, kind, _ in steps if kind != "STEP_START")
        elif hits := [t for t, kind, step in steps if kind == "STEP_START" and step == name]:
            return hits[0]
        time.sleep(0.2)
    return time.time()


def kill_trial(setup: Setup, index: int, rng: random.Random, warehouse: Path) -> Trial:
    """One trial (see the module's docstring); `warehouse` carries over between trials."""
    trial = Trial(index, "fresh" if index % 2 == 0 else "previous")
    if trial.start == "fresh":
        shutil.rmtree(warehouse.parent, ignore_errors=True)
    log = setup.env.work / "trials" / f"{index:02d}.log"
    log.parent.mkdir(exist_ok=True)
    groups = []
    for k in range(2 if index % 3 == 2 else 1):
        window = setup.windows[(index + k) % len(setup.windows)]
        kill, group = _kill(setup, warehouse, log, window, "group" if (index + k) % 2 else "process", rng)
        trial.kills.append(kill)
        groups.append(group)
    trial.reruns.append(_rerun(setup, warehouse, log, trial))  # at once, as a cron would
    if trial.reruns[-1] != 0:
        trial.rerun_messages.append(_last_rasd_line(log))
        for group in groups:
            _end_group(group)
        trial.reruns.append(_rerun(setup, warehouse, log, trial))
    for group in groups:
        _end_group(group)
    if trial.reruns[-1] == 0:
        trial.differences = differences(warehouse, setup.reference_path)
    return trial


def _rerun(setup: Setup, warehouse: Path, log: Path, trial: Trial) -> int:
    """`rasd run` to its end. When it waits for a pool slot that a killed run holds (nothing
    would ever free it: the run would wait forever), that is recorded, and the slot freed by
    hand after BLOCKED_SECONDS, as an operator would."""
    home, started = setup.env.work / "dagster_home", time.time()
    child = setup.env.start(setup.inbox, warehouse, log)
    blocked_since = None
    while child.poll() is None:
        time.sleep(2)
        stale = stale_claims(home, started)
        blocked_since = (blocked_since or time.time()) if stale else None
        if stale and time.time() - blocked_since >= BLOCKED_SECONDS:
            waited = time.time() - started
            trial.interventions.append(
                f"the re-run waited {waited:.0f} s for Dagster pool {', '.join(sorted(stale))}, whose slot or queue the "
                f"killed run(s) {', '.join(sorted(r[:8] for runs in stale.values() for r in runs))} still held; freed by hand"
            )
            free_claims(home, {r for runs in stale.values() for r in runs})
            blocked_since = None
    return child.returncode


def _last_rasd_line(log: Path) -> str:
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.startswith("rasd:") or "Error" in line]
    return lines[-1][:300] if lines else "(no message)"


@dataclass
class Concurrency:
    old: dict
    new: dict
    answers: list[tuple[float, int, str]]  # (seconds after the run started, exit code, answer)
    run_exit: int
    second_writer_exit: int
    second_writer_seconds: float
    second_writer_message: str
    differences: list[Difference]

    @property
    def states(self) -> list[str]:
        return ["old" if a == self.old else "new" if a == self.new else "other" for _, rc, a in self.answers if rc == 0]

    @property
    def consistent(self) -> bool:
        states = self.states
        return (
            len(states) == len(self.answers)
            and "other" not in states
            and "old" not in states[states.index("new") if "new" in states else len(states):]
        )


def concurrency_trial(setup: Setup, shared: Path, days: int) -> Concurrency:
    env = Env(setup.env.work / "concurrency")  # a Dagster instance of its own: no run was killed in it
    older = env.work / "inbox-old"
    build_inbox(shared, older, days - 1)
    warehouse = env.work / "wh" / "rasd.duckdb"
    log = env.work / "run.log"
    if env.run(older, warehouse, log) != 0:
        raise SystemExit(f"the run on the older inbox failed: see {log}")

    def ask() -> tuple[int, dict | str]:
        result = env.sql(CONSISTENCY_QUERY, warehouse)
        return result.returncode, (json.loads(result.stdout)[0] if result.returncode == 0 else result.stderr.strip())

    _, old = ask()
    started = time.monotonic()
    child = env.start(setup.inbox, warehouse, log)
    answers, second = [], None
    while child.poll() is None:
        if second is None and time.monotonic() - started > 2:
            begun = time.monotonic()
            second = subprocess.run(env.run_command(setup.inbox, warehouse), env=env.variables,
                                    capture_output=True, text=True, timeout=600)
            second_seconds = time.monotonic() - begun
        rc, answer = ask()
        answers.append((round(time.monotonic() - started, 1), rc, answer))
    rc, answer = ask()
    answers.append((round(time.monotonic() - started, 1), rc, answer))
    if second is None:
        raise SystemExit("the run ended before a second writer could be started: use more --days")
    return Concurrency(
        old=old, new=answer, answers=answers, run_exit=child.returncode,
        second_writer_exit=second.returncode, second_writer_seconds=second_seconds,
        second_writer_message=second.stderr.strip().splitlines()[-1] if second.stderr.strip() else "",
        differences=differences(warehouse, setup.reference_path),
    )


# ---- hostile inputs: the tests' own tally ----


@dataclass
class Hostile:
    command: str
    exit_code: int
    cases: list[tuple[str, str, float]]  # (test, outcome, seconds)
    examples: dict[str, int]  # property test -> examples tried
    peaks: dict[str, float]  # test -> peak RSS (MiB) its child process reported


def hostile_tally(examples: int, work: Path) -> Hostile:
    report = work / "hostile.xml"
    command = [sys.executable, "-m", "pytest", HOSTILE_TESTS, "-m", "slow or not slow", "-q", "-p", "no:cacheprovider",
               f"--junitxml={report}", "--hypothesis-show-statistics"]
    result = subprocess.run(command, cwd=REPO, env=os.environ | {"RASD_HYPOTHESIS_EXAMPLES": str(examples)},
                            capture_output=True, text=True, timeout=6 * 3600)
    cases, peaks = [], {}
    for case in ElementTree.parse(report).iter("testcase"):  # our own pytest's report
        outcome = "failed" if case.find("failure") is not None or case.find("error") is not None else (
            "skipped" if case.find("skipped") is not None else "passed")
        cases.append((case.get("name"), outcome, float(case.get("time", 0))))
        for prop in case.iter("property"):
            if prop.get("name") == "peak_rss_mib":
                peaks[case.get("name")] = float(prop.get("value"))
    examples_tried, current = {}, None
    for line in result.stdout.splitlines():
        if match := re.match(r"\S+::(\S+):$", line.strip()):
            current = match[1]
        elif current and (match := re.search(r"(\d+) passing, (\d+) failing", line)):
            examples_tried[current] = examples_tried.get(current, 0) + int(match[1]) + int(match[2])
    shown = f"RASD_HYPOTHESIS_EXAMPLES={examples} .venv/bin/python -m pytest {HOSTILE_TESTS} -m 'slow or not slow'"
    return Hostile(shown, result.returncode, cases, examples_tried, peaks)


# ---- the report ----

FIXED = [  # found by the hostile-input tests of issue 8 and fixed in transforms/ (each has a test)
    ("a damaged deflate or LZMA member (`zlib.error`, `LZMAError`) crashed the whole run", "corrupt_archive row"),
    ("a zip whose directory names a future format version (`NotImplementedError`) crashed the run", "corrupt_archive row"),
    ("a zip member with an empty name (`IndexError` in zipfile's is_dir) crashed the run", "unsafe_path row"),
    ("JSON with an integer of over 4,300 digits (`ValueError`) crashed the run", "malformed_json row"),
    ("a JSON lone surrogate escape («\\ud800») crashed the run when hashing the article", "U+FFFD, parse_warning"),
    ("a file name that is not UTF-8 crashed the run when building the frame", "kept, with \\xNN escapes"),
    ("a symlink loop (`RuntimeError`) crashed the run", "unreadable_file row"),
    ("a named pipe in the inbox blocked the run forever", "unreadable_file row"),
    ("many unclosed <DOC> or field tags made the TREC reader quadratic (1 MB of them: over a minute)", "linear scan"),
    ("leading `<!---->` comments made HTML detection exponential (each one doubled the time; 24: 1.8 s)", "possessive pattern"),
    ("a long run of spaces in a text's third line made the caption pattern quadratic (20,000: 1.7 s)", "length guard"),
    ("a line of millions of words was split whole to count six", "bounded split"),
    ("an HTML page of 50 MB took 70 s and 2.4 GB in trafilatura", "file_too_large over 8 Mi characters"),
    ("one article's text had no size limit (a 200 MB .txt became one 200 MB article)", "file_too_large over 1 Mi characters"),
    ("archives nested in an archive each had the full size and member budget", "one budget per inbox file"),
    ("text of zero-width and bidi controls only was an article", "no_text row"),
    ("entity declarations in HTML were not refused (never expanded either: lxml's HTML parser)", "xml_entity_declaration row"),
    ("UTF-8 and Windows-1256 mixed in one file was read as garbled Windows-1256", "undecodable_text row"),
    ("UTF-32 was reported as binary_content", "undecodable_text row"),
    ("a second byte-order mark (a BOM added to a file that had one) broke JSON", "stripped"),
]


FOUND_ELSEWHERE = [  # found by these trials (or their first runs) and fixed outside transforms/
    ("after a SIGKILL, the killed run kept its place in the Dagster pool `duckdb` (a claimed slot or a queue entry) "
     "and every later `rasd run` waited for it forever (one was still waiting after 12 minutes)",
     "ebc76e9: `rasd run` fails the runs whose process is gone and frees their place"),
    ("two runs over the same raw tables could build different fct_events (a tied mode(cameo_code), a tied first "
     "mention) and so fct_relations, fct_dyad_months, fct_actor_timeline, and unresolved_names' example sentences",
     "5cf8e41: every tie broken by a total order"),
]


def _listed(found: list[Difference]) -> str:
    return "identical in every table" if not found else "; ".join(f"`{_cell(d)}`" for d in found)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_report(out: Path, args: argparse.Namespace, setup: Setup, trials: list[Trial],
                 concurrency: Concurrency | None, hostile: Hostile | None, seconds: float) -> None:
    survived = sum(t.survived for t in trials)
    kills = [k for t in trials for k in t.kills]
    command = (f".venv/bin/python -m benchmarks.reliability --days {args.days} --trials {args.trials} "
               f"--seed {args.seed} --examples {args.examples}")
    lines = [
        "# Reliability",
        "",
        f"Regenerated by `{command}` (this file's every figure was measured by that run).",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit `{machine.commit()}`, {seconds / 60:.0f} min in all",
        f"- Machine: {machine.describe()}; load average {machine.load_average()} at the end (other work shares the cores)",
        f"- Versions: {machine.versions()}",
        "",
        "## Summary",
        "",
        "| check | result |",
        "|---|---|",
        f"| kill trials (SIGKILL at a random moment, then `rasd run` again) ending with every raw.* and marts.* table "
        f"identical to a clean run's, with nothing done by hand | **{survived} of {len(trials)}** |",
        f"| kill trials that ended so only after a hand intervention (see below) | {sum(t.recovered and not t.survived for t in trials)} |",
        f"| kill trials that did not end so | {sum(not t.recovered for t in trials)} |",
        f"| kills after which the published copy was absent or complete (never half-written) | "
        f"{sum(k.published in ('absent', 'complete') for k in kills)} of {len(kills)} |",
        f"| trials whose immediate re-run succeeded with no help (neither a stale lock nor an orphan blocked it) | "
        f"{sum(t.reruns[0] == 0 and not t.interventions for t in trials)} of {len(trials)} |",
    ]
    if concurrency:
        c = concurrency
        lines += [
            f"| queries of the published copy during a run that succeeded and saw the old or the new state, in order | "
            f"{sum(s in ('old', 'new') for s in c.states) if c.consistent else 'NOT ALL'} of {len(c.answers)} |",
            f"| a second `rasd run` on the same warehouse | exit {c.second_writer_exit} after {c.second_writer_seconds:.1f} s |",
        ]
    if hostile:
        failed = [name for name, outcome, _ in hostile.cases if outcome == "failed"]
        lines += [
            f"| hostile inputs: generated examples / fixed cases, failing | {sum(hostile.examples.values()):,} / "
            f"{sum(1 for n, _, _ in hostile.cases if n not in hostile.examples)}, {len(failed)} failing |",
        ]
    lines += [
        "",
        "## The corpus and the reference",
        "",
        f"The inbox: {args.days} ANT daily zips from {FIRST_DAY} (one dated folder each) and a folder "
        f"`{BROKEN_DAY}` of {len(BROKEN)} broken files (`{'`, `'.join(BROKEN)}`). A clean `rasd run` on a fresh warehouse "
        f"took {setup.reference_seconds:.0f} s; it is the reference.",
        "",
        "Two controls without any kill: a second clean run on a fresh warehouse — "
        f"{_listed(setup.fresh_differences)}; the same run again on that warehouse — {_listed(setup.rerun_differences)}.",
        "",
        "Compared after every trial — row count and an order-independent hash (md5 over the sorted md5 of each row as JSON):",
        "",
        "| table | rows |",
        "|---|---:|",
        *[f"| {table} | {rows:,} |" for table, (rows, _) in setup.reference.items()],
        "",
        "Stages of the reference run (seconds after `rasd run` started, from its Dagster events). Trial by trial, a stage "
        "is picked in turn; the run is watched until it enters that stage, then killed after a random part of the "
        "stage's length here:",
        "",
        "| stage | from | to |",
        "|---|---:|---:|",
        *[f"| {name} | {a:.1f} | {b:.1f} |" for name, a, b in setup.windows],
        "",
        "## Kill trials",
        "",
        "Even trials start on a fresh warehouse, odd ones on the warehouse the previous trial left; every third trial "
        "is killed twice. `process`: SIGKILL to the `rasd` process alone (as the OOM killer does; its children live on); "
        "`group`: SIGKILL to its whole process group (a machine or cgroup dying). *Stage hit* is where the run was, from "
        "its own Dagster events; *at* is seconds after it started. *Re-runs*: exit codes of `rasd run` started at once "
        "after the kill, and again once "
        "the orphans had ended when the first failed.",
        "",
        "| # | start | kill: mode, stage aimed at → stage hit, at, processes left running | published copy after the kill | lock file left | re-runs | raw and marts, against the reference |",
        "|---:|---|---|---|---|---|---|",
    ]
    for t in trials:
        kill_cells = "<br>".join(
            f"{k.mode}, {k.stage_planned} → **{k.stage}**, {k.delay:.1f} s, "
            + (f"orphans: {', '.join(k.orphans)}" if k.orphans else "no orphan")
            for k in t.kills
        )
        published_cells = "<br>".join(
            k.published + (f" (+{k.temporary_files} temporary files)" if k.temporary_files else "") for k in t.kills
        )
        lock_cells = "<br>".join(k.lock_left or "(empty)" for k in t.kills)
        if t.reruns[-1] != 0:
            identical = "**the re-run failed**"
        elif t.differences:
            identical = "**DIFFERENT**: " + "; ".join(map(str, t.differences))
        else:
            identical = "identical"
        reruns = ", ".join(map(str, t.reruns)) + (" (after a hand intervention)" if t.interventions else "")
        lines.append(f"| {t.index} | {t.start} | {kill_cells} | {_cell(published_cells)} | {_cell(lock_cells)} | "
                     f"{reruns} | {_cell(identical)} |")
    if any(t.interventions for t in trials):
        lines += ["", "Done by hand, trial by trial:", ""]
        lines += [f"- trial {t.index}: {_cell(what)}" for t in trials for what in t.interventions]
    failed_first = [t for t in trials if t.reruns[0] != 0]
    if failed_first:
        lines += ["", "Immediate re-runs that failed, and why (the last `rasd:` or error line of their log):", ""]
        lines += [f"- trial {t.index}: exit {t.reruns[0]} — `{_cell(m)}`" for t in failed_first for m in t.rerun_messages]
    if concurrency:
        c = concurrency
        lines += [
            "",
            "## Concurrent readers and a second writer",
            "",
            f"A warehouse built from the first {args.days - 1} days (old state) is turned into the full inbox's (new state) "
            f"by `rasd run` (exit {c.run_exit}); meanwhile `rasd sql` asks, in a loop: `{CONSISTENCY_QUERY}`.",
            "",
            f"- old state: `{json.dumps(c.old)}`",
            f"- new state: `{json.dumps(c.new)}`",
            f"- {len(c.answers)} answers, in order: {' '.join(c.states)}; failures: "
            f"{[a for _, rc, a in c.answers if rc != 0] or 'none'}; consistent: **{'yes' if c.consistent else 'NO'}**",
            f"- the warehouse afterwards, against the reference: {_listed(c.differences)}",
            f"- a second `rasd run` started 2 s into the first: exit {c.second_writer_exit} after {c.second_writer_seconds:.1f} s, "
            f"saying `{_cell(c.second_writer_message)}`",
        ]
    if hostile:
        lines += [
            "",
            "## Hostile inputs",
            "",
            f"`{hostile.command}` (exit {hostile.exit_code}). Each property (hypothesis) and each fixed case asserts that every "
            "file ends as `raw.rejected_files` rows with a known reason and a detail, or as articles with visible text; the "
            "inbox-level ones also that no file is lost. Cases that could hang or exhaust memory run in a child process "
            "that reports its peak RSS.",
            "",
            "| test | outcome | examples tried | seconds | peak RSS of its child |",
            "|---|---|---:|---:|---:|",
        ]
        for name, outcome, secs in hostile.cases:
            peak = f"{hostile.peaks[name]:,.0f} MiB" if name in hostile.peaks else ""
            lines.append(f"| {_cell(name)} | {outcome} | {hostile.examples.get(name, 1):,} | {secs:.1f} | {peak} |")
    lines += [
        "",
        "## Found by the kill trials, fixed in orchestration/ and dbt_project/",
        "",
        "| what happened | fixed by |",
        "|---|---|",
        *[f"| {_cell(what)} | {_cell(how)} |" for what, how in FOUND_ELSEWHERE],
        "",
        "## Found and fixed in the readers (issue 8)",
        "",
        "| input | now |",
        "|---|---|",
        *[f"| {_cell(what)} | {_cell(now)} |" for what, now in FIXED],
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--days", type=int, default=4)
    parser.add_argument("--examples", type=int, default=2000, help="hypothesis examples per property (0: skip)")
    parser.add_argument("--no-concurrency", action="store_true")
    parser.add_argument("--out", type=Path, default=REPO / "RELIABILITY.md")
    args = parser.parse_args()
    started = time.monotonic()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="rasd-reliability-") as tmp:
        work = Path(tmp)
        setup = prepare(args.shared, work, args.days)
        print(f"reference: {setup.reference_seconds:.0f} s, stages {setup.windows}, controls "
              f"{[str(d) for d in setup.fresh_differences + setup.rerun_differences]}", flush=True)
        trials = []
        for index in range(args.trials):
            trials.append(kill_trial(setup, index, rng, work / "trials-wh" / "rasd.duckdb"))
            t = trials[-1]
            print(f"trial {index}: {[(k.mode, k.stage, k.published) for k in t.kills]} reruns {t.reruns} "
                  f"survived {t.survived} {t.interventions} {[str(d) for d in t.differences]}", flush=True)
        concurrency = None if args.no_concurrency else concurrency_trial(setup, args.shared, args.days)
        hostile = hostile_tally(args.examples, work) if args.examples else None
        write_report(args.out, args, setup, trials, concurrency, hostile, time.monotonic() - started)
    print(args.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
