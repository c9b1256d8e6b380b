"""Find attributed statements in article text.

``find_claims`` runs the stages of extraction: segment the text (blocks, quotations,
sentences), run the named constructions on each sentence (claimsdb.extract.rules: every claim
records the rule that found it) and split coordinated speakers. It hands the resolve stage
(claimsdb.resolve.stage.resolve_claims) the claims with the speaker phrases as read, every
speaker phrase seen and the segmented text (claimsdb.extract.base.Extraction): pronouns and
role nouns, speaker types, restatements, confidence, dates and countries are resolved there.
Ingest and ``claims extract`` reach all this through the extractor registry
(claimsdb.extract.base.get_extractor) and claimsdb.pipeline.analyse.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimsdb.extract.base import ClaimEvidence, Extraction
from claimsdb.extract.claims import find_raw_claims
from claimsdb.extract.issuer import statement_issuer
from claimsdb.extract.sentence import RawClaim
from claimsdb.extract.segment import Segmented, segment
from claimsdb.extract.speakers import AFFILIATION_WORDS, ORG_WORDS, Mention, countries_listed, country_code, describe
from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import speaker_nouns, title_words
from claimsdb.records import ClaimCandidate, Document, Speaker

__all__ = ["find_claims", "segment"]


def find_claims(document: Document) -> Extraction:
    """Every attributed claim of ``document``, speakers as the text gives them."""
    seg = segment(document.text)
    raw, mentions = find_raw_claims(seg)
    raw = _split_coordinated(seg, raw)
    raw = _issuer_speaks(seg, raw)
    # "I" and "we" outside quotation marks are the writer or a quotation the marks missed:
    # no speaker a reader could look up.
    raw = [r for r in raw if r.mention.pronoun not in ("i", "we")]
    return Extraction([to_candidate(r) for r in raw], mentions, seg)


def _issuer_speaks(seg: Segmented, raw: list[RawClaim]) -> list[RawClaim]:
    """In a body's statement (extract/issuer.py) its "we" is the body: check ``statement-issuer``."""
    if not any(r.mention.pronoun == "we" for r in raw) or any(r.rule == "speaker-label" for r in raw):
        return raw
    issuer = statement_issuer(seg)
    if issuer is None:
        return raw
    return [replace(r, mention=replace(issuer), extra=dict(r.extra, issuer=True))
            if r.mention.pronoun == "we" else r for r in raw]


def to_candidate(r: RawClaim) -> ClaimCandidate:
    """``r`` as a candidate; its speaker is the phrase as read, until the resolve stage."""
    m = r.mention
    return ClaimCandidate(
        kind=r.kind,
        text_start=r.start,
        text_end=r.end,
        speaker_start=m.start,
        speaker_end=m.end,
        speaker=Speaker(name=m.name, type=m.type, role=m.role, country=m.country, gender=m.gender),
        cue=r.cue,
        cue_start=r.cue_start,
        cue_end=r.cue_end,
        via=r.via.name if r.via is not None else None,
        sentence_start=r.sentence.start,
        sentence_end=r.sentence.end,
        # A relayed claim is stored as a relay; the confidence model weighs it as the
        # construction that found its content (ClaimEvidence.construction).
        rule="relay" if r.extra.get("relay") else r.rule,
        target_start=r.target[0] if r.target else None,
        target_end=r.target[1] if r.target else None,
        evidence=ClaimEvidence(m, r.via, r.info, bool(r.extra.get("coordinated")),
                               construction=r.rule if r.extra.get("relay") else None),
    )


def _split_coordinated(seg: Segmented, raw: list[RawClaim]) -> list[RawClaim]:
    """"Italy and Germany expressed readiness": one claim per named speaker."""
    out: list[RawClaim] = []
    for r in raw:
        parts = _conjuncts(seg.text, _relative_antecedent(seg.text, r.mention))
        if len(parts) < 2:
            out.append(r)
            continue
        for part in parts:
            out.append(RawClaim(r.kind, r.start, r.end, part, r.cue, r.cue_start, r.cue_end, r.info,
                                r.sentence, r.via, rule=r.rule, extra=dict(r.extra, coordinated=True),
                                target=r.target))
    return out


def _relative_antecedent(text: str, m: Mention) -> Mention:
    """For "Budapest and Bratislava, which said", the mention of the coordination "which" stands
    for, so that it splits as "Budapest and Bratislava said" does (rule relative-coordination);
    any other mention as it is."""
    if m.text.lower() not in ("which", "who") or " and " not in m.name:
        return m
    start = text.rfind(m.name, max(0, m.start - len(m.name) - 3), m.start)
    if start < 0 or text[start + len(m.name) : m.start].strip() not in (",", ""):
        return m
    return replace(m, text=m.name, start=start, end=start + len(m.name))


def _plural_head_with_postmodifier(first: str) -> bool:
    """"Ministers from Spain", "officials of the EU": a plural noun naming people, then a
    preposition; the "and" after it joins what the preposition takes, not two speakers."""
    words = first.split()
    for i, w in enumerate(words[1:], 1):
        if w in ("from", "of", "in", "at", "for", "with"):
            head = words[i - 1]
            low = head.lower()
            return low.endswith("s") and (speaker_nouns().get(low) in ("anonymous", "group")
                                          or low[:-1] in title_words() or T.person_noun(low))
    return False


# What a regulator or ministry oversees, before "and" in its name: "Securities and Exchange
# Commission", "Communications and Media Authority" (not "Congress", a body of its own).
_OVERSEEN = frozenset("securities communications markets services industries exchanges utilities "
                      "telecommunications commodities futures".split())


def _one_body_name(pieces: list[str]) -> bool:
    """"National Security and Defence Council", "Trade and Industry Committee": capitalised
    words joined by "and" before one body's noun name one body; but "Russia and the European
    Commission", "the ministry and the Security Council" are two."""
    if len(pieces) != 2:
        return False
    first, last = pieces[0].split(), pieces[1].split()
    if not last or last[0].lower() == "the" or len(last) > 3 or last[-1].lower() not in ORG_WORDS:
        return False
    named = first[1:] if first and first[0].lower() == "the" else first
    # A lone plural, maybe after a country, names what the one body oversees: "the (US)
    # Securities and Exchange Commission", "Communications and Media Authority".
    core = named[1:] if len(named) == 2 and country_code(named[0]) else named
    oversees = len(core) == 1 and core[0].lower() in _OVERSEEN
    if any(w.lower() in ORG_WORDS for w in first) and not oversees:
        return False
    if not named or not all(w[:1].isupper() for w in named + last) or any(w.isupper() for w in core) \
            or (not oversees and any(w.isupper() for w in named)) or named[0].lower() in ("both", "either", "neither"):
        return False  # "Both the IMF and World Bank": two bodies
    lead = describe(pieces[0], 0, len(pieces[0]))
    return lead.type not in ("country", "person", "media")


# A place after a body's name: "(Foreign Ministry) in Kabul".
_IN_PLACE = re.compile(r" in [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*(?= and |$)")


def _names_person(phrase: str) -> bool:
    """Whether ``phrase`` names a person by a known given name and a surname: "Foreign Minister
    Anna Berg" in "Foreign Minister Anna Berg and her Danish counterpart X", two people."""
    named = describe(phrase, 0, len(phrase))
    return named.type == "person" and " " in named.name and named.known_given_name


def _inside_a_name(rest: str) -> bool:
    """Whether the words after an "and" go on a capitalised name ("International Studies in
    Jakarta"), not start a second speaker ("the Mexican foreign ministry", "Vikco's board")."""
    words = rest.split()
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in ("the", "a", "an", "his", "her", "its", "their") \
        and not any(w.endswith(("'s", "’s")) for w in words)


def _conjuncts(text: str, m: Mention) -> list[Mention]:
    if m.pronoun or m.type not in ("person", "group", "organization") \
            or " and " not in m.text and not countries_listed(m.text) \
            or (m.role and " and " in m.role and not _names_person(m.role.split(" and ", 1)[0])):
        return []  # "Secretary for Trade and Industry Ann Berg": one person
    parts: list[Mention] = []
    pos = m.start
    phrase = text[m.start : m.end]
    if _plural_head_with_postmodifier(phrase.split(" and ", 1)[0]):
        return []  # "Ministers from Spain and Italy": one group, from both countries
    pieces = phrase.replace(" & ", " and ").replace(", and ", " and ").replace(", ", " and ").split(" and ")
    if m.type == "person" and any(w in AFFILIATION_WORDS for w in pieces[0].split()[1:]) and _inside_a_name(pieces[1]) \
            and not any(describe(piece, 0, len(piece)).type == "person" for piece in pieces[1:]):
        return []  # "Dr Anna Berg of the Centre for Strategic and International Studies": one person
    body = _IN_PLACE.sub("", m.name)  # ("the Foreign Ministry in Kabul and the UN": the place is no part of the test)
    if _one_body_name(pieces) or m.type == "organization" and " and " in body and not (body != m.name and " and the " in body) \
            and body.split()[-1].lower() not in ORG_WORDS and any(w.lower() in ORG_WORDS for w in body.split()[:-1]):
        return []  # "the National Security and Defence Council", "Vik Iron and Steel Co": one body
    if len(pieces) == 2 and {"for", "of"} & set(pieces[0].split()) and pieces[1].split()[0].endswith("ing") \
            and pieces[1][:1].isupper() and all(w[:1].isupper() for w in pieces[1].split()):
        # "the Centre for Monitoring and Countering Fraud": what the one body does; read as a
        # person named after "and" before, the body's whole name now
        words = phrase.split()
        while words and (words[0].lower() in ("the", "a", "an") or words[0].endswith(("'s", "’s"))):
            words = words[1:]
        if words and words[0].lower() in ORG_WORDS:
            m.name, m.type, m.role = " ".join(words), "organization", None
        return []
    for piece in pieces:
        off = text.find(piece, pos, m.end)
        # ("the ...", and "his Philippine counterpart X": the one the first names is paired with)
        bare = piece.split(" ", 1)[1] if piece.lower().startswith(("the ", "his ", "her ", "their ")) else piece
        if off < 0 or not bare[:1].isupper():
            return []
        part = describe(text, off, off + len(piece))
        if part.pronoun in ("he", "she") and not parts:
            parts.append(part)  # "He and Strelkov": coreference names the first
            pos = off + len(piece)
            continue
        # A lone capitalised word typed person may be half of a firm ("Marks and Spencer"),
        # unless it is one of a list ("Carson, Fiorina and Huckabee").
        if part.type not in ("country", "person", "media", "organization", "group") or (
                part.name == piece and part.type == "person" and len(piece.split()) < 2 and len(pieces) < 3
                and not (parts and parts[0].pronoun)):
            return []
        parts.append(part)
        pos = off + len(piece)
    return parts
