"""The clitic-aware join matcher, on a tiny dictionary built in the test."""

import polars as pl

from transforms.actors.lexicon import ALIAS_SCHEMA, build_aliases
from transforms.actors.matching import candidate_stems, find_aliases, resolve_overlaps
from transforms.segmentation import sentences, tokens


def _aliases(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    frame = pl.DataFrame(
        [
            {"actor_id": actor, "kind": kind, "entity_type": "LOC", "country_code": None, "role_code": None,
             "agent_kind": None, "alias": alias}
            for actor, kind, alias in rows
        ],
        schema=ALIAS_SCHEMA,
    )
    return build_aliases([frame])


def _matches(text: str, aliases: pl.DataFrame) -> list[tuple[str, str]]:
    token_frame = tokens(sentences(pl.DataFrame({"article_id": ["a"], "text": [text]})))
    found = resolve_overlaps(find_aliases(token_frame, aliases, candidate_stems(token_frame)))
    surfaces = dict(zip(token_frame["token_index"], token_frame["surface"], strict=True))
    return [
        (" ".join(surfaces[i] for i in range(first, last + 1)), actor)
        for first, last, actor in found.select("first_token", "last_token", "actor_id").iter_rows()
    ]


ALIASES = _aliases(
    [
        ("UN", "name", "الأمم المتحدة"),
        ("LBY", "name", "ليبيا"),
        ("LBN", "name", "لبنان"),
        ("SYR", "capital", "دمشق"),
        ("NSC", "name", "مجلس الأمن القومي"),
        ("UNSC", "name", "مجلس الأمن"),
        ("SAU", "name", "السعودية"),
    ]
)


def test_clitics_and_article_forms_of_a_name():
    text = "وللأمم المتحدة وبالأمم المتحدة والأمم المتحدة ولبنان وبدمشق ولليبيا والسعودية للسعودية"
    assert _matches(text, ALIASES) == [
        ("وللأمم المتحدة", "UN"),
        ("وبالأمم المتحدة", "UN"),
        ("والأمم المتحدة", "UN"),
        ("ولبنان", "LBN"),
        ("وبدمشق", "SYR"),
        ("ولليبيا", "LBY"),
        ("والسعودية", "SAU"),
        ("للسعودية", "SAU"),
    ]


def test_a_name_written_with_its_article_needs_the_article():
    assert _matches("سعودية أمم متحدة", ALIASES) == []


def test_longest_match_wins_and_names_do_not_cross_punctuation_or_sentences():
    assert _matches("اجتمع مجلس الأمن القومي ثم مجلس الأمن", ALIASES) == [
        ("مجلس الأمن القومي", "NSC"),
        ("مجلس الأمن", "UNSC"),
    ]
    assert _matches("الأمم، المتحدة. الأمم\nالمتحدة", ALIASES) == []


def test_letters_that_look_like_clitics_are_kept_when_the_word_is_a_name():
    # «لبنان» starts with ل and «بيروت» with ب: the unstripped word must win
    aliases = _aliases([("LBN", "name", "لبنان"), ("XXX", "name", "بنان")])
    assert _matches("لبنان", aliases) == [("لبنان", "LBN")]
