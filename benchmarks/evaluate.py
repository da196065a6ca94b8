"""Evaluate rasd's extraction against hand-checked gold and rewrite EVALUATION.md.

    .venv/bin/python -m benchmarks.evaluate [--shared ../shared] [--out EVALUATION.md]

- NER: entity-level precision, recall and F1 per type (PER, ORG, LOC) on CoNLL-style gold,
  spans matched exactly (character offsets of the name, clitics included as the gold's
  tokens include them). ANERcorp PERS/ORG/LOC map to PER/ORG/LOC; Wojood PERS → PER,
  ORG → ORG, GPE/LOC/FAC → LOC, at every nesting level. The gold has no article boundaries:
  every DOC_SENTENCES consecutive sentences form one pseudo-article, so that a name given in
  full once can be recognised in its short form later, as in a real article.
- The acceptance score on every gold/events/*.yaml (benchmarks/gold_events.py, the rules
  tests/transforms/test_events.py asserts with): actors found (each listed mention form
  resolved to the listed CAMEO code), events found, dates right, must-not violations.
- People in one month of ANT `middleEast` articles: the share of person mentions resolved to a
  known actor, and the most frequent unresolved names (what to add to the dictionary next).
- Event precision per field on the hand-judged random sample of ANT `middleEast` event mentions
  (benchmarks/event_sample/, drawn by benchmarks/sample_events.py, judged row by row).
Every figure names its gold file, the commit and the date.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from benchmarks import gold_events
from benchmarks.machine import commit
from benchmarks.sample_events import ant_articles
from transforms.extraction import extract

REPO = Path(__file__).resolve().parent.parent
TYPES = ("PER", "ORG", "LOC")
DOC_SENTENCES = 10
ANT_MONTH = "2018-03"
ANERCORP_TYPES = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC"}
WOJOOD_TYPES = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


@dataclass
class Scores:
    tp: Counter
    fp: Counter
    fn: Counter

    def row(self, kind: str | None) -> tuple[int, int, int, float, float, float]:
        tp = sum(self.tp.values()) if kind is None else self.tp[kind]
        fp = sum(self.fp.values()) if kind is None else self.fp[kind]
        fn = sum(self.fn.values()) if kind is None else self.fn[kind]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return tp, fp, fn, precision, recall, f1


def read_conll(path: Path) -> list[tuple[list[str], list[list[str]]]]:
    """Sentences as (tokens, tags per token); Wojood's `$#$` line markers are dropped."""
    sentences, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        fields = line.split()
        if not fields:
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
        elif fields[0] != "$#$":
            tokens.append(fields[0])
            tags.append(fields[1:])
    return sentences


def gold_spans(sentences, type_map: dict[str, str]) -> tuple[pl.DataFrame, set]:
    """Pseudo-articles of DOC_SENTENCES sentences (one per line) and the gold entity set
    {(doc, start, end, type)}."""
    texts: dict[str, list[str]] = {}
    gold = set()
    for index, (tokens, tags) in enumerate(sentences):
        doc = f"d{index // DOC_SENTENCES:05d}"
        lines = texts.setdefault(doc, [])
        position = sum(len(line) + 1 for line in lines)
        offsets = []
        for token in tokens:
            offsets.append((position, position + len(token)))
            position += len(token) + 1
        lines.append(" ".join(tokens))
        for source_type, mapped in type_map.items():
            start = None
            for i, token_tags in enumerate(tags + [["O"]]):
                begins, inside = f"B-{source_type}" in token_tags, f"I-{source_type}" in token_tags
                if start is not None and (begins or not inside):
                    gold.add((doc, offsets[start][0], offsets[i - 1][1], mapped))
                    start = None
                if begins:
                    start = i
    docs = [(doc, "\n".join(lines)) for doc, lines in texts.items()]
    frame = pl.DataFrame(docs, schema={"article_id": pl.String, "text": pl.String}, orient="row")
    return frame.with_columns(published_at=pl.lit(datetime(2020, 1, 1))), gold


def score_ner(path: Path, type_map: dict[str, str]) -> Scores:
    docs, gold = gold_spans(read_conll(path), type_map)
    mentions = extract(docs).entity_mentions
    predicted = set(mentions.select("article_id", "name_start", "name_end", "entity_type").iter_rows())
    scores = Scores(Counter(), Counter(), Counter())
    for item in predicted & gold:
        scores.tp[item[3]] += 1
    for item in predicted - gold:
        scores.fp[item[3]] += 1
    for item in gold - predicted:
        scores.fn[item[3]] += 1
    return scores


def ant_month_people(shared: Path, month: str = ANT_MONTH) -> tuple[int, int, float, list[tuple[str, int]]]:
    """Articles, person mentions, share resolved to a known actor, top unresolved names,
    over ANT's `middleEast` articles of one month."""
    articles = ant_articles(shared, "middleEast", f"{month}-*")
    mentions = extract(articles).entity_mentions.filter(pl.col("entity_type") == "PER")
    share = mentions["actor_id"].is_not_null().mean() if mentions.height else 0.0
    names = (
        mentions.filter(pl.col("actor_id").is_null())
        .join(articles.select("article_id", "text"), on="article_id")
        .select(name=pl.col("text").str.slice(pl.col("name_start"), pl.col("name_end") - pl.col("name_start")))
        .group_by("name")
        .len()
        .sort(["len", "name"], descending=[True, False])
        .head(50)
    )
    return articles.height, mentions.height, float(share), names.rows()


def event_sample_precision() -> list[tuple[str, int, int]]:
    """(field, correct, judged) from the hand-judged sample."""
    sample = pl.read_csv(REPO / "benchmarks/event_sample/sample.tsv", separator="\t", infer_schema=False)
    judged = sample.filter(pl.col("type_ok").is_not_null())
    rows = [(field, int((judged[f"{field}_ok"] == "1").sum()), judged.height) for field in ("type", "source", "target", "date")]
    triple = judged.filter((pl.col("type_ok") == "1") & (pl.col("source_ok") == "1") & (pl.col("target_ok") == "1"))
    return rows + [("type + source + target", triple.height, judged.height)]


def sample_commit() -> str:
    """The commit the judged sample was drawn on, as its README states it («… on commit `ab47bc4`»)."""
    readme = (REPO / "benchmarks/event_sample/README.md").read_text(encoding="utf-8")
    found = re.search(r"on commit `([0-9a-f]{7,40})`", readme)
    return found.group(1) if found else "unknown"


def acceptance_lines(shared: Path, stamp: str) -> list[str]:
    """One section per gold/events/*.yaml: the summary, then every event and every form."""
    lines = []
    for result in gold_events.score_all(shared):
        relative = f"../shared/{result.gold.relative_to(shared).as_posix()}"
        dated = [e for e in result.events if e.dated is not None]
        checked = [m for m in result.must_not if m.violations is not None]
        lines += [
            f"## Acceptance on `{relative}`",
            "",
            f"Gold `{relative}`, {stamp}.",
            "",
            "| actors found | mention forms resolved | events found | dates right | must-not violations |",
            "|---:|---:|---:|---:|---:|",
            (
                f"| {result.actors_found} of {result.actors} | {result.forms_found} of {len(result.forms)} | "
                f"{sum(e.found for e in result.events)} of {len(result.events)} | "
                f"{sum(bool(e.dated) for e in dated)} of {len(dated)} | "
                f"{sum(m.violations for m in checked)} ({len(checked)} of {len(result.must_not)} items checkable) |"
            ),
            "",
            "| event | found (asserted) | triggers | date right |",
            "|---|---|---|---|",
            *[
                f"| {e.what} | {'yes' if e.found else '**no**'} | {'، '.join(e.triggers)} | "
                f"{'—' if e.dated is None else 'yes' if e.dated else '**no**'} |"
                for e in result.events
            ],
            "",
            "| must not | violations |",
            "|---|---:|",
            *[f"| {m.item} | {'not checkable' if m.violations is None else m.violations} |" for m in result.must_not],
            "",
            "| actor | expected | form | found |",
            "|---|---|---|---|",
            *[f"| {actor} | {code} | {form} | {found or 'not found'} |" for actor, code, form, found in result.forms],
            "",
        ]
    return lines


def report(shared: Path) -> str:
    stamp = f"commit `{commit()}`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    lines = ["# Evaluation", "", f"Regenerated by `.venv/bin/python -m benchmarks.evaluate` — {stamp}.", ""]
    lines += ["## NER: entity-level, exact spans", ""]
    for name, relative, type_map in (
        ("ANERcorp test", "gold/ner/anercorp/test.conll", ANERCORP_TYPES),
        ("Wojood val", "gold/ner/wojood/val.txt", WOJOOD_TYPES),
    ):
        scores = score_ner(shared / relative, type_map)
        lines += [f"### {name} (`../shared/{relative}`)", "", f"Gold `../shared/{relative}`, {stamp}.", "",
                  "| type | TP | FP | FN | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
        for kind in (*TYPES, None):
            tp, fp, fn, p, r, f = scores.row(kind)
            lines.append(f"| {kind or 'all (micro)'} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f:.3f} |")
        lines.append("")
    lines += acceptance_lines(shared, stamp)
    precision = event_sample_precision()
    judged = precision[0][2] if precision else 0
    lines += [
        "## Events: precision on a hand-judged random sample (`benchmarks/event_sample/sample.tsv`)",
        "",
        f"Gold `benchmarks/event_sample/sample.tsv` ({judged} judged rows), {stamp}.",
        "Event mentions drawn at random from the ANT `middleEast` articles and judged one by one",
        "(criteria in `benchmarks/event_sample/README.md`; aims: type ≥ 0.80, full triple ≥ 0.70).",
        f"The rows are what commit `{sample_commit()}` extracted: the figures measure that commit and",
        "change only with a new draw.",
        "",
        "| field | correct | judged | precision |",
        "|---|---:|---:|---:|",
        *[f"| {field} | {ok} | {n} | {ok / n if n else 0:.2f} |" for field, ok, n in precision],
        "",
    ]
    n_articles, n_people, share, top = ant_month_people(shared)
    lines += [
        f"## People in a month of ANT `middleEast` articles ({ANT_MONTH}, `../shared/corpus/ant`)",
        "",
        f"Corpus `../shared/corpus/ant` (no gold: the share the dictionary resolves), {stamp}.",
        "",
        f"{n_articles} articles, {n_people} person mentions; **{share:.1%} resolved to a known actor**.",
        "",
        "Top 50 unresolved person names (name as written, mentions):",
        "",
        ", ".join(f"{name} ({count})" for name, count in top),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "EVALUATION.md")
    args = parser.parse_args()
    text = report(args.shared)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
