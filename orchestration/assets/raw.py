"""From the inbox to the raw tables, in two steps.

- `extracted_partition` reads a day's inbox files and extracts its articles into Parquet
  (orchestration.staging). It never opens DuckDB, so many days can run at once.
- `raw_tables` loads those files into DuckDB (a transaction per ten staged pieces) and checks the result
  (orchestration.checks). It is in the DuckDB pool (limit 1), like every step that opens the
  file. Its keys match the dbt source `raw`, so the raw tables and the dbt models form one graph.
"""

import dagster as dg

from orchestration import checks, staging, warehouse
from orchestration.partitions import DUCKDB_POOL, partitioning, run_day
from orchestration.resources import RasdPaths

INBOX = dg.AssetSpec(
    "inbox",
    group_name="inbox",
    kinds={"folder"},
    description="The folder new article files arrive in (RASD_INBOX): DIR/YYYY-MM-DD/… per day.",
)
RAW_TABLES = {
    "articles": "One row per distinct article found in the inbox (CONTRACT §3).",
    "article_sightings": "Every file, archive member or record where an article was seen.",
    "rejected_files": "Every file or record that could not be read, with the reason.",
    "sentences": "Every sentence of every article, with its character offsets into the article text.",
    "entity_mentions": "People, organisations and places named in each sentence, resolved to actors where known (CONTRACT §3).",
    "actor_references": "Generic agents (الحكومة), demonyms and state institutions (الحكومة السورية → SYRGOV).",
    "event_mentions": "Every event stated in a sentence: CAMEO code, source, target, date, modality and event score.",
    "quotes": "Who said what: the speaker, the speech verb and the quoted text with its offsets.",
    "actors": "The actor dictionary (transforms/lexicon/actors) as loaded for this run.",
}


def build(partitioned: bool) -> list[dg.AssetsDefinition]:
    @dg.asset(
        deps=[INBOX],
        group_name="extract",
        kinds={"polars", "parquet"},
        **partitioning(partitioned),
    )
    def extracted_partition(context: dg.AssetExecutionContext, paths: RasdPaths) -> dg.MaterializeResult:
        """A day's inbox files read, and their articles' sentences, actors, events and quotes
        extracted, as Parquet files under the warehouse's staging folder (no DuckDB)."""
        summary = staging.stage(paths.inbox_path, paths.warehouse_path, run_day(context), context.log.info)
        metadata = {
            "folder": dg.MetadataValue.path(str(summary.folder)),
            "partitions": summary.partitions,
            "read_seconds": round(summary.read_seconds, 2),
            "extract_seconds": round(summary.extract_seconds, 2),
            "rejected_by_reason": dg.MetadataValue.json(summary.rejected_by_reason),
            **{f"rows_{table}": rows for table, rows in summary.rows.items()},
        }
        if summary.person_mentions:
            metadata["person_mentions_resolved_share"] = round(summary.persons_resolved / summary.person_mentions, 3)
        return dg.MaterializeResult(metadata=metadata)

    @dg.multi_asset(
        specs=[
            dg.AssetSpec(["raw", table], group_name="raw", kinds={"duckdb"}, description=text, deps=[extracted_partition])
            for table, text in RAW_TABLES.items()
        ],
        check_specs=checks.SPECS,
        pool=DUCKDB_POOL,
        **partitioning(partitioned),
    )
    def raw_tables(context: dg.AssetExecutionContext, paths: RasdPaths):
        """Load the day's staged Parquet into the raw tables (replacing that day, a transaction
        per staged piece), then check them: a failing blocking check stops the run before dbt."""
        day = run_day(context)
        folder = staging.partition_folder(paths.warehouse_path, day)
        with warehouse.connect(paths.warehouse_path) as con:
            warehouse.create_raw_tables(con)
            loaded = warehouse.load_staged(con, folder)
            in_table = {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in RAW_TABLES}
            context.log.info("loaded " + ", ".join(f"{rows} {table}" for table, rows in loaded.items()))
            for table in RAW_TABLES:
                yield dg.MaterializeResult(
                    asset_key=["raw", table], metadata={"rows_landed": loaded[table], "rows_in_table": in_table[table]}
                )
            yield from checks.evaluate(con, day)

    return [extracted_partition, raw_tables]
