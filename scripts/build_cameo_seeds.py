"""Build dbt_project/seeds/cameo_event_codes.csv from the CAMEO reference tables.

    .venv/bin/python scripts/build_cameo_seeds.py [--shared ../shared]

One row per CAMEO event code (GDELT's CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt):
its description, root, quad class (1 verbal cooperation: roots 01–05, 2 material cooperation:
06–09, 3 verbal conflict: 10–14, 4 material conflict: 15–20), Goldstein score, and PLOVER
event type from the PLOVER project's CAMEO2PLOVER table (a code without a row takes its
root's; roots 01 and 02 have none there: 01 statements stay without a type, 02 appeals are
REQUEST). The PLOVER column is derived from CAMEO2PLOVER-2021 (openeventdata/PLOVER, CC BY-SA
4.0): the seed file is shared under CC BY-SA 4.0 with that attribution (dbt_project/seeds/_seeds.yml).
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "dbt_project" / "seeds" / "cameo_event_codes.csv"
ROOTS_WITHOUT_PLOVER = {"01": "", "02": "REQUEST"}
# GDELT's table has a mojibake in 044 and a typo in 033
FIXES = {"044": 'Meet at a "third" location', "033": "Express intent to provide material aid"}


def quad_class(root: str) -> int:
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


def read_tsv(path: Path) -> dict[str, str]:
    rows = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return {code: value.strip() for code, value in (row.split("\t", 1) for row in rows if "\t" in row) if code != "0"}


def plover_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match and match.group(1) not in table:  # "08" appears twice (CONCEDE, RETREAT): keep the first
            table[match.group(1)] = match.group(2)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    cameo = args.shared / "reference" / "cameo"
    descriptions = read_tsv(cameo / "CAMEO.eventcodes.txt")
    goldstein = read_tsv(cameo / "CAMEO.goldsteinscale.txt")
    plover = plover_table(cameo / "CAMEO2PLOVER-2021.txt")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["cameo_code", "description", "cameo_root", "root_description", "quad_class", "goldstein", "plover_type"])
        for code in sorted(descriptions):
            root = code[:2]
            plover_type = plover.get(code) or plover.get(code[:3]) or plover.get(root) or ROOTS_WITHOUT_PLOVER.get(root, "")
            writer.writerow([code, FIXES.get(code, descriptions[code]), root, descriptions[root].title(), quad_class(root),
                             goldstein[code], plover_type])
    print(f"{len(descriptions)} codes -> {OUT}")


if __name__ == "__main__":
    main()
