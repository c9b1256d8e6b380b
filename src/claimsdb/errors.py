"""Errors the library raises. Only the CLI turns them into messages and exit codes."""


class ClaimsDBError(Exception):
    """Base class: a condition the user can act on, reported as ``Error: <message>``."""


class InputError(ClaimsDBError):
    """An input file cannot be ingested (missing, unreadable, binary, empty, too large...)."""


class UnsupportedInput(InputError):
    """The input's type is not one claimsdb reads."""


class DatabaseError(ClaimsDBError):
    """The database cannot be opened, migrated or written."""


class NotFound(ClaimsDBError):
    """A claim, actor or document asked for by id or name does not exist."""


class BadFilter(ClaimsDBError):
    """A query filter value cannot be understood (a date, a country, a kind)."""


class OutputError(ClaimsDBError):
    """An export cannot be written (its folder is missing, not writable, the disk is full...)."""


class AmbiguousName(ClaimsDBError):
    """A name given for an actor fits several; the message lists them with their ids."""


class InvalidValue(ClaimsDBError):
    """A value given to change the actor registry cannot be used (an unknown country, an
    empty name, a name another actor has, merging an actor into itself)."""


class BadRegistryFile(InputError):
    """A registry CSV cannot be read (not UTF-8, not CSV, no header or no name column)."""


class BadGoldFile(InputError):
    """A gold file for `claims eval` cannot be read (not JSON Lines, or a line lacks a field)."""


class MissingDependency(ClaimsDBError):
    """An optional dependency a command needs is not installed (the message says which extra)."""


class ServerError(ClaimsDBError):
    """`claims serve` cannot start a server (the address is taken, or not one of this machine)."""


class UnknownExtractor(ClaimsDBError):
    """No extractor is registered under the name asked for."""
