"""How likely a found claim is right, from how it was found.

Each claim is described by its pattern (that-clause, inverted order, "according to", quotation
continued ...), what kind of speaker phrase it has (a name, a resolved or unresolved pronoun, a
common noun) and its cue (speech, belief/stance, ambiguous). ``data/confidence.tsv`` gives the
measured precision of each description on annotated news text (regenerate it with
``benchmarks/calibrate_confidence.py``); a rare description backs off to a coarser one.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from claimsdb.extract.claims import RawClaim

# A description seen fewer times than this in the calibration data uses a coarser one.
MIN_SUPPORT = 15
DEFAULT = 0.6


def describe_claim(r: RawClaim) -> tuple[str, str, str]:
    """(pattern, speaker kind, cue kind) of a claim."""
    pattern = "headline" if r.kind == "headline" else r.extra.get("pattern", "that")
    m = r.mention
    if m.pronoun in ("who", "which") or (m.pronoun is None and m.text.lower() in ("who", "which")):
        speaker = "relative"
    elif m.pronoun is not None:
        speaker = "unresolved" if m.type == "anonymous" and m.name.lower() == m.text.lower() else "pronoun"
    elif m.text[:1].isupper() or any(w[:1].isupper() for w in m.text.split()[1:]):
        speaker = "name"
    else:
        speaker = "noun"
    if r.info is None:
        cue = "none"
    elif r.info.weak:
        cue = "weak"
    elif r.info.ambiguous:
        cue = "ambiguous"
    else:
        cue = "speech"
    return pattern, speaker, cue


@cache
def _table() -> dict[str, tuple[int, float]]:
    table: dict[str, tuple[int, float]] = {}
    text = files("claimsdb.data").joinpath("confidence.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, n, precision = line.split("\t")
        table[key] = (int(n), float(precision))
    return table


def confidence(r: RawClaim) -> float:
    """The calibrated probability that ``r`` has the right speaker and content."""
    pattern, speaker, cue = describe_claim(r)
    table = _table()
    for key in (f"{pattern}|{speaker}|{cue}", f"{pattern}|{speaker}", pattern, "*"):
        hit = table.get(key)
        if hit and hit[0] >= MIN_SUPPORT:
            return round(hit[1], 2)
    return DEFAULT
