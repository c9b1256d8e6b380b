"""The resolve stage: what the text tells about each found claim beyond its spans.

``resolve_claims`` is its one entry point, between extract and store, and runs every step in
this order: who each speaker phrase stands for (claimsdb.resolve.coref: one-word names the
article treats as companies, pronouns and role nouns to the entity meant, surnames to the full
name given earlier; claimsdb.resolve.bodies: "the company" to the body the article names;
claimsdb.resolve.documents: documents to their issuer), claims that
restate another (claimsdb.resolve.restatements), the confidence of each claim (claimsdb.resolve.confidence), claim texts bounded, a wire dateline
cut out, speakers' countries the extractor left open (claimsdb.resolve.affiliation: the rest
of the article, places, principals, the bundled office holders), statement dates, the
quantities in each claim, the position it takes (polarity and modality), and a
document-scoped name for speakers the article does not name. It works on the extractor's
hand-over (claimsdb.extract.base.Extraction): the candidates, the speaker phrases read, the
segmented text. Speakers become registry actors only when stored, inside the write
transaction (claimsdb.store, through claimsdb.resolve.actors.resolve_actor_ids_by_document).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract.base import ClaimEvidence, Extraction
from claimsdb.extract.segment import segment
from claimsdb.extract.speakers import Mention, no_age_role
from claimsdb.extract.tokens import PRONOUNS
from claimsdb.read.datelines import find_dateline, find_place_lines
from claimsdb.records import ClaimCandidate, Document, Speaker
from claimsdb.resolve.affiliation import attribute_countries, dateline_country
from claimsdb.resolve.confidence import score
from claimsdb.resolve.countries import capital_code
from claimsdb.resolve.bodies import (join_spellings, name_article_bodies, name_by_earlier_description,
                                     join_extended_outlets, name_by_later_description,
                                     name_committee_members)
from claimsdb.resolve.documents import resolve_documents
from claimsdb.resolve.home import find_head_source
from claimsdb.resolve.spokespeople import name_spokespeople
from claimsdb.resolve.coref import (expand_bodies, expand_given_names, expand_knights, expand_surnames, keep_name_titles,
                                   name_described_bodies, name_described_places, name_part_of_group, name_self_introduced,
                                   name_speaking_next, resolve_references, type_companies, type_short_companies,
                                   type_surnames)
from claimsdb.resolve.positions import position_claims
from claimsdb.resolve.restatements import drop_restatements
from claimsdb.resolve.statements import date_claims, quantify_claims, trim_dateline

# Longest claim text kept, in characters. A statement is a few sentences; a longer span comes
# from run-on text or a quotation mark that never closes, and would break spreadsheet cells
# (32,767 characters at most) and CSV readers' field limits (131,072 in Python's csv).
MAX_CLAIM_CHARS = 5000
# The end of a sentence: its mark and any closing quotes or brackets, before a space.
_SENTENCE_END = compile_pattern(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)")

# Speakers the text does not name: "officials", "the company", an unresolved "he".
_UNNAMED_TYPES = frozenset({"anonymous", "group"})
# Files whose documents are records, stored as "file#id" (see claimsdb.read.records).
_RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv"})
_LINE = compile_pattern(r"L\d+")
# Pronouns left as a speaker's name when coreference found no antecedent ("you" is no
# subject pronoun of a claim, but "you said" leaves it as one).
_UNRESOLVED = frozenset(PRONOUNS) | {"you"}


def resolve_claims(document: Document, extraction: Extraction) -> list[ClaimCandidate]:
    """The claims of ``extraction`` (found in ``document``), resolved: speakers (coreference,
    types), restatements dropped, confidence, texts over MAX_CLAIM_CHARS bounded, a wire
    dateline cut out of them, speakers' countries the extractor left open, statement dates,
    quantities, polarity and modality, and document-scoped names for speakers the article
    does not name."""
    claims = resolve_speakers(document, extraction)
    score(document.text, claims)
    bound_claims(claims, document.text)
    # A wire dateline ("KYIV, March 3 (Reuters) -") is no part of what was said; its place
    # and date help place local speakers and date the lead.
    dateline = find_dateline(document.text)
    # Where the story comes from, for its speakers' countries: the dateline's place when it is a
    # known one ("MIDWAY ATOLL", "NEWSPAPER SECTION:" place nobody), else ...
    placed_by = dateline if dateline is not None and dateline_country(dateline) else None
    if placed_by is None:
        # ... a place in capitals alone on a line before the body, "ISTANBUL" (rule place-line) ...
        # (in title case only a capital: "Abu Dhabi", not a page's "Save" button)
        placed_by = next((line for line in find_place_lines(document.text)
                          if (dateline_country(line) if line.place.isupper() else capital_code(line.place))), None)
    if placed_by is None:
        # ... or the outlet or place the byline names, "... · CBC News · Posted: ...", "Civil
        # Georgia, Tbilisi" (rule head-source)
        placed_by = find_head_source(document.text, document.title)
    dateline = dateline or placed_by
    trim_dateline(claims, dateline)
    year = document.published_on.year if document.published_on is not None else None
    attribute_countries(document.text, claims, year=year, dateline=placed_by, title=document.title)
    date_claims(document.text, claims, published=document.published_on,
                published_method=document.published_method, dateline=dateline)
    quantify_claims(document.text, claims)
    position_claims(document.text, claims)
    scope_unnamed_speakers(claims, document)
    for claim in claims:
        # Spent: dropping it keeps what ingest's workers send back small.
        claim.evidence = None
    return claims


def resolve_speakers(document: Document, extraction: Extraction) -> list[ClaimCandidate]:
    """The claims of ``extraction`` with each speaker phrase resolved to who it names, and
    without the claims that turn out to restate another; their ``evidence`` is kept."""
    text = document.text
    claims = extraction.claims
    for claim in claims:
        if claim.evidence is None:
            claim.evidence = ClaimEvidence(_mention_of(claim, text))
    seg = extraction.segmented if extraction.segmented is not None else segment(text)
    type_companies(seg, claims)
    type_short_companies(seg, claims)
    type_surnames(seg, claims)
    keep_name_titles(claims, extraction.mentions)
    expand_bodies(seg, claims)
    name_described_bodies(claims)
    name_part_of_group(seg, claims)
    name_self_introduced(seg, claims)
    references = resolve_references(seg, claims, extraction.mentions)
    name_described_places(seg, claims)  # "the Caribbean island's government": Vikland's
    for named in name_article_bodies(seg, claims):  # "the company": the body the article names
        references[named] = True
    for named in name_by_earlier_description(claims):  # "the committee": "the fisheries select committee"
        references[named] = True
    for named in name_by_later_description(claims, text):  # "a committee of MPs": "the fisheries select committee"
        references[named] = True
    for named in name_committee_members(seg, claims):  # "the MPs said": the committee they sit on
        references[named] = True
    for named in name_speaking_next(seg, claims):  # "one of their frontbenchers ... Anna Berg was speaking"
        references[named] = True
    join_spellings(claims)
    expand_knights(seg, claims)
    expand_surnames(seg, claims)
    expand_given_names(seg, claims)
    resolve_documents(seg, claims)  # "the statement said": its issuer, when the article names it
    join_extended_outlets(seg, claims)  # "the FT report" of the Financial Times Deutschland
    name_spokespeople(text, claims)  # "The ministry said ... A spokesman said": the ministry's
    claims = drop_restatements(text, claims)
    for claim in claims:
        m = claim.evidence.mention
        if id(m) in references:
            claim.evidence.reference = "resolved" if references[id(m)] else "unresolved"
        claim.speaker = Speaker(name=m.name, type=m.type, role=no_age_role(m.role), country=m.country, gender=m.gender)
        via = claim.evidence.via
        claim.via = via.name if via is not None and via.name != m.name else None
    return claims


def _mention_of(claim: ClaimCandidate, text: str) -> Mention:
    """The speaker an extractor gave without evidence, as a phrase coreference can work on:
    its name and type as given, a pronoun when the phrase is one ("he")."""
    sp = claim.speaker
    phrase = text[claim.speaker_start : claim.speaker_end]
    return Mention(claim.speaker_start, claim.speaker_end, phrase, sp.name, sp.type, sp.role, sp.country,
                   pronoun=PRONOUNS.get(phrase.lower()), gender=sp.gender)


def bound_claims(claims: list[ClaimCandidate], text: str) -> None:
    """Cut the text of every claim longer than MAX_CLAIM_CHARS at the last sentence end
    within that length (else the last space, else the limit). Only the end moves, so the
    offsets still slice the text exactly."""
    for claim in claims:
        if claim.text_end - claim.text_start > MAX_CLAIM_CHARS:
            claim.text_end = _cut(text, claim.text_start, claim.text_start + MAX_CLAIM_CHARS)
            claim.quantities = [q for q in claim.quantities if q.end <= claim.text_end]


def _cut(text: str, start: int, limit: int) -> int:
    half = start + (limit - start) // 2
    end = limit
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text, half, limit)]
    if sentence_ends:
        end = sentence_ends[-1]
    else:
        space = max(text.rfind(" ", half, limit), text.rfind("\n", half, limit))
        if space > half:
            end = space
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def document_label(path: str) -> str:
    """A short name for the document at ``path``: a file's stem (``bbc_business_001``), a
    record's id, which names it as a file name would, or its file and line (``feed.jsonl#L12``
    → ``feed#L12``: line 12 of every file is not one article), a page's last path part."""
    if "://" in path:
        address = urlsplit(path)
        parts = [part for part in address.path.split("/") if part]
        return PurePath(parts[-1]).stem if parts else address.netloc
    file, sep, record = path.rpartition("#")
    if sep and record and PurePath(file).suffix.lower() in _RECORD_SUFFIXES:
        return f"{PurePath(file).stem}#{record}" if _LINE.fullmatch(record) else record
    return PurePath(path).stem or path


def scope_unnamed_speakers(claims: list[ClaimCandidate], document: Document) -> None:
    """Give speakers the article does not name a name that says which article they are from.

    "the company" or "officials" in one article are not the same speakers as in another, so they
    must not become one actor across the database: "company (bbc_business_001)".
    """
    label = document_label(document.path)
    for c in claims:
        sp = c.speaker
        unnamed = (
            sp.type in _UNNAMED_TYPES
            or sp.name.lower() in _UNRESOLVED
            or (sp.name[:1].islower() and sp.type != "country")
        )
        if unnamed and not sp.name.endswith(f"({label})"):
            sp.name = f"{sp.name} ({label})"
