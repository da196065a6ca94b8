"""No value is pasted into SQL: file names, folder names, article text and CLI arguments full of
quotes, semicolons and comment markers land as data, intact, through a real `rasd run`."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED
from tests.test_end_to_end import _rasd

INJECTION = "'); drop table raw.articles; --"
TEXT = (
    "وقال المتحدث إن الوفد وصل إلى دمشق صباح اليوم.\n"
    f"{INJECTION}\n"
    '"; delete from raw.rejected_files where 1=1; --\n'
    "$$; copy raw.articles to '/tmp/leak.csv'; /* ' or '1'='1 */\n"
    "وأضاف أن المحادثات ستستمر يومين."
)
DAY = "2020-03-04"
ODD_FOLDER = "x'); drop table raw.sentences; --"
# source_path -> what its row must say
ARTICLES = {
    f"{DAY}/x'); drop table raw.articles; --.txt": TEXT,
    f'{DAY}/a "b"; c -- d.json': TEXT,
    f"{DAY}/q'uote.zip!in'ner\";--.txt": TEXT,
    f"{ODD_FOLDER}/note';--.txt": TEXT,
}
REJECTED = {f"{DAY}/broken'; drop table raw.rejected_files; --.json": "malformed_json"}


def _write_inbox(inbox):
    (inbox / DAY).mkdir(parents=True)
    (inbox / ODD_FOLDER).mkdir()
    (inbox / DAY / "x'); drop table raw.articles; --.txt").write_text("عاجل\n\n" + TEXT, encoding="utf-8")
    record = {"id": "Robert'); DROP TABLE students;--", "title": "عنوان'; --", "text": TEXT, "date": "2020-03-04"}
    (inbox / DAY / 'a "b"; c -- d.json').write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with zipfile.ZipFile(inbox / DAY / "q'uote.zip", "w") as archive:
        archive.writestr("in'ner\";--.txt", "خبر\n\n" + TEXT + "\n" + "ذكر" * 3)
    (inbox / ODD_FOLDER / "note';--.txt").write_text("نبأ\n\n" + TEXT + "\nللمرة الرابعة.", encoding="utf-8")
    (inbox / DAY / "broken'; drop table raw.rejected_files; --.json").write_text('{"text": "' + INJECTION, encoding="utf-8")
    (inbox / DAY / SEED.name).write_bytes(SEED.read_bytes())


@pytest.fixture(scope="module")
def landed(tmp_path_factory, dbt_manifest):
    root = tmp_path_factory.mktemp("sql")
    _write_inbox(root / "inbox")
    warehouse = root / "wh" / "rasd.duckdb"
    env = os.environ | {
        "RASD_INBOX": str(root / "inbox"),
        "RASD_WAREHOUSE": str(warehouse),
        "DAGSTER_HOME": str(root / "dagster_home"),
    }
    result = _rasd("run", env=env)
    assert result.returncode == 0, result.stderr[-4000:]
    return warehouse, env


def test_names_and_texts_full_of_sql_land_intact(landed):
    warehouse, _ = landed
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for source_path, text in ARTICLES.items():
            rows = con.execute(
                "select count(*) from raw.article_sightings s join raw.articles a using (article_id) "
                "where s.source_path = ? and contains(a.text, ?)",
                [source_path, text],
            ).fetchone()[0]
            assert rows == 1, source_path
        for source_path, reason in REJECTED.items():
            assert con.execute("select reason from raw.rejected_files where source_path = ?", [source_path]).fetchall() == [
                (reason,)
            ]
        json_row = con.execute("select external_id, title from raw.articles where source_path like ?", [f"{DAY}/a %"]).fetchone()
        assert json_row == ("Robert'); DROP TABLE students;--", "عنوان'; --")
        # every table is still there, and the text was processed like any other
        tables = {name for (name,) in con.execute("select schema_name || '.' || table_name from duckdb_tables()").fetchall()}
        assert {"raw.articles", "raw.sentences", "raw.rejected_files", "marts.fct_events"} <= tables
        assert con.execute("select count(*) from raw.sentences where contains(sentence_text, ?)", [INJECTION]).fetchone()[0] > 0


def test_rasd_sql_answers_on_the_published_copy(landed):
    _, env = landed
    result = _rasd("sql", "select source_path from raw.articles where source_path like '%drop table%' order by 1",
                   "--format", "json", env=env)
    assert result.returncode == 0, result.stderr
    found = {row["source_path"] for row in json.loads(result.stdout)}
    assert {f"{DAY}/x'); drop table raw.articles; --.txt", f"{ODD_FOLDER}/note';--.txt"} <= found


@pytest.mark.parametrize("partition", [f"{DAY}'; drop table raw.articles; --", "2020-03-04 or 1=1"])
def test_a_partition_that_is_not_a_date_is_refused_before_any_sql(landed, partition):
    warehouse, env = landed
    with duckdb.connect(str(warehouse), read_only=True) as con:
        before = con.execute("select count(*) from raw.articles").fetchone()[0]
    result = _rasd("run", "--partition", partition, env=env)
    assert result.returncode == 2 and "partition" in result.stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from raw.articles").fetchone()[0] == before


def test_a_partition_in_another_iso_form_runs_or_is_refused_but_never_breaks_mid_run(landed):
    """Python reads «20200304» as a date; pasted into SQL as date '20200304', DuckDB would not."""
    _, env = landed
    result = _rasd("run", "--partition", "20200304", env=env)
    assert result.returncode in (0, 2), result.stderr[-3000:]


def test_dbt_refuses_a_partition_var_that_is_not_a_day(landed):
    """The incremental marts paste var('partitions') into SQL: dbt itself checks each day."""
    from orchestration.settings import DBT_PROJECT_DIR

    _, env = landed
    dbt = Path(sys.executable).with_name("dbt")
    injected = json.dumps({"partitions": [f"{DAY}'); drop table raw.articles; --"]})
    common = [str(dbt), "compile", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR), "-s", "fct_events"]
    refused = subprocess.run([*common, "--vars", injected], env=env, capture_output=True, text=True)
    assert refused.returncode != 0 and "is not a YYYY-MM-DD day" in refused.stdout
    compiled = subprocess.run([*common, "--vars", json.dumps({"partitions": [DAY]})], env=env, capture_output=True, text=True)
    assert compiled.returncode == 0 and f"in (date '{DAY}')" in compiled.stdout, compiled.stdout[-3000:]
