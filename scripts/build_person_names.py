"""Build transforms/lexicon/person_names.tsv from the Camel Morph MSA proper-noun lexicon.

    .venv/bin/python scripts/build_person_names.py [--shared ../shared]

Keeps the reviewed (`STATUS` DONE, not commented out) human names (`rat:r`), converted from
Buckwalter to Arabic script with camel-tools and undiacritised. The output is data derived
from Camel Morph (CC BY 4.0) and carries its attribution in its header.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polars as pl
from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "transforms" / "lexicon" / "person_names.tsv"
HEADER = """\
# rasd lexicon: Arabic given and family names (people), for finding names not in the actor dictionary
# version: {version}
# Derived from the Camel Morph MSA proper-noun lexicon (MSA-Noun-Prop-LEX.csv, CAMeL-Lab/camel_morph
# @ fef90db): its reviewed human names (rat:r), Buckwalter converted to Arabic script and undiacritised
# by scripts/build_person_names.py. Camel Morph, CAMeL Lab, New York University Abu Dhabi — licensed
# CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); cite Khairallah et al., "Camel Morph MSA",
# LREC-COLING 2024. This file is under CC BY 4.0, not rasd's MIT licence.
# column name_ar: the name, undiacritised.
# column gloss_en: Camel Morph's English gloss.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--version", default="2026-11-29.1")
    args = parser.parse_args()
    lexicon = pl.read_csv(args.shared / "reference/camel_morph/MSA-Noun-Prop-LEX.csv", infer_schema=False)
    bw2ar = CharMapper.builtin_mapper("bw2ar")
    people = lexicon.filter(
        (pl.col("DEFINE") == "LEXICON") & (pl.col("STATUS") == "DONE") & pl.col("FEAT").str.contains("rat:r")
    )
    rows = sorted(
        {(dediac_ar(bw2ar(lemma)).replace("ٱ", "ا"), gloss) for lemma, gloss in people.select("LEMMA", "GLOSS").iter_rows()}
    )
    body = "name_ar\tgloss_en\n" + "".join(f"{name}\t{gloss}\n" for name, gloss in rows)
    OUT.write_text(HEADER.format(version=args.version) + body, encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
