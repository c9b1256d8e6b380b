"""The actor registry: one canonical actor per real speaker across the whole database.

A speaker found in an article (``Speaker``: its best name in that article, type, role, country,
other surface forms) is matched to an existing actor by name keys that ignore case, accents,
punctuation and common transliteration variants, so "Zelensky", "Zelenskyy" and "Zelenskiy"
meet. A person mentioned by surname only ("Zelensky") joins the one person whose fuller name
ends that way; when several could be meant, it stays apart rather than guess. The actor's name
is the fullest form seen; role and country learned from any mention fill blanks, and an actor a
user edited is never changed by ingest.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimsdb.models import Actor, ActorAlias

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claimsdb.records import Speaker

# Letters that Unicode decomposition does not reduce to a base letter plus accent.
LETTER_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)

# Spelling variants of one name, mostly English transliterations of Slavic names, rewritten to
# one spelling in each word of a name key, in this order.
TRANSLITERATION_FOLDS: tuple[tuple[str, str], ...] = (
    (r"x", "ks"),  # Alexei, Aleksei
    (r"yy", "y"),  # Zelenskyy, Zelensky
    (r"iy$", "y"),  # Zelenskiy, Dmitriy, Yuriy
    (r"ii$", "y"),  # Andrii
    (r"yi$", "y"),  # Zelenskyi
    (r"ij$", "y"),  # Zelenskij
    (r"yj$", "y"),  # Selenskyj
    (r"ey$", "ei"),  # Sergey, Sergei; Alexey, Alexei
)
_FOLDS = tuple((re.compile(pattern), replacement) for pattern, replacement in TRANSLITERATION_FOLDS)

# Name endings that are not surnames ("Martin Luther King Jr").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

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


def name_key(text: str) -> str:
    """``text`` lower-cased, without accents or punctuation, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(LETTER_FOLDS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def fold_key(key: str) -> str:
    """A :func:`name_key` with transliteration variants folded to one spelling."""
    words = []
    for word in key.split():
        for pattern, replacement in _FOLDS:
            word = pattern.sub(replacement, word)
        words.append(word)
    return " ".join(words)


def lookup_key(text: str) -> str:
    """The key under which ``text`` (a name as a user or an article writes it) is looked up."""
    return fold_key(name_key(text))


def _surname(fold: str) -> str:
    words = [w for w in fold.split() if w not in NAME_SUFFIXES] or fold.split()
    return words[-1] if words else ""


def _is_word_suffix(short: str, full: str) -> bool:
    """Whether ``short`` is the last words of ``full``, and ``full`` has more words."""
    return full.endswith(" " + short)


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
        text = " ".join((text or "").split())
        key = name_key(text)
        if key and key not in forms:
            forms[key] = _Form(text, key, fold_key(key))
    return list(forms.values())


class ActorRegistry:
    """In-memory index of a session's actors, so resolving a speaker costs no query.

    Built once per session (see :func:`registry_for`) from every actor and alias in the database
    and kept current as actors are created; dropped when the session rolls back.
    """

    def __init__(self, session: Session) -> None:
        from sqlalchemy import select

        self.session = session
        self._actors: dict[int, Actor] = {}
        self._by_fold: dict[str, set[int]] = defaultdict(set)
        # Persons by the last word of each of their names, for surname-only mentions.
        self._by_surname: dict[str, set[int]] = defaultdict(set)
        self._folds: dict[int, set[str]] = defaultdict(set)
        self._alias_keys: dict[int, set[str]] = defaultdict(set)
        for actor in session.scalars(select(Actor)):
            self._actors[actor.id] = actor
            self._index(actor, fold_key(actor.name_key))
        rows = session.execute(select(ActorAlias.actor_id, ActorAlias.alias_key, ActorAlias.fold_key))
        for actor_id, alias_key, fold in rows:
            self._alias_keys[actor_id].add(alias_key)
            self._index(self._actors[actor_id], fold)

    def attached(self) -> bool:
        """False once the session was closed: the cached actors are detached from it then,
        and changes to them would be lost."""
        first = next(iter(self._actors.values()), None)
        return first is None or first in self.session

    def _index(self, actor: Actor, fold: str) -> None:
        self._by_fold[fold].add(actor.id)
        self._folds[actor.id].add(fold)
        if actor.type == "person":
            self._by_surname[_surname(fold)].add(actor.id)

    def resolve(self, speaker: Speaker) -> Actor:
        """The canonical actor for ``speaker``, created if no existing actor matches."""
        forms = _surface_forms(speaker)
        speaker_type = speaker.type
        if not forms:
            forms = [_Form(UNKNOWN_SPEAKER, UNKNOWN_SPEAKER, UNKNOWN_SPEAKER)]
            speaker_type = "anonymous"
        actor = self._match(forms, speaker_type, speaker.country)
        if actor is None:
            actor = self._create(forms, speaker_type)
        self._learn(actor, forms, speaker)
        return actor

    def _compatible(self, actor_ids, speaker_type: str) -> list[Actor]:
        group = TYPE_GROUPS.get(speaker_type)
        return [self._actors[i] for i in actor_ids if TYPE_GROUPS.get(self._actors[i].type) == group]

    def _named_fully(self, fold: str) -> set[int]:
        """Actors with a name whose key is ``fold``, not counting surname-only aliases."""
        return {
            i for i in self._by_fold.get(fold, ())
            if not any(_is_word_suffix(fold, other) for other in self._folds[i])
        }

    def _match(self, forms: list[_Form], speaker_type: str, country: str | None) -> Actor | None:
        # A surname the article also used ("Blair" for "Cherie Blair") says nothing the full
        # name does not, and could point at another Blair: only the fullest name and names
        # that are not part of it ("UN" beside "United Nations") are matched.
        primary = max(forms, key=lambda f: _fullness(f.text))
        names = [f for f in forms if not _is_word_suffix(f.fold, primary.fold)]
        exact = self._compatible({i for f in names for i in self._named_fully(f.fold)}, speaker_type)
        if exact:
            # Several actors with one name (two John Smiths): prefer the same type, then the
            # same country, then the oldest.
            return min(
                exact,
                key=lambda a: (a.type != speaker_type, bool(country) and a.country != country, a.id),
            )
        if speaker_type == "person":
            return self._match_partial_name(names, country)
        return None

    def _match_partial_name(self, names: list[_Form], country: str | None) -> Actor | None:
        """A person actor that one of ``names`` names only partly, or that names it partly.

        "Zelensky" joins "Volodymyr Zelenskyy", and "Volodymyr Zelenskyy" upgrades an actor
        seen so far only as "Zelensky", but only when exactly one person fits: with a Tony
        and a Cherie Blair on record, "Blair" stays its own actor.
        """
        for form in names:
            same_surname = [
                self._actors[i]
                for i in self._by_surname.get(_surname(form.fold), ())
                if not (country and self._actors[i].country and self._actors[i].country != country)
            ]
            fuller = [
                a for a in same_surname if any(_is_word_suffix(form.fold, f) for f in self._folds[a.id])
            ]
            if len(fuller) == 1:
                return fuller[0]
            partial = [
                a for a in same_surname if all(_is_word_suffix(f, form.fold) for f in self._folds[a.id])
            ]
            if not fuller and len(partial) == 1 and len(same_surname) == 1:
                return partial[0]
        return None

    def _create(self, forms: list[_Form], actor_type: str) -> Actor:
        best = max(forms, key=lambda f: _fullness(f.text))
        actor = Actor(name=best.text, name_key=best.key, type=actor_type, user_edited=False)
        self.session.add(actor)
        # The id is needed now: aliases and claims refer to it.
        self.session.flush()
        self._actors[actor.id] = actor
        return actor

    def _learn(self, actor: Actor, forms: list[_Form], speaker: Speaker) -> None:
        """Record new surface forms as aliases and fill the actor's blanks from ``speaker``."""
        if not actor.user_edited:
            best = max(forms, key=lambda f: _fullness(f.text))
            if _fullness(best.text) > _fullness(actor.name):
                actor.name, actor.name_key = best.text, best.key
            if speaker.role and not actor.role:
                actor.role = speaker.role
            if speaker.country and not actor.country:
                actor.country = speaker.country
        known = self._alias_keys[actor.id]
        for form in forms:
            if form.key not in known:
                known.add(form.key)
                self.session.add(
                    ActorAlias(actor_id=actor.id, alias=form.text, alias_key=form.key, fold_key=form.fold)
                )
                self._index(actor, form.fold)


_REGISTRY_KEY = "claimsdb.actor_registry"


def registry_for(session: Session) -> ActorRegistry:
    """The session's actor registry, built on first use and rebuilt after a rollback."""
    from sqlalchemy import event

    registry = session.info.get(_REGISTRY_KEY)
    if registry is None or not registry.attached():
        registry = ActorRegistry(session)
        session.info[_REGISTRY_KEY] = registry
        if not event.contains(session, "after_soft_rollback", _forget_registry):
            # Actors created in a rolled-back transaction no longer exist.
            event.listen(session, "after_soft_rollback", _forget_registry)
    return registry


def _forget_registry(session: Session, previous_transaction) -> None:
    session.info.pop(_REGISTRY_KEY, None)


def resolve_actor(*, session: Session, speaker: Speaker) -> Actor:
    """The canonical actor for ``speaker``, found or created in ``session``.

    Adds new surface forms as aliases and fills the actor's missing role and country. Lookups
    use an in-memory index cached on the session, so resolving thousands of speakers in one
    ingest costs only the inserts.
    """
    return registry_for(session).resolve(speaker)
