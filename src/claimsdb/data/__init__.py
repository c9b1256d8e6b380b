"""The word lists and tables claimsdb reads (one file each), and a reader for them that imports
nothing else of the package: the query commands read a list or two without loading the
extractor."""

from __future__ import annotations

from importlib.resources import files


def data_lines(name: str) -> list[str]:
    """The lines of the data file ``name`` that are neither blank nor comments ("#")."""
    text = files("claimsdb.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
