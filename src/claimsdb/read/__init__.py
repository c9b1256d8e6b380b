"""read: files, directories, globs, standard input, records, web pages and feeds → :class:`Document`.

``iter_sources(args)`` expands command-line arguments into :class:`Source` objects without ever
raising; ``expand_sources`` opens up the inputs that hold many documents (JSON Lines and CSV
records, feeds) and fetches web addresses; ``read_document(source)`` turns one into a Document
or raises :class:`InputError` (:class:`UnsupportedInput` for a file type claimsdb does not
read) with a one-line reason.
"""

from claimsdb.read.document import DEFAULT_MAX_BYTES, document_from_bytes, read_document
from claimsdb.read.inputs import expand_sources
from claimsdb.read.records import FIELD_NAMES, RecordFields
from claimsdb.read.sources import SUPPORTED_SUFFIXES, Metadata, Source, iter_sources, parse_size
from claimsdb.read.web import DEFAULT_TIMEOUT

__all__ = [
    "DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "FIELD_NAMES", "SUPPORTED_SUFFIXES", "Metadata", "RecordFields",
    "Source", "document_from_bytes", "expand_sources", "iter_sources", "parse_size", "read_document",
]
