"""The gazetteer's cached table: written sorted, looked up by bisection as a dict would be."""

from claimsdb.resolve import places


def test_sorted_table_answers_as_the_dict_of_its_lines(tmp_path):
    table = {"odesa": "UA", "odessa": "UA", "kyiv": "UA", "bergen": "NO", "'s-gravenzande": "NL", "zürich": "CH",
             "a": "X", "ab": "Y", "a b": "Z"}
    path = tmp_path / "places.tsv"
    places._write(path, table)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines() == sorted(text.splitlines())
    looked_up = places._SortedTable(text)
    assert looked_up
    for key in [*table, "odes", "odesax", "", "kyiv\t", "zurich", "b", "a\tX"]:
        assert looked_up.get(key) == table.get(key), key


def test_an_empty_table_is_none():
    assert not places._SortedTable("")
