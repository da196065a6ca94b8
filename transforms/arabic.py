"""Arabic normalisation as a Polars expression.

The character rules are camel-tools' own (dediacritisation set, alef/alef-maksura/teh-marbuta
normalisers), read once into a character map and applied column-wise with `replace_many`,
so no Python runs per token. Beyond camel-tools' defaults we fold hamza seats (ؤ→و, ئ→ي:
فائز/فايز), drop tatweel, and map Persian letter forms (ک ی) to Arabic ones.
The original text is never changed: normalised forms live in their own columns.
"""

from __future__ import annotations

from functools import cache

import polars as pl
from camel_tools.utils.charsets import AR_CHARSET, AR_DIAC_CHARSET
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"
# a definite word (normalised), behind its proclitics: «الحكومة», «والجيش», «بالسلاح», «وبالقرار», «للقوات»
DEFINITE_WORD = "^(?:[وف]?[بلك]?ال|[وف]?لل)"
_EXTRA = {"ؤ": "و", "ئ": "ي", "ک": "ك", "ی": "ي", "ٱ": "ا", TATWEEL: ""}


@cache
def char_map() -> dict[str, str]:
    """Every character that normalisation changes -> its replacement ('' = removed)."""
    mapping = {diacritic: "" for diacritic in AR_DIAC_CHARSET}
    for char in sorted(AR_CHARSET):
        folded = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(char)))
        if folded != char:
            mapping[char] = folded
    mapping.update(_EXTRA)
    return mapping


def normalize(expr: pl.Expr) -> pl.Expr:
    """Dediacritised, tatweel-free, alef/hamza/yeh/teh-marbuta-folded form of a string column."""
    mapping = char_map()
    return expr.str.replace_many(list(mapping), list(mapping.values()))


def normalize_str(text: str) -> str:
    """The same normalisation for one Python string (dictionary building, tests)."""
    return text.translate(str.maketrans(char_map()))
