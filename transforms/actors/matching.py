"""Find dictionary aliases in a token frame, clitics included, by joins (no per-token loop).

Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the article (ال, and لل for
ل+ال) to the word: وحفتر, للنظام, بالأمم. Each token yields a few candidate stems
(nothing stripped, و/ف stripped, و/ف + ب/ل/ك stripped, لل stripped), each without its
article; they are joined against the aliases' first tokens (also article-less). The rest of
a multi-word alias must follow token by token, in the same sentence, with no punctuation
between. Overlaps go to the longest match, then to the one with fewer clitics stripped.
"""

from __future__ import annotations

import polars as pl

from transforms.actors.lexicon import bare, definite
from transforms.segmentation import at_token

# a proclitic group and the stem after it; the stem must keep at least three letters
CLITIC_FORMS = (
    (r"^([وف])(.{3,})$", False),
    (r"^([وف]?[بلك])(.{3,})$", False),
    (r"^([وف]?لل)(.{2,})$", True),  # لل = ل + ال: the stem has lost its article already
)
KIND_PRIORITY = {"trigger": 0, "name": 0, "capital": 1, "agent": 2, "nisba": 3, "title": 4, "short": 5, "place": 6}

MATCH_COLUMNS = [
    "article_id",
    "sentence_index",
    "first_token",
    "last_token",
    "clitic",
    "alias_id",
    "actor_id",
    "kind",
    "entity_type",
    "country_code",
    "role_code",
    "agent_kind",
]


def candidate_stems(tokens: pl.DataFrame, clitic_forms=CLITIC_FORMS, unstripped: bool = True) -> pl.DataFrame:
    """article_id, sentence_index, token_index, stem (article-less), definite (it had the
    article), clitic (the stripped prefix). Computed once per batch and shared by every
    join that needs it (names, cues, given names, triggers)."""
    keys = ["article_id", "sentence_index", "token_index"]
    norm = pl.col("norm")
    frames = [tokens.select(*keys, stem=bare(norm), definite=definite(norm), clitic=pl.lit(""))] if unstripped else []
    clitic, rest = pl.col("parts").struct[0], pl.col("parts").struct[1]
    for pattern, already_bare in clitic_forms:
        frames.append(
            tokens.filter(norm.str.contains(pattern))
            .select(*keys, parts=norm.str.extract_groups(pattern))
            .select(
                *keys,
                stem=rest if already_bare else bare(rest),
                definite=pl.lit(True) if already_bare else definite(rest),
                clitic=clitic,
            )
        )
    # no two readings of a token coincide: each strips a prefix of another length or definiteness
    return pl.concat(frames)


def find_aliases(tokens: pl.DataFrame, aliases: pl.DataFrame, stems: pl.DataFrame) -> pl.DataFrame:
    """Every alias occurrence (before overlap resolution), MATCH_COLUMNS. `tokens`: a whole token
    frame (segmentation.at_token); `stems`: candidate_stems of (some of) its tokens."""
    first_word = {"left_on": ["stem", "definite"], "right_on": ["first_bare", "first_definite"]}
    starts = ["article_id", "sentence_index", "token_index", "clitic", "alias_id", "n_tokens"]
    # (one pass over the batch's readings for every alias's first word)
    candidates = stems.join(aliases.select("first_bare", "first_definite").unique(), **first_word, how="semi")
    single = aliases.filter(pl.col("n_tokens") == 1).select("alias_id", "first_bare", "first_definite", "n_tokens")
    found = [candidates.join(single, **first_word).select(starts)]

    def followed(frame: pl.DataFrame, offset: int) -> pl.DataFrame:
        """The rows of `frame` whose token `offset` places on may continue a name, with its `norm`:
        in the same sentence, joined to the word before by a space, or by _ - # in hashtags
        («#تميم_بن_حمد»)."""
        return (
            at_token(frame, tokens, pl.col("token_index") + offset, how="inner", norm="norm", gap="gap_before",
                     norm_sentence="sentence_index")
            .filter(pl.col("gap").str.contains(r"^[-_#]?$") & (pl.col("norm_sentence") == pl.col("sentence_index")))
            .drop("gap", "norm_sentence")
        )

    longer = aliases.filter(pl.col("n_tokens") > 1)
    # a longer alias starts where its first two words are found together, then grows word by word
    growing = (
        candidates.join(longer, **first_word, how="semi")
        .pipe(followed, 1)
        .join(
            longer.with_columns(norm=pl.col("tokens").list.get(1)),
            left_on=["stem", "definite", "norm"],
            right_on=["first_bare", "first_definite", "norm"],
        )
        .select(*starts, "tokens")
    )
    for offset in range(2, longer["n_tokens"].max() or 0):
        found.append(growing.filter(pl.col("n_tokens") == offset).select(starts))
        growing = (
            followed(growing.filter(pl.col("n_tokens") > offset), offset)
            .filter(pl.col("norm") == pl.col("tokens").list.get(offset))
            .drop("norm")
        )
    found.append(growing.select(starts))
    return (
        pl.concat(found)
        .join(aliases.drop("n_tokens", "first_bare", "first_definite", "tokens", "alias"), on="alias_id")
        .with_columns(first_token="token_index", last_token=pl.col("token_index") + pl.col("n_tokens") - 1)
        .select(MATCH_COLUMNS)
    )


def resolve_overlaps(matches: pl.DataFrame) -> pl.DataFrame:
    """Keep, for every token, its best covering match; a match survives if it is best on all its tokens."""
    ranked = matches.with_columns(
        length=pl.col("last_token") - pl.col("first_token") + 1,
        kind_rank=pl.col("kind").replace_strict(KIND_PRIORITY, return_dtype=pl.Int8),
        clitic_len=pl.col("clitic").str.len_chars(),
        match_id=pl.int_range(pl.len(), dtype=pl.Int64),
    )
    best = (
        ranked.with_columns(position=pl.int_ranges("first_token", pl.col("last_token") + 1))
        .explode("position")
        .sort(
            ["article_id", "position", "length", "kind_rank", "clitic_len", "first_token", "alias_id"],
            descending=[False, False, True, False, False, False, False],
        )
        .group_by("article_id", "position", maintain_order=True)
        .agg(pl.col("match_id").first())
        .group_by("match_id")
        .len("won")
    )
    return (
        ranked.join(best, on="match_id")
        .filter(pl.col("won") == pl.col("length"))
        .select(MATCH_COLUMNS)
        .sort("article_id", "first_token")
    )
