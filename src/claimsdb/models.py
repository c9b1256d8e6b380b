"""The database schema as SQLAlchemy models.

The schema itself is created only by the Alembic migrations in ``claimsdb.migrations``; these
models describe it for queries and for the test that checks migrations and models agree.

Offsets (``*_start``/``*_end``) are Python ``str`` indices into ``documents.text``, so
``document.text[claim.text_start:claim.text_end] == claim.text`` for every stored claim.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.sql.expression import false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from claimsdb.records import ACTOR_TYPES, CLAIM_KINDS, MODALITIES, POLARITIES, PRECISIONS

# Named constraints let Alembic's batch mode (SQLite) find and alter them later; unnamed ones
# get database-chosen names that a migration cannot refer to.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Full-text search objects made by the migrations for one dialect only (SQLite FTS5 table and
# its shadow tables, PostgreSQL GIN index). They are not models, so schema comparison skips them.
FTS_TABLE = "claims_fts"
FTS_PG_INDEX = "ix_claims_text_tsv"
# A view made by migration 0004 (one row per claim with speaker, date, outlet, document;
# 0005 adds its position, 0007 its target).
CLAIM_ROWS_VIEW = "claim_rows"


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic ``include_name`` hook: leave the full-text search objects out of comparisons."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FTS_TABLE)
    if type_ == "index":
        return name != FTS_PG_INDEX
    return True


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    """One ingested article, keyed by the SHA-256 of its content."""

    __tablename__ = "documents"
    # Ids are never reused (AUTOINCREMENT), so a claim or document id a user noted down keeps
    # meaning the same thing after --force replaces a document's claims.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The path exactly as given to ``claims ingest`` (``-`` for stdin).
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date)
    published_method: Mapped[str | None] = mapped_column(String(16))
    encoding: Mapped[str] = mapped_column(String(32))
    media_type: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    # The page's address: fetched from it, or as a record of a JSON Lines or CSV file gives it.
    url: Mapped[str | None] = mapped_column(Text, index=True)
    # As the record or page states it ("en", "de"); claimsdb does not guess it.
    language: Mapped[str | None] = mapped_column(String(16))
    extractor_version: Mapped[str] = mapped_column(String(32))
    # UTC, without time zone: SQLite has no time zone type.
    ingested_at: Mapped[datetime] = mapped_column(DateTime)


class DocumentPath(Base):
    """Another path the content of a document was ingested from (the document keeps its first)."""

    __tablename__ = "document_paths"
    __table_args__ = (UniqueConstraint("document_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)


class Actor(Base):
    """A canonical speaker: one row per real person, organisation, country... across documents."""

    __tablename__ = "actors"
    __table_args__ = (
        CheckConstraint(_one_of("type", ACTOR_TYPES), name="type"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    # Lower case, accents and punctuation removed: see claimsdb.resolve.actors.name_key.
    name_key: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String(16))
    role: Mapped[str | None] = mapped_column(Text)
    # ISO 3166 alpha-2, or EU / UN / NATO / OSCE.
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    # Set by registry commands; ingest never overwrites what a user decided.
    user_edited: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The actor's claims, kept by triggers on claims (migration 0008): `claims actors` and
    # `claims stats` then read no claim.
    claims: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ActorAlias(Base):
    """A surface form under which an actor was seen (the canonical name is one of them)."""

    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("alias_key", "actor_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    alias_key: Mapped[str] = mapped_column(Text)
    # alias_key with transliteration variants folded (Zelenskiy, Zelenskyy → zelensky).
    fold_key: Mapped[str] = mapped_column(Text, index=True)


class Claim(Base):
    """One attributed statement, with offsets into its document's text."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(_one_of("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(_one_of("date_precision", PRECISIONS), name="date_precision"),
        CheckConstraint(_one_of("polarity", POLARITIES), name="polarity"),
        CheckConstraint(_one_of("modality", MODALITIES), name="modality"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    # Indexed by ix_claims_actor_id_date_key below.
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"))
    speaker_mention: Mapped[str] = mapped_column(Text)
    speaker_start: Mapped[int] = mapped_column(Integer)
    speaker_end: Mapped[int] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(Text)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    text: Mapped[str] = mapped_column(Text)
    text_start: Mapped[int] = mapped_column(Integer)
    text_end: Mapped[int] = mapped_column(Integer)
    # As the article gives it: 2025-03-16, 2025-03, 2025 or XXXX-03-16.
    stated_on: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    # ISO day that --since/--until compare: the first day of the statement date when its year is
    # known, else the document's publication date; NULL when neither is known.
    date_key: Mapped[str | None] = mapped_column(String(10), index=True)
    confidence: Mapped[float] = mapped_column(Float)
    # The media outlet that relays the claim ("..., according to Politico").
    via: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(32))
    # The speaker was set by the user (`claims reassign`), not found by the extractor.
    speaker_edited: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The construction that found the claim ("said-that", "according-to"); NULL for claims
    # stored before rules were recorded.
    rule: Mapped[str | None] = mapped_column(String(32))
    # The position the claim takes (claimsdb.resolve.positions).
    polarity: Mapped[str] = mapped_column(String(8), server_default="positive")
    modality: Mapped[str] = mapped_column(String(12), server_default="assert")
    # The id of the first claim of the same statement reported elsewhere (the same speaker,
    # quotation or near-identical words, within a few days); its own id when none.
    statement_group: Mapped[int | None] = mapped_column(Integer, index=True)
    # Whom or what the stance is aimed at ("accused Denmark of ...": Denmark), as the text gives
    # it, with its offsets into the document's text; NULL when the construction names none.
    target: Mapped[str | None] = mapped_column(Text)
    target_start: Mapped[int | None] = mapped_column(Integer)
    target_end: Mapped[int | None] = mapped_column(Integer)
    # The speaker's country and role as this claim's own article gives them, set only where
    # they differ from the actor's (one country and role for every article): "European Council
    # President Donald Tusk" in one article, "Polish Prime Minister Donald Tusk" in another.
    # NULL (most claims): the actor's. Exports and --country read COALESCE(claim's, actor's).
    speaker_country: Mapped[str | None] = mapped_column(String(8))
    speaker_role: Mapped[str | None] = mapped_column(Text)


class Quantity(Base):
    """A number stated in a claim (``max`` set for ranges)."""

    __tablename__ = "quantities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    value: Mapped[float] = mapped_column(Float)
    max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class ActorRedirect(Base):
    """A name that means an actor although ingest would not match it there by type: the names
    of an actor merged into one of another type (a spokesman into the Kremlin), and an
    actor's names under the type it had before a user changed it. ``type`` is the speaker
    type the name is redirected for (any type of the same group, see resolve.actors)."""

    __tablename__ = "actor_redirects"
    __table_args__ = (UniqueConstraint("fold_key", "type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fold_key: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)


class SpeakerFix(Base):
    """The speaker a user gave one claim (`claims reassign`), kept apart from the claims so
    that it outlives `ingest --force`, which replaces them: the claim is found again by its
    document and content span (its speaker span tells apart claims sharing one content)."""

    __tablename__ = "speaker_fixes"
    # Named: the conventional name would pass PostgreSQL's 63-character limit.
    __table_args__ = (
        UniqueConstraint("document_id", "text_start", "text_end", "speaker_start", "speaker_end",
                         name="uq_speaker_fixes_span"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    text_start: Mapped[int] = mapped_column(Integer)
    text_end: Mapped[int] = mapped_column(Integer)
    speaker_start: Mapped[int] = mapped_column(Integer)
    speaker_end: Mapped[int] = mapped_column(Integer)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)


class Topic(Base):
    """A subject named by the user and the words and phrases that mark a claim as about it."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    # The terms, one per line, as the user gave them.
    terms: Mapped[str] = mapped_column(Text)


class ClaimTopic(Base):
    """A claim tagged with a topic: one of the topic's terms occurs in its text."""

    __tablename__ = "claim_topics"

    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ClaimTotal(Base):
    """A running total over all claims, kept by triggers on claims (migration 0008): "kind:X"
    the claims of kind X, "documents" the documents with at least one claim."""

    __tablename__ = "claim_totals"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


# Claims of one actor in date order is the commonest question ("what did X say since March").
Index("ix_claims_actor_id_date_key", Claim.actor_id, Claim.date_key)
# The documents an actor was quoted in, counted from the index alone (an ambiguous surname at
# ingest, see claimsdb.resolve.actors).
Index("ix_claims_actor_id_document_id", Claim.actor_id, Claim.document_id)
# The few claims whose article gives the speaker another country than the actor's: the
# --country filter reads them from here (partial, so the NULLs of most claims cost nothing;
# migration 0010 makes it partial on PostgreSQL too: naming postgresql_where here would
# import SQLAlchemy's PostgreSQL dialect in every command, 19 modules).
Index("ix_claims_speaker_country", Claim.speaker_country, sqlite_where=Claim.speaker_country.isnot(None))
