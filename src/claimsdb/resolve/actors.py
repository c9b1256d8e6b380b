"""The actor registry: one canonical actor per real speaker across the whole database.

A speaker found in an article (``Speaker``: its best name in that article, type, role, country,
other surface forms) is matched to an existing actor by name keys that ignore case, accents,
punctuation and common transliteration variants, so "Zelensky", "Zelenskyy" and "Zelenskiy"
meet. A person mentioned by surname only ("Blair") joins, in this order of preference: the one
person with that surname among the document's other speakers; an actor a user edited that has
the surname as an alias; the one person on record whose fuller name ends that way, or the one
quoted in several times more documents than any other such person. When none of these decides,
it stays apart rather than guess. The actor's name is the fullest form seen; role and country
learned from any mention fill blanks, and an actor a user edited is never changed by ingest.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, distinct, event, func, select, update

from claimsdb.db import insert_tuples, insert_tuples_returning_ids, insert_tuples_with_ids
from claimsdb.extract.lexicon import first_names, title_words, word_set
from claimsdb.extract.speakers import ORG_WORDS, media_head_words
from claimsdb.models import Actor, ActorAlias, ActorRedirect, Claim
# Name keys live apart so that queries can use them without this module's database layer.
from claimsdb.resolve.names import fold_key, lookup_key, name_key  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claimsdb.records import Speaker

# Actor types that may be one actor: the extractor can call Reuters "media" in one article and
# "organization" in another, but a person is never a country.
TYPE_GROUPS = {
    "person": "person",
    "country": "country",
    "organization": "body",
    "media": "body",
    "group": "body",
    "anonymous": "anonymous",
}

# Name given to a speaker the extractor could not name at all.
UNKNOWN_SPEAKER = "unknown"

# A surname-only mention joins the most quoted person with that surname when that person was
# quoted in at least DOMINANT_MIN_DOCUMENTS documents and DOMINANT_RATIO times as many as the
# next: "Blair" is Tony Blair in a database full of him, even with a Cherie Blair quoted once.
DOMINANT_RATIO = 3
DOMINANT_MIN_DOCUMENTS = 3


@lru_cache(maxsize=1)
def _generic_body_words() -> frozenset[str]:
    return word_set("generic_body_words.txt")


@lru_cache(maxsize=4096)
def generic_body_name(name: str) -> bool:
    """Whether a body's name is made only of words every country's body of its kind has
    ("Ministry of Foreign Affairs", "Interior Ministry", "the Presidency"; data/generic_body_words.txt)."""
    words = re.findall(r"[^\W\d_][\w'’]*", name.lower().replace("’", "'"))
    return bool(words) and all(w in _generic_body_words() for w in words)


def _generic_body(speaker_type: str, name: str) -> bool:
    """Whether a speaker of ``speaker_type`` named ``name`` is a body with a generic name."""
    return TYPE_GROUPS.get(speaker_type) == "body" and generic_body_name(name)


def _surname(fold: str) -> str:
    return fold.rsplit(" ", 1)[-1]


def _is_word_suffix(short: str, full: str) -> bool:
    """Whether ``short`` is the last words of ``full``, and ``full`` has more words."""
    return full.endswith(" " + short)


def _same_gender(actor: "_KnownActor", gender: str | None) -> bool:
    """False only when the speaker's gender and the one the actor's given name tells differ."""
    if gender is None or actor.type != "person" or " " not in actor.name:
        return True
    told = first_names().get(actor.name.split()[0].lower())
    return not told or told == gender


@lru_cache(maxsize=4096)
def _body_word(word: str) -> bool:
    """A word that ends bodies' and outlets' names ("News", "Bank", "Party"): a person mention
    that is only this word, or ends with it, was most likely a body misread, and joining other
    "persons" by it would merge The News of the World with Arab News."""
    return word in ORG_WORDS or word in media_head_words()


@lru_cache(maxsize=1 << 16)
def _fullness(name: str) -> tuple[int, int]:
    return len(name.split()), len(name)


@dataclass(frozen=True, slots=True)
class _Form:
    """One surface form of a speaker's name with its keys."""

    text: str
    key: str
    fold: str


def _surface_forms(speaker: Speaker) -> list[_Form]:
    forms: dict[str, _Form] = {}
    for text in (speaker.name, *speaker.aliases):
        form = _form(text or "")
        if form.key and form.key not in forms:
            forms[form.key] = form
    return list(forms.values())


@lru_cache(maxsize=1 << 16)
def _form(text: str) -> _Form:
    """``text`` with its spaces normalised, and its keys (an empty key for no name)."""
    text = " ".join(text.split())
    key = name_key(text)
    return _Form(text, key, fold_key(key))


@dataclass(eq=False, slots=True)
class _KnownActor:
    """What the registry knows of an actor (a plain copy, not an ORM object); ``id`` is None
    until :meth:`ActorRegistry.write` inserts a new actor."""

    id: int | None
    name: str
    name_key: str
    type: str
    role: str | None
    country: str | None
    user_edited: bool

    def values(self) -> dict:
        return dict(name=self.name, name_key=self.name_key, type=self.type, role=self.role,
                    country=self.country, user_edited=self.user_edited)

    def row(self) -> tuple:
        """:meth:`values` in the order of _ACTOR_FIELDS."""
        return self.name, self.name_key, self.type, self.role, self.country, self.user_edited


class ActorRegistry:
    """In-memory index of the actors in a session's database, so resolving a speaker costs no
    query.

    Built once per session (see :func:`registry_for`) from every actor and alias and kept
    current as actors are created; dropped when the session rolls back, since actors created
    in the rolled-back transaction are gone. New actors, new aliases and filled-in blanks are
    held until :meth:`write`, which sends each kind as one batched Core statement: one
    statement (let alone an ORM flush) per alias would cost more than everything else.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._by_fold: dict[str, set[_KnownActor]] = defaultdict(set)
        # Persons by the last word of each of their names, for surname-only mentions.
        self._by_surname: dict[str, set[_KnownActor]] = defaultdict(set)
        self._folds: dict[_KnownActor, set[str]] = defaultdict(set)
        self._alias_keys: dict[_KnownActor, set[str]] = defaultdict(set)
        self._new: list[_KnownActor] = []
        self._changed: set[_KnownActor] = set()
        self._new_aliases: list[tuple[_KnownActor, _Form]] = []
        # Documents each actor was quoted in, as stored when an ambiguous surname first needed
        # the actor's count (see _document_counts), and the documents resolved since that are
        # not stored yet (count_documents; folded in by write).
        self._documents: dict[_KnownActor, int] = {}
        self._unstored_documents: dict[_KnownActor, int] = defaultdict(int)
        connection = session.connection()
        self._by_id: dict[int, _KnownActor] = {}
        for row in connection.execute(select(*_ACTOR_COLUMNS)):
            actor = self._by_id[row.id] = _KnownActor(*row)
            self._index(actor, fold_key(actor.name_key))
        aliases = connection.execute(select(ActorAlias.actor_id, ActorAlias.alias_key, ActorAlias.fold_key))
        for actor_id, alias_key, fold in aliases:
            self._alias_keys[self._by_id[actor_id]].add(alias_key)
            self._index(self._by_id[actor_id], fold)
        # (name fold, type group) -> actor, from users' merges and type changes.
        self._redirects: dict[tuple[str, str], _KnownActor] = {
            (fold, TYPE_GROUPS.get(actor_type)): self._by_id[actor_id]
            for fold, actor_type, actor_id in connection.execute(
                select(ActorRedirect.fold_key, ActorRedirect.type, ActorRedirect.actor_id)
            )
        }

    def catch_up(self, *, actors_after: int, aliases_after: int, claims_after: int,
                 actors_total: int | None = None) -> bool:
        """Learn what other writers committed since this registry last wrote: the actors
        and aliases they added (ids above ``actors_after`` and ``aliases_after``), and the
        current names, roles and countries of the actors they quoted (claims above
        ``claims_after``), whose blanks they may have filled. Far cheaper than building the
        registry again, which concurrent ingests would otherwise do at every batch, holding
        the write lock. Returns False when that is not enough: actors were removed, merged or
        redirected meanwhile, and the registry must be built again. ``actors_total``, the
        number of actors stored, if the caller read it in this transaction (saves a query).

        Two statements, since each runs while the write lock is held and other writers wait
        for each round trip: the actors with the documents the new claims quote them in,
        then the aliases."""
        connection = self.session.connection()
        for row in connection.execute(_CAUGHT_UP_ACTORS, {"actors_after": actors_after, "claims_after": claims_after}):
            actor = self._by_id.get(row.id)
            if actor is None:
                actor = self._by_id[row.id] = _KnownActor(*row[:-1])
            else:
                actor.name, actor.name_key, actor.role, actor.country, actor.user_edited = (
                    row.name, row.name_key, row.role, row.country, row.user_edited)
            self._index(actor, fold_key(actor.name_key))
            # Only an actor whose stored count was read (see _document_counts) is kept up to
            # date: any other is counted in full, from the database, when first needed.
            if row.documents and actor in self._documents:
                self._documents[actor] += row.documents
        aliases = connection.execute(
            select(ActorAlias.actor_id, ActorAlias.alias_key, ActorAlias.fold_key).where(ActorAlias.id > aliases_after)
        )
        for actor_id, alias_key, fold in aliases:
            if actor_id not in self._by_id:
                return False
            self._alias_keys[self._by_id[actor_id]].add(alias_key)
            self._index(self._by_id[actor_id], fold)
        if actors_total is None:
            actors_total = connection.execute(select(func.count()).select_from(_ACTORS)).scalar()
        return actors_total == len(self._by_id)

    def _index(self, actor: _KnownActor, fold: str) -> None:
        self._by_fold[fold].add(actor)
        self._folds[actor].add(fold)
        if actor.type == "person":
            self._by_surname[_surname(fold)].add(actor)

    def resolve(self, speaker: Speaker, context: Set[_KnownActor] = frozenset()) -> _KnownActor:
        """The canonical actor for ``speaker``, created if no actor matches. ``context``: the
        actors of the same document's other speakers, which settle a surname-only mention.
        Call :meth:`write` before using the id of an actor it created."""
        forms = _surface_forms(speaker)
        speaker_type = speaker.type
        if not forms:
            forms = [_Form(UNKNOWN_SPEAKER, UNKNOWN_SPEAKER, UNKNOWN_SPEAKER)]
            speaker_type = "anonymous"
        actor = self._match(forms, speaker_type, speaker.country, context, speaker.gender)
        if actor is None:
            best = max(forms, key=lambda f: _fullness(f.text))
            # (a generic body is created with the country it was looked for by, as it keeps it)
            country = speaker.country if _generic_body(speaker_type, best.text) else None
            actor = _KnownActor(None, best.text, best.key, speaker_type, None, country, False)
            self._new.append(actor)
        self._learn(actor, forms, speaker)
        return actor

    def unwritten(self) -> tuple[int, int]:
        """How many new actors and new aliases :meth:`write` will insert."""
        return len(self._new), len(self._new_aliases)

    def write(self, actor_ids: list[int] | None = None, alias_ids: list[int] | None = None) -> None:
        """Insert the new actors and aliases and update the changed actors. ``actor_ids``
        and ``alias_ids``, if given, are the ids to insert them with (see claimsdb.db.draw_ids:
        as many as :meth:`unwritten` says), drawn with the other ids the caller needs."""
        connection = self.session.connection()
        if self._new:
            values = [actor.row() for actor in self._new]
            if actor_ids is None:
                actor_ids = insert_tuples_returning_ids(connection, _ACTORS, _ACTOR_FIELDS, values)
            else:
                insert_tuples_with_ids(connection, _ACTORS, _ACTOR_FIELDS, values, actor_ids)
            for actor, actor_id in zip(self._new, actor_ids, strict=True):
                actor.id = actor_id
                self._by_id[actor_id] = actor
        if self._changed:
            connection.execute(
                _UPDATE_ACTOR, [dict(actor.values(), actor_id=actor.id) for actor in self._changed]
            )
        if self._new_aliases:
            aliases = [(actor.id, form.text, form.key, form.fold) for actor, form in self._new_aliases]
            if alias_ids is None:
                insert_tuples(connection, _ALIASES, _ALIAS_FIELDS, aliases)
            else:
                insert_tuples_with_ids(connection, _ALIASES, _ALIAS_FIELDS, aliases, alias_ids)
        self._new, self._changed, self._new_aliases = [], set(), []
        # The claims of the documents just resolved are stored next, in this transaction: a
        # count read from the database from now on includes them.
        for actor, count in self._unstored_documents.items():
            if actor in self._documents:
                self._documents[actor] += count
        self._unstored_documents.clear()

    def _named_fully(self, fold: str, speaker_type: str) -> list[_KnownActor]:
        """Actors of a type compatible with ``speaker_type`` with a name whose key is ``fold``,
        not counting surname-only aliases."""
        group = TYPE_GROUPS.get(speaker_type)
        return [
            actor for actor in self._by_fold.get(fold, ())
            if TYPE_GROUPS.get(actor.type) == group
            # Every alias of an actor a user edited counts as its name: a surname they left
            # or merged into it ("Blair" into Tony Blair) is theirs to decide.
            and (actor.user_edited or fold_key(actor.name_key) == fold
                 or not any(_is_word_suffix(fold, other) for other in self._folds[actor]))
        ]

    def _match(
        self, forms: list[_Form], speaker_type: str, country: str | None, context: Set[_KnownActor],
        gender: str | None = None,
    ) -> _KnownActor | None:
        # A surname the article also used ("Blair" for "Cherie Blair") says nothing the full
        # name does not, and could point at another Blair: only the fullest name and names
        # that are not part of it ("UN" beside "United Nations") are matched.
        primary = max(forms, key=lambda f: _fullness(f.text))
        names = [f for f in forms if not _is_word_suffix(f.fold, primary.fold)]
        if self._redirects:
            # A user's merge or type change decides before any rule: the spokesman merged
            # into the Kremlin stays the Kremlin although he is a person and it is not.
            group = TYPE_GROUPS.get(speaker_type)
            for form in names:
                redirected = self._redirects.get((form.fold, group))
                if redirected is not None:
                    return redirected
        if TYPE_GROUPS.get(speaker_type) == "body" and " " not in primary.fold:
            self._retype_one_word_persons(primary.fold, speaker_type)
        exact = [actor for f in names for actor in self._named_fully(f.fold, speaker_type)]
        if _generic_body(speaker_type, primary.text):
            # "Ministry of Foreign Affairs": every country has one; only the one of the same
            # country, or with none when no article placed it, or the one this article's other
            # mentions already are (rule generic-body)
            exact = [actor for actor in exact if actor.user_edited or actor.country == country or actor in context]

        def preferred(actors: list[_KnownActor]) -> _KnownActor:
            # Several actors with one name (two John Smiths): prefer the one a user edited,
            # the same type, then the same country, then the oldest (actors not yet written last).
            return min(
                actors,
                key=lambda a: (
                    not a.user_edited,
                    a.type != speaker_type,
                    bool(country) and a.country != country,
                    a.id is None,
                    a.id or 0,
                ),
            )

        if speaker_type == "person" and " " not in primary.fold and not _body_word(primary.fold):
            surname = self._match_surname(primary, country, context, [a for a in exact if a.user_edited], gender)
            if surname is not None:
                return surname
        if speaker_type == "person" and " " not in primary.fold and gender is None:
            # "Vik said" read as a person in one article, the body Vik on record, and no person
            # the word may be the surname of: the body (no given name or honorific said a person)
            bodies = [a for a in self._named_fully(primary.fold, "organization") if " " not in a.name.strip()]
            if bodies and not any(_surname(fold_key(a.name_key)) == primary.fold for a in self._by_surname.get(primary.fold, ())
                                  if " " in a.name):
                return preferred(bodies)
        if exact:
            return preferred(exact)
        if speaker_type == "person":
            return self._match_partial_name([f for f in names if not _body_word(_surname(f.fold))], country, gender)
        return None

    def _retype_one_word_persons(self, fold: str, speaker_type: str) -> None:
        """A body named by one word: an actor typed person by only that word (no other name, no
        known given name, not edited by a user) was the body read as a person in another article;
        it becomes that body's type, with no person's role."""
        for actor in list(self._by_fold.get(fold, ())):
            if actor.type != "person" or actor.user_edited or self._folds[actor] != {fold} \
                    or first_names().get(actor.name.lower()) is not None:
                continue
            actor.type, actor.role = speaker_type, None
            self._by_surname[_surname(fold)].discard(actor)
            if actor.id is not None:
                self._changed.add(actor)

    def _persons_named_more_fully(self, form: _Form, country: str | None, gender: str | None) -> list[_KnownActor]:
        """Persons with a name that ends with ``form`` and has more words, of a compatible
        country and gender."""
        return [
            actor
            for actor in self._by_surname.get(_surname(form.fold), ())
            if not (country and actor.country and actor.country != country)
            and _same_gender(actor, gender)
            and any(_is_word_suffix(form.fold, f) for f in self._folds[actor])
        ]

    def _match_surname(
        self, form: _Form, country: str | None, context: Set[_KnownActor], edited: list[_KnownActor],
        gender: str | None = None,
    ) -> _KnownActor | None:
        """The person a one-word name ("Blair") means, when something settles it.

        In order: the one such person among the document's other speakers (whatever country
        each mention was given); an actor a user
        edited with this name as an alias; the only person on record named more fully this way;
        the clearly dominant one (see DOMINANT_RATIO). None leaves it to exact matching, so a
        bare "Blair" actor from earlier ambiguous mentions gathers the later ones.
        """
        # The article's own fuller name decides even when the countries read for the two
        # mentions differ ("Sir Alex Ferguson ... Ferguson said", one of them given a country
        # by a word nearby): within one article the surname means the person it named.
        in_document = [actor for actor in self._persons_named_more_fully(form, None, gender) if actor in context]
        if len(in_document) == 1:
            return in_document[0]
        fuller = self._persons_named_more_fully(form, country, gender)
        if edited:
            return min(edited, key=lambda a: (a.id is None, a.id or 0))
        if len(fuller) == 1:
            return fuller[0]
        if len(fuller) > 1:
            return self._dominant(fuller)
        return None

    def _dominant(self, candidates: list[_KnownActor]) -> _KnownActor | None:
        counts = self._document_counts(candidates)
        ranked = sorted(candidates, key=counts.__getitem__, reverse=True)
        top, runner_up = counts[ranked[0]], counts[ranked[1]]
        if top >= DOMINANT_MIN_DOCUMENTS and top >= DOMINANT_RATIO * runner_up:
            return ranked[0]
        return None

    def _document_counts(self, actors: list[_KnownActor]) -> dict[_KnownActor, int]:
        """The number of documents each of ``actors`` was quoted in, stored or resolved."""
        unknown = [actor for actor in actors if actor not in self._documents]
        stored = [actor.id for actor in unknown if actor.id is not None]
        if stored:
            # Only the candidates' claims, from the (actor_id, document_id) index: a count of
            # every actor's documents would read every claim, the more the larger the database.
            rows = self.session.connection().execute(_DOCUMENT_COUNTS, {"actor_ids": stored})
            self._documents.update((self._by_id[actor_id], count) for actor_id, count in rows)
        for actor in unknown:
            self._documents.setdefault(actor, 0)
        return {actor: self._documents[actor] + self._unstored_documents.get(actor, 0) for actor in actors}

    def count_documents(self, actors: Iterable[_KnownActor]) -> None:
        """Note that ``actors`` were quoted in one more document, not stored yet."""
        for actor in actors:
            self._unstored_documents[actor] += 1

    def _match_partial_name(self, names: list[_Form], country: str | None, gender: str | None = None) -> _KnownActor | None:
        """A person actor that one of ``names`` names only partly, or that names it partly.

        "Zelensky" joins "Volodymyr Zelenskyy", and "Volodymyr Zelenskyy" upgrades an actor
        seen so far only as "Zelensky", but only when exactly one person fits: with a Tony
        and a Cherie Blair on record and nothing to choose between them (see
        :meth:`_match_surname`), "Blair" stays its own actor.
        """
        for form in names:
            same_surname = [
                actor
                for actor in self._by_surname.get(_surname(form.fold), ())
                if not (country and actor.country and actor.country != country) and _same_gender(actor, gender)
            ]
            fuller = [
                a for a in same_surname if any(_is_word_suffix(form.fold, f) for f in self._folds[a])
            ]
            if len(fuller) == 1:
                return fuller[0]
            partial = [
                a for a in same_surname if all(_is_word_suffix(f, form.fold) for f in self._folds[a])
            ]
            if not fuller and len(partial) == 1 and len(same_surname) == 1:
                return partial[0]
        return None

    def place_associates(self, actor: _KnownActor, principal: str, in_document: Set[_KnownActor]) -> None:
        """Give ``actor``, described as the associates of ``principal`` ("Petrov's former
        colleagues"), the country on record for the one person of that surname the same
        document quotes, when that person has one and nothing else placed ``actor``."""
        if actor.user_edited:
            return
        surname = _surname(_form(principal).fold)
        countries = {a.country for a in in_document
                     if a.type == "person" and a is not actor and _surname(fold_key(a.name_key)) == surname}
        if len(countries) == 1 and None not in countries:
            actor.country = countries.pop()
            if actor.id is not None:
                self._changed.add(actor)

    def _learn(self, actor: _KnownActor, forms: list[_Form], speaker: Speaker) -> None:
        """Note new surface forms as aliases and fill the actor's blanks from ``speaker``."""
        if not actor.user_edited:
            before = actor.values()
            best = max(forms, key=lambda f: _fullness(f.text))
            # A fuller name replaces a shorter one ("Blair" -> "Tony Blair"), but words only
            # put in front of a full name are a headline's or a title's ("Rival Hillary Clinton").
            front_only = len(actor.name.split()) >= 2 and best.text.endswith(" " + actor.name)
            if _fullness(best.text) > _fullness(actor.name) and not front_only:
                actor.name, actor.name_key = best.text, best.key
            if TYPE_GROUPS.get(actor.type) == TYPE_GROUPS.get(speaker.type):
                actor.role = actor.role or speaker.role  # (a body read as a person has no role)
            if not (actor.country is None and generic_body_name(actor.name)):
                actor.country = actor.country or speaker.country  # (a generic body keeps the country it was matched by)
            if actor.id is not None and actor.values() != before:
                self._changed.add(actor)
        known = self._alias_keys[actor]
        for form in forms:
            if form.key not in known:
                known.add(form.key)
                self._new_aliases.append((actor, form))
                self._index(actor, form.fold)


_ACTORS = Actor.__table__
_ALIASES = ActorAlias.__table__
# The columns a new actor and a new alias are inserted with.
_ACTOR_FIELDS = ("name", "name_key", "type", "role", "country", "user_edited")
_ALIAS_FIELDS = ("actor_id", "alias", "alias_key", "fold_key")
_ACTOR_COLUMNS = (_ACTORS.c.id, _ACTORS.c.name, _ACTORS.c.name_key, _ACTORS.c.type, _ACTORS.c.role,
                  _ACTORS.c.country, _ACTORS.c.user_edited)
_UPDATE_ACTOR = (
    update(_ACTORS)
    .where(_ACTORS.c.id == bindparam("actor_id"))
    # The registry's copy may predate a user's edit made meanwhile by another process.
    .where(~_ACTORS.c.user_edited)
    .values({column: bindparam(column) for column in ("name", "name_key", "type", "role", "country")})
)
_DOCUMENT_COUNTS = (
    select(Claim.actor_id, func.count(distinct(Claim.document_id)))
    .where(Claim.actor_id.in_(bindparam("actor_ids", expanding=True)))
    .group_by(Claim.actor_id)
)
# The documents each actor was quoted in by the claims above claims_after, and the actors
# that catching up must read: those created after actors_after and those quoted since.
_QUOTED_SINCE = (
    select(Claim.actor_id, func.count(distinct(Claim.document_id)).label("documents"))
    .where(Claim.id > bindparam("claims_after")).group_by(Claim.actor_id).subquery()
)
_CAUGHT_UP_ACTORS = (
    select(*_ACTOR_COLUMNS, _QUOTED_SINCE.c.documents)
    .select_from(_ACTORS.outerjoin(_QUOTED_SINCE, _QUOTED_SINCE.c.actor_id == _ACTORS.c.id))
    .where((_ACTORS.c.id > bindparam("actors_after")) | _QUOTED_SINCE.c.actor_id.is_not(None))
    .order_by(_ACTORS.c.id)
)
_REGISTRY_KEY = "claimsdb.actor_registry"


def registry_for(session: Session) -> ActorRegistry:
    """The session's actor registry, built on first use and rebuilt after a rollback."""
    registry = session.info.get(_REGISTRY_KEY)
    if registry is None:
        registry = ActorRegistry(session)
        session.info[_REGISTRY_KEY] = registry
        if not event.contains(session, "after_soft_rollback", _forget_registry):
            event.listen(session, "after_soft_rollback", _forget_registry)
    return registry


def _forget_registry(session: Session, previous_transaction) -> None:
    session.info.pop(_REGISTRY_KEY, None)


def resolve_actor_ids(*, session: Session, speakers: Iterable[Speaker]) -> list[int]:
    """The id of the canonical actor of each of ``speakers``, found or created in ``session``.

    Adds new surface forms as aliases and fills the actors' missing name parts, role and
    country (never those of an actor a user edited). Lookups use an in-memory index cached
    on the session, and all writes go out in a few batched statements.
    """
    [ids] = resolve_actor_ids_by_document(session=session, documents=[speakers])
    return ids


def resolve_actor_ids_by_document(*, session: Session, documents: Iterable[Iterable[Speaker]]) -> list[list[int]]:
    """:func:`resolve_actor_ids` for the speakers of several documents, one list per document.

    Each document is resolved in turn exactly as resolve_actor_ids would, and the registry
    writes once at the end: a batch of documents then costs a few statements, not a few per
    document.
    """
    return [[actor.id for actor in actors] for actors in resolve_actors_by_document(session=session, documents=documents)]


def resolve_actors_by_document(*, session: Session, documents: Iterable[Iterable[Speaker]]) -> list[list[_KnownActor]]:
    """:func:`resolve_actor_ids_by_document`, giving the registry's copy of each actor (its
    id, and the name, type, role and country on record once the whole batch is resolved)."""
    registry, resolved = resolve_actors_unwritten(session=session, documents=documents)
    registry.write()
    return resolved


def resolve_actors_unwritten(
    *, session: Session, documents: Iterable[Iterable[Speaker]],
) -> tuple[ActorRegistry, list[list[_KnownActor]]]:
    """:func:`resolve_actors_by_document` but for writing: the caller calls the registry's
    ``write`` (the new actors have no id until then), with ids it drew for them."""
    registry = registry_for(session)
    return registry, [_resolve_document(registry, list(speakers)) for speakers in documents]


def _resolve_document(registry: ActorRegistry, speakers: list[Speaker]) -> list[_KnownActor]:
    # Speakers named in full first, so that a surname-only speaker of the same document can
    # join the person the document named ("Tony Blair ... Blair said"); a generic body the
    # article placed before its mentions it did not, which then join it (rule generic-body).
    order = sorted(range(len(speakers)), key=lambda i: (_surname_only(speakers[i]), _unplaced_generic(speakers[i])))
    actors: list[_KnownActor | None] = [None] * len(speakers)
    in_document: set[_KnownActor] = set()
    for i in order:
        actors[i] = registry.resolve(speakers[i], in_document)
        in_document.add(actors[i])
    for speaker, actor in zip(speakers, actors):
        if speaker.principal and actor.country is None:
            registry.place_associates(actor, speaker.principal, in_document)
    registry.count_documents(in_document)
    return actors


def claim_capacity(speaker: Speaker, actor: _KnownActor) -> tuple[str | None, str | None]:
    """The country and role ``speaker``'s article gives, for its claims, where the article
    gives the speaker another office than the one on record for ``actor`` (one country and
    role, from the first article that named the person): "European Council President" in
    one article, "Polish Prime Minister" in another. (None, None) when it does not.

    Another office is a role with a title word ("president", "minister") that is not the
    actor's with words added or left out ("Tory shadow chancellor", "minister"); the
    country comes with it when the article says it of the speaker (not one inferred from
    where the speaker is quoted, see records.Speaker) and it differs from the actor's. A
    country alone does not count: organisations do not move, and a person given another
    country in the same office is more often a misread phrase than a move. An actor a user
    edited keeps the country and role set for every claim."""
    role = speaker.role
    if (actor.user_edited or not role or actor.role is None
            or TYPE_GROUPS.get(actor.type) != TYPE_GROUPS.get(speaker.type)):
        return None, None
    words, actor_words = _role_words(role), _role_words(actor.role)
    if words <= actor_words or actor_words <= words or not words & title_words():
        return None, None
    country = speaker.country
    if not country or country == actor.country or speaker.country_inferred:
        country = None
    return country, role


@lru_cache(maxsize=4096)
def _role_words(role: str) -> frozenset[str]:
    return frozenset(_ROLE_WORD.findall(role.casefold())) - _ROLE_FILLERS


_ROLE_WORD = re.compile(r"[\w'’-]+")
_ROLE_FILLERS = frozenset({"of", "the", "for", "and", "at", "to", "in", "with", "'s", "former", "ex"})


def _unplaced_generic(speaker: Speaker) -> bool:
    """Whether ``speaker`` is a body with a generic name (generic_body_name) and no country."""
    return speaker.country is None and _generic_body(speaker.type, speaker.name)


def _surname_only(speaker: Speaker) -> bool:
    return speaker.type == "person" and all(len(name.split()) < 2 for name in (speaker.name, *speaker.aliases))


def catch_up_registry(session: Session, *, actors_after: int, aliases_after: int, claims_after: int,
                      actors_total: int | None = None) -> None:
    """Bring the session's registry, if it has one, up to date with what other writers
    committed since it last wrote (see :meth:`ActorRegistry.catch_up`); drop it when that
    cannot be done."""
    registry = session.info.get(_REGISTRY_KEY)
    if registry is not None and not registry.catch_up(
        actors_after=actors_after, aliases_after=aliases_after, claims_after=claims_after,
        actors_total=actors_total,
    ):
        forget_registry(session)


def forget_registry(session: Session) -> None:
    """Drop the session's cached registry, after changing actors by other means."""
    session.info.pop(_REGISTRY_KEY, None)


def resolve_actor(*, session: Session, speaker: Speaker) -> Actor:
    """The canonical :class:`Actor` for ``speaker``, found or created (see resolve_actor_ids)."""
    [actor_id] = resolve_actor_ids(session=session, speakers=[speaker])
    # The registry writes with Core statements, so a copy in the identity map may be stale.
    return session.get(Actor, actor_id, populate_existing=True)
