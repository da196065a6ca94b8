"""Draw the random sample of event mentions that is judged by hand for precision.

    .venv/bin/python -m benchmarks.sample_events [--shared ../shared] [--size 100] [--seed 20261130]
        [--out FILE] [--exclude-articles-of TSV ...]

Runs the extraction over every ANT `middleEast` article and draws `size` event mentions at
random (fixed seed) into benchmarks/event_sample/sample.tsv, with the sentence and what rasd
coded. A person then fills the judgement columns (type_ok, source_ok, target_ok, date_ok:
1 right, 0 wrong; note) — see benchmarks/event_sample/README.md. Before a new draw, keep the
judged sample as sample_<commit>.tsv and pass a new --seed, so that the coder is measured on
rows it was not tuned on. `--exclude-articles-of` leaves out every article that has a row in
the given TSVs (the event score's training rows, benchmarks/event_training/labels.tsv, and the
earlier samples), so that a precision sample never meets an article the coder was fitted on.
The sentences are ANT Corpus text (Apache-2.0; cite Chouigui et al.
2021, https://antcorpus.github.io).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl

from transforms.extraction import extract
from transforms.inputs import read_bytes
from transforms.published_dates import parse_published
from transforms.readers.archive import Limits

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "benchmarks" / "event_sample" / "sample.tsv"
JUDGEMENTS = ("type_ok", "source_ok", "target_ok", "date_ok", "note")


def ant_articles(shared: Path, section: str = "middleEast", days: str = "*") -> pl.DataFrame:
    """ANT articles of one section (article_id = DOCNO, text, published_at), from the daily zips
    matching `days` (e.g. «2018-03-*»)."""
    records = []
    for path in sorted((shared / "corpus" / "ant").glob(f"{days}.zip")):
        for found in read_bytes(path.read_bytes(), path.name, Limits()):
            if isinstance(found.item, dict) and found.item["section"] == section:
                records.append({"article_id": found.item["external_id"], "text": found.item["text"],
                                "published_raw": found.item["published_raw"]})
    return (
        pl.DataFrame(records)
        .with_columns(published_at=parse_published("published_raw"))
        .unique("article_id", keep="first", maintain_order=True)
        .sort("article_id")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--out", type=Path, default=SAMPLE)
    parser.add_argument("--exclude-articles-of", type=Path, nargs="*", default=[])
    args = parser.parse_args()
    articles = ant_articles(args.shared)
    excluded = {row for path in args.exclude_articles_of
                for row in pl.read_csv(path, separator="\t", infer_schema=False)["article_id"]}
    articles = articles.filter(~pl.col("article_id").is_in(sorted(excluded)))
    result = extract(articles)
    events = (
        result.event_mentions.join(result.sentences.select("article_id", "sentence_index", "sentence_text"),
                                   on=["article_id", "sentence_index"])
        .join(articles.select("article_id", published=pl.col("published_at").dt.date()), on="article_id")
        .sort("article_id", "trigger_start", "source_code", "target_code", nulls_last=True)
    )
    sample = events.sample(n=args.size, seed=args.seed).sort("article_id", "trigger_start")
    out = sample.select(
        "article_id", "sentence_index", "trigger_start", "published", "trigger", "cameo_code", "source_code", "target_code",
        "event_date", "date_precision", "modality", pl.col("sentence_text").str.replace_all(r"[\t\n]", " "),
        *[pl.lit(None, pl.String).alias(c) for c in JUDGEMENTS],
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out.write_csv(args.out, separator="\t")
    print(f"{events.height} event mentions in {articles.height} articles ({len(excluded)} excluded); "
          f"{out.height} drawn -> {args.out}")


if __name__ == "__main__":
    main()
