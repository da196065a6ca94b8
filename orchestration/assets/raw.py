"""Raw assets: the inbox read and landed in DuckDB, then its articles segmented and their
actors found. Keys match the dbt source `raw`, so raw tables and dbt models form one graph.

One multi-asset, one step: dbt's models then run in a single step after all raw tables are
landed (a relationships test between two raw tables needs both). It is subsettable: the
extraction tables can be rebuilt alone, e.g. after the actor dictionary grew.
"""

import time

import dagster as dg

from orchestration import warehouse
from orchestration.assets.scope import PartitionConfig
from orchestration.resources import RasdPaths
from transforms.actors import lexicon
from transforms.extraction import extract
from transforms.ingest import read_inbox

CHUNK_ARTICLES = 5_000  # articles extracted at a time, so that memory stays bounded

INBOX_TABLES = {
    "articles": "One row per distinct article found in the inbox (CONTRACT §3).",
    "article_sightings": "Every file, archive member or record where an article was seen.",
    "rejected_files": "Every file or record that could not be read, with the reason.",
}
EXTRACTION_TABLES = {
    "sentences": "Every sentence of every article, with its character offsets into the article text.",
    "entity_mentions": "People, organisations and places named in each sentence, resolved to actors where known (CONTRACT §3).",
    "actor_references": "Generic agents (الحكومة), demonyms and state institutions (الحكومة السورية → SYRGOV).",
    "event_mentions": "Every event stated in a sentence: CAMEO code, source, target, date and modality.",
    "quotes": "Who said what: the speaker, the speech verb and the quoted text with its offsets.",
    "actors": "The actor dictionary (transforms/lexicon/actors) as loaded for this run.",
}


def _spec(table: str, description: str, deps: list) -> dg.AssetSpec:
    return dg.AssetSpec(
        ["raw", table], group_name="raw", kinds={"duckdb", "polars"}, description=description, deps=deps, skippable=True
    )


@dg.multi_asset(
    specs=[_spec(t, d, []) for t, d in INBOX_TABLES.items()]
    + [_spec(t, d, [dg.AssetKey(["raw", "articles"])]) for t, d in EXTRACTION_TABLES.items()],
    can_subset=True,
)
def raw_tables(context: dg.AssetExecutionContext, config: PartitionConfig, paths: RasdPaths):
    """Land the inbox (one partition, or all) and the extraction of its articles."""
    selected = {key.path[-1] for key in context.selected_asset_keys}
    with warehouse.connect(paths.warehouse_path) as con:
        warehouse.create_raw_tables(con)
        if selected & INBOX_TABLES.keys():
            yield from _land_inbox(context, config, paths, con)
        if selected & EXTRACTION_TABLES.keys():
            yield from _land_extraction(context, config, con)


def _land_inbox(context, config: PartitionConfig, paths: RasdPaths, con):
    started = time.perf_counter()
    batch = read_inbox(paths.inbox_path, config.day)
    read_seconds = time.perf_counter() - started
    counts = warehouse.land(con, batch)
    context.log.info(
        f"read {batch.sightings.height} article records and {batch.rejected.height} rejections "
        f"from {paths.inbox_path} in {read_seconds:.1f}s over {len(batch.partitions)} partitions"
    )
    reasons = dict(batch.rejected.group_by("reason").len().sort("reason").rows())
    for table in INBOX_TABLES:
        metadata = {
            "rows_landed": counts[table],
            "rows_in_table": con.execute(f"select count(*) from raw.{table}").fetchone()[0],
            "partitions": len(batch.partitions),
            "read_seconds": round(read_seconds, 2),
        }
        if table == "rejected_files":
            metadata["by_reason"] = dg.MetadataValue.json(reasons)
        yield dg.MaterializeResult(asset_key=["raw", table], metadata=metadata)


def _land_extraction(context, config: PartitionConfig, con):
    articles = warehouse.articles_to_extract(con, config.day)
    counts = {"actors": warehouse.land_actors(con, lexicon.load().actors)}
    persons = resolved = done = 0
    started = time.perf_counter()
    for chunk in articles.iter_slices(CHUNK_ARTICLES):
        result = extract(chunk)
        tables = {
            "sentences": result.sentences,
            "entity_mentions": result.entity_mentions,
            "actor_references": result.actor_references,
            "event_mentions": result.event_mentions,
            "quotes": result.quotes,
        }
        for table, rows in warehouse.land_extraction(con, chunk, tables).items():
            counts[table] = counts.get(table, 0) + rows
        people = result.entity_mentions.filter(result.entity_mentions["entity_type"] == "PER")
        persons += people.height
        resolved += people["actor_id"].is_not_null().sum()
        done += chunk.height
        context.log.info(f"extracted {done} of {articles.height} articles")
    seconds = time.perf_counter() - started
    context.log.info(
        f"extracted {counts.get('entity_mentions', 0)} mentions from {articles.height} articles in {seconds:.1f}s "
        f"({articles.height / max(seconds, 1e-9):,.0f} articles/s)"
    )
    for table in EXTRACTION_TABLES:
        metadata = {"rows_landed": counts.get(table, 0), "articles": articles.height, "extract_seconds": round(seconds, 2)}
        if table == "entity_mentions" and persons:
            metadata["person_mentions_resolved_share"] = round(resolved / persons, 3)
        yield dg.MaterializeResult(asset_key=["raw", table], metadata=metadata)
