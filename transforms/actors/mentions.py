"""From dictionary matches to actor mentions, as Arabic news writes them.

On top of the raw matches (matching.py) — agents also with a possessive suffix (حكومته,
قواتها) — in this order:
1. short names (حفتر, المعلم, الثني) count only in an article that names the person in full
   (or, for an organisation's, its context: «التحالف» in an article about the Houthis);
2. composition: an agent word followed by a demonym or a state makes a state institution
   (الحكومة السورية → SYRGOV, المخابرات المصرية → EGYSPY, وزير خارجية تركيا → TURGOV);
   followed by a person or organisation it is a possessive (قوات حفتر → Haftar, LBY+MIL);
3. titles: a run of titles, offices and demonyms right before a person joins the person's
   mention (وزير الخارجية السوري وليد المعلم → one mention of al-Muallem);
4. unknown names: after a run of titles or an office, or after a cue word (حزب, مدينة …),
   the next words that no dictionary knows and that are not function words are a name,
   with actor_id NULL.
Every mention keeps the offsets of its whole span and of its name alone (`name_start`,
`name_end`: what NER gold annotates).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import polars as pl

from transforms.actors.lexicon import LEXICON_DIR, ActorLexicon, bare, definite, read_table, read_word_list
from transforms.actors.matching import candidate_stems, find_aliases, resolve_overlaps
from transforms.arabic import DEFINITE_WORD, normalize, normalize_str
from transforms.segmentation import at_token

# words that join the parts of an Arabic name (normalised): بن, ابن, أبو, آل, عبد
_NAME_LINKS = ["بن", "ابن", "ابو", "ال", "عبد"]
_POSSESSIVE = "(هما|هم|ها|ه)$"
# a demonym in the sound masculine plural, which names people: «المصريين», «الفلسطينيون» (normalised)
PLURAL_DEMONYM = "يين$|يون$"
# a source, a sources: «مصدر سعودي مسؤول» (normalised; _compose)
SOURCE_WORDS = [normalize_str(w) for w in ("مصدر", "مصادر", "المصدر", "المصادر")]
# plurals and duals of people in construct before a body (normalised, without a proclitic)
PEOPLE_HEADS = [normalize_str(w) for w in (
    "مقاتلي", "مقاتلو", "عناصر", "أفراد", "جنود", "ضباط", "مسؤولي", "مسؤولو", "قادة", "أعضاء", "وزيري", "وزراء", "نواب",
    "ممثلي", "ممثلو", "أنصار")]
_TEH_MARBUTA_END = "ة[\u064B-\u0652]*$"
# «القضاء على» is «to eliminate», not the judiciary: the agent word followed by على (normalised)
_ELIMINATE_AGENTS = ["القضاء"]
_ELIMINATE_NEXT = ["علي", "عليه", "عليها", "عليهم", "عليهما"]
# country names that are also ordinary place descriptions («الجبل الأسود», the black mountain,
# also a Yemeni mountain): actor → first word of the ambiguous name (normalised, without ال);
# the name counts as the country only beside another state («صربيا والجبل الأسود») or in an
# article that names the country in another form too (capital, demonym)
_HOMOGRAPH_COUNTRIES = {"MTN": "جبل", "MLI": "مالي"}  # «مالي»: also financial («دعم مالي»)
# places whose normalised name is also a common word, kept only as written with their own hamza:
# Ibb (Yemen) is «إب»; «آب» is August («أغسطس/آب»), «أب» a father
_SPELLED_PLACES = {"اب": "إب"}
# «الضفة» (regions.tsv: the West Bank) before a side or a river is a river's bank: «الضفة الشرقية
# لنهر الفرات», «الضفة المقابلة», «الضفة الغربية لنهر الفرات» (normalised)
_BANK_REGION = "WSB"
_BANK_NEXT = [normalize_str(w) for w in ("الشرقية", "المقابلة", "الأخرى", "اليمنى", "اليسرى", "لنهر", "نهر")]
# a demonym before «الصنع» says where a weapon was made, not who used it: «صواريخ إيرانية الصنع»
_MADE = normalize_str("الصنع")
_STATES_AFTER_PLACE_WORDS = ["MLI"]
_STATE_CONTEXT = [normalize_str(w) for w in ("في", "إلى", "من", "شمال", "جنوب", "شرق", "غرب", "وسط", "حكومة", "رئيس", "دولة")]

MENTION_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int32,
    "start": pl.Int64,
    "end": pl.Int64,
    "name_start": pl.Int64,
    "name_end": pl.Int64,
    "surface": pl.String,
    "entity_type": pl.String,
    "actor_id": pl.String,
    "cameo_code": pl.String,
    "country_code": pl.String,
    "mention_kind": pl.String,
    "clitic": pl.String,  # the proclitics on the first word (و, ب, لل …), for the event coder
}
REFERENCE_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int32,
    "start": pl.Int64,
    "end": pl.Int64,
    "surface": pl.String,
    "reference_kind": pl.String,
    "actor_id": pl.String,
    "country_code": pl.String,
    "role_code": pl.String,
    "cameo_code": pl.String,
    "clitic": pl.String,
}

# words for a news outlet's correspondent, before the outlet's short name (normalised)
REPORTERS = [normalize_str(w) for w in ("مراسل", "مراسلة", "مراسلو", "مراسلي", "موفد", "موفدة")]

# words after «التحالف» that name an alliance other than the one its context makes it
# (_short_names_after_full_names): the Iraqi and Kurdish blocs, the Islamic military coalition
OTHER_ALLIANCES = [normalize_str(w) for w in ("الوطني", "المدني", "الكردستاني", "الشيعي", "الإسلامي", "الديمقراطي")]


@dataclass
class ActorMentions:
    entities: pl.DataFrame  # named people, organisations, places (raw.entity_mentions)
    references: pl.DataFrame  # agents, demonyms and state institutions (raw.actor_references)


@cache
def function_words() -> pl.DataFrame:
    return pl.DataFrame({"norm": read_word_list(LEXICON_DIR.parent / "function_words.txt")})


@cache
def given_names() -> pl.DataFrame:
    """Human names from Camel Morph (transforms/lexicon/person_names.tsv), normalised."""
    names = read_table(LEXICON_DIR.parent / "person_names.tsv")
    return names.select(stem=normalize(pl.col("name_ar"))).unique()


@cache
def name_cues() -> pl.DataFrame:
    cues = read_table("name_cues.tsv")
    return cues.select(
        stem=bare(normalize(pl.col("cue_ar"))),
        cue_type=pl.col("entity_type"),
        include_cue=pl.col("include_cue") == "yes",
        max_tokens=pl.col("max_tokens").cast(pl.Int32),
    )


def find_mentions(tokens: pl.DataFrame, stems: pl.DataFrame, articles: pl.DataFrame, lexicon: ActorLexicon) -> ActorMentions:
    """`tokens` from segmentation.tokens, `stems` = candidate_stems(tokens); `articles`:
    article_id, text, published_at (for dated roles)."""
    matches = pl.concat([find_aliases(tokens, lexicon.aliases, stems), _possessed_agents(tokens, lexicon.aliases)])
    matches = _by_other_namings(_short_names_after_full_names(matches, lexicon.short_contexts, tokens))
    matches = _without_homographs(resolve_overlaps(matches), tokens)
    matches = _with_adjacency(matches, tokens)
    matches = _compose(_genitive_agents(matches, tokens), tokens)
    matches = _absorb_titles(_with_adjacency(matches.drop("gap", "adjacent"), tokens))
    unknown = _unknown_names(matches, tokens, stems)
    unknown = pl.concat([unknown, _unknown_short_forms(matches, unknown, tokens, stems)], how="diagonal_relaxed")
    spans = pl.concat([matches, unknown], how="diagonal_relaxed")
    spans = _offsets(spans, tokens, articles)
    spans = _code_at_date(spans, articles, lexicon)
    named = spans.filter(pl.col("entity_type").is_not_null() & (pl.col("kind") != "composed"))
    refs = spans.filter(pl.col("kind").is_in(["agent", "nisba", "composed"]))
    entities = named.select(
        "article_id", "sentence_index", "start", "end", "name_start", "name_end", "surface", "entity_type",
        "actor_id", "cameo_code", "country_code", pl.col("kind").alias("mention_kind"), "clitic",
    ).cast(MENTION_SCHEMA)
    references = refs.select(
        "article_id", "sentence_index", "start", "end", "surface", pl.col("kind").alias("reference_kind"),
        "actor_id", "country_code", "role_code", "cameo_code", "clitic",
    ).cast(REFERENCE_SCHEMA)
    return ActorMentions(entities.sort("article_id", "start"), references.sort("article_id", "start"))


def _possessed_agents(tokens: pl.DataFrame, aliases: pl.DataFrame) -> pl.DataFrame:
    """Agents with a possessive suffix: «حكومته» (his government), «قواتها» (its forces) — an
    agent whose country comes from the context, like the bare word."""
    # a word written with teh marbuta (ة, folded to ه in norm) has no suffix («الإرهابية» is no
    # «الإرهابي» + ه), and a noun with the article takes none
    suffixed = tokens.filter(pl.col("norm").str.contains(_POSSESSIVE) & (pl.col("norm").str.len_chars() >= 4)
                             & ~pl.col("surface").str.contains(_TEH_MARBUTA_END) & ~pl.col("norm").str.contains(DEFINITE_WORD))
    base = pl.col("norm").str.replace(_POSSESSIVE, "")
    # the teh marbuta of حكومة is written ت before a suffix (حكومته): try both spellings
    unsuffixed = pl.concat([
        suffixed.with_columns(norm=base),
        suffixed.with_columns(norm=base.str.replace("ت$", "ه")).filter(pl.col("norm").str.ends_with("ه")),
    ])
    agents = aliases.filter((pl.col("kind") == "agent") & (pl.col("n_tokens") == 1))
    # a noun with a possessive suffix is definite: it meets «الجيش» as well as «جيش»
    stems = candidate_stems(unsuffixed)
    stems = pl.concat([stems, stems.with_columns(definite=pl.lit(True))]).unique()
    return find_aliases(tokens, agents, stems).unique(["article_id", "first_token"], keep="first")


def _without_homographs(matches: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Drop dictionary matches that are another word: «القضاء على» (to eliminate) is no
    judiciary; «الجبل الأسود» alone is a mountain, not Montenegro (_HOMOGRAPH_COUNTRIES); «آب»
    is August, not Ibb (_SPELLED_PLACES); «الضفة الشرقية لنهر الفرات» is a river's bank, not the West
    Bank (_BANK_NEXT); «إيرانية الصنع» is where a weapon was made (_MADE)."""
    frame = (
        at_token(matches, tokens, "first_token", first_word="norm", first_surface="surface")
        .pipe(at_token, tokens, pl.col("first_token") - 1, previous_word="norm")
        .pipe(at_token, tokens, pl.col("last_token") + 1, next_word="norm", next_sentence="sentence_index")
        .with_columns(head=pl.col("first_word").str.replace(DEFINITE_WORD, ""),
                      word=pl.col("first_word").str.replace("^[وفبلك]?(ال|ل)", "ال"))
        .sort("article_id", "first_token", "last_token")
    )
    eliminate = (
        (pl.col("kind") == "agent") & pl.col("word").is_in(_ELIMINATE_AGENTS)
        & pl.col("next_word").is_in(_ELIMINATE_NEXT) & (pl.col("next_sentence") == pl.col("sentence_index"))
    ).fill_null(False)
    river_bank = ((pl.col("actor_id") == _BANK_REGION) & pl.col("next_word").str.replace("^[،,]", "").is_in(_BANK_NEXT)).fill_null(False)
    made_in = ((pl.col("kind") == "nisba") & (pl.col("next_word") == _MADE)).fill_null(False)
    # (diacritics aside: «إبّ»)
    misspelt_place = (pl.col("kind") == "place") & (pl.col("last_token") == pl.col("first_token")) & (
        pl.col("first_surface").str.replace_all(r"\p{M}", "").str.replace("^[وفبلك]", "")
        != pl.col("head").replace_strict(_SPELLED_PLACES, default=None))
    # (Mali after a preposition or a word of place is the state: «قاعدة في مالي», «شمال مالي»; not
    # «في الجبل الأسود», a mountain)
    homograph = (pl.col("kind") == "name") & (
        pl.col("actor_id").replace_strict(_HOMOGRAPH_COUNTRIES, default=None) == pl.col("head")) & ~(
        pl.col("actor_id").is_in(_STATES_AFTER_PLACE_WORDS) & pl.col("previous_word").is_in(_STATE_CONTEXT)).fill_null(False)
    states = pl.col("kind").is_in(["name", "capital"]) & (pl.col("entity_type") == "LOC") & (pl.col("actor_id") == pl.col("country_code"))
    prev, nxt = (lambda c: pl.col(c).shift(1).over("article_id")), (lambda c: pl.col(c).shift(-1).over("article_id"))
    frame = frame.with_columns(homograph=homograph.fill_null(False), state=states.fill_null(False))
    beside_state = (
        (prev("state") & (prev("last_token") + 1 == pl.col("first_token")) & pl.col("clitic").fill_null("").str.starts_with("و"))
        | (nxt("state") & (nxt("first_token") == pl.col("last_token") + 1) & nxt("clitic").fill_null("").str.starts_with("و"))
    ).fill_null(False)
    # the same country named otherwise in the article (capital, demonym, another name)
    confirmed = frame.filter(~pl.col("homograph") & pl.col("actor_id").is_not_null()).select("article_id", "actor_id").unique()
    confirmed = confirmed.with_columns(confirmed=pl.lit(True))
    return (
        frame.with_columns(beside_state=beside_state)
        .join(confirmed, on=["article_id", "actor_id"], how="left")
        .filter(~eliminate & ~river_bank & ~made_in & ~misspelt_place.fill_null(False)
                & ~(pl.col("homograph") & ~pl.col("beside_state") & pl.col("confirmed").is_null()))
        .select(matches.columns)
    )


def _by_other_namings(matches: pl.DataFrame) -> pl.DataFrame:
    """A state's name or capital spelled like another state's («عمان»: Oman, and Amman, Jordan's
    capital) is the state the article names otherwise: the one of them with the most other
    mentions (names, capitals, demonyms at other places). With none, or a tie, both stay and
    resolve_overlaps prefers the name."""
    span = ["article_id", "first_token", "last_token"]
    states = (pl.col("kind").is_in(["name", "capital"]) & (pl.col("entity_type") == "LOC")
              & pl.col("actor_id").eq_missing(pl.col("country_code")))
    candidates = matches.filter(states).group_by(span).agg(actors=pl.col("actor_id").n_unique())
    shared = candidates.filter(pl.col("actors") > 1).select(span)
    if not shared.height:
        return matches
    times = _times_named(matches.join(shared, on=span, how="anti"))
    contested = (
        matches.join(shared, on=span, how="semi").filter(states)
        .join(times, on=["article_id", "actor_id"], how="left").with_columns(pl.col("times").fill_null(0))
        .with_columns(most=pl.col("times").max().over(span), ties=(pl.col("times") == pl.col("times").max()).sum().over(span))
    )
    dropped = contested.filter((pl.col("times") < pl.col("most")) & (pl.col("ties") == 1)).select(*span, "actor_id")
    return matches.join(dropped, on=[*span, "actor_id"], how="anti")


def _times_named(matches: pl.DataFrame) -> pl.DataFrame:
    """article_id, actor_id, times: how often each actor is named in its article (by name,
    capital or demonym), which decides between actors sharing a spelling."""
    return (matches.filter(pl.col("kind").is_in(["name", "capital", "nisba"]))
            .group_by("article_id", "actor_id").agg(times=pl.len()))


def _short_names_after_full_names(matches: pl.DataFrame, contexts: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """A short name counts in an article that names its actor in full; one shared by several
    actors so named («المملكة» after «السعودية» and «المملكة المتحدة») is the most named one's.
    Failing a full name, it counts after a reporter («مراسل الجزيرة»: REPORTERS), and where the
    article names the one actor whose context it is
    (`contexts`: actor_id, context_id): «التحالف» in an article about the Houthis — but not
    before a word that names another alliance (OTHER_ALLIANCES: «التحالف الوطني», an Iraqi bloc)."""
    span = ["article_id", "first_token", "last_token"]
    named = matches.filter(pl.col("kind") == "name").select("article_id", "actor_id").unique()
    times = _times_named(matches)
    shorts = matches.filter(pl.col("kind") == "short")
    after_names = (
        shorts.join(named, on=["article_id", "actor_id"], how="semi")
        .join(times, on=["article_id", "actor_id"], how="left")
        .sort(*span, "times", "actor_id", descending=[False, False, False, True, False])
        .unique(span, keep="first", maintain_order=True)
        .drop("times")
    )
    # a reporter's channel: «مراسل الجزيرة في غزة» (no island has a correspondent)
    by_reporter = (
        shorts.join(after_names, on=span, how="anti")
        .pipe(at_token, tokens, pl.col("first_token") - 1, previous_word="norm")
        .filter(pl.col("previous_word").str.replace("^[وف]?ل?", "").is_in(REPORTERS).fill_null(False))
        .filter(pl.col("actor_id").n_unique().over(span) == 1)
        .drop("previous_word")
        .unique(span, keep="first", maintain_order=True)
    )
    in_context = (
        shorts.join(pl.concat([after_names, by_reporter]), on=span, how="anti")
        .join(contexts.join(named.rename({"actor_id": "context_id"}), on="context_id").select("article_id", "actor_id").unique(),
              on=["article_id", "actor_id"], how="semi")
        .filter(pl.col("actor_id").n_unique().over(span) == 1)
        .pipe(at_token, tokens, pl.col("last_token") + 1, next_word="norm", next_gap="gap_before")
        .filter(~(pl.col("next_word").is_in(OTHER_ALLIANCES) & (pl.col("next_gap") == "")).fill_null(False))
        .drop("next_word", "next_gap")
        .unique(span, keep="first", maintain_order=True)
    )
    return pl.concat([matches.filter(pl.col("kind") != "short"), after_names, by_reporter, in_context])


def _with_adjacency(matches: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Add `gap` (punctuation before the match) and `adjacent` (it directly follows the previous match)."""
    frame = at_token(matches, tokens, "first_token", gap="gap_before").sort("article_id", "first_token")
    previous = lambda column: pl.col(column).shift(1).over("article_id")  # noqa: E731
    return frame.with_columns(
        adjacent=(
            (previous("last_token") + 1 == pl.col("first_token"))
            & (previous("sentence_index") == pl.col("sentence_index"))
            & (pl.col("gap") == "")
        ).fill_null(False)
    )


def _next_in_article(column: str) -> pl.Expr:
    """The column's value at the next match of the article (matches ordered by token)."""
    return pl.col(column).shift(-1).over("article_id")


def _genitive_agents(matches: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """An agent without the article followed by another agent is one phrase, the second its
    genitive: «قوات الجيش», «نشطاء المعارضة», «فصائل معارضة», «عناصر الشرطة». The head keeps
    its role, but takes the genitive's when it has none («عناصر المعارضة المسلحة») and when the
    genitive tells which armed men they are («ضباط المخابرات»: SPY, «قوات الشرطة»: COP).
    A definite head is left alone: after it the second may be the verb's object («اعتقلت
    الشرطة المحتجين»). Offices, before or after, are left to _absorb_titles, which folds them
    into the person named next («نائبة وزير الخارجية الإسرائيلية تسيبي هوتوفيلي»)."""
    nxt = _next_in_article
    head_word = at_token(matches, tokens, "last_token", head_norm="norm").with_columns(
        head_stem=pl.when(pl.col("first_token") == pl.col("last_token"))
        .then(pl.col("head_norm").str.slice(pl.col("clitic").fill_null("").str.len_chars()))
        .otherwise(pl.col("head_norm"))
    )
    indefinite = ~definite(pl.col("head_stem")) & ~(
        (pl.col("first_token") == pl.col("last_token")) & pl.col("clitic").fill_null("").str.ends_with("لل"))
    frame = head_word.with_columns(
        genitive=((pl.col("kind") == "agent") & (pl.col("agent_kind") != "office") & (nxt("agent_kind") != "office") & indefinite
                  & (nxt("kind") == "agent") & nxt("adjacent").fill_null(False)
                  & (nxt("clitic").fill_null("") == "")).fill_null(False),
        next_last_token=nxt("last_token"), next_role_code=nxt("role_code"),
    )
    # (pairs only: the middle of three such agents stays the genitive of the first)
    frame = frame.with_columns(
        genitive=pl.col("genitive") & ~pl.col("genitive").shift(1).over("article_id").fill_null(False)
    ).with_columns(consumed=pl.col("genitive").shift(1).over("article_id").fill_null(False))
    return frame.filter(~pl.col("consumed")).with_columns(
        last_token=pl.when("genitive").then("next_last_token").otherwise("last_token"),
        role_code=pl.when(pl.col("genitive") & (pl.col("role_code").is_null() | (
            (pl.col("role_code") == "MIL") & pl.col("next_role_code").is_in(["COP", "SPY"]))))
        .then("next_role_code").otherwise("role_code"),
    ).select(matches.columns)


def _compose(matches: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    nxt = _next_in_article
    frame = (
        at_token(matches, tokens, "last_token", last_norm="norm")
        .pipe(at_token, tokens, pl.col("first_token") - 1, previous_norm="norm")
        .pipe(at_token, tokens, "first_token", first_norm="norm")
        .with_columns([nxt(c).alias(f"next_{c}") for c in (
            "kind", "entity_type", "actor_id", "country_code", "last_token", "adjacent", "clitic", "last_norm", "role_code",
            "agent_kind")])
    )
    # (a name joined by و/ف is coordinated with the agent, not its owner: «قوات الجيش والمليشيا الحوثية»)
    # (nor a demonym in the masculine plural after a body or an office, which names people, the
    # verb's object: «حثت وزارة الخارجية المصريين في الخارج»; people agree: «المسلحين المصريين»)
    # (but a plural of people heading the body, or before it, is what the demonym describes:
    # «مقاتلي المعارضة السوريين», «وزيري الصناعة والإعلام السوريين»)
    people_demonym = (pl.col("next_last_norm").fill_null("").str.contains(PLURAL_DEMONYM) & (pl.col("next_kind") == "nisba")
                      & ~pl.col("previous_norm").str.replace("^[وفبل]", "").is_in(PEOPLE_HEADS).fill_null(False)
                      & ~pl.col("first_norm").str.replace("^[وفبل]", "").is_in(PEOPLE_HEADS).fill_null(False))
    adjacent_agent = ((pl.col("kind") == "agent") & pl.col("next_adjacent").fill_null(False)
                      & ~pl.col("next_clitic").fill_null("").str.contains("^[وف]")
                      & ~(people_demonym & (pl.col("agent_kind") != "people")))
    is_agent = adjacent_agent & pl.col("role_code").is_not_null()
    state_next = (pl.col("next_kind") == "nisba") | (
        pl.col("next_kind").is_in(["name", "capital"]) & (pl.col("next_entity_type") == "LOC")
        & (pl.col("next_actor_id") == pl.col("next_country_code"))
    )
    # people with no role of their own take the country of the demonym after them: «شاب فلسطيني» is PSE,
    # «الأسرى الفلسطينيين» too (persons, the accused, prisoners: agents.tsv)
    roleless_people = adjacent_agent & pl.col("role_code").is_null() & (pl.col("agent_kind") == "people") & (pl.col("next_kind") == "nisba")
    owner_next = pl.col("next_kind").is_in(["name", "short"]) & pl.col("next_entity_type").is_in(["PER", "ORG"]) & pl.col(
        "next_country_code"
    ).is_not_null()
    # a source's demonym followed by the agent it is: «مصدر سعودي مسؤول» is a Saudi official (SAUGOV),
    # «مصادر أمريكية مسؤولة» American ones — the demonym's country, the agent's role
    official_source = ((pl.col("kind") == "nisba") & pl.col("previous_norm").str.replace("^[وف]", "").is_in(SOURCE_WORDS)
                       & (pl.col("next_kind") == "agent") & pl.col("next_adjacent") & pl.col("next_role_code").is_not_null()
                       ).fill_null(False)
    frame = frame.with_columns(
        compose=pl.when((is_agent & state_next) | roleless_people | official_source).then(pl.lit("composed"))
        .when(is_agent & owner_next).then(pl.lit("possessive")),
        official_source=official_source,
    ).with_columns(consumed=pl.col("compose").shift(1).over("article_id").is_not_null())
    # (the country and the role of a composed actor: the agent's role and the country after it, or
    # the official source's demonym and the role of the agent after it)
    official = pl.col("official_source")
    country = pl.when(official).then(pl.col("country_code")).otherwise(pl.col("next_country_code"))
    role = pl.when(official).then(pl.col("next_role_code")).otherwise(pl.col("role_code"))
    composed = frame.filter(pl.col("compose").is_not_null()).select(
        "article_id",
        "sentence_index",
        "first_token",
        pl.col("next_last_token").alias("last_token"),
        pl.when(pl.col("compose") == "composed").then(pl.lit("composed")).otherwise(pl.lit("possessive")).alias("kind"),
        pl.when(pl.col("compose") == "composed").then(None).otherwise(pl.col("next_entity_type")).alias("entity_type"),
        pl.when(pl.col("compose") == "composed")
        .then(country + role.fill_null(""))
        .otherwise(pl.col("next_actor_id"))
        .alias("actor_id"),
        country.alias("country_code"),
        role.alias("role_code"),
        pl.when(official).then(pl.col("next_agent_kind")).otherwise(pl.col("agent_kind")).alias("agent_kind"),
        "clitic",
        pl.col("gap"),
        # the owner's name is the named part of a possessive: «قوات حفتر» → «حفتر»
        pl.when(pl.col("compose") == "possessive").then(pl.col("last_token") + 1).alias("name_first_token"),
    )
    kept = frame.filter(pl.col("compose").is_null() & ~pl.col("consumed")).select(matches.columns)
    return pl.concat([kept, composed], how="diagonal_relaxed").sort("article_id", "first_token")


def _absorb_titles(matches: pl.DataFrame) -> pl.DataFrame:
    """Fold a run of titles, offices and demonyms into the person named right after it.

    A run counts only if it holds a title or an office (not «النظام السوري وحفتر») or ends on
    the demonym of the person's own country («نظيره الروسي فلاديمير بوتين»), and a
    person whose name carries the conjunction و/ف starts a new phrase: nothing is folded.
    """
    personal = (pl.col("kind") == "title") | (pl.col("agent_kind") == "office")
    titleish = (pl.col("kind") == "nisba") | personal
    frame = (
        matches.with_columns(titleish=titleish, personal=personal)
        .with_columns(
            chain=(~(pl.col("titleish") & pl.col("titleish").shift(1).over("article_id") & pl.col("adjacent")))
            .fill_null(True)
            .cum_sum()
            .over("article_id")
        )
        .with_columns(
            chain_start=pl.col("first_token").min().over("article_id", "chain"),
            chain_personal=pl.col("personal").any().over("article_id", "chain"),
            chain_clitic=pl.col("clitic").first().over("article_id", "chain"),
        )
    )
    previous = lambda column: pl.col(column).shift(1).over("article_id")  # noqa: E731
    person = (pl.col("entity_type") == "PER") & pl.col("kind").is_in(["name", "short"])
    # (or a demonym of the person's own country right before the name: «نظيره الأمريكي دونالد
    # ترامب» is Trump, USAGOV, not the bare USA of «الأمريكي»)
    own_demonym = (previous("kind") == "nisba") & (previous("country_code") == pl.col("country_code"))
    absorbs = (
        person
        & (previous("titleish") & (previous("chain_personal") | own_demonym)).fill_null(False)
        & pl.col("adjacent")
        & ~pl.col("clitic").str.contains("^[وف]")
    )
    frame = frame.with_columns(
        absorbed_chain=pl.when(absorbs).then(previous("chain")),
        title_start=pl.when(absorbs).then(previous("chain_start")),
        title_clitic=pl.when(absorbs).then(previous("chain_clitic")),
    )
    absorbed = frame.filter(pl.col("absorbed_chain").is_not_null()).select(
        "article_id", pl.col("absorbed_chain").alias("chain")
    )
    frame = frame.join(absorbed.with_columns(dropped=pl.lit(True)), on=["article_id", "chain"], how="left")
    return (
        frame.filter(~(pl.col("dropped").fill_null(False) & pl.col("titleish")))
        .with_columns(
            name_first_token=pl.coalesce(
                "name_first_token", pl.when(pl.col("title_start").is_not_null()).then(pl.col("first_token"))
            ),
            first_token=pl.coalesce("title_start", "first_token"),
            clitic=pl.when(pl.col("title_start").is_not_null()).then(pl.col("title_clitic")).otherwise(pl.col("clitic")),
        )
        .drop("dropped", "absorbed_chain", "title_start", "title_clitic")
    )


def _unknown_names(matches: pl.DataFrame, tokens: pl.DataFrame, all_stems: pl.DataFrame) -> pl.DataFrame:
    """Names after title/office runs (PER) and after cue words (ORG, LOC) that no dictionary knows."""
    covered = (
        matches.select("article_id", position=pl.int_ranges("first_token", pl.col("last_token") + 1))
        .explode("position")
        .unique()
    )
    chain_end = (
        matches.filter(pl.col("titleish"))
        .group_by("article_id", "chain")
        .agg(
            pl.col("last_token").max().alias("trigger_end"),
            pl.col("first_token").min().alias("trigger_start"),
            pl.col("sentence_index").first(),
            pl.col("chain_personal").first().alias("personal"),
            pl.col("actor_id").filter(pl.col("kind") == "composed").first().alias("composed_code"),
            pl.col("kind").sort_by("last_token").last().alias("last_kind"),
        )
        .pipe(at_token, tokens, "trigger_end", how="inner", norm="norm")
        # a complete title: «اللواء», «وزير الخارجية السوري»; not a construct head («رئيس أركان …»)
        .filter(pl.col("personal") & (pl.col("last_kind").is_in(["nisba", "composed"]) | pl.col("norm").str.contains(DEFINITE_WORD)))
        .select(
            "article_id", "sentence_index", "trigger_start", "trigger_end",
            entity_type=pl.lit("PER"), include_cue=pl.lit(True), max_tokens=pl.lit(3, pl.Int32),
            cameo_code=pl.col("composed_code"), trigger=pl.lit("title"),
        )
    )
    # a known given name (no article; و/ف allowed) starts a name when a name-like word follows it
    stems = all_stems.filter(pl.col("clitic").is_in(["", "و", "ف"]) & ~pl.col("definite"))
    starters = pl.concat([given_names(), pl.DataFrame({"stem": ["عبد", "ابو"]})]).filter(~pl.col("stem").is_in(["ابن", "بن"]))
    # a token any of whose readings is a function word («وأكد» = و + أكد) starts no name
    functional = all_stems.join(function_words().rename({"norm": "stem"}), on="stem", how="semi")
    given = (
        stems.join(starters, on="stem", how="semi")
        .join(functional, on=["article_id", "token_index"], how="anti")
        .join(covered, left_on=["article_id", "token_index"], right_on=["article_id", "position"], how="anti")
        .unique(["article_id", "token_index"])
        .select(
            "article_id", "sentence_index", pl.col("token_index").alias("trigger_start"),
            pl.col("token_index").alias("trigger_end"), entity_type=pl.lit("PER"), include_cue=pl.lit(True),
            max_tokens=pl.lit(3, pl.Int32), cameo_code=pl.lit(None, pl.String), trigger=pl.lit("given_name"),
        )
    )
    cues = (
        all_stems
        .join(name_cues(), on="stem")
        .sort("article_id", "token_index", "stem")
        .unique(["article_id", "token_index"], keep="first", maintain_order=True)
        .join(covered, left_on=["article_id", "token_index"], right_on=["article_id", "position"], how="anti")
        .select(
            "article_id", "sentence_index", pl.col("token_index").alias("trigger_start"),
            pl.col("token_index").alias("trigger_end"), pl.col("cue_type").alias("entity_type"), "include_cue",
            "max_tokens", cameo_code=pl.lit(None, pl.String), trigger=pl.lit("cue"),
        )
    )
    triggers = pl.concat([chain_end, given, cues]).with_columns(trigger_id=pl.int_range(pl.len(), dtype=pl.Int64))
    following = (
        triggers.with_columns(offset=pl.int_ranges(1, pl.col("max_tokens") + 1))
        .explode("offset")
        .with_columns(position=pl.col("trigger_end") + pl.col("offset"))
        .pipe(at_token, tokens, "position", how="inner", norm="norm", gap_before="gap_before", token_sentence="sentence_index")
        .join(covered.with_columns(is_covered=pl.lit(True)), on=["article_id", "position"], how="left")
        .join(function_words().with_columns(is_function=pl.lit(True)), on="norm", how="left")
        .join(name_cues().select("stem", is_cue=pl.lit(True)), left_on=bare(pl.col("norm")), right_on="stem", how="left")
        .with_columns(
            # a person's given name has no article and no conjunction (not «والتعاون», «الدولي»)
            indefinite_start=(pl.col("offset") > 1)
            | (pl.col("trigger") != "title")
            | ~pl.col("norm").str.contains("^[وف]?ال"),
            # after a given name comes a name: a known name with or without the article (الحكيم),
            # a nisba (عيتاني, الحويج), بن, أبو, آل … — not a common noun («روح الاتفاق») nor the
            # verb that follows («زياد عيتاني عاد»)
            name_like=(pl.col("trigger") != "given_name")
            | pl.col("norm").str.ends_with("ي")
            | pl.col("norm").is_in(_NAME_LINKS)
            | bare(pl.col("norm")).is_in(given_names()["stem"].implode()),
        )
        .with_columns(
            part=(
                pl.col("indefinite_start")
                & pl.col("name_like")
                & (pl.col("token_sentence") == pl.col("sentence_index"))
                & (pl.col("gap_before") == "")
                & pl.col("is_covered").is_null()
                & pl.col("is_function").is_null()
                & pl.col("norm").str.contains(r"^\p{L}{2,}$")
                # a preposition or conjunction glued to a word ends the name («للإغاثة», «والأعمال»)
                & ~pl.col("norm").str.contains("^([وفبلك]ال|لل)")
                & ((pl.col("offset") == 1) | ~pl.col("norm").str.starts_with("و"))
                & ((pl.col("entity_type") != "PER") | pl.col("is_cue").is_null())
                # a verb in the future (سيشارك, ستعقد) ends the name
                & ~pl.col("norm").str.contains("^[وف]?س[يتن].{3,}")
                # so does a definite feminine adjective or participle («كامبل البالغة», «الكاتبة»)
                & ((pl.col("entity_type") != "PER") | ~pl.col("norm").str.contains("^ال.{3,}ه$"))
                # after a title the name starts bare: not «ومهندس …» (unless وليد, وائل …)
                & ((pl.col("trigger") != "title") | (pl.col("offset") > 1) | ~pl.col("norm").str.starts_with("و")
                   | pl.col("norm").is_in(given_names()["stem"].implode()))
            )
        )
        .sort("trigger_id", "offset")
        .with_columns(run=pl.col("part").cum_min().over("trigger_id"))
        .filter("run")
        # a name does not end on a link word («الملك عبد» is «الملك عبد الله» cut short)
        .with_columns(link=pl.col("norm").is_in(_NAME_LINKS))
        .filter(~(pl.col("link") & (pl.col("offset") == pl.col("offset").max().over("trigger_id"))))
        .group_by("trigger_id")
        .agg(pl.col("position").max().alias("name_last"), pl.len().alias("name_tokens"), pl.col("norm").first().alias("first_norm"))
    )
    found = triggers.join(following, on="trigger_id").with_columns(
        trigger_rank=pl.col("trigger").replace_strict({"title": 0, "given_name": 1, "cue": 2}, return_dtype=pl.Int8)
    ).filter(
        # one word after a title is a name only if it is a known given name («الرئيس مباشرة» is not)
        (pl.col("trigger") != "title") | (pl.col("name_tokens") > 1) | pl.col("first_norm").is_in(given_names()["stem"].implode())
    ).select(
        "article_id",
        "sentence_index",
        first_token=pl.when("include_cue").then(pl.col("trigger_start")).otherwise(pl.col("trigger_end") + 1),
        last_token=pl.col("name_last"),
        name_first_token=pl.when(pl.col("trigger") == "title").then(pl.col("trigger_end") + 1),
        kind=pl.lit("unknown"),
        entity_type="entity_type",
        actor_id=pl.lit(None, pl.String),
        cameo_code="cameo_code",
        trigger_rank="trigger_rank",
        cue_inside="include_cue",
    )
    # a given name inside a name already found after a title is the same name: keep the longer span.
    # Two cues may give the same span («في حركة …»: a place cue before it, an organisation cue
    # inside it): the cue inside the name tells its type, then the type's name breaks the tie,
    # so that the choice never depends on row order
    return (
        found.sort(
            "article_id", "first_token", "last_token", "trigger_rank", "cue_inside", "entity_type",
            descending=[False, False, True, False, True, False], maintain_order=True,
        )
        .with_columns(reach=pl.col("last_token").cum_max().over("article_id"))
        .filter(~(pl.col("first_token") <= pl.col("reach").shift(1).over("article_id")).fill_null(False))
        .drop("reach", "trigger_rank", "cue_inside")
    )


def _unknown_short_forms(matches: pl.DataFrame, unknown: pl.DataFrame, tokens: pl.DataFrame, stems: pl.DataFrame) -> pl.DataFrame:
    """Within an article, the family name of an unknown person found in full names that person again."""
    spans = pl.concat(
        [frame.select("article_id", pl.col("first_token", "last_token").cast(pl.Int64)) for frame in (matches, unknown)]
    )
    covered = spans.select("article_id", position=pl.int_ranges("first_token", pl.col("last_token") + 1)).explode("position")
    names = given_names()["stem"].implode()
    family = (
        unknown.filter((pl.col("entity_type") == "PER") & (pl.col("last_token") > pl.col("first_token")))
        .with_columns(name_first=pl.coalesce("name_first_token", "first_token"))
        .pipe(at_token, tokens, "name_first", how="inner", given="norm")
        .pipe(at_token, tokens, "last_token", how="inner", norm="norm")
        .pipe(at_token, tokens, pl.col("last_token") - 1, link="norm")
        # «عبد الله», «أبو بكر»: the last word alone is not the person's name
        .filter((pl.col("norm").str.len_chars() >= 3) & ~pl.col("link").is_in(_NAME_LINKS).fill_null(False))
        # a family name, not a given name that many people share (حسين in «صدام حسين»), and not
        # a definite noun left in the name by mistake (البلاد); a definite nisba is one after a
        # known given name (زياد الفرحاتي, not «الاتفاق النووي»)
        .filter(
            ~pl.col("norm").is_in(names)
            & (
                ~pl.col("norm").str.starts_with("ال")
                | (pl.col("norm").str.ends_with("ي") & pl.col("given").str.replace("^[وف]", "").is_in(names))
            )
        )
        .join(function_words(), on="norm", how="anti")
        .select("article_id", stem=bare(pl.col("norm")), definite=definite(pl.col("norm")))
        .unique()
    )
    return (
        stems
        .join(family, on=["article_id", "stem", "definite"])
        .join(covered, left_on=["article_id", "token_index"], right_on=["article_id", "position"], how="anti")
        .unique(["article_id", "token_index"])
        .select(
            "article_id",
            "sentence_index",
            first_token="token_index",
            last_token="token_index",
            kind=pl.lit("short"),
            entity_type=pl.lit("PER"),
            actor_id=pl.lit(None, pl.String),
            cameo_code=pl.lit(None, pl.String),
        )
    )


def _offsets(spans: pl.DataFrame, tokens: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Character offsets of the span and of its name part; the surface is the text between."""
    return (
        at_token(spans, tokens, "first_token", start="start")
        .pipe(at_token, tokens, "last_token", end="end")
        .pipe(at_token, tokens, "name_first_token", name_start="start")
        .join(articles.select("article_id", "text"), on="article_id", how="left")
        .with_columns(
            name_start=pl.coalesce("name_start", "start"),
            name_end=pl.col("end"),
            surface=pl.col("text").str.slice(pl.col("start"), pl.col("end") - pl.col("start")),
        )
        .drop("text")
    )


def _code_at_date(spans: pl.DataFrame, published: pl.DataFrame, lexicon: ActorLexicon) -> pl.DataFrame:
    """A person's CAMEO code on the article's date (dated roles), else the actor's default code."""
    defaults = lexicon.actors.select("actor_id", pl.col("cameo_code").alias("default_code"))
    dated = (
        spans.select("article_id", "actor_id").unique()
        .join(published.select("article_id", day=pl.col("published_at").dt.date()), on="article_id")
        .join(lexicon.roles, on="actor_id")
        .filter(
            (pl.col("start_date").is_null() | (pl.col("start_date") <= pl.col("day")))
            & (pl.col("end_date").is_null() | (pl.col("day") < pl.col("end_date")))
        )
        .group_by("article_id", "actor_id")
        .agg(pl.col("cameo_code").first().alias("dated_code"))
    )
    frame = spans.join(defaults, on="actor_id", how="left").join(dated, on=["article_id", "actor_id"], how="left")
    possessive_code = pl.col("country_code") + pl.col("role_code")
    return frame.with_columns(
        cameo_code=pl.when(pl.col("kind") == "possessive")
        .then(possessive_code)
        .when(pl.col("kind") == "composed")
        .then(pl.col("actor_id"))
        .otherwise(pl.coalesce("dated_code", "default_code", "cameo_code"))
    )
