"""Many literal forms as one fast regular expression."""

from __future__ import annotations


def trie_regex(sequences: list[list[str]]) -> str:
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
        ends = "" in node
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
        return body

    return emit(trie)
