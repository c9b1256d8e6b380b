#!/usr/bin/env python3
"""Make a large synthetic claimsdb database, for the query and export benchmarks.

Usage: python benchmarks/synth.py --claims 1000000 --db PATH_OR_URL [--actors 10000]
       [--documents 100000] [--seed 1]

The same arguments always give the same database (ids, names, texts, dates). Actors get
realistic names, roles and countries (persons named after their country's common first names and
surnames, ministries, armed forces, outlets); every claim is a sentence of its document's text
with exact offsets for the speaker mention, cue, statement and any quantity, and claims are
spread over 2023-2025 with the date precisions articles give (day, month, year, unknown year).

Rows are written through the real schema: the database is created and migrated to head by
claimsdb itself, so indexes and full-text search (SQLite FTS5 triggers, the PostgreSQL GIN
index) are the ones `claims ingest` maintains. Rows go in as large executemany batches in a few
transactions: about a minute per million claims on SQLite.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import sys
import time
from datetime import date, datetime, timedelta

from claimsdb.db import open_engine, writing
from claimsdb.extract.base import get_extractor
from claimsdb.records import PartialDate
from claimsdb.resolve.actors import fold_key, name_key
from claimsdb.store import date_key

# Countries speakers come from, with their weight and a few common first names and surnames.
PEOPLE = {
    "UA": (12, "Volodymyr Oleksandr Andrii Dmytro Yulia Olena Iryna Serhii Mykola Taras Oksana Kateryna",
           "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Oliinyk Boyko Marchenko Rudenko Savchenko Lysenko"),
    "RU": (10, "Sergey Dmitry Alexei Vladimir Maria Anna Nikolai Yuri Elena Igor Pavel Olga",
           "Ivanov Smirnov Kuznetsov Popov Volkov Morozov Sokolov Lebedev Kozlov Novikov Orlov Belov"),
    "US": (14, "John Mary James Linda Robert Karen Michael Susan David Lisa Marco Kamala",
           "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson"),
    "GB": (8, "Keir Rishi Olivia George Amelia Harry Emily Oliver Sophie Thomas Grant Yvette",
           "Starmer Lammy Healey Clarke Wright Walker Hughes Edwards Green Hall Wood Harris"),
    "DE": (7, "Olaf Annalena Friedrich Boris Ursula Karl Anna Lukas Greta Jonas Lena Markus",
           "Scholz Baerbock Merz Pistorius Schmidt Schneider Fischer Weber Becker Wagner Hoffmann Koch"),
    "FR": (7, "Emmanuel Jean Marie Sophie Pierre Camille Nicolas Claire Antoine Julie Sebastien Louise",
           "Macron Barrot Lecornu Martin Bernard Dubois Durand Lefebvre Moreau Laurent Simon Michel"),
    "PL": (5, "Andrzej Donald Radoslaw Katarzyna Piotr Agnieszka Tomasz Magdalena Krzysztof Anna Pawel Ewa",
           "Duda Tusk Sikorski Kowalski Nowak Wisniewski Wojcik Kaminski Lewandowski Zielinski Szymanski Dabrowski"),
    "EU": (5, "Kaja Ursula Charles Josep Roberta Antonio Valdis Margrethe Teresa Thierry Maros Dubravka",
           "Kallas Leyen Michel Borrell Metsola Costa Dombrovskis Vestager Ribera Breton Sefcovic Suica"),
    "TR": (3, "Recep Hakan Mevlut Ahmet Ayse Fatma Mehmet Elif Mustafa Zeynep Emre Selin",
           "Erdogan Fidan Cavusoglu Yilmaz Kaya Demir Sahin Celik Yildiz Aydin Ozturk Arslan"),
    "CN": (4, "Xi Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Lin",
           "Jinping Yi Qiang Wei Fang Ming Jun Hong Tao Lei Bo Hua"),
    "IL": (3, "Benjamin Isaac Yoav Gideon Naftali Yair Benny Ayelet Miri Avi Dana Noa",
           "Netanyahu Herzog Gallant Saar Bennett Lapid Gantz Shaked Regev Cohen Levi Mizrahi"),
    "IN": (3, "Narendra Subrahmanyam Rajnath Amit Nirmala Rahul Priya Arjun Anjali Vikram Sunita Rohan",
           "Modi Jaishankar Singh Shah Sitharaman Gandhi Sharma Patel Gupta Kumar Reddy Iyer"),
}
COUNTRY_NAMES = {
    "UA": "Ukraine", "RU": "Russia", "US": "United States", "GB": "United Kingdom", "DE": "Germany",
    "FR": "France", "PL": "Poland", "TR": "Turkey", "CN": "China", "IL": "Israel", "IN": "India",
}
ROLES = (
    "President", "Prime Minister", "Foreign Minister", "Defence Minister", "spokesperson",
    "Ambassador", "General", "Deputy Foreign Minister", "Chancellor", "Minister of Energy",
    "lawmaker", "senator", "analyst", "Chief of Staff", "governor", "mayor", None, None, None,
)
ORGANIZATIONS = (
    "Ministry of Defence", "Ministry of Foreign Affairs", "General Staff", "Armed Forces",
    "Security Service", "Central Bank", "Energy Ministry", "Border Guard Service",
    "National Guard", "Interior Ministry", "Presidential Office", "State Emergency Service",
)
BODIES = ("NATO", "United Nations", "European Commission", "OSCE", "IAEA", "Red Cross", "World Bank", "IMF")
MEDIA = ("Reuters", "Associated Press", "AFP", "BBC", "Politico", "Kyiv Independent", "TASS", "Bloomberg")
ANONYMOUS = ("officials", "a senior official", "diplomats", "sources familiar with the matter", "analysts")

CUES = ("said", "told reporters", "warned", "stressed", "added", "argued", "claimed", "insisted",
        "announced", "noted")
# Claim texts are a subject, a predicate and an object, each picked at random.
SUBJECTS = (
    "the ceasefire", "the peace plan", "Western sanctions", "the offensive", "the air defence system",
    "the grain corridor", "the energy infrastructure", "the negotiations", "the aid package",
    "the front line", "the security guarantees", "the reconstruction fund", "the drone attacks",
    "the prisoner exchange", "the mission", "European peacekeepers", "the talks in Istanbul",
)
PREDICATES = (
    "would hold until", "could collapse before", "must be extended beyond", "was agreed on",
    "will be discussed at", "had failed because of", "depends entirely on", "is not possible without",
    "should be reviewed after", "would cost more than", "was a direct response to", "cannot succeed without",
)
OBJECTS = (
    "the next summit", "winter", "new elections", "a new round of talks", "international monitoring",
    "the withdrawal of troops", "the spring", "a UN resolution", "the deployment of peacekeepers",
    "further military aid", "the end of the year", "guarantees from Washington", "the Black Sea deal",
    "the energy crisis", "the Kremlin's demands", "the G7 meeting",
)
QUANTITIES = (
    ("200,000 troops", 200000, "troops"), ("$50 billion", 50e9, "USD"), ("30 days", 30, "days"),
    ("about 100 drones", 100, "drones"), ("15 percent", 15, "percent"), ("5,000 peacekeepers", 5000, "peacekeepers"),
    ("two million people", 2e6, "people"), ("€1.5 billion", 1.5e9, "EUR"),
)
KINDS = (("indirect", 50), ("direct", 30), ("according_to", 10), ("mixed", 5), ("headline", 5))
TOPICS = ("Ukraine", "Russia", "NATO", "sanctions", "energy", "peace talks", "the EU", "the Middle East")
START, DAYS = date(2023, 1, 1), 3 * 365
INGESTED_AT = datetime(2026, 1, 1, 12, 0, 0)

CHUNK = 50_000


def make_actors(rng: random.Random, count: int) -> list[dict]:
    """Actors with unique names: 80% persons, then organisations, bodies, media, anonymous."""
    countries = list(PEOPLE)
    weights = [PEOPLE[c][0] for c in countries]
    actors, seen = [], set()

    def add(name, type_, role, country):
        if name_key(name) in seen:
            return
        seen.add(name_key(name))
        actors.append(dict(id=len(actors) + 1, name=name, name_key=name_key(name), type=type_,
                           role=role, country=country, user_edited=False))

    fixed = [(b, "organization", None, None) for b in BODIES] + [(m, "media", None, None) for m in MEDIA]
    fixed += [(a, "anonymous", None, None) for a in ANONYMOUS]
    fixed += [(COUNTRY_NAMES[c], "country", None, c) for c in countries if c != "EU"]
    fixed += [(f"{COUNTRY_NAMES[c]}'s {o}", "organization", None, c)
              for c in countries if c != "EU" for o in ORGANIZATIONS]
    for name, type_, role, country in fixed:
        add(name, type_, role, country)
    attempts = 0
    while len(actors) < count:
        attempts += 1
        country = rng.choices(countries, weights)[0]
        first, last = PEOPLE[country][1].split(), PEOPLE[country][2].split()
        # Middle initials and second surnames make 10,000 distinct names from short lists.
        name = f"{rng.choice(first)} {rng.choice('ABCDEFGHIJKLMNOPRSTVW')}. {rng.choice(last)}"
        if attempts % 3 == 0:
            name = f"{rng.choice(first)} {rng.choice(last)}-{rng.choice(last)}"
        add(name, "person", rng.choice(ROLES), country)
    return actors[:count]


def make_aliases(actors: list[dict]) -> list[dict]:
    """The canonical name of every actor, and a person's surname as ingest records it."""
    aliases = []
    for actor in actors:
        forms = [actor["name"]]
        if actor["type"] == "person":
            forms.append(actor["name"].split()[-1])
        for form in forms:
            key = name_key(form)
            aliases.append(dict(id=len(aliases) + 1, actor_id=actor["id"], alias=form, alias_key=key,
                                fold_key=fold_key(key)))
    return aliases


def statement_date(rng: random.Random, published: date) -> PartialDate | None:
    roll = rng.random()
    day = published - timedelta(days=rng.randrange(0, 4))
    if roll < 0.55:
        return PartialDate(day.year, day.month, day.day, "day")
    if roll < 0.65:
        return PartialDate(day.year, day.month, None, "month")
    if roll < 0.70:
        return PartialDate(day.year, None, None, "year")
    if roll < 0.75:
        return PartialDate(None, day.month, day.day, "day")
    return None


def make_document(rng: random.Random, doc_id: int, first_claim_id: int, claims_here: int,
                  actors: list[dict], cum_weights: list[float]) -> tuple[dict, list[dict], list[dict]]:
    """One document: a headline, then one sentence per claim, with offsets into its text."""
    published = START + timedelta(days=rng.randrange(DAYS)) if rng.random() < 0.95 else None
    outlet = rng.choice(MEDIA)
    topic = rng.choice(TOPICS)
    title = f"{rng.choice(SUBJECTS).capitalize()} and {topic}: what was said"
    parts = [title, "\n\n"]
    length = len(title) + 2
    kinds, kind_weights = zip(*KINDS)
    claims, quantities = [], []
    for n in range(claims_here):
        actor = rng.choices(actors, cum_weights=cum_weights)[0]
        mention = actor["name"] if actor["type"] != "person" or rng.random() < 0.6 else actor["name"].split()[-1]
        if actor["role"] and actor["type"] == "person" and rng.random() < 0.3:
            mention = f"{actor['role'][0].upper()}{actor['role'][1:]} {mention}"
        statement = f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)} {rng.choice(OBJECTS)}"
        quantity = rng.choice(QUANTITIES) if rng.random() < 0.12 else None
        if quantity:
            statement += f", with {quantity[0]}"
        kind = rng.choices(kinds, kind_weights)[0]
        cue = rng.choice(CUES)
        if kind == "direct":
            statement = statement[0].upper() + statement[1:]
            sentence = [("“", None), (statement, "text"), (",” ", None), (mention, "speaker"), (" ", None), (cue, "cue"), (". ", None)]
        elif kind == "according_to":
            cue = "according to"
            sentence = [(statement[0].upper() + statement[1:], "text"), (", ", None), (cue, "cue"), (" ", None), (mention, "speaker"), (". ", None)]
            statement = statement[0].upper() + statement[1:]
        else:
            sentence = [(mention, "speaker"), (" ", None), (cue, "cue"), (" that ", None), (statement, "text"), (". ", None)]
        spans = {}
        for piece, role in sentence:
            if role:
                spans[role] = (length, length + len(piece))
            parts.append(piece)
            length += len(piece)
        stated = statement_date(rng, published or START)
        claim_id = first_claim_id + n
        claims.append(dict(
            id=claim_id, document_id=doc_id, actor_id=actor["id"], speaker_mention=mention,
            speaker_start=spans["speaker"][0], speaker_end=spans["speaker"][1],
            cue=cue, cue_start=spans["cue"][0], cue_end=spans["cue"][1], kind=kind,
            text=statement, text_start=spans["text"][0], text_end=spans["text"][1],
            stated_on=stated.iso() if stated else None,
            date_precision=stated.precision if stated else None,
            date_key=date_key(stated, published),
            confidence=round(rng.uniform(0.3, 0.95), 2),
            via=outlet if kind == "according_to" and rng.random() < 0.3 else None,
            extractor_version=get_extractor().version,
        ))
        if quantity:
            start = spans["text"][0] + statement.index(quantity[0])
            quantities.append(dict(claim_id=claim_id, value=quantity[1], max=None, unit=quantity[2],
                                   text=quantity[0], start=start, end=start + len(quantity[0])))
        if n % 4 == 3:
            parts.append("\n\n")
            length += 2
    text = "".join(parts)
    document = dict(
        id=doc_id, path=f"synth/{(published or START):%Y/%m}/{doc_id:06d}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(), title=title, outlet=outlet,
        published_on=published, published_method="meta" if published else None, encoding="utf-8",
        media_type="text", text=text, extractor_version=get_extractor().version, ingested_at=INGESTED_AT,
    )
    return document, claims, quantities


def claims_per_document(rng: random.Random, claims: int, documents: int) -> list[int]:
    """How many claims each document gets: between 1 and about twice the mean, summing to ``claims``."""
    counts = [1] * documents
    for _ in range(claims - documents):
        counts[rng.randrange(documents)] += 1
    return counts


def synthesise(url: str, *, claims: int, actors: int, documents: int, seed: int) -> None:
    from sqlalchemy import func, insert, select, text

    from claimsdb.models import Actor, ActorAlias, Claim, Document, Quantity

    rng = random.Random(seed)
    engine = open_engine(url)
    with engine.connect() as connection:
        if connection.scalar(select(func.count()).select_from(Document)):
            raise SystemExit(f"{url} already holds documents: synth.py fills a new database")
    actor_rows = make_actors(rng, actors)
    # A few actors are quoted far more than the rest, as in the news.
    weights = [1 / (rank + 10) for rank in range(len(actor_rows))]
    rng.shuffle(weights)
    cum_weights = list(itertools.accumulate(weights))
    counts = claims_per_document(rng, claims, documents)
    started = time.perf_counter()
    with writing(engine).begin() as connection:
        connection.execute(insert(Actor), actor_rows)
        connection.execute(insert(ActorAlias), make_aliases(actor_rows))
    doc_batch, claim_batch, quantity_batch = [], [], []
    claim_id = 1

    def flush() -> None:
        with writing(engine).begin() as connection:
            connection.execute(insert(Document), doc_batch)
            # RETURNING makes SQLAlchemy send many rows per INSERT statement: SQLite's FTS5
            # flushes its pending index at each statement, so row-by-row inserts are 10x slower.
            connection.execute(insert(Claim).returning(Claim.id), claim_batch).all()
            if quantity_batch:
                connection.execute(insert(Quantity), quantity_batch)
        doc_batch.clear(), claim_batch.clear(), quantity_batch.clear()

    for doc_id, here in enumerate(counts, 1):
        document, claim_rows, quantity_rows = make_document(rng, doc_id, claim_id, here, actor_rows, cum_weights)
        claim_id += here
        doc_batch.append(document)
        claim_batch.extend(claim_rows)
        quantity_batch.extend(quantity_rows)
        if len(claim_batch) >= CHUNK:
            flush()
            print(f"\r{claim_id - 1:,} claims", end="", file=sys.stderr, flush=True)
    if doc_batch:
        flush()
    with writing(engine).begin() as connection:
        if engine.dialect.name == "postgresql":
            # Explicit ids do not advance the sequences: later ingests must not reuse them.
            for table in ("documents", "actors", "actor_aliases", "claims", "quantities"):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                ))
            connection.execute(text("ANALYZE"))
    engine.dispose()
    print(f"\r{claims:,} claims, {len(actor_rows):,} actors, {documents:,} documents written to {url} "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--documents", type=int, help="default: claims / 10")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", required=True, help="a new SQLite file or an SQLAlchemy URL of an empty database")
    args = parser.parse_args(argv)
    documents = args.documents or max(1, args.claims // 10)
    if documents > args.claims:
        parser.error("--documents cannot exceed --claims: every document has a claim")
    synthesise(args.db, claims=args.claims, actors=args.actors, documents=documents, seed=args.seed)


if __name__ == "__main__":
    main()
