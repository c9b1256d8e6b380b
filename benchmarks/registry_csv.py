"""Write a registry CSV of N made-up actors, for timing `claims actors import`.

    python benchmarks/registry_csv.py --rows 20000 /tmp/registry20k.csv
    claims db upgrade --db /tmp/registry.db
    time claims actors import /tmp/registry20k.csv --db /tmp/registry.db   # creates N actors
    time claims actors import /tmp/registry20k.csv --db /tmp/registry.db   # finds all N unchanged

Each row has a name, two aliases, a role on two rows of three and a country on one of five;
the same arguments always write the same file.
"""

from __future__ import annotations

import argparse
import csv
import random

GIVEN_NAMES = ("Anna", "Tom", "Maria", "Jonas", "Lena", "Piotr", "Aiko", "Omar", "Sofia", "Ivan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="CSV file to write")
    parser.add_argument("--rows", type=int, default=20_000, help="actors to write (default 20,000)")
    args = parser.parse_args()
    rng = random.Random(7)
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "aliases", "type", "role", "country"])
        for n in range(args.rows):
            writer.writerow([
                f"{rng.choice(GIVEN_NAMES)} Person{n}", f"P{n}; Person {n}", "person",
                "Minister" if n % 3 else "", "SE" if n % 5 == 0 else "",
            ])


if __name__ == "__main__":
    main()
