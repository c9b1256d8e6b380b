"""How likely a found claim is right, from how it was found.

Each claim is described by binary features: its pattern (that-clause, inverted order,
"according to", quotation continued ...), what kind of speaker phrase it has (a name, a resolved
or unresolved pronoun, a relative pronoun, a common noun), its cue (speech, belief/stance,
ambiguous), the length of its content, the type of its speaker, how far the speaker is from the
cue, whether the content holds a quotation. A logistic model over these features, fitted on
annotated news text, gives the probability that the claim's speaker and content are right;
its weights live in ``data/confidence_weights.tsv`` (refit with
``benchmarks/calibrate_confidence.py``).
"""

from __future__ import annotations

import math
from functools import cache
from importlib.resources import files

from claimsdb.extract.claims import RawClaim


def features(r: RawClaim) -> list[str]:
    """The binary features of a claim, as names."""
    pattern = "headline" if r.kind == "headline" else r.extra.get("pattern", "that")
    m = r.mention
    if m.text.lower() in ("who", "which"):
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
    words = r.extra.get("words", 0)
    length = "short" if words <= 3 else "medium" if words <= 8 else "long" if words <= 40 else "very_long"
    gap = r.extra.get("gap", 0)
    distance = "adjacent" if gap <= 2 else "near" if gap <= 12 else "far"
    out = [f"pattern={pattern}", f"speaker={speaker}", f"cue={cue}", f"length={length}",
           f"type={m.type}", f"distance={distance}", f"kind={r.kind}",
           f"pattern+speaker={pattern}+{speaker}", f"pattern+cue={pattern}+{cue}",
           f"speaker+cue={speaker}+{cue}"]
    if r.via is not None:
        out.append("relayed")
    if r.extra.get("coordinated"):
        out.append("coordinated")
    return out


@cache
def _weights() -> dict[str, float]:
    table: dict[str, float] = {}
    text = files("claimsdb.data").joinpath("confidence_weights.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, weight = line.split("\t")
            table[name] = float(weight)
    return table


def confidence(r: RawClaim) -> float:
    """The probability, by the fitted model, that ``r`` has the right speaker and content."""
    w = _weights()
    z = w.get("bias", 0.0) + sum(w.get(f, 0.0) for f in features(r))
    return round(1.0 / (1.0 + math.exp(-z)), 2)
