"""Lexicons as fast regular expressions: many literal forms as one prefix-tree pattern."""

from __future__ import annotations

import marshal


def trie_regex(sequences: list[list[str]]) -> str:
    """One alternation for many forms, factored by common prefixes (:func:`_trie_regex`).

    Built once per machine: a prefix tree of a few thousand forms costs a new process more than
    reading its text from the pattern cache, keyed by the forms (in sorted order, as the
    result does not depend on their order or repeats) and the builder's code.
    """
    from claimsdb.pattern_cache import cached_text

    forms = marshal.dumps(sorted({tuple(seq) for seq in sequences}))
    return cached_text("trie", forms, _trie_regex, sequences)


def _trie_regex(sequences: list[list[str]]) -> str:
    """One alternation for many forms, factored by common prefixes.

    Python's ``re`` tries alternatives one by one; a prefix tree makes a failed attempt cost a
    character or two instead of one comparison per form. Longer forms are tried before their
    prefixes ("United States of America" before "United States") and the engine backtracks
    to the shorter one when the longer does not end at a word boundary.
    """
    trie: dict = {}
    for seq in sequences:
        node = trie
        for atom in seq:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        # Most nodes have one child: walk such a chain in a loop (the same text as recursing).
        chain = []
        while len(node) == 1:
            ((atom, child),) = node.items()
            if not atom:
                return "".join(chain)
            chain.append(atom)
            node = child
        return "".join(chain) + branch(node) if chain else branch(node)

    def branch(node: dict) -> str:
        ends = "" in node
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
        return body

    return emit(trie)


def load_word_table(name: str) -> dict[str, list[tuple[str, list[str]]]]:
    """A lexicon of ``kind <TAB> value <TAB> form|form|...`` lines (after one header line) from
    ``claimsdb/data``, as kind → [(value, forms)]. Used by the date and quantity finders."""
    from importlib.resources import files

    text = (files("claimsdb.data") / name).read_text(encoding="utf-8")
    table: dict[str, list[tuple[str, list[str]]]] = {}
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        kind, value, forms = (line.split("\t") + ["", ""])[:3]
        table.setdefault(kind, []).append((value, [f.strip() for f in forms.split("|") if f.strip()]))
    return table
