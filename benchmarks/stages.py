"""The comparisons that need the texts in hand, in a process of their own (the harness starts
it, so that its memory is given back before the real run):

    .venv/bin/python -m benchmarks.stages --inbox DIR --out stages.json [--baseline 2000]

- the floor: reading the inbox (`iter_inbox`, in the pieces the pipeline stages) and cutting
  sentences and tokens with Polars alone (`transforms.segmentation`), no extraction, in
  slices of CHUNK_ARTICLES as the pipeline extracts;
- our extraction (`transforms.extraction.extract`) over the same slices;
- the per-article Python baseline (benchmarks/per_article.py) on the first `--baseline`
  articles, and our extraction on the same subset;
- a cProfile of one slice's extraction: the seconds of each step `extract` calls.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import pstats
import resource
import time
from pathlib import Path

import polars as pl

from benchmarks.per_article import PerArticle
from transforms import extraction, segmentation
from transforms.actors import lexicon
from transforms.events.triggers import trigger_lexicon
from transforms.extraction import extract
from transforms.ingest import FirstSightings, iter_inbox

CHUNK_ARTICLES = 5_000  # the slice the pipeline extracts at a time
TRANSFORMS = str(Path(extraction.__file__).parent)
EXTRACT_STEPS = ("sentences", "tokens", "candidate_stems", "find_mentions", "participants", "find_events", "find_quotes")


def _timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def _tokenize(chunk: pl.DataFrame) -> pl.DataFrame:
    return segmentation.tokens(segmentation.sentences(chunk))


def floor_and_extraction(inbox: Path, out: dict) -> pl.DataFrame:
    """Read the inbox piece by piece as `rasd run` stages it, then tokenize and extract each
    piece slice by slice; returns the first slice."""
    out.update(read_s=0.0, tokenize_s=0.0, extract_s=0.0, records=0, articles=0, text_mb=0.0, tokens=0, mentions=0)
    first_sightings = FirstSightings()
    first = None
    pieces = iter_inbox(inbox)
    for number in itertools.count():
        piece, seconds = _timed(next, pieces, None)
        out["read_s"] += seconds
        if piece is None:
            break
        articles = first_sightings.take(piece.articles(), number)[0].select("article_id", "text", "published_at")
        out["records"] += piece.sightings.height
        out["articles"] += articles.height
        out["text_mb"] += articles["text"].str.len_bytes().sum() / 1e6
        for chunk in articles.iter_slices(CHUNK_ARTICLES):
            first = chunk if first is None else first
            tokens, seconds = _timed(_tokenize, chunk)
            out["tokenize_s"] += seconds
            out["tokens"] += tokens.height
            result, seconds = _timed(extract, chunk)
            out["extract_s"] += seconds
            out["mentions"] += result.entity_mentions.height
    return first


def per_article(sample: pl.DataFrame, out: dict) -> None:
    """The baseline and our extraction on the same articles."""
    baseline, out["baseline_setup_s"] = _timed(PerArticle)
    started = time.perf_counter()
    matches = 0
    for text in sample["text"]:
        actors, triggers = baseline.extract(text)
        matches += len(actors) + len(triggers)
    out["baseline_s"] = time.perf_counter() - started
    out["baseline_articles"] = sample.height
    out["baseline_matches"] = matches
    out["ours_on_baseline_sample_s"] = _timed(extract, sample)[1]


def profile_extraction(chunk: pl.DataFrame, top: int = 12) -> dict:
    """Seconds (under cProfile) of each step `extract` calls directly, the total, and the
    `top` functions of transforms/ below those steps by cumulative seconds."""
    profiler = cProfile.Profile()
    profiler.runcall(extract, chunk)
    stats = pstats.Stats(profiler).stats
    extract_key = next(k for k in stats if k[2] == "extract" and k[0] == extraction.__file__)
    seconds = {"articles": chunk.height, "total": stats[extract_key][3]}
    inner = []
    for key, (_, _, _, cumulative, callers) in stats.items():
        if key[2] in EXTRACT_STEPS and extract_key in callers:
            seconds[key[2]] = callers[extract_key][3]
        elif TRANSFORMS in key[0] and key[2] not in ("extract", "<lambda>"):
            inner.append((f"{Path(key[0]).stem}.{key[2]}", cumulative))
    seconds["top"] = sorted(inner, key=lambda item: -item[1])[:top]
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inbox", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--baseline", type=int, default=2_000, help="articles for the per-article baseline")
    args = parser.parse_args()
    out: dict = {}
    _, out["dictionaries_s"] = _timed(lambda: (lexicon.load(), trigger_lexicon()))
    first = floor_and_extraction(args.inbox, out)
    out["peak_rss_gib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    per_article(first.head(args.baseline), out)
    out["profile"] = profile_extraction(first)
    args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
