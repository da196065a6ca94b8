"""Acceptance score of the extraction on a hand-annotated gold article (gold/events/*.yaml).

Each gold file describes one article (the file of the same stem under corpus/samples/, read
by the inbox readers): the actors it names with their CAMEO codes and mention forms, the
events it reports (CAMEO root, source, target, optionally the date), and `must_not` items,
things a careful analyst would not code. The score counts
- actors found: every listed mention form is (the end of) a mention resolved to the code;
- events found: an event mention with one of the roots and matching source and target
  (either order where `either_direction`), asserted;
- dates right: among the dated gold events, one found with that date and precision;
- must-not violations, for the items that can be checked mechanically: «منذ YEAR» (no
  asserted event dated that year) and a quoted phrase (no mention or event comes from a
  sentence holding it). Other items are reported as not checked.
tests/transforms/test_events.py asserts on the seed article with the same matching rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polars as pl
import yaml

from transforms.extraction import Extraction, extract
from transforms.inputs import read_bytes
from transforms.readers.archive import Limits

_QUOTED = re.compile(r"[\"«]([^\"»]+)[\"»]")
_SINCE_YEAR = re.compile(r"^منذ\s+(\d{4})$")


def code_matches(ours: str | None, gold: str) -> bool:
    """Country and, where the gold gives one, role: «SYR» accepts SYRGOV; «SYRGOV» wants SYRGOV."""
    return ours is not None and (ours == gold if len(gold) > 3 else ours[:3] == gold)


def gold_roots(gold_event: dict) -> list[str]:
    roots = gold_event["cameo_root"]
    return roots if isinstance(roots, list) else [roots]


def matching_events(events: pl.DataFrame, gold_event: dict) -> list[dict]:
    """The event mentions with one of the gold roots whose source and target match the gold's."""
    candidates = events.filter(pl.col("cameo_code").str.slice(0, 2).is_in(gold_roots(gold_event)))
    return [
        row
        for row in candidates.iter_rows(named=True)
        if (code_matches(row["source_code"], gold_event["source"]) and code_matches(row["target_code"], gold_event["target"]))
        or (
            gold_event.get("either_direction")
            and code_matches(row["source_code"], gold_event["target"])
            and code_matches(row["target_code"], gold_event["source"])
        )
    ]


def date_right(found: list[dict], gold_event: dict) -> bool:
    return any(r["event_date"] == gold_event["event_date"] and r["date_precision"] == gold_event["date_precision"] for r in found)


@dataclass
class GoldArticle:
    path: Path  # the gold YAML
    gold: dict
    text: str
    published_at: datetime

    def extraction(self) -> Extraction:
        frame = pl.DataFrame({"article_id": [self.path.stem], "text": [self.text], "published_at": [self.published_at]})
        return extract(frame)


def load_gold(path: Path, samples: Path) -> GoldArticle:
    """A gold file and its article (`samples/<stem>.*`, read as the inbox reads it)."""
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    article = next(iter(sorted(samples.glob(f"{path.stem}.*"))), None)
    if article is None:
        raise FileNotFoundError(f"no article {path.stem}.* under {samples} for {path}")
    record = next(found.item for found in read_bytes(article.read_bytes(), article.name, Limits()) if isinstance(found.item, dict))
    return GoldArticle(path, gold, record["text"], datetime.fromisoformat(str(gold["published_at"])))


@dataclass
class EventResult:
    what: str
    found: bool  # an asserted mention matches
    dated: bool | None  # None when the gold gives no date
    triggers: list[str]


@dataclass
class MustNotResult:
    item: str
    violations: int | None  # None: not checkable mechanically


@dataclass
class Acceptance:
    gold: Path
    forms: list[tuple[str, str, str, str]]  # actor, expected code, form, codes found
    actors_found: int
    actors: int
    events: list[EventResult] = field(default_factory=list)
    must_not: list[MustNotResult] = field(default_factory=list)

    @property
    def forms_found(self) -> int:
        return sum(1 for _, code, _, found in self.forms if _found_code(found, code))


def _found_code(found: str, code: str) -> bool:
    return any(code_matches(ours, code) for ours in found.split(", ") if ours)


def actor_forms(gold: dict, mentions: pl.DataFrame) -> list[tuple[str, str, str, str]]:
    """(actor, expected code, mention form, codes found) for every form listed in the gold."""
    rows = []
    for actor in gold.get("actors", []):
        for form in actor.get("mentions") or [actor["name"]]:
            # the form must be (the name part of) a mention: «وحفتر» is one, «قوات حفتر» holds «حفتر»
            found = mentions.filter(pl.col("surface").str.ends_with(form))
            codes = sorted(set(found["cameo_code"].drop_nulls()))
            rows.append((actor["name"], actor["code"], form, ", ".join(codes)))
    return rows


def check_must_not(item: str, result: Extraction) -> MustNotResult:
    phrase = next(iter(_QUOTED.findall(item)), None)
    if phrase is None:
        return MustNotResult(item, None)
    since = _SINCE_YEAR.match(phrase.strip())
    events = result.event_mentions
    if since:
        year = int(since.group(1))
        asserted = events.filter((pl.col("event_date").dt.year() == year) & (pl.col("modality") == "asserted"))
        return MustNotResult(item, asserted.height)
    core = phrase.strip(" -:،")
    sentences = result.sentences.filter(pl.col("sentence_text").str.contains(core, literal=True))["sentence_index"]
    from_there = result.entity_mentions.filter(pl.col("sentence_index").is_in(sentences.implode())).height
    from_there += events.filter(pl.col("sentence_index").is_in(sentences.implode())).height
    named = result.entity_mentions.filter(pl.col("surface").str.contains(core, literal=True)).height
    return MustNotResult(item, from_there + named)


def score(article: GoldArticle) -> Acceptance:
    result = article.extraction()
    forms = actor_forms(article.gold, result.entity_mentions)
    by_actor: dict[str, bool] = {}
    for actor, code, _, found in forms:
        by_actor[actor] = by_actor.get(actor, True) and _found_code(found, code)
    acceptance = Acceptance(article.path, forms, sum(by_actor.values()), len(by_actor))
    for gold_event in article.gold.get("events", []):
        matches = matching_events(result.event_mentions, gold_event)
        found = [r for r in matches if r["modality"] == "asserted"]
        dated = date_right(matches, gold_event) if "event_date" in gold_event else None
        acceptance.events.append(EventResult(gold_event["what"], bool(found), dated, sorted({r["trigger"] for r in found})))
    acceptance.must_not = [check_must_not(item, result) for item in article.gold.get("must_not", [])]
    return acceptance


def score_all(shared: Path) -> list[Acceptance]:
    """The acceptance score of every gold/events/*.yaml under `shared`."""
    samples = shared / "corpus" / "samples"
    return [score(load_gold(path, samples)) for path in sorted((shared / "gold" / "events").glob("*.yaml"))]
