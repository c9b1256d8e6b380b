"""read: files, directories, globs, standard input and HTML pages → :class:`Document`.

``iter_sources(args)`` expands command-line arguments into :class:`Source` objects without ever
raising; ``read_document(source)`` turns one into a Document or raises :class:`InputError`
(:class:`UnsupportedInput` for a file type claimsdb does not read) with a one-line reason.
"""

from claimsdb.read.document import DEFAULT_MAX_BYTES, document_from_bytes, read_document
from claimsdb.read.sources import SUPPORTED_SUFFIXES, Source, iter_sources, parse_size

__all__ = [
    "DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES", "Source", "document_from_bytes", "iter_sources", "parse_size",
    "read_document",
]
