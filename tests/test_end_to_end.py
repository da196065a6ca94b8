"""`rasd run` as a user runs it: a real inbox, a real DuckDB file, real dbt, real Dagster.

The inbox: the seed article, two ANT daily zips (one in a dated folder, one loose), one
SaudiNewsNet daily zip, and a folder of broken files. Expected counts were established
independently of rasd's readers (see the comments) and must hold after a second run.
"""

import codecs
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ANT, SAUDI, SEED

RASD = str(Path(sys.executable).parent / "rasd")

# ANT 2018-03-01.zip + 2018-02-20.zip: 167 + 163 files, 323 distinct (title, text) pairs.
# SaudiNewsNet 2015-07-23: 1,318 records, 16 with empty content, 1,297 distinct among the rest.
# Plus the seed article and two new articles in the broken folder.
ARTICLES = 323 + 1297 + 1 + 2
# every sighting: 330 ANT members, 1,297 SaudiNewsNet (duplicates inside one file count once),
# the seed twice (UTF-8 and cp1256), the two new articles
SIGHTINGS = 330 + 1297 + 2 + 2
REJECTED = {
    "no_text": 16 + 1,
    "empty_file": 1,
    "binary_content": 1,
    "malformed_json": 2,
    "malformed_xml": 1,
    "xml_entity_declaration": 1,
    "unsupported_type": 1,
    "corrupt_archive": 1,
}


def _build_inbox(inbox: Path) -> None:
    for folder in ("2020-03-04", "2020-03-05", "2018-03-01", "2015-07-23"):
        (inbox / folder).mkdir(parents=True)
    shutil.copy(SEED, inbox / "2020-03-04" / SEED.name)
    shutil.copy(ANT / "2018-03-01.zip", inbox / "2018-03-01" / "ant.zip")
    shutil.copy(ANT / "2018-02-20.zip", inbox / "ant-loose-2018-02-20.zip")  # partitions by publication date
    shutil.copy(SAUDI / "2015-07-23.zip", inbox / "2015-07-23" / "saudinewsnet.zip")
    broken = inbox / "2020-03-05"
    seed = SEED.read_text(encoding="utf-8")
    (broken / "empty.txt").write_bytes(b"")
    (broken / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (broken / "broken.json").write_text('[{"title": "x", "text": "y"', encoding="utf-8")
    (broken / "feed.xml").write_text("<rss><item><title>t</title></item></rss>", encoding="utf-8")
    (broken / "evil.xml").write_text('<!DOCTYPE d [<!ENTITY x "boom">]><DOC><TEXT>&x;</TEXT></DOC>', encoding="utf-8")
    (broken / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (broken / "cut.zip").write_bytes((SAUDI / "2015-07-23.zip").read_bytes()[:4096])
    (broken / "seed-copy-cp1256.txt").write_bytes(seed.encode("cp1256"))
    paragraphs = seed.split("\n\n")
    lines = [
        json.dumps({"id": "j1", "title": "زيارة سرية", "text": paragraphs[3], "date": "2020-03-04"}, ensure_ascii=False),
        json.dumps({"id": "j2", "title": "بلا نص", "text": ""}, ensure_ascii=False),
        '{"id": "j3", "title": ',
    ]
    (broken / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    utf16 = {"docno": "u1", "title": "مذكرة تفاهم", "content": paragraphs[5], "published_at": "2020-03-04T09:00:00Z"}
    (broken / "utf16.json").write_bytes(codecs.BOM_UTF16_LE + json.dumps(utf16, ensure_ascii=False).encode("utf-16-le"))


def _rasd(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([RASD, *args], env=env, capture_output=True, text=True, timeout=600)


def _counts(path: Path) -> dict:
    with duckdb.connect(str(path), read_only=True) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("select count(*) from raw.articles"),
            "distinct_ids": one("select count(distinct article_id) from raw.articles"),
            "sightings": one("select count(*) from raw.article_sightings"),
            "rejected": dict(con.execute("select reason, count(*) from raw.rejected_files group by 1").fetchall()),
            "stg_articles": one("select count(*) from staging.stg_raw__articles"),
            "stg_sightings": one("select count(*) from staging.stg_raw__article_sightings"),
            "stg_rejected": one("select count(*) from staging.stg_raw__rejected_files"),
            "sentences": one("select count(*) from raw.sentences"),
            "mentions": one("select count(*) from raw.entity_mentions"),
            "mentions_of_seed": one(
                "select count(*) from raw.entity_mentions m join raw.articles a using (article_id) "
                "where a.title like 'صحيفة: حفتر%' and m.actor_id = 'khalifa_haftar'"
            ),
            "articles_without_sentences": one(
                "select count(*) from raw.articles where article_id not in (select article_id from raw.sentences)"
            ),
            "unresolved_ranked": one("select count(*) from marts.unresolved_names"),
            "partitions": dict(
                con.execute("select partition_date::varchar, count(*) from raw.articles group by 1").fetchall()
            ),
        }


@pytest.fixture(scope="module")
def run_env(tmp_path_factory, dbt_manifest):
    root = tmp_path_factory.mktemp("e2e")
    _build_inbox(root / "inbox")
    env = os.environ | {
        "RASD_INBOX": str(root / "inbox"),
        "RASD_WAREHOUSE": str(root / "wh" / "rasd.duckdb"),
        "DAGSTER_HOME": str(root / "dagster_home"),
    }
    first = _rasd("run", env=env)
    assert first.returncode == 0, first.stderr[-4000:]
    return root, env, first


def test_first_run_lands_exact_counts(run_env):
    root, _, first = run_env
    counts = _counts(root / "wh" / "rasd.duckdb")
    assert counts["articles"] == counts["distinct_ids"] == ARTICLES
    assert counts["sightings"] == SIGHTINGS
    assert counts["rejected"] == REJECTED
    assert (counts["stg_articles"], counts["stg_sightings"], counts["stg_rejected"]) == (
        ARTICLES,
        SIGHTINGS,
        sum(REJECTED.values()),
    )
    # the loose ANT zip's articles took their own publication days; the seed stayed on its day
    assert counts["partitions"]["2020-03-04"] == 1
    assert counts["partitions"]["2020-03-05"] == 2
    assert counts["partitions"]["2015-07-23"] == 1297
    assert sum(n for day, n in counts["partitions"].items() if day.startswith("2018-02")) > 100
    assert "raw/articles" in first.stderr and "published copy" in first.stderr
    # every article was segmented and its actors extracted; the seed names Haftar seven times
    # (and his forces, «قوات حفتر», twice more: the Libyan National Army)
    assert counts["articles_without_sentences"] == 0
    assert counts["sentences"] > 5 * ARTICLES and counts["mentions"] > 5 * ARTICLES
    assert counts["mentions_of_seed"] == 7
    assert counts["unresolved_ranked"] > 0


def test_the_published_copy_equals_the_warehouse_and_answers_rasd_sql(run_env):
    root, env, _ = run_env
    published = root / "wh" / "published" / "rasd.duckdb"
    assert _counts(published) == _counts(root / "wh" / "rasd.duckdb")
    result = _rasd("sql", "select count(*) as n from raw.articles", "--format", "csv", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["n", str(ARTICLES)]


def test_seed_article_row(run_env):
    root, _, _ = run_env
    with duckdb.connect(str(root / "wh" / "rasd.duckdb"), read_only=True) as con:
        row, sightings = _seed_rows(con)
    assert row == ("2020-03-04/" + SEED.name, "partition", "2020-03-04", "صحيفة: حفتر زار دمشق سرا للتنسيق ضد تركيا", "الأناضول", 1)
    assert sightings == ["2020-03-04/" + SEED.name, "2020-03-05/seed-copy-cp1256.txt"]


def _seed_rows(con):
    row = con.execute(
        "select source_path, published_basis, published_at::date::varchar, title, photo_credit, len(related_links) "
        "from raw.articles where title like 'صحيفة: حفتر%'"
    ).fetchone()
    sightings = con.execute(
        "select list(s.source_path order by s.source_path) from raw.article_sightings s "
        "join raw.articles a using (article_id) where a.title like 'صحيفة: حفتر%'"
    ).fetchone()[0]
    return row, sightings


def test_second_run_and_a_partition_run_change_nothing(run_env):
    root, env, _ = run_env
    before = _counts(root / "wh" / "rasd.duckdb")
    again = _rasd("run", env=env)
    assert again.returncode == 0, again.stderr[-4000:]
    assert _counts(root / "wh" / "rasd.duckdb") == before
    one_day = _rasd("run", "--partition", "2020-03-05", env=env)
    assert one_day.returncode == 0, one_day.stderr[-4000:]
    assert _counts(root / "wh" / "rasd.duckdb") == before


def _readme_questions() -> list[str]:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0].strip() for block in readme.split("```sql\n")[1:]]


def test_the_readme_questions_answer_on_a_real_corpus(run_env):
    _, env, _ = run_env
    questions = _readme_questions()
    assert len(questions) == 6
    answers = []
    for question in questions:
        result = _rasd("sql", question, "--format", "json", env=env)
        assert result.returncode == 0, (question, result.stderr)
        rows = json.loads(result.stdout)
        assert rows, f"no answer to: {question.splitlines()[0]}"
        answers.append(rows)
    haftar, agreements, turkey, sentences, attacks, actors = answers
    assert all("khalifa_haftar" in (r["source_actor_id"], r["target_actor_id"]) for r in haftar)
    assert {(r["source_code"], r["target_code"]) for r in agreements} & {("SYRGOV", "LBYGOV"), ("LBYGOV", "SYRGOV")}
    assert all(r["events"] > 0 for r in turkey)
    assert all(r["trigger"] and r["sentence_text"] for r in sentences)
    assert all(r["event_score"] >= 0.7 for r in attacks)
    assert [r["event_score"] for r in attacks] == sorted((r["event_score"] for r in attacks), reverse=True)
    assert actors[0]["num_mentions"] >= actors[-1]["num_mentions"] > 0


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_the_report_is_written_beside_the_warehouse(run_env):
    root, _, first = run_env
    report = root / "wh" / "rasd_report.html"
    page = report.read_text(encoding="utf-8")
    assert "report: " in first.stderr
    assert "<h2>Top dyads</h2>" in page and "Plotly" in page
    assert "cdn" not in page.lower().split("<body>", 1)[0]  # the page needs no network


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is installed by .ci/run")
def test_the_report_renders_in_headless_chromium_without_console_errors(run_env, tmp_path):
    root, _, _ = run_env
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=5000", "--dump-dom", (root / "wh" / "rasd_report.html").as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count('class="main-svg"') >= 3  # the three charts were drawn
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []


def _mart_rows(path: Path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            table: sorted(con.execute(f"select * from marts.{table}").fetchall(), key=repr)
            for table in ("fct_event_mentions", "fct_events", "fct_relations", "fct_actor_timeline")
        }


def test_nightly_partition_runs_build_the_same_marts_as_a_full_run(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "2020-03-04").mkdir(parents=True)
    (inbox / "2018-03-01").mkdir()
    (inbox / "2020-03-05").mkdir()
    shutil.copy(SEED, inbox / "2020-03-04" / SEED.name)
    shutil.copy(ANT / "2018-03-01.zip", inbox / "2018-03-01" / "ant.zip")
    # the same story again the next night, and a second report of the seed's events
    shutil.copy(SEED, inbox / "2020-03-05" / "again.txt")
    report = SEED.read_text(encoding="utf-8").split("\n\n")[7]
    (inbox / "2020-03-05" / "follow-up.json").write_text(
        json.dumps({"title": "تقرير آخر", "text": report, "source": "another"}, ensure_ascii=False), encoding="utf-8"
    )
    env = os.environ | {"RASD_INBOX": str(inbox), "DAGSTER_HOME": str(tmp_path / "dagster_home")}
    nightly = env | {"RASD_WAREHOUSE": str(tmp_path / "nightly" / "rasd.duckdb")}
    for night in ("2018-03-01", "2020-03-04", "2020-03-05"):
        result = _rasd("run", "--partition", night, env=nightly)
        assert result.returncode == 0, result.stderr[-3000:]
    full = env | {"RASD_WAREHOUSE": str(tmp_path / "full" / "rasd.duckdb")}
    result = _rasd("run", env=full)
    assert result.returncode == 0, result.stderr[-3000:]
    incremental, rebuilt = _mart_rows(tmp_path / "nightly" / "rasd.duckdb"), _mart_rows(tmp_path / "full" / "rasd.duckdb")
    assert rebuilt["fct_events"] and rebuilt["fct_event_mentions"]
    for table in rebuilt:
        assert incremental[table] == rebuilt[table], table


def _seed_warehouse(tmp_path: Path) -> tuple[Path, dict]:
    """A warehouse built by one `rasd run` over an inbox of the seed article alone: (its path, the env)."""
    inbox = tmp_path / "inbox" / "2020-03-04"
    inbox.mkdir(parents=True)
    shutil.copy(SEED, inbox / SEED.name)
    warehouse = tmp_path / "wh" / "rasd.duckdb"
    env = os.environ | {"RASD_INBOX": str(inbox.parent), "RASD_WAREHOUSE": str(warehouse),
                        "DAGSTER_HOME": str(tmp_path / "dagster_home")}
    assert _rasd("run", env=env).returncode == 0
    return warehouse, env


def test_a_failed_run_leaves_the_last_good_published_copy(tmp_path):
    warehouse, env = _seed_warehouse(tmp_path)
    published = warehouse.parent / "published" / warehouse.name
    good = published.read_bytes()
    warehouse.write_bytes(b"not a DuckDB file" * 1000)  # the warehouse is damaged: the run must fail
    failed = _rasd("run", env=env)
    assert failed.returncode == 1 and "the run failed" in failed.stderr
    assert published.read_bytes() == good
    answer = _rasd("sql", "select count(*) as n from marts.fct_events", "--format", "csv", env=env)
    assert answer.returncode == 0 and int(answer.stdout.split()[1]) > 0


def test_a_warehouse_from_before_the_event_score_takes_it_on_a_nightly_run(tmp_path):
    """A warehouse built before event_score existed (the column dropped from raw and marts here)
    gains it on the next partition run: the raw table by ALTER, the incremental mart by dbt's
    on_schema_change, and the night's partition, extracted again, has its scores."""
    warehouse, env = _seed_warehouse(tmp_path)
    with duckdb.connect(str(warehouse)) as con:
        for table in ("raw.event_mentions", "marts.fct_event_mentions"):
            con.execute(f"alter table {table} drop column event_score")
    nightly = _rasd("run", "--partition", "2020-03-04", env=env)
    assert nightly.returncode == 0, nightly.stderr[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select count(*), count(event_score) from marts.fct_event_mentions").fetchone()
    assert rows[0] > 0 and rows[1] == rows[0]
